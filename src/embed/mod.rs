//! Where the explorer runs and how it talks to what is around it: a page of its own (the
//! address in the URL hash), a frame in another site (`embed.html`: the address in memory,
//! messages to and from the parent) or an element of a host page (`mount.js`: the address in
//! memory unless the host asks for its hash, lookups kept inside the explorer's own root).
//!
//! The app hands the [`Host`] to the explorer as a property, and the explorer to its hooks (a
//! Yew context for it cost 2 kB of packed WASM); the default one is a page of its own.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::dom;
use crate::route::Route;
use crate::state::Theme;

mod command;
mod start;

pub use command::{Command, Viewport};
pub use start::{mount, start_page, Mounted};

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
