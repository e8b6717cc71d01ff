//! Snippets: the window of about thirty words of a section's body holding the most query
//! matches, with the matched words as byte ranges for highlighting.

use std::ops::Range;

use serde::Serialize;

use crate::index::{read_varint, CHECKPOINT};
use crate::text::{for_each_token, word_start};

/// Words in a snippet.
pub const WINDOW: u32 = 30;
/// Words of context shown before the first match.
const LEAD: u32 = 4;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight.
    pub highlights: Vec<(usize, usize)>,
    /// Where `text` starts in the section's body text (`Section::body_text`), in bytes.
    pub offset: usize,
    /// Whether the body goes on before and after the snippet.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// The start of the window of `WINDOW` positions holding the most matches.
fn best_window(matches: &[u32]) -> u32 {
    let mut best = (0, matches.first().copied().unwrap_or(0));
    let mut lo = 0;
    for hi in 0..matches.len() {
        while matches[hi] - matches[lo] >= WINDOW {
            lo += 1;
        }
        if hi + 1 - lo > best.0 {
            best = (hi + 1 - lo, matches[lo]);
        }
    }
    best.1.saturating_sub(LEAD)
}

/// Byte ranges of the words of `text` whose terms are in `terms` (a hit's few terms), merged
/// where they touch.
pub fn highlight(text: &str, terms: &[String]) -> Vec<Range<usize>> {
    highlight_where(text, |term| terms.iter().any(|t| t == term))
}

/// Byte ranges of the words of `text` whose terms satisfy `wanted`, merged where they touch.
pub fn highlight_where(text: &str, wanted: impl Fn(&str) -> bool) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for_each_token(text, |term, span, _| {
        if wanted(term) {
            ranges.push(span);
        }
    });
    ranges.sort_unstable_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The byte offset of body word `position`, from the checkpoint offsets of every
/// `CHECKPOINT`-th word and a few words of tokenizing.
fn offset_of(body: &str, checkpoints: &[u8], position: u32) -> Option<usize> {
    let wanted = position / CHECKPOINT;
    let (mut at, mut offset) = (0, 0u32);
    for k in 0..=wanted {
        if at >= checkpoints.len() {
            return None;
        }
        offset += read_varint(checkpoints, &mut at);
        if k == wanted {
            break;
        }
    }
    let from = offset as usize;
    let rest = body.get(from..)?;
    word_start(rest, position % CHECKPOINT).map(|o| from + o)
}

/// The snippet of `body` around the `matches` (sorted body positions), using the body's
/// checkpoint offsets to find the window without reading the whole body. `terms`, sorted, are
/// the terms to highlight.
pub fn make(body: &str, checkpoints: &[u8], matches: &[u32], terms: &[String]) -> Snippet {
    let start_word = best_window(matches);
    let start = offset_of(body, checkpoints, start_word)
        .unwrap_or(0)
        .min(body.len());
    let end = offset_of(body, checkpoints, start_word + WINDOW)
        .unwrap_or(body.len())
        .clamp(start, body.len());
    if !body.is_char_boundary(start) || !body.is_char_boundary(end) {
        return Snippet::default();
    }
    let raw = &body[start..end];
    let text = raw.trim_end();
    let text_start = start + (text.len() - text.trim_start().len());
    let text = text.trim_start();
    let highlights = highlight_where(text, |term| {
        terms.binary_search_by(|t| t.as_str().cmp(term)).is_ok()
    })
    .into_iter()
    .map(|r| (r.start, r.end))
    .collect();
    Snippet {
        text: text.to_string(),
        highlights,
        offset: text_start,
        cut_before: start > 0,
        cut_after: end < body.trim_end().len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_with_most_matches_wins() {
        assert_eq!(best_window(&[]), 0);
        assert_eq!(best_window(&[2]), 0);
        assert_eq!(best_window(&[10, 100, 105, 110]), 96);
    }

    #[test]
    fn highlights_merge_and_point_into_the_text() {
        let terms = ["minimum".to_string(), "wage".to_string()];
        let text = "the Minimum wage, and the minimum–wage";
        let ranges = highlight(text, &terms);
        assert_eq!(&text[ranges[0].clone()], "Minimum");
        assert_eq!(ranges.len(), 4);
    }
}
