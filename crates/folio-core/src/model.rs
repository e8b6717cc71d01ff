//! The document model: a corpus of documents, each made of sections, each made of blocks.
//!
//! The model keeps the text of the source exactly as written. Every non-whitespace character of
//! a source file lands in exactly one *verbatim* place of its document: the header or footer
//! lines, a section heading, a block's text or a list marker. Parsed metadata (dates, author,
//! categories) is derived from those verbatim lines and is carried beside them.
//! [`Document::verbatim_parts`] walks the verbatim places in source order; the lossless
//! invariant is checked against it.

use serde::{Deserialize, Serialize};

/// All documents of one data folder, in reading order (see `ingest::order`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    pub documents: Vec<Document>,
}

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    Text,
    Markdown,
    Html,
}

/// One source file, structured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Stable, URL-safe identifier derived from the source file name.
    pub id: String,
    pub title: String,
    /// The source file's path relative to the data folder, with `/` separators.
    pub source: String,
    pub format: SourceFormat,
    pub meta: Metadata,
    /// Verbatim source lines before the body (breadcrumb, title, date line, front matter).
    pub header: Vec<String>,
    pub sections: Vec<Section>,
    /// Verbatim source lines after the body (signature, date written, trailing notes).
    pub footer: Vec<String>,
}

/// A date and time as found in the text, with its ISO 8601 reading where one could be made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`; empty when the text could not be read as a date.
    pub iso: String,
    /// The text exactly as the source wrote it.
    pub text: String,
}

/// Metadata a document's text carries. Every field is derived from the header or footer lines.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The breadcrumb or front-matter category path, outermost first.
    pub categories: Vec<String>,
    pub posted: Option<Stamp>,
    pub updated: Option<Stamp>,
    pub poster: Option<String>,
    pub author: Option<String>,
    pub written: Option<Stamp>,
    /// Tags or topics named by the document itself (front matter).
    pub tags: Vec<String>,
    /// Notes that follow the signature, such as a parenthesised remark.
    pub notes: Vec<String>,
    /// Where the document goes among the documents of its folder, when its front matter says
    /// (`weight`, `order`, `nav_order` or `sidebar_position`): lower first. Orders the corpus
    /// at build time; neither embedded nor in the app.
    #[cfg(feature = "ingest")]
    #[serde(skip)]
    pub weight: Option<Weight>,
    /// Why the page is not to be published, when it says so itself (a `robots` `noindex`, or a
    /// redirect to another page). Read at build time; neither embedded nor in the app.
    #[cfg(feature = "ingest")]
    #[serde(skip)]
    pub unlisted: Option<String>,
    /// The ids of elements of the page other than its headings (`<a id="old-name">`), each with
    /// the id of the section it leads to, for links from other documents. Read at build time;
    /// neither embedded nor in the app.
    #[cfg(feature = "ingest")]
    #[serde(skip)]
    pub anchors: Vec<(String, String)>,
    /// The page's own links to the next and to the previous page of its site (`rel="next"`,
    /// `rel="prev"`), as written: the reading order of a site that was built. Read at build
    /// time; neither embedded nor in the app.
    #[cfg(feature = "ingest")]
    #[serde(skip)]
    pub next: Option<String>,
    #[cfg(feature = "ingest")]
    #[serde(skip)]
    pub previous: Option<String>,
    /// The layout its front matter names (`layout: search`): a page a generator fills. Read at
    /// build time; neither embedded nor in the app.
    #[cfg(feature = "ingest")]
    #[serde(skip)]
    pub layout: Option<String>,
}

/// A document's place among its siblings, as its front matter gives it.
#[cfg(feature = "ingest")]
#[derive(Debug, Clone, Copy)]
pub struct Weight(pub f64);

#[cfg(feature = "ingest")]
impl PartialEq for Weight {
    fn eq(&self, other: &Self) -> bool {
        self.0.total_cmp(&other.0).is_eq()
    }
}

