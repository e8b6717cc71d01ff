//! Hugo's shortcodes in Markdown: `{{< name args >}}` and `{{% name args %}}`, which Hugo
//! replaces before the Markdown is read.
//!
//! Four kinds are read as Hugo's themes show them: a paired shortcode whose name or arguments
//! name a call-out's kind (`{{% notice tip %}}` … `{{% /notice %}}`, Docsy's `{{% alert
//! title="Mind" color="warning" %}}`) is a call-out, with its `title`; another paired one with a
//! `header`, `title` or `label` (Docsy's `{{< tab header="Linux" >}}`) shows it in bold over its
//! body; any other shortcode alone on its line whose arguments hold no text (`{{< tabpane >}}`,
//! `{{< /tab >}}`, `{{% blocks/link-down color="info" %}}`) is markup; and the path of a `ref` or `relref`
//! (`[Install]({{< ref "install.md" >}})`) is the link's destination. The rest stays as
//! written.

use std::collections::HashMap;
use std::ops::Range;

use super::admonition::kind_named;
use crate::model::AlertKind;

/// One shortcode, with byte offsets relative to the text it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shortcode<'s> {
    /// From `{{` to `}}`.
    pub range: Range<usize>,
    pub name: &'s str,
    /// A closing shortcode (`{{< /name >}}`).
    pub closing: bool,
    /// What follows the name, and where it starts.
    args: &'s str,
    args_at: usize,
}

/// Named arguments that hold text to read.
const TEXT_ARGUMENTS: &[&str] = &[
    "alt",
    "caption",
    "description",
    "header",
    "label",
    "text",
    "title",
];

/// Shortcodes whose name makes a call-out even when no argument names its kind.
const CALL_OUTS: &[&str] = &["admonition", "alert", "callout", "hint", "notice"];

/// The shortcode that starts at `at` in `text`, if one does.
fn at(text: &str, at: usize) -> Option<Shortcode<'_>> {
    let rest = &text[at..];
    let close = if rest.starts_with("{{<") {
        ">}}"
    } else if rest.starts_with("{{%") {
        "%}}"
    } else {
        return None;
    };
    // A shortcode stays on its line.
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let end = line.find(close)? + close.len();
    let inner = &rest[3..end - 3];
    let lead = inner.len() - inner.trim_start().len();
    let mut body = &inner[lead..];
    let closing = body.starts_with('/');
    if closing {
        body = body[1..].trim_start();
    }
    let name_len = body
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.')))
        .unwrap_or(body.len());
    let name = &body[..name_len];
    if name.is_empty() {
        return None;
    }
    let args_at = at + 3 + (inner.len() - body.len()) + name_len;
    Some(Shortcode {
        range: at..at + end,
        name,
        closing,
        args: &body[name_len..],
        args_at,
    })
}

/// Every shortcode of `text`, in order.
pub fn all(text: &str) -> Vec<Shortcode<'_>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = text[from..].find("{{") {
        let start = from + found;
        match at(text, start) {
            Some(shortcode) => {
                from = shortcode.range.end;
                out.push(shortcode);
            }
            None => from = start + 2,
        }
    }
    out
}

/// The shortcodes a line holds, when it holds nothing else (white space aside): `{{% /tab %}}
/// {{% tab header="b" %}}`.
pub fn line_of(line: &str) -> Option<Vec<Shortcode<'_>>> {
    let mut out = Vec::new();
    let mut from = line.len() - line.trim_start().len();
    while from < line.len() {
        let shortcode = at(line, from)?;
        let rest = &line[shortcode.range.end..];
        from = line.len() - rest.trim_start().len();
        out.push(shortcode);
    }
    (!out.is_empty()).then_some(out)
}

/// Where each shortcode's closing ones are in a source, by name: whether one closes it later.
pub struct Closers<'s>(HashMap<&'s str, Vec<usize>>);

impl<'s> Closers<'s> {
    pub fn of(source: &'s str) -> Self {
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for shortcode in all(source).into_iter().filter(|s| s.closing) {
            by_name
                .entry(shortcode.name)
                .or_default()
                .push(shortcode.range.start);
        }
        Closers(by_name)
    }

    /// Whether a shortcode `name` closes after byte `at`.
    pub fn after(&self, name: &str, at: usize) -> bool {
        self.0
            .get(name)
            .is_some_and(|starts| starts.last().is_some_and(|&last| last >= at))
    }
}

