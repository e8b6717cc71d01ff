//! The button that switches between the light and the dark theme.

use yew::prelude::*;

use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct ThemeToggleProps {
    pub theme: Theme,
    pub on_toggle: Callback<()>,
}

/// A toggle button: pressed means dark.
#[component]
pub fn ThemeToggle(props: &ThemeToggleProps) -> Html {
    let dark = props.theme == Theme::Dark;
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button
            type="button"
            class="theme-toggle"
            data-action="theme"
            aria-label="Toggle dark theme"
            aria-pressed={if dark { "true" } else { "false" }}
            title={if dark { "Switch to the light theme" } else { "Switch to the dark theme" }}
            {onclick}
        >
            <span class="icon" aria-hidden="true">{ if dark { "☀" } else { "☾" } }</span>
        </button>
    }
}
