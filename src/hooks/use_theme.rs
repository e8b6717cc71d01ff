//! Keeps `<html data-theme>` and the stored choice in step with the theme, and reports changes
//! of the system colour scheme.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::dom;
use crate::state::Theme;

/// Applies `theme` to the page and, when the reader `chosen` it, remembers it. Calls
/// `on_system` when the system switches between light and dark. A guest on a host page
/// leaves the page's `<html>` and the stored choice alone: its root carries the theme.
#[hook]
pub fn use_theme(owns_page: bool, theme: Theme, chosen: bool, on_system: Callback<Theme>) {
    use_effect_with((theme, chosen), move |&(theme, chosen)| {
        if !owns_page {
            return;
        }
        dom::apply_theme(theme);
        if chosen {
            dom::store_theme(theme);
        }
    });
    let latest = use_mut_ref(|| on_system.clone());
    *latest.borrow_mut() = on_system;
    use_effect_with((), move |_| {
        let listener = dom::dark_scheme_query().map(|query| {
            EventListener::new(&query, "change", move |_| {
                latest.borrow().emit(dom::system_theme());
            })
        });
        move || drop(listener)
    });
}
