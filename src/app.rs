//! The app shell: how a route resolves against the corpus, and the top component that wires
//! state, hooks and components together.

use std::rc::Rc;

use folio_core::Corpus;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::article::Article;
use crate::components::results::{result_href, result_id, Results};
use crate::components::search_box::{SearchBox, FIELD_ID};
use crate::components::toc::Toc;
use crate::components::topbar::Topbar;
use crate::corpus::Loaded;
use crate::hooks::use_escape_key::use_escape_key;
use crate::hooks::use_hash_route::use_hash_route;
use crate::hooks::use_scroll_spy::use_scroll_spy;
use crate::hooks::use_scroll_to_place::{use_scroll_to_place, Target};
use crate::hooks::use_search_keys::use_search_keys;
use crate::hooks::use_theme::use_theme;
use crate::outline::element_id;
pub use crate::route::Route;
use crate::search::{display_order, group_by_doc, snippet_block, Highlights};
use crate::state::{Action, State};
use crate::{corpus, dom, search};

/// What a route shows: a document, maybe a section of it, and a notice when the route named
/// something that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub section: Option<usize>,
    pub notice: Option<String>,
}

/// Resolves a route against the corpus, falling back to the first document (or the top of the
/// named document) with a notice.
pub fn resolve(corpus: &Corpus, route: &Route) -> Place {
    let Some(doc_id) = &route.doc else {
        return Place {
            doc: 0,
            section: None,
            notice: None,
        };
    };
    let Some(doc) = corpus.documents.iter().position(|d| &d.id == doc_id) else {
        return Place {
            doc: 0,
            section: None,
            notice: Some(format!(
                "There is no document “{doc_id}” here; showing the first document."
            )),
        };
    };
    let Some(section_id) = &route.section else {
        return Place {
            doc,
            section: None,
            notice: None,
        };
    };
    match corpus.documents[doc]
        .sections
        .iter()
        .position(|s| &s.id == section_id)
    {
        Some(section) => Place {
            doc,
            section: Some(section),
            notice: None,
        },
        None => Place {
            doc,
            section: None,
            notice: Some(format!(
                "This document has no section “{section_id}”; showing its beginning."
            )),
        },
    }
}

