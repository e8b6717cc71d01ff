//! Topics as a faceted filter: which topics are active, the sections they leave, the count of
//! every topic under the filter and a query, and the tags of each section; the panel's groups
//! (`shelves`) and where the active names are mentioned in a text (`marks`). Pure functions
//! over [`Topics`]; the components render them.
//!
//! The filter reads as a sentence: topics of one group widen it (a section about *any* of
//! them), groups narrow it (a section about one topic of *every* active group).

use std::rc::Rc;

use folio_core::topics::{Group, Topics};

mod marks;
mod shelves;

pub use marks::{form_ranges, is_name, mark_pieces, name_forms};
pub use shelves::{shelves, Shelf};

/// A section as (document index, section index), the form the topics and the search use.
pub type Spot = (u32, u32);

/// Sections, each with a value, sorted by section for lookup by binary search: smaller in the
/// WASM than a hash map.
#[derive(Debug, Clone, PartialEq)]
pub struct SpotMap<V>(Vec<(Spot, V)>);

impl<V> SpotMap<V> {
    /// The value of section `spot`.
    pub fn get(&self, spot: &Spot) -> Option<&V> {
        let at = self.0.binary_search_by(|(s, _)| s.cmp(spot)).ok()?;
        Some(&self.0[at].1)
    }

    #[cfg(test)]
    pub fn contains_key(&self, spot: &Spot) -> bool {
        self.get(spot).is_some()
    }
}

#[cfg(test)]
impl<V> std::ops::Index<&Spot> for SpotMap<V> {
    type Output = V;

    fn index(&self, spot: &Spot) -> &V {
        self.get(spot).expect("a section of the map")
    }
}

/// Sorts `pairs` by section, keeping the order of the pairs of one section, and makes one value
/// of each section's items: `first` of its first, then `fold` of each next one.
fn spot_map<T, V>(
    mut pairs: Vec<(Spot, T)>,
    first: impl Fn(T) -> V,
    mut fold: impl FnMut(&mut V, T),
) -> SpotMap<V> {
    sort_stably_by(&mut pairs, |(spot, _)| spot_key(*spot));
    let mut out: Vec<(Spot, V)> = Vec::new();
    for (spot, item) in pairs {
        match out.last_mut() {
            Some((last, value)) if *last == spot => fold(value, item),
            _ => out.push((spot, first(item))),
        }
    }
    SpotMap(out)
}

/// A section as one number, in the order of sections.
fn spot_key((doc, section): Spot) -> i64 {
    (i64::from(doc) << 32) | i64::from(section)
}

/// The sections of `spots`, sorted and without repeats.
fn sorted_spots(spots: impl Iterator<Item = Spot>) -> Vec<Spot> {
    let mut spots: Vec<Spot> = spots.collect();
    sort_stably_by(&mut spots, |&spot| spot_key(spot));
    spots.dedup();
    spots
}

/// Whether the sorted sections `spots` hold `spot`.
pub fn holds(spots: &[Spot], spot: &Spot) -> bool {
    spots.binary_search(spot).is_ok()
}

/// At most this many topics of a section are shown as its tags, strongest first.
pub const TAGS: usize = 6;

