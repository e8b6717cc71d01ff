//! The Markdown reader, on pulldown-cmark: front matter (YAML between `---`, TOML between
//! `+++`), `#`–`######` headings as sections with their levels, paragraphs with inline styles
//! and links, lists (with tasks), block quotes, code blocks, tables, footnotes; of raw HTML, the
//! text a browser would show, in paragraphs; MkDocs admonitions (`!!! note "Title"`, see
//! [`super::admonition`]) as call-outs.
//!
//! Alongside the document it lists the pieces of the source that are text, for the lossless
//! check; everything else (`#`, `*`, list bullets, link destinations, HTML tags and comments)
//! is markup.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, Event, MetadataBlockKind, Options, Parser, Tag,
    TagEnd,
};

use super::admonition::{self, Admonition};
use super::coverage::{self, Coverage, Piece};
use super::front_matter::read_front_matter;
use super::html_text::{decode_entities, element_id, HtmlText, Part, Token, Tokenizer};
use super::{anchor_sections, finish_sections, opening_section, title_of_path};
use crate::error::Result;
use crate::model::{
    Alert, AlertKind, Align, Block, Document, List, ListItem, Metadata, Preformatted, Section,
    SourceFormat, Span, Style, Table, Text,
};

/// Reads a Markdown source and checks it against the text pieces the parser reported.
pub fn read_checked(path: &str, id: &str, source: &str) -> Result<(Document, Coverage)> {
    let (document, pieces) = read_with_pieces(path, id, source)?;
    let report = coverage::check_pieces(&document, source, &pieces);
    Ok((document, report))
}

/// An open container block.
enum Open {
    /// A quotation, or a call-out of the kind given.
    Quote(Option<AlertKind>, Vec<Block>),
    List(List),
    Item(ListItem),
    Code(Preformatted),
    /// Raw HTML: what is open in it, and the text of the paragraph it is gathering.
    Html(HtmlText, String),
    Table(Table),
}

struct Builder<'s> {
    source: &'s str,
    pieces: Vec<Piece<'s>>,
    sections: Vec<Section>,
    stack: Vec<Open>,
    /// Inline text being gathered (a paragraph, a heading, a tight list item's text).
    inline: Option<Text>,
    heading: Option<u8>,
    /// The open heading's attribute list (`{ #id .class }`, as MkDocs writes them): where it
    /// starts in the source, and the id it gives.
    heading_attrs: Option<(usize, Option<String>)>,
    style: [u32; 4],
    links: Vec<String>,
    /// Open images: their text is alternative text; where the spans of the outermost begin.
    images: u32,
    image_start: usize,
    /// The first H1, taken as the title when nothing came before it.
    title: Option<String>,
    seen_content: bool,
    /// The ids of raw HTML's elements (`<a id="old-name"></a>`), each with the index of the
    /// section that holds it.
    anchors: Vec<(String, usize)>,
    /// Of those, the empty links met since the last text: placed just before a heading, as
    /// books keep a heading's old names, they lead to its section.
    loose: Vec<usize>,
}