impl<'s> Shortcode<'s> {
    /// The value of the argument `key="value"` (or `'value'`), and its range.
    pub fn argument(&self, key: &str) -> Option<(Range<usize>, &'s str)> {
        let mut from = 0;
        while let Some(found) = self.args[from..].find(key) {
            let start = from + found;
            from = start + key.len();
            let before = self.args[..start].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = self.args[from..].trim_start();
            let Some(rest) = rest.strip_prefix('=') else {
                continue;
            };
            let rest = rest.trim_start();
            let (inner, end) = match rest.chars().next() {
                Some(quote @ ('"' | '\'' | '`')) => {
                    let inner = &rest[1..];
                    (inner, inner.find(quote)?)
                }
                // A value may go without quotes when it has no space.
                _ => (rest, rest.find([' ', '\t']).unwrap_or(rest.len())),
            };
            let value_at = self.args.len() - inner.len();
            return Some((
                self.args_at + value_at..self.args_at + value_at + end,
                &inner[..end],
            ));
        }
        None
    }

    /// The arguments written without a key, with their ranges and whether they are quoted.
    fn positional(&self) -> Vec<(Range<usize>, &'s str, bool)> {
        let args = self.args;
        let bytes = args.as_bytes();
        // The end of a quoted value that opens at `i`.
        let quoted_end = |i: usize| {
            args[i + 1..]
                .find(bytes[i] as char)
                .map_or(args.len(), |e| i + 1 + e)
        };
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b' ' | b'\t' | b'/' => i += 1,
                b'"' | b'\'' | b'`' => {
                    let end = quoted_end(i);
                    out.push((
                        self.args_at + i + 1..self.args_at + end,
                        &args[i + 1..end],
                        true,
                    ));
                    i = end + 1;
                }
                _ => {
                    let end = args[i..]
                        .find(|c: char| c.is_whitespace() || c == '=')
                        .map_or(args.len(), |e| i + e);
                    if bytes.get(end) == Some(&b'=') {
                        // A named argument: its value is skipped.
                        let value = end + 1;
                        i = match bytes.get(value) {
                            Some(b'"' | b'\'' | b'`') => quoted_end(value) + 1,
                            _ => args[value..]
                                .find(char::is_whitespace)
                                .map_or(args.len(), |e| value + e),
                        };
                    } else {
                        out.push((self.args_at + i..self.args_at + end, &args[i..end], false));
                        i = end;
                    }
                }
            }
        }
        out
    }

    /// The label a paired shortcode that is no call-out shows over its body (Docsy's `{{< tab
    /// header="Linux" >}}`): its `header`, `title` or `label`, with its range.
    pub fn label(&self) -> Option<(Range<usize>, &'s str)> {
        ["header", "title", "label"]
            .iter()
            .find_map(|key| self.argument(key))
    }

    /// Whether an argument holds text a reader would miss: a title, a caption (a named argument
    /// of [`TEXT_ARGUMENTS`]), or a quoted argument without a name. Colours, sizes and the like
    /// are not text.
    pub fn has_text(&self) -> bool {
        TEXT_ARGUMENTS.iter().any(|key| {
            self.argument(key)
                .is_some_and(|(_, v)| !v.trim().is_empty())
        }) || self.positional().iter().any(|&(_, _, quoted)| quoted)
    }

    /// The call-out an opening shortcode is: the kind its first argument, its `color` or
    /// `type`, or its name names (`{{% notice tip %}}`, `{{% alert color="warning" %}}`,
    /// `{{< hint info >}}`), or a note for a call-out's name of no kind (`{{% alert %}}`).
    pub fn call_out(&self) -> Option<AlertKind> {
        if self.closing {
            return None;
        }
        let first = self
            .positional()
            .into_iter()
            .next()
            .map(|(_, word, _)| word);
        first
            .and_then(kind_named)
            .or_else(|| self.argument("color").and_then(|(_, v)| kind_named(v)))
            .or_else(|| self.argument("type").and_then(|(_, v)| kind_named(v)))
            .or_else(|| kind_named(self.name))
            .or_else(|| {
                CALL_OUTS
                    .contains(&self.name.to_ascii_lowercase().as_str())
                    .then_some(AlertKind::Note)
            })
    }

    /// The range of the path a `ref` or `relref` names, inside its quotes.
    pub fn reference(&self) -> Option<Range<usize>> {
        if self.closing || !matches!(self.name, "ref" | "relref") {
            return None;
        }
        let (range, path, _) = self.positional().into_iter().next()?;
        (!path.trim().is_empty() && path.trim() == path).then_some(range)
    }
}

