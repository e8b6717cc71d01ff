//! The search index, built once at build time and stored in the corpus blob.
//!
//! Every section of the corpus is one searchable record with four fields: its heading, its
//! document's title, its body, and its document's metadata (author, categories, tags, poster).
//! The term dictionary lists every normalised surface form, sorted, a term's id being its rank
//! ([`terms`]). Each term's postings list the sections and fields it occurs in, with its
//! positions there, as delta-coded varints. For snippets, each section keeps the byte offset of
//! every 32nd body word.
//!
//! The blob stores the postings the other way round ([`SearchIndex::words`]): each field of
//! each section as the list of its words' term ids, in order. That is the same information in
//! two thirds of the bytes once compressed, since a text's word sequence repeats itself the way
//! the text does. The first search, or [`SearchIndex::prepare`], turns these lists back into
//! postings, document frequencies and field lengths, in one pass over the ids. The corpus is
//! never tokenized in the browser: the app decodes the index and searches. The stems of
//! dictionary terms are worked out there, once per letter, for the letters a query needs, since
//! a table of stems costs more to ship than to compute.

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use crate::hash::IdMap;
use crate::model::{Corpus, Document};
use crate::text::{stem, tokenize};

pub(crate) mod terms;

pub(crate) use terms::{Terms, Walker};

/// The fields of a record, in the order of [`FIELDS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Heading = 0,
    Title = 1,
    Body = 2,
    Meta = 3,
}

pub const FIELDS: [Field; 4] = [Field::Heading, Field::Title, Field::Body, Field::Meta];

/// One body word in this many keeps its byte offset, for snippets.
pub const CHECKPOINT: u32 = 32;

impl Field {
    fn from_u8(n: u8) -> Field {
        FIELDS.get(usize::from(n)).copied().unwrap_or(Field::Body)
    }
}

/// The searchable form of a corpus, as the blob stores it, with the postings it rebuilds from
/// the stored word lists when search first needs them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SearchIndex {
    /// The dictionary, front-coded (see [`terms`]): a term's id is its rank.
    #[serde(with = "bytes")]
    pub(crate) terms: Vec<u8>,
    /// Per record: (document index, section index) in the corpus.
    pub(crate) records: Vec<(u32, u32)>,
    /// For each record, for each field in [`FIELDS`] order: the number of words; the number of
    /// words whose position is not the one after the previous word's (the first word's
    /// previous position is -1), and for each its index in the list (less the index after the
    /// one before) and its distance from the previous position (0 for the joined form of a
    /// hyphenated compound, which shares its first part's position); then each word's term id.
    /// All are varints. Ids apart from the rest compress better than ids with a flag bit.
    #[serde(with = "bytes")]
    pub(crate) words: Vec<u8>,
    /// Per record: the byte offset in `Section::body_text` of every `CHECKPOINT`-th body word,
    /// delta-coded; the words between are found again by tokenizing a few words of text.
    pub(crate) offsets: Vec<Vec<u8>>,
    /// The postings, rebuilt from `words` once (not stored).
    #[serde(skip)]
    inverted: OnceCell<Result<Inverted, String>>,
    /// The dictionary, read back when first needed (not stored).
    #[serde(skip)]
    read_terms: OnceCell<Result<Terms, String>>,
    /// The terms by first byte, with their stems once a query needs them (not stored).
    #[serde(skip)]
    pub(crate) letters: OnceCell<Vec<Letter>>,
}

/// Two indexes are equal when they store the same: what they rebuild follows from it.
impl PartialEq for SearchIndex {
    fn eq(&self, other: &Self) -> bool {
        (&self.terms, &self.records, &self.words, &self.offsets)
            == (&other.terms, &other.records, &other.words, &other.offsets)
    }
}

/// What a search reads besides the dictionary: each term's postings and document frequency,
/// and the length of every field.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Inverted {
    /// Per term id: the number of sections it occurs in.
    pub(crate) df: Vec<u32>,
    /// Per term id: its postings, encoded by [`encode_postings`].
    pub(crate) postings: Vec<Vec<u8>>,
    /// Per record: the length of each field, in words.
    pub(crate) lengths: Vec<[u32; 4]>,
    /// The average length of each field over all records.
    pub(crate) average: [f32; 4],
}

/// Byte strings read and written whole rather than byte by byte. The encoding is the same as a
/// sequence of bytes (a length, then the bytes), and reading megabytes of it is a copy.
mod bytes {
    use std::fmt;

