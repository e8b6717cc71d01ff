//! The table of contents: documents, and the current document's sections nested by level.

use std::rc::Rc;

use folio_core::{Corpus, Document};
use yew::prelude::*;

use crate::outline::{hash_of, nest, TocNode};

#[derive(Properties, PartialEq)]
pub struct TocProps {
    pub corpus: Rc<Corpus>,
    /// Index of the document being read.
    pub doc: usize,
    /// Id of the section being read.
    #[prop_or_default]
    pub current: Option<AttrValue>,
    /// Clicks anywhere in the contents (links are recognised by the handler).
    #[prop_or_default]
    pub on_click: Callback<MouseEvent>,
}

/// The sidebar. With one document it lists that document's sections; with several, each
/// document is a group under its title and the current one shows its sections.
#[component]
pub fn Toc(props: &TocProps) -> Html {
    let nav = use_node_ref();
    {
        let nav = nav.clone();
        use_effect_with(props.current.clone(), move |_| reveal_current(&nav));
    }
    let current = props.current.as_deref();
    let docs = &props.corpus.documents;
    let body = if docs.len() == 1 {
        html! {
            <>
                <p class="toc-title">{ docs[0].title.clone() }</p>
                { sections(&docs[0], current) }
            </>
        }
    } else {
        let groups = docs.iter().enumerate().map(|(i, doc)| {
            let here = i == props.doc;
            html! {
                <li class={classes!("toc-doc", here.then_some("here"))}>
                    <a class="toc-doc-link" href={hash_of(&doc.id, None)}>{ doc.title.clone() }</a>
                    if here { { sections(doc, current) } }
                </li>
            }
        });
        html! { <ul class="toc-docs">{ for groups }</ul> }
    };
    html! {
        <nav id="toc" ref={nav} aria-label="Contents" onclick={props.on_click.clone()}>
            { body }
        </nav>
    }
}

fn sections(doc: &Document, current: Option<&str>) -> Html {
    let levels: Vec<u8> = doc.sections.iter().map(|s| s.level).collect();
    tree(doc, &nest(&levels), current)
}

fn tree(doc: &Document, nodes: &[TocNode], current: Option<&str>) -> Html {
    if nodes.is_empty() {
        return Html::default();
    }
    let items = nodes.iter().map(|node| {
        let section = &doc.sections[node.index];
        let here = current == Some(section.id.as_str());
        html! {
            <li>
                <a
                    href={hash_of(&doc.id, Some(&section.id))}
                    data-section={section.id.clone()}
                    data-untitled={section.untitled.then_some("true")}
                    aria-current={here.then_some("location")}
                >
                    { section.title.clone() }
                </a>
                { tree(doc, &node.children, current) }
            </li>
        }
    });
    html! { <ul>{ for items }</ul> }
}

/// Scrolls the contents (not the page) so that the current entry shows.
fn reveal_current(nav: &NodeRef) {
    let Some(nav) = nav.cast::<web_sys::Element>() else {
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
    if inner.top() < outer.top() || inner.bottom() > outer.bottom() {
        let centre = inner.top() - outer.top() - (outer.height() - inner.height()) / 2.0;
        nav.set_scroll_top(nav.scroll_top() + centre as i32);
    }
}
