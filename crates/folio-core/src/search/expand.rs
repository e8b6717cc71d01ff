//! From a query word to the terms of the dictionary that can stand for it, each with a trust:
//! the word itself, words of the same stem, words it begins (while typing), and words one or two
//! edits away (a transposition is one edit), found by walking the term FST with automata.

use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Streamer};

use crate::text::{is_stop_word, stem, MAX_TERM_BYTES};

/// How much a matching term is to be believed, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trust {
    Typo = 0,
    Prefix = 1,
    Stem = 2,
    Exact = 3,
}

impl Trust {
    /// The weight a match of this trust gives its occurrences.
    pub fn weight(self) -> f32 {
        match self {
            Trust::Exact => 1.0,
            Trust::Stem => 0.8,
            Trust::Prefix => 0.6,
            Trust::Typo => 0.4,
        }
    }
}

/// A dictionary term standing for a query word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expansion {
    pub term: u32,
    pub trust: Trust,
}

/// At most this many prefix or typo terms are taken for one word (the most frequent ones).
pub const MAX_EXPANSIONS: usize = 48;
/// A prefix scan stops after this many terms.
const MAX_PREFIX_SCAN: usize = 4096;

/// The number of edits allowed for a word of `chars` characters.
pub fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

/// A term within `max` edits of `query` — insertions, deletions, substitutions, and swaps of two
/// neighbouring bytes, each one edit — as an automaton over the term FST. Its state is the
/// current and previous row of the edit-distance table, so the FST is walked, not scanned.
pub struct Typo<'q> {
    query: &'q [u8],
    max: u8,
}

/// Rows of the edit-distance table for a term read so far, and the byte read last.
#[derive(Clone)]
pub struct Rows {
    current: [u8; MAX_TERM_BYTES + 1],
    previous: [u8; MAX_TERM_BYTES + 1],
    last: Option<u8>,
}

impl<'q> Typo<'q> {
    pub fn new(query: &'q str, max: u8) -> Self {
        let bytes = query.as_bytes();
        Typo {
            query: &bytes[..bytes.len().min(MAX_TERM_BYTES)],
            max,
        }
    }

    /// The edit distance of what the state has read.
    pub fn distance(&self, rows: &Rows) -> u8 {
        rows.current[self.query.len()]
    }
}

impl Automaton for Typo<'_> {
    type State = Rows;

    fn start(&self) -> Rows {
        let mut current = [u8::MAX; MAX_TERM_BYTES + 1];
        for (j, cell) in current.iter_mut().enumerate().take(self.query.len() + 1) {
            *cell = j.min(255) as u8;
        }
        Rows {
            current,
            previous: [u8::MAX; MAX_TERM_BYTES + 1],
            last: None,
        }
    }

    fn is_match(&self, rows: &Rows) -> bool {
        self.distance(rows) <= self.max
    }

    fn can_match(&self, rows: &Rows) -> bool {
        rows.current[..=self.query.len()]
            .iter()
            .any(|&d| d <= self.max)
    }

    fn accept(&self, rows: &Rows, byte: u8) -> Rows {
        let q = self.query;
        let mut next = [u8::MAX; MAX_TERM_BYTES + 1];
        next[0] = rows.current[0].saturating_add(1);
        for j in 1..=q.len() {
            let substitute = rows.current[j - 1].saturating_add(u8::from(q[j - 1] != byte));
            let delete = rows.current[j].saturating_add(1);
            let insert = next[j - 1].saturating_add(1);
            let mut best = substitute.min(delete).min(insert);
            if j > 1 && rows.last == Some(q[j - 1]) && q[j - 2] == byte {
                best = best.min(rows.previous[j - 2].saturating_add(1));
            }
            next[j] = best;
        }
        Rows {
            current: next,
            previous: rows.current,
            last: Some(byte),
        }
    }
}

/// The dictionary a searcher looks words up in.
pub struct Dictionary<'a> {
    pub terms: fst::Map<&'a [u8]>,
    /// Per term id: the number of sections it occurs in, to prefer frequent expansions.
    pub df: &'a [u32],
}

