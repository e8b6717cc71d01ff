//! The plain-text reader, for pages scraped from the web and text written like them.
//!
//! It recognises, in order: a breadcrumb (`Topics > India, Pakistan, Bangla >`), the title on the
//! next line, a `posted … by … [ updated … ]` date line; then the body, where blank lines
//! separate paragraphs, a short unpunctuated line standing alone before body text is a heading,
//! a run of three or more blank lines starts an untitled section, indented numbered or bulleted
//! lines form a list; and at the end a signature (name line, date line) with trailing notes
//! in parentheses. Text is kept exactly as written.

use super::date::{parse_stamp, stamp_or_text};
use super::{label_from_text, opening_section, slug, title_of_path, unique_ids};
use crate::model::{
    Block, Document, List, ListItem, Metadata, Preformatted, Section, SourceFormat, Text,
};

/// A non-blank source line and the number of blank lines before it.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    gap: usize,
}

/// Lines that stand together with no blank line between them.
#[derive(Debug, Clone)]
struct Chunk<'a> {
    lines: Vec<&'a str>,
    gap: usize,
}

/// Reads a plain-text source into a document.
pub fn read(path: &str, id: &str, source: &str) -> Document {
    let lines = non_blank_lines(source);
    let mut meta = Metadata::default();
    let mut header = Vec::new();
    let mut at = 0;

    if let Some(categories) = lines.first().and_then(|l| breadcrumb(l.text)) {
        meta.categories = categories;
        header.push(lines[0].text.to_string());
        at = 1;
    }
    let has_title = match lines.get(at) {
        Some(line) if !header.is_empty() => !is_list_item(line.text),
        Some(line) => {
            is_heading_line(line.text)
                && lines.get(at + 1).is_some_and(|next| next.gap > 0)
                && lines.len() > at + 1
        }
        None => false,
    };
    let title = if has_title {
        header.push(lines[at].text.to_string());
        at += 1;
        lines[at - 1].text.trim().to_string()
    } else {
        title_of_path(path)
    };
    if let Some(line) = lines.get(at).filter(|l| is_dateline(l.text)) {
        read_dateline(line.text, &mut meta);
        header.push(line.text.to_string());
        at += 1;
    }

    let mut end = lines.len();
    let footer = read_signature(&lines[at..], &mut meta);
    end -= footer.len();

    let chunks = chunks(&lines[at..end]);
    let sections = sections(&chunks);
    Document {
        id: id.to_string(),
        title,
        source: path.to_string(),
        format: SourceFormat::Text,
        meta,
        header,
        sections,
        footer,
    }
}

fn non_blank_lines(source: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut gap = 0;
    for raw in source.split('\n') {
        let text = raw.strip_suffix('\r').unwrap_or(raw);
        if text.trim().is_empty() {
            gap += 1;
        } else {
            out.push(Line { text, gap });
            gap = 0;
        }
    }
    out
}

fn chunks<'a>(lines: &[Line<'a>]) -> Vec<Chunk<'a>> {
    let mut out: Vec<Chunk<'a>> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        match out.last_mut() {
            Some(chunk) if i > 0 && line.gap == 0 => chunk.lines.push(line.text),
            _ => out.push(Chunk {
                lines: vec![line.text],
                gap: line.gap,
            }),
        }
    }
    out
}

/// `Topics > India, Pakistan, Bangla >` → `["Topics", "India, Pakistan, Bangla"]`.
fn breadcrumb(line: &str) -> Option<Vec<String>> {
    let trimmed = line.trim();
    if !trimmed.contains('>') || trimmed.starts_with('>') || trimmed.chars().count() > 200 {
        return None;
    }
    let levels: Vec<String> = trimmed
        .split('>')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let short = levels
        .iter()
        .all(|l| l.chars().count() <= 60 && !ends_sentence(l));
    (short && (levels.len() >= 2 || trimmed.ends_with('>'))).then_some(levels)
}

