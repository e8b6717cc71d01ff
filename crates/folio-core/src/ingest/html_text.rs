//! The text of raw HTML inside Markdown, as a reader of the rendered page sees it: tags,
//! comments, declarations and the insides of `<script>` and `<style>` are markup; the text
//! between them is text, with its character references decoded. Block-level tags end a
//! paragraph, `<br>` breaks a line. HTML is never interpreted beyond that, and never rendered.

use std::borrow::Cow;
use std::ops::Range;

/// What a piece of raw HTML holds, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Text, as a byte range of the chunk it was read from.
    Text(Range<usize>),
    /// A block-level tag: what follows starts a new paragraph.
    Break,
    /// `<br>`: a line break within the paragraph.
    LineBreak,
}

/// Tags that stand between paragraphs rather than inside one.
const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    Text,
    /// Inside a tag: its name so far, whether the name is complete, and an open quote.
    Tag {
        name: String,
        named: bool,
        closing: bool,
        quote: Option<char>,
    },
    Comment,
    /// Inside `<script>` or `<style>`, until the closing tag.
    Raw(&'static str),
}

/// Reads raw HTML chunk by chunk (the lines of an HTML block), keeping what is open — a tag,
/// a comment — from one chunk to the next.
#[derive(Debug, Default)]
pub struct HtmlText {
    mode: Mode,
}

impl HtmlText {
    /// The parts of `chunk`, given what earlier chunks left open.
    pub fn feed(&mut self, chunk: &str) -> Vec<Part> {
        let mut parts = Vec::new();
        let mut text_start: Option<usize> = None;
        let mut i = 0;
        while i < chunk.len() {
            let rest = &chunk[i..];
            let c = rest.chars().next().expect("not at the end");
            match &mut self.mode {
                Mode::Text => {
                    let opens = c == '<'
                        && rest[1..].chars().next().is_some_and(|n| {
                            n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')
                        });
                    if opens {
                        if let Some(start) = text_start.take() {
                            parts.push(Part::Text(start..i));
                        }
                        if rest.starts_with("<!--") {
                            self.mode = Mode::Comment;
                            i += 4;
                            continue;
                        }
                        let closing = rest[1..].starts_with('/');
                        self.mode = Mode::Tag {
                            name: String::new(),
                            named: rest[1..].starts_with(['!', '?']),
                            closing,
                            quote: None,
                        };
                        i += if closing { 2 } else { 1 };
                        continue;
                    }
                    text_start.get_or_insert(i);
                }
                Mode::Comment => {
                    if rest.starts_with("-->") {
                        self.mode = Mode::Text;
                        i += 3;
                        continue;
                    }
                }
                Mode::Raw(name) => {
                    let name = *name;
                    let closes = rest.starts_with("</")
                        && rest
                            .get(2..2 + name.len())
                            .is_some_and(|n| n.eq_ignore_ascii_case(name));
                    if closes {
                        self.mode = Mode::Tag {
                            name: name.to_string(),
                            named: true,
                            closing: true,
                            quote: None,
                        };
                        i += 2 + name.len();
                        continue;
                    }
                }
                Mode::Tag {
                    name,
                    named,
                    closing,
                    quote,
                } => match (*quote, c) {
                    (Some(q), c) if c == q => *quote = None,
                    (Some(_), _) => {}
                    (None, '"' | '\'') if *named => *quote = Some(c),
                    (None, '>') => {
                        let name = name.to_ascii_lowercase();
                        let closing = *closing;
                        self.mode = Mode::Text;
                        if name == "br" {
                            parts.push(Part::LineBreak);
                        } else if BLOCK_TAGS.contains(&name.as_str()) {
                            parts.push(Part::Break);
                        } else if !closing && (name == "script" || name == "style") {
                            self.mode =
                                Mode::Raw(if name == "script" { "script" } else { "style" });
                        }
                    }
                    (None, c) if !*named && (c.is_alphanumeric() || c == '-') => name.push(c),
                    (None, _) => *named = true,
                },
            }
            i += c.len_utf8();
        }
        if let Some(start) = text_start {
            parts.push(Part::Text(start..chunk.len()));
        }
        parts
    }
}

/// The named character references seen in documents, sorted by name.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("apos", '\''),
    ("bull", '•'),
    ("cent", '¢'),
    ("copy", '©'),
    ("darr", '↓'),
    ("deg", '°'),
    ("divide", '÷'),
    ("euro", '€'),
    ("gt", '>'),
    ("harr", '↔'),
    ("hellip", '…'),
    ("laquo", '«'),
    ("larr", '←'),
    ("ldquo", '“'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("mdash", '—'),
    ("middot", '·'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("para", '¶'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("quot", '"'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rdquo", '”'),
    ("reg", '®'),
    ("rsquo", '’'),
    ("sect", '§'),
    ("times", '×'),
    ("trade", '™'),
    ("uarr", '↑'),
    ("yen", '¥'),
];

/// `text` with its character references decoded: the named ones above and numeric ones.
/// Unknown references stay as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let decoded = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &after[..end];
            let c = match NAMED.binary_search_by(|(n, _)| n.cmp(&name)) {
                Ok(i) => NAMED[i].1,
                Err(_) => {
                    let number = name.strip_prefix('#')?;
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(value).filter(|&c| c != '\0')?
                }
            };
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts of the chunks, with text written out.
    fn read(chunks: &[&str]) -> Vec<String> {
        let mut html = HtmlText::default();
        chunks
            .iter()
            .flat_map(|chunk| {
                html.feed(chunk).into_iter().map(move |part| match part {
                    Part::Text(r) => chunk[r].to_string(),
                    Part::Break => "¶".to_string(),
                    Part::LineBreak => "↵".to_string(),
                })
            })
            .collect()
    }

    #[test]
    fn tags_are_markup_and_block_tags_break() {
        assert_eq!(
            read(&["<p align=\"center\">One <b>bold</b> word</p><p>Two<br/>lines</p>"]),
            ["¶", "One ", "bold", " word", "¶", "¶", "Two", "↵", "lines", "¶"]
        );
        assert_eq!(
            read(&["<img src=\"logo.png\" alt=\"a > b\">"]),
            Vec::<String>::new()
        );
        // As in a browser, "<" before a letter opens a tag, which ends at ">".
        assert_eq!(read(&["a < b and c<d e", "f> g"]), ["a < b and c", " g"]);
    }

    #[test]
    fn comments_scripts_and_tags_may_span_chunks() {
        assert_eq!(
            read(&[
                "<!-- a\n",
                "comment -->after\n",
                "<div\n",
                "class='x'>in</div>\n"
            ]),
            ["after\n", "¶", "in", "¶", "\n"]
        );
        assert_eq!(
            read(&[
                "<script>if (a < b) x();</script>",
                "<STYLE>p { }</style>shown"
            ]),
            ["shown"]
        );
        assert_eq!(read(&["<!DOCTYPE html><?xml x?>text"]), ["text"]);
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(
            decode_entities("&copy; 2024 &amp; &#35;&#x41; &bogus; & &nbsp;"),
            "© 2024 & #A &bogus; & \u{a0}"
        );
        assert_eq!(
            decode_entities("a &middot; b &rarr; c&times;2"),
            "a · b → c×2"
        );
        assert!(matches!(decode_entities("plain"), Cow::Borrowed(_)));
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
