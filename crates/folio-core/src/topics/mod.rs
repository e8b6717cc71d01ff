//! Topics: what the corpus is about, as a faceted filter.
//!
//! Topics come from three places, in order of authority: a curated `topics.toml` in the data
//! folder ([`curated`]), the documents' own metadata (breadcrumb categories, front-matter tags),
//! and discovery from the text at build time ([`names`] for people, organisations and places,
//! with [`variants`] merging the forms of a name and [`groups`] typing it; [`themes`] for key
//! phrases). Every topic knows its sections, with mention counts and weights;
//! topics with the same name from a weaker source are folded into the stronger one.

mod capitals;
#[cfg(feature = "ingest")]
pub mod curated;
mod groups;
pub mod lexicon;
pub mod names;
pub mod themes;
mod variants;

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::Corpus;

/// The kinds of topic, in the order the UI shows them.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Group {
    People,
    Organisations,
    Places,
    Themes,
    Categories,
    Tags,
    /// A group a curated topic names that is none of the above.
    Custom(String),
    /// Topics that could not be typed.
    Other,
}

impl Group {
    pub fn label(&self) -> &str {
        match self {
            Group::People => "People",
            Group::Organisations => "Organisations",
            Group::Places => "Places",
            Group::Themes => "Themes",
            Group::Categories => "Categories",
            Group::Tags => "Tags",
            Group::Custom(name) => name,
            Group::Other => "Other",
        }
    }

    /// Every group but the custom ones.
    pub const KNOWN: [Group; 7] = [
        Group::People,
        Group::Organisations,
        Group::Places,
        Group::Themes,
        Group::Categories,
        Group::Tags,
        Group::Other,
    ];

    /// The group a curated topic names, matched without regard to case.
    pub fn from_label(label: &str) -> Group {
        let wanted = label.trim().to_lowercase();
        let wanted = if wanted == "organizations" {
            "organisations".to_string()
        } else {
            wanted
        };
        Group::KNOWN
            .into_iter()
            .find(|g| g.label().to_lowercase() == wanted)
            .unwrap_or_else(|| Group::Custom(label.trim().to_string()))
    }
}

/// Where a topic comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Source {
    Curated,
    Metadata,
    Discovered,
}

/// A section a topic occurs in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicSection {
    pub doc: u32,
    pub section: u32,
    pub mentions: u32,
    /// How much the topic matters to the section, from 0 to 1 (1 for its strongest topic).
    pub weight: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// URL-safe and unique among topics.
    pub id: String,
    pub name: String,
    pub group: Group,
    pub source: Source,
    pub description: Option<String>,
    /// The ways the text writes it (for highlighting mentions).
    pub forms: Vec<String>,
    /// Mentions in the whole corpus.
    pub mentions: u32,
    pub sections: Vec<TopicSection>,
}

/// All topics of a corpus, most mentioned first within each group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Topics {
    pub topics: Vec<Topic>,
}

/// A topic before ids and weights: its name, group, source and mentions per record.
#[derive(Debug, Clone)]
pub struct Draft {
    pub name: String,
    pub group: Group,
    pub source: Source,
    pub description: Option<String>,
    pub forms: Vec<String>,
    pub mentions: BTreeMap<usize, u32>,
}

/// Every section as a record number, in corpus order, and the texts discovery reads.
pub(crate) fn records(corpus: &Corpus) -> Vec<(u32, u32)> {
    corpus
        .documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.sections.len()).map(move |s| (d as u32, s as u32)))
        .collect()
}

/// Topics discovered from the text: names, then themes. Code is no prose: `None`, `String` or
/// `cargo run` are not read.
pub fn discover(corpus: &Corpus) -> Vec<Draft> {
    let records = records(corpus);
    let bodies: Vec<String> = records
        .iter()
        .map(|&(d, s)| corpus.documents[d as usize].sections[s as usize].prose_text())
        .collect();
    let mut words: Vec<Vec<names::Word<'_>>> = bodies.iter().map(|b| names::words(b)).collect();
    // A paragraph set in capitals says nothing about names: read it as lower case.
    for section in &mut words {
        let mut start = 0;
        while start < section.len() {
            let line = section[start].line;
            let end = start
                + section[start..]
                    .iter()
                    .take_while(|w| w.line == line)
                    .count();
            let paragraph = &mut section[start..end];
            let long = paragraph
                .iter()
                .filter(|w| w.text.chars().nth(1).is_some())
                .count();
            let capitals = paragraph.iter().filter(|w| w.acronym).count();
            if capitals * 10 > long * 3 && long >= 4 {
                for w in paragraph.iter_mut() {
                    w.capital = false;
                    w.acronym = false;
                }
            }
            start = end;
        }
    }
    let mut usage = names::Usage::default();
    words.iter().for_each(|w| usage.add(w));
    let found: Vec<(usize, names::Found)> = words
        .iter()
        .enumerate()
        .flat_map(|(r, w)| names::find(w, &usage).into_iter().map(move |f| (r, f)))
        .filter(|(_, f)| !f.is_part_reference())
        .collect();
    let mut drafts: Vec<Draft> = variants::topics(&found, &usage)
        .into_iter()
        .filter(|t| {
            let total: u32 = t.mentions.values().sum();
            total >= 2 || t.name.contains(' ')
        })
        .map(|t| Draft {
            name: t.name,
            group: t.group,
            source: Source::Discovered,
            description: None,
            forms: t.forms.into_iter().collect(),
            mentions: t.mentions,
        })
        .collect();
    let mut themes = themes::Themes::default();
    words
        .iter()
        .enumerate()
        .for_each(|(r, w)| themes.add(r, w, |w| usage.name_like(w)));
    drafts.extend(themes.best().into_iter().map(|t| Draft {
        name: t.name,
        group: Group::Themes,
        source: Source::Discovered,
        description: None,
        forms: t.forms,
        mentions: t.mentions,
    }));
    drafts
}

