//! MkDocs' blocks with indented bodies: admonitions (Python-Markdown's `!!! note "Title"`, and
//! the collapsible `??? note` and `???+ note` of its details extension) and content tabs
//! (`=== "Label"`): a marker line, then a body indented by four spaces (or a tab), nested as
//! deep as it likes.
//!
//! CommonMark reads such a body as an indented code block. So before the Markdown parser runs,
//! [`rewrite`] gives it a copy of the source, byte for byte as long, where each marker line is
//! blank and each level of a body's indentation is a block-quote marker (`    ` → `   >`, a tab
//! → `>`): the body parses as the Markdown it is, inside a quote, and every offset still points
//! at the same place of the source. The reader then turns those quotes into call-outs, or, for
//! a tab, into its label followed by its body. Only white space changes: the text the parser
//! reports is the source's own.

use std::collections::HashMap;
use std::ops::Range;

use super::shortcodes;
use crate::model::AlertKind;

/// One admonition or content tab of the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Admonition {
    /// The call-out an admonition is; `None` for a content tab.
    pub kind: Option<AlertKind>,
    /// The title (or a tab's label) written between quotes, and where it is in the source;
    /// `None` when there is none or it is empty (`""`, an admonition without a title bar).
    pub title: Option<(Range<usize>, String)>,
}

/// The source as the parser should read it, and its admonitions.
#[derive(Debug, Default)]
pub struct Rewritten {
    pub text: String,
    pub admonitions: Vec<Admonition>,
    /// The admonition each inserted `>` opens, by its byte offset.
    owners: HashMap<usize, usize>,
    /// Directive containers (`:::tip[Title]` … `:::`, as Docusaurus, VitePress and Starlight
    /// write call-outs), in source order, each with its body's byte range. Their bodies are not
    /// indented: the reader opens and closes them by offsets. One of no known kind
    /// (`::: code-group`) has none, and its body simply goes on.
    pub directives: Vec<(Admonition, Range<usize>)>,
}

impl Rewritten {
    /// The admonition a block quote that starts at `at` belongs to: the one whose `>` is the
    /// first after `at` on its line.
    pub fn owner(&self, at: usize) -> Option<usize> {
        let line = &self.text[at..];
        let end = line.find('\n').unwrap_or(line.len());
        let gt = line[..end].find('>')?;
        self.owners.get(&(at + gt)).copied()
    }
}

