//! Search: one engine for the app and the command line.
//!
//! A query is parsed ([`query`]), each word is expanded to dictionary terms with a trust
//! ([`expand`]), postings are scored with BM25F ([`score`]), and the best sections get a snippet
//! ([`snippet`]). Sections are ranked first by how many of the query's clauses they hold, then
//! by the trust of their matches (exact > stem > prefix > typo), then by score, so a section
//! with every word ranks above one missing a word and a typo never outranks an exact match.
//! A query never fails: at worst it finds nothing.

pub mod expand;
pub mod query;
pub mod score;
pub mod snippet;

use serde::Serialize;

use crate::hash::IdSet;
use crate::index::{Inverted, SearchIndex};
use crate::model::Corpus;
use expand::Dictionary;
use query::{Clause, Query};

pub use score::Ranking;

/// Tunables of the ranking, with the ranges in which they make sense.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// BM25 term-frequency saturation, 0.5–2.0: higher lets repeated words count for longer.
    pub k1: f32,
    /// BM25 length normalisation, 0–1: 0 ignores field length, 1 fully normalises by it.
    pub b: f32,
    /// Field weights (heading, document title, body, metadata), each 0–10: a match in a field
    /// of weight 3 counts as three in the body.
    pub fields: [f32; 4],
    /// Factor for stop words ("the", "of"), 0–1: they are searchable but weigh little.
    pub stop_word: f32,
    /// Proximity bonus, 0–1: the share of a section's score added when two query words stand
    /// next to each other, decreasing with the distance between them.
    pub proximity: f32,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            k1: 1.2,
            b: 0.75,
            fields: [3.0, 2.0, 1.0, 1.5],
            stop_word: 0.1,
            proximity: 0.5,
        }
    }
}

/// What to search for and how many results to return.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchOptions {
    pub limit: usize,
    pub tuning: Tuning,
    /// When set, only these sections, as (document index, section index) and sorted, can
    /// match: the sections a topic filter leaves.
    pub within: Option<Vec<(u32, u32)>>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: 20,
            tuning: Tuning::default(),
            within: None,
        }
    }
}

/// A found section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index of the document in the corpus, and its id.
    pub doc: usize,
    pub doc_id: String,
    /// Index of the section in its document, its id and its title.
    pub section: usize,
    pub section_id: String,
    pub title: String,
    pub score: f32,
    /// How many of the query's clauses the section holds.
    pub matched: u32,
    pub snippet: snippet::Snippet,
    /// The normalised terms that matched in this section, sorted, for highlighting.
    pub terms: Vec<String>,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// Every matching section, not just those returned.
    pub total: usize,
    pub hits: Vec<Hit>,
    /// A corrected query that finds more, when this one finds little.
    pub suggestion: Option<String>,
    /// Every matching section as (document index, section index), in corpus order: what
    /// facet counts are computed from.
    pub matching: Vec<(u32, u32)>,
}

/// A searcher over a corpus and its index. Cheap to make: it only borrows them.
pub struct Searcher<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) index: &'a SearchIndex,
    pub(crate) inverted: &'a Inverted,
    pub(crate) dict: Dictionary<'a>,
}

/// Below this many results, a corrected query is looked for.
const SUGGEST_BELOW: usize = 3;

