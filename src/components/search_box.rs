//! The search field in the top bar, with a popover that explains the query syntax.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::class_list;

/// The id of the search field, which shortcuts focus.
pub const FIELD_ID: &str = "search";
/// The id of the list of results the field controls.
pub const LIST_ID: &str = "search-results";

/// What the search box shows and whom it tells.
pub struct SearchBox {
    /// The text in the field.
    pub value: AttrValue,
    /// Whether the list of results is shown.
    pub expanded: bool,
    /// The element id of the result the keyboard is on.
    pub active: Option<AttrValue>,
    pub on_input: Callback<String>,
    /// Key presses in the field (arrows and Enter move through and open the results).
    pub on_keydown: Callback<KeyboardEvent>,
}

/// A `search` landmark holding the field (a combobox over the list of results) and the syntax
/// help. On narrow screens the field folds to an icon until it is focused or holds a query. A
/// function rather than a component: it has no state, and a component costs the WASM Yew's
/// machinery for it.
pub fn search_box(props: SearchBox) -> Html {
    let oninput = props.on_input.reform(|event: InputEvent| {
        event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|input| input.value())
            .unwrap_or_default()
    });
    let onkeydown = props.on_keydown.clone();
    // The help closes when focus leaves it, so it never hides the results for long. (Yew
    // delegates events, so the help is found from the element that lost focus.)
    let onfocusout = Callback::from(move |event: FocusEvent| {
        let Some(details) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|from| from.closest("details").ok().flatten())
        else {
            return;
        };
        let inside = event
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|node| details.contains(Some(&node)));
        if !inside {
            let _ = details.remove_attribute("open");
        }
    });
    let filled = !props.value.is_empty();
    html! {
        <div class={class_list("search", &[filled.then_some("filled")])} role="search">
            <input
                id={FIELD_ID}
                type="search"
                aria-label="Search"
                placeholder="Search (press /)"
                autocomplete="off"
                spellcheck="false"
                enterkeyhint="search"
                role="combobox"
                aria-autocomplete="list"
                aria-controls={LIST_ID}
                aria-expanded={if props.expanded { "true" } else { "false" }}
                aria-activedescendant={props.active.clone().filter(|_| props.expanded)}
                value={props.value.clone()}
                {oninput}
                {onkeydown}
            />
            <details class="search-help" {onfocusout}>
                <summary aria-label="How to search" title="How to search">
                    <span aria-hidden="true">{ "?" }</span>
                </summary>
                <div class="search-help-body">
                    <p class="search-help-title">{ "How to search" }</p>
                    <dl>
                        <dt>{ "words" }</dt>
                        <dd>
                            { "Sections with all the words rank first. A typo is forgiven in \
                               words of 5 or more letters (in the first letter, from 9 letters), \
                               and the last word matches as you type." }
                        </dd>
                        <dt><code>{ "\"exact phrase\"" }</code></dt>
                        <dd>{ "The words next to each other, in this order." }</dd>
                        <dt><code>{ "-word" }</code></dt>
                        <dd>
                            { "Leaves out sections with the word; " }
                            <code>{ "-\"a phrase\"" }</code>
                            { " leaves out a phrase." }
                        </dd>
                        <dt><kbd>{ "/" }</kbd>{ " or " }<kbd>{ "Ctrl" }</kbd>{ " " }<kbd>{ "K" }</kbd></dt>
                        <dd>{ "Goes to the search field." }</dd>
                        <dt><kbd>{ "↑" }</kbd>{ " " }<kbd>{ "↓" }</kbd>{ " " }<kbd>{ "Enter" }</kbd></dt>
                        <dd>{ "Picks a result and opens it." }</dd>
                        <dt><kbd>{ "Esc" }</kbd></dt>
                        <dd>{ "Clears the search and goes back to reading." }</dd>
                    </dl>
                </div>
            </details>
        </div>
    }
}
