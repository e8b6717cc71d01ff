//! Marks in a text: where the active names are mentioned (whole words, case-sensitive), and a
//! text cut into marked pieces without losing any of it.

use folio_core::topics::{Group, Topics};

use super::sort_stably_by;

/// Whether the group names people, organisations or places, whose mentions are highlighted
/// in the text while they are active.
pub fn is_name(group: &Group) -> bool {
    matches!(group, Group::People | Group::Organisations | Group::Places)
}

/// The ways the text writes the active names, longest first (so that "Manzoor Ahmed" wins
/// over "Manzoor").
pub fn name_forms(topics: &Topics, active: &[usize]) -> Vec<String> {
    let mut forms: Vec<String> = active
        .iter()
        .map(|&i| &topics.topics[i])
        .filter(|t| is_name(&t.group))
        .flat_map(|t| t.forms.iter().chain([&t.name]))
        .filter(|f| !f.trim().is_empty())
        .cloned()
        .collect();
    forms.sort();
    forms.dedup();
    sort_stably_by(&mut forms, |f| -(f.len() as i64));
    forms
}

/// The byte ranges of `text` where one of `forms` (longest first) stands as a whole word:
/// case-sensitive, with no letter or digit right before or after it.
pub fn form_ranges(text: &str, forms: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut previous: Option<char> = None;
    let mut skip_to = 0;
    for (at, c) in text.char_indices() {
        let starts_word = !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        if at < skip_to || !starts_word || !c.is_alphanumeric() {
            continue;
        }
        let rest = &text[at..];
        let found = forms.iter().find(|form| {
            rest.starts_with(form.as_str())
                && !rest[form.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        });
        if let Some(form) = found {
            out.push((at, at + form.len()));
            skip_to = at + form.len();
        }
    }
    out
}

/// Cuts `text` into pieces, each with the kind of mark it carries (`None`: plain). Ranges may
/// come in any order; one that overlaps an earlier one (by start, then by list order), falls
/// outside the text or splits a character is skipped, so no text is ever lost.
pub fn mark_pieces<K: Copy>(
    text: &str,
    mut ranges: Vec<(usize, usize, K)>,
) -> Vec<(&str, Option<K>)> {
    sort_stably_by(&mut ranges, |r| r.0 as i64);
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end, kind) in ranges {
        let valid = at <= start
            && start < end
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !valid {
            continue;
        }
        if at < start {
            out.push((&text[at..start], None));
        }
        out.push((&text[start..end], Some(kind)));
        at = end;
    }
    if at < text.len() {
        out.push((&text[at..], None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::tests::{ids, sample};
    use super::*;
    use crate::topics::active;

    #[test]
    fn name_forms_are_whole_words_and_case_sensitive() {
        let forms = ids(&["Manzoor Ahmed", "Manzoor", "PTCL"]);
        let text =
            "Manzoor Ahmed met Manzoor's friends at PTCL; manzoor, PTCLs and xManzoor did not.";
        let found: Vec<&str> = form_ranges(text, &forms)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(found, ["Manzoor Ahmed", "Manzoor", "PTCL"]);
        assert!(form_ranges("", &forms).is_empty());
        assert!(form_ranges("Zoë Ahmed", &[]).is_empty());
        let text = "Çağrı and Zoë: Zoë!";
        let found = form_ranges(text, &ids(&["Zoë"]));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|&(s, e)| &text[s..e] == "Zoë"));
    }

    #[test]
    fn only_active_names_are_highlighted_longest_first() {
        let mut topics = sample();
        topics.topics[0].forms = vec!["Ann".into(), "Ann Lee".into()];
        topics.topics[4].forms = vec!["taxes".into()];
        let active = active(&topics, &ids(&["ann", "tax"]));
        assert_eq!(name_forms(&topics, &active), ["Ann Lee", "ANN", "Ann"]);
    }

    #[test]
    fn mark_pieces_keep_all_text() {
        let text = "Ann and Bob";
        let pieces = mark_pieces(
            text,
            vec![(8, 11, 'b'), (0, 3, 'a'), (1, 5, 'x'), (20, 30, 'y')],
        );
        assert_eq!(
            pieces,
            [("Ann", Some('a')), (" and ", None), ("Bob", Some('b'))]
        );
        let joined: String = mark_pieces("Zoë", vec![(0, 3, ())])
            .iter()
            .map(|p| p.0)
            .collect();
        assert_eq!(joined, "Zoë");
    }
}
