//! From a query word to the terms of the dictionary that can stand for it, each with a trust:
//! the word itself, words of the same stem, words it begins (while typing), and words one or two
//! edits away (a transposition is one edit), found by walking the sorted dictionary with an
//! automaton.

use crate::index::{Inverted, SearchIndex, Terms, Walker};
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
/// neighbouring bytes, each one edit, and any edit of the first letter two — as an automaton
/// over the dictionary's bytes, which stops reading a term once it cannot match. Its state is a diagonal band of the
/// edit-distance table: with at most two edits, only the five cells around the diagonal of each
/// row can stay within reach.
pub struct Typo<'q> {
    query: &'q [u8],
    max: u8,
}

/// Cells of the band, `2 * MAX_EDITS + 1` wide.
const BAND: usize = 5;
const MAX_EDITS: usize = 2;
const FAR: u8 = u8::MAX / 2;

/// The band of the current row (term bytes read so far: `row`) and of the row before it, and
/// the byte read last. Cell `t` of a row `i` holds the distance to the query's first
/// `i + t - MAX_EDITS` bytes.
#[derive(Clone, Copy)]
pub struct Rows {
    row: usize,
    current: [u8; BAND],
    previous: [u8; BAND],
    last: Option<u8>,
    /// 1 when the term's first byte differs from the query's: an edit there counts twice.
    penalty: u8,
}

impl<'q> Typo<'q> {
    pub fn new(query: &'q str, max: u8) -> Self {
        let bytes = query.as_bytes();
        Typo {
            query: &bytes[..bytes.len().min(MAX_TERM_BYTES)],
            max: max.min(MAX_EDITS as u8),
        }
    }

    /// The query prefix length that cell `t` of row `row` stands for, if it exists.
    fn column(&self, row: usize, t: usize) -> Option<usize> {
        (row + t)
            .checked_sub(MAX_EDITS)
            .filter(|&j| j <= self.query.len())
    }

    /// The edit distance of what the state has read (`FAR` when out of reach), an edit of the
    /// first letter counting twice.
    pub fn distance(&self, rows: &Rows) -> u8 {
        (0..BAND)
            .find(|&t| self.column(rows.row, t) == Some(self.query.len()))
            .map_or(FAR, |t| rows.current[t].saturating_add(rows.penalty))
    }
}

impl Walker for Typo<'_> {
    type State = Rows;

    fn start(&self) -> Rows {
        let mut current = [FAR; BAND];
        for (t, cell) in current.iter_mut().enumerate() {
            if let Some(j) = self.column(0, t) {
                *cell = j as u8;
            }
        }
        Rows {
            row: 0,
            current,
            previous: [FAR; BAND],
            last: None,
            penalty: 0,
        }
    }

    fn is_match(&self, rows: &Rows) -> bool {
        self.distance(rows) <= self.max
    }

    fn can_match(&self, rows: &Rows) -> bool {
        rows.current
            .iter()
            .any(|&d| d.saturating_add(rows.penalty) <= self.max)
    }

    fn accept(&self, rows: &Rows, byte: u8) -> Rows {
        let q = self.query;
        let row = rows.row + 1;
        // A typo in the first letter counts as two edits, as people rarely get it wrong: a
        // word of 5 to 8 letters must start right, and a longer one spends its whole budget
        // there. That also keeps the walk mostly to one branch of the FST. A state out of reach
        // stays so.
        let penalty = if rows.row == 0 {
            u8::from(q.first().is_some_and(|&first| first != byte))
        } else {
            rows.penalty
        };
        let dead = rows.row > 0 && rows.current.iter().all(|&d| d >= FAR);
        if dead || (penalty > 0 && penalty >= self.max) {
            return Rows {
                row,
                current: [FAR; BAND],
                previous: rows.current,
                last: Some(byte),
                penalty,
            };
        }
        let mut next = [FAR; BAND];
        for t in 0..BAND {
            let Some(j) = self.column(row, t) else {
                continue;
            };
            if j == 0 {
                next[t] = row.min(FAR as usize) as u8;
                continue;
            }
            // Cell t of the new row sits at column j; in the row above, column j - 1 is cell t
            // and column j is cell t + 1; in the row before that, column j - 2 is cell t.
            let substitute = rows.current[t].saturating_add(u8::from(q[j - 1] != byte));
            let delete = if t + 1 < BAND {
                rows.current[t + 1].saturating_add(1)
            } else {
                FAR
            };
            let insert = if t > 0 {
                next[t - 1].saturating_add(1)
            } else {
                FAR
            };
            let mut best = substitute.min(delete).min(insert);
            if j >= 2 && rows.last == Some(q[j - 1]) && q[j - 2] == byte {
                best = best.min(rows.previous[t].saturating_add(1));
            }
            next[t] = best.min(FAR);
        }
        Rows {
            row,
            current: next,
            previous: rows.current,
            last: Some(byte),
            penalty,
        }
    }
}

