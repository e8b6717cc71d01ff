//! The topic panel's groups: each group's topics with their counts, most sections first.

use folio_core::text::normalize;
use folio_core::topics::Topics;

use super::sort_stably_by;

/// One group of the topic panel: its label and its topics with their counts, most sections
/// first (ties keep the corpus's order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelf {
    pub label: String,
    pub topics: Vec<(usize, u32)>,
}

/// The topics by group, in the corpus's group order, each group sorted by count; with a
/// `filter` only topics whose name holds it, in any case and with or without diacritics, as
/// search compares words. Empty groups are left out.
pub fn shelves(topics: &Topics, counts: &[u32], filter: &str) -> Vec<Shelf> {
    let filter = normalize(filter.trim());
    let mut shelves: Vec<Shelf> = Vec::new();
    for (i, topic) in topics.topics.iter().enumerate() {
        if !filter.is_empty() && !normalize(&topic.name).contains(&filter) {
            continue;
        }
        let label = topic.group.label();
        let count = counts.get(i).copied().unwrap_or(0);
        match shelves.iter_mut().find(|s| s.label == label) {
            Some(shelf) => shelf.topics.push((i, count)),
            None => shelves.push(Shelf {
                label: label.to_string(),
                topics: vec![(i, count)],
            }),
        }
    }
    for shelf in &mut shelves {
        sort_stably_by(&mut shelf.topics, |t| -i64::from(t.1));
    }
    shelves
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;

    #[test]
    fn shelves_group_sort_by_count_and_filter() {
        let topics = sample();
        let shelves = shelves(&topics, &[1, 2, 0, 5, 2], "");
        let shape: Vec<(&str, Vec<usize>)> = shelves
            .iter()
            .map(|s| (s.label.as_str(), s.topics.iter().map(|t| t.0).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                ("People", vec![1, 0]),
                ("Places", vec![3, 2]),
                ("Themes", vec![4])
            ]
        );
        let found = self::shelves(&topics, &[0; 5], " O ");
        let names: Vec<usize> = found
            .iter()
            .flat_map(|s| s.topics.iter().map(|t| t.0))
            .collect();
        assert_eq!(names, [1, 2, 3], "bob, oslo, rome");
        let found = self::shelves(&topics, &[0; 5], "Róme");
        assert_eq!(found.len(), 1, "diacritics and case do not matter");
        assert_eq!(found[0].topics, [(3, 0)]);
    }
}
