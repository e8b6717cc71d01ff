//! The reading pane's content: one whole document, section by section.

use std::rc::Rc;

use folio_core::Corpus;
use yew::prelude::*;

use crate::components::block::blocks;
use crate::components::copy_link::CopyLink;
use crate::components::doc_header::DocHeader;
use crate::components::pager::Pager;
use crate::outline::{element_id, hash_of};

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub corpus: Rc<Corpus>,
    /// Index of the document to show.
    pub doc: usize,
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
        html! {
            <section
                key={section.id.clone()}
                id={element_id(&doc.id, &section.id)}
                class={classes!(section.untitled.then_some("untitled"))}
                data-section={section.id.clone()}
            >
                <@{tag} class={heading_class} tabindex="-1">{ section.title.clone() }</@>
                <CopyLink hash={AttrValue::from(hash_of(&doc.id, Some(&section.id)))} />
                { blocks(&section.blocks) }
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
