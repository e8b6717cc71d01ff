//! The HTML reader: a page as its reader sees it. `<h1>`–`<h6>` open sections (an explicit `id`
//! becomes the section's id), paragraphs and other block elements make paragraphs, with inline
//! styles and links; lists, block quotes, `<pre>`, tables; an image gives its alternative text.
//! The title is the first `<h1>` before any text (or a first heading of another level that
//! `<title>` names), else `<title>`, else the file name; `<meta>` gives author, dates, keywords
//! and section.
//!
//! The page's chrome — `<nav>`, a `<header>` or `<footer>` outside an `<article>`, `<main>` or
//! `<section>` (or elements of those ARIA roles), and, when the page has a `<main>` (or an
//! element of role `main`), everything outside it — is kept as the document's header lines
//! when it comes before the text, as footer lines after it.
//!
//! Markup, scripts, styles, comments, `<template>` and elements marked `hidden` are not text.
//! Every other piece of text is listed for the lossless check, and white space folds as a
//! browser folds it, except in `<pre>`.

use std::borrow::Cow;
use std::collections::HashMap;

use super::admonition::kind_named;
use super::coverage::{self, Coverage, Piece};
use super::date::stamp_or_text;
use super::html_text::{
    decode_entities, element_id, windows_1252, StartTag, Token, Tokenizer, BLOCK_TAGS,
};
use super::{anchor_sections, finish_sections, opening_section, title_of_path};
use crate::error::{Error, Result};
use crate::model::{
    Alert, AlertKind, Block, Document, List, ListItem, Metadata, Preformatted, Section,
    SourceFormat, Span, Style, Table, Text,
};

/// Reads an HTML source and checks it against the text pieces the reader found.
pub fn read_checked(path: &str, id: &str, source: &str) -> Result<(Document, Coverage)> {
    let (document, pieces) = read_with_pieces(path, id, source);
    let report = coverage::check_pieces(&document, source, &pieces);
    Ok((document, report))
}

/// The text of an HTML file: UTF-8, or, when it is not UTF-8 and the page declares itself
/// ISO-8859-1 or Windows-1252 (`<meta charset="iso-8859-1">`), Windows-1252 as browsers read
/// both. A page in another encoding is refused with the one it declares.
pub fn decode<'b>(path: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>> {
    let cause = match super::decode_text(path, bytes) {
        Ok(text) => return Ok(Cow::Borrowed(text)),
        Err(Error::Source { cause, .. })
            if !bytes.contains(&0) && std::str::from_utf8(bytes).is_err() =>
        {
            cause
        }
        Err(error) => return Err(error),
    };
    match declared_charset(bytes) {
        Some(charset) if LATIN_1.contains(&charset.as_str()) => {
            Ok(Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()))
        }
        Some(charset) => Err(Error::source(
            path,
            format!(
                "{cause}; the page declares the encoding {charset:?}, which folio does not \
                 read: save it as UTF-8"
            ),
        )),
        None => Err(Error::source(
            path,
            format!(
                "{cause}; the page declares no encoding: save it as UTF-8, or declare the one \
                 it is in (<meta charset=\"windows-1252\">)"
            ),
        )),
    }
}

/// The names of ISO-8859-1 and Windows-1252 in pages, read as Windows-1252 by browsers.
const LATIN_1: &[&str] = &[
    "ascii",
    "cp1252",
    "iso-8859-1",
    "iso8859-1",
    "iso_8859-1",
    "l1",
    "latin1",
    "us-ascii",
    "windows-1252",
    "x-cp1252",
];

