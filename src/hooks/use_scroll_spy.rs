//! The scroll spy: as the reader scrolls, finds the section being read.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::dom;
use crate::embed::Host;

/// How far down the viewport the reading line sits, as a fraction of its height.
pub const READING_LINE: f64 = 0.25;

/// Milliseconds between two measurements while scrolling.
const THROTTLE_MS: u32 = 100;

/// The section being read, given the tops of the sections (viewport coordinates, in document
/// order): the last one that starts above the reading line. At the very bottom of a scrolled
/// page the last section that shows wins, since a short last section may never reach the line.
pub fn section_at(tops: &[f64], line: f64, viewport: f64, at_bottom: bool) -> Option<usize> {
    if tops.is_empty() {
        return None;
    }
    if at_bottom {
        if let Some(i) = tops.iter().rposition(|&top| top < viewport) {
            return Some(i);
        }
    }
    Some(tops.iter().rposition(|&top| top <= line).unwrap_or(0))
}

/// Watches scrolling over the sections of the document `doc` and calls `on_read` with the id of
/// the section being read whenever it differs from `current`. Scroll events before the time in
/// `quiet_until` (ms) are the app's own and are ignored.
#[hook]
pub fn use_scroll_spy(
    doc: AttrValue,
    current: Option<String>,
    quiet_until: Rc<RefCell<f64>>,
    on_read: Callback<String>,
    host: Host,
) {
    let latest = use_mut_ref(|| (current.clone(), on_read.clone()));
    *latest.borrow_mut() = (current, on_read);
    use_effect_with(doc, move |_| {
        let pending: Rc<RefCell<Option<Timeout>>> = Rc::default();
        let measure = move || {
            if dom::now() < *quiet_until.borrow() {
                return;
            }
            if let Some(id) = measure_current(&host) {
                let (current, on_read) = &*latest.borrow();
                if current.as_deref() != Some(id.as_str()) {
                    on_read.emit(id);
                }
            }
        };
        let measure = Rc::new(measure);
        let listener = dom::window().map(|window| {
            // gloo listeners are passive unless asked otherwise.
            EventListener::new(&window, "scroll", move |_| {
                if pending.borrow().is_some() {
                    return;
                }
                let pending_done = pending.clone();
                let measure = measure.clone();
                pending.replace(Some(Timeout::new(THROTTLE_MS, move || {
                    pending_done.replace(None);
                    measure();
                })));
            })
        });
        move || drop(listener)
    });
}

/// Measures the sections in the reading pane and returns the id of the one being read.
fn measure_current(host: &Host) -> Option<String> {
    let window = dom::window()?;
    let document = window.document()?;
    let sections = host.query_all("main section[data-section]");
    let tops: Vec<f64> = sections
        .iter()
        .map(|s| s.get_bounding_client_rect().top())
        .collect();
    // The part on screen: the window, or the part of a frame its host shows.
    let (top, visible) = dom::visible_area()?;
    let scrolled = window.scroll_y().unwrap_or(0.0) + top;
    let height = document.document_element()?.scroll_height() as f64;
    let at_bottom = scrolled > 0.0 && scrolled + visible >= height - 2.0;
    let line = top + visible * READING_LINE;
    let index = section_at(&tops, line, top + visible, at_bottom)?;
    sections[index].get_attribute("data-section")
}

#[cfg(test)]
mod tests {
    use super::section_at;

    #[test]
    fn picks_the_last_section_above_the_line() {
        let tops = [-900.0, -100.0, 150.0, 700.0];
        assert_eq!(section_at(&tops, 200.0, 800.0, false), Some(2));
        assert_eq!(section_at(&tops, 100.0, 800.0, false), Some(1));
    }

    #[test]
    fn before_the_first_section_is_the_first_section() {
        assert_eq!(section_at(&[300.0, 900.0], 200.0, 800.0, false), Some(0));
        assert_eq!(section_at(&[], 200.0, 800.0, false), None);
    }

    #[test]
    fn at_the_bottom_the_last_visible_section_wins() {
        let tops = [-900.0, 100.0, 600.0, 900.0];
        assert_eq!(section_at(&tops, 200.0, 800.0, true), Some(2));
        assert_eq!(section_at(&tops, 200.0, 800.0, false), Some(1));
    }
}
