//! Search in the app: the engine run over the embedded index, and the pure helpers the views
//! need (results grouped by document, text cut into marked pieces, the block where a snippet
//! starts, the terms to highlight in a document being read).
//!
//! Search is built only with the `search` feature, which also embeds the index. Without it
//! [`ENABLED`] is false, the field is not shown, [`run`] finds nothing and the optimiser
//! drops the engine from the WASM.

use folio_core::index::SearchIndex;
use folio_core::search::query::parse;
use folio_core::search::{Hit, SearchOptions, SearchResults, Searcher};
use folio_core::{Alert, Block, Corpus};

/// Whether this build searches (the `search` feature).
pub const ENABLED: bool = cfg!(feature = "search");

/// At most this many results are listed; the count still says how many sections match.
pub const LIMIT: usize = 50;

/// Runs `query` as typed. A blank query, or any query in a build without search, finds nothing.
pub fn run(corpus: &Corpus, index: &SearchIndex, query: &str) -> SearchResults {
    run_within(corpus, index, query, None)
}

/// Runs `query` over the sections `within` (as sorted (document, section) indices; all when
/// `None`):
/// the sections a topic filter leaves.
pub fn run_within(
    corpus: &Corpus,
    index: &SearchIndex,
    query: &str,
    within: Option<Vec<(u32, u32)>>,
) -> SearchResults {
    if !ENABLED || query.trim().is_empty() {
        return SearchResults::default();
    }
    let options = SearchOptions {
        limit: LIMIT,
        within,
        ..SearchOptions::default()
    };
    Searcher::new(corpus, index)
        .map(|searcher| searcher.search(query, &options))
        .unwrap_or_default()
}

/// Every section `query` matches, with no results listed (no snippets made): what the topic
/// counts need when the listed results are kept to a topic filter.
pub fn matching(corpus: &Corpus, index: &SearchIndex, query: &str) -> Vec<(u32, u32)> {
    if !ENABLED || query.trim().is_empty() {
        return Vec::new();
    }
    let options = SearchOptions {
        limit: 0,
        ..SearchOptions::default()
    };
    Searcher::new(corpus, index)
        .map(|searcher| searcher.run(&parse(query), &options).matching)
        .unwrap_or_default()
}

/// The line above the results: how many sections match, and how many are listed when not all.
pub fn count_line(total: usize, shown: usize) -> String {
    let count = match total {
        1 => "1 section matches".to_string(),
        n => format!("{n} sections match"),
    };
    if shown < total {
        format!("{count}; the best {shown} are listed")
    } else {
        count
    }
}

/// Hits of one document, as indices into the hit list, in rank order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub doc: usize,
    pub hits: Vec<usize>,
}

/// Groups hits by document. Groups come in the order of their best hit, and hits keep their
/// rank within a group, so reading the groups top to bottom is the order of the keyboard.
pub fn group_by_doc(hits: &[Hit]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (i, hit) in hits.iter().enumerate() {
        match groups.iter_mut().find(|g| g.doc == hit.doc) {
            Some(group) => group.hits.push(i),
            None => groups.push(Group {
                doc: hit.doc,
                hits: vec![i],
            }),
        }
    }
    groups
}

/// The hit indices in the order they are shown.
pub fn display_order(groups: &[Group]) -> Vec<usize> {
    groups.iter().flat_map(|g| g.hits.iter().copied()).collect()
}

/// Cuts `text` into pieces, each marked or not, from byte `ranges` to mark: the one-kind case of
/// [`crate::topics::mark_pieces`], so bad ranges never panic and never lose text.
pub fn pieces(text: &str, ranges: impl IntoIterator<Item = (usize, usize)>) -> Vec<(&str, bool)> {
    let ranges = ranges
        .into_iter()
        .map(|(start, end)| (start, end, ()))
        .collect();
    crate::topics::mark_pieces(text, ranges)
        .into_iter()
        .map(|(piece, mark)| (piece, mark.is_some()))
        .collect()
}

/// Calls `f` with the length in bytes of the plain text of each leaf block (a paragraph, a
/// preformatted block or a table cell), in the order `Section::body_text` joins them.
fn leaf_lengths(blocks: &[Block], f: &mut impl FnMut(usize)) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => f(text.spans.iter().map(|s| s.plain().len()).sum()),
            Block::Preformatted(pre) => f(pre.text.len()),
            Block::Table(table) => table
                .rows
                .iter()
                .flatten()
                .for_each(|cell| f(cell.spans.iter().map(|s| s.plain().len()).sum())),
            Block::Quote(inner) | Block::Alert(Alert { blocks: inner, .. }) => {
                leaf_lengths(inner, f)
            }
            Block::List(list) => list.items.iter().for_each(|i| leaf_lengths(&i.blocks, f)),
        }
    }
}

