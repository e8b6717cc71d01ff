//! The app's components, one per file, each with its props beside it.

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
