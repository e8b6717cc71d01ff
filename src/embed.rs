//! Where the explorer runs and how it talks to what is around it: a page of its own (the
//! address in the URL hash), a frame in another site (`embed.html`: the address in memory,
//! messages to and from the parent) or an element of a host page (`mount.js`: the address in
//! memory unless the host asks for its hash, lookups kept inside the explorer's own root).
//!
//! Components reach the [`Host`] through Yew's context; without one they behave as on a page
//! of their own.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::app::{App, AppProps};
use crate::dom;
use crate::route::Route;
use crate::state::Theme;

/// How the explorer is hosted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Mode {
    /// A page of its own: the address is the URL hash.
    #[default]
    Page,
    /// A frame in another page (`embed.html` or `?embed`).
    Frame,
    /// Rendered into an element of a host page by `mount`.
    Mounted,
}

/// What a host may ask of an explorer: by message (a frame's parent) or through the handle
/// `mount` returns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Open {
        doc: String,
        section: Option<String>,
    },
    Search(String),
    Topics(Vec<String>),
}

/// The longest text a command may carry; longer ones are refused.
const MAX_TEXT: usize = 500;

impl Command {
    /// Reads a message `{type: 'folio:open', doc, section?}`, `{type: 'folio:search', query}`
    /// or `{type: 'folio:topics', ids}`. Anything else, or a field of the wrong type or size,
    /// is `None`.
    pub fn from_message(data: &JsValue) -> Option<Command> {
        if !data.is_object() {
            return None;
        }
        let text = |key: &str| -> Option<String> {
            js_sys::Reflect::get(data, &JsValue::from_str(key))
                .ok()?
                .as_string()
                .filter(|s| s.len() <= MAX_TEXT)
        };
        let absent = |key: &str| {
            js_sys::Reflect::get(data, &JsValue::from_str(key)).map_or(true, |v| v.is_undefined())
        };
        match text("type")?.as_str() {
            "folio:open" => {
                let section = text("section");
                (section.is_some() || absent("section")).then_some(())?;
                Some(Command::Open {
                    doc: text("doc").filter(|d| !d.is_empty())?,
                    section: section.filter(|s| !s.is_empty()),
                })
            }
            "folio:search" => Some(Command::Search(text("query")?)),
            "folio:topics" => {
                let ids = js_sys::Reflect::get(data, &JsValue::from_str("ids")).ok()?;
                let ids = ids.dyn_into::<js_sys::Array>().ok()?;
                let ids: Option<Vec<String>> = ids
                    .iter()
                    .take(100)
                    .map(|id| id.as_string().filter(|s| s.len() <= MAX_TEXT))
                    .collect();
                Some(Command::Topics(ids?))
            }
            _ => None,
        }
    }
}

/// The explorer's link to its surroundings, shared by every component: one pointer, so
/// that a clone is cheap in time and in code.
#[derive(Clone, Default)]
pub struct Host(Rc<HostData>);

impl std::ops::Deref for Host {
    type Target = HostData;

    fn deref(&self) -> &HostData {
        &self.0
    }
}

impl From<HostData> for Host {
    fn from(data: HostData) -> Host {
        Host(Rc::new(data))
    }
}

/// What a [`Host`] knows.
#[derive(Default)]
pub struct HostData {
    pub mode: Mode,
    /// The theme the host asked for, which wins over the stored and the system one.
    pub theme: Option<Theme>,
    /// The element a mounted explorer renders into; lookups start from it.
    root: Option<Element>,
    /// The address, when it is kept in memory rather than in the URL.
    memory: Option<Rc<RefCell<String>>>,
    /// Called with each route followed in memory.
    on_route: Rc<RefCell<Option<Callback<Route>>>>,
    /// Where commands go: the explorer sets it.
    inbox: Rc<RefCell<Option<Callback<Command>>>>,
    /// Told where the reader is (a mounted explorer's `onLocation`).
    on_location: Option<js_sys::Function>,
    /// What waits to be written, see [`Host::write_soon`].
    pending: RefCell<Pending>,
}

/// An address (and whether it is a new history entry) and a page title waiting to be written.
#[derive(Default)]
struct Pending {
    address: Option<(String, bool)>,
    title: Option<String>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.address.is_none() && self.title.is_none()
    }
}

impl PartialEq for Host {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Host {
    /// Whether the explorer owns the page: its title, `<html data-theme>`, the stored theme,
    /// scroll restoration and the single-key shortcuts. A mounted explorer is a guest.
    pub fn owns_page(&self) -> bool {
        self.mode != Mode::Mounted
    }

    /// The current address, as a hash (`#/d/…`), including one still waiting to be written.
    pub fn hash(&self) -> String {
        if let Some((hash, _)) = &self.pending.borrow().address {
            return hash.clone();
        }
        match &self.memory {
            Some(memory) => memory.borrow().clone(),
            None => dom::location_hash(),
        }
    }

    /// Changes the address without a new history entry.
    pub fn replace(&self, hash: &str) {
        self.flush();
        match &self.memory {
            Some(memory) => *memory.borrow_mut() = hash.to_string(),
            None => dom::replace_hash(hash),
        }
    }

    /// Changes the address as a new history entry (none in memory: the host's history and
    /// its back button are left alone).
    pub fn push(&self, hash: &str) {
        self.flush();
        match &self.memory {
            Some(memory) => *memory.borrow_mut() = hash.to_string(),
            None => dom::push_hash(hash),
        }
    }