/// The index of the leaf block that holds byte `offset` of the section's body text (leaf
/// blocks joined by newlines, as `Section::body_text` makes it). An offset past the end is in
/// the last block.
pub fn block_at(blocks: &[Block], offset: usize) -> usize {
    let (mut len, mut index, mut found) = (0, 0, 0);
    leaf_lengths(blocks, &mut |leaf| {
        // A newline joins a block to what came before, unless nothing has yet.
        if len > 0 {
            len += 1;
        }
        if len <= offset {
            found = index;
        }
        len += leaf;
        index += 1;
    });
    found
}

/// What to highlight in the document being read: the matched terms of each of its sections
/// that the search found, as (section index, terms).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlights {
    pub sections: Vec<(usize, Vec<String>)>,
}

impl Highlights {
    /// The highlights of document `doc` in `results`.
    pub fn of(results: &SearchResults, doc: usize) -> Highlights {
        if !ENABLED {
            return Highlights::default();
        }
        let sections = results
            .hits
            .iter()
            .filter(|h| h.doc == doc && !h.terms.is_empty())
            .map(|h| (h.section, h.terms.clone()))
            .collect();
        Highlights { sections }
    }

    pub fn is_empty(&self) -> bool {
        self.sections.is_empty()
    }

    /// The terms to mark in section `section`, if the search found it.
    pub fn terms_of(&self, section: usize) -> Option<&[String]> {
        self.sections
            .iter()
            .find(|(s, _)| *s == section)
            .map(|(_, terms)| terms.as_slice())
    }
}

