//! Calls back when the reader presses Escape, while a condition holds (an open drawer).

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::dom;

/// While `active`, listens for the Escape key on the document and calls `on_escape`.
#[hook]
pub fn use_escape_key(active: bool, on_escape: Callback<()>) {
    use_effect_with(active, move |&active| {
        let listener = active.then(dom::document).flatten().map(|document| {
            EventListener::new(&document, "keydown", move |event| {
                let escape = event
                    .dyn_ref::<KeyboardEvent>()
                    .is_some_and(|e| e.key() == "Escape");
                if escape {
                    on_escape.emit(());
                }
            })
        });
        move || drop(listener)
    });
}
