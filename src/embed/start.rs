//! How an explorer starts: on a page of its own or in a frame (`start_page`), or in an element
//! of a host page (`mount`, with its options and the handle it returns).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::{Command, Host, HostData, Mode};
use crate::app;
use crate::dom;
use crate::explorer::Explorer;
use crate::route::Route;
use crate::state::Theme;

/// Starts the explorer on its own page, or in embed mode when the page is `embed.html` (its
/// body is marked `data-folio-embed`) or its address has `?embed`. A frame may pick the theme
/// with `?theme=light` or `?theme=dark`, and the starting place with the hash.
pub fn start_page() {
    let search = dom::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let params: Vec<&str> = search.trim_start_matches('?').split('&').collect();
    let marked = dom::document()
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute("data-folio-embed"));
    let host = if marked
        || params
            .iter()
            .any(|p| *p == "embed" || p.starts_with("embed="))
    {
        Host::from(HostData {
            mode: Mode::Frame,
            theme: params
                .iter()
                .find_map(|p| p.strip_prefix("theme="))
                .and_then(Theme::parse),
            memory: Some(Rc::new(RefCell::new(dom::location_hash()))),
            ..HostData::default()
        })
    } else {
        Host::default()
    };
    app::render(None, host);
}

/// The options of `mount`, read from a plain object.
struct MountOptions {
    route: Route,
    theme: Option<Theme>,
    sync_hash: bool,
    on_location: Option<js_sys::Function>,
}

impl MountOptions {
    fn read(options: &JsValue) -> MountOptions {
        let get = |key: &str| js_sys::Reflect::get(options, &JsValue::from_str(key)).ok();
        let text = |key: &str| {
            get(key)
                .and_then(|v| v.as_string())
                .filter(|s| !s.is_empty())
        };
        let topics: Vec<String> = get("topics")
            .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
            .map(|a| a.iter().filter_map(|v| v.as_string()).collect())
            .unwrap_or_default();
        let query = text("query").unwrap_or_default();
        let route = match text("doc") {
            Some(doc) => Route {
                doc: Some(doc),
                section: text("section"),
                ..Route::default()
            }
            .with_query(&query),
            None if !query.trim().is_empty() => Route::search(&query),
            None => Route::default(),
        };
        MountOptions {
            route: route.with_topics(&topics),
            theme: text("theme").as_deref().and_then(Theme::parse),
            sync_hash: get("syncHash").and_then(|v| v.as_bool()).unwrap_or(false),
            on_location: get("onLocation").and_then(|v| v.dyn_into().ok()),
        }
    }
}

/// An explorer rendered into a host's element (or the message that the corpus cannot be
/// shown).
pub struct Mounted {
    handle: Option<yew::AppHandle<Explorer>>,
    root: Element,
    host: Host,
}

impl Mounted {
    pub fn send(&self, command: Command) {
        self.host.send(command);
    }

    /// Removes the explorer (or the message) from the page.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.set_text_content(None);
    }
}

/// Renders an explorer into `root` with the options of `mount` (see `assets/mount.js`).
pub fn mount(root: Element, options: &JsValue) -> Mounted {
    let options = MountOptions::read(options);
    let from_url = options
        .sync_hash
        .then(dom::location_hash)
        .filter(|h| Route::parse(h).is_some() && h.len() > 2);
    let start = from_url.unwrap_or_else(|| options.route.to_hash());
    if options.sync_hash {
        dom::replace_hash(&start);
    }
    let host = Host::from(HostData {
        mode: Mode::Mounted,
        theme: options.theme,
        root: Some(root.clone()),
        memory: (!options.sync_hash).then(|| Rc::new(RefCell::new(start))),
        on_location: options.on_location,
        ..HostData::default()
    });
    Mounted {
        handle: app::render(Some(root.clone()), host.clone()),
        root,
        host,
    }
}