/// The encoding a page declares in its first kilobyte (`charset=…`), in lower case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let name: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Elements that end the paragraph before them, besides [`BLOCK_TAGS`].
const MORE_BLOCKS: &[&str] = &[
    "body", "caption", "fieldset", "form", "head", "hgroup", "html", "legend", "listing", "menu",
    "optgroup", "option", "search", "select", "tbody", "tfoot", "thead",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose end tag may be left out, so that where they end is not known by their name
/// alone: `hidden` on them is not followed.
const OPTIONAL_END: &[&str] = &[
    "caption", "colgroup", "dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "tbody",
    "td", "tfoot", "th", "thead", "tr",
];

/// `<meta>` names (or properties) and the metadata they give.
const META: &[(&str, Field)] = &[
    ("article:modified_time", Field::Updated),
    ("article:published_time", Field::Written),
    ("article:section", Field::Category),
    ("article:tag", Field::Tags),
    ("author", Field::Author),
    ("citation_publication_date", Field::Written),
    ("date", Field::Written),
    ("dc.creator", Field::Author),
    ("dc.date", Field::Written),
    ("dcterms.created", Field::Written),
    ("dcterms.modified", Field::Updated),
    ("keywords", Field::Tags),
    ("last-modified", Field::Updated),
];

#[derive(Debug, Clone, Copy)]
enum Field {
    Author,
    Written,
    Updated,
    Category,
    Tags,
}

/// An element that holds a region of the page (hidden, chrome, main) until its end tag: its
/// name, and how many elements of that name are open from it on, itself included.
struct Nest {
    name: String,
    depth: usize,
}

impl Nest {
    fn new(name: &str) -> Nest {
        Nest {
            name: name.to_string(),
            depth: 1,
        }
    }

    fn start(&mut self, name: &str) {
        if name == self.name {
            self.depth += 1;
        }
    }

    /// True when `name` ends the element itself.
    fn end(&mut self, name: &str) -> bool {
        if name == self.name {
            self.depth -= 1;
        }
        self.depth == 0
    }
}

/// Whether a tag opens the page's main content: `<main>`, any element of role `main`, or one
/// marked for Pagefind as the body (`data-pagefind-body`).
fn is_main(tag: &StartTag) -> bool {
    tag.name == "main"
        || tag.attr("role") == Some("main")
        || tag.attr("data-pagefind-body").is_some()
}

/// Marks of a link to its own place (`<a href="#install">¶</a>` beside a heading): markup.
const PERMALINKS: &[&str] = &["#", "¶", "§", "🔗", "⚓", "∞"];

/// An open container block.
enum Open {
    Quote(Vec<Block>),
    /// A call-out (`<div class="admonition note">`), open until its element ends.
    Alert(AlertKind, Vec<Block>, Nest),
    List(List),
    Item(ListItem),
    Pre(Preformatted),
    /// A table, with for each row whether it is in `<thead>` and whether its cells so far are
    /// all `<th>`.
    Table(Table, Vec<(bool, bool)>),
}

/// Where in a table the reader is, for each open table.
#[derive(Default)]
struct Cells {
    /// A cell is open: its text gathers as inline text.
    open: bool,
    /// The open cell is the table's `<caption>`.
    caption: bool,
    /// Inside `<thead>`.
    head: bool,
    /// Tables inside the open cell, whose structure is only spacing in the cell's text.
    nested: usize,
}

struct Reader<'s> {
    source: &'s str,
    pieces: Vec<Piece<'s>>,
    header: Vec<String>,
    sections: Vec<Section>,
    stack: Vec<Open>,
    cells: Vec<Cells>,
    /// Inline text being gathered (a paragraph, a heading, a cell).
    inline: Option<Text>,
    /// An open heading: its level and `id`.
    heading: Option<(u8, Option<String>)>,
    /// Open emphasis, strong, strikethrough and code elements.
    style: [u32; 4],
    /// Open links, `None` for an `<a>` without `href`.
    links: Vec<Option<String>>,
    /// Open `<sup>` elements: a link in one to a place in the page is a reference to a note.
    sup: u32,
    /// Inside a term being defined (`<dt>`) or a disclosure's label (`<summary>`): its text is
    /// strong, as browsers and themes show it. Ends with the element, or with the next `<dt>`
    /// or `<dd>` when the end tag is left out.
    term: bool,
    title: Option<String>,
    /// The text of the first `<title>`; whether one is being read, and its text so far.
    title_tag: Option<String>,
    in_title: bool,
    title_text: String,
    meta: Metadata,
    /// A hidden element (`<template>`, `hidden`) being skipped.
    hidden: Option<Nest>,
    /// A call-out's title element being read (`<p class="admonition-title">`): where its
    /// pieces begin, and the element.
    alert_title: Option<(usize, Nest)>,
    /// The chrome element open, and the chrome text being gathered as a line.
    chrome: Option<Nest>,
    chrome_line: String,
    /// Chrome met after the text began: footer lines, unless more text follows.
    pending: Vec<String>,
    /// The page has a `<main>` (or an element of role `main`); the one open; how many
    /// `<article>` and `<section>` are open.
    has_main: bool,
    main: Option<Nest>,
    content: usize,
    /// Element ids by the index of the section that holds them.
    anchors: HashMap<String, usize>,
    /// The `start` of the ordered list just opened, for its first item.
    list_start: Option<String>,
    /// The ids of empty links (`<a id="old-name"></a>`) met since the last text: placed just
    /// before a heading, as pages keep a heading's old names, they lead to its section.
    loose: Vec<String>,
    seen_content: bool,
}

fn read_with_pieces<'s>(path: &str, id: &str, source: &'s str) -> (Document, Vec<Piece<'s>>) {
    let tokens = Tokenizer::default().feed(source);
    let has_main = tokens
        .iter()
        .any(|t| matches!(t, Token::Start(tag) if is_main(tag)));
    let mut r = Reader {
        source,
        pieces: Vec::new(),
        header: Vec::new(),
        sections: vec![opening_section()],
        stack: Vec::new(),
        cells: Vec::new(),
        inline: None,
        heading: None,
        style: [0; 4],
        links: Vec::new(),
        sup: 0,
        term: false,
        title: None,
        title_tag: None,
        in_title: false,
        title_text: String::new(),
        meta: Metadata::default(),
        hidden: None,
        alert_title: None,
        chrome: None,
        chrome_line: String::new(),
        pending: Vec::new(),
        has_main,
        main: None,
        content: 0,
        anchors: HashMap::new(),
        loose: Vec::new(),
        list_start: None,
        seen_content: false,
    };
    for token in tokens {
        match token {
            Token::Text(range) => r.text(range.start, &source[range]),
            Token::Start(tag) => r.start(tag),
            Token::End(name) => r.end(&name),
        }
    }
    r.finish_heading();
    r.close_inline();
    while !r.stack.is_empty() {
        r.pop();
    }
    r.end_chrome_line();
    let footer = std::mem::take(&mut r.pending);

    let title = r
        .title
        .clone()
        .or_else(|| r.title_tag.clone())
        .unwrap_or_else(|| title_of_path(path));
    let mut sections = r.sections;
    let kept = finish_sections(&mut sections);
    link_anchors(id, &mut sections, &kept, &r.anchors);
    let mut meta = r.meta;
    meta.anchors = anchor_sections(&sections, &kept, r.anchors.into_iter());
    let document = Document {
        id: id.to_string(),
        title,
        source: path.to_string(),
        format: SourceFormat::Html,
        meta,
        header: r.header,
        sections,
        footer,
    };
    (document, r.pieces)
}

/// What stands between a page's name and its site's in a title.
const TITLE_SEPARATORS: &[&str] = &[" - ", " | ", " – ", " — ", " · ", " :: "];

