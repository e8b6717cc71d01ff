//! The explorer: the component that wires state, hooks and components together over a decoded
//! corpus.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::article::Article;
use crate::components::class_list;
use crate::components::copy_link;
use crate::components::results::{result_href, result_id, Results};
use crate::components::search_box::{search_box, SearchBox, FIELD_ID};
use crate::components::toc::{toc, Toc};
use crate::components::topbar::{topbar, Topbar};
use crate::corpus::Loaded;
use crate::embed::{Host, Mode};
use crate::hooks::use_escape_key::use_escape_key;
use crate::hooks::use_hash_route::use_hash_route;
use crate::hooks::use_host_link::use_host_link;
use crate::hooks::use_page_keys::{use_page_keys, Shortcut};
use crate::hooks::use_scroll_spy::use_scroll_spy;
use crate::hooks::use_scroll_to_place::{use_scroll_to_place, Target};
use crate::hooks::use_searches::{use_searches, Searches};
use crate::hooks::use_theme::use_theme;
use crate::navigation::{follow_link, keep_link_in_memory, obey, set_topics};
use crate::outline::{element_id, neighbours};
use crate::place::resolve;
use crate::route::Route;
use crate::search::{display_order, group_by_doc, snippet_block};
use crate::state::{Action, State};
use crate::{dom, search, topics};

#[derive(Properties, PartialEq)]
pub struct ExplorerProps {
    pub loaded: Loaded,
    /// Where the app runs (see [`crate::embed`]).
    #[prop_or_default]
    pub host: Host,
}

