//! The reading order of a folder's documents: the order of the contents, of previous and next.
//!
//! A site's own table of contents comes first: an mdBook `SUMMARY.md` at the top of the folder
//! lists its chapters in order, the `nav` of an MkDocs `mkdocs.yml` (in the folder, or above the
//! folder when the folder is its `docs_dir`) lists its pages. Documents it does not list follow,
//! in folder order, and the build names them in a warning.
//!
//! Without such a table, a site that was built gives its order in its pages: each links to the
//! next and to the previous page (`rel="next"`, `rel="prev"`), and the pages are read along
//! those links, each run of linked pages from its first, which keeps its place in folder order.
//!
//! Folder order is what static-site generators give when nothing lists the pages: in each
//! folder, its index page first (`index`, `README`, `_index`), then the documents and
//! subfolders with a weight in their front matter (`weight`, `nav_order`, `sidebar_position`,
//! `order`; a subfolder takes the `position` of its Docusaurus `_category_` file, else its
//! index page's), lowest first, then the rest by name, numbers
//! compared as numbers (`2-setup` before `10-deploy`).

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::front_matter::yaml_error;
use super::ignore::Patterns;
use super::links::{candidates, join, page_path, percent_decode};
use super::{format_of, Warning};
use crate::model::{Document, SourceFormat};

/// The name of mdBook's table of contents.
pub const SUMMARY: &str = "SUMMARY.md";

/// A table of contents read from a file of the folder: the paths it lists, in order, each with
/// the line that lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The file the listing was read from, relative to the data folder.
    pub file: String,
    pub entries: Vec<(String, usize)>,
    /// Documents left out of the listing on purpose: they follow the listed ones without a
    /// warning.
    pub quiet: Option<Patterns>,
}

/// Reads `SUMMARY.md` as mdBook does: the links of its list items and of its paragraphs of
/// links, in order; `# Part` headings and `---` rules only divide it. A file with any text
/// outside links and headings is not a table of contents but a document, and gives `None`; so
/// does one that links to no document.
pub fn summary(text: &str) -> Option<Listing> {
    let mut entries = Vec::new();
    let mut in_link = 0u32;
    let mut in_heading = false;
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                in_link += 1;
                let target = dest_url.split('#').next().unwrap_or_default();
                if !target.is_empty() && !target.contains(':') {
                    let line = text[..range.start].matches('\n').count() + 1;
                    entries.push((join(SUMMARY, &percent_decode(target)), line));
                }
            }
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) | Event::Code(t)
                if in_link == 0 && !in_heading && !t.trim().is_empty() =>
            {
                return None
            }
            Event::Start(
                Tag::CodeBlock(_)
                | Tag::Table(_)
                | Tag::BlockQuote(_)
                | Tag::Image { .. }
                | Tag::FootnoteDefinition(_),
            ) => return None,
            _ => {}
        }
    }
    entries.retain(|(path, _)| format_of(path) == Some(SourceFormat::Markdown));
    (!entries.is_empty()).then(|| Listing {
        file: SUMMARY.to_string(),
        entries,
        quiet: None,
    })
}

/// The names of MkDocs' configuration, at the top of the data folder or in the folder above it.
pub const MKDOCS: &[&str] = &["mkdocs.yml", "mkdocs.yaml"];

/// What an MkDocs configuration says of its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MkDocs {
    /// The pages of its `nav`, in order; `None` without a `nav`.
    pub listing: Option<Listing>,
    /// `exclude_docs`, after MkDocs' own exclusion of `/templates/`: pages not built.
    pub exclude: Patterns,
    /// `draft_docs`: pages MkDocs leaves out of a site it builds.
    pub drafts: Patterns,
}

/// The names of Docusaurus' description of a folder, whose `position` places the folder among
/// its siblings.
pub const CATEGORY: &[&str] = &["_category_.json", "_category_.yml", "_category_.yaml"];

