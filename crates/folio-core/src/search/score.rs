//! Ranking: BM25F over the fields of each section, tiers of clause coverage and trust, and a
//! proximity bonus, with an exact top-k that only computes proximity where it can matter.

use super::expand::{Expansion, Trust};
use super::query::{Clause, Query};
use super::{Searcher, Tuning};
use crate::hash::{IdMap, IdSet};

mod reference;
use crate::index::{for_each_posting, Field};
use crate::text::is_stop_word;
#[doc(hidden)]
pub use reference::brute_force;

/// A ranked section: its record, how many clauses it holds, the sum of their trusts, and its
/// score. Records compare by (matched, trust, score), higher first, then by record number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub record: u32,
    pub matched: u32,
    pub trust: u32,
    pub score: f32,
}

impl Ranked {
    fn tier(&self) -> (u32, u32) {
        (self.matched, self.trust)
    }
}

/// Best first.
fn order(a: &Ranked, b: &Ranked) -> std::cmp::Ordering {
    b.tier()
        .cmp(&a.tier())
        .then(b.score.total_cmp(&a.score))
        .then(a.record.cmp(&b.record))
}

/// What one include clause looks for.
struct ClauseTerms {
    /// For a word, its expansions; for a phrase, the strict expansions of each of its words.
    words: Vec<Vec<Expansion>>,
    phrase: bool,
    idf: f32,
    /// Whether it counts towards `matched` (stop words do not, unless the query is only them).
    counts: bool,
    stop: bool,
}

/// What one record holds of the query.
#[derive(Clone)]
struct Acc {
    record: u32,
    /// Per clause: weighted occurrences per field.
    wtf: Vec<[f32; 4]>,
    /// Per clause: the best trust found, or -1.
    trust: Vec<i8>,
    terms: Vec<u32>,
}

/// A query evaluated over the index, ready to give its top results.
pub struct Ranking<'s, 'a> {
    searcher: &'s Searcher<'a>,
    tuning: Tuning,
    clauses: Vec<ClauseTerms>,
    accs: Vec<Acc>,
    excluded: IdSet<u32>,
    /// When set, the only records that can match.
    allowed: Option<IdSet<u32>>,
}

