//! Pure navigation over the corpus: the nested table of contents, the reading order used by
//! prev/next, section addresses and which link targets are safe to follow.

use folio_core::Corpus;

/// One entry of the nested table of contents: a section index and the entries below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocNode {
    pub index: usize,
    pub children: Vec<TocNode>,
}

/// Nests sections by heading level. A section goes under the nearest earlier section of a
/// smaller level; a jump of several levels nests one step only.
pub fn nest(levels: &[u8]) -> Vec<TocNode> {
    fn build(levels: &[u8], pos: &mut usize, parent: u8) -> Vec<TocNode> {
        let mut out = Vec::new();
        while *pos < levels.len() && levels[*pos] > parent {
            let index = *pos;
            *pos += 1;
            let children = build(levels, pos, levels[index]);
            out.push(TocNode { index, children });
        }
        out
    }
    let mut pos = 0;
    let mut out = Vec::new();
    // Levels are at least 1, but a 0 must not stall the loop.
    while pos < levels.len() {
        let index = pos;
        pos += 1;
        let children = build(levels, &mut pos, levels[index]);
        out.push(TocNode { index, children });
    }
    out
}

/// A section's position in the corpus: document index and section index.
pub type Spot = (usize, usize);

/// The sections before and after `spot` in reading order, crossing document boundaries.
pub fn neighbours(corpus: &Corpus, spot: Spot) -> (Option<Spot>, Option<Spot>) {
    let (doc, sec) = spot;
    let docs = &corpus.documents;
    let prev = if sec > 0 {
        Some((doc, sec - 1))
    } else {
        (0..doc)
            .rev()
            .find(|&d| !docs[d].sections.is_empty())
            .map(|d| (d, docs[d].sections.len() - 1))
    };
    let next = if sec + 1 < docs.get(doc).map_or(0, |d| d.sections.len()) {
        Some((doc, sec + 1))
    } else {
        (doc + 1..docs.len())
            .find(|&d| !docs[d].sections.is_empty())
            .map(|d| (d, 0))
    };
    (prev, next)
}

/// The hash address of a document (`#/d/doc`) or one of its sections (`#/d/doc/sec`).
pub fn hash_of(doc: &str, section: Option<&str>) -> String {
    match section {
        Some(sec) => format!("#/d/{doc}/{sec}"),
        None => format!("#/d/{doc}"),
    }
}

/// The `id` attribute of a section element in the reading pane.
pub fn element_id(doc: &str, section: &str) -> String {
    format!("{doc}--{section}")
}

/// Whether a link from the corpus may become an `href`: http(s), mailto or a relative URL.
/// Anything else (`javascript:`, `data:`, …) is shown as text.
pub fn is_safe_href(href: &str) -> bool {
    let href = href.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control());
    if href.is_empty() || href.chars().any(|c| c.is_control()) {
        return false;
    }
    let lower = href.to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return true;
    }
    // A relative URL has no scheme: no colon before the first `/`, `?` or `#`.
    let head = lower.split(['/', '?', '#']).next().unwrap_or("");
    !head.contains(':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::{Document, Metadata, Section, SourceFormat};

    fn shape(nodes: &[TocNode]) -> String {
        nodes
            .iter()
            .map(|n| {
                if n.children.is_empty() {
                    n.index.to_string()
                } else {
                    format!("{}({})", n.index, shape(&n.children))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn nests_by_level() {
        assert_eq!(shape(&nest(&[1, 1, 1])), "0 1 2");
        assert_eq!(shape(&nest(&[1, 2, 3, 2, 1])), "0(1(2) 3) 4");
        assert_eq!(shape(&nest(&[2, 1, 2])), "0 1(2)");
        assert_eq!(shape(&nest(&[1, 3, 2])), "0(1 2)");
        assert_eq!(shape(&nest(&[0, 0])), "0 1");
        assert_eq!(shape(&nest(&[])), "");
    }

    fn doc(id: &str, sections: usize) -> Document {
        Document {
            id: id.into(),
            title: id.into(),
            source: format!("{id}.txt"),
            format: SourceFormat::Text,
            meta: Metadata::default(),
            header: vec![],
            sections: (0..sections)
                .map(|i| Section {
                    id: format!("s{i}"),
                    title: format!("S{i}"),
                    level: 1,
                    untitled: false,
                    blocks: vec![],
                })
                .collect(),
            footer: vec![],
        }
    }

    #[test]
    fn neighbours_cross_documents_and_skip_empty_ones() {
        let corpus = Corpus {
            documents: vec![doc("a", 2), doc("empty", 0), doc("b", 1)],
        };
        assert_eq!(neighbours(&corpus, (0, 0)), (None, Some((0, 1))));
        assert_eq!(neighbours(&corpus, (0, 1)), (Some((0, 0)), Some((2, 0))));
        assert_eq!(neighbours(&corpus, (2, 0)), (Some((0, 1)), None));
    }

    #[test]
    fn addresses() {
        assert_eq!(hash_of("a", Some("b")), "#/d/a/b");
        assert_eq!(hash_of("a", None), "#/d/a");
        assert_eq!(element_id("a", "b"), "a--b");
    }

    #[test]
    fn only_safe_links_become_hrefs() {
        for ok in [
            "https://example.org/x",
            "HTTP://EXAMPLE.ORG",
            "mailto:a@b.c",
            "page.html",
            "../up/page.html#frag",
            "/abs/path?q=a:b",
            "#anchor",
        ] {
            assert!(is_safe_href(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "ftp://example.org",
            "",
        ] {
            assert!(!is_safe_href(bad), "{bad}");
        }
    }
}