#[cfg(feature = "ingest")]
impl Eq for Weight {}

/// A run of a document between two headings (or section breaks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    /// Unique within its document; URL-safe.
    pub id: String,
    /// The heading as written or, for an untitled section, a label made from its first words.
    pub title: String,
    /// Heading level, 1 (outermost) to 6.
    pub level: u8,
    /// True when the section has no heading in the source and its title is a made-up label.
    pub untitled: bool,
    pub blocks: Vec<Block>,
}

/// A block of body text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    Paragraph(Text),
    List(List),
    /// A block quotation, holding blocks of its own.
    Quote(Vec<Block>),
    /// A call-out (`> [!NOTE]` and its kin in GitHub's Markdown): a quotation with a kind.
    Alert(Alert),
    /// Text whose line breaks and spacing matter (code, verse, raw markup shown as text).
    Preformatted(Preformatted),
    Table(Table),
}

/// A call-out: its kind (the `[!NOTE]` line, markup) and its blocks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alert {
    pub kind: AlertKind,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AlertKind {
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

impl AlertKind {
    /// Every kind, in order.
    pub const ALL: [AlertKind; 5] = [
        AlertKind::Note,
        AlertKind::Tip,
        AlertKind::Important,
        AlertKind::Warning,
        AlertKind::Caution,
    ];

    /// The kind's name in lower case, as the page's markup carries it.
    pub fn name(self) -> &'static str {
        match self {
            AlertKind::Note => "note",
            AlertKind::Tip => "tip",
            AlertKind::Important => "important",
            AlertKind::Warning => "warning",
            AlertKind::Caution => "caution",
        }
    }
}

/// A table: rows of cells, the first `head` rows its header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    /// Each column's alignment (markup, not text).
    pub align: Vec<Align>,
    pub head: u32,
    pub rows: Vec<Vec<Text>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    #[default]
    None,
    Left,
    Center,
    Right,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct List {
    pub ordered: bool,
    /// Footnotes: each item is the text of a note, its marker the note's label (`1` of
    /// `[^1]: …`), which references in running text show.
    pub notes: bool,
    pub items: Vec<ListItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// The item's marker as written (`1.`, `-`, `a)`); in an HTML page, the number an ordered
    /// list's `start` gives its first item or an item's `value` gives it, else nothing.
    pub marker: String,
    /// For a task (`- [ ]`, `- [x]`), whether it is done. The brackets are markup.
    pub task: Option<bool>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Preformatted {
    /// The language or info string of a fenced code block (markup, not text).
    pub info: Option<String>,
    pub text: String,
}

/// Running text: a sequence of spans, each with its own inline style.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub text: String,
    pub style: Style,
    /// The destination when the span is (part of) a link or an image's alternative text. Like
    /// the info string of a code block, it is markup: not part of the verbatim text.
    pub link: Option<String>,
}

/// Inline styles a span can carry at once.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Style {
    pub emphasis: bool,
    pub strong: bool,
    pub code: bool,
    pub strikethrough: bool,
    /// A reference to a footnote (`[^1]`): the span's text is the note's label and its link
    /// the address of the section that holds the note.
    pub note: bool,
    /// An image: the span's text is its alternative text and its link the image's address
    /// (`media/<path>` for an image of the data folder, published with the app).
    pub image: bool,
}

impl Text {
    /// Plain text made of one unstyled span.
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            spans: vec![Span {
                text: text.into(),
                ..Span::default()
            }],
        }
    }

    /// The plain text of all spans, concatenated.
    pub fn to_plain(&self) -> String {
        self.spans.iter().map(Span::plain).collect()
    }
}

impl Span {
    /// The span's text as prose: a reference to a note has none, so that its label neither
    /// joins the word before it ("claim1") nor counts as a word.
    pub fn plain(&self) -> &str {
        if self.style.note {
            ""
        } else {
            &self.text
        }
    }
}