/// The app: decodes the embedded corpus and shows it, or says why it cannot.
#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| corpus::load());
    match &*loaded {
        Ok(loaded) => html! { <Explorer loaded={loaded.clone()} /> },
        Err(message) => html! {
            <main id="content" class="load-error">
                <h1>{ "This corpus cannot be shown" }</h1>
                <p role="alert">{ format!("The embedded corpus could not be read: {message}.") }</p>
            </main>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub loaded: Loaded,
}

/// The reading interface over a decoded corpus, with search.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let corpus = &props.loaded.corpus;
    let state = use_reducer(|| {
        dom::take_over_scroll_restoration();
        let route = Route::parse(&dom::location_hash()).unwrap_or_default();
        let stored = dom::stored_theme();
        State::new(
            route,
            stored.unwrap_or_else(dom::system_theme),
            stored.is_some(),
        )
    });
    let place = resolve(corpus, &state.route);
    let doc = &corpus.documents[place.doc];
    // Whether the list of results covers the reading pane (never in a build without search).
    let listing = search::ENABLED && state.results;

    // The results of the query in the field, and those of the query highlighted in the place
    // being read (the same query once a result is opened; each runs when its query changes).
    let found = {
        let loaded = props.loaded.clone();
        use_memo(state.query.clone(), move |query| {
            dom::timed("folio-search", || {
                search::run(&loaded.corpus, &loaded.index, query)
            })
        })
    };
    let marked = {
        let loaded = props.loaded.clone();
        use_memo(
            (state.route.query.clone(), place.doc),
            move |(query, doc)| {
                let results = search::run(&loaded.corpus, &loaded.index, query);
                let highlights = Highlights::of(&results, *doc);
                (
                    results,
                    (!highlights.is_empty()).then(|| Rc::new(highlights)),
                )
            },
        )
    };

    let dispatch = state.dispatcher();
    use_hash_route({
        let dispatch = dispatch.clone();
        Callback::from(move |route| dispatch.dispatch(Action::Navigate(route)))
    });
    use_theme(state.theme, state.theme_chosen, {
        let dispatch = dispatch.clone();
        Callback::from(move |theme| dispatch.dispatch(Action::SystemTheme(theme)))
    });

    // Until this time (ms) scroll events come from the app's own scrolling, not the reader.
    let quiet_until = use_mut_ref(|| 0.0_f64);
    // A section opened from a search shows the passage its snippet quotes. The first section
    // otherwise scrolls to the top, so that the document's title shows above it.
    let target = place.section.and_then(|i| {
        let block = snippet_block(corpus, &marked.0, place.doc, i).filter(|&b| b > 0);
        (i > 0 || block.is_some()).then(|| Target {
            section: element_id(&doc.id, &doc.sections[i].id),
            block,
        })
    });
    use_scroll_to_place(state.visits, place.doc, target, quiet_until.clone());

    use_scroll_spy(
        AttrValue::from(doc.id.clone()),
        state.current.clone(),
        quiet_until,
        {
            let dispatch = dispatch.clone();
            let doc_id = doc.id.clone();
            let query = state.route.query.clone();
            Callback::from(move |section: String| {
                // The results cover the text and own the address while they show.
                if listing {
                    return;
                }
                dom::replace_hash(
                    &Route::section(&doc_id, &section)
                        .with_query(&query)
                        .to_hash(),
                );
                dispatch.dispatch(Action::Read(section));
            })
        },
    );

    let page_title = if listing {
        format!("Search: {} · folio", state.query.trim())
    } else {
        format!("{} · folio", doc.title)
    };
    use_effect_with(page_title, |title| dom::set_title(title));
    use_escape_key(state.toc_open, {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.dispatch(Action::CloseToc))
    });

    let current: Option<AttrValue> = state
        .current
        .as_deref()
        .filter(|id| doc.section(id).is_some())
        .or_else(|| doc.sections.first().map(|s| s.id.as_str()))
        .map(|id| AttrValue::from(id.to_string()));
    // The address of the place being read, without a query.
    let reading_hash = Route {
        doc: Some(doc.id.clone()),
        section: current.as_ref().map(|c| c.to_string()),
        ..Route::default()
    }
    .to_hash();

    // Typing shows the results. The first character adds a history entry (back returns to the
    // text); later ones replace it, so the address always holds the query without flooding
    // the history.
    let on_input = {
        let dispatch = dispatch.clone();
        let reading_hash = reading_hash.clone();
        Callback::from(move |text: String| {
            let listing = Route::parse(&dom::location_hash()).is_some_and(|r| r.results);
            if text.trim().is_empty() {
                dom::replace_hash(&reading_hash);
            } else if listing {
                dom::replace_hash(&Route::search(&text).to_hash());
            } else {
                dom::push_hash(&Route::search(&text).to_hash());
            }
            dispatch.dispatch(Action::Type(text));
        })
    };
    let order = display_order(&group_by_doc(&found.hits));
    let active = state.active.min(order.len().saturating_sub(1));
    let on_keydown = {
        let dispatch = dispatch.clone();
        let found = found.clone();
        let query = state.query.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = order.len();
            if !listing || count == 0 || event.is_composing() {
                return;
            }
            match event.key().as_str() {
                "ArrowDown" => dispatch.dispatch(Action::Select((active + 1) % count)),
                "ArrowUp" => dispatch.dispatch(Action::Select((active + count - 1) % count)),
                "Enter" => dom::follow_hash(&result_href(&found.hits[order[active]], &query)),
                _ => return,
            }
            event.prevent_default();
        })
    };
    let on_suggest = {
        let dispatch = dispatch.clone();
        Callback::from(move |text: String| {
            dom::replace_hash(&Route::search(&text).to_hash());
            dispatch.dispatch(Action::Type(text));
            dom::focus_field(FIELD_ID);
        })
    };
    let searching = listing || !state.query.is_empty() || !state.route.query.is_empty();
    use_search_keys(
        search::ENABLED,
        Callback::from(|()| dom::focus_field(FIELD_ID)),
        {
            let dispatch = dispatch.clone();
            let toc_open = state.toc_open;
            Callback::from(move |()| {
                // An open drawer takes Escape first.
                if toc_open || !searching {
                    return false;
                }
                dom::replace_hash(&reading_hash);
                dispatch.dispatch(Action::CloseSearch);
                true
            })
        },
    );

    // Stable across renders, so that the contents do not re-render on every keystroke.
    let on_link = use_callback(dispatch.clone(), |event: MouseEvent, dispatch| {
        follow_link(&event, dispatch)
    });
    let on_skip = Callback::from(|event: MouseEvent| {
        event.prevent_default();
        if let Some(main) = dom::element_by_id("content") {
            dom::focus_quietly(&main);
        }
    });
    let toggle_toc = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ToggleToc))
    };
    let toggle_theme = {
        let dispatch = dispatch.clone();
        Callback::from(move |_| dispatch.dispatch(Action::ToggleTheme))
    };
    let close_toc = Callback::from(move |_| dispatch.dispatch(Action::CloseToc));
    let active_id = (listing && !found.hits.is_empty()).then(|| AttrValue::from(result_id(active)));

    html! {
        <div class={classes!("app", state.toc_open.then_some("toc-open"))}>
            <a class="skip-link" href="#content" onclick={on_skip}>{ "Skip to content" }</a>
            <Topbar
                title={AttrValue::from(doc.title.clone())}
                toc_open={state.toc_open}
                theme={state.theme}
                on_toggle_toc={toggle_toc}
                on_toggle_theme={toggle_theme}
            >
                if search::ENABLED {
                    <SearchBox
                        value={AttrValue::from(state.query.clone())}
                        expanded={listing}
                        active={active_id}
                        {on_input}
                        {on_keydown}
                    />
                }
            </Topbar>
            <div class="layout">
                <Toc corpus={corpus.clone()} doc={place.doc} {current} on_click={on_link.clone()} />
                if state.toc_open {
                    <div class="backdrop" aria-hidden="true" onclick={close_toc}></div>
                }
                <main id="content" tabindex="-1" onclick={on_link}>
                    if listing {
                        <Results
                            corpus={corpus.clone()}
                            results={found.clone()}
                            query={AttrValue::from(state.query.clone())}
                            {active}
                            {on_suggest}
                        />
                    }
                    <div class="reading" inert={listing}>
                        if let Some(notice) = &place.notice {
                            <p class="notice" role="status">{ notice.clone() }</p>
                        }
                        <Article
                            corpus={corpus.clone()}
                            doc={place.doc}
                            highlights={marked.1.clone()}
                        />
                    </div>
                </main>
            </div>
        </div>
    }
}