fn is_dateline(line: &str) -> bool {
    let lower = line.trim_start().to_lowercase();
    lower.starts_with("posted ") && lower.chars().count() < 200
}

/// `posted 4 Mar 2012, 12:27 by Admin uk   [ updated 4 Mar 2012, 14:56 ]`.
fn read_dateline(line: &str, meta: &mut Metadata) {
    let rest = line.trim_start()["posted ".len()..].trim();
    let (main, updated) = match rest.split_once('[') {
        Some((main, bracket)) => (main, Some(bracket.trim_end().trim_end_matches(']'))),
        None => (rest, None),
    };
    let (when, poster) = match main.rsplit_once(" by ") {
        Some((when, poster)) => (when, Some(poster)),
        None => (main, None),
    };
    meta.posted = Some(stamp_or_text(when));
    meta.poster = poster
        .map(|p| p.trim_matches(|c: char| c.is_whitespace()).to_string())
        .filter(|p| !p.is_empty());
    if let Some(updated) = updated {
        let updated = updated.trim();
        let when = updated
            .strip_prefix("updated")
            .or_else(|| updated.strip_prefix("Updated"))
            .unwrap_or(updated);
        meta.updated = Some(stamp_or_text(when));
    }
}

/// Takes the closing name line, date line and parenthesised notes off the end of `lines`,
/// filling `meta`; returns the verbatim footer lines (empty when there is no signature).
fn read_signature(lines: &[Line<'_>], meta: &mut Metadata) -> Vec<String> {
    let mut end = lines.len();
    while end > 0 && is_note(lines[end - 1].text) {
        end -= 1;
    }
    if end < 3 {
        return Vec::new();
    }
    let (name, date) = (lines[end - 2], lines[end - 1]);
    let Some(written) = parse_stamp(date.text).filter(|_| date.text.chars().count() <= 40) else {
        return Vec::new();
    };
    if !is_name(name.text) || name.gap == 0 {
        return Vec::new();
    }
    meta.author = Some(name.text.trim().to_string());
    meta.written = Some(written);
    meta.notes = lines[end..]
        .iter()
        .map(|l| l.text.trim().to_string())
        .collect();
    lines[end - 2..]
        .iter()
        .map(|l| l.text.to_string())
        .collect()
}

fn is_note(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('(') && t.ends_with([')', '.']) && t.trim_end_matches('.').ends_with(')')
}

/// A person's name: one to five capitalised words, letters and `.'-` only.
fn is_name(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        })
}

