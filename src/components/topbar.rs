//! The sticky bar at the top: the contents button (narrow screens), the name of the app, the
//! title of the document being read and the theme toggle.

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
                { "Contents" }
            </button>
            <a class="brand" href="#/">{ "folio" }</a>
            <span class="topbar-title">{ props.title.clone() }</span>
            <ThemeToggle theme={props.theme} on_toggle={props.on_toggle_theme.clone()} />
        </div>
    }
}
