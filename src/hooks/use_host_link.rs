//! Connects an explorer to its host (see [`crate::embed`]): commands from the host move it,
//! and the host hears where the reader is. In a frame the parent page talks by messages:
//! `{type: 'folio:open' | 'folio:search' | 'folio:topics', …}` in, with
//! `{type: 'folio:viewport', top, height}` from a parent that sizes the frame to its content,
//! and out
//! `{type: 'folio:height', height}` whenever the content's height changes and
//! `{type: 'folio:location', doc, section}` whenever the place being read does.

use gloo::events::EventListener;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

use crate::dom;
use crate::embed::{Command, Host, Mode, Viewport};

/// Wires `host` to the explorer: `on_command` gets every valid command, and the host is told
/// each new `(doc, section)`.
#[hook]
pub fn use_host_link(host: Host, on_command: Callback<Command>, doc: String, section: String) {
    host.receive(on_command);
    let frame = host.mode == Mode::Frame;
    let inbox = host.clone();
    use_effect_with(frame, move |&frame| {
        let listener = frame.then(|| listen_to_parent(inbox)).flatten();
        let height = frame.then(report_height).flatten();
        move || {
            drop(listener);
            if let Some((observer, _measure)) = height {
                observer.disconnect();
            }
        }
    });
    use_effect_with((doc, section), move |(doc, section)| {
        let location = js_sys::Object::new();
        set(&location, "doc", &JsValue::from_str(doc));
        set(&location, "section", &JsValue::from_str(section));
        if frame {
            set(&location, "type", &JsValue::from_str("folio:location"));
            post_to_parent(&location);
        } else {
            host.tell_location(&location);
        }
    });
}

fn set(object: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// The parent window, when the page is in a frame.
fn parent() -> Option<web_sys::Window> {
    let window = dom::window()?;
    let parent = window.parent().ok()??;
    (JsValue::from(&parent) != JsValue::from(&window)).then_some(parent)
}

fn post_to_parent(message: &JsValue) {
    if let Some(parent) = parent() {
        let _ = parent.post_message(message, "*");
    }
}

/// Follows the messages of the parent window (only of it) that are valid commands.
fn listen_to_parent(host: Host) -> Option<EventListener> {
    let window = dom::window()?;
    Some(EventListener::new(&window, "message", move |event| {
        let get = |key: &str| js_sys::Reflect::get(event, &JsValue::from_str(key)).ok();
        let from_parent = match (get("source"), parent()) {
            (Some(source), Some(parent)) => source == JsValue::from(parent),
            _ => false,
        };
        if !from_parent {
            return;
        }
        let Some(data) = get("data") else {
            return;
        };
        if let Some(view) = Viewport::from_message(&data) {
            dom::show_viewport(view.top, view.height);
        } else if let Some(command) = Command::from_message(&data) {
            host.send(command);
        }
    }))
}

/// Posts `{type: 'folio:height', height}` to the parent now and whenever the page's height
/// changes, so that it can size the frame to fit.
fn report_height() -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let body = dom::document()?.body()?;
    let last = std::cell::Cell::new(-1.0_f64);
    let measure = Closure::<dyn FnMut()>::new(move || {
        let Some(html) = dom::document().and_then(|d| d.document_element()) else {
            return;
        };
        let height = f64::from(html.scroll_height().max(body.scroll_height()));
        if height == last.replace(height) {
            return;
        }
        let message = js_sys::Object::new();
        set(&message, "type", &JsValue::from_str("folio:height"));
        set(&message, "height", &JsValue::from_f64(height));
        post_to_parent(&message);
    });
    let observer = web_sys::ResizeObserver::new(measure.as_ref().unchecked_ref()).ok()?;
    observer.observe(dom::document()?.body()?.as_ref());
    Some((observer, measure))
}
