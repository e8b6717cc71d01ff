//! Renders body blocks and inline spans. Corpus text always becomes text nodes, never markup.

use std::borrow::Cow;

use folio_core::{Block, List, Span, Text};
use yew::prelude::*;

use crate::outline::is_safe_href;

/// Renders a run of blocks.
pub fn blocks(blocks: &[Block]) -> Html {
    blocks.iter().map(block).collect()
}

/// Renders one block.
pub fn block(block: &Block) -> Html {
    match block {
        Block::Paragraph(text) => html! { <p>{ self::text(text) }</p> },
        Block::List(list) => self::list(list),
        Block::Quote(inner) => html! { <blockquote>{ blocks(inner) }</blockquote> },
        Block::Preformatted(pre) => html! {
            <pre data-info={pre.info.clone()}><code>{ pre.text.clone() }</code></pre>
        },
    }
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

fn list(list: &List) -> Html {
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
            html! { <li {value} data-marker={marker}>{ blocks(&item.blocks) }</li> }
        })
        .collect();
    if list.ordered {
        html! { <ol>{ items }</ol> }
    } else {
        html! { <ul>{ items }</ul> }
    }
}

/// Renders running text. Neighbouring spans with the same link share one `a`; a link whose
/// target is not http(s), mailto or relative is shown as its text only.
pub fn text(text: &Text) -> Html {
    let spans = &trim_edges(&text.spans);
    let mut out = Vec::with_capacity(spans.len());
    let mut i = 0;
    while i < spans.len() {
        let Some(href) = &spans[i].link else {
            out.push(span(&spans[i]));
            i += 1;
            continue;
        };
        let end = spans[i..]
            .iter()
            .position(|s| s.link.as_ref() != Some(href))
            .map_or(spans.len(), |n| i + n);
        let inner: Html = spans[i..end].iter().map(span).collect();
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

fn span(span: &Span) -> Html {
    let style = span.style;
    let mut html = html! { { span.text.clone() } };
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