/// The reading interface over a decoded corpus, with search.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let corpus = &props.loaded.corpus;
    let host = props.host.clone();
    let state = use_reducer({
        let host = host.clone();
        move || {
            if host.owns_page() {
                dom::take_over_scroll_restoration();
            }
            let route = Route::parse(&host.hash()).unwrap_or_default();
            let chosen = host
                .theme
                .or_else(|| dom::stored_theme().filter(|_| host.owns_page()));
            State::new(
                route,
                chosen.unwrap_or_else(dom::system_theme),
                chosen.is_some(),
            )
        }
    });
    let place = resolve(corpus, &state.route);
    let doc = &corpus.documents[place.doc];
    // Whether the list of results covers the reading pane (never in a build without search).
    let listing = search::ENABLED && state.results;

    let Searches {
        filter,
        found,
        counts,
        marked,
    } = use_searches(
        &props.loaded,
        &state.topics,
        &state.query,
        &state.route.query,
        place.doc,
    );
    let topic_ids = filter.ids();

    // On a start at a list of results the text under it is rendered once the list has been
    // drawn, so that the results show without waiting for the whole document.
    let text_ready = use_state_eq(|| !listing);
    {
        let text_ready = text_ready.clone();
        use_effect_with((), move |_| {
            if !*text_ready {
                dom::after_paint(move || text_ready.set(true));
            }
        });
    }
    let show_text = *text_ready || !listing;

    let dispatch = state.dispatcher();
    use_hash_route(host.clone(), {
        let dispatch = dispatch.clone();
        Callback::from(move |route| dispatch.dispatch(Action::Navigate(route)))
    });
    use_theme(host.owns_page(), state.theme, state.theme_chosen, {
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
    use_scroll_to_place(
        state.visits,
        place.doc,
        target,
        quiet_until.clone(),
        host.clone(),
    );

    use_scroll_spy(
        AttrValue::from(doc.id.clone()),
        state.current.clone(),
        quiet_until,
        {
            let dispatch = dispatch.clone();
            let doc_id = doc.id.clone();
            let query = state.route.query.clone();
            let topic_ids = topic_ids.clone();
            let host = host.clone();
            Callback::from(move |section: String| {
                // The results cover the text and own the address while they show.
                if listing {
                    return;
                }
                host.replace(
                    &Route::section(&doc_id, &section)
                        .with_query(&query)
                        .with_topics(&topic_ids)
                        .to_hash(),
                );
                dispatch.dispatch(Action::Read(section));
            })
        },
        host.clone(),
    );

    let page_title = if listing {
        format!("Search: {} · folio", state.query.trim())
    } else {
        format!("{} · folio", doc.title)
    };
    {
        let host = host.clone();
        use_effect_with(page_title, move |title| host.set_title(title));
    }
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
    // The address of the place being read, without a query, with the topic filter.
    let reading_route = Route {
        doc: Some(doc.id.clone()),
        section: current.as_ref().map(|c| c.to_string()),
        ..Route::default()
    };
    let reading_hash = reading_route.clone().with_topics(&topic_ids).to_hash();

    // Typing shows the results. The first character adds a history entry (back returns to the
    // text); later ones replace it, so the address always holds the query without flooding
    // the history.
    let on_input = {
        let dispatch = dispatch.clone();
        let reading_hash = reading_hash.clone();
        let topic_ids = topic_ids.clone();
        let host = host.clone();
        Callback::from(move |text: String| {
            let listing = Route::parse(&host.hash()).is_some_and(|r| r.results);
            let results = Route::search(&text).with_topics(&topic_ids).to_hash();
            if text.trim().is_empty() {
                host.replace(&reading_hash);
            } else {
                host.write_soon(&results, !listing);
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
        let topic_ids = topic_ids.clone();
        let host = host.clone();
        Callback::from(move |event: KeyboardEvent| {
            let count = order.len();
            if !listing || count == 0 || event.is_composing() {
                return;
            }
            match event.key().as_str() {
                "ArrowDown" => dispatch.dispatch(Action::Select((active + 1) % count)),
                "ArrowUp" => dispatch.dispatch(Action::Select((active + count - 1) % count)),
                "Enter" => {
                    host.follow(&result_href(&found.hits[order[active]], &query, &topic_ids))
                }
                _ => return,
            }
            event.prevent_default();
        })
    };
    let on_suggest = {
        let dispatch = dispatch.clone();
        let topic_ids = topic_ids.clone();
        let host = host.clone();
        Callback::from(move |text: String| {
            host.replace(&Route::search(&text).with_topics(&topic_ids).to_hash());
            dispatch.dispatch(Action::Type(text));
            host.focus_field(FIELD_ID);
        })
    };
    let searching = listing || !state.query.is_empty() || !state.route.query.is_empty();
    // A guest on a host page leaves the page's keys to it.
    use_page_keys(host.owns_page(), {
        let dispatch = dispatch.clone();
        let toc_open = state.toc_open;
        let host = host.clone();
        // What the arrows need to find the sections around the one being read, worked out
        // only when one is pressed.
        let corpus = props.loaded.corpus.clone();
        let doc_index = place.doc;
        let current = current.clone();
        let topic_ids = topic_ids.clone();
        Callback::from(move |key| match key {
            Shortcut::Focus if search::ENABLED => {
                host.focus_field(FIELD_ID);
                true
            }
            // An open drawer takes Escape first.
            Shortcut::Escape if searching && !toc_open => {
                host.replace(&reading_hash);
                dispatch.dispatch(Action::CloseSearch);
                true
            }
            // The arrows page through the text; the results are not paged.
            Shortcut::Previous | Shortcut::Next if !listing => {
                let doc = &corpus.documents[doc_index];
                let Some(section) = current
                    .as_deref()
                    .and_then(|id| doc.sections.iter().position(|s| s.id == id))
                else {
                    return false;
                };
                let (prev, next) = neighbours(&corpus, (doc_index, section));
                let Some((d, s)) = (if key == Shortcut::Next { next } else { prev }) else {
                    return false;
                };
                let to = &corpus.documents[d];
                let route = Route::section(&to.id, &to.sections[s].id).with_topics(&topic_ids);
                host.follow(&route.to_hash());
                dispatch.dispatch(Action::CloseToc);
                true
            }
            _ => false,
        })
    });

    // Stable across renders, so that the contents do not re-render on every keystroke.
    let on_link = use_callback(
        (dispatch.clone(), topic_ids.clone(), host.clone()),
        |event: MouseEvent, (dispatch, topic_ids, host)| {
            if !copy_link::handle_click(&event) {
                follow_link(&event, dispatch, topic_ids, host)
            }
        },
    );
    // A change of the topic filter is a new history entry, so that back and forward step
    // through the filters; the place and the query stay.
    let on_topic = use_callback(
        (
            dispatch.clone(),
            topic_ids.clone(),
            reading_route.clone(),
            host.clone(),
        ),
        |id: String, (dispatch, topic_ids, reading, host)| {
            set_topics(dispatch, host, reading, topics::toggle(topic_ids, &id));
        },
    );
    let on_clear_topics = use_callback(
        (dispatch.clone(), reading_route.clone(), host.clone()),
        |(), (dispatch, reading, host)| set_topics(dispatch, host, reading, Vec::new()),
    );
    let within = (!filter.active.is_empty()).then(|| {
        let names: Vec<&str> = filter
            .active
            .iter()
            .map(|&i| filter.topics.topics[i].name.as_str())
            .collect();
        AttrValue::from(names.join(", "))
    });
    let on_skip = {
        let host = host.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(main) = host.element_by_id("content") {
                dom::focus_quietly(&main);
            }
        })
    };
    let on_any_link = {
        let host = host.clone();
        Callback::from(move |event: MouseEvent| keep_link_in_memory(&event, &host))
    };
    use_host_link(
        host.clone(),
        {
            let dispatch = dispatch.clone();
            let host = host.clone();
            let here = state.route.clone();
            Callback::from(move |command| obey(command, &host, &dispatch, &here))
        },
        doc.id.clone(),
        current.as_deref().unwrap_or_default().to_string(),
    );
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
        <div
            class={class_list(
                "folio app",
                &[
                    state.toc_open.then_some("toc-open"),
                    (host.mode == Mode::Frame).then_some("framed"),
                    (host.mode == Mode::Mounted).then_some("mounted"),
                ],
            )}
            data-theme={state.theme.as_str()}
            onclick={on_any_link}
        >
            <a class="skip-link" href="#content" onclick={on_skip}>{ "Skip to content" }</a>
            { topbar(Topbar {
                title: AttrValue::from(doc.title.clone()),
                toc_open: state.toc_open,
                theme: state.theme,
                on_toggle_toc: toggle_toc,
                on_toggle_theme: toggle_theme,
                search: html! {
                    if search::ENABLED {
                        { search_box(SearchBox {
                            value: AttrValue::from(state.query.clone()),
                            expanded: listing,
                            active: active_id,
                            on_input,
                            on_keydown,
                        }) }
                    }
                },
            }) }
            <div class="layout">
                { toc(Toc {
                    corpus: corpus.clone(),
                    doc: place.doc,
                    current,
                    on_click: on_link.clone(),
                    filter: Some(filter.clone()),
                    counts: counts.clone(),
                    on_topic: on_topic.clone(),
                    on_clear_topics,
                }) }
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
                            topics={Rc::new(topic_ids.clone())}
                            {within}
                        />
                    }
                    <div class="reading" inert={listing}>
                        if let Some(notice) = &place.notice {
                            <p class="notice" role="status">{ notice.clone() }</p>
                        }
                        if show_text {
                            <Article
                                corpus={corpus.clone()}
                                doc={place.doc}
                                highlights={marked.1.clone()}
                                filter={filter.clone()}
                                {on_topic}
                            />
                        }
                    </div>
                </main>
            </div>
        </div>
    }
}