fn idf(records: usize, df: u32) -> f32 {
    let n = records as f32;
    let df = df as f32;
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

/// The BM25F score of one clause in one record.
fn clause_score(
    tuning: &Tuning,
    idf: f32,
    wtf: &[f32; 4],
    lengths: &[u32; 4],
    average: &[f32; 4],
) -> f32 {
    let mut tf = 0.0;
    for f in 0..4 {
        if wtf[f] > 0.0 {
            let norm = 1.0 - tuning.b + tuning.b * lengths[f] as f32 / average[f];
            tf += tuning.fields[f] * wtf[f] / norm.max(0.01);
        }
    }
    idf * tf * (tuning.k1 + 1.0) / (tuning.k1 + tf)
}

/// Positions `p` in `first` such that `p + i` is in `rest[i - 1]` for every following word.
fn phrase_starts(first: &[u32], rest: &[IdSet<u32>]) -> usize {
    first
        .iter()
        .filter(|&&p| {
            rest.iter()
                .enumerate()
                .all(|(i, set)| set.contains(&(p + 1 + i as u32)))
        })
        .count()
}

/// The smallest distance between positions of two different clauses, if any.
fn min_gap(positions: &mut [(usize, u32)]) -> Option<u32> {
    positions.sort_unstable_by_key(|&(c, p)| (p, c));
    positions
        .windows(2)
        .filter(|w| w[0].0 != w[1].0)
        .map(|w| w[1].1.saturating_sub(w[0].1).max(1))
        .min()
}

fn bonus(tuning: &Tuning, gap: Option<u32>) -> f32 {
    gap.map_or(0.0, |g| tuning.proximity / g as f32)
}

impl<'s, 'a> Ranking<'s, 'a> {
    pub fn new(searcher: &'s Searcher<'a>, query: &Query, tuning: &Tuning) -> Self {
        let inverted = searcher.inverted;
        let dict = &searcher.dict;
        let records = searcher.index.records.len();
        let all_stop = query
            .include
            .iter()
            .all(|c| matches!(c, Clause::Word { term, .. } if is_stop_word(term)));
        let clauses: Vec<ClauseTerms> = query
            .include
            .iter()
            .map(|clause| match clause {
                Clause::Word { term, prefix } => {
                    let expansions = dict.expand(term, *prefix);
                    let df = expansions
                        .iter()
                        .filter(|e| e.trust == expansions[0].trust)
                        .map(|e| inverted.df[e.term as usize])
                        .max()
                        .unwrap_or(0);
                    let stop = is_stop_word(term);
                    ClauseTerms {
                        words: vec![expansions],
                        phrase: false,
                        idf: idf(records, df),
                        counts: !stop || all_stop,
                        stop,
                    }
                }
                Clause::Phrase(words) => {
                    let words: Vec<Vec<Expansion>> =
                        words.iter().map(|w| dict.expand_strict(w)).collect();
                    let idf = words
                        .iter()
                        .map(|w| {
                            idf(
                                records,
                                w.iter()
                                    .map(|e| inverted.df[e.term as usize])
                                    .max()
                                    .unwrap_or(0),
                            )
                        })
                        .sum();
                    ClauseTerms {
                        words,
                        phrase: true,
                        idf,
                        counts: true,
                        stop: false,
                    }
                }
            })
            .collect();

        let mut ranking = Ranking {
            searcher,
            tuning: *tuning,
            clauses,
            accs: Vec::new(),
            excluded: IdSet::default(),
            allowed: None,
        };
        let mut slots: IdMap<u32, usize> = IdMap::default();
        for c in 0..ranking.clauses.len() {
            let found = ranking.occurrences(c);
            for (record, field, count, trust, term) in found {
                let n = ranking.clauses.len();
                let slot = *slots.entry(record).or_insert_with(|| {
                    ranking.accs.push(Acc {
                        record,
                        wtf: vec![[0.0; 4]; n],
                        trust: vec![-1; n],
                        terms: Vec::new(),
                    });
                    ranking.accs.len() - 1
                });
                let acc = &mut ranking.accs[slot];
                acc.wtf[c][field as usize] += count as f32 * trust.weight();
                acc.trust[c] = acc.trust[c].max(trust as i8);
                if let Some(term) = term {
                    if !acc.terms.contains(&term) {
                        acc.terms.push(term);
                    }
                }
            }
        }
        for clause in &query.exclude {
            let excluded = match clause {
                Clause::Word { term, .. } => {
                    let mut set = IdSet::default();
                    for e in dict.expand_strict(term) {
                        for_each_posting(&inverted.postings[e.term as usize], |r, _, _| {
                            set.insert(r);
                        });
                    }
                    set
                }
                Clause::Phrase(words) => {
                    let words: Vec<Vec<Expansion>> =
                        words.iter().map(|w| dict.expand_strict(w)).collect();
                    ranking
                        .phrase_occurrences(&words)
                        .into_iter()
                        .map(|(r, _, _)| r)
                        .collect()
                }
            };
            ranking.excluded.extend(excluded);
        }
        ranking
    }

    /// Every (record, field, count, trust, term) the clause finds. Phrases report no term.
    fn occurrences(&self, c: usize) -> Vec<(u32, Field, u32, Trust, Option<u32>)> {
        let clause = &self.clauses[c];
        let postings = &self.searcher.inverted.postings;
        if clause.phrase {
            return self
                .phrase_occurrences(&clause.words)
                .into_iter()
                .map(|(r, f, n)| (r, f, n, Trust::Exact, None))
                .collect();
        }
        let mut out = Vec::new();
        for e in &clause.words[0] {
            for_each_posting(&postings[e.term as usize], |record, field, positions| {
                out.push((record, field, positions.len() as u32, e.trust, Some(e.term)));
            });
        }
        out
    }

    /// (record, field, occurrences) of a phrase given the strict expansions of its words.
    fn phrase_occurrences(&self, words: &[Vec<Expansion>]) -> Vec<(u32, Field, u32)> {
        let postings = &self.searcher.inverted.postings;
        let mut per_word: Vec<IdMap<(u32, Field), Vec<u32>>> = Vec::new();
        for expansions in words {
            let mut map: IdMap<(u32, Field), Vec<u32>> = IdMap::default();
            for e in expansions {
                for_each_posting(&postings[e.term as usize], |record, field, positions| {
                    map.entry((record, field))
                        .or_default()
                        .extend_from_slice(positions);
                });
            }
            if map.is_empty() {
                return Vec::new();
            }
            per_word.push(map);
        }
        let Some((first, rest)) = per_word.split_first() else {
            return Vec::new();
        };
        let mut out: Vec<(u32, Field, u32)> = first
            .iter()
            .filter(|(key, _)| rest.iter().all(|m| m.contains_key(key)))
            .filter_map(|(key, starts)| {
                let sets: Vec<IdSet<u32>> = rest
                    .iter()
                    .map(|m| m[key].iter().copied().collect())
                    .collect();
                let n = phrase_starts(starts, &sets) as u32;
                (n > 0).then_some((key.0, key.1, n))
            })
            .collect();
        out.sort_unstable_by_key(|&(r, f, _)| (r, f));
        out
    }

    fn ranked(&self, acc: &Acc) -> Option<Ranked> {
        if self.excluded.contains(&acc.record)
            || self
                .allowed
                .as_ref()
                .is_some_and(|a| !a.contains(&acc.record))
        {
            return None;
        }
        let inverted = self.searcher.inverted;
        let lengths = &inverted.lengths[acc.record as usize];
        let mut matched = 0;
        let mut trust = 0;
        let mut score = 0.0;
        for (c, clause) in self.clauses.iter().enumerate() {
            if acc.trust[c] < 0 {
                continue;
            }
            if clause.counts {
                matched += 1;
                trust += acc.trust[c] as u32;
            }
            let weight = if clause.stop {
                self.tuning.stop_word
            } else {
                1.0
            };
            score += weight
                * clause_score(
                    &self.tuning,
                    clause.idf,
                    &acc.wtf[c],
                    lengths,
                    &inverted.average,
                );
        }
        (matched > 0).then_some(Ranked {
            record: acc.record,
            matched,
            trust,
            score,
        })
    }

    /// Only these records may match from now on.
    pub fn restrict(&mut self, allowed: IdSet<u32>) {
        self.allowed = Some(allowed);
    }

    /// Every matching record, in record order.
    pub fn matching(&self) -> Vec<u32> {
        let mut records: Vec<u32> = self
            .accs
            .iter()
            .filter(|a| self.ranked(a).is_some())
            .map(|a| a.record)
            .collect();
        records.sort_unstable();
        records
    }

    /// How many sections match.
    pub fn total(&self) -> usize {
        self.accs
            .iter()
            .filter(|a| self.ranked(a).is_some())
            .count()
    }

    /// The best `k` sections, exactly as if proximity were computed for every section.
    pub fn top(&self, k: usize) -> Vec<Ranked> {
        let mut all: Vec<Ranked> = self.accs.iter().filter_map(|a| self.ranked(a)).collect();
        all.sort_unstable_by(order);
        let proximity =
            self.tuning.proximity > 0.0 && self.clauses.iter().filter(|c| c.counts).count() >= 2;
        if !proximity || k == 0 {
            all.truncate(k);
            return all;
        }
        // Only sections that a full bonus could lift past the k-th can change the top k.
        let candidates: Vec<Ranked> = match all.get(k.saturating_sub(1)) {
            Some(kth) if all.len() > k => {
                let reach = 1.0 + self.tuning.proximity;
                all.iter()
                    .filter(|r| {
                        r.tier() > kth.tier()
                            || (r.tier() == kth.tier() && r.score * reach >= kth.score)
                    })
                    .copied()
                    .collect()
            }
            _ => all,
        };
        let records: IdSet<u32> = candidates.iter().map(|r| r.record).collect();
        let mut positions = self.clause_positions(&records);
        let mut out: Vec<Ranked> = candidates
            .into_iter()
            .map(|mut r| {
                let gap = positions.get_mut(&r.record).and_then(|p| min_gap(p));
                r.score *= 1.0 + bonus(&self.tuning, gap);
                r
            })
            .collect();
        out.sort_unstable_by(order);
        out.truncate(k);
        out
    }

    /// Body positions of each counted clause's matches, for the given records.
    pub(crate) fn clause_positions(&self, records: &IdSet<u32>) -> IdMap<u32, Vec<(usize, u32)>> {
        let postings = &self.searcher.inverted.postings;
        let mut out: IdMap<u32, Vec<(usize, u32)>> = IdMap::default();
        for (c, clause) in self.clauses.iter().enumerate().filter(|(_, c)| c.counts) {
            for word in &clause.words {
                for e in word {
                    for_each_posting(&postings[e.term as usize], |record, field, positions| {
                        if field == Field::Body && records.contains(&record) {
                            out.entry(record)
                                .or_default()
                                .extend(positions.iter().map(|&p| (c, p)));
                        }
                    });
                }
            }
        }
        out
    }

    /// The terms that matched in one record (for phrases, their words' exact and stem terms).
    pub fn matched_terms(&self, record: u32) -> IdSet<u32> {
        let Some(acc) = self.accs.iter().find(|a| a.record == record) else {
            return IdSet::default();
        };
        let mut terms: IdSet<u32> = acc.terms.iter().copied().collect();
        for (c, clause) in self.clauses.iter().enumerate() {
            if clause.phrase && acc.trust[c] >= 0 {
                terms.extend(clause.words.iter().flatten().map(|e| e.term));
            }
        }
        terms
    }
}
