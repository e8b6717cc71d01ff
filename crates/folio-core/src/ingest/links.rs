//! Links between the documents of a corpus. A link to another file of the data folder
//! (`guide/setup.md`, `../README.md#install`, `about.html`) or to a heading of its own document
//! (`#install`)
//! would lead nowhere in the explorer, which shows no files and routes by the URL hash. Once
//! every document is read, such links become the explorer's own addresses: `#/d/<doc>` or
//! `#/d/<doc>/<section>`. A relative link that finds no document or heading is kept as written,
//! with a warning that names the file and the link.
//!
//! Headings are found the way GitHub anchors them: by the section's id, or by its title made
//! into a slug (`#the-ptcl-strike`), the `n`th repeat of a title as `title-n`.

use std::collections::{HashMap, HashSet};

use super::{for_each_text, Warning};
use crate::model::{Corpus, Document};
use crate::slug::slug;

/// Rewrites the links of every document that lead to a document of the corpus or a heading in
/// one, or to an image of the folder (`media`, published with the app as `media/<path>`), and
/// warns about each relative link that leads to none of them. A link to a file that stands for
/// a document (`stand_ins`: its path, and the document's: a copy of it, or the list page of its
/// section) leads to that document.
pub fn resolve(
    corpus: &mut Corpus,
    media: &HashSet<String>,
    left_out: &HashSet<String>,
    stand_ins: &[(String, String)],
) -> Vec<Warning> {
    let mut targets = Targets::of(corpus, media, left_out);
    for (file, document) in stand_ins {
        if let Some(target) = targets.by_path.get(document).cloned() {
            targets.by_path.insert(file.clone(), target);
        }
    }
    let mut warnings = Vec::new();
    let mut warned = HashSet::new();
    let mut outside = Vec::new();
    for document in &mut corpus.documents {
        let from = document.source.clone();
        let sections = &mut document.sections;
        for_each_text(sections, &mut |text| {
            for span in &mut text.spans {
                let Some(link) = &span.link else { continue };
                match targets.address(&from, link, span.style.image) {
                    Outcome::External => {}
                    Outcome::Found(address) => span.link = Some(address),
                    Outcome::Missing(why) => {
                        if warned.insert((from.clone(), link.clone())) {
                            warnings.push(Warning {
                                file: from.clone(),
                                message: format!("link {link:?} kept as written: {why}"),
                            });
                        }
                    }
                    Outcome::Outside => {
                        if warned.insert((from.clone(), link.clone())) {
                            outside.push((from.clone(), link.clone()));
                        }
                    }
                }
            }
        });
    }
    // Links above the folder (to the rest of a site) are many and alike: one warning.
    if let [(from, link)] = outside.as_slice() {
        warnings.push(Warning {
            file: from.clone(),
            message: format!("link {link:?} kept as written: it leads outside the folder"),
        });
    } else if !outside.is_empty() {
        let outside: Vec<String> = outside
            .iter()
            .map(|(from, link)| format!("{link} (in {from})"))
            .collect();
        let outside: Vec<&str> = outside.iter().map(String::as_str).collect();
        warnings.push(Warning {
            file: format!("{} links", outside.len()),
            message: format!(
                "kept as written, as they lead outside the folder: {}",
                super::some_of(&outside)
            ),
        });
    }
    warnings
}

/// Where a link leads.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    /// Not a link into the data folder (a scheme, `//host`, or only a query): left alone.
    External,
    /// The explorer's address of the document or section it names.
    Found(String),
    /// A relative link to nothing in the corpus, and why.
    Missing(String),
    /// A relative link to a file above the data folder.
    Outside,
}

