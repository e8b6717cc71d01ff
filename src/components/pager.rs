//! Links to the previous and the next section, shown at the end of each section.

use folio_core::Corpus;
use yew::prelude::*;

use crate::outline::{hash_of, neighbours, Spot};

/// Prev/next links in reading order around `spot` (document index, section index), the section
/// they close; at the ends of a document they lead into the neighbouring document.
pub fn pager(corpus: &Corpus, spot: Spot) -> Html {
    let (prev, next) = neighbours(corpus, spot);
    if prev.is_none() && next.is_none() {
        return Html::default();
    }
    // A link into another document names that document on a line of its own.
    let link = |(d, s): Spot| {
        let doc = &corpus.documents[d];
        let section = &doc.sections[s];
        let other = (d != spot.0).then(|| doc.title.clone());
        (
            hash_of(&doc.id, Some(&section.id)),
            section.title.clone(),
            other,
        )
    };
    html! {
        <nav class="pager" aria-label="Section navigation">
            if let Some((href, title, other)) = prev.map(link) {
                <a rel="prev" {href}>
                    if let Some(doc) = other { <span class="pager-doc">{ doc }</span> }
                    { "← " }{ title }
                </a>
            }
            if let Some((href, title, other)) = next.map(link) {
                <a rel="next" {href}>
                    if let Some(doc) = other { <span class="pager-doc">{ doc }</span> }
                    { title }{ " →" }
                </a>
            }
        </nav>
    }
}