/// The dictionary a searcher looks words up in.
pub struct Dictionary<'a> {
    pub(crate) terms: &'a Terms,
    pub(crate) index: &'a SearchIndex,
    pub(crate) inverted: &'a Inverted,
}

impl Dictionary<'_> {
    /// The number of sections term `id` occurs in, to prefer frequent expansions.
    fn df(&self, id: u32) -> u32 {
        self.inverted.df.get(id as usize).copied().unwrap_or(0)
    }

    pub fn exact(&self, word: &str) -> Option<u32> {
        self.terms.find(word)
    }

    /// Terms sharing the stem of `word` (stop words stand only for themselves).
    pub fn same_stem(&self, word: &str) -> Vec<u32> {
        if is_stop_word(word) {
            return Vec::new();
        }
        self.index.terms_with_stem(&stem(word))
    }

    /// Up to `MAX_EXPANSIONS` most frequent terms that start with `word`.
    pub fn with_prefix(&self, word: &str) -> Vec<u32> {
        let ids = self.terms.with_prefix(word);
        self.most_frequent(ids.take(MAX_PREFIX_SCAN).collect())
    }

    /// Terms within the typo budget of `word`, with their edit distances, closest first, then
    /// most frequent.
    pub fn near(&self, word: &str, distance: u8) -> Vec<(u32, u8)> {
        if distance == 0 || word.len() > MAX_TERM_BYTES {
            return Vec::new();
        }
        let typo = Typo::new(word, distance);
        let mut found = Vec::new();
        self.terms
            .walk(&typo, |id, rows| found.push((id, typo.distance(rows))));
        // Ties keep the dictionary's order (ids follow it), so results never depend on the walk.
        found.sort_unstable_by_key(|&(id, d)| (d, std::cmp::Reverse(self.df(id)), id));
        found.truncate(MAX_EXPANSIONS);
        found
    }

    fn most_frequent(&self, mut ids: Vec<u32>) -> Vec<u32> {
        // Ties keep the dictionary's order.
        ids.sort_unstable_by_key(|&id| (std::cmp::Reverse(self.df(id)), id));
        ids.truncate(MAX_EXPANSIONS);
        ids
    }

    /// Everything that can stand for `word`, each term once with its highest trust.
    pub fn expand(&self, word: &str, prefix: bool) -> Vec<Expansion> {
        let mut out: Vec<Expansion> = Vec::new();
        let add = |out: &mut Vec<Expansion>, term: u32, trust: Trust| {
            if !out.iter().any(|e| e.term == term) {
                out.push(Expansion { term, trust });
            }
        };
        let exact = self.exact(word);
        if let Some(term) = exact {
            add(&mut out, term, Trust::Exact);
        }
        for term in self.same_stem(word) {
            add(&mut out, term, Trust::Stem);
        }
        if prefix {
            for term in self.with_prefix(word) {
                add(&mut out, term, Trust::Prefix);
            }
        }
        // A word the dictionary knows still meets its near spellings ("Jonathon", "Jonathan"),
        // but only one edit away.
        let budget = typo_budget(word.chars().count());
        let budget = if exact.is_some() {
            budget.min(1)
        } else {
            budget
        };
        for (term, _) in self.near(word, budget) {
            add(&mut out, term, Trust::Typo);
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
        // An edit of the first letter counts twice.
        assert_eq!(distance("strike", "tsrike"), Some(2));
        assert_eq!(distance("strike", "xtrike"), Some(2));
        assert_eq!(distance("strike", "trike"), Some(2));
        assert_eq!(distance("strike", "xtrke"), None);
        let one = |a: &str, b: &str| {
            let typo = Typo::new(a, 1);
            let rows = b
                .bytes()
                .fold(typo.start(), |rows, byte| typo.accept(&rows, byte));
            typo.is_match(&rows)
        };
        assert!(one("strike", "strke"));
        assert!(
            !one("strike", "xtrike"),
            "one edit is not enough for the first letter"
        );
    }

    /// Optimal string alignment distance, the plain way.
    fn reference(a: &[u8], b: &[u8]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_band_agrees_with_the_full_table() {
        let words = [
            "", "a", "ab", "ba", "abc", "acb", "strike", "strkie", "stirke", "trike", "strikes",
            "manzoor", "mnazoor", "manzor", "jonathon", "jonathan", "abcdef", "badcfe", "xyz",
        ];
        for a in words {
            for b in words {
                let first_differs =
                    !a.is_empty() && !b.is_empty() && a.as_bytes().first() != b.as_bytes().first();
                let want = reference(a.as_bytes(), b.as_bytes()) + usize::from(first_differs);
                let got = distance(a, b).map(usize::from);
                assert_eq!(got, (want <= 2).then_some(want), "{a} → {b}");
            }
        }
    }

    #[test]
    fn typo_budget_grows_with_length() {
        assert_eq!(typo_budget(4), 0);
        assert_eq!(typo_budget(5), 1);
        assert_eq!(typo_budget(9), 2);
    }
}
