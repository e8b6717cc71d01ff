//! The search shortcuts that work anywhere on the page: `/` and Ctrl/Cmd+K go to the search
//! field, Escape drops the search.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::dom;

/// Which shortcut a key press is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Focus,
    Escape,
}

/// Reads a key press: `/` (unless focus is in a field, where it is typing), Ctrl+K or Cmd+K,
/// and Escape. Other modifiers make it no shortcut.
pub fn shortcut(key: &str, ctrl_or_meta: bool, alt: bool, typing: bool) -> Option<Shortcut> {
    match key {
        "/" if !ctrl_or_meta && !alt && !typing => Some(Shortcut::Focus),
        "k" | "K" if ctrl_or_meta && !alt => Some(Shortcut::Focus),
        "Escape" => Some(Shortcut::Escape),
        _ => None,
    }
}

/// While `enabled`, listens for the shortcuts on the document. `on_focus` runs for `/` and
/// Ctrl/Cmd+K; `on_escape` runs for Escape and returns whether it handled the key (then the
/// browser's own handling, such as clearing a search field, is prevented).
#[hook]
pub fn use_search_keys(enabled: bool, on_focus: Callback<()>, on_escape: Callback<(), bool>) {
    let latest = use_mut_ref(|| (on_focus.clone(), on_escape.clone()));
    *latest.borrow_mut() = (on_focus, on_escape);
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(dom::document).flatten().map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let found = shortcut(
                    &event.key(),
                    event.ctrl_key() || event.meta_key(),
                    event.alt_key(),
                    dom::typing_somewhere(),
                );
                let (on_focus, on_escape) = &*latest.borrow();
                match found {
                    Some(Shortcut::Focus) => {
                        event.prevent_default();
                        on_focus.emit(());
                    }
                    Some(Shortcut::Escape) if on_escape.emit(()) => event.prevent_default(),
                    Some(Shortcut::Escape) | None => {}
                }
            })
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_shortcuts() {
        assert_eq!(shortcut("/", false, false, false), Some(Shortcut::Focus));
        assert_eq!(shortcut("/", false, false, true), None, "typing a slash");
        assert_eq!(shortcut("k", true, false, true), Some(Shortcut::Focus));
        assert_eq!(shortcut("K", true, false, false), Some(Shortcut::Focus));
        assert_eq!(shortcut("k", false, false, false), None);
        assert_eq!(shortcut("k", true, true, false), None);
        assert_eq!(
            shortcut("Escape", false, false, true),
            Some(Shortcut::Escape)
        );
        assert_eq!(shortcut("a", false, false, false), None);
    }
}