    use serde::de::{Deserializer, Error, Visitor};
    use serde::Serializer;

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("bytes")
            }
            fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<u8>, E> {
                Ok(bytes.to_vec())
            }
            fn visit_byte_buf<E: Error>(self, bytes: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(bytes)
            }
        }
        deserializer.deserialize_byte_buf(Bytes)
    }
}

/// The word lists of [`SearchIndex::words`], from postings over `records` records.
fn word_lists(inverted: &Inverted, records: usize) -> Vec<u8> {
    // (record, field) → (position, term id) of each word.
    let mut fields = vec![Vec::new(); records * FIELDS.len()];
    for (id, postings) in inverted.postings.iter().enumerate() {
        for_each_posting(postings, |record, field, positions| {
            let words: &mut Vec<(u32, u32)> =
                &mut fields[record as usize * FIELDS.len() + field as usize];
            words.extend(positions.iter().map(|&p| (p, id as u32)));
        });
    }
    let mut words = Vec::new();
    for mut list in fields {
        list.sort_unstable();
        push_varint(&mut words, list.len() as u32);
        // The words whose position is not the one after the previous word's, first.
        let mut irregular = Vec::new();
        let mut next = 0;
        for (k, &(position, _)) in list.iter().enumerate() {
            if position != next {
                irregular.push((k as u32, position + 1 - next));
            }
            next = position + 1;
        }
        push_varint(&mut words, irregular.len() as u32);
        let mut after = 0;
        for (k, distance) in irregular {
            push_varint(&mut words, k - after);
            push_varint(&mut words, distance);
            after = k + 1;
        }
        for (_, id) in list {
            push_varint(&mut words, id);
        }
    }
    words
}

/// Turns the word lists of `stored` back into postings: each field's words are gathered by
/// term, and each term's positions are appended to that term's postings. A damaged dictionary,
/// ids outside it and lists that end early are refused.
fn invert(stored: &SearchIndex) -> Result<Inverted, String> {
    let terms = stored.dictionary().map_err(str::to_string)?.len();
    let damaged = |what: &str| format!("the search index's word lists are damaged: {what}");
    // Every term has a word, of one byte at least: this bounds what is allocated.
    if terms > stored.words.len() {
        return Err(damaged("more terms than words"));
    }
    let mut index = Inverted {
        df: vec![0; terms],
        postings: vec![Vec::new(); terms],
        lengths: Vec::with_capacity(stored.records.len()),
        ..Inverted::default()
    };
    // Per term: the last record it was seen in, plus one (0 before the first).
    let mut last = vec![0u32; terms];
    let mut totals = [0u64; 4];
    // Per term: its positions in the current field; and the terms that have some.
    let mut held: Vec<Vec<u32>> = vec![Vec::new(); terms];
    let mut touched: Vec<u32> = Vec::new();
    // The words of the current field out of place: (index in the list, distance).
    let mut jumps: Vec<(u32, u32)> = Vec::new();
    let bytes = &stored.words;
    let read = |at: &mut usize| match *at < bytes.len() {
        true => Ok(read_varint(bytes, at)),
        false => Err(damaged("the data ends inside a list")),
    };
    let mut at = 0;
    for record in 0..stored.records.len() as u32 {
        let mut lengths = [0u32; 4];
        for field in FIELDS {
            let count = read(&mut at)?;
            if count as usize > bytes.len() - at.min(bytes.len()) {
                return Err(damaged("a list is longer than the data"));
            }
            let irregular = read(&mut at)?;
            if irregular > count {
                return Err(damaged("more words out of place than words"));
            }
            jumps.clear();
            let mut after = 0u32;
            for _ in 0..irregular {
                let k = after
                    .checked_add(read(&mut at)?)
                    .filter(|&k| k < count)
                    .ok_or_else(|| damaged("a word out of place beyond its list"))?;
                jumps.push((k, read(&mut at)?));
                after = k + 1;
            }
            let mut jumps_left = jumps.iter().peekable();
            let mut next = 0u32;
            for k in 0..count {
                let id = read(&mut at)?;
                let position = match jumps_left.next_if(|&&(j, _)| j == k) {
                    None => next,
                    Some(&(_, distance)) => next
                        .checked_add(distance)
                        .and_then(|p| p.checked_sub(1))
                        .ok_or_else(|| damaged("a position out of range"))?,
                };
                let Some(positions) = held.get_mut(id as usize) else {
                    return Err(damaged("a term id outside the dictionary"));
                };
                if positions.is_empty() {
                    touched.push(id);
                }
                // Positions never decrease, so each term's come in order.
                positions.push(position);
                next = position.saturating_add(1);
            }
            lengths[field as usize] = next;
            totals[field as usize] += u64::from(next);
            for id in touched.drain(..) {
                let id = id as usize;
                let out = &mut index.postings[id];
                if last[id] != record + 1 {
                    index.df[id] += 1;
                }
                push_varint(out, record - last[id].saturating_sub(1));
                last[id] = record + 1;
                push_varint(out, (held[id].len() as u32) << 2 | field as u32);
                let mut previous = 0;
                for position in held[id].drain(..) {
                    push_varint(out, position - previous);
                    previous = position;
                }
            }
        }
        index.lengths.push(lengths);
    }
    if at != bytes.len() {
        return Err(damaged("bytes left after the last list"));
    }
    index.average = averages(&totals, stored.records.len());
    Ok(index)
}