/// Topics from document metadata: categories and tags apply to every section of their document.
pub fn from_metadata(corpus: &Corpus) -> Vec<Draft> {
    let records = records(corpus);
    let mut by_name: BTreeMap<(Group, String), Draft> = BTreeMap::new();
    for (r, &(d, _)) in records.iter().enumerate() {
        let meta = &corpus.documents[d as usize].meta;
        // The first level of a breadcrumb names the site's section ("Topics", "Home"), not a
        // subject, when there are levels below it.
        let skip = usize::from(meta.categories.len() > 1);
        let named = meta
            .categories
            .iter()
            .skip(skip)
            .map(|c| (Group::Categories, c))
            .chain(meta.tags.iter().map(|t| (Group::Tags, t)));
        for (group, name) in named {
            let draft = by_name
                .entry((group.clone(), name.to_lowercase()))
                .or_insert_with(|| Draft {
                    name: name.clone(),
                    group,
                    source: Source::Metadata,
                    description: None,
                    forms: Vec::new(),
                    mentions: BTreeMap::new(),
                });
            draft.mentions.insert(r, 1);
        }
    }
    by_name.into_values().collect()
}

/// Combines drafts into topics: the first draft of a name wins (pass them strongest source
/// first), later ones with the same name add their sections, and of two discovered drafts the
/// one mentioned more names the topic and gives its group; ids, totals and weights are set.
pub fn assemble(corpus: &Corpus, drafts: Vec<Draft>) -> Topics {
    let records = records(corpus);
    let mut merged: Vec<Draft> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for draft in drafts {
        let key = draft.name.to_lowercase();
        match by_name.get(&key) {
            Some(&i) => {
                let into = &mut merged[i];
                // Between two discovered topics, the one mentioned more gives the name and the
                // group: a theme in many sections outweighs a capitalised heading seen once.
                let total = |d: &Draft| d.mentions.values().sum::<u32>();
                if into.source == Source::Discovered
                    && draft.source == Source::Discovered
                    && total(&draft) > total(into)
                {
                    into.name.clone_from(&draft.name);
                    into.group = draft.group.clone();
                }
                for (r, n) in draft.mentions {
                    let m = into.mentions.entry(r).or_default();
                    *m = (*m).max(n);
                }
                for form in draft.forms {
                    if !into.forms.contains(&form) {
                        into.forms.push(form);
                    }
                }
            }
            None => {
                by_name.insert(key, merged.len());
                merged.push(draft);
            }
        }
    }
    merged.retain(|d| !d.mentions.is_empty());
    // Weight: mentions (dampened) times rarity across sections, scaled per section to 0..1.
    let n = records.len().max(1) as f32;
    let raw: Vec<Vec<(usize, u32, f32)>> = merged
        .iter()
        .map(|d| {
            let idf = (1.0 + n / d.mentions.len() as f32).ln();
            d.mentions
                .iter()
                .map(|(&r, &m)| (r, m, (1.0 + (m as f32).ln()) * idf))
                .collect()
        })
        .collect();
    let mut section_max = vec![0.0f32; records.len()];
    for list in &raw {
        for &(r, _, w) in list {
            section_max[r] = section_max[r].max(w);
        }
    }
    let ids = crate::slug::unique_ids(merged.iter().map(|d| crate::slug::slug(&d.name)));
    let mut topics: Vec<Topic> = merged
        .into_iter()
        .zip(raw)
        .zip(ids)
        .map(|((d, list), id)| Topic {
            id,
            name: d.name,
            group: d.group,
            source: d.source,
            description: d.description,
            forms: d.forms,
            mentions: list.iter().map(|&(_, m, _)| m).sum(),
            sections: list
                .into_iter()
                .map(|(r, m, w)| TopicSection {
                    doc: records[r].0,
                    section: records[r].1,
                    mentions: m,
                    weight: if section_max[r] > 0.0 {
                        w / section_max[r]
                    } else {
                        0.0
                    },
                })
                .collect(),
        })
        .collect();
    topics.sort_by(|a, b| {
        a.group
            .cmp(&b.group)
            .then(b.sections.len().cmp(&a.sections.len()))
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    Topics { topics }
}

impl Topics {
    /// The topics of a corpus without curation: metadata first, then discovery.
    pub fn build(corpus: &Corpus) -> Topics {
        let mut drafts = from_metadata(corpus);
        drafts.extend(discover(corpus));
        assemble(corpus, drafts)
    }

    /// How many topics each group has.
    pub fn per_group(&self) -> Vec<(Group, usize)> {
        let mut counts: BTreeMap<Group, usize> = BTreeMap::new();
        for t in &self.topics {
            *counts.entry(t.group.clone()).or_default() += 1;
        }
        counts.into_iter().collect()
    }
}
