//! The controls that copy to the clipboard: the address of a section, and a block of code. Every
//! section and block has one, so they are plain markup, and one handler on the reading pane
//! serves them all: a click copies and says so for two seconds. When the clipboard is missing
//! or refuses, the address is shown, selected, in a field for the reader to copy; the code is
//! selected where it stands.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::dom;

/// How long "Copied" shows, in ms.
const COPIED_MS: u32 = 2000;

/// The button and its status line for the section at `hash` (`#/d/<doc>/<section>`).
pub fn copy_link(hash: String) -> Html {
    html! {
        <>
            <button
                type="button"
                class="copy-link"
                aria-label="Copy link to this section"
                title="Copy link to this section"
                data-hash={hash}
            >
                <span aria-hidden="true"></span>
            </button>
            <span class="copy-status" role="status"></span>
        </>
    }
}

/// Handles a click in the reading pane if it is on a copy button, and says whether it was.
pub fn handle_click(event: &MouseEvent) -> bool {
    let Some(button) = dom::event_closest(event, "button.copy-link, button.copy-code") else {
        return false;
    };
    // A block of code: the text of the `pre` before the button.
    let code = button
        .previous_element_sibling()
        .filter(|e| e.tag_name() == "PRE");
    let url = match &code {
        Some(pre) => pre.text_content().unwrap_or_default(),
        None => format!(
            "{}{}",
            dom::page_url(),
            button.get_attribute("data-hash").unwrap_or_default()
        ),
    };
    let clipboard = dom::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        show_fallback(&button, &url, code.as_ref());
        return true;
    };
    let promise = clipboard
        .unchecked_into::<web_sys::Clipboard>()
        .write_text(&url);
    yew::platform::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => show_copied(&button),
            Err(_) => show_fallback(&button, &url, code.as_ref()),
        }
    });
    true
}

/// The status line after `button`.
fn status_of(button: &Element) -> Option<Element> {
    button
        .next_element_sibling()
        .filter(|e| e.class_name() == "copy-status")
}

/// Ticks the button and shows "Copied" for a while.
fn show_copied(button: &Element) {
    let _ = button.set_attribute("data-copied", "");
    let status = status_of(button);
    if let Some(status) = &status {
        status.set_text_content(Some("Copied"));
    }
    let button = button.clone();
    gloo::timers::callback::Timeout::new(COPIED_MS, move || {
        let _ = button.remove_attribute("data-copied");
        status.iter().for_each(clear);
    })
    .forget();
}

/// Empties a status line after `ms`.
fn clear_later(status: Element, ms: u32) {
    gloo::timers::callback::Timeout::new(ms, move || clear(&status)).forget();
}

/// Puts a status line back as it was: empty, and over the text.
fn clear(status: &Element) {
    status.set_text_content(None);
    let _ = status.remove_attribute("data-fallback");
}

/// Shows `url` in a selected field inside the status line, until the field loses focus; or,
/// for a block of code, selects the code.
fn show_fallback(button: &Element, url: &str, code: Option<&Element>) {
    let Some(status) = status_of(button) else {
        return;
    };
    if let Some(pre) = code {
        if let Some(selection) = dom::window().and_then(|w| w.get_selection().ok().flatten()) {
            let _ = selection.select_all_children(pre);
            status.set_text_content(Some("Selected: copy it with your keyboard"));
            let _ = status.set_attribute("data-fallback", "");
            clear_later(status, COPIED_MS * 2);
        }
        return;
    }
    let Some(input) = dom::document()
        .and_then(|d| d.create_element("input").ok())
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    input.set_class_name("copy-fallback");
    input.set_read_only(true);
    input.set_value(url);
    let _ = input.set_attribute("aria-label", "Link to this section");
    status.set_text_content(Some("Copy the link below"));
    let _ = status.append_child(&input);
    let _ = status.set_attribute("data-fallback", "");
    let _ = input.focus();
    input.select();
    // Leaving the field puts the status line back as it was.
    let onblur = wasm_bindgen::closure::Closure::once_into_js(move || clear(&status));
    let _ = input.add_event_listener_with_callback("blur", onblur.unchecked_ref());
}
