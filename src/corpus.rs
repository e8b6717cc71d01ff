//! The corpus, its topics and its search index, embedded at build time and decoded once when
//! the app starts. Without the `search` feature the index is empty.

use std::rc::Rc;

use folio_core::index::SearchIndex;
use folio_core::search::Searcher;
use folio_core::topics::Topics;
use folio_core::Corpus;

/// The blob written by the build script from the data folder.
static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.folio"));

/// The decoded blob: the documents, their topics and the index that searches them.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub corpus: Rc<Corpus>,
    pub index: Rc<SearchIndex>,
    pub topics: Rc<Topics>,
}

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.corpus, &other.corpus)
            && Rc::ptr_eq(&self.index, &other.index)
            && Rc::ptr_eq(&self.topics, &other.topics)
    }
}

/// Decodes the embedded blob. The error is a sentence fit to show to the reader.
pub fn load() -> Result<Loaded, String> {
    decode(BLOB)
}

/// Decodes a blob into a corpus that has at least one document and an index that can be
/// searched: in a build with search, the index's postings are rebuilt and checked here.
pub fn decode(bytes: &[u8]) -> Result<Loaded, String> {
    let bundle = folio_core::format::decode(bytes).map_err(|e| e.to_string())?;
    if bundle.corpus.documents.is_empty() {
        return Err("the corpus holds no documents".into());
    }
    if crate::search::ENABLED && Searcher::new(&bundle.corpus, &bundle.index).is_none() {
        return Err("its search index is damaged".into());
    }
    Ok(Loaded {
        corpus: Rc::new(bundle.corpus),
        index: Rc::new(bundle.index),
        topics: Rc::new(bundle.topics),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_corpus_decodes() {
        let loaded = load().expect("the embedded blob decodes");
        assert!(!loaded.corpus.documents.is_empty());
        assert_eq!(loaded.index.is_empty(), !crate::search::ENABLED);
        if crate::search::ENABLED {
            assert_eq!(loaded.index.prepare(), Ok(()));
        }
        assert!(
            loaded.topics.topics.iter().any(|t| t.id == "ptcl"),
            "the topics come with the corpus"
        );
    }

    #[test]
    fn garbage_gives_a_message_not_a_panic() {
        let err = decode(b"not a blob").unwrap_err();
        assert!(err.contains("blob"), "{err}");
    }
}