impl Block {
    /// Appends the plain text of this block (and its children) to `out`, blocks separated by
    /// newlines. Used for word counts and for indexing.
    pub fn push_plain(&self, out: &mut String) {
        self.push_text::<true>(out);
    }

    /// Appends the plain text of this block, whole (`ALL`) or as prose: without code, neither
    /// blocks of it nor code in running text, and without the text of links into the corpus
    /// (a reference to another part, "see “Paths for Referring to an Item”").
    fn push_text<const ALL: bool>(&self, out: &mut String) {
        let prose = |s: &&Span| {
            let reference = s.link.as_deref().is_some_and(|l| l.starts_with("#/d/"));
            !s.style.code && !reference
        };
        let spans = |out: &mut String, text: &Text| {
            for span in text.spans.iter().filter(|s| ALL || prose(s)) {
                out.push_str(span.plain());
            }
        };
        match self {
            Block::Paragraph(text) => {
                if !out.is_empty() {
                    out.push('\n');
                }
                spans(out, text);
            }
            Block::Preformatted(pre) if ALL => push_line(out, &pre.text),
            Block::Preformatted(_) => {}
            // Each cell is a line of its own.
            Block::Table(table) => {
                for cell in table.rows.iter().flatten() {
                    push_line(out, "");
                    spans(out, cell);
                }
            }
            Block::Quote(blocks) | Block::Alert(Alert { blocks, .. }) => {
                blocks.iter().for_each(|b| b.push_text::<ALL>(out))
            }
            Block::List(list) => {
                for item in &list.items {
                    item.blocks.iter().for_each(|b| b.push_text::<ALL>(out));
                }
            }
        }
    }

    /// Calls `f` with each verbatim string of the block, in source order.
    fn for_each_verbatim<'a>(&'a self, f: &mut dyn FnMut(&'a str)) {
        match self {
            Block::Paragraph(text) => text.spans.iter().for_each(|s| f(&s.text)),
            Block::Preformatted(pre) => f(&pre.text),
            Block::Table(table) => {
                for cell in table.rows.iter().flatten() {
                    cell.spans.iter().for_each(|s| f(&s.text));
                }
            }
            Block::Quote(blocks) | Block::Alert(Alert { blocks, .. }) => {
                blocks.iter().for_each(|b| b.for_each_verbatim(f))
            }
            Block::List(list) => {
                for item in &list.items {
                    f(&item.marker);
                    item.blocks.iter().for_each(|b| b.for_each_verbatim(f));
                }
            }
        }
    }
}

fn push_line(out: &mut String, line: &str) {
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(line);
}

impl Section {
    /// The plain text of the section's blocks (not its heading).
    pub fn body_text(&self) -> String {
        let mut out = String::new();
        self.blocks.iter().for_each(|b| b.push_plain(&mut out));
        out
    }

    /// The section's prose: its body text without code, neither blocks of code nor code in
    /// running text, and without the text of links to other parts of the corpus. Topics are
    /// discovered in it.
    pub fn prose_text(&self) -> String {
        let mut out = String::new();
        self.blocks
            .iter()
            .for_each(|b| b.push_text::<false>(&mut out));
        out
    }

    /// Number of whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        self.body_text().split_whitespace().count()
    }
}

impl Document {
    /// Every verbatim string of the document, in source order: header lines, then for each
    /// section its heading (when it has one in the source) and its blocks, then footer lines.
    pub fn verbatim_parts(&self) -> Vec<&str> {
        let mut parts: Vec<&str> = self.header.iter().map(String::as_str).collect();
        for section in &self.sections {
            if !section.untitled {
                parts.push(&section.title);
            }
            for block in &section.blocks {
                block.for_each_verbatim(&mut |s| parts.push(s));
            }
        }
        parts.extend(self.footer.iter().map(String::as_str));
        parts
    }

    /// The section with the given id.
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn word_count(&self) -> usize {
        self.sections.iter().map(Section::word_count).sum()
    }
}

impl Corpus {
    /// The document with the given id.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
}
