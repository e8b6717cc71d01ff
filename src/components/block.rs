//! Renders body blocks and inline spans. Corpus text always becomes text nodes, never markup.
//! Leaf blocks (paragraphs, preformatted text, table cells) carry `data-block`, their position in the
//! section's body text, so that a search result can scroll to the passage it quotes; words of
//! an active search are wrapped in `mark`, mentions of an active name topic in `mark.topic`.

use std::borrow::Cow;

use folio_core::search::snippet::highlight;
use folio_core::{Align, Block, List, Span, Table, Text};
use yew::prelude::*;

use crate::outline::is_safe_href;
use crate::search::pieces;
use crate::topics::{form_ranges, mark_pieces};

/// What to mark in a text: the normalised terms of a search and the written forms of names.
#[derive(Clone, Copy, Default)]
pub struct Marks<'a> {
    pub terms: Option<&'a [String]>,
    pub forms: Option<&'a [String]>,
}

/// The state of rendering one section's blocks: the next leaf number and what to mark.
struct Render<'a> {
    next: usize,
    marks: Marks<'a>,
}

impl Render<'_> {
    fn leaf(&mut self) -> String {
        self.next += 1;
        (self.next - 1).to_string()
    }
}

/// Renders a run of blocks.
pub fn blocks(blocks: &[Block]) -> Html {
    section_blocks(blocks, Marks::default())
}

/// Renders the blocks of a section, numbering its leaf blocks and marking the words whose
/// normalised terms are in `marks.terms` and the names written as in `marks.forms`.
pub fn section_blocks(blocks: &[Block], marks: Marks) -> Html {
    render_blocks(blocks, &mut Render { next: 0, marks })
}

fn render_blocks(blocks: &[Block], r: &mut Render) -> Html {
    blocks.iter().map(|b| block(b, r)).collect()
}

fn block(block: &Block, r: &mut Render) -> Html {
    match block {
        Block::Paragraph(text) => {
            let n = r.leaf();
            html! { <p data-block={n}>{ self::text(text, r.marks) }</p> }
        }
        Block::List(list) => self::list(list, r),
        Block::Quote(inner) => html! { <blockquote>{ render_blocks(inner, r) }</blockquote> },
        // A call-out: the style sheet gives it its colour and its title ("Note", "Warning"…).
        Block::Alert(alert) => html! {
            <blockquote data-alert={alert.kind.name()}>{ render_blocks(&alert.blocks, r) }</blockquote>
        },
        // A block of code comes with a button that copies it (`copy_link::handle_click`).
        Block::Preformatted(pre) => {
            let n = r.leaf();
            html! {
                <div class="code">
                    <pre data-block={n} data-info={pre.info.clone()}>
                        <code>{ marked_with(&pre.text, r.marks) }</code>
                    </pre>
                    <button type="button" class="copy-code" aria-label="Copy code"></button>
                    <span class="copy-status" role="status"></span>
                </div>
            }
        }
        Block::Table(table) => self::table(table, r),
    }
}

/// A table in a frame of its own, which scrolls sideways when the table is wider than the text.
fn table(table: &Table, r: &mut Render) -> Html {
    let row = |cells: &[Text], head: bool, r: &mut Render| -> Html {
        let cells: Html = cells
            .iter()
            .enumerate()
            .map(|(column, cell)| {
                let n = r.leaf();
                let align = match table.align.get(column) {
                    Some(Align::Left) => Some("left"),
                    Some(Align::Center) => Some("center"),
                    Some(Align::Right) => Some("right"),
                    Some(Align::None) | None => None,
                };
                let content = text(cell, r.marks);
                if head {
                    html! { <th data-block={n} data-align={align} scope="col">{ content }</th> }
                } else {
                    html! { <td data-block={n} data-align={align}>{ content }</td> }
                }
            })
            .collect();
        html! { <tr>{ cells }</tr> }
    };
    let (head_rows, body_rows) = table
        .rows
        .split_at((table.head as usize).min(table.rows.len()));
    let head: Html = head_rows.iter().map(|cells| row(cells, true, r)).collect();
    let body: Html = body_rows.iter().map(|cells| row(cells, false, r)).collect();
    html! {
        <div class="table">
            <table>
                if !head_rows.is_empty() { <thead>{ head }</thead> }
                <tbody>{ body }</tbody>
            </table>
        </div>
    }
}

/// Text with the words whose terms are in `terms` wrapped in `mark`; plain text without terms.
pub fn marked(text: &str, terms: Option<&[String]>) -> Html {
    marked_with(text, Marks { terms, forms: None })
}

/// Text with the words of a search wrapped in `mark` and the mentions of names in
/// `mark.topic` (a search word wins where both start at once); plain text when neither.
pub fn marked_with(text: &str, marks: Marks) -> Html {
    // Without search no term is ever marked, and the text analysis stays out of the WASM.
    let terms = marks
        .terms
        .filter(|t| crate::search::ENABLED && !t.is_empty());
    let forms = marks.forms.filter(|f| !f.is_empty());
    if forms.is_none() {
        let Some(terms) = terms else {
            return html! { { text.to_string() } };
        };
        let ranges = highlight(text, terms).into_iter().map(|r| (r.start, r.end));
        return self::marks(&pieces(text, ranges));
    }
    let mut ranges: Vec<(usize, usize, bool)> = Vec::new();
    if let Some(terms) = terms {
        ranges.extend(
            highlight(text, terms)
                .into_iter()
                .map(|r| (r.start, r.end, false)),
        );
    }
    if let Some(forms) = forms {
        ranges.extend(
            form_ranges(text, forms)
                .into_iter()
                .map(|(s, e)| (s, e, true)),
        );
    }
    mark_pieces(text, ranges)
        .into_iter()
        .map(|(piece, kind)| match kind {
            None => html! { { piece.to_string() } },
            Some(false) => html! { <mark>{ piece.to_string() }</mark> },
            Some(true) => html! { <mark class="topic">{ piece.to_string() }</mark> },
        })
        .collect()
}

