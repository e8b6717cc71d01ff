//! The app: decodes the embedded corpus once and renders an explorer over it, with its host, or
//! says why it cannot. The explorer is the root component: a component above it only to hand
//! over the corpus would cost the WASM Yew's machinery for one more component.

use std::cell::OnceCell;

use web_sys::Element;
use yew::{AppHandle, Renderer};

use crate::corpus::{self, Loaded};
use crate::dom;
use crate::embed::Host;
use crate::explorer::{Explorer, ExplorerProps};

thread_local! {
    /// The embedded corpus, decoded on first use; every explorer on the page shares it.
    static LOADED: OnceCell<Result<Loaded, String>> = const { OnceCell::new() };
}

/// Renders an explorer over the embedded corpus into `root` (the page's body when `None`), or,
/// when the corpus cannot be read, a message saying why. The handle of the explorer, if any.
pub fn render(root: Option<Element>, host: Host) -> Option<AppHandle<Explorer>> {
    match LOADED.with(|cell| cell.get_or_init(corpus::load).clone()) {
        Ok(loaded) => {
            let props = ExplorerProps { loaded, host };
            Some(match root {
                Some(root) => Renderer::<Explorer>::with_root_and_props(root, props).render(),
                None => Renderer::<Explorer>::with_props(props).render(),
            })
        }
        Err(message) => {
            show_error(root, &message);
            None
        }
    }
}

/// Says in `root` (the page's body when `None`) that the corpus cannot be shown, and why. The
/// message is set as text.
pub fn show_error(root: Option<Element>, message: &str) {
    let Some(document) = dom::document() else {
        return;
    };
    let Some(parent) = root.or_else(|| document.body().map(Element::from)) else {
        return;
    };
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    let (Some(main), Some(title), Some(alert)) = (
        element("main", ""),
        element("h1", "This corpus cannot be shown"),
        element(
            "p",
            &format!("The embedded corpus could not be read: {message}."),
        ),
    ) else {
        return;
    };
    main.set_id("content");
    main.set_class_name("load-error");
    let _ = alert.set_attribute("role", "alert");
    let _ = main.append_with_node_2(&title, &alert);
    let _ = parent.append_child(&main);
}
