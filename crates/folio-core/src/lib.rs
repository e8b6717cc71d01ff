//! folio-core: the pure-Rust heart of folio.
//!
//! Data flows one way: raw source files → [`ingest`] → [`model`] → [`format`] (bytes) → the app.
//! The crate touches no file system, network or browser API: callers hand it bytes and get
//! values back. The `ingest` feature holds everything that turns sources into a corpus; the app
//! builds without it and only reads.

pub mod error;
pub mod format;
pub(crate) mod hash;
pub mod index;
pub mod model;
pub mod search;
pub mod slug;
pub mod text;
pub mod topics;

#[cfg(feature = "ingest")]
pub mod ingest;

pub use error::{Error, Result};
pub use model::*;
