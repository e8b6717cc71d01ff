//! The control that copies the address of a section to the clipboard.

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::dom;

#[derive(Properties, PartialEq)]
pub struct CopyLinkProps {
    /// The section's hash address, `#/d/<doc>/<section>`.
    pub hash: AttrValue,
}

#[derive(Debug, Clone, PartialEq)]
enum Copy {
    Idle,
    Copied,
    /// The clipboard refused; the address is shown, selected, for the reader to copy.
    Refused(String),
}

/// A button that copies the section's absolute address, with brief feedback. When the
/// clipboard is not available or refuses, the address is shown in a selected field instead.
#[component]
pub fn CopyLink(props: &CopyLinkProps) -> Html {
    let state = use_state(|| Copy::Idle);
    let field = use_node_ref();

    let onclick = {
        let state = state.clone();
        let hash = props.hash.clone();
        Callback::from(move |_: MouseEvent| {
            let url = format!("{}{}", dom::page_url(), hash);
            copy_text(url, state.setter());
        })
    };
    {
        let state = state.clone();
        let field = field.clone();
        use_effect_with((*state).clone(), move |copy| {
            let timer = match copy {
                Copy::Copied => Some(gloo::timers::callback::Timeout::new(2000, move || {
                    state.set(Copy::Idle)
                })),
                Copy::Refused(_) => {
                    if let Some(input) = field.cast::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                    None
                }
                Copy::Idle => None,
            };
            move || drop(timer)
        });
    }
    let onblur = {
        let state = state.clone();
        Callback::from(move |_: FocusEvent| state.set(Copy::Idle))
    };

    let status = match &*state {
        Copy::Idle => "",
        Copy::Copied => "Copied",
        Copy::Refused(_) => "Copy the link below",
    };
    html! {
        <>
            <button
                type="button"
                class="copy-link"
                aria-label="Copy link to this section"
                title="Copy link to this section"
                {onclick}
            >
                <span aria-hidden="true">{ if *state == Copy::Copied { "✓" } else { "#" } }</span>
            </button>
            <span class="copy-status" role="status">{ status }</span>
            if let Copy::Refused(url) = &*state {
                <input
                    ref={field}
                    class="copy-fallback"
                    type="text"
                    readonly=true
                    value={url.clone()}
                    aria-label="Link to this section"
                    {onblur}
                />
            }
        </>
    }
}

/// Writes `url` to the clipboard and reports the outcome through `set`. Never throws: a
/// missing clipboard or a refused write ends in [`Copy::Refused`].
fn copy_text(url: String, set: UseStateSetter<Copy>) {
    let clipboard = dom::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("clipboard")).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        set.set(Copy::Refused(url));
        return;
    };
    let clipboard: web_sys::Clipboard = wasm_bindgen::JsCast::unchecked_into(clipboard);
    let promise = clipboard.write_text(&url);
    yew::platform::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(_) => set.set(Copy::Copied),
            Err(_) => set.set(Copy::Refused(url)),
        }
    });
}
