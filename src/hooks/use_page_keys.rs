//! The keys that work anywhere on the page: `/` and Ctrl/Cmd+K go to the search field, Escape
//! drops the search, ← and → go to the previous and the next section.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::dom;

/// Which shortcut a key press is, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    Focus,
    Escape,
    Previous,
    Next,
}

/// The modifier keys held with a key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Modifiers {
    pub ctrl_or_meta: bool,
    pub alt: bool,
    pub shift: bool,
}

impl Modifiers {
    fn none(self) -> bool {
        !self.ctrl_or_meta && !self.alt && !self.shift
    }
}

/// Reads a key press: `/` (unless focus is in a field, where it is typing), Ctrl+K or Cmd+K,
/// Escape, and the arrows ← and → alone outside a field (with Shift they select text, with
/// Alt they go back in history).
pub fn shortcut(key: &str, held: Modifiers, typing: bool) -> Option<Shortcut> {
    match key {
        "/" if !held.ctrl_or_meta && !held.alt && !typing => Some(Shortcut::Focus),
        "k" | "K" if held.ctrl_or_meta && !held.alt => Some(Shortcut::Focus),
        "Escape" => Some(Shortcut::Escape),
        "ArrowLeft" if held.none() && !typing => Some(Shortcut::Previous),
        "ArrowRight" if held.none() && !typing => Some(Shortcut::Next),
        _ => None,
    }
}

/// While `enabled`, listens for the shortcuts on the document and hands each to `on_key`,
/// which returns whether it handled it (then the browser's own handling, such as clearing a
/// search field or scrolling sideways, is prevented).
#[hook]
pub fn use_page_keys(enabled: bool, on_key: Callback<Shortcut, bool>) {
    let latest = use_mut_ref(|| on_key.clone());
    *latest.borrow_mut() = on_key;
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled.then(dom::document).flatten().map(|document| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&document, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                let held = Modifiers {
                    ctrl_or_meta: event.ctrl_key() || event.meta_key(),
                    alt: event.alt_key(),
                    shift: event.shift_key(),
                };
                let found = shortcut(&event.key(), held, dom::typing_somewhere());
                if let Some(found) = found {
                    if latest.borrow().emit(found) {
                        event.prevent_default();
                    }
                }
            })
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers {
        ctrl_or_meta: false,
        alt: false,
        shift: false,
    };
    const CTRL: Modifiers = Modifiers {
        ctrl_or_meta: true,
        ..NONE
    };

    #[test]
    fn reads_search_shortcuts() {
        assert_eq!(shortcut("/", NONE, false), Some(Shortcut::Focus));
        assert_eq!(shortcut("/", NONE, true), None, "typing a slash");
        assert_eq!(shortcut("k", CTRL, true), Some(Shortcut::Focus));
        assert_eq!(shortcut("K", CTRL, false), Some(Shortcut::Focus));
        assert_eq!(shortcut("k", NONE, false), None);
        let ctrl_alt = Modifiers { alt: true, ..CTRL };
        assert_eq!(shortcut("k", ctrl_alt, false), None);
        assert_eq!(shortcut("Escape", NONE, true), Some(Shortcut::Escape));
        assert_eq!(shortcut("a", NONE, false), None);
    }

    #[test]
    fn reads_arrows_only_alone_and_outside_fields() {
        assert_eq!(shortcut("ArrowLeft", NONE, false), Some(Shortcut::Previous));
        assert_eq!(shortcut("ArrowRight", NONE, false), Some(Shortcut::Next));
        assert_eq!(
            shortcut("ArrowRight", NONE, true),
            None,
            "moving in a field"
        );
        for held in [
            CTRL,
            Modifiers { alt: true, ..NONE },
            Modifiers {
                shift: true,
                ..NONE
            },
        ] {
            assert_eq!(shortcut("ArrowLeft", held, false), None, "{held:?}");
            assert_eq!(shortcut("ArrowRight", held, false), None, "{held:?}");
        }
        assert_eq!(shortcut("ArrowUp", NONE, false), None);
    }
}
