//! Follows the URL hash: reports a new [`Route`] whenever the address changes through a link,
//! back/forward or a typed URL. Where the host keeps the address in memory (a frame, a guest
//! on a host page), follows the links taken in memory instead.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::dom;
use crate::embed::Host;
use crate::route::Route;

/// Calls `on_route` with the route of the hash after each `hashchange` or `popstate`. Hashes
/// that are not routes (plain in-page anchors) are ignored. One address change fires both
/// events, so an event for the hash just handled (within 100 ms) is dropped.
#[hook]
pub fn use_hash_route(host: Host, on_route: Callback<Route>) {
    let latest = use_mut_ref(|| on_route.clone());
    *latest.borrow_mut() = on_route;
    use_effect_with((), move |_| {
        let in_memory = {
            let latest = latest.clone();
            host.listen(Callback::from(move |route| latest.borrow().emit(route)))
        };
        let last = RefCell::new((String::new(), 0.0_f64));
        let here = host.clone();
        let handle = Rc::new(move |_: &web_sys::Event| {
            here.forget_address();
            let hash = dom::location_hash();
            let now = dom::now();
            {
                let (last_hash, last_time) = &*last.borrow();
                if *last_hash == hash && now - last_time < 100.0 {
                    return;
                }
            }
            last.replace((hash.clone(), now));
            if let Some(route) = Route::parse(&hash) {
                latest.borrow().emit(route);
            }
        });
        let listeners = in_memory
            .is_none()
            .then(dom::window)
            .flatten()
            .map(|window| {
                let on_popstate = handle.clone();
                [
                    EventListener::new(&window, "hashchange", move |e| handle(e)),
                    EventListener::new(&window, "popstate", move |e| on_popstate(e)),
                ]
            });
        move || drop(listeners)
    });
}