impl<'a> Searcher<'a> {
    /// A searcher, or `None` when the index is damaged. The first searcher over an index
    /// rebuilds its postings (see [`SearchIndex::prepare`]).
    pub fn new(corpus: &'a Corpus, index: &'a SearchIndex) -> Option<Searcher<'a>> {
        let terms = index.dictionary().ok()?;
        // One entry per dictionary term: rebuilt from the word lists.
        let inverted = index.inverted().ok()?;
        Some(Searcher {
            corpus,
            index,
            inverted,
            dict: Dictionary {
                terms,
                index,
                inverted,
            },
        })
    }

    /// Runs `input` as typed.
    pub fn search(&self, input: &str, options: &SearchOptions) -> SearchResults {
        let query = query::parse(input);
        let mut results = self.run(&query, options);
        if results.total < SUGGEST_BELOW {
            results.suggestion = self.suggest(&query, results.total, options);
        }
        results
    }

    /// Runs a parsed query.
    pub fn run(&self, query: &Query, options: &SearchOptions) -> SearchResults {
        if query.is_empty() {
            return SearchResults::default();
        }
        let mut ranking = score::Ranking::new(self, query, &options.tuning);
        if let Some(within) = &options.within {
            let allowed = self
                .index
                .records
                .iter()
                .enumerate()
                .filter(|(_, place)| within.binary_search(place).is_ok())
                .map(|(r, _)| r as u32)
                .collect();
            ranking.restrict(allowed);
        }
        let ranked = ranking.top(options.limit);
        let records: IdSet<u32> = ranked.iter().map(|r| r.record).collect();
        let mut positions = ranking.clause_positions(&records);
        let hits = ranked
            .iter()
            .filter_map(|r| {
                let mut body: Vec<u32> = positions
                    .remove(&r.record)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|(_, p)| p)
                    .collect();
                body.sort_unstable();
                body.dedup();
                self.hit(&ranking, r, &body)
            })
            .collect();
        let matching = ranking
            .matching()
            .into_iter()
            .filter_map(|r| self.index.records.get(r as usize).copied())
            .collect::<Vec<_>>();
        SearchResults {
            total: matching.len(),
            hits,
            suggestion: None,
            matching,
        }
    }

    fn hit(
        &self,
        ranking: &score::Ranking<'_, '_>,
        ranked: &score::Ranked,
        positions: &[u32],
    ) -> Option<Hit> {
        let (d, s) = *self.index.records.get(ranked.record as usize)?;
        let doc = self.corpus.documents.get(d as usize)?;
        let section = doc.sections.get(s as usize)?;
        let matched_terms: IdSet<u32> = ranking.matched_terms(ranked.record);
        let terms: Vec<String> = self.term_texts(&matched_terms);
        let offsets = self
            .index
            .offsets
            .get(ranked.record as usize)
            .map_or(&[][..], Vec::as_slice);
        let snippet = snippet::make(&section.body_text(), offsets, positions, &terms);
        Some(Hit {
            doc: d as usize,
            doc_id: doc.id.clone(),
            section: s as usize,
            section_id: section.id.clone(),
            title: section.title.clone(),
            score: ranked.score,
            matched: ranked.matched,
            snippet,
            terms,
        })
    }

    /// The text of each term id.
    pub(crate) fn term_texts(&self, ids: &IdSet<u32>) -> Vec<String> {
        let mut out: Vec<String> = ids
            .iter()
            .filter_map(|&id| self.index.term_text(id).map(str::to_string))
            .collect();
        // Ids are distinct, so are their texts.
        out.sort_unstable();
        out
    }

    /// The closest query, word by word, spelled as the dictionary spells it, when it finds at
    /// least as many sections as `found`.
    fn suggest(&self, query: &Query, found: usize, options: &SearchOptions) -> Option<String> {
        let mut changed = false;
        let mut fix = |word: &str| -> String {
            if self.dict.exact(word).is_some() {
                return word.to_string();
            }
            let budget = typo_or_one(word.chars().count());
            match self.dict.near(word, budget).first() {
                Some(&(id, _)) => {
                    let ids: IdSet<u32> = IdSet::from_iter([id]);
                    let text = self
                        .term_texts(&ids)
                        .pop()
                        .unwrap_or_else(|| word.to_string());
                    changed |= text != word;
                    text
                }
                None => word.to_string(),
            }
        };
        let fixed = Query {
            include: query
                .include
                .iter()
                .map(|c| match c {
                    Clause::Word { term, .. } => Clause::Word {
                        term: fix(term),
                        prefix: false,
                    },
                    Clause::Phrase(words) => Clause::Phrase(words.iter().map(|w| fix(w)).collect()),
                })
                .collect(),
            exclude: query.exclude.clone(),
        };
        if !changed {
            return None;
        }
        let total = score::Ranking::new(self, &fixed, &options.tuning).total();
        (total > 0 && total >= found).then(|| query::render(&fixed))
    }
}

/// The edit budget for suggestions: the typo budget, and at least one for words of 3+ letters.
fn typo_or_one(chars: usize) -> u8 {
    expand::typo_budget(chars).max(u8::from(chars >= 3))
}
