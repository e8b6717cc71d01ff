//! The app shell: the hash route (`#/d/<doc>/<section>`), how a route resolves against the
//! corpus, and the top component that wires state, hooks and components together.

use std::rc::Rc;

use folio_core::Corpus;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::article::Article;
use crate::components::toc::Toc;
use crate::components::topbar::Topbar;
use crate::hooks::use_escape_key::use_escape_key;
use crate::hooks::use_hash_route::use_hash_route;
use crate::hooks::use_scroll_spy::use_scroll_spy;
use crate::hooks::use_scroll_to_place::use_scroll_to_place;
use crate::hooks::use_theme::use_theme;
use crate::outline::{element_id, hash_of};
use crate::state::{Action, State};
use crate::{corpus, dom};

/// A place in the corpus as written in the URL hash. `doc: None` is the first document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Route {
    pub doc: Option<String>,
    pub section: Option<String>,
}

impl Route {
    pub fn document(doc: &str) -> Route {
        Route {
            doc: Some(doc.into()),
            section: None,
        }
    }

    pub fn section(doc: &str, section: &str) -> Route {
        Route {
            doc: Some(doc.into()),
            section: Some(section.into()),
        }
    }

    /// Reads a location hash. `""`, `#` and `#/` are the first document; `#/d/<doc>` and
    /// `#/d/<doc>/<section>` name a place. Any other hash (an in-page anchor such as `#content`)
    /// is not a route: `None`.
    pub fn parse(hash: &str) -> Option<Route> {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        if path.is_empty() || path == "/" {
            return Some(Route::default());
        }
        let rest = path.strip_prefix("/d/")?.trim_end_matches('/');
        let (doc, section) = match rest.split_once('/') {
            Some((doc, section)) => (doc, Some(section)),
            None => (rest, None),
        };
        if doc.is_empty() {
            return Some(Route::default());
        }
        Some(Route {
            doc: Some(percent_decode(doc)),
            section: section.filter(|s| !s.is_empty()).map(percent_decode),
        })
    }

    /// The hash that [`Route::parse`] reads back as this route.
    pub fn to_hash(&self) -> String {
        match &self.doc {
            None => "#/".into(),
            Some(doc) => hash_of(doc, self.section.as_deref()),
        }
    }
}

/// Undoes `%XX` escapes, which browsers may add to a typed hash. Malformed escapes stay as
/// written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

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
        Ok(corpus) => html! { <Explorer corpus={corpus.clone()} /> },
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
    pub corpus: Rc<Corpus>,
}

/// The reading interface over a decoded corpus.
#[component]
pub fn Explorer(props: &ExplorerProps) -> Html {
    let corpus = &props.corpus;
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
    // The first section scrolls to the top, so that the document's title shows above it.
    let target = place
        .section
        .filter(|&i| i > 0)
        .map(|i| element_id(&doc.id, &doc.sections[i].id));
    use_scroll_to_place(state.visits, place.doc, target, quiet_until.clone());

    use_scroll_spy(
        AttrValue::from(doc.id.clone()),
        state.current.clone(),
        quiet_until,
        {
            let dispatch = dispatch.clone();
            let doc_id = doc.id.clone();
            Callback::from(move |section: String| {
                dom::replace_hash(&hash_of(&doc_id, Some(&section)));
                dispatch.dispatch(Action::Read(section));
            })
        },
    );

    use_effect_with(doc.title.clone(), |title| {
        dom::set_title(&format!("{title} · folio"))
    });
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

    let on_link = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: MouseEvent| follow_link(&event, &dispatch))
    };
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

    html! {
        <div class={classes!("app", state.toc_open.then_some("toc-open"))}>
            <a class="skip-link" href="#content" onclick={on_skip}>{ "Skip to content" }</a>
            <Topbar
                title={AttrValue::from(doc.title.clone())}
                toc_open={state.toc_open}
                theme={state.theme}
                on_toggle_toc={toggle_toc}
                on_toggle_theme={toggle_theme}
            />
            <div class="layout">
                <Toc corpus={corpus.clone()} doc={place.doc} {current} on_click={on_link.clone()} />
                if state.toc_open {
                    <div class="backdrop" aria-hidden="true" onclick={close_toc}></div>
                }
                <main id="content" tabindex="-1" onclick={on_link}>
                    if let Some(notice) = &place.notice {
                        <p class="notice" role="status">{ notice.clone() }</p>
                    }
                    <Article corpus={corpus.clone()} doc={place.doc} />
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

    #[test]
    fn parses_routes() {
        let home = Some(Route::default());
        assert_eq!(Route::parse(""), home);
        assert_eq!(Route::parse("#"), home);
        assert_eq!(Route::parse("#/"), home);
        assert_eq!(Route::parse("#/d/"), home);
        assert_eq!(Route::parse("#/d/a"), Some(Route::document("a")));
        assert_eq!(Route::parse("#/d/a/"), Some(Route::document("a")));
        assert_eq!(Route::parse("#/d/a/b"), Some(Route::section("a", "b")));
        assert_eq!(Route::parse("#/d/a/b/"), Some(Route::section("a", "b")));
        assert_eq!(
            Route::parse("#/d/a%2Db/c%20d"),
            Some(Route::section("a-b", "c d"))
        );
        assert_eq!(
            Route::parse("#/d/a/100%"),
            Some(Route::section("a", "100%"))
        );
        assert_eq!(Route::parse("#content"), None);
        assert_eq!(Route::parse("#/x/a"), None);
    }

    #[test]
    fn hashes_round_trip() {
        for route in [
            Route::default(),
            Route::document("a"),
            Route::section("a", "b-c"),
        ] {
            assert_eq!(Route::parse(&route.to_hash()), Some(route));
        }
        assert_eq!(Route::section("doc", "sec").to_hash(), "#/d/doc/sec");
    }

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
