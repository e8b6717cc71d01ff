//! The reference ranking: every section scored directly from its text, without the index's
//! postings. The tests hold the fast ranking to it.

use super::{bonus, clause_score, min_gap, order, phrase_starts, Ranked, Ranking};
use crate::hash::IdSet;
use crate::index::FIELDS;
use crate::search::expand::{Expansion, Trust};
use crate::search::query::{Clause, Query};
use crate::search::{Searcher, Tuning};
use crate::text::tokenize;

/// Scores every section directly from the corpus text, without the postings: the reference
/// the fast ranking is tested against. Same expansions, same formulas, no shortcuts.
pub fn brute_force(
    searcher: &Searcher<'_>,
    query: &Query,
    tuning: &Tuning,
    k: usize,
) -> Vec<Ranked> {
    let ranking = Ranking::new(searcher, query, tuning);
    let index = searcher.index;
    let texts_of = |ids: &[Expansion]| -> Vec<(String, Trust)> {
        let set: IdSet<u32> = ids.iter().map(|e| e.term).collect();
        let texts = searcher.term_texts(&set);
        texts
            .into_iter()
            .map(|t| {
                let id = searcher.dict.exact(&t).unwrap_or(u32::MAX);
                let trust = ids
                    .iter()
                    .find(|e| e.term == id)
                    .map_or(Trust::Typo, |e| e.trust);
                (t, trust)
            })
            .collect()
    };
    let excluded_words: Vec<Vec<(String, Trust)>> = query
        .exclude
        .iter()
        .map(|c| match c {
            Clause::Word { term, .. } => texts_of(&searcher.dict.expand_strict(term)),
            Clause::Phrase(_) => Vec::new(),
        })
        .collect();
    let excluded_phrases: Vec<Vec<Vec<(String, Trust)>>> = query
        .exclude
        .iter()
        .filter_map(|c| match c {
            Clause::Phrase(words) => Some(
                words
                    .iter()
                    .map(|w| texts_of(&searcher.dict.expand_strict(w)))
                    .collect(),
            ),
            Clause::Word { .. } => None,
        })
        .collect();
    let clause_texts: Vec<Vec<Vec<(String, Trust)>>> = ranking
        .clauses
        .iter()
        .map(|c| c.words.iter().map(|w| texts_of(w)).collect())
        .collect();

    let mut out = Vec::new();
    for (record, &(d, s)) in index.records.iter().enumerate() {
        let doc = &searcher.corpus.documents[d as usize];
        let section = &doc.sections[s as usize];
        let body = section.body_text();
        let meta = crate::index::meta_text(doc);
        let heading = crate::index::heading_text(doc, s as usize);
        let fields: Vec<Vec<crate::text::Token>> =
            [heading, doc.title.as_str(), body.as_str(), meta.as_str()]
                .iter()
                .map(|t| tokenize(t))
                .collect();
        let has = |field: &[crate::text::Token], texts: &[(String, Trust)]| -> Vec<u32> {
            field
                .iter()
                .filter(|t| texts.iter().any(|(x, _)| *x == t.term))
                .map(|t| t.position)
                .collect()
        };
        let phrase_count = |f: usize, words: &[Vec<(String, Trust)>]| -> u32 {
            let starts = has(&fields[f], &words[0]);
            let rest: Vec<IdSet<u32>> = words[1..]
                .iter()
                .map(|w| has(&fields[f], w).into_iter().collect())
                .collect();
            phrase_starts(&starts, &rest) as u32
        };
        let excluded = excluded_words
            .iter()
            .any(|w| fields.iter().any(|f| !has(f, w).is_empty()))
            || excluded_phrases
                .iter()
                .any(|p| (0..4).any(|f| phrase_count(f, p) > 0));
        if excluded {
            continue;
        }
        let (mut matched, mut trust, mut score) = (0, 0, 0.0);
        let mut positions: Vec<(usize, u32)> = Vec::new();
        for (c, clause) in ranking.clauses.iter().enumerate() {
            let mut wtf = [0.0f32; 4];
            let mut best: i8 = -1;
            for f in FIELDS {
                let f = f as usize;
                if clause.phrase {
                    let n = phrase_count(f, &clause_texts[c]);
                    if n > 0 {
                        wtf[f] += n as f32;
                        best = best.max(Trust::Exact as i8);
                    }
                } else {
                    for (text, t) in &clause_texts[c][0] {
                        let n = fields[f].iter().filter(|tok| tok.term == *text).count();
                        if n > 0 {
                            wtf[f] += n as f32 * t.weight();
                            best = best.max(*t as i8);
                        }
                    }
                }
            }
            if clause.counts {
                for words in &clause_texts[c] {
                    positions.extend(has(&fields[2], words).into_iter().map(|p| (c, p)));
                }
            }
            if best < 0 {
                continue;
            }
            if clause.counts {
                matched += 1;
                trust += best as u32;
            }
            let weight = if clause.stop { tuning.stop_word } else { 1.0 };
            score += weight
                * clause_score(
                    tuning,
                    clause.idf,
                    &wtf,
                    &searcher.inverted.lengths[record],
                    &searcher.inverted.average,
                );
        }
        if matched == 0 {
            continue;
        }
        if tuning.proximity > 0.0 && ranking.clauses.iter().filter(|c| c.counts).count() >= 2 {
            score *= 1.0 + bonus(tuning, min_gap(&mut positions));
        }
        out.push(Ranked {
            record: record as u32,
            matched,
            trust,
            score,
        });
    }
    out.sort_unstable_by(order);
    out.truncate(k);
    out
}
