//! The reading pane's content: one whole document, section by section.

use std::collections::HashSet;
use std::rc::Rc;

use folio_core::Corpus;
use yew::prelude::*;

use crate::components::block::{marked, section_blocks};
use crate::components::copy_link::CopyLink;
use crate::components::doc_header::DocHeader;
use crate::components::pager::Pager;
use crate::outline::{element_id, hash_of};
use crate::search::{self, Highlights};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub corpus: Rc<Corpus>,
    /// Index of the document to show.
    pub doc: usize,
    /// The words of a search to mark in the sections it found, if any.
    #[prop_or_default]
    pub highlights: Option<Rc<Highlights>>,
}

/// Every block of the document: the header, each section with its heading, copy-link control
/// and pager, and the closing lines.
#[component]
pub fn Article(props: &ArticleProps) -> Html {
    let Some(doc) = props.corpus.documents.get(props.doc) else {
        return Html::default();
    };
    let sections = doc.sections.iter().enumerate().map(|(i, section)| {
        let tag = format!("h{}", (section.level.max(1) + 1).min(6));
        let heading_class = classes!("section-heading", section.untitled.then_some("untitled"));
        let terms: Option<HashSet<&str>> = props
            .highlights
            .as_ref()
            .filter(|_| search::ENABLED)
            .and_then(|h| h.sections.get(&i))
            .map(|terms| terms.iter().map(String::as_str).collect());
        let terms = terms.as_ref();
        let title = if section.untitled {
            html! { { section.title.clone() } }
        } else {
            marked(&section.title, terms)
        };
        html! {
            <section
                key={section.id.clone()}
                id={element_id(&doc.id, &section.id)}
                class={classes!(section.untitled.then_some("untitled"))}
                data-section={section.id.clone()}
            >
                <@{tag} class={heading_class} tabindex="-1">{ title }</@>
                <CopyLink hash={AttrValue::from(hash_of(&doc.id, Some(&section.id)))} />
                { section_blocks(&section.blocks, terms) }
                <Pager corpus={props.corpus.clone()} spot={(props.doc, i)} />
            </section>
        }
    });
    html! {
        <article class="document" key={doc.id.clone()}>
            <DocHeader title={AttrValue::from(doc.title.clone())} meta={doc.meta.clone()} />
            { for sections }
            if !doc.footer.is_empty() {
                <footer class="doc-footer">
                    { for doc.footer.iter().map(|line| html! { <p>{ line.clone() }</p> }) }
                </footer>
            }
        </article>
    }
}
