//! folio-app: the reading interface over the embedded corpus, as a library so that the
//! browser tests in `tests/` can render its components.

pub mod app;
pub mod components;
pub mod corpus;
pub mod dom;
pub mod embed;
pub mod explorer;
pub mod hooks;
pub mod navigation;
pub mod outline;
pub mod place;
pub mod route;
pub mod search;
pub mod state;
pub mod topics;

pub use route::Route;