/// True when the text ends a sentence or clause (looking past closing quotes and brackets).
fn ends_sentence(text: &str) -> bool {
    let core = text
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    core.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// A line short enough and unpunctuated enough to be a heading.
fn is_heading_line(line: &str) -> bool {
    let t = line.trim();
    let chars = t.chars().count();
    let words = t.split_whitespace().count();
    (1..=100).contains(&chars)
        && words <= 14
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && t.chars().any(char::is_alphabetic)
        && !ends_sentence(t)
        && !is_list_item(line)
}

/// The marker of a list item line (`1.`, `a)`, `-`, `•`) and the text after it.
fn list_item(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let marker_len = if t.starts_with(['-', '*', '•', '–']) {
        t.chars().next().map_or(0, char::len_utf8)
    } else {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let letter =
            usize::from(digits == 0 && t.bytes().next().is_some_and(|b| b.is_ascii_lowercase()));
        let n = digits.max(letter);
        if n == 0 || n > 3 || !matches!(t.as_bytes().get(n), Some(b'.' | b')')) {
            return None;
        }
        n + 1
    };
    let (marker, rest) = t.split_at(marker_len);
    rest.starts_with([' ', '\t'])
        .then_some((marker, rest.trim_start()))
        .filter(|(_, text)| !text.is_empty())
}

fn is_list_item(line: &str) -> bool {
    list_item(line).is_some()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Reads `lines` as a list when every line is an item or a deeper-indented continuation, with
/// at least two items, or one indented item.
fn list(lines: &[&str]) -> Option<List> {
    let (first_marker, _) = list_item(lines[0])?;
    let base = indent(lines[0]);
    let mut items: Vec<ListItem> = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    for line in lines {
        match list_item(line) {
            Some((marker, text)) if indent(line) <= base + 1 => {
                items.push(ListItem {
                    marker: marker.to_string(),
                    task: None,
                    blocks: Vec::new(),
                });
                texts.push(text.to_string());
            }
            _ if indent(line) > base => {
                let last = texts.last_mut()?;
                last.push('\n');
                last.push_str(line.trim());
            }
            _ => return None,
        }
    }
    if items.len() < 2 && base == 0 {
        return None;
    }
    for (item, text) in items.iter_mut().zip(texts) {
        item.blocks.push(Block::Paragraph(Text::plain(text)));
    }
    let ordered = !first_marker.starts_with(['-', '*', '•', '–']);
    Some(List {
        ordered,
        notes: false,
        items,
    })
}

/// A paragraph that is wholly one quotation.
fn is_quotation(text: &str) -> bool {
    let t = text.trim();
    let core = t.trim_end_matches(['.', ',']);
    (t.starts_with('“') && core.ends_with('”') && t.matches('“').count() == 1)
        || (t.starts_with('"') && core.ends_with('"') && t.matches('"').count() == 2)
}

/// The blocks a chunk makes.
fn blocks(chunk: &Chunk<'_>) -> Vec<Block> {
    let lines = &chunk.lines;
    if let Some(list) = list(lines) {
        return vec![Block::List(list)];
    }
    // A lead-in line directly followed by a list: "This had four points:" + items.
    if let Some(k) =
        (1..lines.len()).find(|&k| is_list_item(lines[k]) && list(&lines[k..]).is_some())
    {
        let mut out = vec![paragraph(&lines[..k])];
        out.extend(list(&lines[k..]).map(Block::List));
        return out;
    }
    if lines.len() >= 2
        && lines
            .iter()
            .all(|l| l.starts_with("    ") || l.starts_with('\t'))
    {
        return vec![Block::Preformatted(Preformatted {
            info: None,
            text: lines.join("\n"),
        })];
    }
    vec![paragraph(lines)]
}

fn paragraph(lines: &[&str]) -> Block {
    let text = lines.join("\n");
    if is_quotation(&text) {
        Block::Quote(vec![Block::Paragraph(Text::plain(text))])
    } else {
        Block::Paragraph(Text::plain(text))
    }
}

/// Splits chunks into sections at headings and at runs of three or more blank lines.
fn sections(chunks: &[Chunk<'_>]) -> Vec<Section> {
    let mut sections: Vec<Section> = vec![opening_section()];
    for (i, chunk) in chunks.iter().enumerate() {
        let next = chunks.get(i + 1);
        let heading = chunk.lines.len() == 1
            && is_heading_line(chunk.lines[0])
            && next.is_some_and(|n| n.lines.len() > 1 || !is_heading_line(n.lines[0]));
        let current = sections.last().expect("there is always a section");
        if heading {
            sections.push(Section {
                id: String::new(),
                title: chunk.lines[0].trim().to_string(),
                level: 1,
                untitled: false,
                blocks: Vec::new(),
            });
            continue;
        }
        if chunk.gap >= 3 && !current.blocks.is_empty() {
            sections.push(opening_section());
        }
        let current = sections.last_mut().expect("there is always a section");
        current.blocks.extend(blocks(chunk));
    }
    sections.retain(|s| !(s.untitled && s.blocks.is_empty()));
    for section in sections.iter_mut().filter(|s| s.untitled) {
        section.title = label_from_text(&section.body_text());
    }
    let ids = unique_ids(sections.iter().map(|s| slug(s.title.trim_end_matches('…'))));
    for (section, id) in sections.iter_mut().zip(ids) {
        section.id = id;
    }
    sections
}