/// The `position` a folder's `_category_` file gives it (JSON or YAML), if any; a position that
/// is not a number, or a file that is neither, gives the reason.
pub fn category_position(text: &str) -> Result<Option<f64>, String> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(text).map_err(|e| yaml_error(&e))?;
    let position = match docs.first() {
        Some(Yaml::Hash(fields)) => fields.get(&Yaml::String("position".into())),
        Some(Yaml::Null) | None => None,
        Some(_) => return Err("not a list of fields (`label`, `position`…)".into()),
    };
    let Some(value) = position.filter(|v| !matches!(v, Yaml::Null)) else {
        return Ok(None);
    };
    let number = match value {
        Yaml::Integer(n) => Some(*n as f64),
        Yaml::Real(text) => text.parse::<f64>().ok().filter(|n| n.is_finite()),
        _ => None,
    };
    number.map(Some).ok_or_else(|| {
        let written = match value {
            Yaml::String(text) | Yaml::Real(text) => format!("{text:?}"),
            Yaml::Boolean(b) => b.to_string(),
            Yaml::Array(_) => "a list".into(),
            _ => "a list of fields".into(),
        };
        format!(
            "`position` must be a number (the folder's place among its siblings), not {written}"
        )
    })
}

/// Reads an MkDocs configuration: the pages of its `nav`, in order, through nested sections;
/// the pages it excludes (`exclude_docs`), the drafts (`draft_docs`), and the pages that are
/// not in the `nav` on purpose (`not_in_nav`), whose absence is not worth a warning. Paths and
/// patterns are relative to the `docs_dir` (`docs` unless set), which is `docs/` of the data
/// folder when the configuration is in it (`docs_in_data`), and the data folder itself when
/// the configuration is above it. Without a `nav`, MkDocs orders pages as folder order does. A
/// configuration that is not YAML MkDocs could read gives the reason.
pub fn mkdocs(file: &str, text: &str, docs_in_data: bool) -> Result<MkDocs, String> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(text).map_err(|e| yaml_error(&e))?;
    let config = docs.into_iter().next().unwrap_or(Yaml::Null);
    let base = if docs_in_data {
        let dir = config["docs_dir"].as_str().unwrap_or("docs");
        format!("{}/", dir.trim_matches('/'))
    } else {
        String::new()
    };
    let patterns = |key: &str| {
        let written = match &config[key] {
            Yaml::String(lines) => lines.clone(),
            Yaml::Array(items) => items
                .iter()
                .filter_map(Yaml::as_str)
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        };
        let mut patterns = Patterns::parse(file, &base, &written);
        // Each pattern's line in the configuration: the first line after the key that holds it.
        let key_at = text.find(&format!("{key}:")).unwrap_or(0);
        for rule in &mut patterns.rules {
            let at = text[key_at..]
                .find(rule.text.as_str())
                .map_or(key_at, |i| i + key_at);
            rule.line = text[..at].matches('\n').count() + 1;
        }
        patterns
    };
    let exclude = patterns("exclude_docs").with_default("/templates/");
    let drafts = patterns("draft_docs");
    let quiet = patterns("not_in_nav");
    fn walk(node: &Yaml, out: &mut Vec<String>) {
        match node {
            Yaml::String(page) => out.push(page.clone()),
            Yaml::Array(items) => items.iter().for_each(|item| walk(item, out)),
            Yaml::Hash(entries) => entries.values().for_each(|value| walk(value, out)),
            _ => {}
        }
    }
    let mut pages = Vec::new();
    let listing = match &config["nav"] {
        Yaml::BadValue => None,
        nav => {
            walk(nav, &mut pages);
            let nav_start = text.find("nav:").unwrap_or(0);
            let entries: Vec<(String, usize)> = pages
                .into_iter()
                .filter(|page| !page.contains("://") && !page.starts_with("mailto:"))
                .map(|page| {
                    let at = text[nav_start..]
                        .find(page.as_str())
                        .map_or(0, |i| i + nav_start);
                    let line = text[..at].matches('\n').count() + 1;
                    let page = page.split('#').next().unwrap_or_default();
                    let path = join(&format!("{base}index.md"), &percent_decode(page));
                    (path, line)
                })
                .filter(|(path, _)| format_of(path).is_some())
                .collect();
            Some(Listing {
                file: file.to_string(),
                entries,
                quiet: (!quiet.rules.is_empty()).then_some(quiet),
            })
        }
    };
    Ok(MkDocs {
        listing,
        exclude,
        drafts,
    })
}