/// What a link may lead to in a document: its id, and its title and headings as slugs.
#[derive(Clone)]
struct Target {
    id: String,
    source: String,
    title: String,
    /// The ids of its sections.
    ids: HashSet<String>,
    /// The ids of its titled sections by the slug of their titles, in order.
    by_slug: HashMap<String, Vec<String>>,
    /// The same by their anchors as GitHub and Hugo write them, punctuation dropped rather
    /// than turned into a dash (`lightdark-modes` for "Light/dark modes").
    by_anchor: HashMap<String, Vec<String>>,
    /// Ids of other elements, with the id of the section each is in.
    anchors: HashMap<String, String>,
}

/// The documents by source path, and the headings of each; the images of the folder.
struct Targets<'m> {
    by_path: HashMap<String, Target>,
    media: &'m HashSet<String>,
    /// Files of the folder left out of the corpus on purpose.
    left_out: &'m HashSet<String>,
}

impl<'m> Targets<'m> {
    fn of(
        corpus: &Corpus,
        media: &'m HashSet<String>,
        left_out: &'m HashSet<String>,
    ) -> Targets<'m> {
        let target = |d: &Document| {
            let mut by_slug: HashMap<String, Vec<String>> = HashMap::new();
            let mut by_anchor: HashMap<String, Vec<String>> = HashMap::new();
            for s in d.sections.iter().filter(|s| !s.untitled) {
                by_slug
                    .entry(slug(&s.title))
                    .or_default()
                    .push(s.id.clone());
                by_anchor
                    .entry(github_anchor(&s.title))
                    .or_default()
                    .push(s.id.clone());
            }
            Target {
                id: d.id.clone(),
                source: d.source.clone(),
                title: slug(&d.title),
                ids: d.sections.iter().map(|s| s.id.clone()).collect(),
                by_slug,
                by_anchor,
                anchors: d.meta.anchors.iter().cloned().collect(),
            }
        };
        Targets {
            by_path: corpus
                .documents
                .iter()
                .map(|d| (d.source.clone(), target(d)))
                .collect(),
            media,
            left_out,
        }
    }

    /// The address of `link`, written in the document at `from` (as an image's source, if
    /// `image`).
    fn address(&self, from: &str, link: &str, image: bool) -> Outcome {
        let link = link.trim();
        // An address a generator fills in (`{{% param repo %}}/issues`) is not a file's.
        if link.is_empty() || has_scheme(link) || link.starts_with("//") || link.contains("{{") {
            return Outcome::External;
        }
        let (rest, fragment) = match link.split_once('#') {
            Some((rest, fragment)) => (rest, Some(fragment)),
            None => (link, None),
        };
        let path = rest.split('?').next().unwrap_or_default();
        // Only a query, or an address of the explorer itself (`#/d/…`): not a file.
        if path.is_empty() && fragment.is_none_or(|f| f.starts_with('/')) {
            return Outcome::External;
        }
        let document = if path.is_empty() {
            match self.by_path.get(from) {
                Some(document) if !image => document,
                _ => return Outcome::External,
            }
        } else {
            let wanted = join(from, &percent_decode(path));
            if wanted.starts_with("../") {
                return Outcome::Outside;
            }
            if self.media.contains(&wanted) {
                return Outcome::Found(format!("media/{}", percent_encode(&wanted)));
            }
            let candidates = candidates(&wanted);
            let left = std::iter::once(&wanted)
                .chain(&candidates)
                .find(|path| self.left_out.contains(path.as_str()));
            if let Some(path) = left {
                return Outcome::Missing(format!("{path} is left out of the corpus"));
            }
            if image {
                return Outcome::Missing(format!("no image of the folder is at {wanted:?}"));
            }
            match candidates.iter().find_map(|p| self.by_path.get(p.as_str())) {
                Some(document) => document,
                None => {
                    return Outcome::Missing(format!("no document of the corpus is at {wanted:?}"))
                }
            }
        };
        let fragment = fragment.map(percent_decode).filter(|f| !f.is_empty());
        let Some(fragment) = fragment else {
            return Outcome::Found(format!("#/d/{}", document.id));
        };
        match heading(document, &fragment) {
            Some(Heading::Section(id)) => Outcome::Found(format!("#/d/{}/{id}", document.id)),
            Some(Heading::Title) => Outcome::Found(format!("#/d/{}", document.id)),
            None if document.source == from => {
                Outcome::Missing(format!("no heading of this document is #{fragment}"))
            }
            None => Outcome::Missing(format!("no heading of {} is #{fragment}", document.source)),
        }
    }
}