fn read_with_pieces<'s>(
    path: &str,
    id: &str,
    source: &'s str,
) -> Result<(Document, Vec<Piece<'s>>)> {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_GFM
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut b = Builder {
        source,
        pieces: Vec::new(),
        sections: vec![opening_section()],
        stack: Vec::new(),
        inline: None,
        heading: None,
        heading_attrs: None,
        style: [0; 4],
        links: Vec::new(),
        images: 0,
        image_start: 0,
        title: None,
        seen_content: false,
        anchors: Vec::new(),
        loose: Vec::new(),
    };
    let mut meta = Metadata::default();
    let mut header = Vec::new();
    let mut front: Option<MetadataBlockKind> = None;
    let mut front_title: Option<String> = None;

    // Admonitions' bodies parse as quotes of a rewritten copy of the source, as long as it.
    let rewritten = admonition::rewrite(source);
    let parsed = rewritten.as_ref().map_or(source, |r| r.text.as_str());
    let mut opened = vec![false; rewritten.as_ref().map_or(0, |r| r.admonitions.len())];
    // For each open quote, whether it is a content tab's body, which is no quote: its blocks
    // follow its label.
    let mut quotes: Vec<bool> = Vec::new();
    // Directive containers: the next to open, and the open ones with the depth of the stack
    // under them.
    let mut next_directive = 0;
    let mut directives: Vec<(usize, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(parsed, options).into_offset_iter() {
        if let Some(r) = &rewritten {
            // A container opens at the first event of its body and closes at the first after:
            // those that ended close before the next opens, and an empty one closes at once.
            loop {
                while let Some(&(i, depth)) = directives.last() {
                    // A block the parser still has open (a list its fence did not end) keeps
                    // the container open until it ends.
                    let own = usize::from(r.directives[i].0.kind.is_some());
                    if range.start < r.directives[i].1.end || b.stack.len() > depth + own {
                        break;
                    }
                    b.close_inline();
                    if b.stack.len() > depth {
                        let open = b.stack.pop().expect("the container is on top");
                        b.close(open);
                    }
                    directives.pop();
                }
                match r.directives.get(next_directive) {
                    Some((admonition, body)) if body.start <= range.start => {
                        // Only where nothing but containers is open: a body the parser reads as
                        // more of a list begun before it stays in the list, without a call-out.
                        let base = directives.last().map_or(0, |&(i, depth)| {
                            depth + usize::from(r.directives[i].0.kind.is_some())
                        });
                        if b.stack.len() == base {
                            directives.push((next_directive, b.stack.len()));
                            b.admonition(admonition, false);
                        } else {
                            // Its title still shows, as a content tab's label does.
                            let label = Admonition {
                                kind: None,
                                title: admonition.title.clone(),
                            };
                            b.admonition(&label, false);
                        }
                        next_directive += 1;
                    }
                    _ => break,
                }
            }
        }
        match (&event, &rewritten) {
            (Event::Start(Tag::BlockQuote(_)), Some(r)) => {
                if let Some(id) = r.owner(range.start) {
                    let tab = r.admonitions[id].kind.is_none();
                    quotes.push(tab);
                    b.admonition(&r.admonitions[id], opened[id]);
                    opened[id] = true;
                    continue;
                }
                quotes.push(false);
            }
            // Every quote's end pops its entry; a tab's body ends without closing anything.
            (Event::End(TagEnd::BlockQuote(_)), Some(_)) if quotes.pop() == Some(true) => {
                b.close_inline();
                continue;
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => front = Some(kind),
            Event::End(TagEnd::MetadataBlock(_)) => front = None,
            Event::Text(text) if front.is_some() => {
                let kind = front.expect("checked");
                b.piece(range.clone(), text.clone());
                if source[..range.start]
                    .trim_start_matches(['-', '+'])
                    .trim()
                    .is_empty()
                {
                    front_title = read_front_matter(path, &text, kind, &mut meta)?;
                    header.push(text.to_string());
                } else {
                    // A metadata-looking block further down is body text, shown as written.
                    b.push_block(Block::Preformatted(Preformatted {
                        info: None,
                        text: text.trim_end().to_string(),
                    }));
                }
            }
            Event::Start(tag) => b.start(tag, range),
            Event::End(tag) => b.end(tag),
            Event::Text(text) => b.text(range, text, Style::default()),
            Event::Code(text) => b.text(
                range,
                text,
                Style {
                    code: true,
                    ..Style::default()
                },
            ),
            // A tag in running text is markup, as its `*` would be; `<br>` breaks the line.
            Event::InlineHtml(html) => {
                for token in Tokenizer::default().feed(&html) {
                    if let Token::Start(tag) = token {
                        b.anchor(element_id(&tag));
                    }
                }
                let name = html.trim_start_matches('<').trim_start_matches('/');
                // Sliced with `get`: the name may start with any character ("<?ங?>").
                let br = name.get(..2).is_some_and(|n| n.eq_ignore_ascii_case("br"));
                if br && !name[2..].starts_with(|c: char| c.is_alphanumeric()) {
                    b.push_inline('\n');
                }
            }
            Event::InlineMath(math) | Event::DisplayMath(math) => {
                b.text(range, math, Style::default())
            }
            Event::Html(html) => b.html(range, &html),
            // A line wrapped in the source is one line of text; a hard break breaks it.
            Event::SoftBreak => b.push_inline(' '),
            Event::HardBreak => b.push_inline('\n'),
            // A reference shows its note's label; `[^` and `]` are markup.
            Event::FootnoteReference(label) => b.text(
                range,
                label,
                Style {
                    note: true,
                    ..Style::default()
                },
            ),
            Event::TaskListMarker(done) => {
                if let Some(Open::Item(item)) = b.stack.last_mut() {
                    item.task = Some(done);
                }
            }
            Event::Rule => {}
        }
    }
    b.close_inline();
    b.close_html();
    while let Some(open) = b.stack.pop() {
        b.close(open);
    }

    if let Some(title) = &b.title {
        header.push(title.clone());
    }
    let title = b
        .title
        .clone()
        .or(front_title)
        .unwrap_or_else(|| title_of_path(path));
    let mut sections = b.sections;
    let kept = finish_sections(&mut sections);
    link_notes(id, &mut sections);
    let mut seen = std::collections::HashSet::new();
    b.anchors.retain(|(id, _)| seen.insert(id.clone()));
    meta.anchors = anchor_sections(&sections, &kept, b.anchors.into_iter());
    let document = Document {
        id: id.to_string(),
        title,
        source: path.to_string(),
        format: SourceFormat::Markdown,
        meta,
        header,
        sections,
        footer: Vec::new(),
    };
    Ok((document, b.pieces))
}

impl<'s> Builder<'s> {
    fn piece(&mut self, range: Range<usize>, text: pulldown_cmark::CowStr<'_>) {
        let raw = &self.source[range.clone()];
        let piece = match raw.find(text.as_ref()) {
            Some(at) => Piece {
                offset: range.start + at,
                text: Cow::Borrowed(&self.source[range.start + at..range.start + at + text.len()]),
            },
            None => Piece {
                offset: range.start,
                text: Cow::Owned(text.to_string()),
            },
        };
        self.pieces.push(piece);
    }

    /// Adds white space to the inline text being gathered.
    fn push_inline(&mut self, space: char) {
        if let Some(span) = self.inline.as_mut().and_then(|t| t.spans.last_mut()) {
            span.text.push(space);
        }
    }

    /// A line of an HTML block: its text joins the open paragraph, a block-level tag closes it.
    fn html(&mut self, range: Range<usize>, html: &str) {
        if !matches!(self.stack.last(), Some(Open::Html(..))) {
            // An HTML block may interrupt the text of a tight list item, which no paragraph's
            // end has closed.
            self.close_inline();
            self.stack
                .push(Open::Html(HtmlText::default(), String::new()));
        }
        let Some(Open::Html(reader, _)) = self.stack.last_mut() else {
            unreachable!("pushed above")
        };
        let parts = reader.feed(html);
        for id in reader.take_ids() {
            self.anchor(Some(id));
        }
        // The line as the parser gives it is the source itself, except inside a quote or a
        // list, where it comes without its prefix: then each text is found in the line.
        let verbatim = self.source.get(range.clone()) == Some(html);
        for part in parts {
            let text = match &part {
                Part::Text(r) => decode_entities(&html[r.clone()]),
                Part::LineBreak => Cow::Borrowed("\n"),
                Part::Break => {
                    self.close_html_paragraph();
                    continue;
                }
            };
            if let Part::Text(r) = &part {
                if verbatim {
                    let at = range.start + r.start..range.start + r.end;
                    self.pieces.push(Piece {
                        offset: at.start,
                        text: match &text {
                            Cow::Borrowed(_) => Cow::Borrowed(&self.source[at]),
                            Cow::Owned(decoded) => Cow::Owned(decoded.clone()),
                        },
                    });
                } else {
                    self.piece(range.clone(), text.as_ref().into());
                }
            }
            if let Some(Open::Html(_, paragraph)) = self.stack.last_mut() {
                // HTML folds its white space; only <br> breaks a line.
                if matches!(part, Part::LineBreak) {
                    paragraph.truncate(paragraph.trim_end().len());
                    paragraph.push('\n');
                    continue;
                }
                let apart = !paragraph.is_empty() && !paragraph.ends_with(char::is_whitespace);
                if apart && text.starts_with(char::is_whitespace) {
                    paragraph.push(' ');
                }
                let mut words = text.split_whitespace().peekable();
                let any = words.peek().is_some();
                for (i, word) in words.enumerate() {
                    if i > 0 {
                        paragraph.push(' ');
                    }
                    paragraph.push_str(word);
                }
                if any && text.ends_with(char::is_whitespace) {
                    paragraph.push(' ');
                }
            }
        }
    }

    /// Ends the paragraph gathering in an open HTML block, keeping it if it holds text.
    fn close_html_paragraph(&mut self) {
        let Some(Open::Html(_, paragraph)) = self.stack.last_mut() else {
            return;
        };
        let gathered = std::mem::take(paragraph);
        let text = gathered.trim();
        if !text.is_empty() {
            let html = self.stack.pop().expect("checked");
            self.push_block(Block::Paragraph(Text {
                spans: vec![Span {
                    text: text.to_string(),
                    ..Span::default()
                }],
            }));
            self.stack.push(html);
        }
    }

    fn current_style(&self) -> Style {
        Style {
            emphasis: self.style[0] > 0,
            strong: self.style[1] > 0,
            strikethrough: self.style[2] > 0,
            code: false,
            note: false,
            image: self.images > 0,
        }
    }

    /// Notes the id of an element of raw HTML.
    fn anchor(&mut self, id: Option<(String, bool)>) {
        let Some((id, link)) = id else { return };
        if link {
            self.loose.push(self.anchors.len());
        }
        self.anchors.push((id, self.sections.len() - 1));
    }

    fn text(&mut self, range: Range<usize>, text: pulldown_cmark::CowStr<'_>, extra: Style) {
        if self.heading.is_none() && !text.trim().is_empty() {
            self.loose.clear();
        }
        // A heading's attribute list is markup.
        let (range, text) = match self.heading_attrs {
            Some((at, _)) if self.heading.is_some() && range.end > at => {
                if range.start >= at || self.source.get(range.clone()) != Some(&*text) {
                    return;
                }
                let kept = self.source[range.start..at].to_string();
                (range.start..at, kept.into())
            }
            _ => (range, text),
        };
        // Icons (`:material-check:`) are markup, as an image without text would be.
        let in_code = extra.code || matches!(self.stack.last(), Some(Open::Code(_)));
        if !in_code && text.contains(':') && self.source.get(range.clone()) == Some(&*text) {
            let icons = icon_shortcodes(&text);
            if !icons.is_empty() {
                let mut from = 0;
                for icon in icons
                    .into_iter()
                    .chain(std::iter::once(text.len()..text.len()))
                {
                    // The space after an icon that opens a paragraph opens nothing.
                    let opening = self.inline.as_ref().is_none_or(|t| t.spans.is_empty());
                    if opening && from > 0 {
                        from += text[from..icon.start].len()
                            - text[from..icon.start].trim_start().len();
                    }
                    if icon.start > from {
                        let kept = text[from..icon.start].to_string();
                        self.text(
                            range.start + from..range.start + icon.start,
                            kept.into(),
                            extra,
                        );
                    }
                    from = icon.end;
                }
                return;
            }
        }
        self.piece(range, text.clone());
        if let Some(Open::Code(pre)) = self.stack.last_mut() {
            pre.text.push_str(&text);
            return;
        }
        let mut style = self.current_style();
        style.code |= extra.code;
        style.note = extra.note;
        let link = self.links.last().cloned();
        let inline = self.inline.get_or_insert_with(Text::default);
        match inline.spans.last_mut() {
            // Each reference to a note, and each image, is a span of its own, even beside another.
            Some(last)
                if last.style == style && last.link == link && !style.note && !style.image =>
            {
                last.text.push_str(&text)
            }
            _ => inline.spans.push(Span {
                text: text.to_string(),
                style,
                link,
            }),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.close_inline(),
            Tag::Heading { level, .. } => {
                self.close_inline();
                self.heading = Some(level as u8);
                let line = self.source.get(range.clone()).unwrap_or_default();
                self.heading_attrs = attribute_list(line).map(|(at, id)| (range.start + at, id));
            }
            Tag::BlockQuote(kind) => {
                self.close_inline();
                let kind = kind.map(|k| match k {
                    BlockQuoteKind::Note => AlertKind::Note,
                    BlockQuoteKind::Tip => AlertKind::Tip,
                    BlockQuoteKind::Important => AlertKind::Important,
                    BlockQuoteKind::Warning => AlertKind::Warning,
                    BlockQuoteKind::Caution => AlertKind::Caution,
                });
                self.stack.push(Open::Quote(kind, Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.close_inline();
                let info = match kind {
                    CodeBlockKind::Fenced(info) if !info.trim().is_empty() => Some(
                        info.split_whitespace()
                            .next()
                            .unwrap_or_default()
                            .to_string(),
                    ),
                    _ => None,
                };
                self.stack.push(Open::Code(Preformatted {
                    info,
                    text: String::new(),
                }));
            }
            Tag::List(start) => {
                self.close_inline();
                self.stack.push(Open::List(List {
                    ordered: start.is_some(),
                    notes: false,
                    items: Vec::new(),
                }));
            }
            Tag::Item => {
                self.close_inline();
                let raw = &self.source[range.clone()];
                let lead = raw.len() - raw.trim_start().len();
                let marker: String = raw
                    .trim_start()
                    .chars()
                    .take_while(|c| !c.is_whitespace())
                    .collect();
                let start = range.start + lead;
                self.pieces.push(Piece {
                    offset: start,
                    text: Cow::Borrowed(&self.source[start..start + marker.len()]),
                });
                self.stack.push(Open::Item(ListItem {
                    marker,
                    task: None,
                    blocks: Vec::new(),
                }));
            }
            // A note is an item of a list of notes, its label the marker; `[^`, `]:` are markup.
            Tag::FootnoteDefinition(label) => {
                self.close_inline();
                self.close_html();
                self.piece(range, label.clone());
                self.stack.push(Open::List(List {
                    ordered: true,
                    notes: true,
                    items: Vec::new(),
                }));
                self.stack.push(Open::Item(ListItem {
                    marker: label.to_string(),
                    task: None,
                    blocks: Vec::new(),
                }));
            }
            Tag::Table(align) => {
                self.close_inline();
                let align = align
                    .iter()
                    .map(|a| match a {
                        Alignment::None => Align::None,
                        Alignment::Left => Align::Left,
                        Alignment::Center => Align::Center,
                        Alignment::Right => Align::Right,
                    })
                    .collect();
                self.stack.push(Open::Table(Table {
                    align,
                    ..Table::default()
                }));
            }
            // The header is a row of its own; the cells' text gathers as inline text.
            Tag::TableHead | Tag::TableRow => {
                if let Some(Open::Table(table)) = self.stack.last_mut() {
                    table.rows.push(Vec::new());
                }
            }
            Tag::TableCell => self.inline = Some(Text::default()),
            // A definition list reads as paragraphs: each term in bold, then its definitions.
            Tag::DefinitionList | Tag::DefinitionListDefinition => self.close_inline(),
            Tag::DefinitionListTitle => {
                self.close_inline();
                self.style[1] += 1;
            }
            Tag::Emphasis => self.style[0] += 1,
            Tag::Strong => self.style[1] += 1,
            Tag::Strikethrough => self.style[2] += 1,
            Tag::Link { dest_url, .. } => self.links.push(dest_url.to_string()),
            Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string());
                if self.images == 0 {
                    self.image_start = self.inline.as_ref().map_or(0, |t| t.spans.len());
                }
                self.images += 1;
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.close_inline(),
            TagEnd::Heading(_) => {
                let text = self.inline.take().unwrap_or_default();
                let level = self.heading.take().unwrap_or(1);
                let id = self.heading_attrs.take().and_then(|(_, id)| id);
                if !self.stack.is_empty() {
                    // A heading inside a list item or quote cannot open a section: it stays in
                    // place as a strong paragraph.
                    let mut text = text;
                    text.spans.iter_mut().for_each(|s| s.style.strong = true);
                    self.push_block(Block::Paragraph(text));
                    return;
                }
                // A title is plain text: a reference to a note in it keeps its label, apart.
                let title: String = text
                    .spans
                    .iter()
                    .flat_map(|s| [if s.style.note { " " } else { "" }, s.text.as_str()])
                    .collect();
                let title = title.trim().to_string();
                if level == 1 && self.title.is_none() && !self.seen_content {
                    self.title = Some(title);
                } else {
                    for i in std::mem::take(&mut self.loose) {
                        self.anchors[i].1 = self.sections.len();
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
            TagEnd::BlockQuote(_) | TagEnd::CodeBlock | TagEnd::List(_) | TagEnd::Item => {
                self.close_inline();
                self.close_html();
                if let Some(open) = self.stack.pop() {
                    self.close(open);
                }
            }
            TagEnd::FootnoteDefinition => {
                self.close_inline();
                self.close_html();
                for _ in 0..2 {
                    if let Some(open) = self.stack.pop() {
                        self.close(open);
                    }
                }
            }
            TagEnd::TableCell => {
                let cell = self.inline.take().unwrap_or_default();
                if let Some(Open::Table(table)) = self.stack.last_mut() {
                    if let Some(row) = table.rows.last_mut() {
                        row.push(cell);
                    }
                }
            }
            TagEnd::TableHead => {
                if let Some(Open::Table(table)) = self.stack.last_mut() {
                    table.head += 1;
                }
            }
            TagEnd::Table => {
                if matches!(self.stack.last(), Some(Open::Table(_))) {
                    let open = self.stack.pop().expect("checked");
                    self.close(open);
                }
            }
            TagEnd::HtmlBlock => self.close_html(),
            TagEnd::DefinitionList | TagEnd::DefinitionListDefinition => self.close_inline(),
            TagEnd::DefinitionListTitle => {
                self.close_inline();
                self.style[1] = self.style[1].saturating_sub(1);
            }
            TagEnd::Emphasis => self.style[0] = self.style[0].saturating_sub(1),
            TagEnd::Strong => self.style[1] = self.style[1].saturating_sub(1),
            TagEnd::Strikethrough => self.style[2] = self.style[2].saturating_sub(1),
            TagEnd::Link => {
                self.links.pop();
            }
            TagEnd::Image => {
                self.links.pop();
                self.images = self.images.saturating_sub(1);
                if self.images == 0 {
                    self.join_image();
                }
            }
            _ => {}
        }
    }

    /// An image's alternative text is plain text: the spans it was read as become one.
    fn join_image(&mut self) {
        let Some(inline) = self.inline.as_mut() else {
            return;
        };
        let start = self.image_start.min(inline.spans.len());
        if inline.spans.len() - start < 2 {
            return;
        }
        let parts = inline.spans.split_off(start);
        inline.spans.push(Span {
            text: parts.iter().map(|s| s.text.as_str()).collect(),
            style: Style {
                image: true,
                ..Style::default()
            },
            link: parts[0].link.clone(),
        });
    }

    fn close_html(&mut self) {
        if matches!(self.stack.last(), Some(Open::Html(..))) {
            self.close_html_paragraph();
            self.stack.pop();
        }
    }

    fn close_inline(&mut self) {
        if self.heading.is_some() {
            return;
        }
        if let Some(text) = self.inline.take() {
            if !text.spans.is_empty() {
                self.push_block(Block::Paragraph(text));
            }
        }
    }

    /// Opens the call-out of an admonition, its title (if it has one) first in bold; or reopens
    /// it, when a blank line ended the quote its body is read as. A content tab opens nothing:
    /// its label is a paragraph in bold, and its blocks follow.
    fn admonition(&mut self, admonition: &Admonition, reopen: bool) {
        self.close_inline();
        let title = |b: &mut Self| {
            let (range, _) = admonition.title.as_ref()?;
            b.inline_title(range.clone())
        };
        let Some(kind) = admonition.kind else {
            if let Some(label) = (!reopen).then(|| title(self)).flatten() {
                self.push_block(label);
            }
            return;
        };
        if reopen {
            if let Some(alert) = self.take_last_alert() {
                self.stack.push(Open::Quote(Some(alert.kind), alert.blocks));
                return;
            }
        }
        let blocks = title(self).into_iter().collect();
        self.seen_content = true;
        self.stack.push(Open::Quote(Some(kind), blocks));
    }

    /// A title written between quotes, read as a line of Markdown (its emphasis and code kept,
    /// icons and other markup left out), as a paragraph in bold; `None` if nothing is left.
    fn inline_title(&mut self, range: Range<usize>) -> Option<Block> {
        let source = self.source;
        let outer = self.inline.take();
        let shift = |r: Range<usize>| range.start + r.start..range.start + r.end;
        for (event, r) in Parser::new(&source[range.clone()]).into_offset_iter() {
            match event {
                Event::Text(t) => self.text(shift(r), t, Style::default()),
                Event::Code(t) => {
                    let code = Style {
                        code: true,
                        ..Style::default()
                    };
                    self.text(shift(r), t, code)
                }
                Event::Start(tag @ (Tag::Emphasis | Tag::Strong | Tag::Strikethrough)) => {
                    self.start(tag, shift(r))
                }
                Event::End(tag @ (TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)) => {
                    self.end(tag)
                }
                _ => {}
            }
        }
        let mut title = std::mem::replace(&mut self.inline, outer)?;
        // Where an icon stood at either end, its space goes with it.
        if let Some(last) = title.spans.last_mut() {
            last.text.truncate(last.text.trim_end().len());
        }
        if let Some(first) = title.spans.first_mut() {
            first.text = first.text.trim_start().to_string();
        }
        title.spans.retain(|s| !s.text.is_empty());
        title.spans.iter_mut().for_each(|s| s.style.strong = true);
        (!title.spans.is_empty()).then_some(Block::Paragraph(title))
    }

    /// The blocks that [`Builder::push_block`] adds to.
    fn blocks_mut(&mut self) -> Option<&mut Vec<Block>> {
        match self.stack.last_mut() {
            Some(Open::Quote(_, blocks)) => Some(blocks),
            Some(Open::Item(item)) => Some(&mut item.blocks),
            Some(Open::List(list)) => list.items.last_mut().map(|item| &mut item.blocks),
            Some(Open::Code(_) | Open::Html(..) | Open::Table(_)) | None => {
                self.sections.last_mut().map(|section| &mut section.blocks)
            }
        }
    }

    /// Takes back the last block added, if it is a call-out.
    fn take_last_alert(&mut self) -> Option<Alert> {
        let blocks = self.blocks_mut()?;
        match blocks.pop()? {
            Block::Alert(alert) => Some(alert),
            other => {
                blocks.push(other);
                None
            }
        }
    }

    fn close(&mut self, open: Open) {
        match open {
            Open::Quote(None, blocks) => self.push_block(Block::Quote(blocks)),
            Open::Quote(Some(kind), blocks) => {
                self.push_block(Block::Alert(Alert { kind, blocks }))
            }
            Open::List(list) => self.push_block(Block::List(list)),
            Open::Item(item) => match self.stack.last_mut() {
                Some(Open::List(list)) => list.items.push(item),
                _ => {
                    for block in item.blocks {
                        self.push_block(block);
                    }
                }
            },
            Open::Table(table) => self.push_block(Block::Table(table)),
            Open::Html(..) => {}
            Open::Code(mut pre) => {
                while pre.text.ends_with('\n') {
                    pre.text.pop();
                }
                self.push_block(Block::Preformatted(pre));
            }
        }
    }

    fn push_block(&mut self, block: Block) {
        self.seen_content = true;
        match self.stack.last_mut() {
            Some(Open::Quote(_, blocks)) => blocks.push(block),
            Some(Open::Item(item)) => item.blocks.push(block),
            Some(Open::List(list)) => {
                // Content directly in a list belongs to its last item.
                match list.items.last_mut() {
                    Some(item) => item.blocks.push(block),
                    None => list.items.push(ListItem {
                        marker: String::new(),
                        task: None,
                        blocks: vec![block],
                    }),
                }
            }
            Some(Open::Code(_) | Open::Html(..) | Open::Table(_)) | None => {
                let section = self.sections.last_mut().expect("there is always a section");
                push_joining_notes(&mut section.blocks, block);
            }
        }
    }
}

/// The icon shortcodes of MkDocs Material's icon sets in a text (`:material-check:`,
/// `:fontawesome-brands-github:`, `:octicons-alert-16:`, `:simple-python:`), by byte range.
fn icon_shortcodes(text: &str) -> Vec<Range<usize>> {
    const SETS: [&str; 4] = ["material-", "fontawesome-", "octicons-", "simple-"];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find(':').map(|i| from + i) {
        let rest = &text[open + 1..];
        let name_len = rest
            .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'))
            .unwrap_or(rest.len());
        let name = &rest[..name_len];
        let icon = rest[name_len..].starts_with(':')
            && SETS
                .iter()
                .any(|set| name.strip_prefix(set).is_some_and(|n| !n.is_empty()));
        if icon {
            out.push(open..open + name_len + 2);
            from = open + name_len + 2;
        } else {
            from = open + 1;
        }
    }
    out
}

/// The attribute list that ends a heading's line (`## Install { #setup .wide data-x="a b" }`,
/// Python-Markdown's and pandoc's syntax, `{:` too): where it starts in the line, and the id
/// it gives. Braces that hold anything but `#id`, `.class` and `key=value` items are text.
fn attribute_list(line: &str) -> Option<(usize, Option<String>)> {
    let trimmed = line.trim_end();
    let inner = trimmed.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let body = inner[open + 1..]
        .strip_prefix(':')
        .unwrap_or(&inner[open + 1..]);
    // Items: runs of non-space characters, where a quoted value may hold spaces.
    let mut items = Vec::new();
    let mut item = String::new();
    let mut quote = None;
    for c in body.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => item.push(c),
            (None, '"' | '\'') => quote = Some(c),
            (None, c) if c.is_whitespace() => {
                if !item.is_empty() {
                    items.push(std::mem::take(&mut item));
                }
            }
            (None, c) => item.push(c),
        }
    }
    if quote.is_some() {
        return None;
    }
    if !item.is_empty() {
        items.push(item);
    }
    let name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
    };
    let mut id = None;
    for item in &items {
        if let Some(value) = item.strip_prefix('#').or(item.strip_prefix("id=")) {
            id = Some(value.to_string());
        } else if let Some(class) = item.strip_prefix('.') {
            if !name(class) {
                return None;
            }
        } else if !item.split_once('=').is_some_and(|(key, _)| name(key)) {
            return None;
        }
    }
    (!items.is_empty() && id.as_deref().is_none_or(name)).then_some((open, id))
}

/// Adds `block` to `blocks`; notes written one after another make one list.
fn push_joining_notes(blocks: &mut Vec<Block>, block: Block) {
    match (blocks.last_mut(), block) {
        (Some(Block::List(last)), Block::List(list)) if last.notes && list.notes => {
            last.items.extend(list.items)
        }
        (_, block) => blocks.push(block),
    }
}

/// Links each reference to a note to the section that holds the note, `#/d/<doc>/<section>`.
/// Labels match without regard to case, as in GitHub's Markdown; the first note of a label
/// is the one.
fn link_notes(doc: &str, sections: &mut [Section]) {
    fn labels(blocks: &[Block], section: &str, out: &mut HashMap<String, String>) {
        for block in blocks {
            match block {
                Block::List(list) => {
                    for item in &list.items {
                        if list.notes {
                            out.entry(item.marker.to_lowercase())
                                .or_insert_with(|| section.to_string());
                        }
                        labels(&item.blocks, section, out);
                    }
                }
                Block::Quote(blocks) | Block::Alert(Alert { blocks, .. }) => {
                    labels(blocks, section, out)
                }
                _ => {}
            }
        }
    }
    let mut notes = HashMap::new();
    for section in sections.iter() {
        labels(&section.blocks, &section.id, &mut notes);
    }
    if notes.is_empty() {
        return;
    }
    super::for_each_text(sections, &mut |text: &mut Text| {
        for span in text.spans.iter_mut().filter(|s| s.style.note) {
            if let Some(at) = notes.get(&span.text.to_lowercase()) {
                span.link = Some(format!("#/d/{doc}/{at}"));
            }
        }
    });
}
