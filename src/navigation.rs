//! How the reader moves: in-app links (which keep the topic filter and close the drawer),
//! links followed in memory where the explorer does not own the address, a new topic filter,
//! and commands from a host page.

use yew::prelude::*;

use crate::embed::{Command, Host};
use crate::route::Route;
use crate::state::{Action, State};
use crate::{dom, search};

/// Shows the topic filter `ids` where the reader is, as a new history entry.
pub fn set_topics(
    dispatch: &UseReducerDispatcher<State>,
    host: &Host,
    reading: &Route,
    ids: Vec<String>,
) {
    let here = Route::parse(&host.hash()).unwrap_or_else(|| reading.clone());
    host.push(&here.with_topics(&ids).to_hash());
    dispatch.dispatch(Action::Topics(ids));
}

/// Handles a click on an in-app link. A link without topics keeps the active topic filter.
/// Following a link to the address already shown fires no `hashchange`, so that case
/// navigates directly (back to the start of the section). Every followed link closes the
/// contents drawer.
pub fn follow_link(
    event: &MouseEvent,
    dispatch: &UseReducerDispatcher<State>,
    topics: &[String],
    host: &Host,
) {
    // The address typed last reaches the URL before the link's own.
    host.flush();
    if event.button() != 0 || event.ctrl_key() || event.meta_key() || event.shift_key() {
        return;
    }
    let Some(link) = dom::event_closest(event, "a[href^='#/']") else {
        return;
    };
    // A reference to a note scrolls to the note in the page, leaving a history entry to come
    // back by; the scroll spy then puts the note's section in the address.
    if let Some(note) = note_of(&link) {
        event.prevent_default();
        host.push(&host.hash());
        dom::scroll_to(&note);
        dom::focus_quietly(&note);
        dispatch.dispatch(Action::CloseToc);
        return;
    }
    let mut href = link.get_attribute("href").unwrap_or_default();
    let mut route = Route::parse(&href);
    if let Some(route) = route
        .as_mut()
        .filter(|r| r.topics.is_empty() && !topics.is_empty())
    {
        route.topics = topics.to_vec();
        href = route.to_hash();
        if href != host.hash() {
            event.prevent_default();
            host.follow(&href);
        }
    }
    if href == host.hash() {
        event.prevent_default();
        if let Some(route) = route {
            dispatch.dispatch(Action::Navigate(route));
        }
    }
    dispatch.dispatch(Action::CloseToc);
}

/// The note a reference (a link in `sup.note-ref`) leads to, in the document shown: the item
/// of a list of notes whose label is the link's text, matched without regard to ASCII case. A
/// label that differs otherwise, or holds a quote or a backslash, still leads to the note's
/// section, as a plain link.
fn note_of(link: &web_sys::Element) -> Option<web_sys::Element> {
    if !link.matches(".note-ref > a").unwrap_or(false) {
        return None;
    }
    let label = link.text_content()?;
    if label.contains(['"', '\\']) {
        return None;
    }
    link.closest("article")
        .ok()??
        .query_selector(&format!("li[data-note=\"{label}\" i]"))
        .ok()?
}

/// Where the address lives in memory (a frame, a guest on a host page), follows any in-app
/// link not handled yet without letting it reach the URL.
pub fn keep_link_in_memory(event: &MouseEvent, host: &Host) {
    if !host.in_memory() || event.default_prevented() {
        return;
    }
    let href =
        dom::event_closest(event, "a[href^='#']").and_then(|link| link.get_attribute("href"));
    if let Some(href) = href {
        event.prevent_default();
        if Route::parse(&href).is_some() {
            host.follow(&href);
        }
    }
}

/// Carries out a host's command: a place to open, a query to search, topics to filter by.
pub fn obey(command: Command, host: &Host, dispatch: &UseReducerDispatcher<State>, here: &Route) {
    let route = match command {
        Command::Open { doc, section } => Route {
            doc: Some(doc),
            section,
            ..Route::default()
        },
        Command::Search(query) if search::ENABLED => Route::search(&query),
        Command::Search(_) => return,
        Command::Topics(ids) => here.clone().with_topics(&ids),
    };
    host.replace(&route.to_hash());
    dispatch.dispatch(Action::Navigate(route));
}