/// What a fragment names in a document.
#[derive(Debug, PartialEq, Eq)]
enum Heading<'d> {
    Title,
    Section(&'d str),
}

/// The heading `fragment` names: a section id, a titled section by the slug of its title
/// (`title-1` is its first repeat, as GitHub counts), or the document's title.
fn heading<'d>(document: &'d Target, fragment: &str) -> Option<Heading<'d>> {
    if let Some(id) = document.ids.get(fragment) {
        return Some(Heading::Section(id));
    }
    if let Some(id) = document.anchors.get(fragment) {
        return Some(Heading::Section(id));
    }
    if let Some(id) = document
        .by_anchor
        .get(&fragment.to_lowercase())
        .and_then(|ids| ids.first())
    {
        return Some(Heading::Section(id));
    }
    let wanted = slug(fragment);
    if wanted.is_empty() {
        return None;
    }
    let titled = |key: &str| document.by_slug.get(key).map_or(&[][..], Vec::as_slice);
    if let Some(id) = titled(&wanted).first() {
        return Some(Heading::Section(id));
    }
    if document.title == wanted {
        return Some(Heading::Title);
    }
    let (base, n) = wanted.rsplit_once('-')?;
    let n: usize = n.parse().ok()?;
    titled(base).get(n).map(|id| Heading::Section(id))
}

