//! The app: the component that decodes the corpus and hands it, with the host, to the
//! explorer.

use yew::prelude::*;

use crate::corpus;
use crate::embed::Host;
use crate::explorer::Explorer;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Where the app runs (see [`crate::embed`]); by default a page of its own.
    #[prop_or_default]
    pub host: Host,
}

/// The app: decodes the embedded corpus and shows it, or says why it cannot.
#[component]
pub fn App(props: &AppProps) -> Html {
    let loaded = use_memo((), |_| corpus::load());
    match &*loaded {
        Ok(loaded) => html! {
            <Explorer loaded={loaded.clone()} host={props.host.clone()} />
        },
        Err(message) => html! {
            <main id="content" class="load-error">
                <h1>{ "This corpus cannot be shown" }</h1>
                <p role="alert">{ format!("The embedded corpus could not be read: {message}.") }</p>
            </main>
        },
    }
}
