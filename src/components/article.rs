//! The reading pane's content: one whole document, section by section.

use std::rc::Rc;

use folio_core::{Corpus, SourceFormat};
use yew::prelude::*;

use crate::components::block::{marked_with, section_blocks, Marks};
use crate::components::class_list;
use crate::components::copy_link::copy_link;
use crate::components::doc_header::doc_header;
use crate::components::pager::pager;
use crate::components::topic_tags::topic_tags;
use crate::outline::{element_id, hash_of};
use crate::search::{self, Highlights};
use crate::topics::Filter;

#[derive(Properties, PartialEq)]
pub struct ArticleProps {
    pub corpus: Rc<Corpus>,
    /// Index of the document to show.
    pub doc: usize,
    /// The words of a search to mark in the sections it found, if any.
    #[prop_or_default]
    pub highlights: Option<Rc<Highlights>>,
    /// The topic filter: each section's tags, the sections it leaves (the others are dimmed)
    /// and the names to mark.
    #[prop_or_default]
    pub filter: Option<Rc<Filter>>,
    /// Turns a topic (by id) on or off, from a section's tags.
    #[prop_or_default]
    pub on_topic: Callback<String>,
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
        let heading_class =
            class_list("section-heading", &[section.untitled.then_some("untitled")]);
        let terms: Option<&[String]> = props
            .highlights
            .as_ref()
            .filter(|_| search::ENABLED)
            .and_then(|h| h.terms_of(i));
        let filter = props.filter.as_deref();
        let spot = (props.doc as u32, i as u32);
        let matched = filter.and_then(|f| f.matches(spot));
        let marks = Marks {
            terms,
            forms: filter.map(|f| f.forms.as_slice()),
        };
        let title = if section.untitled {
            html! { { section.title.clone() } }
        } else {
            marked_with(&section.title, marks)
        };
        html! {
            <section
                key={section.id.clone()}
                id={element_id(&doc.id, &section.id)}
                class={section.untitled.then_some("untitled")}
                data-section={section.id.clone()}
                data-match={matched.map(|m| m.to_string())}
            >
                <@{tag} class={heading_class} tabindex="-1">{ title }</@>
                { copy_link(hash_of(&doc.id, Some(&section.id))) }
                if let Some(filter) = filter {
                    { topic_tags(filter, spot, &props.on_topic) }
                }
                { section_blocks(&section.blocks, marks) }
                { pager(&props.corpus, (props.doc, i)) }
            </section>
        }
    });
    // In Markdown and HTML a line break in the text is a hard break (`<br>`), to be shown.
    let marked_up = doc.format != SourceFormat::Text;
    let class = class_list("document", &[marked_up.then_some("hard-breaks")]);
    html! {
        <article {class} key={doc.id.clone()}>
            { doc_header(doc) }
            { for sections }
            if !doc.footer.is_empty() {
                <footer class="doc-footer">
                    { for doc.footer.iter().map(|line| html! { <p>{ line.clone() }</p> }) }
                </footer>
            }
        </article>
    }
}