/// The average length of each field, given the fields' total lengths over `records` records.
fn averages(totals: &[u64; 4], records: usize) -> [f32; 4] {
    let records = records.max(1) as f32;
    totals.map(|total| (total as f32 / records).max(1.0))
}

/// The terms that start with one byte. Ids follow byte order, so they are a run of ids.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Letter {
    /// The byte, and the ids of its terms.
    first: u8,
    ids: std::ops::Range<u32>,
    /// Their stems as (stem, term id), sorted by stem.
    stems: OnceCell<Vec<(Box<str>, u32)>>,
}

/// One occurrence list: a term in one field of one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posting {
    pub record: u32,
    pub field: Field,
    pub positions: Vec<u32>,
}

pub(crate) fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a varint at `*at`, advancing it. Malformed input ends the value early, never panics.
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut n = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        n |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    n
}

fn encode_postings(postings: &[Posting]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut last_record = 0;
    for p in postings {
        push_varint(&mut out, p.record - last_record);
        last_record = p.record;
        push_varint(&mut out, (p.positions.len() as u32) << 2 | p.field as u32);
        let mut last = 0;
        for &pos in &p.positions {
            push_varint(&mut out, pos - last);
            last = pos;
        }
    }
    out
}

/// Decodes postings written by `encode_postings`, calling `f` for each.
pub(crate) fn for_each_posting(bytes: &[u8], mut f: impl FnMut(u32, Field, &[u32])) {
    let mut at = 0;
    let mut record = 0;
    let mut positions = Vec::new();
    while at < bytes.len() {
        record += read_varint(bytes, &mut at);
        let head = read_varint(bytes, &mut at);
        let field = Field::from_u8((head & 3) as u8);
        let n = head >> 2;
        positions.clear();
        let mut pos = 0;
        for _ in 0..n {
            pos += read_varint(bytes, &mut at);
            positions.push(pos);
        }
        f(record, field, &positions);
    }
}

/// The metadata words of a document, as one text.
pub(crate) fn meta_text(doc: &Document) -> String {
    let m = &doc.meta;
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(m.author.as_deref());
    parts.extend(m.poster.as_deref());
    parts.extend(m.categories.iter().map(String::as_str));
    parts.extend(m.tags.iter().map(String::as_str));
    parts.join("\n")
}

/// The words of section `s`'s heading field: its title, when it has one.
pub(crate) fn heading_text(doc: &Document, s: usize) -> &str {
    match doc.sections.get(s) {
        Some(section) if !section.untitled => &section.title,
        // The document's title heads its untitled opening on the page: a query for the title's
        // words lands there rather than in a later section.
        Some(_) if s == 0 => &doc.title,
        _ => "",
    }
}

