//! Entry points for JavaScript. `assets/loader.js` calls `start` on folio's own page and in
//! `embed.html`; `mount.js` calls `mount` to render explorers into a host page's elements.

use wasm_bindgen::prelude::*;

use folio_app::embed::{self, Command};

/// Starts are explicit, so that a host page importing the module renders nothing by itself.
fn main() {}

/// Renders the explorer into the page body (in embed mode on `embed.html` or with `?embed`).
#[wasm_bindgen]
pub fn start() {
    embed::start_page();
}

/// Renders an explorer into `root`; see `assets/mount.js` for the options.
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) -> Explorer {
    Explorer(embed::mount(root, &options))
}

/// The handle of a mounted explorer.
#[wasm_bindgen]
pub struct Explorer(embed::Mounted);

#[wasm_bindgen]
impl Explorer {
    /// Opens a document, at a section when one is given.
    pub fn open(&self, doc: String, section: Option<String>) {
        self.0.send(Command::Open { doc, section });
    }

    /// Shows the results for `query` (in a build with search).
    pub fn search(&self, query: String) {
        self.0.send(Command::Search(query));
    }

    /// Filters by these topics.
    pub fn topics(&self, ids: Vec<String>) {
        self.0.send(Command::Topics(ids));
    }

    /// Removes the explorer from the page.
    pub fn destroy(&mut self) {
        self.0.destroy();
    }
}
