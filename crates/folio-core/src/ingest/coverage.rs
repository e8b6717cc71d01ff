//! The lossless check: every non-whitespace character of a source's text appears exactly once
//! in its document's verbatim parts, in source order.
//!
//! A reader says which pieces of its source are text (for plain text, all of it; for Markdown,
//! what the parser reports as content, with character references decoded, plus list markers and
//! front matter) — the rest is markup. The check walks both character sequences side by side.

use serde::Serialize;

use crate::model::Document;

/// A piece of source text that must reach the model: where it starts and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece<'a> {
    /// Byte offset of the piece in the source file.
    pub offset: usize,
    pub text: std::borrow::Cow<'a, str>,
}

/// The result of checking one document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub file: String,
    /// Non-whitespace characters in the whole source file.
    pub source_chars: usize,
    /// Of those, the ones that are markup (Markdown syntax, link destinations).
    pub markup_chars: usize,
    /// Non-whitespace characters in the document's verbatim parts.
    pub model_chars: usize,
    /// Characters matched one to one, in order.
    pub matched_chars: usize,
    /// Where the first difference is, when there is one.
    pub first_loss: Option<Loss>,
}

/// The first place where source and model part ways.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Loss {
    /// 1-based line and column (in characters) in the source.
    pub line: usize,
    pub column: usize,
    /// The source text around the place.
    pub source_context: String,
    /// The model text around the place, or empty when the model ended early.
    pub model_context: String,
}

impl Coverage {
    pub fn is_lossless(&self) -> bool {
        self.first_loss.is_none()
    }

    /// The share of text characters (not markup) found in the model, from 0 to 1.
    pub fn ratio(&self) -> f64 {
        let text = self.source_chars - self.markup_chars;
        if text == 0 {
            1.0
        } else {
            self.matched_chars as f64 / text as f64
        }
    }

    /// A sentence saying where text was lost, for an error message.
    pub fn describe_loss(&self) -> String {
        match &self.first_loss {
            None => "no text lost".into(),
            Some(loss) => format!(
                "the document does not keep its source text exactly (line {}, column {}: \
                 source has «{}», model has «{}»); {} of {} characters matched",
                loss.line,
                loss.column,
                loss.source_context,
                loss.model_context,
                self.matched_chars,
                self.source_chars - self.markup_chars
            ),
        }
    }
}

/// Checks `document` against the text `pieces` of `source`, in order.
pub fn check_pieces(document: &Document, source: &str, pieces: &[Piece<'_>]) -> Coverage {
    // The source's characters the model must hold, with where each stands in the source; both
    // sides are read as streams, never held whole (a large file would need 16 bytes a
    // character).
    let expected = || {
        pieces.iter().flat_map(|p| {
            let verbatim = p.text.len()
                == source
                    .get(p.offset..p.offset + p.text.len())
                    .map_or(usize::MAX, str::len)
                && source[p.offset..].starts_with(p.text.as_ref());
            p.text
                .char_indices()
                .filter(|(_, c)| !c.is_whitespace())
                .map(move |(i, c)| {
                    // Decoded pieces map every character to the piece's start.
                    (if verbatim { p.offset + i } else { p.offset }, c)
                })
        })
    };
    let parts = document.verbatim_parts();
    let model = || {
        parts
            .iter()
            .flat_map(|p| p.chars())
            .filter(|c| !c.is_whitespace())
    };
    let source_chars = source.chars().filter(|c| !c.is_whitespace()).count();
    let (mut from_source, mut from_model) = (expected(), model());
    let mut matched = 0;
    let (expected_len, model_len, loss_at) = loop {
        match (from_source.next(), from_model.next()) {
            (Some((_, a)), Some(b)) if a == b => matched += 1,
            (a, b) => {
                let expected_len = matched + usize::from(a.is_some()) + from_source.count();
                let model_len = matched + usize::from(b.is_some()) + from_model.count();
                break (expected_len, model_len, a.map(|(offset, _)| offset));
            }
        }
    };
    let first_loss = (matched < expected_len || matched < model_len).then(|| {
        let at = loss_at.unwrap_or(source.len());
        let before = &source[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Loss {
            line,
            column,
            source_context: context(expected().map(|(_, c)| c), matched),
            model_context: context(model(), matched),
        }
    });
    Coverage {
        file: document.source.clone(),
        source_chars,
        markup_chars: source_chars.saturating_sub(expected_len),
        model_chars: model_len,
        matched_chars: matched,
        first_loss,
    }
}

/// Checks a document whose whole source is text (no markup).
pub fn check(document: &Document, source: &str) -> Coverage {
    check_pieces(
        document,
        source,
        &[Piece {
            offset: 0,
            text: source.into(),
        }],
    )
}

/// Up to 24 non-whitespace characters starting a few before `at`.
fn context(chars: impl Iterator<Item = char>, at: usize) -> String {
    chars.skip(at.saturating_sub(8)).take(24).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Metadata, Section, SourceFormat, Text};

    fn doc(header: &[&str], body: &[&str]) -> Document {
        Document {
            id: "d".into(),
            title: "T".into(),
            source: "d.txt".into(),
            format: SourceFormat::Text,
            meta: Metadata::default(),
            header: header.iter().map(|s| s.to_string()).collect(),
            sections: vec![Section {
                id: "s".into(),
                title: "label".into(),
                level: 1,
                untitled: true,
                blocks: body
                    .iter()
                    .map(|t| Block::Paragraph(Text::plain(*t)))
                    .collect(),
            }],
            footer: vec![],
        }
    }

    #[test]
    fn whitespace_does_not_count() {
        let report = check(&doc(&["Title"], &["a  b\u{a0}c"]), "Title\n\n\na b c\n");
        assert!(report.is_lossless(), "{report:?}");
        assert_eq!(report.source_chars, 8);
        assert_eq!(report.ratio(), 1.0);
    }

    #[test]
    fn finds_a_dropped_character_with_its_line() {
        let report = check(&doc(&["Title"], &["ab"]), "Title\n\nabc\n");
        let loss = report.first_loss.clone().unwrap();
        assert_eq!((loss.line, loss.column), (3, 3));
        assert!(report.describe_loss().contains("line 3"));
    }

    #[test]
    fn a_changed_character_is_shown_in_both_texts() {
        let report = check(&doc(&["Title"], &["abYc d"]), "Title abXc d");
        let loss = report.first_loss.clone().unwrap();
        assert_eq!((loss.line, loss.column), (1, 9));
        assert_eq!(loss.source_context, "TitleabXcd");
        assert_eq!(loss.model_context, "TitleabYcd");
        assert_eq!((report.matched_chars, report.model_chars), (7, 10));
        assert_eq!((report.source_chars, report.markup_chars), (10, 0));
    }

    #[test]
    fn finds_a_duplicated_or_reordered_character() {
        assert!(!check(&doc(&["Title"], &["abc", "c"]), "Title abc").is_lossless());
        assert!(!check(&doc(&["Title"], &["bac"]), "Title abc").is_lossless());
    }
}