/// The `docs_dir` an MkDocs configuration names (`docs` unless set), or `None` when the text is
/// not YAML.
pub fn mkdocs_docs_dir(text: &str) -> Option<String> {
    let docs = yaml_rust2::YamlLoader::load_from_str(text).ok()?;
    let dir = docs.first().and_then(|config| config["docs_dir"].as_str());
    Some(dir.unwrap_or("docs").to_string())
}

/// Puts the documents (and their coverage reports, which go with them) in reading order, and
/// returns what the build should say about it: entries of the listing that name no document
/// (but for files `left_out` on purpose), and documents the listing leaves out.
pub fn arrange<T>(
    documents: &mut Vec<Document>,
    reports: &mut Vec<T>,
    listing: Option<&Listing>,
    left_out: &HashSet<String>,
    folders: &HashMap<String, f64>,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut order: Vec<usize> = (0..documents.len()).collect();
    let weights = Weights::of(documents, folders);
    order.sort_by(|&a, &b| weights.folder_order(&documents[a].source, &documents[b].source));
    if listing.is_none() {
        order = follow_pages(documents, &order);
    }
    if let Some(listing) = listing {
        let position: HashMap<&str, usize> = documents
            .iter()
            .enumerate()
            .map(|(i, d)| (d.source.as_str(), i))
            .collect();
        let mut listed = Vec::new();
        let mut seen = HashSet::new();
        for (path, line) in &listing.entries {
            match position.get(path.as_str()) {
                Some(&i) => {
                    if seen.insert(i) {
                        listed.push(i);
                    }
                }
                None if left_out.contains(path) => {}
                None => warnings.push(Warning {
                    file: listing.file.clone(),
                    message: format!(
                        "line {line} lists {path}, which is not a document of the folder"
                    ),
                }),
            }
        }
        let rest: Vec<usize> = order.into_iter().filter(|i| !seen.contains(i)).collect();
        let names: Vec<&str> = rest
            .iter()
            .map(|&i| documents[i].source.as_str())
            .filter(|path| {
                let quiet = listing.quiet.as_ref();
                quiet.is_none_or(|quiet| quiet.excluding(path).is_none())
            })
            .collect();
        if !names.is_empty() {
            warnings.push(Warning {
                file: listing.file.clone(),
                message: format!(
                    "{} not listed, so {} after the listed ones: {}",
                    plural(names.len(), "document is", "documents are"),
                    if names.len() == 1 {
                        "it comes"
                    } else {
                        "they come"
                    },
                    names.join(", ")
                ),
            });
        }
        listed.extend(rest);
        order = listed;
    }
    permute(documents, &order);
    permute(reports, &order);
    warnings
}