impl SearchIndex {
    /// Indexes every section of `corpus`.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        // term → (record, field) → positions, in record order; each term numbered as first
        // seen, and the terms put in byte order at the end.
        let mut numbers: IdMap<String, usize> = IdMap::default();
        let mut occurrences: Vec<(String, Vec<Posting>)> = Vec::new();
        let mut index = SearchIndex::default();
        let mut inverted = Inverted::default();
        let mut totals = [0u64; 4];
        for (d, doc) in corpus.documents.iter().enumerate() {
            let meta = meta_text(doc);
            for (s, section) in doc.sections.iter().enumerate() {
                let record = index.records.len() as u32;
                index.records.push((d as u32, s as u32));
                let body = section.body_text();
                let texts = [
                    heading_text(doc, s),
                    doc.title.as_str(),
                    body.as_str(),
                    meta.as_str(),
                ];
                let mut lengths = [0u32; 4];
                for (field, text) in FIELDS.iter().zip(texts) {
                    let tokens = tokenize(text);
                    let words = tokens.iter().map(|t| t.position + 1).max().unwrap_or(0);
                    lengths[*field as usize] = words;
                    totals[*field as usize] += u64::from(words);
                    if *field == Field::Body {
                        let mut offsets = Vec::new();
                        let mut last = 0;
                        let mut next_position = 0;
                        for token in &tokens {
                            // Joined compounds repeat a position; keep each position's first word.
                            if token.position == next_position {
                                if token.position % CHECKPOINT == 0 {
                                    push_varint(&mut offsets, token.span.start as u32 - last);
                                    last = token.span.start as u32;
                                }
                                next_position += 1;
                            }
                        }
                        index.offsets.push(offsets);
                    }
                    for token in tokens {
                        let number = match numbers.get(token.term.as_str()) {
                            Some(&number) => number,
                            None => {
                                numbers.insert(token.term.clone(), occurrences.len());
                                occurrences.push((token.term, Vec::new()));
                                occurrences.len() - 1
                            }
                        };
                        let list = &mut occurrences[number].1;
                        match list.last_mut() {
                            Some(p) if p.record == record && p.field == *field => {
                                p.positions.push(token.position)
                            }
                            _ => list.push(Posting {
                                record,
                                field: *field,
                                positions: vec![token.position],
                            }),
                        }
                    }
                }
                inverted.lengths.push(lengths);
            }
        }
        inverted.average = averages(&totals, index.records.len());