/// Rewrites the admonitions, shortcodes and references of `source`, or gives `None` when it has
/// none of them.
pub fn rewrite(source: &str) -> Option<Rewritten> {
    if !["!!!", "???", "===", ":::", "{{<", "{{%"]
        .iter()
        .any(|m| source.contains(m))
    {
        return None;
    }
    let mut out = Rewritten {
        text: String::with_capacity(source.len()),
        ..Rewritten::default()
    };
    // The open admonitions, outermost first, and the fence open at each depth.
    let mut open: Vec<usize> = Vec::new();
    let mut fence: Vec<Option<String>> = vec![None];
    let mut previous_blank = true;
    // Open directive containers: their index and the length of their fence of colons.
    let mut directives: Vec<(usize, usize)> = Vec::new();
    // Open containers of Hugo's shortcodes: their index and the shortcode's name; where the
    // source closes shortcodes, read at the first line of shortcodes.
    let mut paired: Vec<(usize, &str)> = Vec::new();
    let mut closers: Option<shortcodes::Closers> = None;
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        if content.trim().is_empty() {
            out.text.push_str(line);
            previous_blank = true;
            continue;
        }
        // How many levels of indentation the line has, up to the open admonitions.
        let mut rest = content;
        let mut cuts = Vec::new();
        while cuts.len() < open.len() {
            let cut = if rest.starts_with('\t') {
                1
            } else if rest.starts_with("    ") {
                4
            } else {
                break;
            };
            cuts.push(cut);
            rest = &rest[cut..];
        }
        open.truncate(cuts.len());
        fence.truncate(cuts.len() + 1);
        // Each level's `>` belongs to the admonition of that depth.
        let mut written = 0;
        for (depth, &cut) in cuts.iter().enumerate() {
            out.text.push_str(&" ".repeat(cut - 1));
            out.text.push('>');
            out.owners.insert(start + written + cut - 1, open[depth]);
            written += cut;
        }
        let depth = cuts.len();
        let fenced = &mut fence[depth];
        let trimmed = rest.trim_start_matches(' ');
        let code = fenced.is_some() || fence_mark(trimmed).is_some();
        let marker = if let Some(open_fence) = fenced {
            if trimmed.starts_with(open_fence.as_str()) {
                *fenced = None;
            }
            None
        } else if let Some(mark) = fence_mark(trimmed) {
            *fenced = Some(mark);
            None
        } else if depth == 0 && rest.starts_with(":::") {
            // A directive's fence: it opens a container, or closes the innermost one that a
            // fence no longer than it opened.
            let colons = rest.len() - rest.trim_start_matches(':').len();
            let after = rest[colons..].trim();
            let blanked = if after.is_empty() {
                match directives.last() {
                    Some(&(i, opened)) if colons >= opened => {
                        out.directives[i].1.end = start;
                        directives.pop();
                        true
                    }
                    _ => false,
                }
            } else if let Some(admonition) = parse_directive(&rest[colons..], start + colons) {
                directives.push((out.directives.len(), colons));
                out.directives.push((admonition, at..at));
                true
            } else {
                false
            };
            if blanked {
                blank(&mut out.text, line);
                previous_blank = true;
                continue;
            }
            None
        } else if let Some(codes) = shortcodes::line_of(rest)
            .filter(|_| depth == 0 && !rest.starts_with("    ") && !rest.starts_with('\t'))
        {
            // A line of Hugo's shortcodes (see `shortcodes`): paired ones open and close
            // containers, call-outs or labelled ones. The line is markup when each of its
            // shortcodes closes, opens, or holds no text; else it stays as written.
            let closers = closers.get_or_insert_with(|| shortcodes::Closers::of(source));
            let offset = start + (content.len() - rest.len());
            let pairs = |c: &shortcodes::Shortcode| !c.closing && closers.after(c.name, at);
            if codes.iter().all(|c| c.closing || pairs(c) || !c.has_text()) {
                for code in &codes {
                    if code.closing {
                        if let Some(k) = paired.iter().rposition(|&(_, name)| name == code.name) {
                            for (i, _) in paired.drain(k..) {
                                out.directives[i].1.end = start;
                            }
                        }
                    } else if pairs(code) {
                        let kind = code.call_out();
                        let label = match kind {
                            Some(_) => code.argument("title"),
                            None => code.label(),
                        };
                        let title =
                            label.and_then(|(range, text)| title_at(offset + range.start, text));
                        paired.push((out.directives.len(), code.name));
                        out.directives.push((Admonition { kind, title }, at..at));
                    }
                }
                blank(&mut out.text, line);
                previous_blank = true;
                continue;
            }
            None
        } else if previous_blank {
            parse_marker(rest, start + written)
        } else {
            None
        };
        previous_blank = false;
        match marker {
            Some(admonition) => {
                out.text
                    .push_str(&" ".repeat(line.len() - written - newline(line)));
                out.text.push_str(&line[line.len() - newline(line)..]);
                out.admonitions.push(admonition);
                open.push(out.admonitions.len() - 1);
                fence.push(None);
                previous_blank = true;
            }
            None => {
                let kept = &line[written..];
                let indented = kept.starts_with("    ") || kept.starts_with('\t');
                match shortcodes::references_as_paths(kept).filter(|_| !indented && !code) {
                    Some(paths) => out.text.push_str(&paths),
                    None => out.text.push_str(kept),
                }
            }
        }
    }
    for (i, _) in directives {
        out.directives[i].1.end = source.len();
    }
    for (i, _) in paired {
        out.directives[i].1.end = source.len();
    }
    // A page may have no call-out and still have lines of shortcodes made blank, or a `ref`
    // made into its path: the copy is read whenever it differs.
    (!out.admonitions.is_empty() || !out.directives.is_empty() || out.text != source).then_some(out)
}

/// Reads what follows a directive's colons: a name (`tip`, ` warning`), then a title in
/// brackets (`[Did you know?]`), or after a space (VitePress' `::: warning Custom title`), and
/// attributes in braces, which are markup. A name of no known kind ([`kind_named`]) opens a
/// container without one.
fn parse_directive(rest: &str, offset: usize) -> Option<Admonition> {
    let lead = rest.len() - rest.trim_start().len();
    let named = &rest[lead..];
    let name_len = named
        .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(named.len());
    let name = &named[..name_len];
    if name.is_empty() {
        return None;
    }
    let tail = &named[name_len..];
    let tail_at = offset + lead + name_len;
    let (from, title) = if let Some(inner) = tail.strip_prefix('[') {
        let end = inner.find(']')?;
        (tail_at + 1, &inner[..end])
    } else if tail.starts_with(' ') && !tail.trim().starts_with('{') {
        let text = tail.trim_end();
        (tail_at, text)
    } else {
        (tail_at, "")
    };
    let title = title_at(from, title);
    let kind = kind_named(name);
    Some(Admonition {
        kind,
        title: title.filter(|_| kind.is_some()),
    })
}