/// Folder order (`order`), with each page followed by the page it names as the next one
/// (`rel="next"`), or by the page that names it as the previous one (`rel="prev"`): the order
/// mdBook, Sphinx and MkDocs give the pages they build, as a reader pages through them. A run
/// of pages linked so is read from its first page, which keeps its place in folder order. A
/// page between two others that is not in the corpus (left out, or skipped) does not break
/// the run when the pages on either side of it name it. When two pages name the same next
/// page, the first in folder order leads to it.
fn follow_pages(documents: &[Document], order: &[usize]) -> Vec<usize> {
    let at: HashMap<&str, usize> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.source.as_str(), i))
        .collect();
    // The document a link leads to, or the path of a page of the folder that is not one.
    let target = |from: usize, link: &Option<String>| -> Option<Result<usize, String>> {
        let path = page_path(&documents[from].source, link.as_deref()?)?;
        let found = candidates(&path)
            .iter()
            .find_map(|p| at.get(p.as_str()).copied());
        Some(found.filter(|&to| to != from).ok_or(path))
    };
    let mut next: Vec<Option<usize>> = vec![None; documents.len()];
    let mut previous: Vec<Option<usize>> = vec![None; documents.len()];
    let mut link = |a: usize, b: usize| {
        if a != b && next[a].is_none() && previous[b].is_none() {
            next[a] = Some(b);
            previous[b] = Some(a);
        }
    };
    // Per page, the path of the missing page it names as next; by path, the first page that
    // names it as previous.
    let mut gap_after: Vec<Option<String>> = vec![None; documents.len()];
    let mut after_gap: HashMap<String, usize> = HashMap::new();
    for &a in order {
        match target(a, &documents[a].meta.next) {
            Some(Ok(b)) => link(a, b),
            Some(Err(path)) => gap_after[a] = Some(path),
            None => {}
        }
    }
    for &b in order {
        match target(b, &documents[b].meta.previous) {
            Some(Ok(a)) => link(a, b),
            Some(Err(path)) => {
                after_gap.entry(path).or_insert(b);
            }
            None => {}
        }
    }
    for &a in order {
        if let Some(&b) = gap_after[a].as_ref().and_then(|path| after_gap.get(path)) {
            link(a, b);
        }
    }
    // Runs from their first pages, in folder order; then any ring of pages, from its first.
    let mut placed = vec![false; documents.len()];
    let mut out = Vec::with_capacity(documents.len());
    for rings in [false, true] {
        for &first in order {
            if placed[first] || (!rings && previous[first].is_some()) {
                continue;
            }
            let mut page = Some(first);
            while let Some(i) = page.filter(|&i| !placed[i]) {
                placed[i] = true;
                out.push(i);
                page = next[i];
            }
        }
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Reorders `items` so that item `order[k]` comes `k`-th.
fn permute<T>(items: &mut Vec<T>, order: &[usize]) {
    if items.len() != order.len() {
        return;
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&i| slots[i].take()));
}

/// The weights front matter gives: of documents, by path, and of folders, by the path of the
/// folder (that of its index page).
struct Weights<'a> {
    files: HashMap<&'a str, f64>,
    folders: HashMap<&'a str, f64>,
}

impl<'a> Weights<'a> {
    /// The weights of the documents and of their folders; `folders` gives folders' own, by
    /// path, which win over those of their index pages.
    fn of(documents: &'a [Document], folders: &'a HashMap<String, f64>) -> Self {
        let mut weights = Weights {
            files: HashMap::new(),
            folders: folders.iter().map(|(k, &v)| (k.as_str(), v)).collect(),
        };
        for document in documents {
            let Some(weight) = document.meta.weight else {
                continue;
            };
            let path = document.source.as_str();
            weights.files.insert(path, weight.0);
            if let Some((folder, file)) = path.rsplit_once('/') {
                if is_index(file) && !folders.contains_key(folder) {
                    let slot = weights.folders.entry(folder).or_insert(weight.0);
                    *slot = slot.min(weight.0);
                }
            }
        }
        weights
    }

    /// Compares two source paths in folder order: at the first folder where they part, by the
    /// entries they go through there.
    fn folder_order(&self, a: &str, b: &str) -> Ordering {
        let (pa, pb): (Vec<&str>, Vec<&str>) = (a.split('/').collect(), b.split('/').collect());
        let shared = pa.iter().zip(&pb).take_while(|(x, y)| x == y).count();
        if shared >= pa.len().min(pb.len()) {
            return pa.len().cmp(&pb.len());
        }
        self.entry(&pa, shared)
            .cmp_in_folder(&self.entry(&pb, shared))
    }

    /// The entry of the folder `parts[..at]` that a path goes through.
    fn entry<'p>(&self, parts: &[&'p str], at: usize) -> Entry<'p> {
        let is_file = parts.len() == at + 1;
        let path = parts[..=at].join("/");
        let table = if is_file { &self.files } else { &self.folders };
        Entry {
            name: parts[at],
            is_file,
            weight: table.get(path.as_str()).copied(),
        }
    }
}

/// One entry of a folder: a document, or a subfolder holding documents.
struct Entry<'a> {
    name: &'a str,
    is_file: bool,
    weight: Option<f64>,
}

