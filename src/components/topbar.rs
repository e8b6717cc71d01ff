//! The sticky bar at the top: the contents button (narrow screens), the name of the app, the
//! title of the document being read, the search field (given as children) and the theme
//! toggle.

use yew::prelude::*;

use crate::components::theme_toggle::ThemeToggle;
use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct TopbarProps {
    pub title: AttrValue,
    pub toc_open: bool,
    pub theme: Theme,
    pub on_toggle_toc: Callback<()>,
    pub on_toggle_theme: Callback<()>,
    /// Shown before the theme toggle: the search field.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Topbar(props: &TopbarProps) -> Html {
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
            { props.children.clone() }
            <ThemeToggle theme={props.theme} on_toggle={props.on_toggle_theme.clone()} />
        </div>
    }
}