/// A title written at byte `at` of the source, without the space around it, and where it is;
/// `None` when it is empty.
fn title_at(at: usize, text: &str) -> Option<(Range<usize>, String)> {
    let trimmed = text.trim();
    let from = at + (text.len() - text.trim_start().len());
    (!trimmed.is_empty()).then(|| (from..from + trimmed.len(), trimmed.to_string()))
}

/// Appends `line` as markup: spaces, as many as its bytes, then its line ending.
fn blank(out: &mut String, line: &str) {
    let content = line.len() - newline(line);
    out.push_str(&" ".repeat(content));
    out.push_str(&line[content..]);
}

/// The length of a line's line ending.
fn newline(line: &str) -> usize {
    line.len() - line.trim_end_matches(['\n', '\r']).len()
}

/// The fence a line opens (three or more backticks or tildes), if it opens one.
fn fence_mark(line: &str) -> Option<String> {
    let c = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let n = line.chars().take_while(|&x| x == c).count();
    (n >= 3).then(|| c.to_string().repeat(n))
}

/// Reads a marker line, `!!! type [class…] ["Title"]`, `??? …` or `???+ …`, or a content tab's
/// `=== "Label"` (`===!`, `===+`), found at `offset`.
fn parse_marker(line: &str, offset: usize) -> Option<Admonition> {
    let (rest, tab) = match ["===!", "===+", "==="]
        .iter()
        .find_map(|m| line.strip_prefix(m))
    {
        Some(rest) => (rest, true),
        None => {
            let rest = line
                .strip_prefix("???+")
                .or_else(|| line.strip_prefix("???"))
                .or_else(|| line.strip_prefix("!!!"))?;
            (rest, false)
        }
    };
    let after = line.len() - rest.len();
    let (words, title) = match rest.find('"') {
        Some(q) => {
            let quoted = rest[q + 1..].trim_end();
            let inner = quoted.strip_suffix('"')?;
            (&rest[..q], title_at(offset + after + q + 1, inner))
        }
        None => (rest, None),
    };
    if tab {
        // A tab is `=== "Label"`, and nothing else.
        let spaced = words.starts_with([' ', '\t']) && words.trim().is_empty();
        return (spaced && title.is_some()).then_some(Admonition { kind: None, title });
    }
    let mut words = words.split([' ', '\t']).filter(|w| !w.is_empty());
    let kind = words.next()?;
    let word = |w: &str| {
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    };
    if !word(kind) || !words.all(word) {
        return None;
    }
    Some(Admonition {
        kind: Some(kind_of(kind)),
        title,
    })
}

/// Names of call-out types across generators (MkDocs Material's types and their aliases,
/// Sphinx's, Docusaurus', VitePress' and Starlight's), each with the nearest of the five kinds.
/// A `caution` is a warning there, as Material and Starlight show it.
const KINDS: &[(&str, AlertKind)] = &[
    ("abstract", AlertKind::Note),
    ("attention", AlertKind::Warning),
    ("bug", AlertKind::Caution),
    ("caution", AlertKind::Warning),
    ("check", AlertKind::Tip),
    ("cite", AlertKind::Note),
    ("danger", AlertKind::Caution),
    ("details", AlertKind::Note),
    ("done", AlertKind::Tip),
    ("error", AlertKind::Caution),
    ("example", AlertKind::Note),
    ("fail", AlertKind::Caution),
    ("failure", AlertKind::Caution),
    ("faq", AlertKind::Note),
    ("help", AlertKind::Note),
    ("hint", AlertKind::Tip),
    ("important", AlertKind::Important),
    ("info", AlertKind::Note),
    ("missing", AlertKind::Caution),
    ("note", AlertKind::Note),
    ("question", AlertKind::Note),
    ("quote", AlertKind::Note),
    ("seealso", AlertKind::Note),
    ("success", AlertKind::Tip),
    ("summary", AlertKind::Note),
    ("tip", AlertKind::Tip),
    ("tldr", AlertKind::Note),
    ("todo", AlertKind::Note),
    ("warning", AlertKind::Warning),
];

/// The call-out kind a type's name stands for, if it is a known one.
pub(super) fn kind_named(name: &str) -> Option<AlertKind> {
    let name = name.to_ascii_lowercase();
    KINDS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, kind)| kind)
}