/// The active topics, as indices into `topics.topics`, in the order of `ids`. Ids that name no
/// topic, and repeats, are ignored.
pub fn active(topics: &Topics, ids: &[String]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for id in ids {
        if let Some(i) = topics.topics.iter().position(|t| &t.id == id) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// The ids with `id` added at the end, or taken out when it is there.
pub fn toggle(ids: &[String], id: &str) -> Vec<String> {
    if ids.iter().any(|i| i == id) {
        ids.iter().filter(|i| *i != id).cloned().collect()
    } else {
        let mut ids = ids.to_vec();
        ids.push(id.to_string());
        ids
    }
}

/// The sections the active topics leave, sorted: for each group with active topics the
/// sections of any of them, and only the sections every such group leaves. `None` when no topic
/// is active (everything is left).
pub fn allowed(topics: &Topics, active: &[usize]) -> Option<Vec<Spot>> {
    allowed_except(topics, active, None)
}

/// [`allowed`], leaving out the active topics of group `skip`.
fn allowed_except(topics: &Topics, active: &[usize], skip: Option<&Group>) -> Option<Vec<Spot>> {
    let mut groups: Vec<&Group> = Vec::new();
    for &i in active {
        let group = &topics.topics[i].group;
        if Some(group) != skip && !groups.contains(&group) {
            groups.push(group);
        }
    }
    let mut left: Option<Vec<Spot>> = None;
    for group in groups {
        let any = sorted_spots(
            active
                .iter()
                .map(|&i| &topics.topics[i])
                .filter(|t| &t.group == group)
                .flat_map(|t| t.sections.iter().map(|s| (s.doc, s.section))),
        );
        left = Some(match left {
            None => any,
            Some(mut left) => {
                left.retain(|spot| holds(&any, spot));
                left
            }
        });
    }
    left
}

/// How many sections each topic would leave if chosen now, by topic index: the sections it is
/// in, among those that the active topics of *other* groups leave (its own group is a choice
/// between alternatives, so its siblings do not shrink it), and among `matching` — the
/// sections a query matches, sorted — when there is a query.
pub fn counts(topics: &Topics, active: &[usize], matching: Option<&[Spot]>) -> Vec<u32> {
    // What the other groups leave, per group: a handful of groups, so a list.
    let mut by_group: Vec<(&Group, Option<Vec<Spot>>)> = Vec::new();
    topics
        .topics
        .iter()
        .map(|topic| {
            let at = match by_group.iter().position(|(g, _)| *g == &topic.group) {
                Some(at) => at,
                None => {
                    let left = allowed_except(topics, active, Some(&topic.group));
                    by_group.push((&topic.group, left));
                    by_group.len() - 1
                }
            };
            let left = &by_group[at].1;
            topic
                .sections
                .iter()
                .map(|s| (s.doc, s.section))
                .filter(|spot| left.as_ref().is_none_or(|l| holds(l, spot)))
                .filter(|spot| matching.is_none_or(|m| holds(m, spot)))
                .count() as u32
        })
        .collect()
}

/// The mentions of the active topics in each section they are in.
pub fn mentions(topics: &Topics, active: &[usize]) -> SpotMap<u32> {
    let pairs = active
        .iter()
        .flat_map(|&i| &topics.topics[i].sections)
        .map(|s| ((s.doc, s.section), s.mentions))
        .collect();
    spot_map(pairs, |n| n, |sum, n| *sum += n)
}

/// The tags of every section: the indices of its topics, strongest first, at most [`TAGS`].
pub fn section_tags(topics: &Topics) -> SpotMap<Vec<usize>> {
    // Every (section, topic, weight), strongest first; the sort is stable, so equal weights
    // keep the order of the topic list, and the sections keep it when sorted.
    let mut all: Vec<(Spot, usize, f32)> = Vec::new();
    for (i, topic) in topics.topics.iter().enumerate() {
        for s in &topic.sections {
            all.push(((s.doc, s.section), i, s.weight));
        }
    }
    sort_stably_by(&mut all, |t| -i64::from(total_order(t.2)));
    let pairs = all
        .into_iter()
        .map(|(spot, topic, _)| (spot, topic))
        .collect();
    spot_map(
        pairs,
        |topic| vec![topic],
        |tags, topic| {
            if tags.len() < TAGS {
                tags.push(topic);
            }
        },
    )
}

/// Sorts `items` by `key`, smallest first, keeping the order of equal keys. Every caller
/// shares one sort, of (key, position) pairs, instead of a sort compiled for each element
/// type and comparison, which keeps the WASM smaller.
pub fn sort_stably_by<T>(items: &mut Vec<T>, key: impl Fn(&T) -> i64) {
    let mut order: Vec<(i64, usize)> = items.iter().map(key).zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// An integer that orders floats as [`f32::total_cmp`] does.
fn total_order(x: f32) -> i32 {
    let bits = x.to_bits() as i32;
    bits ^ (((bits >> 31) as u32) >> 1) as i32
}

/// The topic filter as the views need it: the active topics, the sections they leave, the
/// mentions per section, the names to mark, and every section's tags.
#[derive(Debug)]
pub struct Filter {
    pub topics: Rc<Topics>,
    pub tags: Rc<SpotMap<Vec<usize>>>,
    /// Indices of the active topics, in the order chosen.
    pub active: Vec<usize>,
    /// The sections left, sorted, or `None` when no topic is active.
    pub allowed: Option<Vec<Spot>>,
    pub mentions: SpotMap<u32>,
    /// The written forms of the active names, longest first.
    pub forms: Vec<String>,
}

impl Filter {
    /// The filter of the topics named by `ids` (unknown ids are ignored).
    pub fn new(topics: Rc<Topics>, tags: Rc<SpotMap<Vec<usize>>>, ids: &[String]) -> Self {
        let active = active(&topics, ids);
        Filter {
            allowed: allowed(&topics, &active),
            mentions: mentions(&topics, &active),
            forms: name_forms(&topics, &active),
            topics,
            tags,
            active,
        }
    }

    /// Whether the section is left: `None` when there is no filter.
    pub fn matches(&self, spot: Spot) -> Option<bool> {
        self.allowed.as_ref().map(|a| holds(a, &spot))
    }

    /// The ids of the active topics, in the order chosen.
    pub fn ids(&self) -> Vec<String> {
        self.active
            .iter()
            .map(|&i| self.topics.topics[i].id.clone())
            .collect()
    }
}

/// Everything else follows from the topics and the active ones.
impl PartialEq for Filter {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.topics, &other.topics) && self.active == other.active
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use folio_core::topics::{Source, Topic, TopicSection};

    /// A topic in sections of document 0, each with one mention per listed section.
    fn topic(id: &str, group: Group, sections: &[u32]) -> Topic {
        Topic {
            id: id.into(),
            name: id.to_uppercase(),
            group,
            source: Source::Discovered,
            description: None,
            forms: vec![],
            mentions: sections.len() as u32,
            sections: sections
                .iter()
                .map(|&s| TopicSection {
                    doc: 0,
                    section: s,
                    mentions: s + 1,
                    weight: 1.0 / (s as f32 + 1.0),
                })
                .collect(),
        }
    }

    /// People: ann {0,1,2}, bob {2,3}; Places: oslo {1,2,4}, rome {3}; Themes: tax {0,4}.
    pub(super) fn sample() -> Topics {
        Topics {
            topics: vec![
                topic("ann", Group::People, &[0, 1, 2]),
                topic("bob", Group::People, &[2, 3]),
                topic("oslo", Group::Places, &[1, 2, 4]),
                topic("rome", Group::Places, &[3]),
                topic("tax", Group::Themes, &[0, 4]),
            ],
        }
    }

    pub(super) fn ids(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    fn left(topics: &Topics, chosen: &[&str]) -> Option<Vec<u32>> {
        let active = active(topics, &ids(chosen));
        allowed(topics, &active).map(|spots| spots.into_iter().map(|(_, s)| s).collect())
    }

    #[test]
    fn unknown_ids_and_repeats_are_ignored() {
        let topics = sample();
        assert_eq!(
            active(&topics, &ids(&["oslo", "nope", "ann", "oslo"])),
            [2, 0]
        );
        assert!(active(&topics, &[]).is_empty());
    }

    #[test]
    fn toggling_adds_at_the_end_and_removes_in_place() {
        let on = toggle(&ids(&["a", "b"]), "c");
        assert_eq!(on, ["a", "b", "c"]);
        assert_eq!(toggle(&on, "b"), ["a", "c"]);
        assert!(toggle(&ids(&["a"]), "a").is_empty());
    }

    #[test]
    fn or_within_a_group_and_across_groups() {
        let topics = sample();
        assert_eq!(left(&topics, &[]), None, "no filter leaves everything");
        assert_eq!(left(&topics, &["nope"]), None, "an unknown id is no filter");
        assert_eq!(left(&topics, &["ann"]), Some(vec![0, 1, 2]));
        assert_eq!(left(&topics, &["ann", "bob"]), Some(vec![0, 1, 2, 3]), "OR");
        assert_eq!(left(&topics, &["ann", "oslo"]), Some(vec![1, 2]), "AND");
        assert_eq!(
            left(&topics, &["ann", "bob", "rome"]),
            Some(vec![3]),
            "(ann OR bob) AND rome"
        );
        assert_eq!(left(&topics, &["ann", "rome"]), Some(vec![]));
        assert_eq!(
            left(&topics, &["oslo", "rome", "tax"]),
            Some(vec![4]),
            "(oslo OR rome) AND tax"
        );
    }

    #[test]
    fn counts_without_a_filter_or_query_are_the_sections() {
        let topics = sample();
        assert_eq!(counts(&topics, &[], None), [3, 2, 3, 1, 2]);
    }

    #[test]
    fn counts_narrow_across_groups_but_not_within_one() {
        let topics = sample();
        // ann is active: other groups count within {0,1,2}; people count everything.
        let active = active(&topics, &ids(&["ann"]));
        assert_eq!(counts(&topics, &active, None), [3, 2, 2, 0, 1]);
        // ann and oslo: people count within oslo {1,2,4}, places within ann {0,1,2},
        // themes within {1,2}.
        let active = self::active(&topics, &ids(&["ann", "oslo"]));
        assert_eq!(counts(&topics, &active, None), [2, 1, 2, 0, 0]);
        // (ann OR bob) AND rome.
        let active = self::active(&topics, &ids(&["ann", "bob", "rome"]));
        assert_eq!(counts(&topics, &active, None), [0, 1, 2, 1, 0]);
    }

    #[test]
    fn counts_with_a_query_keep_to_its_matching_sections() {
        let topics = sample();
        let matching: Vec<Spot> = vec![(0, 2), (0, 4)];
        assert_eq!(counts(&topics, &[], Some(&matching)), [1, 1, 2, 0, 1]);
        let active = active(&topics, &ids(&["oslo"]));
        assert_eq!(counts(&topics, &active, Some(&matching)), [1, 1, 2, 0, 1]);
        let active = self::active(&topics, &ids(&["tax"]));
        assert_eq!(counts(&topics, &active, Some(&matching)), [0, 0, 1, 0, 1]);
        assert_eq!(
            counts(&topics, &[], Some(&[])),
            [0; 5],
            "a query that finds nothing"
        );
        // Sections of another document are other sections.
        assert_eq!(counts(&topics, &[], Some(&[(1, 2)])), [0; 5]);
    }

    #[test]
    fn mentions_add_up_per_section() {
        let topics = sample();
        let active = active(&topics, &ids(&["ann", "bob"]));
        let m = mentions(&topics, &active);
        assert_eq!(m[&(0, 2)], 6, "3 of ann and 3 of bob");
        assert_eq!(m[&(0, 0)], 1);
        assert!(!m.contains_key(&(0, 4)));
    }

    #[test]
    fn tags_are_the_strongest_topics_of_a_section() {
        let mut topics = sample();
        for i in 0..8 {
            let mut t = topic(&format!("t{i}"), Group::Themes, &[4]);
            t.sections[0].weight = i as f32 / 100.0;
            topics.topics.push(t);
        }
        let tags = section_tags(&topics);
        assert_eq!(tags[&(0, 3)], [1, 3]);
        // Section 4: oslo and tax weigh 0.2, the t* at most 0.07.
        let four = &tags[&(0, 4)];
        assert_eq!(four.len(), TAGS);
        assert_eq!(&four[..3], [2, 4, 12]);
    }

    #[test]
    fn spot_maps_fold_each_section_and_find_it_in_any_document() {
        let pairs = vec![
            ((1, 0), 1),
            ((0, 7), 2),
            ((1, 0), 3),
            ((0, 2), 4),
            ((0, 7), 5),
        ];
        let map = spot_map(pairs, |n| n, |sum, n| *sum += n);
        assert_eq!(map.0, [((0, 2), 4), ((0, 7), 7), ((1, 0), 4)]);
        assert_eq!(map.get(&(1, 0)), Some(&4));
        assert!(!map.contains_key(&(0, 3)) && !map.contains_key(&(2, 0)));
        let spots = sorted_spots([(1, 1), (0, 9), (1, 1), (0, 3)].into_iter());
        assert_eq!(spots, [(0, 3), (0, 9), (1, 1)]);
        assert!(holds(&spots, &(0, 9)) && !holds(&spots, &(1, 0)));
    }

    #[test]
    fn sorting_is_stable_and_floats_keep_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (-2, 'd'), (1, 'e')];
        sort_stably_by(&mut items, |t| t.0);
        assert_eq!(items, [(-2, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let floats = [2.5_f32, -0.0, 0.0, -3.0, f32::INFINITY, 1e-9, -1e-9];
        for a in floats {
            for b in floats {
                assert_eq!(
                    total_order(a).cmp(&total_order(b)),
                    a.total_cmp(&b),
                    "{a} {b}"
                );
            }
        }
    }
}