        occurrences.sort_unstable_by(|(a, _), (b, _)| a.cmp(b));
        for (_, postings) in &occurrences {
            let mut records: Vec<u32> = postings.iter().map(|p| p.record).collect();
            records.dedup();
            inverted.df.push(records.len() as u32);
            inverted.postings.push(encode_postings(postings));
        }
        index.terms = terms::encode(occurrences.iter().map(|(term, _)| term.as_str()));
        index.words = word_lists(&inverted, index.records.len());
        index.inverted = OnceCell::from(Ok(inverted));
        index
    }

    /// An index of what a blob stores: the dictionary, the records, the word lists and
    /// the offsets (see the fields). What it rebuilds comes when first needed.
    pub(crate) fn stored(
        terms: Vec<u8>,
        records: Vec<(u32, u32)>,
        words: Vec<u8>,
        offsets: Vec<Vec<u8>>,
    ) -> SearchIndex {
        SearchIndex {
            terms,
            records,
            words,
            offsets,
            ..SearchIndex::default()
        }
    }

    /// The postings, rebuilt from the word lists the first time they are asked for, or why
    /// they cannot be.
    pub(crate) fn inverted(&self) -> Result<&Inverted, &str> {
        self.inverted
            .get_or_init(|| invert(self))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Rebuilds the postings now, if not done yet, or says why they cannot be. Searching does
    /// it when first needed; this lets an app do it at a moment of its choice.
    pub fn prepare(&self) -> Result<(), String> {
        self.inverted().map(|_| ()).map_err(str::to_string)
    }

    /// The number of records (sections).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The dictionary, read back the first time it is asked for, or why it cannot be.
    pub(crate) fn dictionary(&self) -> Result<&Terms, &str> {
        self.read_terms
            .get_or_init(|| Terms::decode(&self.terms))
            .as_ref()
            .map_err(String::as_str)
    }

    /// The letters the terms start with, in byte order (hence in id order).
    fn letters(&self) -> &[Letter] {
        self.letters.get_or_init(|| {
            let Ok(terms) = self.dictionary() else {
                return Vec::new();
            };
            terms
                .by_first_byte()
                .into_iter()
                .map(|(first, ids)| Letter {
                    first,
                    ids,
                    ..Letter::default()
                })
                .collect()
        })
    }

    /// The text of term `id`.
    pub(crate) fn term_text(&self, id: u32) -> Option<&str> {
        self.dictionary().ok()?.get(id)
    }

    /// The ids of the terms whose stem is `target`, in id order.
    pub(crate) fn terms_with_stem(&self, target: &str) -> Vec<u32> {
        // A stem starts with its word's first letter, so only the terms starting with the
        // stem's first byte are stemmed, and only once.
        let Some(&first) = target.as_bytes().first() else {
            return Vec::new();
        };
        let letters = self.letters();
        let Ok(at) = letters.binary_search_by_key(&first, |l| l.first) else {
            return Vec::new();
        };
        let letter = &letters[at];
        let table = letter.stems.get_or_init(|| {
            let mut table: Vec<(Box<str>, u32)> = letter
                .ids
                .clone()
                .filter_map(|id| Some((stem(self.term_text(id)?).into_boxed_str(), id)))
                .collect();
            table.sort_unstable();
            table
        });
        let from = table.partition_point(|(s, _)| &**s < target);
        let to = table.partition_point(|(s, _)| &**s <= target);
        table[from..to].iter().map(|&(_, id)| id).collect()
    }

    /// The number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.dictionary().map_or(0, Terms::len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        for n in [0, 1, 127, 128, 300, u32::MAX] {
            push_varint(&mut out, n);
        }
        let mut at = 0;
        let back: Vec<u32> = (0..6).map(|_| read_varint(&out, &mut at)).collect();
        assert_eq!(back, [0, 1, 127, 128, 300, u32::MAX]);
        // Truncated or garbage input ends without panicking.
        let mut at = 0;
        read_varint(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], &mut at);
    }

    /// An index holding only a dictionary of `terms` (sorted), ids in order, and one record
    /// whose word lists are `words`.
    fn index_of(terms: &[&str], words: Vec<u8>) -> SearchIndex {
        SearchIndex {
            terms: terms::encode(terms.iter().copied()),
            records: vec![(0, 0)],
            words,
            ..SearchIndex::default()
        }
    }

    /// An index holding only a dictionary of `terms` (sorted), ids in order.
    fn dictionary(terms: &[&str]) -> SearchIndex {
        index_of(terms, Vec::new())
    }

    #[test]
    fn every_term_is_found_again_by_its_id() {
        let terms = [
            "a", "ab", "abc", "abd", "abdicate", "b", "be", "bé", "béton", "cafe", "café", "z",
            "zz", "ÿ", "ŵales", "中文",
        ];
        let index = dictionary(&terms);
        for (id, term) in terms.iter().enumerate() {
            assert_eq!(index.term_text(id as u32), Some(*term));
        }
        assert_eq!(index.term_text(terms.len() as u32), None);
        assert_eq!(dictionary(&[]).term_text(0), None);
    }

    #[test]
    fn terms_are_listed_by_first_byte() {
        let index = dictionary(&["a", "ab", "b", "bé", "béton", "c"]);
        let letters: Vec<(u8, u32)> = index
            .letters()
            .iter()
            .map(|l| (l.first, l.ids.start))
            .collect();
        assert_eq!(letters, [(b'a', 0), (b'b', 2), (b'c', 5)]);
        assert_eq!(index.terms_with_stem("b"), [2]);
        // Stemming one letter's terms leaves the others unstemmed.
        assert!(index.letters()[0].stems.get().is_none());
        assert!(index.terms_with_stem("d").is_empty());
    }

    /// A two-term index over one record, with `words` as its word lists.
    fn stored(words: Vec<u8>) -> SearchIndex {
        index_of(&["a", "b"], words)
    }

    #[test]
    fn word_lists_become_postings() {
        // Heading: "b"; body: "a b a" with "b" joined at the first a's position; no more.
        let words = vec![1, 0, 1, 0, 0, 4, 1, 1, 0, 0, 1, 1, 0, 0, 0];
        let stored = stored(words.clone());
        let index = stored.inverted().unwrap();
        assert_eq!(index.df, [1, 1]);
        assert_eq!(index.lengths, [[1, 0, 3, 0]]);
        let mut seen = Vec::new();
        for id in 0..2 {
            for_each_posting(&index.postings[id], |record, field, positions| {
                seen.push((id, record, field, positions.to_vec()))
            });
        }
        assert_eq!(
            seen,
            [
                (0, 0, Field::Body, vec![0, 2]),
                (1, 0, Field::Heading, vec![0]),
                (1, 0, Field::Body, vec![0, 1]),
            ]
        );
        // And back: the same lists, in (position, id) order.
        assert_eq!(word_lists(index, 1), words);
        assert!(stored.prepare().is_ok());
    }

    #[test]
    fn a_damaged_dictionary_is_refused() {
        use crate::search::Searcher;
        let corpus = crate::model::Corpus::default();
        let words = vec![0, 0, 0, 0, 2, 0, 0, 1, 0, 0];
        assert!(Searcher::new(&corpus, &stored(words.clone())).is_some());
        let index = SearchIndex {
            terms: b"\x05\x01a".to_vec(),
            ..stored(words)
        };
        assert!(Searcher::new(&corpus, &index).is_none());
        assert!(index
            .prepare()
            .unwrap_err()
            .contains("dictionary is damaged"));
    }

    #[test]
    fn damaged_word_lists_are_refused() {
        for (words, cause) in [
            (vec![1, 0, 4, 0, 0, 0, 0, 0, 0], "outside the dictionary"),
            (vec![1, 0], "ends inside a list"),
            (vec![0, 0, 0, 0, 0, 0], "ends inside a list"),
            (vec![0, 0, 0, 0, 0, 0, 0, 0, 9], "bytes left"),
            (
                vec![1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                "position out of range",
            ),
            (vec![200, 0, 1, 0, 0, 0, 0, 0, 0], "longer than the data"),
            (
                vec![1, 2, 0, 1, 0, 1, 0],
                "more words out of place than words",
            ),
            (
                vec![1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
                "out of place beyond its list",
            ),
            (
                vec![
                    2, 2, 0, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0,
                ],
                "position out of range",
            ),
        ] {
            let index = stored(words.clone());
            let err = index.inverted().unwrap_err();
            assert!(err.contains(cause), "{words:?}: {err}");
            assert!(index.prepare().is_err());
            let corpus = crate::model::Corpus::default();
            assert!(crate::search::Searcher::new(&corpus, &index).is_none());
        }
        let err = stored(vec![0]).prepare().unwrap_err();
        assert!(err.contains("more terms than words"), "{err}");
    }

    /// The index read back from its blob, with its postings rebuilt from the word lists.
    #[cfg(feature = "ingest")]
    fn read_back(files: &[(&str, &str)]) -> (SearchIndex, SearchIndex) {
        let files: Vec<crate::ingest::SourceFile> = files
            .iter()
            .map(|(path, text)| crate::ingest::SourceFile {
                path: path.to_string(),
                bytes: text.as_bytes().to_vec(),
            })
            .collect();
        let built = crate::format::Bundle::new(crate::ingest::ingest(&files).unwrap().corpus);
        let blob = crate::format::encode(&built).unwrap();
        (built.index, crate::format::decode(&blob).unwrap().index)
    }

    #[test]
    #[cfg(feature = "ingest")]
    fn the_default_corpus_reads_back_unchanged() {
        let text = std::fs::read_to_string("../../data/000_15142d29402a5562.txt").unwrap();
        let (built, decoded) = read_back(&[("report.txt", &text)]);
        assert!(built.term_count() > 1000);
        assert!(decoded == built && decoded.inverted.get().is_none());
        assert!(decoded.inverted().unwrap() == built.inverted().unwrap());
    }

    #[cfg(feature = "ingest")]
    proptest::proptest! {
        /// Postings, document frequencies and field lengths are rebuilt exactly. Hyphens make
        /// compounds, which share positions; the heading and front matter fill every field.
        #[test]
        fn any_index_reads_back_unchanged(
            texts in proptest::collection::vec("([a-cé]{1,3}(-[a-c]{1,2})?[ ,.\n]{1,2}){0,30}", 1..4),
            title in "[a-c]{1,3}( [a-c-]{1,4}){0,3}",
        ) {
            let texts: Vec<(String, String)> = texts
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let text = format!("---\nauthor: Ann Lee-Smith {i}\n---\n# {title}x\n\nw {t}\n\n## {t}y\n\nz {t}{t}\n");
                    (format!("{i}.md"), text)
                })
                .collect();
            let files: Vec<(&str, &str)> = texts.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
            let (built, decoded) = read_back(&files);
            proptest::prop_assert!(decoded == built);
            proptest::prop_assert!(decoded.inverted().unwrap() == built.inverted().unwrap());
        }
    }

    #[test]
    fn postings_round_trip() {
        let postings = vec![
            Posting {
                record: 0,
                field: Field::Heading,
                positions: vec![0],
            },
            Posting {
                record: 0,
                field: Field::Body,
                positions: vec![3, 9, 200],
            },
            Posting {
                record: 7,
                field: Field::Meta,
                positions: vec![1],
            },
        ];
        let mut back = Vec::new();
        for_each_posting(&encode_postings(&postings), |record, field, positions| {
            back.push(Posting {
                record,
                field,
                positions: positions.to_vec(),
            })
        });
        assert_eq!(back, postings);
    }
}
