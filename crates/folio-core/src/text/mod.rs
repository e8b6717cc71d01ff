//! Text analysis for search: the same for the index (at build time) and queries (in the app).
//!
//! Words are found by Unicode word segmentation, so curly quotes, dashes and no-break spaces
//! separate them. Each word is lower-cased, its diacritics are folded ("naïve" → "naive") and
//! its apostrophes dropped, so "Manzoor's" and "Manzoors" are the same surface form, which
//! stems to "manzoor". Words joined by hyphens are found whole and by their parts: a hyphenated
//! compound also yields the joined form at the position of its first part.

use std::borrow::Cow;
use std::ops::Range;

use rust_stemmers::{Algorithm, Stemmer};

mod fold;
mod lower;
mod segment;
mod word_breaks;
mod words;

use lower::to_lower;
pub use words::{word_indices, WordIndices};

/// Words longer than this (in bytes, after normalising) are not indexed or searched.
pub const MAX_TERM_BYTES: usize = 48;

/// One word of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The normalised surface form.
    pub term: String,
    /// Where the word stands in the original text, in bytes.
    pub span: Range<usize>,
    /// Its position among the words of the text; a joined compound shares its first part's.
    pub position: u32,
}

/// Lower-cases, folds diacritics and drops apostrophes.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// [`normalize`], into `out` (cleared first), so that a loop over words reuses one buffer.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        if word.contains('\'') {
            out.retain(|c| c != '\'');
        }
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        if fold::is_mark(c) || matches!(c, '\'' | '’' | 'ʼ' | '‘') {
            continue;
        }
        let (lower, more) = to_lower(c);
        out.push(fold::fold(lower));
        out.extend(more.map(fold::fold));
    }
}

fn is_hyphen(between: &str) -> bool {
    matches!(between, "-" | "‐" | "‑")
}

/// The words of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    for_each_token(text, |term, span, position| {
        out.push(Token {
            term: term.to_string(),
            span,
            position,
        })
    });
    out
}

/// Calls `f` with the term, span and position of each word of `text`, exactly as [`tokenize`]
/// lists them, without allocating for each word.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str, Range<usize>, u32)) {
    let mut position = 0u32;
    let mut term = String::new();
    // The last word given to `f`: a hyphen joins the next word to it.
    let mut last = String::new();
    let mut last_at: Option<(usize, u32)> = None;
    // The current hyphenated run: its start, position, and joined form so far (in `whole`).
    let mut compound: Option<(usize, u32)> = None;
    let mut whole = String::new();
    let mut last_end = 0;
    let mut emit = |term: &str, span: Range<usize>, position: u32| {
        f(term, span.clone(), position);
        Some((span.start, position))
    };
    for (start, word) in word_indices(text) {
        normalize_into(word, &mut term);
        let end = start + word.len();
        let joined = start > 0 && is_hyphen(&text[last_end..start]) && last_at.is_some();
        if joined {
            if compound.is_none() {
                let (first_start, first_position) = last_at.expect("checked");
                whole.clear();
                whole.push_str(&last);
                compound = Some((first_start, first_position));
            }
            whole.push_str(&term);
        } else if let Some((first_start, first_position)) = compound.take() {
            if whole.len() <= MAX_TERM_BYTES {
                last_at = emit(&whole, first_start..last_end, first_position);
                last.clear();
                last.push_str(&whole);
            }
        }
        if term.len() <= MAX_TERM_BYTES && !term.is_empty() {
            last_at = emit(&term, start..end, position);
            // `last` takes the term; `term` is refilled by the next word.
            std::mem::swap(&mut term, &mut last);
            position += 1;
        }
        last_end = end;
    }
    if let Some((first_start, first_position)) = compound {
        if whole.len() <= MAX_TERM_BYTES {
            emit(&whole, first_start..last_end, first_position);
        }
    }
}

/// The byte offset of the word at `position` in `text`, counting positions as [`tokenize`] does.
pub fn word_start(text: &str, position: u32) -> Option<usize> {
    let mut count = 0;
    let mut term = String::new();
    for (start, word) in word_indices(text) {
        // An ASCII word keeps its length but for apostrophes, and holds a letter or a digit.
        let len = if word.is_ascii() {
            word.len() - word.bytes().filter(|&b| b == b'\'').count()
        } else {
            normalize_into(word, &mut term);
            term.len()
        };
        if len == 0 || len > MAX_TERM_BYTES {
            continue;
        }
        if count == position {
            return Some(start);
        }
        count += 1;
    }
    None
}

thread_local! {
    static STEMMER: Stemmer = Stemmer::create(Algorithm::English);
}

/// The English Snowball stem of a normalised term.
pub fn stem(term: &str) -> String {
    if term.bytes().all(|b| b.is_ascii_digit()) {
        return term.to_string();
    }
    STEMMER.with(|s| match s.stem(term) {
        Cow::Borrowed(b) => b.to_string(),
        Cow::Owned(o) => o,
    })
}

/// Common English words: indexed (phrases need them) but weighing little in scores.
pub fn is_stop_word(term: &str) -> bool {
    STOP_WORDS.binary_search(&term).is_ok()
}

/// Sorted, for binary search.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "after",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<(String, u32)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.term, t.position))
            .collect()
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn separators_and_case() {
        let t = terms("“Quoted”\u{a0}words – and\u{2013}dashes, PTCL's 2009");
        let words: Vec<&str> = t.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["quoted", "words", "and", "dashes", "ptcls", "2009"]);
    }

    #[test]
    fn apostrophes_meet() {
        assert_eq!(normalize("Manzoor's"), "manzoors");
        assert_eq!(normalize("Manzoor’s"), "manzoors");
        assert_eq!(stem("manzoors"), stem("manzoor"));
    }

    #[test]
    fn diacritics_fold() {
        assert_eq!(normalize("Naïve Café"), "naive cafe");
        assert_eq!(normalize("ÉCOLE"), "ecole");
    }

    #[test]
    fn hyphenated_words_whole_and_in_parts() {
        let t = terms("anti-vote-rigging law");
        assert_eq!(
            t,
            [
                ("anti".into(), 0),
                ("vote".into(), 1),
                ("rigging".into(), 2),
                ("antivoterigging".into(), 0),
                ("law".into(), 3)
            ]
        );
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "Café – “x”";
        for token in tokenize(text) {
            assert!(text.get(token.span.clone()).is_some());
        }
        assert_eq!(&text[tokenize(text)[0].span.clone()], "Café");
    }

    #[test]
    fn word_starts_follow_token_positions() {
        let text = "anti-vote rigging, “quoted” café";
        for token in tokenize(text) {
            if !text[token.span.clone()].contains('-') {
                assert_eq!(word_start(text, token.position), Some(token.span.start));
            }
        }
        assert_eq!(word_start(text, 99), None);
    }

    #[test]
    fn stems() {
        assert_eq!(stem("privatisation"), stem("privatisations"));
        assert_eq!(stem("strikes"), "strike");
        assert_eq!(stem("2009"), "2009");
    }
}
