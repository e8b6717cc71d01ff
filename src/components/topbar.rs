//! The sticky bar at the top: the contents button (narrow screens), the name of the app, the
//! title of the document being read, the search field and the theme toggle.

use yew::prelude::*;

use crate::components::theme_toggle::theme_toggle;
use crate::state::Theme;

/// What the bar shows, and what its buttons do.
pub struct Topbar {
    pub title: AttrValue,
    pub toc_open: bool,
    pub theme: Theme,
    pub on_toggle_toc: Callback<()>,
    pub on_toggle_theme: Callback<()>,
    /// Shown before the theme toggle: the search field, if any.
    pub search: Html,
}

/// The bar.
pub fn topbar(props: Topbar) -> Html {
    let on_toc = props.on_toggle_toc.reform(|_: MouseEvent| ());
    html! {
        <div class="topbar" role="banner">
            <button
                type="button"
                class="toc-toggle"
                aria-controls="toc"
                aria-expanded={if props.toc_open { "true" } else { "false" }}
                onclick={on_toc}
            >
                <span class="icon" aria-hidden="true">{ "☰" }</span>
                <span class="toc-label">{ "Contents" }</span>
            </button>
            <a class="brand" href="#/">{ "folio" }</a>
            <span class="topbar-title">{ props.title.clone() }</span>
            { props.search }
            { theme_toggle(props.theme, &props.on_toggle_theme) }
        </div>
    }
}