/// A page's title often names its site too: "Install - My Project", "My Project | Install".
/// When two pages or more of the corpus end (or start) their titles with the same name after
/// (or before) such a separator, that name is the site's: it goes from their titles.
pub fn trim_site_names(documents: &mut [Document]) {
    let parts = |title: &str| -> Option<(usize, usize)> {
        let first = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| title.find(s))
            .min()?;
        let last = TITLE_SEPARATORS
            .iter()
            .filter_map(|s| title.rfind(s).map(|at| at + s.len()))
            .max()?;
        Some((first, last))
    };
    let mut suffixes: HashMap<String, usize> = HashMap::new();
    let mut prefixes: HashMap<String, usize> = HashMap::new();
    for doc in documents.iter().filter(|d| d.format == SourceFormat::Html) {
        if let Some((first, last)) = parts(&doc.title) {
            *suffixes.entry(doc.title[last..].to_string()).or_default() += 1;
            *prefixes.entry(doc.title[..first].to_string()).or_default() += 1;
        }
    }
    for doc in documents
        .iter_mut()
        .filter(|d| d.format == SourceFormat::Html)
    {
        let Some((first, last)) = parts(&doc.title) else {
            continue;
        };
        let title = &doc.title;
        let page = if suffixes.get(&title[last..]).is_some_and(|&n| n >= 2) {
            let end = TITLE_SEPARATORS
                .iter()
                .filter_map(|s| title[..last].strip_suffix(s).map(str::len))
                .next();
            end.map(|end| &title[..end])
        } else if prefixes.get(&title[..first]).is_some_and(|&n| n >= 2) {
            let rest = &title[first..];
            TITLE_SEPARATORS.iter().find_map(|s| rest.strip_prefix(s))
        } else {
            None
        };
        if let Some(page) = page.map(str::trim).filter(|p| !p.is_empty()) {
            doc.title = page.to_string();
        }
    }
}

/// Whether a page's `<title>` is `heading`, alone or with the site's name before or after it
/// ("References - The Book"): the heading is then the page's title, whatever its level. Both
/// have their white space folded already.
fn names(title: &str, heading: &str) -> bool {
    if title == heading {
        return true;
    }
    let after = title.strip_prefix(heading);
    let before = title.strip_suffix(heading);
    TITLE_SEPARATORS.iter().any(|s| {
        after.is_some_and(|rest| rest.starts_with(s))
            || before.is_some_and(|rest| rest.ends_with(s))
    })
}

/// Points links to an element of the same page (`#fn1`) at the section that holds it.
fn link_anchors(
    doc: &str,
    sections: &mut [Section],
    kept: &[usize],
    anchors: &HashMap<String, usize>,
) {
    if anchors.is_empty() {
        return;
    }
    // The section an old index ended in: itself if kept, else the next kept one.
    let address = |old: usize| kept.partition_point(|&k| k < old);
    let ids: Vec<String> = sections.iter().map(|s| s.id.clone()).collect();
    super::for_each_text(sections, &mut |text: &mut Text| {
        for span in &mut text.spans {
            let Some(fragment) = span.link.as_deref().and_then(|l| l.strip_prefix('#')) else {
                continue;
            };
            if let Some(&old) = anchors.get(fragment) {
                if let Some(section) = ids.get(address(old)) {
                    span.link = Some(format!("#/d/{doc}/{section}"));
                }
            }
        }
    });
}

/// HTML's white space: what folds, unlike a no-break space.
fn space(c: char) -> bool {
    c.is_ascii_whitespace()
}

