//! The button that switches between the light and the dark theme.

use yew::prelude::*;

use crate::state::Theme;

/// A toggle button showing `theme`: pressed means dark.
pub fn theme_toggle(theme: Theme, on_toggle: &Callback<()>) -> Html {
    let dark = theme == Theme::Dark;
    let onclick = on_toggle.reform(|_: MouseEvent| ());
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
