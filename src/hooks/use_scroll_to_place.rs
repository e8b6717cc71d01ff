//! Brings the place the address names into view after each navigation.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::dom;

/// How long (ms) after the app scrolls the scroll spy ignores scroll events, which are the
/// app's own and not the reader's.
const QUIET_MS: f64 = 250.0;

/// After the render that follows a navigation (`visits` counts them), scrolls the element
/// `target` (a section's element id) to the top, or the page to its top when there is no target,
/// and moves keyboard focus to the section heading (or the title). On the first render the
/// page stays at the top unless the address names a section, and focus is left alone. Sets
/// `quiet_until` so that the scroll spy does not mistake this scrolling for reading.
#[hook]
pub fn use_scroll_to_place(
    visits: u32,
    doc: usize,
    target: Option<String>,
    quiet_until: Rc<RefCell<f64>>,
) {
    use_effect_with((visits, doc, target), move |(visits, _, target)| {
        *quiet_until.borrow_mut() = dom::now() + QUIET_MS;
        let found = target.as_deref().is_some_and(dom::scroll_to_element);
        if *visits == 0 {
            return;
        }
        let heading = target
            .as_deref()
            .filter(|_| found)
            .and_then(dom::element_by_id)
            .and_then(|section| section.first_element_child());
        let focus = heading.or_else(|| {
            dom::scroll_to_top();
            dom::document()?.query_selector("main h1").ok()?
        });
        if let Some(element) = focus {
            dom::focus_quietly(&element);
        }
    });
}
