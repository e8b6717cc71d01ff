//! Small wrappers over the browser APIs the app uses. Each one degrades to doing nothing when
//! the API is missing, so the app never panics on an unusual browser.

use wasm_bindgen::JsCast;
use web_sys::{
    Element, HtmlElement, HtmlInputElement, ScrollIntoViewOptions, ScrollLogicalPosition,
};

use crate::state::Theme;

/// The localStorage key holding the reader's theme choice.
pub const THEME_KEY: &str = "folio-theme";

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// The current location hash, with its `#` (empty when there is none).
pub fn location_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page address without its hash: the base of every section link.
pub fn page_url() -> String {
    let href = window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}

/// Replaces the hash of the current history entry without adding one or firing `hashchange`.
pub fn replace_hash(hash: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Adds a history entry for `hash` without firing `hashchange`.
pub fn push_hash(hash: &str) {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
    }
}

/// Goes to `hash` as a followed link does: a new history entry, then `hashchange`.
pub fn follow_hash(hash: &str) {
    if let Some(window) = window() {
        let _ = window.location().set_hash(hash);
    }
}

/// The app restores the reading place itself; the browser's own restoration would fight it.
pub fn take_over_scroll_restoration() {
    if let Some(history) = window().and_then(|w| w.history().ok()) {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
}

/// Sets the page title (shown in tabs, history and bookmarks).
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// Runs `f` as a User Timing measure called `name`, which the browser's performance tools and
/// the end-to-end tests can read; only the latest measure of each name is kept.
pub fn timed<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(performance) = window().and_then(|w| w.performance()) else {
        return f();
    };
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    let out = f();
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    out
}

/// Runs `f` once the next frame has been drawn: in a task after the next animation frame, or
/// after 100 ms where no frame comes (a hidden page).
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_paint_boxed(Box::new(f));
}

fn after_paint_boxed(f: Box<dyn FnOnce()>) {
    use gloo::timers::callback::Timeout;
    use std::cell::Cell;
    use std::rc::Rc;

    type Once = Rc<Cell<Option<Box<dyn FnOnce()>>>>;
    let once: Once = Rc::new(Cell::new(Some(f)));
    let run = move |once: Once| {
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    Timeout::new(100, run(once.clone())).forget();
    if let Some(window) = window() {
        let next = run(once);
        let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            Timeout::new(0, next).forget();
        });
        let _ = window.request_animation_frame(frame.unchecked_ref());
    }
}

/// Milliseconds since the epoch.
pub fn now() -> f64 {
    js_sys::Date::now()
}

pub fn element_by_id(id: &str) -> Option<Element> {
    document()?.get_element_by_id(id)
}

/// The element matching `selector` that the target of `event` is, or sits in: what a click
/// landed on, for one listener over many links or buttons.
pub fn event_closest(event: &web_sys::Event, selector: &str) -> Option<Element> {
    event
        .target()?
        .dyn_into::<Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// The first element matching a CSS selector.
pub fn query(selector: &str) -> Option<Element> {
    document()?.query_selector(selector).ok()?
}

/// Scrolls the least needed to show the element (inside its scrolling box).
pub fn reveal(element: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Focuses the text field with this id and selects its text, so typing replaces it.
pub fn focus_field(id: &str) {
    if let Some(input) = element_by_id(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok()) {
        let _ = input.focus();
        input.select();
    }
}

/// Whether keyboard focus is in a place that takes typing (a field or editable text), where
/// single-key shortcuts must not fire.
pub fn typing_somewhere() -> bool {
    let Some(active) = document().and_then(|d| d.active_element()) else {
        return false;
    };
    let tag = active.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || active
            .dyn_ref::<HtmlElement>()
            .is_some_and(|e| e.is_content_editable())
}

/// Scrolls the element to the top of the viewport (below the sticky bar, via CSS
/// `scroll-margin-top`). Returns false when there is no such element.
pub fn scroll_to_element(id: &str) -> bool {
    let Some(element) = element_by_id(id) else {
        return false;
    };
    scroll_to(&element);
    true
}

/// Scrolls the element to the top of the viewport, below the sticky bar.
pub fn scroll_to(element: &Element) {
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Start);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Moves keyboard focus to the element without scrolling.
pub fn focus_quietly(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

/// The theme the reader chose earlier, if any.
pub fn stored_theme() -> Option<Theme> {
    Theme::parse(&storage()?.get_item(THEME_KEY).ok()??)
}

pub fn store_theme(theme: Theme) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(THEME_KEY, theme.as_str());
    }
}

/// The query list for the system's dark colour scheme.
pub fn dark_scheme_query() -> Option<web_sys::MediaQueryList> {
    window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

pub fn system_theme() -> Theme {
    match dark_scheme_query() {
        Some(query) if query.matches() => Theme::Dark,
        _ => Theme::Light,
    }
}

/// Shows the theme on `<html data-theme>`, which the stylesheet keys on.
pub fn apply_theme(theme: Theme) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}

thread_local! {
    /// The part of the page on screen in its host, once a host has said (see [`show_viewport`]).
    static VIEW: std::cell::Cell<Option<(u32, u32)>> = const { std::cell::Cell::new(None) };
}

/// Shows which part of the page is on screen in its host (see [`crate::embed::Viewport`]) as
/// the `--folio-view-top` and `--folio-view-height` properties of `<html>`, which the framed
/// layout keys on, and lets the scroll listeners measure again, since the host's scrolling
/// scrolls nothing in the page itself.
pub fn show_viewport(top: u32, height: u32) {
    VIEW.with(|v| v.set(Some((top, height))));
    let Some(root) = document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let style = root.style();
    let _ = style.set_property("--folio-view-top", &format!("{top}px"));
    let _ = style.set_property("--folio-view-height", &format!("{height}px"));
    if let (Some(window), Ok(event)) = (window(), web_sys::Event::new("scroll")) {
        let _ = window.dispatch_event(&event);
    }
}

/// The part of the window the reader sees, as (top, height) in the page's client coordinates:
/// the whole window, or in a frame its host sizes to the content, the part the host shows.
pub fn visible_area() -> Option<(f64, f64)> {
    match VIEW.with(std::cell::Cell::get) {
        Some((top, height)) => Some((f64::from(top), f64::from(height))),
        None => Some((0.0, window()?.inner_height().ok()?.as_f64()?)),
    }
}