impl Dictionary<'_> {
    pub fn exact(&self, word: &str) -> Option<u32> {
        self.terms.get(word).map(|id| id as u32)
    }

    /// Terms sharing the stem of `word` (stop words stand only for themselves). A stem's words
    /// share its first letters, so they are looked for among the terms with that prefix.
    pub fn same_stem(&self, word: &str) -> Vec<u32> {
        if is_stop_word(word) {
            return Vec::new();
        }
        let target = stem(word);
        // Snowball may end a stem differently from its words ("parti" for "party"), so the
        // last letter of longer stems is left out of the prefix.
        let keep = if target.chars().count() > 3 {
            target.chars().count() - 1
        } else {
            target.chars().count()
        };
        let prefix: String = target.chars().take(keep).collect();
        let mut stream = self
            .terms
            .search(Str::new(&prefix).starts_with())
            .into_stream();
        let mut out = Vec::new();
        let mut scanned = 0;
        while let Some((key, id)) = stream.next() {
            scanned += 1;
            if scanned > MAX_PREFIX_SCAN {
                break;
            }
            if let Ok(term) = std::str::from_utf8(key) {
                if stem(term) == target {
                    out.push(id as u32);
                }
            }
        }
        out
    }

    /// Up to `MAX_EXPANSIONS` most frequent terms that start with `word`.
    pub fn with_prefix(&self, word: &str) -> Vec<u32> {
        let automaton = Str::new(word).starts_with();
        let mut stream = self.terms.search(automaton).into_stream();
        let mut found = Vec::new();
        while let Some((_, id)) = stream.next() {
            found.push(id as u32);
            if found.len() >= MAX_PREFIX_SCAN {
                break;
            }
        }
        self.most_frequent(found)
    }

    /// Terms within the typo budget of `word`, with their edit distances, most frequent first.
    pub fn near(&self, word: &str, distance: u8) -> Vec<(u32, u8)> {
        if distance == 0 || word.len() > MAX_TERM_BYTES {
            return Vec::new();
        }
        let typo = Typo::new(word, distance);
        let mut stream = self.terms.search_with_state(&typo).into_stream();
        let mut found = Vec::new();
        while let Some((_, id, rows)) = stream.next() {
            found.push((id as u32, typo.distance(&rows)));
        }
        found.sort_by_key(|&(id, d)| {
            (
                d,
                std::cmp::Reverse(self.df.get(id as usize).copied().unwrap_or(0)),
            )
        });
        found.truncate(MAX_EXPANSIONS);
        found
    }

    fn most_frequent(&self, mut ids: Vec<u32>) -> Vec<u32> {
        ids.sort_by_key(|&id| std::cmp::Reverse(self.df.get(id as usize).copied().unwrap_or(0)));
        ids.truncate(MAX_EXPANSIONS);
        ids
    }

    /// Everything that can stand for `word`, each term once with its highest trust.
    pub fn expand(&self, word: &str, prefix: bool) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = Vec::new();
        let mut add = |term: u32, trust: Trust| {
            if !out.iter().any(|e| e.term == term) {
                out.push(Expansion { term, trust });
            }
        };
        if let Some(term) = self.exact(word) {
            add(term, Trust::Exact);
        }
        for term in self.same_stem(word) {
            add(term, Trust::Stem);
        }
        if prefix {
            for term in self.with_prefix(word) {
                add(term, Trust::Prefix);
            }
        }
        for (term, _) in self.near(word, typo_budget(word.chars().count())) {
            add(term, Trust::Typo);
        }
        out
    }

    /// Only the word itself and words of its stem: what phrases and exclusions use.
    pub fn expand_strict(&self, word: &str) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = self
            .exact(word)
            .map(|term| Expansion {
                term,
                trust: Trust::Exact,
            })
            .into_iter()
            .collect();
        for term in self.same_stem(word) {
            if !out.iter().any(|e| e.term == term) {
                out.push(Expansion {
                    term,
                    trust: Trust::Stem,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(a: &str, b: &str) -> Option<u8> {
        let typo = Typo::new(a, 2);
        let mut rows = typo.start();
        for &byte in b.as_bytes() {
            rows = typo.accept(&rows, byte);
        }
        typo.is_match(&rows).then(|| typo.distance(&rows))
    }

    #[test]
    fn edits_and_transpositions() {
        assert_eq!(distance("strike", "strike"), Some(0));
        assert_eq!(distance("strike", "strke"), Some(1));
        assert_eq!(distance("strike", "strikes"), Some(1));
        assert_eq!(distance("strike", "stroke"), Some(1));
        assert_eq!(
            distance("strike", "sTrike".to_lowercase().as_str()),
            Some(0)
        );
        assert_eq!(distance("jonathon", "jonathan"), Some(1));
        assert_eq!(distance("wgae", "wage"), Some(1));
        assert_eq!(distance("manzoor", "mnazoro"), Some(2));
        assert_eq!(distance("strike", "spoke"), None);
        assert_eq!(distance("", "ab"), Some(2));
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(9), 2);
    }
}
