//! Hooks that connect the app's state to the browser: the address, scrolling, keys and the
//! theme.

pub mod use_escape_key;
pub mod use_hash_route;
pub mod use_host_link;
pub mod use_page_keys;
pub mod use_scroll_spy;
pub mod use_scroll_to_place;
pub mod use_searches;
pub mod use_theme;
