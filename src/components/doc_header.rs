//! The head of a document: its title and a line of what the text says about itself.

use folio_core::{Document, Stamp};
use yew::prelude::*;

/// The title of `doc` as `h1` and a metadata line (author, dates, categories); missing fields are left
/// out, and so is the whole line when nothing is known.
pub fn doc_header(doc: &Document) -> Html {
    let meta = &doc.meta;
    let mut items: Vec<Html> = Vec::new();
    if let Some(author) = &meta.author {
        items.push(html! { <span class="author">{ "By " }{ author.clone() }</span> });
    }
    if let Some(written) = &meta.written {
        items.push(html! { <span class="written">{ "Written " }{ stamp(written) }</span> });
    }
    if meta.posted.is_some() || meta.poster.is_some() {
        let by = meta.poster.as_ref().map(|p| format!(" by {p}"));
        items.push(html! {
            <span class="posted">
                { "Posted" }
                if let Some(posted) = &meta.posted { { " " }{ stamp(posted) } }
                { by }
            </span>
        });
    }
    if let Some(updated) = &meta.updated {
        items.push(html! { <span class="updated">{ "Updated " }{ stamp(updated) }</span> });
    }
    if !meta.categories.is_empty() {
        let crumbs = meta.categories.iter().enumerate().map(|(i, c)| {
            html! {
                <>
                    if i > 0 { <span class="crumb-sep" aria-hidden="true">{ " › " }</span> }
                    <span class="crumb">{ c.clone() }</span>
                </>
            }
        });
        items.push(html! {
            <span class="categories" aria-label="Categories">{ for crumbs }</span>
        });
    }
    html! {
        <header class="doc-header">
            <h1 tabindex="-1">{ doc.title.clone() }</h1>
            if !items.is_empty() {
                <p class="meta">{ for items }</p>
            }
        </header>
    }
}

/// A date as the source wrote it, machine-readable when it could be read.
fn stamp(stamp: &Stamp) -> Html {
    if stamp.iso.is_empty() {
        html! { <span>{ stamp.text.clone() }</span> }
    } else {
        html! { <time datetime={stamp.iso.clone()}>{ stamp.text.clone() }</time> }
    }
}
