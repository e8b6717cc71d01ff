//! Brings the place the address names into view after each navigation.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::dom;
use crate::embed::Host;

/// How long (ms) after the app scrolls the scroll spy ignores scroll events, which are the
/// app's own and not the reader's.
const QUIET_MS: f64 = 250.0;

/// Where to scroll: a section's element, and maybe one of its leaf blocks (`data-block`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The element id of the section.
    pub section: String,
    /// The leaf block to show instead of the section's start.
    pub block: Option<usize>,
}

/// After the render that follows a navigation (`visits` counts them), scrolls `target` to the
/// top (the block when there is one, else the section), or the page to its top when there is
/// no target, and moves keyboard focus to the section heading (or the title). On the first
/// render the page stays at the top unless the address names a place, and focus is left alone.
/// Whenever it scrolls, sets `quiet_until` so that the scroll spy does not mistake this
/// scrolling for reading.
#[hook]
pub fn use_scroll_to_place(
    visits: u32,
    doc: usize,
    target: Option<Target>,
    quiet_until: Rc<RefCell<f64>>,
    host: Host,
) {
    // Only a navigation scrolls: a target that changes without one (a search cleared in place)
    // leaves the reader where they are.
    use_effect_with((visits, doc), move |(visits, _)| {
        let section = target.as_ref().and_then(|t| host.element_by_id(&t.section));
        let block = target.as_ref().and_then(|t| {
            let n = t.block?;
            section
                .as_ref()?
                .query_selector(&format!("[data-block='{n}']"))
                .ok()?
        });
        // Only scrolling of the app's own silences the spy: a first page that stays where it is
        // must not swallow the reader's first scroll.
        let quiet = || *quiet_until.borrow_mut() = dom::now() + QUIET_MS;
        match block.as_ref().or(section.as_ref()) {
            Some(element) => {
                quiet();
                dom::scroll_to(element);
            }
            None if *visits > 0 && host.owns_page() => {
                quiet();
                dom::scroll_to_top();
            }
            // A guest brings its own top into view, not the host page's.
            None if *visits > 0 => {
                if let Some(top) = host.query(".topbar") {
                    quiet();
                    dom::scroll_to(&top);
                }
            }
            None => {}
        }
        if *visits == 0 {
            return;
        }
        let focus = section
            .and_then(|s| s.first_element_child())
            .or_else(|| host.query("main h1"));
        if let Some(element) = focus {
            dom::focus_quietly(&element);
        }
    });
}