/// Whether a link starts with a URL scheme (`https:`, `mailto:`, `data:`…).
fn has_scheme(link: &str) -> bool {
    let head = link.split(['/', '?', '#']).next().unwrap_or_default();
    match head.split_once(':') {
        Some((scheme, _)) => {
            scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

/// A heading's anchor as GitHub (and Hugo, by default) makes it: lower case, spaces as dashes,
/// other punctuation dropped.
fn github_anchor(title: &str) -> String {
    title
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The path in the data folder of the page a link leads to, without its fragment: `None` for
/// an address elsewhere, for one above the folder, and for a link to the page itself.
pub(super) fn page_path(from: &str, link: &str) -> Option<String> {
    let link = link.trim();
    if has_scheme(link) || link.starts_with("//") {
        return None;
    }
    let path = link.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() {
        return None;
    }
    let wanted = join(from, &percent_decode(path));
    (!wanted.starts_with("../")).then_some(wanted)
}

/// The path `link` names, relative to the folder of the file at `from`; a leading `/` starts at
/// the data folder. `.` and `..` are resolved; a `..` above the data folder stays.
pub(super) fn join(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if !link.starts_with('/') {
        parts.extend(from.split('/'));
        parts.pop();
    }
    let folder = link.ends_with('/');
    for part in link.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let mut path = parts.join("/");
    if folder && !path.is_empty() {
        path.push('/');
    }
    path
}

/// The source paths a path may name: itself; for a folder, its README or index; without an
/// extension, the Markdown, text or HTML file of that name; a rendered page (`.html`), itself
/// or its Markdown.
pub(super) fn candidates(path: &str) -> Vec<String> {
    if path.is_empty() || path.ends_with('/') {
        let mut out: Vec<String> = [
            "README.md",
            "readme.md",
            "index.md",
            "_index.md",
            "index.html",
            "index.htm",
        ]
        .iter()
        .map(|name| format!("{path}{name}"))
        .collect();
        // A page's address as Hugo, Jekyll and MkDocs publish it: `install.md` at `install/`.
        if let Some(page) = path.strip_suffix('/').filter(|p| !p.is_empty()) {
            out.extend(["md", "markdown"].map(|ext| format!("{page}.{ext}")));
        }
        return out;
    }
    let mut out = vec![path.to_string()];
    let name = path.rsplit('/').next().unwrap_or(path);
    match name.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty() && matches!(ext.to_ascii_lowercase().as_str(), "html" | "htm") =>
        {
            let base = &path[..path.len() - ext.len() - 1];
            out.push(format!("{base}.md"));
            out.push(format!("{base}.markdown"));
        }
        Some((stem, _)) if !stem.is_empty() => {}
        _ => {
            for ext in ["md", "markdown", "txt", "html", "htm"] {
                out.push(format!("{path}.{ext}"));
            }
            for name in ["README.md", "index.md", "_index.md", "index.html"] {
                out.push(format!("{path}/{name}"));
            }
        }
    }
    out
}

/// A path as a URL path: each byte outside letters, digits, `-._~` and `/` as `%XX`.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%20`-style escapes; a malformed escape or invalid UTF-8 leaves the text as written.
pub(super) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied(),
            bytes.get(i + 2).copied(),
        ) {
            (b'%', Some(a), Some(b)) if hex(a).is_some() && hex(b).is_some() => {
                out.push((hex(a).unwrap_or(0) * 16 + hex(b).unwrap_or(0)) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Metadata, Section, SourceFormat, Span, Text};

    fn document(source: &str, title: &str, headings: &[(&str, &str, bool)]) -> Document {
        Document {
            id: crate::ingest::slug_of_path(source),
            title: title.into(),
            source: source.into(),
            format: SourceFormat::Markdown,
            meta: Metadata::default(),
            header: Vec::new(),
            sections: headings
                .iter()
                .map(|(id, title, untitled)| Section {
                    id: (*id).into(),
                    title: (*title).into(),
                    level: 2,
                    untitled: *untitled,
                    blocks: Vec::new(),
                })
                .collect(),
            footer: Vec::new(),
        }
    }

    fn corpus() -> Corpus {
        Corpus {
            documents: vec![
                document(
                    "README.md",
                    "My project",
                    &[
                        ("intro-text", "Intro text…", true),
                        ("install", "Install", false),
                        ("usage", "Usage", false),
                        ("options", "Options", false),
                        ("options-2", "Options", false),
                        ("q-a", "Q & A", false),
                    ],
                ),
                document(
                    "guide/setup.md",
                    "Setup",
                    &[("on-linux", "On Linux", false)],
                ),
                document("guide/README.md", "Guide", &[("why", "Why", false)]),
                document("notes/field notes.md", "Field notes", &[]),
                document("report.txt", "A report", &[("the-end", "The end", false)]),
                document("site/index.html", "Home", &[("welcome", "Welcome", false)]),
                document(
                    "site/about.html",
                    "About",
                    &[
                        ("team", "Our team", false),
                        ("modes", "Light/dark modes", false),
                    ],
                ),
                document("docs/_index.md", "Docs", &[("start", "Start", false)]),
            ],
        }
    }

    /// Where `link` leads from `from`, as a link or, if `image`, as an image's source.
    fn lead(from: &str, link: &str, image: bool) -> Outcome {
        let media = ["guide/shot 1.png", "logo.svg"].map(String::from).into();
        Targets::of(&corpus(), &media, &HashSet::new()).address(from, link, image)
    }

    fn address(from: &str, link: &str) -> Outcome {
        lead(from, link, false)
    }

    fn image(from: &str, link: &str) -> Outcome {
        lead(from, link, true)
    }

    #[test]
    fn images_of_the_folder_are_published() {
        assert_eq!(
            image("guide/setup.md", "shot%201.png"),
            found("media/guide/shot%201.png")
        );
        assert_eq!(image("README.md", "./logo.svg#x"), found("media/logo.svg"));
        // A link to an image leads to it as well.
        assert_eq!(
            address("guide/README.md", "../logo.svg"),
            found("media/logo.svg")
        );
        assert_eq!(
            image("README.md", "missing.png"),
            Outcome::Missing("no image of the folder is at \"missing.png\"".into())
        );
        assert_eq!(image("README.md", "https://x.org/a.png"), Outcome::External);
        assert_eq!(image("README.md", "#install"), Outcome::External);
        assert_eq!(percent_encode("a b/é#?.png"), "a%20b/%C3%A9%23%3F.png");
    }

    fn found(address: &str) -> Outcome {
        Outcome::Found(address.into())
    }

    #[test]
    fn links_to_headings_of_the_same_document() {
        assert_eq!(
            address("README.md", "#install"),
            found("#/d/readme/install")
        );
        assert_eq!(address("README.md", "#Usage"), found("#/d/readme/usage"));
        // GitHub drops the `&` and keeps both spaces as dashes.
        assert_eq!(address("README.md", "#q--a"), found("#/d/readme/q-a"));
        // A repeated title: GitHub's `-1` is its first repeat.
        assert_eq!(
            address("README.md", "#options"),
            found("#/d/readme/options")
        );
        assert_eq!(
            address("README.md", "#options-1"),
            found("#/d/readme/options-2")
        );
        assert_eq!(
            address("README.md", "#options-2"),
            found("#/d/readme/options-2")
        );
        assert_eq!(address("README.md", "#my-project"), found("#/d/readme"));
        assert_eq!(
            address("README.md", "#intro-text"),
            found("#/d/readme/intro-text")
        );
        assert_eq!(
            address("README.md", "#nowhere"),
            Outcome::Missing("no heading of this document is #nowhere".into())
        );
    }

    #[test]
    fn links_to_other_documents() {
        assert_eq!(
            address("README.md", "guide/setup.md"),
            found("#/d/guide-setup")
        );
        assert_eq!(
            address("README.md", "./guide/setup.md#on-linux"),
            found("#/d/guide-setup/on-linux")
        );
        assert_eq!(
            address("guide/setup.md", "../README.md#install"),
            found("#/d/readme/install")
        );
        assert_eq!(address("guide/setup.md", "/README.md"), found("#/d/readme"));
        assert_eq!(
            address("guide/setup.md", "README.md"),
            found("#/d/guide-readme")
        );
        // A folder is its README; a rendered page is its Markdown; no extension is either.
        assert_eq!(address("README.md", "guide/"), found("#/d/guide-readme"));
        assert_eq!(address("README.md", "guide"), found("#/d/guide-readme"));
        assert_eq!(
            address("README.md", "guide/setup.html"),
            found("#/d/guide-setup")
        );
        assert_eq!(
            address("README.md", "guide/setup"),
            found("#/d/guide-setup")
        );
        assert_eq!(
            address("README.md", "notes/field%20notes.md"),
            found("#/d/notes-field-notes")
        );
        assert_eq!(
            address("README.md", "report.txt#the-end"),
            found("#/d/report/the-end")
        );
        assert_eq!(
            address("README.md", "guide/setup.md?plain=1#on-linux"),
            found("#/d/guide-setup/on-linux")
        );
    }

    #[test]
    fn links_between_pages() {
        // A page's own name first, then its folder's index, or the page without extension.
        assert_eq!(
            address("site/index.html", "about.html"),
            found("#/d/site-about")
        );
        assert_eq!(
            address("site/index.html", "about.html#team"),
            found("#/d/site-about/team")
        );
        assert_eq!(
            address("site/about.html", "about#our-team"),
            found("#/d/site-about/team")
        );
        assert_eq!(address("site/about.html", "./"), found("#/d/site-index"));
        assert_eq!(address("README.md", "site/"), found("#/d/site-index"));
        // Hugo's section pages, pages at their published addresses, addresses it fills in.
        assert_eq!(address("README.md", "docs/"), found("#/d/docs-_index"));
        assert_eq!(
            address("guide/README.md", "../guide/setup/#on-linux"),
            found("#/d/guide-setup/on-linux")
        );
        assert_eq!(
            address("README.md", "{{% param repo %}}/issues"),
            Outcome::External
        );
        assert_eq!(
            address("README.md", "site/about.html#lightdark-modes"),
            found("#/d/site-about/modes")
        );
        assert_eq!(
            address("site/about.html", "/docs#start"),
            found("#/d/docs-_index/start")
        );
        assert_eq!(
            address("site/about.html", "index.htm#welcome"),
            Outcome::Missing("no document of the corpus is at \"site/index.htm\"".into())
        );
    }

    #[test]
    fn links_outside_the_corpus() {
        for link in [
            "https://example.org/a.md",
            "mailto:someone@example.org",
            "//cdn.example.org/x.md",
            "#/d/readme/install",
            "?tab=1",
            "",
        ] {
            assert_eq!(address("README.md", link), Outcome::External, "{link}");
        }
        assert_eq!(
            address("guide/setup.md", "../LICENSE"),
            Outcome::Missing("no document of the corpus is at \"LICENSE\"".into())
        );
        assert_eq!(
            address("README.md", "guide/setup.md#nowhere"),
            Outcome::Missing("no heading of guide/setup.md is #nowhere".into())
        );
        assert_eq!(address("README.md", "../../outside.md"), Outcome::Outside);
        assert_eq!(
            address("guide/setup.md", "../../std/index.html"),
            Outcome::Outside
        );
    }

    #[test]
    fn rewrites_links_in_every_kind_of_block_and_warns_once_per_link() {
        let link = |to: &str| Text {
            spans: vec![Span {
                text: "see".into(),
                link: Some(to.into()),
                ..Span::default()
            }],
        };
        let mut corpus = corpus();
        corpus.documents[0].sections[1].blocks = vec![
            Block::Paragraph(link("#usage")),
            Block::Quote(vec![Block::Paragraph(link("guide/setup.md"))]),
            Block::List(crate::model::List {
                ordered: false,
                notes: false,
                items: vec![crate::model::ListItem {
                    marker: "-".into(),
                    task: None,
                    blocks: vec![Block::Paragraph(link("missing.md"))],
                }],
            }),
            Block::Table(crate::model::Table {
                align: vec![crate::model::Align::None],
                head: 0,
                rows: vec![vec![link("missing.md")], vec![link("https://example.org")]],
            }),
        ];
        let warnings = resolve(&mut corpus, &HashSet::new(), &HashSet::new(), &[]);
        let mut links = Vec::new();
        for_each_text(&mut corpus.documents[0].sections, &mut |t| {
            links.push(t.spans[0].link.clone().unwrap_or_default())
        });
        assert_eq!(
            links,
            [
                "#/d/readme/usage",
                "#/d/guide-setup",
                "missing.md",
                "missing.md",
                "https://example.org"
            ]
        );
        assert_eq!(
            warnings,
            [Warning {
                file: "README.md".into(),
                message: "link \"missing.md\" kept as written: no document of the corpus is at \"missing.md\"".into(),
            }]
        );
    }

    #[test]
    fn paths_and_escapes() {
        assert_eq!(join("a/b/c.md", "../d.md"), "a/d.md");
        assert_eq!(join("a/b/c.md", "./e/../f.md"), "a/b/f.md");
        assert_eq!(join("c.md", "../../x.md"), "../../x.md");
        assert_eq!(join("a/c.md", "/x/"), "x/");
        assert_eq!(percent_decode("a%20b%zz%e2%80%94"), "a b%zz—");
        assert_eq!(percent_decode("%ff"), "%ff");
        assert!(has_scheme("javascript:alert(1)"));
        assert!(!has_scheme("a/b:c"));
        assert!(!has_scheme("1x:y"));
    }
}
