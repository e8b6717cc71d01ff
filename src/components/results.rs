//! The list of search results, shown over the reading pane while there is a query.

use std::rc::Rc;

use folio_core::search::{Hit, SearchResults};
use folio_core::Corpus;
use yew::prelude::*;

use crate::components::block::{marked, marks};
use crate::components::class_list;
use crate::components::search_box::LIST_ID;
use crate::dom;
use crate::route::Route;
use crate::search::{count_line, group_by_doc, pieces};

/// The element id of the result at `position` in the list.
pub fn result_id(position: usize) -> String {
    format!("result-{position}")
}

/// The address a result opens: its section, carrying the query so that it is highlighted,
/// and the topic filter the search ran within.
pub fn result_href(hit: &Hit, query: &str, topics: &[String]) -> String {
    Route::section(&hit.doc_id, &hit.section_id)
        .with_query(query)
        .with_topics(topics)
        .to_hash()
}

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub corpus: Rc<Corpus>,
    pub results: Rc<SearchResults>,
    /// The query as typed.
    pub query: AttrValue,
    /// The position of the result the keyboard is on.
    #[prop_or_default]
    pub active: usize,
    /// Runs a suggested query.
    #[prop_or_default]
    pub on_suggest: Callback<String>,
    /// The ids of the active topics, which the search kept to and the result links carry.
    #[prop_or_default]
    pub topics: Rc<Vec<String>>,
    /// The names of the active topics, said above the results.
    #[prop_or_default]
    pub within: Option<AttrValue>,
}

/// A region with the count, a "did you mean" when the engine has a better query, and the
/// results grouped by document: each a link to its section with its title and snippet, the
/// matched words marked.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let region = use_node_ref();
    {
        let region = region.clone();
        use_effect_with(props.query.clone(), move |_| {
            if let Some(region) = region.cast::<web_sys::Element>() {
                region.set_scroll_top(0);
            }
        });
    }
    use_effect_with(props.active, |&active| {
        if let Some(option) = dom::element_by_id(&result_id(active)) {
            dom::reveal(&option);
        }
    });

    let results = &props.results;
    let query = props.query.as_str();
    let status = if results.total == 0 {
        format!("No sections match “{}”.", query.trim())
    } else {
        count_line(results.total, results.hits.len())
    };
    let suggestion = results.suggestion.clone().map(|text| {
        let onclick = props.on_suggest.reform({
            let text = text.clone();
            move |_: MouseEvent| text.clone()
        });
        html! {
            <p class="suggestion">
                { "Did you mean " }
                <button type="button" class="suggest" {onclick}>{ text }</button>
                { "?" }
            </p>
        }
    });

    let groups = group_by_doc(&results.hits);
    let mut position = 0;
    let groups = groups.iter().map(|group| {
        let title = props
            .corpus
            .documents
            .get(group.doc)
            .map(|d| d.title.clone())
            .unwrap_or_default();
        let items: Html = group
            .hits
            .iter()
            .map(|&i| {
                let item = self::item(
                    &props.corpus,
                    &results.hits[i],
                    (query, &props.topics),
                    position,
                    props.active,
                );
                position += 1;
                item
            })
            .collect();
        html! {
            <div class="results-group" role="group" aria-label={title.clone()}>
                <p class="results-doc" aria-hidden="true">{ title }</p>
                { items }
            </div>
        }
    });
    let groups: Html = groups.collect();

    html! {
        <div class="results" role="region" aria-label="Search results" ref={region}>
            <div class="results-inner">
                <p class="results-count" role="status">{ status }</p>
                if let Some(within) = &props.within {
                    <p class="results-within">{ format!("Only sections about {within}.") }</p>
                }
                { suggestion }
                <div id={LIST_ID} class="results-list" role="listbox" aria-label="Results">
                    { groups }
                </div>
            </div>
        </div>
    }
}

/// One result: a link with the section title and the snippet.
fn item(
    corpus: &Corpus,
    hit: &Hit,
    (query, topics): (&str, &[String]),
    position: usize,
    active: usize,
) -> Html {
    let untitled = corpus
        .documents
        .get(hit.doc)
        .and_then(|d| d.sections.get(hit.section))
        .is_some_and(|s| s.untitled);
    let title = if untitled {
        html! { { hit.title.clone() } }
    } else {
        marked(&hit.title, Some(&hit.terms))
    };
    let snippet = &hit.snippet;
    let here = position == active;
    html! {
        <a
            id={result_id(position)}
            class={class_list("result", &[here.then_some("active")])}
            role="option"
            aria-selected={if here { "true" } else { "false" }}
            href={result_href(hit, query, topics)}
        >
            <span class="result-title" data-untitled={untitled.then_some("true")}>{ title }</span>
            <span class="result-snippet">
                if snippet.cut_before { { "…" } }
                { marks(&pieces(&snippet.text, snippet.highlights.iter().copied())) }
                if snippet.cut_after { { "…" } }
            </span>
        </a>
    }
}