/// Handles a click on an in-app link. Following a link to the address already shown fires no
/// `hashchange`, so that case navigates directly (back to the start of the section). Every
/// followed link closes the contents drawer.
fn follow_link(event: &MouseEvent, dispatch: &UseReducerDispatcher<State>) {
    if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() {
        return;
    }
    let Some(link) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|e| e.closest("a[href^='#/']").ok().flatten())
    else {
        return;
    };
    let href = link.get_attribute("href").unwrap_or_default();
    if href == dom::location_hash() {
        event.prevent_default();
        if let Some(route) = Route::parse(&href) {
            dispatch.dispatch(Action::Navigate(route));
        }
    }
    dispatch.dispatch(Action::CloseToc);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        use folio_core::{Document, Metadata, Section, SourceFormat};
        let doc = |id: &str| Document {
            id: id.into(),
            title: id.to_uppercase(),
            source: String::new(),
            format: SourceFormat::Text,
            meta: Metadata::default(),
            header: vec![],
            sections: vec![Section {
                id: "s".into(),
                title: "S".into(),
                level: 1,
                untitled: false,
                blocks: vec![],
            }],
            footer: vec![],
        };
        Corpus {
            documents: vec![doc("a"), doc("b")],
        }
    }

    #[test]
    fn resolves_known_and_unknown_places() {
        let corpus = corpus();
        let at = |route: Route| {
            let p = resolve(&corpus, &route);
            (p.doc, p.section, p.notice.is_some())
        };
        assert_eq!(at(Route::default()), (0, None, false));
        assert_eq!(at(Route::document("b")), (1, None, false));
        assert_eq!(at(Route::section("b", "s")), (1, Some(0), false));
        assert_eq!(at(Route::section("b", "nope")), (1, None, true));
        assert_eq!(at(Route::document("nope")), (0, None, true));
    }
}