    /// Goes to `hash` as a followed link does.
    pub fn follow(&self, hash: &str) {
        self.flush();
        let Some(memory) = &self.memory else {
            return dom::follow_hash(hash);
        };
        *memory.borrow_mut() = hash.to_string();
        let on_route = self.on_route.borrow().clone();
        if let (Some(route), Some(on_route)) = (Route::parse(hash), on_route) {
            on_route.emit(route);
        }
    }

    /// Changes the address as [`Host::push`] (when `push`) or [`Host::replace`] would, once the
    /// next frame has been drawn: the browser's history is slow to update, and typing writes
    /// the query on every key, so the results show first. Writes made before then become one,
    /// a new history entry when any of them asked for one.
    pub fn write_soon(&self, hash: &str, push: bool) {
        if self.memory.is_some() {
            return if push {
                self.push(hash)
            } else {
                self.replace(hash)
            };
        }
        let mut pending = self.pending.borrow_mut();
        let push = push || pending.address.as_ref().is_some_and(|p| p.1);
        let idle = pending.is_empty();
        pending.address = Some((hash.to_string(), push));
        drop(pending);
        if idle {
            self.flush_soon();
        }
    }

    /// Drops an address waiting to be written: the browser has gone to another one (back,
    /// forward, a link), which it must not undo.
    pub fn forget_address(&self) {
        self.pending.borrow_mut().address = None;
    }

    /// Writes what waits to be written now.
    pub fn flush(&self) {
        let Pending { address, title } = std::mem::take(&mut *self.pending.borrow_mut());
        match address {
            Some((hash, true)) => dom::push_hash(&hash),
            Some((hash, false)) => dom::replace_hash(&hash),
            None => {}
        }
        if let Some(title) = title {
            dom::set_title(&title);
        }
    }

    fn flush_soon(&self) {
        let data = Rc::downgrade(&self.0);
        dom::after_paint(move || {
            if let Some(data) = data.upgrade() {
                Host(data).flush();
            }
        });
    }

    /// Whether the address is kept in memory, so that in-app links must not reach the URL.
    pub fn in_memory(&self) -> bool {
        self.memory.is_some()
    }

    /// Sets the callback [`Host::follow`] reports memory routes to; `None` when the address is
    /// the URL hash, whose events the caller should follow instead.
    pub fn listen(&self, on_route: Callback<Route>) -> Option<()> {
        self.memory.as_ref()?;
        *self.on_route.borrow_mut() = Some(on_route);
        Some(())
    }

    /// Sets where commands go.
    pub fn receive(&self, inbox: Callback<Command>) {
        *self.inbox.borrow_mut() = Some(inbox);
    }

    /// Passes a command to the explorer.
    pub fn send(&self, command: Command) {
        let inbox = self.inbox.borrow().clone();
        if let Some(inbox) = inbox {
            inbox.emit(command);
        }
    }

    /// Tells a mounted explorer's host where the reader is.
    pub fn tell_location(&self, location: &JsValue) {
        if let Some(f) = &self.on_location {
            let _ = f.call1(&JsValue::NULL, location);
        }
    }

    /// The explorer's element with this id.
    pub fn element_by_id(&self, id: &str) -> Option<Element> {
        match &self.root {
            Some(root) => root.query_selector(&format!("[id=\"{id}\"]")).ok()?,
            None => dom::element_by_id(id),
        }
    }

    /// The explorer's first element matching a CSS selector.
    pub fn query(&self, selector: &str) -> Option<Element> {
        match &self.root {
            Some(root) => root.query_selector(selector).ok()?,
            None => dom::query(selector),
        }
    }

    /// Every element of the explorer matching a CSS selector, in document order.
    pub fn query_all(&self, selector: &str) -> Vec<Element> {
        let nodes = match &self.root {
            Some(root) => root.query_selector_all(selector).ok(),
            None => dom::document().and_then(|d| d.query_selector_all(selector).ok()),
        };
        let Some(nodes) = nodes else {
            return Vec::new();
        };
        (0..nodes.length())
            .filter_map(|i| nodes.item(i)?.dyn_into().ok())
            .collect()
    }

    /// Focuses the explorer's text field with this id and selects its text.
    pub fn focus_field(&self, id: &str) {
        let field = self.element_by_id(id);
        if let Some(input) = field.and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
            let _ = input.focus();
            input.select();
        }
    }

    /// Sets the page title, unless the page belongs to a host, once the next frame has been
    /// drawn (with the address, see [`Host::write_soon`]).
    pub fn set_title(&self, title: &str) {
        if !self.owns_page() {
            return;
        }
        let mut pending = self.pending.borrow_mut();
        let idle = pending.is_empty();
        pending.title = Some(title.to_string());
        drop(pending);
        if idle {
            self.flush_soon();
        }
    }
}

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
    yew::Renderer::<App>::with_props(AppProps { host }).render();
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

/// An explorer rendered into a host's element.
pub struct Mounted {
    handle: Option<yew::AppHandle<App>>,
    host: Host,
}

impl Mounted {
    pub fn send(&self, command: Command) {
        self.host.send(command);
    }

    /// Removes the explorer from the page.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
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
    let handle =
        yew::Renderer::<App>::with_root_and_props(root, AppProps { host: host.clone() }).render();
    Mounted {
        handle: Some(handle),
        host,
    }
}