/// Pieces of text as text nodes, the marked ones inside `mark`.
pub fn marks(pieces: &[(&str, bool)]) -> Html {
    pieces
        .iter()
        .map(|&(piece, mark)| {
            if mark {
                html! { <mark>{ piece.to_string() }</mark> }
            } else {
                html! { { piece.to_string() } }
            }
        })
        .collect()
}

/// The number an ordered-list marker shows (`"3."` → 3, `"12)"` → 12), if it is a number.
pub fn marker_number(marker: &str) -> Option<i64> {
    let digits: String = marker
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

fn list(list: &List, r: &mut Render) -> Html {
    let items: Html = list
        .items
        .iter()
        .map(|item| {
            let (value, marker) = if list.ordered {
                let marker = item.marker.trim().to_string();
                (
                    marker_number(&marker).map(|n| n.to_string()),
                    (!marker.is_empty()).then_some(marker),
                )
            } else {
                (None, None)
            };
            // A task has its box; a note shows its label as the marker, and a reference to
            // it scrolls to it.
            let task = item.task.map(|done| {
                html! { <input type="checkbox" disabled=true checked={done} aria-label="Task" /> }
            });
            let note = list.notes.then(|| item.marker.clone());
            html! {
                <li {value} data-marker={marker} data-note={note}
                    tabindex={list.notes.then_some("-1")}>
                    { task }{ render_blocks(&item.blocks, r) }
                </li>
            }
        })
        .collect();
    if list.ordered {
        html! { <ol>{ items }</ol> }
    } else {
        html! { <ul>{ items }</ul> }
    }
}

/// Renders running text. Neighbouring spans with the same link share one `a`; a link whose
/// target is not http(s), mailto or relative is shown as its text only. A reference to a note
/// is its label, raised, linking to the note's section. An image of the data folder shows, with
/// its text as alternative text; any other image shows its text.
pub fn text(text: &Text, marks: Marks) -> Html {
    let spans = &trim_edges(&text.spans);
    let mut out = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        // A reference to a note: its label, raised, leading to the note.
        if spans[i].style.note {
            let href = spans[i].link.clone();
            out.push(html! {
                <sup class="note-ref"><a {href}>{ spans[i].text.clone() }</a></sup>
            });
            i += 1;
            continue;
        }
        // An image of the folder, published with the app; any other shows its text.
        if let Some(src) = spans[i]
            .link
            .as_ref()
            .filter(|l| spans[i].style.image && l.starts_with("media/"))
        {
            out.push(html! {
                <img src={src.clone()} alt={spans[i].text.clone()} loading="lazy" />
            });
            i += 1;
            continue;
        }
        let Some(href) = &spans[i].link else {
            out.push(span(&spans[i], marks));
            i += 1;
            continue;
        };
        let end = spans[i..]
            .iter()
            .position(|s| s.link.as_ref() != Some(href))
            .map_or(spans.len(), |n| i + n);
        let inner: Html = spans[i..end].iter().map(|s| span(s, marks)).collect();
        out.push(if is_safe_href(href) {
            html! { <a href={href.trim().to_string()} rel="noopener">{ inner }</a> }
        } else {
            inner
        });
        i = end;
    }
    out.into_iter().collect()
}

/// The spans with the whitespace at the very start and end removed (sources often indent a
/// paragraph with spaces or no-break spaces, which would otherwise show as an indent).
fn trim_edges(spans: &[Span]) -> Cow<'_, [Span]> {
    let starts = spans
        .first()
        .is_some_and(|s| s.text.starts_with(char::is_whitespace));
    let ends = spans
        .last()
        .is_some_and(|s| s.text.ends_with(char::is_whitespace));
    if !starts && !ends {
        return Cow::Borrowed(spans);
    }
    let mut spans = spans.to_vec();
    if let Some(first) = spans.first_mut() {
        first.text = first.text.trim_start().to_string();
    }
    if let Some(last) = spans.last_mut() {
        last.text = last.text.trim_end().to_string();
    }
    Cow::Owned(spans)
}

fn span(span: &Span, marks: Marks) -> Html {
    let style = span.style;
    let mut html = marked_with(&span.text, marks);
    if style.code {
        html = html! { <code>{ html }</code> };
    }
    if style.strikethrough {
        html = html! { <del>{ html }</del> };
    }
    if style.emphasis {
        html = html! { <em>{ html }</em> };
    }
    if style.strong {
        html = html! { <strong>{ html }</strong> };
    }
    html
}

#[cfg(test)]
mod tests {
    use super::marker_number;

    #[test]
    fn reads_numbers_from_markers() {
        assert_eq!(marker_number("3."), Some(3));
        assert_eq!(marker_number(" 12)"), Some(12));
        assert_eq!(marker_number("a)"), None);
        assert_eq!(marker_number("-"), None);
    }
}