/// The leaf block where the snippet of section `section` of document `doc` starts, when the
/// search found that section.
pub fn snippet_block(
    corpus: &Corpus,
    results: &SearchResults,
    doc: usize,
    section: usize,
) -> Option<usize> {
    let hit = results
        .hits
        .iter()
        .find(|h| h.doc == doc && h.section == section)?;
    let section = corpus.documents.get(doc)?.sections.get(section)?;
    Some(block_at(&section.blocks, hit.snippet.offset))
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::search::snippet::Snippet;
    use folio_core::{List, ListItem, Preformatted, Section, Span, Table, Text};

    fn hit(doc: usize, section: usize) -> Hit {
        Hit {
            doc,
            doc_id: format!("d{doc}"),
            section,
            section_id: format!("s{section}"),
            title: String::new(),
            score: 1.0,
            matched: 1,
            snippet: Snippet::default(),
            terms: vec!["t".into()],
        }
    }

    #[test]
    fn groups_keep_rank_order() {
        let hits = [hit(1, 0), hit(0, 3), hit(1, 2), hit(0, 1), hit(2, 0)];
        let groups = group_by_doc(&hits);
        let shape: Vec<(usize, Vec<usize>)> =
            groups.iter().map(|g| (g.doc, g.hits.clone())).collect();
        assert_eq!(shape, [(1, vec![0, 2]), (0, vec![1, 3]), (2, vec![4])]);
        assert_eq!(display_order(&groups), [0, 2, 1, 3, 4]);
        assert!(group_by_doc(&[]).is_empty());
    }

    #[test]
    fn counts_read_as_sentences() {
        assert_eq!(count_line(1, 1), "1 section matches");
        assert_eq!(count_line(12, 12), "12 sections match");
        assert_eq!(
            count_line(80, 50),
            "80 sections match; the best 50 are listed"
        );
    }

    fn show(pieces: &[(&str, bool)]) -> String {
        pieces
            .iter()
            .map(|&(t, m)| if m { format!("[{t}]") } else { t.to_string() })
            .collect()
    }

    #[test]
    fn pieces_mark_the_ranges() {
        let text = "the PTCL strike in 2008";
        assert_eq!(
            show(&pieces(text, [(4, 8), (9, 15)])),
            "the [PTCL] [strike] in 2008"
        );
        assert_eq!(show(&pieces(text, [(0, 3)])), "[the] PTCL strike in 2008");
        assert_eq!(show(&pieces(text, [(19, 23)])), "the PTCL strike in [2008]");
        assert_eq!(show(&pieces(text, [])), text);
        assert!(pieces("", [(0, 0)]).is_empty());
    }

    #[test]
    fn bad_ranges_are_skipped_without_losing_text() {
        let text = "Zoë was here";
        // Inside "ë" (bytes 2..4), reversed, empty, overlapping, past the end.
        for ranges in [
            vec![(0, 3)],
            vec![(5, 2)],
            vec![(4, 4)],
            vec![(0, 4), (2, 6)],
            vec![(8, 99)],
        ] {
            let got = pieces(text, ranges.clone());
            let joined: String = got.iter().map(|p| p.0).collect();
            assert_eq!(joined, text, "{ranges:?}");
        }
        assert_eq!(show(&pieces(text, [(0, 4), (2, 6)])), "[Zoë] was here");
    }

    fn para(text: &str) -> Block {
        Block::Paragraph(Text {
            spans: text
                .split('|')
                .map(|t| Span {
                    text: t.into(),
                    ..Span::default()
                })
                .collect(),
        })
    }

    fn section(blocks: Vec<Block>) -> Section {
        Section {
            id: "s".into(),
            title: "S".into(),
            level: 1,
            untitled: false,
            blocks,
        }
    }

    #[test]
    fn offsets_map_to_leaf_blocks_as_body_text_joins_them() {
        let blocks = vec![
            para("One |two."),
            Block::Quote(vec![para("Quoted."), para("Again.")]),
            Block::List(List {
                ordered: false,
                notes: false,
                items: vec![ListItem {
                    marker: "-".into(),
                    task: None,
                    blocks: vec![para("Item.")],
                }],
            }),
            Block::Preformatted(Preformatted {
                info: None,
                text: "code\nlines".into(),
            }),
            Block::Table(Table {
                head: 1,
                rows: vec![
                    vec![Text::plain("Head"), Text::plain("")],
                    vec![Text::plain("Cell"), Text::plain("Last")],
                ],
                ..Table::default()
            }),
        ];
        let body = section(blocks.clone()).body_text();
        for (needle, block) in [
            ("One", 0),
            ("two", 0),
            ("Quoted", 1),
            ("Again", 2),
            ("Item", 3),
            ("code", 4),
            ("lines", 4),
            ("Head", 5),
            ("Cell", 7),
            ("Last", 8),
        ] {
            let offset = body.find(needle).unwrap();
            assert_eq!(block_at(&blocks, offset), block, "{needle}");
        }
        // The newline after a block belongs to it; past the end is the last block.
        assert_eq!(block_at(&blocks, body.find('\n').unwrap()), 0);
        assert_eq!(block_at(&blocks, body.len() + 10), 8);
        assert_eq!(block_at(&[], 5), 0);
    }

    #[test]
    fn empty_leading_blocks_add_no_newline() {
        let blocks = vec![para(""), para("Text"), para("More")];
        let body = section(blocks.clone()).body_text();
        assert_eq!(body, "Text\nMore");
        assert_eq!(block_at(&blocks, body.find("More").unwrap()), 2);
        // "Text" starts where the empty block does; either is at the same place.
        assert!(block_at(&blocks, 0) <= 1);
    }

    #[test]
    fn highlights_and_snippet_blocks_come_from_the_hits() {
        let corpus = Corpus {
            documents: vec![folio_core::Document {
                id: "d0".into(),
                title: "D".into(),
                source: String::new(),
                format: folio_core::SourceFormat::Text,
                meta: Default::default(),
                header: vec![],
                sections: vec![
                    section(vec![para("a")]),
                    section(vec![para("first"), para("second")]),
                ],
                footer: vec![],
            }],
        };
        let mut found = hit(0, 1);
        found.snippet.offset = "first\n".len();
        let results = SearchResults {
            total: 2,
            hits: vec![found, hit(1, 0)],
            suggestion: None,
            matching: Vec::new(),
        };
        let highlights = Highlights::of(&results, 0);
        if ENABLED {
            assert_eq!(highlights.sections.len(), 1);
            assert_eq!(highlights.terms_of(1), Some(&["t".to_string()][..]));
            assert_eq!(highlights.terms_of(0), None);
        } else {
            assert!(
                highlights.is_empty(),
                "a build without search marks nothing"
            );
        }
        assert_eq!(snippet_block(&corpus, &results, 0, 1), Some(1));
        assert_eq!(snippet_block(&corpus, &results, 0, 0), None);
    }

    #[cfg(feature = "search")]
    #[test]
    fn the_real_index_finds_the_ptcl_strike() {
        let loaded = crate::corpus::load().unwrap();
        let results = run(&loaded.corpus, &loaded.index, "PTCL");
        assert!(results.total >= 1);
        let first = &results.hits[0];
        assert_eq!(first.title, "The PTCL strike");
        assert!(!first.snippet.highlights.is_empty());
        let block = snippet_block(&loaded.corpus, &results, first.doc, first.section).unwrap();
        // The block named by the snippet offset holds the snippet's first words.
        let section = &loaded.corpus.documents[first.doc].sections[first.section];
        let mut texts = Vec::new();
        fn collect(blocks: &[Block], out: &mut Vec<String>) {
            for b in blocks {
                match b {
                    Block::Paragraph(t) => out.push(t.to_plain()),
                    Block::Preformatted(p) => out.push(p.text.clone()),
                    Block::Table(t) => out.extend(t.rows.iter().flatten().map(Text::to_plain)),
                    Block::Quote(inner) | Block::Alert(Alert { blocks: inner, .. }) => {
                        collect(inner, out)
                    }
                    Block::List(l) => l.items.iter().for_each(|i| collect(&i.blocks, out)),
                }
            }
        }
        collect(&section.blocks, &mut texts);
        let head: String = first.snippet.text.chars().take(12).collect();
        assert!(
            texts[block].contains(&head),
            "{head:?} in {:?}",
            texts[block]
        );
        assert!(run(&loaded.corpus, &loaded.index, "  ").hits.is_empty());
    }
}
