//! The app's components, one per file, each with its props beside it, and the views that need
//! no state of their own, as plain functions.

use yew::AttrValue;

pub mod article;
pub mod block;
pub mod copy_link;
pub mod doc_header;
pub mod pager;
pub mod results;
pub mod search_box;
pub mod theme_toggle;
pub mod toc;
pub mod topbar;
pub mod topic_panel;
pub mod topic_tags;

/// A class attribute: `base` and those of `modifiers` that are given.
pub fn class_list(base: &'static str, modifiers: &[Option<&'static str>]) -> AttrValue {
    if modifiers.iter().all(Option::is_none) {
        return AttrValue::Static(base);
    }
    let mut list = String::from(base);
    for modifier in modifiers.iter().flatten() {
        list.push(' ');
        list.push_str(modifier);
    }
    AttrValue::from(list)
}