/// The call-out kind for an admonition type of MkDocs, which takes any name: an unknown one is
/// a note.
fn kind_of(name: &str) -> AlertKind {
    kind_named(name).unwrap_or(AlertKind::Note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_becomes_a_quote_of_the_same_length() {
        let source =
            "Text.\n\n!!! warning \"Mind the cache\"\n    Body *here*.\n\n    More.\n\nAfter.\n";
        let rewritten = rewrite(source).unwrap();
        assert_eq!(rewritten.text.len(), source.len());
        assert_eq!(
            rewritten.text,
            format!(
                "Text.\n\n{}\n   >Body *here*.\n\n   >More.\n\nAfter.\n",
                " ".repeat("!!! warning \"Mind the cache\"".len())
            )
        );
        let title = rewritten.admonitions[0].title.clone().unwrap();
        assert_eq!(&source[title.0.clone()], "Mind the cache");
        assert_eq!(rewritten.admonitions[0].kind, Some(AlertKind::Warning));
        let body = source.find("    Body").unwrap();
        assert_eq!(rewritten.owner(body), Some(0));
        assert_eq!(rewritten.owner(source.find("After").unwrap()), None);
    }

    #[test]
    fn nested_admonitions_and_tabs() {
        let source = "??? note\n    Outer.\n\n    !!! tip \"\"\n    \tInner.\n\tOuter again.\n";
        let rewritten = rewrite(source).unwrap();
        assert_eq!(
            rewritten.text,
            format!(
                "{}\n   >Outer.\n\n   >{}\n   >>Inner.\n>Outer again.\n",
                " ".repeat("??? note".len()),
                " ".repeat("!!! tip \"\"".len())
            )
        );
        assert_eq!(rewritten.admonitions.len(), 2);
        assert_eq!(rewritten.admonitions[1].title, None);
        let inner = source.find("\tInner").unwrap();
        assert_eq!(rewritten.owner(inner), Some(1));
        assert_eq!(rewritten.owner(inner - 4), Some(0));
    }

    #[test]
    fn content_tabs_have_a_label_and_no_kind() {
        let source = "=== \"C\"\n    ```c\n    x;\n    ```\n\n===+ \"Rust\"\n\tlet x;\n";
        let rewritten = rewrite(source).unwrap();
        let labels: Vec<(Option<AlertKind>, &str)> = rewritten
            .admonitions
            .iter()
            .map(|a| (a.kind, &source[a.title.clone().unwrap().0]))
            .collect();
        assert_eq!(labels, [(None, "C"), (None, "Rust")]);
        assert!(rewrite("=== \"\"\n    body\n").is_none());
        assert!(rewrite("===\n    body\n").is_none());
        assert!(rewrite("=== note \"A\"\n    body\n").is_none());
    }

    #[test]
    fn directive_containers_blank_their_fences_and_give_their_bodies() {
        let source =
            ":::tip[Did you know?]\nBody.\n:::\n\n::: warning Mind this\n\n::::note\nIn.\n\
                      ::::\n:::\n\n::: code-group\n```\n:::\n```\n:::\n\n:::danger\nLeft open.\n";
        let rewritten = rewrite(source).unwrap();
        assert_eq!(rewritten.text.len(), source.len());
        let got: Vec<(Option<AlertKind>, Option<&str>, &str)> = rewritten
            .directives
            .iter()
            .map(|(a, body)| {
                let title = a.title.as_ref().map(|(r, _)| &source[r.clone()]);
                (a.kind, title, source[body.clone()].trim())
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(AlertKind::Tip), Some("Did you know?"), "Body."),
                (
                    Some(AlertKind::Warning),
                    Some("Mind this"),
                    "::::note\nIn.\n::::"
                ),
                (Some(AlertKind::Note), None, "In."),
                (None, None, "```\n:::\n```"),
                (Some(AlertKind::Caution), None, "Left open."),
            ]
        );
        assert!(rewritten
            .text
            .starts_with("                     \nBody.\n   \n"));
        assert!(rewrite("a ::: b\n").is_none());
    }

    #[test]
    fn markers_in_code_or_inside_a_paragraph_are_text() {
        assert!(rewrite("```\n!!! note\n    body\n```\n").is_none());
        assert!(rewrite("A paragraph\n!!! note\n    body\n").is_none());
        assert!(rewrite("!!! not a \"title\n    body\n").is_none());
        assert!(rewrite("Is it??? Yes!!!\n").is_none());
    }

    #[test]
    fn types_map_to_call_out_kinds() {
        assert_eq!(kind_of("Danger"), AlertKind::Caution);
        assert_eq!(kind_of("success"), AlertKind::Tip);
        assert_eq!(kind_of("abstract"), AlertKind::Note);
        assert_eq!(kind_of("attention"), AlertKind::Warning);
    }
}