impl<'p> Entry<'p> {
    /// The name without its extension: `guide.md` sorts with a folder `guide`.
    fn stem(&self) -> &'p str {
        match self.name.rsplit_once('.') {
            Some((stem, _)) if self.is_file => stem,
            _ => self.name,
        }
    }

    fn cmp_in_folder(&self, other: &Entry) -> Ordering {
        let index = |e: &Entry| !(e.is_file && is_index(e.name));
        let weight = |e: &Entry| e.weight.map_or((1, 0.0), |w| (0, w));
        index(self)
            .cmp(&index(other))
            .then_with(|| {
                let (x, y) = (weight(self), weight(other));
                x.0.cmp(&y.0).then(x.1.total_cmp(&y.1))
            })
            .then_with(|| natural(self.stem(), other.stem()))
            .then_with(|| other.is_file.cmp(&self.is_file))
            .then_with(|| self.name.cmp(other.name))
    }
}

/// Whether a file is its folder's index page.
fn is_index(file: &str) -> bool {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    ["index", "readme", "_index"]
        .iter()
        .any(|name| stem.eq_ignore_ascii_case(name))
}

/// Compares names as people sort them: runs of digits by their value, the rest without regard
/// to case, and only then by case.
pub fn natural(a: &str, b: &str) -> Ordering {
    fn runs(s: &str) -> impl Iterator<Item = &str> {
        let mut rest = s;
        std::iter::from_fn(move || {
            let first = rest.chars().next()?;
            let digit = first.is_ascii_digit();
            let end = rest
                .find(|c: char| c.is_ascii_digit() != digit)
                .unwrap_or(rest.len());
            let (run, tail) = rest.split_at(end);
            rest = tail;
            Some(run)
        })
    }
    let mut x = runs(a);
    let mut y = runs(b);
    loop {
        match (x.next(), y.next()) {
            (None, None) => return a.to_lowercase().cmp(&b.to_lowercase()).then(a.cmp(b)),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(p), Some(q)) => {
                let numbers = p.starts_with(|c: char| c.is_ascii_digit())
                    && q.starts_with(|c: char| c.is_ascii_digit());
                let order = if numbers {
                    let (p, q) = (p.trim_start_matches('0'), q.trim_start_matches('0'));
                    p.len().cmp(&q.len()).then(p.cmp(q))
                } else {
                    p.to_lowercase().cmp(&q.to_lowercase())
                };
                if order != Ordering::Equal {
                    return order;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_value_and_letters_without_case() {
        let mut names = vec![
            "10-deploy",
            "2-setup",
            "Apple",
            "banana",
            "1-intro",
            "02-b",
            "2-a",
        ];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(
            names,
            [
                "1-intro",
                "2-a",
                "02-b",
                "2-setup",
                "10-deploy",
                "Apple",
                "banana"
            ]
        );
        assert_eq!(natural("a", "A"), Ordering::Greater);
        assert_eq!(natural("ch1", "ch1"), Ordering::Equal);
        assert_eq!(natural("ch", "ch1"), Ordering::Less);
    }

    #[test]
    fn a_summary_lists_its_links_in_order_with_their_lines() {
        let text = "# Summary\n\n[Introduction](intro.md)\n\n---\n\n# Guide\n\n\
                    - [Start](guide/start.md)\n  - [Nested](./guide/nested%20one.md#top)\n\
                    - [Draft]()\n- [Site](https://example.com)\n\n[Credits](credits.md)\n";
        let listing = summary(text).unwrap();
        assert_eq!(listing.file, "SUMMARY.md");
        assert_eq!(
            listing.entries,
            [
                ("intro.md".to_string(), 3),
                ("guide/start.md".to_string(), 9),
                ("guide/nested one.md".to_string(), 10),
                ("credits.md".to_string(), 14),
            ]
        );
    }

    #[test]
    fn a_summary_with_prose_or_no_chapters_is_a_document() {
        assert_eq!(
            summary("# Summary\n\nThis book is about [cats](cats.md).\n"),
            None
        );
        assert_eq!(
            summary("# Summary\n\n- [Home](https://example.com)\n"),
            None
        );
        assert_eq!(summary("- [A](a.md)\n\n```\ncode\n```\n"), None);
    }
}
