//! The table of contents: the topic panel, documents, and the current document's sections
//! nested by level, those outside the topic filter dimmed.

use std::rc::Rc;

use folio_core::{Corpus, Document};
use yew::prelude::*;

use crate::components::class_list;
use crate::components::topic_panel::TopicPanel;
use crate::outline::{hash_of, nest, TocNode};
use crate::topics::Filter;

/// What the contents show, and what their clicks do.
pub struct Toc {
    pub corpus: Rc<Corpus>,
    /// Index of the document being read.
    pub doc: usize,
    /// Id of the section being read.
    pub current: Option<AttrValue>,
    /// Clicks anywhere in the contents (links are recognised by the handler).
    pub on_click: Callback<MouseEvent>,
    /// The topic filter; without it there is no topic panel.
    pub filter: Option<Rc<Filter>>,
    /// The count beside each topic in the panel, by topic index.
    pub counts: Rc<Vec<u32>>,
    /// Turns a topic (by id) on or off.
    pub on_topic: Callback<String>,
    /// Turns every topic off.
    pub on_clear_topics: Callback<()>,
}

/// The sidebar. With one document it lists that document's sections; with several, each
/// document is a group under its title and the current one shows its sections. A function
/// rather than a component: the panel and the entries are components that skip re-rendering.
pub fn toc(props: Toc) -> Html {
    let panel = props.filter.as_ref().map(|f| {
        html! {
            <TopicPanel
                topics={f.topics.clone()}
                active={Rc::new(f.active.clone())}
                counts={props.counts.clone()}
                on_toggle={props.on_topic.clone()}
                on_clear={props.on_clear_topics.clone()}
            />
        }
    });
    html! {
        <nav id="toc" aria-label="Contents" onclick={props.on_click}>
            { panel }
            <TocBody
                corpus={props.corpus}
                doc={props.doc}
                current={props.current}
                filter={props.filter}
            />
        </nav>
    }
}

#[derive(Properties, PartialEq)]
struct TocBodyProps {
    corpus: Rc<Corpus>,
    doc: usize,
    current: Option<AttrValue>,
    filter: Option<Rc<Filter>>,
}

/// The entries, apart from the panel so that new topic counts (each keystroke of a search)
/// leave them as they are. They scroll on their own, below the panel, so that following the
/// reader never hides the panel; the current entry is kept in view.
#[component]
fn TocBody(props: &TocBodyProps) -> Html {
    let entries = use_node_ref();
    {
        let entries = entries.clone();
        use_effect_with(props.current.clone(), move |_| reveal_current(&entries));
    }
    let current = props.current.as_deref();
    let docs = &props.corpus.documents;
    let filter = props.filter.as_deref();
    let body = if docs.len() == 1 {
        html! {
            <>
                <p class="toc-title">{ docs[0].title.clone() }</p>
                { sections(&docs[0], 0, current, filter) }
            </>
        }
    } else {
        let groups = docs.iter().enumerate().map(|(i, doc)| {
            let here = i == props.doc;
            // A document is dimmed when the filter leaves none of its sections.
            let matched = filter.and_then(|f| {
                f.allowed
                    .as_ref()
                    .map(|a| a.iter().any(|&(d, _)| d as usize == i))
            });
            html! {
                <li class={class_list("toc-doc", &[here.then_some("here")])}>
                    <a
                        class="toc-doc-link"
                        href={hash_of(&doc.id, None)}
                        data-match={matched.map(|m| m.to_string())}
                    >
                        { doc.title.clone() }
                    </a>
                    if here { { sections(doc, i, current, filter) } }
                </li>
            }
        });
        html! { <ul class="toc-docs">{ for groups }</ul> }
    };
    html! { <div class="toc-entries" ref={entries}>{ body }</div> }
}

fn sections(doc: &Document, d: usize, current: Option<&str>, filter: Option<&Filter>) -> Html {
    let levels: Vec<u8> = doc.sections.iter().map(|s| s.level).collect();
    tree(doc, d, &nest(&levels), current, filter)
}

fn tree(
    doc: &Document,
    d: usize,
    nodes: &[TocNode],
    current: Option<&str>,
    filter: Option<&Filter>,
) -> Html {
    if nodes.is_empty() {
        return Html::default();
    }
    let items = nodes.iter().map(|node| {
        let section = &doc.sections[node.index];
        let here = current == Some(section.id.as_str());
        let spot = (d as u32, node.index as u32);
        let matched = filter.and_then(|f| f.matches(spot));
        let mentions = filter
            .filter(|_| matched == Some(true))
            .and_then(|f| f.mentions.get(&spot).copied())
            .filter(|&n| n > 0);
        html! {
            <li>
                <a
                    href={hash_of(&doc.id, Some(&section.id))}
                    data-section={section.id.clone()}
                    data-untitled={section.untitled.then_some("true")}
                    data-match={matched.map(|m| m.to_string())}
                    aria-current={here.then_some("location")}
                >
                    { section.title.clone() }
                    if let Some(n) = mentions {
                        <span class="toc-mentions" title="Mentions of the chosen topics">{ n }</span>
                    }
                </a>
                { tree(doc, d, &node.children, current, filter) }
            </li>
        }
    });
    html! { <ul>{ for items }</ul> }
}

/// Room kept around the current entry when the contents scroll to it, in pixels.
const REVEAL_MARGIN: f64 = 48.0;

/// Scrolls the entries (not the page) by the least that shows the current one.
fn reveal_current(entries: &NodeRef) {
    let Some(nav) = entries.cast::<web_sys::Element>() else {
        return;
    };
    let Ok(Some(link)) = nav.query_selector("a[aria-current]") else {
        return;
    };
    let outer = nav.get_bounding_client_rect();
    let inner = link.get_bounding_client_rect();
    if outer.height() <= 0.0 {
        return;
    }
    let by = if inner.top() < outer.top() {
        inner.top() - outer.top() - REVEAL_MARGIN
    } else if inner.bottom() > outer.bottom() {
        inner.bottom() - outer.bottom() + REVEAL_MARGIN
    } else {
        return;
    };
    nav.set_scroll_top(nav.scroll_top() + by as i32);
}