/// `line` with each `ref` and `relref` outside code spans turned into the path it names, every
/// other byte of it a space: the copy the parser reads, as long as the source.
pub fn references_as_paths(line: &str) -> Option<String> {
    if !line.contains("{{") {
        return None;
    }
    let mut out: Option<Vec<u8>> = None;
    for shortcode in all(line) {
        let in_code = line[..shortcode.range.start].matches('`').count() % 2 == 1;
        let Some(path) = shortcode.reference().filter(|_| !in_code) else {
            continue;
        };
        let bytes = out.get_or_insert_with(|| line.as_bytes().to_vec());
        for i in shortcode.range.clone() {
            if !path.contains(&i) {
                bytes[i] = b' ';
            }
        }
    }
    // Only ASCII bytes outside the path were replaced, with spaces: still UTF-8.
    out.map(|bytes| String::from_utf8(bytes).unwrap_or_else(|_| line.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_give_their_names_and_arguments() {
        let line =
            "See {{< ref \"install.md#linux\" >}} and {{% notice tip %}} {{</ hint >}} {{ x }}";
        let found = all(line);
        let names: Vec<(&str, bool)> = found.iter().map(|s| (s.name, s.closing)).collect();
        assert_eq!(names, [("ref", false), ("notice", false), ("hint", true)]);
        let path = found[0].reference().unwrap();
        assert_eq!(&line[path], "install.md#linux");
        assert_eq!(found[1].call_out(), Some(AlertKind::Tip));
        assert_eq!(&line[found[2].range.clone()], "{{</ hint >}}");
    }

    #[test]
    fn call_outs_by_argument_colour_type_or_name() {
        let kind = |line: &str| line_of(line).and_then(|s| s[0].call_out());
        assert_eq!(
            kind("{{% alert title=\"Mind\" color=\"warning\" %}}"),
            Some(AlertKind::Warning)
        );
        assert_eq!(kind("{{< hint info >}}"), Some(AlertKind::Note));
        assert_eq!(kind("{{< hint >}}"), Some(AlertKind::Tip));
        assert_eq!(kind("{{% alert %}}"), Some(AlertKind::Note));
        assert_eq!(
            kind("{{< callout type=\"danger\" >}}"),
            Some(AlertKind::Caution)
        );
        assert_eq!(
            kind("{{% alert title=\"Mind a note\" %}}"),
            Some(AlertKind::Note)
        );
        assert_eq!(
            kind("{{% alert title=\"A tip\" color=warning %}}"),
            Some(AlertKind::Warning)
        );
        let text = |line: &str| line_of(line).is_some_and(|s| s[0].has_text());
        assert!(!text("{{% blocks/link-down color=\"info\" %}}"));
        assert!(text("{{< figure src=\"x.png\" caption=\"A figure\" >}}"));
        assert!(text("{{< youtube \"w7Ft2ymGmfc\" >}}"));
        assert!(!text("{{< tab header=\" \" disabled=true />}}"));
        assert_eq!(kind("  {{< tabpane >}}  "), None);
        assert_eq!(kind("{{< figure src=\"x.png\" >}} after"), None);
        assert_eq!(kind("{{< figure src=\"x.png\" >}}"), None);
        let alert =
            line_of("{{% alert title=\"Mind the gap\" color=\"warning\" %}}").unwrap()[0].clone();
        let (range, title) = alert.argument("title").unwrap();
        assert_eq!(title, "Mind the gap");
        assert_eq!(
            &"{{% alert title=\"Mind the gap\" color=\"warning\" %}}"[range],
            title
        );
        assert!(alert.argument("itle").is_none());
    }

    #[test]
    fn references_become_their_paths_in_place() {
        let line = "[Install]({{< ref \"docs/install.md\" >}}) `{{< ref \"code\" >}}`\n";
        let rewritten = references_as_paths(line).unwrap();
        assert_eq!(rewritten.len(), line.len());
        assert_eq!(
            rewritten,
            "[Install](         docs/install.md     ) `{{< ref \"code\" >}}`\n"
        );
        assert_eq!(references_as_paths("{{% notice %}}"), None);
        let source = "{{% notice %}}\nx\n{{% /notice %}}\n{{< x >}}";
        let closers = Closers::of(source);
        assert!(closers.after("notice", 14));
        assert!(!closers.after("notice", 35));
        assert!(!closers.after("x", 0));
        let line = "{{% /tab %}} {{% tab header=\"b\" %}} ";
        let names: Vec<&str> = line_of(line).unwrap().iter().map(|s| s.name).collect();
        assert_eq!(names, ["tab", "tab"]);
        assert!(line_of("{{% /tab %}} text").is_none());
    }
}
