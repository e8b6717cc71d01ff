//! HTML as a reader of the rendered page sees it. [`Tokenizer`] reads HTML, whole or chunk by
//! chunk, into text, start tags (with their attributes) and end tags: comments, declarations
//! and the insides of `<script>`, `<style>` and their kin are markup. [`HtmlText`] gives the
//! text of raw HTML inside Markdown: block-level tags end a paragraph, `<br>` breaks a line.
//! [`decode_entities`] decodes character references. HTML is never rendered.

use std::borrow::Cow;
use std::ops::Range;

/// What a tokenizer reads, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    /// Text, as a byte range of the chunk it was read from; its character references are
    /// not decoded yet.
    Text(Range<usize>),
    Start(StartTag),
    /// An end tag, by its name in lower case.
    End(String),
}

/// A start tag: its name and attribute names in lower case, attribute values decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StartTag {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    /// Written `<… />`.
    pub self_closing: bool,
}

impl StartTag {
    /// The value of the attribute `name` (in lower case), if the tag has it.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Elements whose content is not markup, until their end tag: hidden (`false`), or text
/// (`true`).
const RAW: &[(&str, bool)] = &[
    ("iframe", false),
    ("noembed", false),
    ("noframes", false),
    ("noscript", false),
    ("script", false),
    ("style", false),
    ("textarea", true),
    ("title", true),
    ("xmp", false),
];

/// Where in a tag the tokenizer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    Name,
    BeforeAttribute,
    AttributeName,
    AfterAttributeName,
    BeforeValue,
    Quoted(char),
    Unquoted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct OpenTag {
    tag: StartTag,
    closing: bool,
    at: At,
    /// The attribute being read: its name and its value so far.
    attr: Option<(String, String)>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    Text,
    Tag(OpenTag),
    Comment,
    /// A declaration or processing instruction (`<!DOCTYPE …>`, `<?xml …?>`), until `>`.
    Bogus,
    /// Inside an element of [`RAW`], until its end tag.
    Raw(&'static str, bool),
}

/// Reads HTML chunk by chunk (the lines of an HTML block in Markdown, or a whole file), keeping
/// what is open — a tag, a comment, a script — from one chunk to the next.
#[derive(Debug, Default)]
pub struct Tokenizer {
    mode: Mode,
}

impl Tokenizer {
    /// The tokens of `chunk`, given what earlier chunks left open. A tag still open at the
    /// end of the chunk is given by the chunk that closes it.
    pub fn feed(&mut self, chunk: &str) -> Vec<Token> {
        let mut tokens = Vec::new();
        let mut text_start: Option<usize> = None;
        let mut i = 0;
        while i < chunk.len() {
            let rest = &chunk[i..];
            let c = rest.chars().next().expect("not at the end");
            match &mut self.mode {
                Mode::Text => {
                    let mut ahead = rest[c.len_utf8()..].chars();
                    let (next, after) = (ahead.next(), ahead.next());
                    let opens = c == '<'
                        && next.is_some_and(|n| {
                            n.is_ascii_alphabetic()
                                || matches!(n, '!' | '?')
                                || (n == '/' && after.is_some())
                        });
                    if opens {
                        if let Some(start) = text_start.take() {
                            tokens.push(Token::Text(start..i));
                        }
                        if rest.starts_with("<!--") {
                            self.mode = Mode::Comment;
                            i += 4;
                            continue;
                        }
                        let closing = next == Some('/');
                        if matches!(next, Some('!' | '?'))
                            || closing && !after.is_some_and(|a| a.is_ascii_alphabetic())
                        {
                            self.mode = Mode::Bogus;
                        } else {
                            self.mode = Mode::Tag(OpenTag {
                                tag: StartTag::default(),
                                closing,
                                at: At::Name,
                                attr: None,
                            });
                        }
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
                Mode::Bogus => {
                    if c == '>' {
                        self.mode = Mode::Text;
                    }
                }
                Mode::Raw(name, text) => {
                    let (name, text) = (*name, *text);
                    let closes = rest.starts_with("</")
                        && rest
                            .get(2..2 + name.len())
                            .is_some_and(|n| n.eq_ignore_ascii_case(name))
                        && !rest[2 + name.len()..].starts_with(|c: char| c.is_ascii_alphanumeric());
                    if closes {
                        if let Some(start) = text_start.take() {
                            tokens.push(Token::Text(start..i));
                        }
                        self.mode = Mode::Tag(OpenTag {
                            tag: StartTag {
                                name: name.to_string(),
                                ..StartTag::default()
                            },
                            closing: true,
                            at: At::BeforeAttribute,
                            attr: None,
                        });
                        i += 2 + name.len();
                        continue;
                    }
                    if text {
                        text_start.get_or_insert(i);
                    }
                }
                Mode::Tag(open) => {
                    if open.read(c) {
                        let Mode::Tag(open) = std::mem::take(&mut self.mode) else {
                            unreachable!("matched above")
                        };
                        tokens.extend(self.close_tag(open));
                    }
                }
            }
            i += c.len_utf8();
        }
        if let Some(start) = text_start {
            tokens.push(Token::Text(start..chunk.len()));
        }
        tokens
    }

    /// The token of a tag read to its `>`; the mode it leaves the tokenizer in.
    fn close_tag(&mut self, mut open: OpenTag) -> Option<Token> {
        open.end_attribute();
        let tag = open.tag;
        if open.closing {
            return (!tag.name.is_empty()).then_some(Token::End(tag.name));
        }
        if let Some(&(name, text)) = RAW.iter().find(|(n, _)| *n == tag.name) {
            self.mode = Mode::Raw(name, text);
        }
        Some(Token::Start(tag))
    }
}

impl OpenTag {
    /// Reads one character of the tag; true at the `>` that ends it.
    fn read(&mut self, c: char) -> bool {
        let space = c.is_ascii_whitespace();
        match self.at {
            At::Quoted(q) if c == q => {
                self.end_attribute();
                self.at = At::BeforeAttribute;
            }
            At::Quoted(_) | At::Unquoted if !(self.at == At::Unquoted && (space || c == '>')) => {
                if let Some((_, value)) = &mut self.attr {
                    value.push(c);
                }
            }
            _ if c == '>' => return true,
            At::Unquoted => {
                self.end_attribute();
                self.at = At::BeforeAttribute;
            }
            At::Name if c == '/' => {
                self.tag.self_closing = true;
                self.at = At::BeforeAttribute;
                return false;
            }
            At::Name if space => self.at = At::BeforeAttribute,
            At::Name => self.tag.name.push(c.to_ascii_lowercase()),
            At::BeforeValue if space => {}
            At::BeforeValue if c == '"' || c == '\'' => self.at = At::Quoted(c),
            At::BeforeValue => {
                if let Some((_, value)) = &mut self.attr {
                    value.push(c);
                }
                self.at = At::Unquoted;
            }
            At::AttributeName | At::AfterAttributeName if c == '=' => self.at = At::BeforeValue,
            At::AttributeName if space => self.at = At::AfterAttributeName,
            At::AttributeName if c != '/' => {
                if let Some((name, _)) = &mut self.attr {
                    name.push(c.to_ascii_lowercase());
                }
            }
            _ if space => {}
            _ if c == '/' => {
                self.end_attribute();
                self.tag.self_closing = true;
                self.at = At::BeforeAttribute;
                return false;
            }
            // A new attribute: after a tag's name, another attribute, or a stray `/`.
            _ => {
                self.end_attribute();
                self.attr = Some((c.to_ascii_lowercase().to_string(), String::new()));
                self.at = At::AttributeName;
            }
        }
        self.tag.self_closing = false;
        false
    }

    fn end_attribute(&mut self) {
        if let Some((name, value)) = self.attr.take() {
            if !self.tag.attrs.iter().any(|(n, _)| *n == name) {
                let value = decode_entities(&value).into_owned();
                self.tag.attrs.push((name, value));
            }
        }
    }
}

/// What a piece of raw HTML in Markdown holds, in order.
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
pub const BLOCK_TAGS: &[&str] = &[
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

/// Reads raw HTML in Markdown chunk by chunk (the lines of an HTML block) into paragraphs' text.
#[derive(Debug, Default)]
pub struct HtmlText {
    tokenizer: Tokenizer,
    /// The ids of the elements read so far and not yet taken (see [`element_id`]).
    ids: Vec<(String, bool)>,
}

/// The id an element gives a place in its page (its `id`, or an `<a>`'s `name`), and whether
/// the element is a link, which an empty one before a heading stands for.
pub fn element_id(tag: &StartTag) -> Option<(String, bool)> {
    let link = tag.name == "a";
    let id = tag.attr("id").or(tag.attr("name").filter(|_| link))?;
    (!id.is_empty()).then(|| (id.to_string(), link))
}

impl HtmlText {
    /// The ids of the elements read since the last call, in order.
    pub fn take_ids(&mut self) -> Vec<(String, bool)> {
        std::mem::take(&mut self.ids)
    }

    /// The parts of `chunk`, given what earlier chunks left open.
    pub fn feed(&mut self, chunk: &str) -> Vec<Part> {
        let tokens = self.tokenizer.feed(chunk);
        let ids = &mut self.ids;
        tokens
            .into_iter()
            .filter_map(|token| {
                let name = match token {
                    Token::Text(range) => return Some(Part::Text(range)),
                    Token::Start(tag) => {
                        ids.extend(element_id(&tag));
                        tag.name
                    }
                    Token::End(name) => name,
                };
                if name == "br" {
                    Some(Part::LineBreak)
                } else {
                    BLOCK_TAGS.contains(&name.as_str()).then_some(Part::Break)
                }
            })
            .collect()
    }
}

/// The named character references of HTML 4 (and `&apos;`), sorted by name.
const NAMED: &[(&str, char)] = &[
    ("AElig", 'Æ'),
    ("Aacute", 'Á'),
    ("Acirc", 'Â'),
    ("Agrave", 'À'),
    ("Alpha", 'Α'),
    ("Aring", 'Å'),
    ("Atilde", 'Ã'),
    ("Auml", 'Ä'),
    ("Beta", 'Β'),
    ("Ccedil", 'Ç'),
    ("Chi", 'Χ'),
    ("Dagger", '‡'),
    ("Delta", 'Δ'),
    ("ETH", 'Ð'),
    ("Eacute", 'É'),
    ("Ecirc", 'Ê'),
    ("Egrave", 'È'),
    ("Epsilon", 'Ε'),
    ("Eta", 'Η'),
    ("Euml", 'Ë'),
    ("Gamma", 'Γ'),
    ("Iacute", 'Í'),
    ("Icirc", 'Î'),
    ("Igrave", 'Ì'),
    ("Iota", 'Ι'),
    ("Iuml", 'Ï'),
    ("Kappa", 'Κ'),
    ("Lambda", 'Λ'),
    ("Mu", 'Μ'),
    ("Ntilde", 'Ñ'),
    ("Nu", 'Ν'),
    ("OElig", 'Œ'),
    ("Oacute", 'Ó'),
    ("Ocirc", 'Ô'),
    ("Ograve", 'Ò'),
    ("Omega", 'Ω'),
    ("Omicron", 'Ο'),
    ("Oslash", 'Ø'),
    ("Otilde", 'Õ'),
    ("Ouml", 'Ö'),
    ("Phi", 'Φ'),
    ("Pi", 'Π'),
    ("Prime", '″'),
    ("Psi", 'Ψ'),
    ("Rho", 'Ρ'),
    ("Scaron", 'Š'),
    ("Sigma", 'Σ'),
    ("THORN", 'Þ'),
    ("Tau", 'Τ'),
    ("Theta", 'Θ'),
    ("Uacute", 'Ú'),
    ("Ucirc", 'Û'),
    ("Ugrave", 'Ù'),
    ("Upsilon", 'Υ'),
    ("Uuml", 'Ü'),
    ("Xi", 'Ξ'),
    ("Yacute", 'Ý'),
    ("Yuml", 'Ÿ'),
    ("Zeta", 'Ζ'),
    ("aacute", 'á'),
    ("acirc", 'â'),
    ("acute", '´'),
    ("aelig", 'æ'),
    ("agrave", 'à'),
    ("alefsym", 'ℵ'),
    ("alpha", 'α'),
    ("amp", '&'),
    ("and", '∧'),
    ("ang", '∠'),
    ("apos", '\''),
    ("aring", 'å'),
    ("asymp", '≈'),
    ("atilde", 'ã'),
    ("auml", 'ä'),
    ("bdquo", '„'),
    ("beta", 'β'),
    ("brvbar", '¦'),
    ("bull", '•'),
    ("cap", '∩'),
    ("ccedil", 'ç'),
    ("cedil", '¸'),
    ("cent", '¢'),
    ("chi", 'χ'),
    ("circ", 'ˆ'),
    ("clubs", '♣'),
    ("cong", '≅'),
    ("copy", '©'),
    ("crarr", '↵'),
    ("cup", '∪'),
    ("curren", '¤'),
    ("dArr", '⇓'),
    ("dagger", '†'),
    ("darr", '↓'),
    ("deg", '°'),
    ("delta", 'δ'),
    ("diams", '♦'),
    ("divide", '÷'),
    ("eacute", 'é'),
    ("ecirc", 'ê'),
    ("egrave", 'è'),
    ("empty", '∅'),
    ("emsp", '\u{2003}'),
    ("ensp", '\u{2002}'),
    ("epsilon", 'ε'),
    ("equiv", '≡'),
    ("eta", 'η'),
    ("eth", 'ð'),
    ("euml", 'ë'),
    ("euro", '€'),
    ("exist", '∃'),
    ("fnof", 'ƒ'),
    ("forall", '∀'),
    ("frac12", '½'),
    ("frac14", '¼'),
    ("frac34", '¾'),
    ("frasl", '⁄'),
    ("gamma", 'γ'),
    ("ge", '≥'),
    ("gt", '>'),
    ("hArr", '⇔'),
    ("harr", '↔'),
    ("hearts", '♥'),
    ("hellip", '…'),
    ("iacute", 'í'),
    ("icirc", 'î'),
    ("iexcl", '¡'),
    ("igrave", 'ì'),
    ("image", 'ℑ'),
    ("infin", '∞'),
    ("int", '∫'),
    ("iota", 'ι'),
    ("iquest", '¿'),
    ("isin", '∈'),
    ("iuml", 'ï'),
    ("kappa", 'κ'),
    ("lArr", '⇐'),
    ("lambda", 'λ'),
    ("lang", '〈'),
    ("laquo", '«'),
    ("larr", '←'),
    ("lceil", '⌈'),
    ("ldquo", '“'),
    ("le", '≤'),
    ("lfloor", '⌊'),
    ("lowast", '∗'),
    ("loz", '◊'),
    ("lrm", '\u{200e}'),
    ("lsaquo", '‹'),
    ("lsquo", '‘'),
    ("lt", '<'),
    ("macr", '¯'),
    ("mdash", '—'),
    ("micro", 'µ'),
    ("middot", '·'),
    ("minus", '−'),
    ("mu", 'μ'),
    ("nabla", '∇'),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("ne", '≠'),
    ("ni", '∋'),
    ("not", '¬'),
    ("notin", '∉'),
    ("nsub", '⊄'),
    ("ntilde", 'ñ'),
    ("nu", 'ν'),
    ("oacute", 'ó'),
    ("ocirc", 'ô'),
    ("oelig", 'œ'),
    ("ograve", 'ò'),
    ("oline", '‾'),
    ("omega", 'ω'),
    ("omicron", 'ο'),
    ("oplus", '⊕'),
    ("or", '∨'),
    ("ordf", 'ª'),
    ("ordm", 'º'),
    ("oslash", 'ø'),
    ("otilde", 'õ'),
    ("otimes", '⊗'),
    ("ouml", 'ö'),
    ("para", '¶'),
    ("part", '∂'),
    ("permil", '‰'),
    ("perp", '⊥'),
    ("phi", 'φ'),
    ("pi", 'π'),
    ("piv", 'ϖ'),
    ("plusmn", '±'),
    ("pound", '£'),
    ("prime", '′'),
    ("prod", '∏'),
    ("prop", '∝'),
    ("psi", 'ψ'),
    ("quot", '"'),
    ("rArr", '⇒'),
    ("radic", '√'),
    ("rang", '〉'),
    ("raquo", '»'),
    ("rarr", '→'),
    ("rceil", '⌉'),
    ("rdquo", '”'),
    ("real", 'ℜ'),
    ("reg", '®'),
    ("rfloor", '⌋'),
    ("rho", 'ρ'),
    ("rlm", '\u{200f}'),
    ("rsaquo", '›'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("scaron", 'š'),
    ("sdot", '⋅'),
    ("sect", '§'),
    ("shy", '\u{ad}'),
    ("sigma", 'σ'),
    ("sigmaf", 'ς'),
    ("sim", '∼'),
    ("spades", '♠'),
    ("sub", '⊂'),
    ("sube", '⊆'),
    ("sum", '∑'),
    ("sup", '⊃'),
    ("sup1", '¹'),
    ("sup2", '²'),
    ("sup3", '³'),
    ("supe", '⊇'),
    ("szlig", 'ß'),
    ("tau", 'τ'),
    ("there4", '∴'),
    ("theta", 'θ'),
    ("thetasym", 'ϑ'),
    ("thinsp", '\u{2009}'),
    ("thorn", 'þ'),
    ("tilde", '˜'),
    ("times", '×'),
    ("trade", '™'),
    ("uArr", '⇑'),
    ("uacute", 'ú'),
    ("uarr", '↑'),
    ("ucirc", 'û'),
    ("ugrave", 'ù'),
    ("uml", '¨'),
    ("upsih", 'ϒ'),
    ("upsilon", 'υ'),
    ("uuml", 'ü'),
    ("weierp", '℘'),
    ("xi", 'ξ'),
    ("yacute", 'ý'),
    ("yen", '¥'),
    ("yuml", 'ÿ'),
    ("zeta", 'ζ'),
    ("zwj", '\u{200d}'),
    ("zwnj", '\u{200c}'),
];

/// What the numeric references 128 to 159 stand for, as browsers read them: the characters of
/// Windows-1252 in those places (`&#146;` is ’), `None` where it has none.
const WINDOWS_1252: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character a numeric reference (`#35`, `#x41`) stands for.
fn numeric(number: &str) -> Option<char> {
    let number = number.strip_prefix('#')?;
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    match value {
        0x80..=0x9f => WINDOWS_1252[(value - 0x80) as usize],
        _ => char::from_u32(value).filter(|&c| c != '\0'),
    }
}

/// The character a byte stands for in Windows-1252, as browsers read pages declared
/// ISO-8859-1 or Windows-1252 (its five unused bytes stand for the control characters of
/// their number).
pub fn windows_1252(byte: u8) -> char {
    match byte {
        0x80..=0x9f => WINDOWS_1252[usize::from(byte - 0x80)].unwrap_or(char::from(byte)),
        _ => char::from(byte),
    }
}

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
                Err(_) => numeric(name)?,
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

    /// The tokens of the chunks, written out: `T:text`, `<name attr=value>`, `</name>`.
    fn tokens(chunks: &[&str]) -> Vec<String> {
        let mut tokenizer = Tokenizer::default();
        let mut out = Vec::new();
        for chunk in chunks {
            for token in tokenizer.feed(chunk) {
                out.push(match token {
                    Token::Text(r) => format!("T:{}", &chunk[r]),
                    Token::Start(tag) => {
                        let attrs: String =
                            tag.attrs.iter().map(|(n, v)| format!(" {n}={v}")).collect();
                        let slash = if tag.self_closing { "/" } else { "" };
                        format!("<{}{attrs}{slash}>", tag.name)
                    }
                    Token::End(name) => format!("</{name}>"),
                });
            }
        }
        out
    }

    #[test]
    fn tags_keep_their_attributes() {
        assert_eq!(
            tokens(&["<A HREF=\"x.html\" title='a > b' data-x=1 hidden>t</A >"]),
            [
                "<a href=x.html title=a > b data-x=1 hidden=>",
                "T:t",
                "</a>"
            ]
        );
        // A quote opens a value only after `=`; values are decoded; the first of two wins.
        assert_eq!(
            tokens(&["<p don't class=a class=b>x"]),
            ["<p don't= class=a>", "T:x"]
        );
        assert_eq!(
            tokens(&["<img alt=\"&lt;3 &amp; more\" src=x.png/><br/>"]),
            ["<img alt=<3 & more src=x.png/>", "<br/>"]
        );
        // A tag may span chunks, and so may its quoted value.
        assert_eq!(
            tokens(&["<a title=\"one", "two\"", ">in</a>"]),
            ["<a title=onetwo>", "T:in", "</a>"]
        );
    }

    #[test]
    fn raw_text_elements() {
        assert_eq!(
            tokens(&[
                "<title>a <b> &amp; c</title><textarea>x</textarea>",
                "<script>if (a </scripts> b) {}</script ><noscript><p>n</p></noscript>z"
            ]),
            [
                "<title>",
                "T:a <b> &amp; c",
                "</title>",
                "<textarea>",
                "T:x",
                "</textarea>",
                "<script>",
                "</script>",
                "<noscript>",
                "</noscript>",
                "T:z"
            ]
        );
    }

    #[test]
    fn declarations_and_brackets_that_open_nothing() {
        assert_eq!(
            tokens(&["<!DOCTYPE html><?php echo 1 ?></ x>a</>b < c <3 d<"]),
            ["T:a", "T:b < c <3 d<"]
        );
    }

    #[test]
    fn windows_1252_bytes() {
        assert_eq!(windows_1252(b'A'), 'A');
        assert_eq!(windows_1252(0x92), '’');
        assert_eq!(windows_1252(0x81), '\u{81}');
        assert_eq!(windows_1252(0xe9), 'é');
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
        assert_eq!(
            decode_entities("&eacute;&Eacute;&hellip;&alpha;&#146;s &#x80; &#129;"),
            "éÉ…α’s € &#129;"
        );
        assert!(matches!(decode_entities("plain"), Cow::Borrowed(_)));
        assert!(NAMED.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