/// Appends `text` to `out`, folding white space as HTML does: a run of it is one space, and
/// none at the start.
fn push_folded(out: &mut String, text: &str) {
    let words = text.split(space).filter(|w| !w.is_empty());
    for (i, word) in words.enumerate() {
        let apart = i > 0 || text.starts_with(space);
        if apart && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(space) && !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Whether `text` has something besides HTML's white space.
fn has_text(text: &str) -> bool {
    !text.trim_matches(space).is_empty()
}

impl<'s> Reader<'s> {
    fn piece(&mut self, offset: usize, text: &str) {
        let verbatim = self.source.get(offset..offset + text.len()) == Some(text);
        self.pieces.push(Piece {
            offset,
            text: if verbatim {
                Cow::Borrowed(&self.source[offset..offset + text.len()])
            } else {
                Cow::Owned(text.to_string())
            },
        });
    }

    /// Whether an element is chrome: `<nav>` (or of role `navigation` or `search`, or marked
    /// `data-pagefind-ignore`), or a `<header>` or `<footer>` (or of role `banner` or
    /// `contentinfo`) outside the text's own elements; never inside a list, quote or table.
    fn chrome_tag(&self, tag: &StartTag) -> bool {
        let (name, role) = (tag.name.as_str(), tag.attr("role").unwrap_or_default());
        let page = self.content == 0 && self.main.is_none();
        let navigation = name == "nav"
            || matches!(role, "navigation" | "search")
            || tag.attr("data-pagefind-ignore").is_some();
        let page_chrome =
            matches!(name, "header" | "footer") || matches!(role, "banner" | "contentinfo");
        self.stack.is_empty()
            && !VOID.contains(&name)
            && !OPTIONAL_END.contains(&name)
            && (navigation || page_chrome && page)
    }

    fn in_chrome(&self) -> bool {
        self.chrome.is_some() || (self.has_main && self.main.is_none())
    }

    fn cell_open(&self) -> bool {
        self.cells.last().is_some_and(|c| c.open)
            && matches!(self.stack.last(), Some(Open::Table(..)))
    }

    fn text(&mut self, offset: usize, raw: &str) {
        if self.hidden.is_some() {
            return;
        }
        let decoded = decode_entities(raw);
        let text = decoded.as_ref();
        if has_text(text) && self.heading.is_none() {
            self.loose.clear();
        }
        if self.in_title {
            if has_text(text) {
                self.piece(offset, text);
            }
            push_folded(&mut self.title_text, text);
            return;
        }
        if matches!(self.stack.last(), Some(Open::Pre(_))) {
            if has_text(text) {
                self.piece(offset, text);
                self.seen_content = true;
                self.flush_pending();
            }
            if let Some(Open::Pre(pre)) = self.stack.last_mut() {
                pre.text.push_str(text);
            }
            return;
        }
        if !has_text(text) {
            // Space between words stays; space between blocks is nothing.
            let link = self.links.iter().rev().flatten().next();
            if let Some(inline) = self.inline.as_mut().filter(|t| !t.spans.is_empty()) {
                let last = inline.spans.last_mut().expect("not empty");
                let link_ended = last.link.is_some() && last.link.as_ref() != link;
                if last.style.note || last.style.image || link_ended {
                    // Not in a note's label, an image's text or a link that has ended: after
                    // it.
                    inline.spans.push(Span {
                        text: " ".into(),
                        ..Span::default()
                    });
                } else {
                    push_folded(&mut last.text, text);
                }
            } else if self.in_chrome() && !self.chrome_line.is_empty() {
                push_folded(&mut self.chrome_line, text);
            }
            return;
        }
        let link = self.links.iter().rev().flatten().next().cloned();
        let to_here = link.as_ref().is_some_and(|l| l.starts_with('#'));
        if to_here && PERMALINKS.contains(&text.trim_matches(space)) {
            return;
        }
        self.piece(offset, text);
        if self.in_chrome() {
            push_folded(&mut self.chrome_line, text);
            return;
        }
        self.before_text();
        let style = Style {
            emphasis: self.style[0] > 0,
            strong: self.style[1] > 0 || self.term,
            strikethrough: self.style[2] > 0,
            code: self.style[3] > 0,
            note: self.sup > 0 && to_here,
            image: false,
        };
        self.push_inline(text, style, link);
    }

    /// Readies the place running text goes to: chrome left pending stays in the text before
    /// it, and text in a table outside its cells is a cell of its own.
    fn before_text(&mut self) {
        // A heading's text is no content yet: a first <h1> may still be the title.
        self.seen_content |= self.heading.is_none();
        self.flush_pending();
        if matches!(self.stack.last(), Some(Open::Table(..))) && !self.cell_open() {
            self.start_cell(false);
        }
    }

    fn push_inline(&mut self, text: &str, style: Style, link: Option<String>) {
        let inline = self.inline.get_or_insert_with(Text::default);
        let space_before = inline
            .spans
            .last()
            .is_some_and(|s| s.text.ends_with([' ', '\n']));
        let mut folded = String::new();
        if !space_before && !inline.spans.is_empty() && text.starts_with(space) {
            folded.push(' ');
        }
        push_folded(&mut folded, text.trim_start_matches(space));
        if !has_text(text) {
            return;
        }
        match inline.spans.last_mut() {
            // Each reference to a note (its label without spaces), and each image, is a span of
            // its own.
            Some(last)
                if last.style == style && last.link == link && !style.note && !style.image =>
            {
                last.text.push_str(&folded)
            }
            _ if style.note => inline.spans.push(Span {
                text: folded.trim_matches(space).to_string(),
                style,
                link,
            }),
            _ => inline.spans.push(Span {
                text: folded,
                style,
                link,
            }),
        }
    }

    /// A line break in the inline text (`<br>`).
    fn line_break(&mut self) {
        if let Some(last) = self.inline.as_mut().and_then(|t| t.spans.last_mut()) {
            last.text.truncate(last.text.trim_end_matches(' ').len());
            last.text.push('\n');
        }
    }

    fn start(&mut self, tag: StartTag) {
        let name = tag.name.as_str();
        if let Some(hidden) = &mut self.hidden {
            return hidden.start(name);
        }
        let hides = name == "template" || tag.attr("hidden").is_some();
        if hides && !VOID.contains(&name) && !OPTIONAL_END.contains(&name) {
            self.hidden = Some(Nest::new(name));
            return;
        }
        if matches!(name, "a" | "link") {
            self.sequence(&tag);
        }
        let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
        // A heading's id is its section's; any other element's leads to the section it is in.
        if let Some((id, link)) = element_id(&tag).filter(|_| !heading) {
            self.anchors
                .entry(id.clone())
                .or_insert(self.sections.len() - 1);
            if link {
                self.loose.push(id);
            }
        }
        match name {
            "title" if !self.seen_content => {
                self.in_title = true;
                return;
            }
            "meta" => return self.meta_tag(&tag),
            "article" | "section" => self.content += 1,
            _ => {}
        }
        if let Some(main) = &mut self.main {
            main.start(name);
        } else if is_main(&tag) && self.chrome.is_none() {
            self.end_chrome_line();
            self.close_inline();
            self.main = Some(Nest::new(name));
            return;
        }
        if let Some(chrome) = &mut self.chrome {
            chrome.start(name);
        } else if self.chrome_tag(&tag) {
            self.close_inline();
            self.end_chrome_line();
            self.chrome = Some(Nest::new(name));
            return;
        }
        if self.in_chrome() {
            if name == "br" || is_block(name) {
                self.end_chrome_line();
            }
            if let Some(alt) = image_text(&tag) {
                self.piece(self.offset_hint(), &alt);
                push_folded(&mut self.chrome_line, &format!(" {alt} "));
            }
            return;
        }
        if let Some(Open::Pre(pre)) = self.stack.last_mut() {
            match name {
                "br" => pre.text.push('\n'),
                "code" if !has_text(&pre.text) && pre.info.is_none() => {
                    pre.info = tag.attr("class").and_then(language);
                }
                _ => {}
            }
            return;
        }
        if self.cell_open() && self.structure(name) {
            return;
        }
        // A block in a table outside its cells is a cell of its own.
        if matches!(self.stack.last(), Some(Open::Table(..))) && is_block(name) && !in_table(name) {
            self.start_cell(false);
            self.structure(name);
            return;
        }
        // A heading holds running text only: a block ends it.
        if is_block(name) {
            self.finish_heading();
        }
        for open in &mut self.stack {
            if let Open::Alert(_, _, nest) = open {
                nest.start(name);
            }
        }
        if let Some((_, nest)) = &mut self.alert_title {
            nest.start(name);
        }
        if let Some(kind) = call_out(&tag) {
            self.close_inline();
            self.stack
                .push(Open::Alert(kind, Vec::new(), Nest::new(name)));
            return;
        }
        // A collapsible call-out's `<summary>` (Material's `<details class="note">`) is its title.
        let title_class = name == "summary"
            || tag.attr("class").is_some_and(|class| {
                class
                    .split_ascii_whitespace()
                    .any(|c| c.ends_with("admonition-title") || c == "markdown-alert-title")
            });
        if title_class && matches!(self.stack.last(), Some(Open::Alert(..))) {
            self.close_inline();
            self.alert_title = Some((self.pieces.len(), Nest::new(name)));
            return;
        }
        match name {
            _ if heading => {
                self.finish_heading();
                self.close_inline();
                let level = name[1..].parse().unwrap_or(1);
                self.heading = Some((level, tag.attr("id").map(str::to_string)));
            }
            "br" => self.line_break(),
            "blockquote" => {
                self.close_inline();
                self.stack.push(Open::Quote(Vec::new()));
            }
            "ul" | "ol" | "menu" => {
                self.close_inline();
                // An ordered list that does not count from 1 says so on its first item.
                self.list_start = tag.attr("start").filter(|_| name == "ol").and_then(number);
                self.stack.push(Open::List(List {
                    ordered: name == "ol",
                    notes: false,
                    items: Vec::new(),
                }));
            }
            "li" => {
                self.close_inline();
                if matches!(self.stack.last(), Some(Open::Item(_))) {
                    self.pop();
                }
                if !matches!(self.stack.last(), Some(Open::List(_))) {
                    self.stack.push(Open::List(List {
                        ordered: false,
                        notes: false,
                        items: Vec::new(),
                    }));
                }
                // The number of an item of an ordered list, where it is not the next one:
                // the list's `start` on its first item, an item's own `value`.
                // The attribute's number is text of the page, as a Markdown marker is.
                let number = match self.stack.last() {
                    Some(Open::List(list)) if list.ordered => {
                        let start = self.list_start.take().filter(|_| list.items.is_empty());
                        tag.attr("value").and_then(number).or(start)
                    }
                    _ => None,
                };
                if let Some(number) = &number {
                    self.piece(self.offset_hint(), number);
                }
                self.stack.push(Open::Item(ListItem {
                    marker: number.unwrap_or_default(),
                    task: None,
                    blocks: Vec::new(),
                }));
            }
            "pre" | "listing" => {
                self.close_inline();
                self.stack.push(Open::Pre(Preformatted {
                    info: None,
                    text: String::new(),
                }));
            }
            "table" => {
                self.close_inline();
                self.stack.push(Open::Table(Table::default(), Vec::new()));
                self.cells.push(Cells::default());
            }
            "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" | "caption" => {
                self.table_tag(name, true)
            }
            "img" => {
                if let Some(alt) = image_text(&tag) {
                    self.piece(self.offset_hint(), &alt);
                    self.before_text();
                    let link = tag.attr("src").map(str::to_string);
                    let image = Style {
                        image: true,
                        ..Style::default()
                    };
                    self.push_inline(&alt, image, link);
                }
            }
            "a" => {
                // Links do not nest: a new one ends the one open.
                self.links.pop();
                self.links.push(tag.attr("href").map(str::to_string));
            }
            "sup" => self.sup += 1,
            "dt" | "dd" | "summary" => {
                self.close_inline();
                self.term = name != "dd";
            }
            _ => match inline_slot(name) {
                Some(slot) => self.style[slot] += 1,
                None if is_block(name) => self.close_inline(),
                None => {}
            },
        }
    }

    /// Takes the first link to the next page and the first to the previous one (`rel="next"`,
    /// `rel="prev"` or `rel="previous"`, among other words, as in `rel="next prefetch"`).
    fn sequence(&mut self, tag: &StartTag) {
        let (Some(rel), Some(href)) = (tag.attr("rel"), tag.attr("href")) else {
            return;
        };
        for word in rel.split_ascii_whitespace() {
            let slot = if word.eq_ignore_ascii_case("next") {
                &mut self.meta.next
            } else if word.eq_ignore_ascii_case("prev") || word.eq_ignore_ascii_case("previous") {
                &mut self.meta.previous
            } else {
                continue;
            };
            slot.get_or_insert_with(|| href.to_string());
        }
    }

    /// Where the text of an attribute is reported: just after the text read last.
    fn offset_hint(&self) -> usize {
        self.pieces
            .last()
            .map_or(0, |p| p.offset + p.text.len())
            .min(self.source.len())
    }

    /// Inside a table cell, block structure is spacing in the cell's text; a table inside it
    /// nests. True when the tag was taken as such.
    fn structure(&mut self, name: &str) -> bool {
        let cells = self.cells.last_mut().expect("a cell is open");
        match name {
            "table" => cells.nested += 1,
            "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" | "caption" if cells.nested == 0 => {
                return false
            }
            "br" => {
                self.line_break();
                return true;
            }
            _ if is_block(name) => {}
            _ => return false,
        }
        self.cell_space();
        true
    }

    fn cell_space(&mut self) {
        if let Some(last) = self.inline.as_mut().and_then(|t| t.spans.last_mut()) {
            if !last.text.ends_with([' ', '\n']) {
                last.text.push(' ');
            }
        }
    }

    fn table_tag(&mut self, name: &str, start: bool) {
        if !matches!(self.stack.last(), Some(Open::Table(..))) {
            return;
        }
        self.end_cell();
        let cells = self.cells.last_mut().expect("a table is open");
        match (name, start) {
            ("thead", _) => cells.head = start,
            ("tbody" | "tfoot", true) => cells.head = false,
            ("tr", true) => self.start_row(),
            ("td" | "th", true) => self.start_cell(name == "th"),
            // A caption is a paragraph before the table, if it comes before the rows.
            ("caption", true) => {
                let rows =
                    matches!(self.stack.last(), Some(Open::Table(t, _)) if !t.rows.is_empty());
                self.start_cell(false);
                if rows {
                    return;
                }
                if let Some(cells) = self.cells.last_mut() {
                    cells.caption = true;
                }
            }
            _ => {}
        }
    }

    fn start_row(&mut self) {
        let head = self.cells.last().is_some_and(|c| c.head);
        if let Some(Open::Table(table, heads)) = self.stack.last_mut() {
            table.rows.push(Vec::new());
            heads.push((head, true));
        }
    }

    fn start_cell(&mut self, th: bool) {
        let needs_row = matches!(self.stack.last(), Some(Open::Table(t, _)) if t.rows.is_empty());
        if needs_row {
            self.start_row();
        }
        if let Some(Open::Table(_, heads)) = self.stack.last_mut() {
            if let Some((_, all_th)) = heads.last_mut() {
                *all_th &= th;
            }
        }
        let cells = self.cells.last_mut().expect("a table is open");
        cells.open = true;
        // Running text left open before the table stays before it.
        if let Some(mut text) = self.inline.replace(Text::default()) {
            trim_text(&mut text);
            if !text.spans.is_empty() {
                let table = self.stack.pop().expect("a table is open");
                self.push_block(Block::Paragraph(text));
                self.stack.push(table);
            }
        }
    }

    /// Ends the open cell, if any: the cell joins its row; a caption is a paragraph before
    /// the table.
    fn end_cell(&mut self) {
        if !self.cell_open() {
            return;
        }
        let mut cell = self.inline.take().unwrap_or_default();
        trim_text(&mut cell);
        let cells = self.cells.last_mut().expect("checked");
        cells.open = false;
        if std::mem::take(&mut cells.caption) {
            if !cell.spans.is_empty() {
                let table = self.stack.pop().expect("a table is open");
                self.push_block(Block::Paragraph(cell));
                self.stack.push(table);
            }
            return;
        }
        if let Some(Open::Table(table, _)) = self.stack.last_mut() {
            if let Some(row) = table.rows.last_mut() {
                row.push(cell);
            }
        }
    }

    /// Closes the innermost open block, with the cell open in it.
    fn pop(&mut self) {
        self.end_cell();
        if let Some(open) = self.stack.pop() {
            self.close(open);
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(hidden) = &mut self.hidden {
            if hidden.end(name) {
                self.hidden = None;
            }
            return;
        }
        match name {
            "title" if self.in_title => {
                self.in_title = false;
                let text = std::mem::take(&mut self.title_text);
                let title = text.trim_matches(space);
                if !title.is_empty() {
                    self.push_header(title.to_string());
                    self.title_tag.get_or_insert(title.to_string());
                }
                return;
            }
            "article" | "section" => self.content = self.content.saturating_sub(1),
            _ => {}
        }
        if self.chrome.as_mut().is_some_and(|chrome| chrome.end(name)) {
            self.chrome = None;
            self.end_chrome_line();
            return;
        }
        if self.main.as_mut().is_some_and(|main| main.end(name)) {
            self.main = None;
            self.finish_heading();
            self.close_inline();
            // What is still open inside the main content ends with it, as in a browser.
            while !self.stack.is_empty() {
                self.pop();
            }
            return;
        }
        if self.in_chrome() {
            if is_block(name) {
                self.end_chrome_line();
            }
            return;
        }
        if let Some(Open::Pre(_)) = self.stack.last() {
            if matches!(name, "pre" | "listing") {
                self.pop();
            }
            return;
        }
        if self.cell_open() {
            let cells = self.cells.last_mut().expect("checked");
            if name == "table" && cells.nested > 0 {
                cells.nested -= 1;
                return self.cell_space();
            }
            let structural = matches!(
                name,
                "td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "caption" | "table"
            );
            if !(structural && cells.nested == 0) {
                if is_block(name) {
                    return self.cell_space();
                }
                return self.end_inline(name);
            }
        }
        if let Some((mark, nest)) = &mut self.alert_title {
            if nest.end(name) {
                let mark = *mark;
                self.alert_title = None;
                return self.end_alert_title(mark);
            }
        }
        let mut ended = None;
        for (at, open) in self.stack.iter_mut().enumerate() {
            if let Open::Alert(_, _, nest) = open {
                if nest.end(name) {
                    ended = Some(at);
                }
            }
        }
        if let Some(at) = ended {
            self.close_inline();
            while self.stack.len() > at {
                self.pop();
            }
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => self.finish_heading(),
            "blockquote" => self.close_up_to(|o| matches!(o, Open::Quote(_))),
            "ul" | "ol" | "menu" => self.close_up_to(|o| matches!(o, Open::List(_))),
            "li" => {
                self.close_inline();
                if matches!(self.stack.last(), Some(Open::Item(_))) {
                    self.pop();
                }
            }
            "table" => self.close_up_to(|o| matches!(o, Open::Table(..))),
            "td" | "th" | "tr" | "thead" | "tbody" | "tfoot" | "caption" => {
                self.table_tag(name, false)
            }
            "br" => self.line_break(),
            "dt" | "summary" | "dl" | "details" => {
                self.close_inline();
                self.term = false;
            }
            _ if is_block(name) => self.close_inline(),
            _ => self.end_inline(name),
        }
    }

    fn end_inline(&mut self, name: &str) {
        if name == "sup" {
            self.sup = self.sup.saturating_sub(1);
        } else if name == "a" {
            self.links.pop();
        } else if let Some(slot) = inline_slot(name) {
            self.style[slot] = self.style[slot].saturating_sub(1);
        }
    }

    /// Closes the open blocks down to the innermost one `is` matches, if one is open.
    fn close_up_to(&mut self, is: impl Fn(&Open) -> bool) {
        if !self.stack.iter().any(&is) {
            return;
        }
        self.close_inline();
        while let Some(open) = self.stack.last() {
            let done = is(open);
            self.pop();
            if done {
                break;
            }
        }
    }

    fn meta_tag(&mut self, tag: &StartTag) {
        let key = tag
            .attr("name")
            .or(tag.attr("property"))
            .unwrap_or_default();
        let key = key.to_ascii_lowercase();
        if let Some(why) = unlisted(&key, tag) {
            self.meta.unlisted.get_or_insert(why);
        }
        let Some(&(_, field)) = META.iter().find(|(k, _)| *k == key) else {
            return;
        };
        let content = tag.attr("content").unwrap_or_default().trim_matches(space);
        if content.is_empty() || self.seen_content {
            return;
        }
        let content = content.to_string();
        self.piece(self.offset_hint(), &content);
        self.push_header(content.clone());
        let meta = &mut self.meta;
        match field {
            Field::Author => meta.author = Some(content),
            Field::Written => meta.written = Some(stamp_or_text(&content)),
            Field::Updated => meta.updated = Some(stamp_or_text(&content)),
            Field::Category => meta.categories.push(content),
            Field::Tags => meta.tags.extend(
                content
                    .split(',')
                    .map(|t| t.trim_matches(space))
                    .filter(|t| !t.is_empty())
                    .map(str::to_string),
            ),
        }
    }

    /// Adds a header line after the chrome text gathered so far.
    fn push_header(&mut self, line: String) {
        self.end_chrome_line();
        self.header.push(line);
    }

    /// Ends the line of chrome text being gathered: a header line before the text, else a
    /// pending footer line.
    fn end_chrome_line(&mut self) {
        let line = std::mem::take(&mut self.chrome_line);
        let line = line.trim_matches(space);
        if line.is_empty() {
            return;
        }
        if self.seen_content {
            self.pending.push(line.to_string());
        } else {
            self.header.push(line.to_string());
        }
    }

    /// Chrome between parts of the text stays in the text, where it is: as paragraphs, or in
    /// the running text, code or table cell that is open.
    fn flush_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let open_text = self.inline.as_ref().is_some_and(|t| !t.spans.is_empty());
        let in_cell = self.cell_open();
        let table = matches!(self.stack.last(), Some(Open::Table(..)));
        match self.stack.last_mut() {
            Some(Open::Pre(pre)) => {
                for line in pending {
                    pre.text.push_str(&line);
                    pre.text.push('\n');
                }
            }
            _ if open_text || in_cell || table => {
                if !open_text && !in_cell {
                    self.start_cell(false);
                }
                self.flush_inline(pending);
            }
            _ => {
                for line in pending {
                    self.push_block(Block::Paragraph(Text::plain(line)));
                }
            }
        }
    }

    fn flush_inline(&mut self, lines: Vec<String>) {
        for line in lines {
            self.push_inline(&format!(" {line} "), Style::default(), None);
        }
    }

    fn finish_heading(&mut self) {
        let Some((level, id)) = self.heading.take() else {
            return;
        };
        let mut text = self.inline.take().unwrap_or_default();
        trim_text(&mut text);
        if text.spans.is_empty() {
            return;
        }
        self.flush_pending();
        if !self.stack.is_empty() {
            // A heading inside a list or quote cannot open a section: it stays in place as a
            // strong paragraph.
            text.spans.iter_mut().for_each(|s| s.style.strong = true);
            return self.push_block(Block::Paragraph(text));
        }
        let title: String = text.spans.iter().map(|s| s.text.as_str()).collect();
        let title = title.split(space).filter(|w| !w.is_empty());
        let title = title.collect::<Vec<_>>().join(" ");
        let first = self.title.is_none() && !self.seen_content;
        if first && (level == 1 || self.title_tag.as_deref().is_some_and(|t| names(t, &title))) {
            self.push_header(title.clone());
            self.title = Some(title);
        } else {
            if let Some(id) = &id {
                self.anchors
                    .entry(id.clone())
                    .or_insert(self.sections.len());
            }
            for loose in std::mem::take(&mut self.loose) {
                self.anchors.insert(loose, self.sections.len());
            }
            self.sections.push(Section {
                id: id.unwrap_or_default(),
                title,
                level,
                untitled: false,
                blocks: Vec::new(),
            });
        }
        self.seen_content = true;
    }

    fn close_inline(&mut self) {
        if self.heading.is_some() || self.cell_open() {
            return;
        }
        if let Some(mut text) = self.inline.take() {
            trim_text(&mut text);
            if !text.spans.is_empty() {
                self.push_block(Block::Paragraph(text));
            }
        }
    }

    /// Ends a call-out's title: one that only names the call-out's kind ("Note", "Warning") is
    /// what the kind shows, markup; any other is its first paragraph, in bold.
    fn end_alert_title(&mut self, mark: usize) {
        let Some(mut text) = self.inline.take() else {
            return;
        };
        trim_text(&mut text);
        let said: String = text.spans.iter().map(|s| s.text.as_str()).collect();
        let said = said.trim().trim_end_matches(':').trim();
        let kind = self.stack.iter().rev().find_map(|o| match o {
            Open::Alert(kind, ..) => Some(*kind),
            _ => None,
        });
        if kind.is_some_and(|k| said.eq_ignore_ascii_case(k.name())) {
            self.pieces.truncate(mark);
            return;
        }
        text.spans.iter_mut().for_each(|s| s.style.strong = true);
        if !text.spans.is_empty() {
            self.push_block(Block::Paragraph(text));
        }
    }

    fn close(&mut self, open: Open) {
        match open {
            Open::Quote(blocks) => self.push_block(Block::Quote(blocks)),
            Open::Alert(kind, blocks, _) => {
                if !blocks.is_empty() {
                    self.push_block(Block::Alert(Alert { kind, blocks }));
                }
            }
            Open::List(list) => self.push_block(Block::List(list)),
            Open::Item(item) => match self.stack.last_mut() {
                Some(Open::List(list)) => list.items.push(item),
                _ => item.blocks.into_iter().for_each(|b| self.push_block(b)),
            },
            Open::Pre(mut pre) => {
                // The line breaks right after `<pre>` and before `</pre>` are not its text.
                pre.text = pre.text.trim_start_matches(['\n', '\r']).to_string();
                pre.text.truncate(pre.text.trim_end().len());
                if has_text(&pre.text) {
                    self.push_block(Block::Preformatted(pre));
                }
            }
            Open::Table(mut table, heads) => {
                self.cells.pop();
                // Header rows: the first rows in `<thead>` or of `<th>` cells only.
                let rows: Vec<_> = (table.rows.into_iter().zip(heads))
                    .filter(|(row, _)| !row.is_empty())
                    .collect();
                let head = rows
                    .iter()
                    .take_while(|(_, (thead, all_th))| *thead || *all_th);
                table.head = head.count() as u32;
                table.rows = rows.into_iter().map(|(row, _)| row).collect();
                if !table.rows.is_empty() {
                    self.push_block(Block::Table(table));
                }
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.seen_content = true;
        match self.stack.last_mut() {
            Some(Open::Quote(blocks) | Open::Alert(_, blocks, _)) => blocks.push(block),
            Some(Open::Item(item)) => item.blocks.push(block),
            Some(Open::List(list)) => match list.items.last_mut() {
                Some(item) => item.blocks.push(block),
                None => list.items.push(ListItem {
                    marker: String::new(),
                    task: None,
                    blocks: vec![block],
                }),
            },
            Some(Open::Pre(_) | Open::Table(..)) | None => self
                .sections
                .last_mut()
                .expect("there is always a section")
                .blocks
                .push(block),
        }
    }
}

/// Whether an element ends the paragraph before it.
/// Why a `<meta>` says its page is not to be published: `robots` with `noindex` (generators
/// mark their print-everything and redirect pages so), or a redirect (`http-equiv="refresh"`
/// with a URL).
fn unlisted(name: &str, tag: &StartTag) -> Option<String> {
    let content = tag.attr("content").unwrap_or_default();
    if name == "robots"
        && content
            .split([',', ' '])
            .any(|word| word.eq_ignore_ascii_case("noindex"))
    {
        return Some(format!(
            "the page asks not to be indexed (<meta name=\"robots\" content=\"{content}\">)"
        ));
    }
    let refresh = tag
        .attr("http-equiv")
        .is_some_and(|e| e.eq_ignore_ascii_case("refresh"));
    let lower = content.to_ascii_lowercase();
    let url = lower.find("url=").map(|at| &content[at + 4..])?;
    let url = url.trim_matches(|c: char| space(c) || c == '\'' || c == '"');
    (refresh && !url.is_empty()).then(|| format!("the page redirects to {url}"))
}

/// The call-out an element is, by its classes: Sphinx's and MkDocs' `admonition note`,
/// GitHub's `markdown-alert markdown-alert-tip`, Docusaurus' `theme-admonition
/// theme-admonition-warning`, Material's collapsible `<details class="tip">`. The kind is the one a class names, else the nearest of the five
/// ([`kind_named`]); a call-out of no known kind is a note.
fn call_out(tag: &StartTag) -> Option<AlertKind> {
    let details = tag.name == "details";
    if !details && !matches!(tag.name.as_str(), "div" | "aside" | "section") {
        return None;
    }
    let classes: Vec<&str> = tag.attr("class")?.split_ascii_whitespace().collect();
    let marked = classes
        .iter()
        .any(|c| matches!(*c, "admonition" | "markdown-alert" | "theme-admonition"));
    if details && !marked {
        // A collapsible call-out (Material's `<details class="tip">`) has only its kind's class.
        return classes.iter().find_map(|class| kind_named(class));
    }
    if !marked {
        return None;
    }
    let kind = classes.iter().find_map(|class| {
        let name = ["markdown-alert-", "theme-admonition-", "admonition-"]
            .iter()
            .find_map(|prefix| class.strip_prefix(prefix))
            .unwrap_or(class);
        // GitHub's classes name the five kinds themselves (its `caution` is a caution).
        AlertKind::ALL
            .into_iter()
            .find(|k| name.eq_ignore_ascii_case(k.name()))
            .or_else(|| kind_named(name))
    });
    Some(kind.unwrap_or(AlertKind::Note))
}

fn is_block(name: &str) -> bool {
    BLOCK_TAGS.contains(&name) || MORE_BLOCKS.contains(&name)
}

/// Elements that make a table's rows and cells.
fn in_table(name: &str) -> bool {
    matches!(
        name,
        "tr" | "td" | "th" | "thead" | "tbody" | "tfoot" | "caption" | "colgroup" | "col"
    )
}

/// The style an inline element gives: emphasis, strong, strikethrough or code.
fn inline_slot(name: &str) -> Option<usize> {
    match name {
        "em" | "i" | "cite" | "dfn" | "var" => Some(0),
        "strong" | "b" => Some(1),
        "s" | "del" | "strike" => Some(2),
        "code" | "kbd" | "samp" | "tt" => Some(3),
        _ => None,
    }
}

/// A list item's number as an attribute gives it (`start="3"`, `value=" 10"`): its text without
/// the space around it, if it is a number the explorer shows (a whole number, not negative).
fn number(value: &str) -> Option<String> {
    let value = value.trim_matches(space);
    value.parse::<u32>().ok().map(|_| value.to_string())
}

/// The text an image shows in its place: its alternative text, when it has one.
fn image_text(tag: &StartTag) -> Option<String> {
    let alt = tag.attr("alt").filter(|_| tag.name == "img")?;
    has_text(alt).then(|| alt.trim_matches(space).to_string())
}

/// Drops the white space at the edges of running text, and spans left empty.
fn trim_text(text: &mut Text) {
    if let Some(first) = text.spans.first_mut() {
        first.text = first.text.trim_start_matches(space).to_string();
    }
    if let Some(last) = text.spans.last_mut() {
        last.text.truncate(last.text.trim_end_matches(space).len());
    }
    text.spans.retain(|s| !s.text.is_empty());
}

/// The language a code element's class names (`language-rust`, `lang-py`).
fn language(class: &str) -> Option<String> {
    class.split_whitespace().find_map(|c| {
        c.strip_prefix("language-")
            .or(c.strip_prefix("lang-"))
            .filter(|l| !l.is_empty())
            .map(str::to_string)
    })
}
