//! Where a route leads in the corpus: a document, maybe one of its sections, and a notice
//! when the route names something that is not there.

use folio_core::Corpus;

use crate::route::Route;

/// What a route shows: a document, maybe a section of it, and a notice when the route named
/// something that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub section: Option<usize>,
    pub notice: Option<String>,
}

/// Resolves a route against the corpus, falling back to the first document (or the top of the
/// named document) with a notice.
pub fn resolve(corpus: &Corpus, route: &Route) -> Place {
    let Some(doc_id) = &route.doc else {
        return Place {
            doc: 0,
            section: None,
            notice: None,
        };
    };
    let Some(doc) = corpus.documents.iter().position(|d| &d.id == doc_id) else {
        return Place {
            doc: 0,
            section: None,
            notice: Some(format!(
                "There is no document “{doc_id}” here; showing the first document."
            )),
        };
    };
    let Some(section_id) = &route.section else {
        return Place {
            doc,
            section: None,
            notice: None,
        };
    };
    match corpus.documents[doc]
        .sections
        .iter()
        .position(|s| &s.id == section_id)
    {
        Some(section) => Place {
            doc,
            section: Some(section),
            notice: None,
        },
        None => Place {
            doc,
            section: None,
            notice: Some(format!(
                "This document has no section “{section_id}”; showing its beginning."
            )),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Corpus {
        use folio_core::{Document, Metadata, Section, SourceFormat};
        let doc = |id: &str| Document {
            id: id.into(),
            title: id.to_uppercase(),
            source: String::new(),
            format: SourceFormat::Text,
            meta: Metadata::default(),
            header: vec![],
            sections: vec![Section {
                id: "s".into(),
                title: "S".into(),
                level: 1,
                untitled: false,
                blocks: vec![],
            }],
            footer: vec![],
        };
        Corpus {
            documents: vec![doc("a"), doc("b")],
        }
    }

    #[test]
    fn resolves_known_and_unknown_places() {
        let corpus = corpus();
        let at = |route: Route| {
            let p = resolve(&corpus, &route);
            (p.doc, p.section, p.notice.is_some())
        };
        assert_eq!(at(Route::default()), (0, None, false));
        assert_eq!(at(Route::document("b")), (1, None, false));
        assert_eq!(at(Route::section("b", "s")), (1, Some(0), false));
        assert_eq!(at(Route::section("b", "nope")), (1, None, true));
        assert_eq!(at(Route::document("nope")), (0, None, true));
    }
}
