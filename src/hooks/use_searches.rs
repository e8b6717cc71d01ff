//! The searches behind a render: the topic filter, the results of the query in the field
//! within it, each topic's count, and the results whose words are marked in the place being
//! read. Each is worked out again only when what it depends on changes.

use std::rc::Rc;

use folio_core::search::SearchResults;
use yew::prelude::*;

use crate::corpus::Loaded;
use crate::dom;
use crate::search::{self, Highlights};
use crate::topics::{self, Filter};

/// What [`use_searches`] found.
pub struct Searches {
    /// The active topics and the sections they leave.
    pub filter: Rc<Filter>,
    /// The results of the query in the field, within the topic filter.
    pub found: Rc<SearchResults>,
    /// Each topic's count: under the filter, and among the query's sections when there is one.
    pub counts: Rc<Vec<u32>>,
    /// The results of the address's query, and their marks in the document being read.
    pub marked: Rc<(Rc<SearchResults>, Option<Rc<Highlights>>)>,
}

/// The searches for the topics `topic_ids`, the query in the field `query`, and the query of
/// the address `place_query` marked in document `doc`.
#[hook]
pub fn use_searches(
    loaded: &Loaded,
    topic_ids: &[String],
    query: &str,
    place_query: &str,
    doc: usize,
) -> Searches {
    // Every section's tags (once), and what the active topics leave.
    let tags = {
        let topics = loaded.topics.clone();
        use_memo((), move |_| Rc::new(topics::section_tags(&topics)))
    };
    let filter = {
        let topics = loaded.topics.clone();
        let tags = (*tags).clone();
        use_memo(topic_ids.to_vec(), move |ids| {
            Rc::new(Filter::new(topics, tags, ids))
        })
    };
    let filter: Rc<Filter> = (*filter).clone();

    // The results within the topic filter, with every section the query matches regardless of
    // the filter (for the topic counts).
    let searched = {
        let loaded = loaded.clone();
        use_memo(
            (query.to_string(), filter.clone()),
            move |(query, filter)| {
                let found = dom::timed("folio-search", || {
                    search::run_within(&loaded.corpus, &loaded.index, query, filter.allowed.clone())
                });
                let matching = match filter.allowed {
                    None => found.matching.clone(),
                    Some(_) => search::matching(&loaded.corpus, &loaded.index, query),
                };
                (Rc::new(found), matching)
            },
        )
    };
    let found = searched.0.clone();
    let counts = {
        let searched = searched.clone();
        use_memo(
            (filter.clone(), query.to_string()),
            move |(filter, query)| {
                let matching =
                    (search::ENABLED && !query.trim().is_empty()).then_some(searched.1.as_slice());
                topics::counts(&filter.topics, &filter.active, matching)
            },
        )
    };
    // The address's query is usually the one in the field (a result just opened): without a
    // topic filter its results are those already found, and it is not searched twice.
    let marked = {
        let loaded = loaded.clone();
        let found = (query == place_query && filter.allowed.is_none()).then(|| found.clone());
        use_memo((place_query.to_string(), doc), move |(query, doc)| {
            let results =
                found.unwrap_or_else(|| Rc::new(search::run(&loaded.corpus, &loaded.index, query)));
            let highlights = Highlights::of(&results, *doc);
            (
                results,
                (!highlights.is_empty()).then(|| Rc::new(highlights)),
            )
        })
    };
    Searches {
        filter,
        found,
        counts,
        marked,
    }
}
