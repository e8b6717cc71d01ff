//! Ingest: raw source files in, a [`Corpus`] out — or an error that names the file and cause.
//!
//! Each file is checked (not empty, not binary, valid UTF-8), read by the reader for its format
//! ([`text`] for plain text shaped like a scraped web page, [`markdown`] for Markdown), and
//! then checked for loss with [`coverage`]: a document that would drop a character of its
//! source stops the build. The corpus is all or nothing: one bad file and no corpus is made.

mod admonition;
pub mod coverage;
pub mod date;
mod front_matter;
pub mod html;
mod html_text;
pub mod ignore;
mod links;
pub mod markdown;
pub mod order;
mod shortcodes;
pub mod text;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::model::{Alert, Block, Corpus, Document, Section, SourceFormat, Text};
use crate::topics::{self, Topics};

pub use crate::slug::{slug, unique_ids};
pub use coverage::Coverage;

/// One raw file of the data folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// The path relative to the data folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// Something the build should tell its user but that does not stop it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub file: String,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.message)
    }
}

/// The outcome of ingesting a folder: the corpus, what was skipped, each document's coverage,
/// and the topics (curated, from metadata, discovered).
#[derive(Debug, Clone)]
pub struct Ingested {
    pub corpus: Corpus,
    pub warnings: Vec<Warning>,
    /// One entry per document, in corpus order.
    pub coverage: Vec<Coverage>,
    pub topics: Topics,
    /// The images of the folder, published with the app as `media/<path>`, by path.
    pub media: Vec<String>,
    /// The table of contents that set the order of the documents, if the folder has one.
    pub listing: Option<order::Listing>,
}

/// The formats a file name selects, by extension.
pub fn format_of(path: &str) -> Option<SourceFormat> {
    let ext = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    match ext.as_str() {
        "txt" | "text" => Some(SourceFormat::Text),
        "md" | "markdown" => Some(SourceFormat::Markdown),
        "html" | "htm" => Some(SourceFormat::Html),
        _ => None,
    }
}

/// The extensions of the images a build publishes with the app, as `media/<path>`.
/// `tools/seal_dist.py` copies the files [`Ingested::media`] lists, as build.rs hands it on.
pub const MEDIA_EXTENSIONS: &[&str] = &["apng", "avif", "gif", "jpeg", "jpg", "png", "svg", "webp"];

/// Whether a file is an image the build publishes.
pub fn is_media(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && MEDIA_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// Ingests every file. Images are published as they are; files of another unsupported kind are
/// skipped with a warning; any other problem stops the whole ingest with an error naming the
/// file (every such file, when there are several).
pub fn ingest(files: &[SourceFile]) -> Result<Ingested> {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut documents: Vec<Document> = Vec::new();
    let mut warnings = Vec::new();
    let mut coverage = Vec::new();
    let mut curated = Vec::new();
    let mut media = HashSet::new();
    let mut listing = None;
    let mut unread = Vec::new();
    let mut unlisted = Vec::new();
    // Folders' own places among their siblings (Docusaurus' `_category_` files).
    let mut folders = HashMap::new();
    // Files that cannot become documents: all are reported, and none is embedded.
    let mut errors = Vec::new();
    // What the folder asks to leave out: `.folioignore`, then MkDocs' exclusions and drafts.
    let mut asks = Vec::new();
    let mut read_mkdocs = false;
    for file in &sorted {
        if file.path == ignore::FILE_NAME {
            // May be empty, unlike the other files of the folder.
            let text = utf8(&file.path, &file.bytes)?;
            asks.push((
                Leaving::Ignored,
                ignore::Patterns::parse(&file.path, "", text),
            ));
        }
        if file.path == SPHINX_INVENTORY {
            asks.push((Leaving::Generated, sphinx_pages()));
        }
        let mkdocs = file.path.strip_prefix("../").unwrap_or(&file.path);
        if order::MKDOCS.contains(&mkdocs) && !read_mkdocs {
            read_mkdocs = true;
            let text = decode_text(&file.path, &file.bytes)?;
            let docs_in_data = !file.path.starts_with("../");
            match order::mkdocs(&file.path, text, docs_in_data) {
                Ok(config) => {
                    listing = config.listing;
                    asks.push((Leaving::Excluded, config.exclude));
                    asks.push((Leaving::Draft, config.drafts));
                }
                Err(why) => warnings.push(Warning {
                    file: file.path.clone(),
                    message: format!("{why}; its nav and exclusions are not used"),
                }),
            }
        }
    }
    let mut left_out: Vec<Vec<Vec<&str>>> = asks
        .iter()
        .map(|(_, p)| vec![Vec::new(); p.rules.len()])
        .collect();
    for file in sorted {
        let mkdocs = file.path.strip_prefix("../").unwrap_or(&file.path);
        if file.path == ignore::FILE_NAME || order::MKDOCS.contains(&mkdocs) {
            continue;
        }
        let asked = asks
            .iter()
            .enumerate()
            .find_map(|(i, (_, patterns))| patterns.excluding(&file.path).map(|rule| (i, rule)));
        if let Some((i, rule)) = asked {
            left_out[i][rule].push(&file.path);
            continue;
        }
        if file.path == topics::curated::FILE_NAME {
            let text = decode_text(&file.path, &file.bytes)?;
            curated = topics::curated::parse(&file.path, text)?;
            continue;
        }
        let (folder, name) = file.path.rsplit_once('/').unwrap_or(("", &file.path));
        if order::CATEGORY.contains(&name) {
            let text = decode_text(&file.path, &file.bytes)?;
            match order::category_position(text) {
                Ok(Some(position)) => {
                    folders.entry(folder.to_string()).or_insert(position);
                }
                Ok(None) => {}
                Err(why) => errors.push(Error::source(&file.path, why)),
            }
            continue;
        }
        if file.path == order::SUMMARY {
            let text = decode_text(&file.path, &file.bytes)?;
            if let Some(found) = order::summary(text) {
                listing = listing.or(Some(found));
                continue;
            }
        }
        if is_media(&file.path) {
            media.insert(file.path.clone());
            continue;
        }
        let Some(format) = format_of(&file.path) else {
            unread.push(file.path.as_str());
            continue;
        };
        if is_not_found_page(&file.path) {
            unlisted.push((file.path.as_str(), NOT_FOUND.to_string()));
            continue;
        }
        let (document, report) = match ingest_file(file, format) {
            Ok(read) => read,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        if let Some(why) = document.meta.unlisted {
            unlisted.push((file.path.as_str(), why));
            continue;
        }
        if let Some(first) = documents.iter().find(|d| d.id == document.id) {
            errors.push(Error::DuplicateId {
                id: document.id,
                first: first.source.clone(),
                second: file.path.clone(),
            });
            continue;
        }
        documents.push(document);
        coverage.push(report);
    }
    match errors.len() {
        0 => {}
        1 => return Err(errors.remove(0)),
        _ => return Err(Error::Several(errors)),
    }
    warnings.extend(unread_kinds(&unread));
    warnings.extend(skipped_pages(&unlisted));
    for ((leaving, patterns), paths) in asks.iter().zip(&left_out) {
        warnings.extend(leaving.say(patterns, paths));
    }
    if documents.is_empty() {
        return Err(Error::EmptyCorpus);
    }
    // Files of the folder that are not in the corpus, as asked or as their kind or their own
    // word has it: links and listings may name them without being wrong.
    let mut left: HashSet<String> = left_out
        .iter()
        .flatten()
        .flatten()
        .chain(unlisted.iter().map(|(path, _)| path))
        .chain(&unread)
        .map(|path| path.to_string())
        .collect();
    warnings.extend(order::arrange(
        &mut documents,
        &mut coverage,
        listing.as_ref(),
        &left,
        &folders,
    ));
    let copies = drop_copies(&mut documents, &mut coverage);
    warnings.extend(copied_pages(&copies));
    // Files that stand for a document: a copy for what it repeats, a section's list page for
    // the section's first document.
    let mut stand_ins = copies;
    for (page, _) in unlisted.iter().filter(|(_, why)| why == LIST_PAGE) {
        let folder = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        let first = documents.iter().find(|d| {
            folder.is_empty()
                || d.source
                    .strip_prefix(folder)
                    .is_some_and(|r| r.starts_with('/'))
        });
        if let Some(first) = first {
            left.remove(*page);
            stand_ins.push((page.to_string(), first.source.clone()));
        }
    }
    html::trim_site_names(&mut documents);
    let mut corpus = Corpus { documents };
    warnings.extend(links::resolve(&mut corpus, &media, &left, &stand_ins));
    let (mut drafts, unmatched) = topics::curated::drafts(&corpus, &curated);
    warnings.extend(unmatched.into_iter().map(|message| Warning {
        file: topics::curated::FILE_NAME.to_string(),
        message,
    }));
    drafts.extend(topics::from_metadata(&corpus));
    drafts.extend(topics::discover(&corpus));
    let topics = topics::assemble(&corpus, drafts);
    let mut media: Vec<String> = media.into_iter().collect();
    media.sort();
    Ok(Ingested {
        corpus,
        warnings,
        coverage,
        topics,
        media,
        listing,
    })
}

/// Why Hugo's list page of a section, with no text of its own, is skipped.
const LIST_PAGE: &str = "a section's list page, with no text of its own (`_index.md`)";

/// Why a site's page for the addresses it does not have is skipped.
const NOT_FOUND: &str = "the site shows it for addresses it does not have (404)";

/// Whether `path` is the page static hosts show for an address they do not have: `404.html`
/// (or its Markdown source) at the top of the folder, as generators write it. A text file
/// named `404.txt` may be the 404th of a series: it stays.
fn is_not_found_page(path: &str) -> bool {
    path.split_once('.').is_some_and(|(stem, _)| stem == "404")
        && matches!(
            format_of(path),
            Some(SourceFormat::Html | SourceFormat::Markdown)
        )
}

/// The inventory Sphinx writes at the top of every site it builds: the mark of such a site.
const SPHINX_INVENTORY: &str = "objects.inv";

/// What a site Sphinx built holds besides its pages: the copies of their sources it keeps for
/// its "Show Source" links (`_sources/`, as `.txt` files), and the indexes it generates, which
/// search replaces.
fn sphinx_pages() -> ignore::Patterns {
    ["/py-modindex.html", "/genindex.html", "/_sources/"]
        .into_iter()
        .fold(
            ignore::Patterns::parse(SPHINX_INVENTORY, "", ""),
            |p, rule| p.with_default(rule),
        )
}

/// Why files a pattern matches are left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Leaving {
    /// `.folioignore`.
    Ignored,
    /// MkDocs' `exclude_docs`.
    Excluded,
    /// MkDocs' `draft_docs`.
    Draft,
    /// What a site generator made besides the pages.
    Generated,
}

impl Leaving {
    /// One warning per pattern: the files it left out, or that it matched none.
    fn say(self, patterns: &ignore::Patterns, left_out: &[Vec<&str>]) -> Vec<Warning> {
        let mut warnings = Vec::new();
        for (rule, paths) in patterns.rules.iter().zip(left_out) {
            let pattern = if rule.line == 0 {
                let whose = match self {
                    Leaving::Generated => "Sphinx's own",
                    _ => "MkDocs' own",
                };
                format!("{whose} `{}`", rule.text)
            } else {
                format!("line {} (`{}`)", rule.line, rule.text)
            };
            let message = if !paths.is_empty() {
                let how = match self {
                    Leaving::Draft => " as drafts",
                    _ => "",
                };
                let count = if paths.len() == 1 {
                    "1 file".to_string()
                } else {
                    format!("{} files", paths.len())
                };
                format!("{pattern}: {count} left out{how}: {}", some_of(paths))
            } else if rule.line > 0 && !rule.text.starts_with('!') {
                format!("{pattern} matches no file")
            } else {
                continue;
            };
            warnings.push(Warning {
                file: patterns.file.clone(),
                message,
            });
        }
        warnings
    }
}

/// The files of kinds ingest does not read, one warning per extension.
fn unread_kinds(paths: &[&str]) -> Vec<Warning> {
    const KINDS: &str = "not a supported kind of file (.txt, .text, .md, .markdown, .html, .htm)";
    let extension = |path: &str| {
        let name = path.rsplit('/').next().unwrap_or(path);
        match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => format!("*.{}", ext.to_ascii_lowercase()),
            _ => "files without an extension".to_string(),
        }
    };
    group_by(paths.iter().copied(), |&path| extension(path))
        .into_iter()
        .map(|(kind, paths)| match paths.as_slice() {
            [path] => Warning {
                file: path.to_string(),
                message: format!("skipped: {KINDS}"),
            },
            _ => Warning {
                file: kind,
                message: format!(
                    "{} files skipped, {KINDS}: {}",
                    paths.len(),
                    some_of(&paths)
                ),
            },
        })
        .collect()
}

/// The pages that ask not to be read (drafts, redirects, pages not to be indexed): one warning
/// for each, or one for all those skipped for the same kind of reason.
fn skipped_pages(pages: &[(&str, String)]) -> Vec<Warning> {
    let kind = |why: &str| -> String {
        let why = why.split(" (").next().unwrap_or(why);
        match why.strip_prefix("the page redirects to ") {
            Some(_) => "the page redirects elsewhere".into(),
            None => why.into(),
        }
    };
    group_by(0..pages.len(), |&i| kind(&pages[i].1))
        .into_iter()
        .map(|(kind, members)| match members.as_slice() {
            &[i] => Warning {
                file: pages[i].0.to_string(),
                message: format!("skipped: {}", pages[i].1),
            },
            _ => {
                let paths: Vec<&str> = members.iter().map(|&i| pages[i].0).collect();
                Warning {
                    file: format!("{} pages", paths.len()),
                    message: format!("skipped, as {kind}: {}", some_of(&paths)),
                }
            }
        })
        .collect()
}

/// Leaves out each document whose title and sections are those of a document before it in
/// reading order (mdBook's `index.html` is a copy of the book's first chapter), with its
/// coverage report: its text is in the corpus once, as the first. Returns the path of each copy
/// with the path of the document it repeats.
fn drop_copies<T>(documents: &mut Vec<Document>, reports: &mut Vec<T>) -> Vec<(String, String)> {
    use std::hash::{Hash, Hasher};
    // Documents are compared whole only when their titles and words are the same.
    let mut firsts: HashMap<(&str, u64), Vec<usize>> = HashMap::new();
    let mut copy_of: Vec<Option<usize>> = vec![None; documents.len()];
    for (i, document) in documents.iter().enumerate() {
        let mut words = std::collections::hash_map::DefaultHasher::new();
        for section in &document.sections {
            section.title.hash(&mut words);
            section.body_text().hash(&mut words);
        }
        let key = (document.title.as_str(), words.finish());
        let same = firsts.entry(key).or_default();
        match same.iter().find(|&&j| same_text(&documents[j], document)) {
            Some(&j) => copy_of[i] = Some(j),
            None => same.push(i),
        }
    }
    let copies: Vec<(String, String)> = copy_of
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((documents[i].source.clone(), documents[(*j)?].source.clone())))
        .collect();
    if !copies.is_empty() {
        let mut keep = copy_of.iter().map(Option::is_none);
        documents.retain(|_| keep.next().unwrap_or(true));
        let mut keep = copy_of.iter().map(Option::is_none);
        reports.retain(|_| keep.next().unwrap_or(true));
    }
    copies
}

/// Whether `b` has the sections of `a`, its links within itself aside, which name it by its id.
fn same_text(a: &Document, b: &Document) -> bool {
    if a.sections == b.sections {
        return true;
    }
    let (own, theirs) = (format!("#/d/{}", b.id), format!("#/d/{}", a.id));
    let mut sections = b.sections.clone();
    for_each_text(&mut sections, &mut |text| {
        for link in text.spans.iter_mut().filter_map(|s| s.link.as_mut()) {
            match link.strip_prefix(own.as_str()) {
                Some(rest) if rest.is_empty() || rest.starts_with('/') => {
                    *link = format!("{theirs}{rest}");
                }
                _ => {}
            }
        }
    });
    a.sections == sections
}

/// The documents left out as copies of others: one warning.
fn copied_pages(copies: &[(String, String)]) -> Vec<Warning> {
    match copies {
        [] => Vec::new(),
        [(copy, first)] => vec![Warning {
            file: copy.clone(),
            message: format!("left out: it repeats {first}, word for word"),
        }],
        _ => {
            let named: Vec<String> = copies
                .iter()
                .map(|(copy, first)| format!("{copy} (repeats {first})"))
                .collect();
            let named: Vec<&str> = named.iter().map(String::as_str).collect();
            vec![Warning {
                file: format!("{} documents", copies.len()),
                message: format!(
                    "left out, as each repeats another word for word: {}",
                    some_of(&named)
                ),
            }]
        }
    }
}

/// The items by the key `key` gives them, the groups in the order of their first items.
fn group_by<T>(
    items: impl Iterator<Item = T>,
    key: impl Fn(&T) -> String,
) -> Vec<(String, Vec<T>)> {
    let mut groups: Vec<(String, Vec<T>)> = Vec::new();
    for item in items {
        let k = key(&item);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, members)) => members.push(item),
            None => groups.push((k, vec![item])),
        }
    }
    groups
}

/// Names the first few of `paths`, and how many more there are.
fn some_of(paths: &[&str]) -> String {
    const SHOWN: usize = 5;
    if paths.len() <= SHOWN + 1 {
        return paths.join(", ");
    }
    format!(
        "{} and {} more",
        paths[..SHOWN].join(", "),
        paths.len() - SHOWN
    )
}

/// Reads one file of a known format into a document and proves it lossless.
pub fn ingest_file(file: &SourceFile, format: SourceFormat) -> Result<(Document, Coverage)> {
    let source = match format {
        SourceFormat::Html => html::decode(&file.path, &file.bytes)?,
        _ => Cow::Borrowed(decode_text(&file.path, &file.bytes)?),
    };
    let source = source.as_ref();
    let id = slug_of_path(&file.path);
    if id.is_empty() {
        return Err(Error::source(
            &file.path,
            "the file name has no letters or digits to make a document id from",
        ));
    }
    let (document, report) = match format {
        SourceFormat::Text => {
            let document = text::read(&file.path, &id, source);
            let report = coverage::check(&document, source);
            (document, report)
        }
        SourceFormat::Markdown => markdown::read_checked(&file.path, &id, source)?,
        SourceFormat::Html => html::read_checked(&file.path, &id, source)?,
    };
    let mut document = document;
    if document.meta.unlisted.is_none() && document.sections.iter().all(|s| s.blocks.is_empty()) {
        // A page a generator fills: Hugo's list page of a section, a page of a layout.
        let name = file.path.rsplit('/').next().unwrap_or(&file.path);
        let list_page = format == SourceFormat::Markdown
            && name
                .rsplit_once('.')
                .is_some_and(|(stem, _)| stem == "_index");
        if list_page {
            document.meta.unlisted = Some(LIST_PAGE.into());
            return Ok((document, report));
        }
        if let Some(layout) = document.meta.layout.clone() {
            document.meta.unlisted = Some(format!(
                "a page its layout fills, with no text of its own (`layout: {layout}`)"
            ));
            return Ok((document, report));
        }
        return Err(Error::source(
            &file.path,
            "no body text: the file has a title or metadata but nothing to read; \
             give it some, or leave it out with a line in .folioignore",
        ));
    }
    if !report.is_lossless() {
        return Err(Error::source(&file.path, report.describe_loss()));
    }
    Ok((document, report))
}

/// An untitled section: the one a reader starts with, for the text before the first heading,
/// or one a section break opens.
fn opening_section() -> Section {
    Section {
        id: String::new(),
        title: String::new(),
        level: 1,
        untitled: true,
        blocks: Vec::new(),
    }
}

/// Gives a reader's sections their final form: untitled sections without blocks go; an untitled
/// section stands at the level of the heading that follows it (or precedes it), so that it
/// sits beside its neighbours in the contents, not above them, and is labelled from its text;
/// ids are made unique from the id the reader gave (an anchor of the source) or else the title.
/// Returns, for each section kept, its index before.
fn finish_sections(sections: &mut Vec<Section>) -> Vec<usize> {
    let kept: Vec<usize> = (0..sections.len())
        .filter(|&i| !(sections[i].untitled && sections[i].blocks.is_empty()))
        .collect();
    sections.retain(|s| !(s.untitled && s.blocks.is_empty()));
    for i in 0..sections.len() {
        if sections[i].untitled {
            let next = sections[i..].iter().chain(sections[..i].iter().rev());
            sections[i].level = next
                .filter(|s| !s.untitled)
                .map(|s| s.level)
                .next()
                .unwrap_or(1);
            sections[i].title = label_from_text(&sections[i].body_text());
        }
    }
    let ids = unique_ids(sections.iter().map(|s| match slug(&s.id) {
        own if !own.is_empty() => own,
        _ => slug(s.title.trim_end_matches('…')),
    }));
    for (section, id) in sections.iter_mut().zip(ids) {
        section.id = id;
    }
    kept
}

/// The ids of elements of a page that are not its sections' own, each given once with the index
/// of the section that held it before [`finish_sections`] (which returned `kept`), paired with the
/// id of the section it leads to, for links from other documents.
fn anchor_sections(
    sections: &[Section],
    kept: &[usize],
    anchors: impl Iterator<Item = (String, usize)>,
) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = anchors
        .filter_map(|(element, old)| {
            // The section an old index ended in: itself if kept, else the next kept one.
            let section = sections.get(kept.partition_point(|&k| k < old))?;
            (section.id != element).then(|| (element, section.id.clone()))
        })
        .collect();
    out.sort();
    out
}

/// Calls `f` on every run of text in the sections: paragraphs, list items, quotes and table
/// cells.
fn for_each_text(sections: &mut [Section], f: &mut impl FnMut(&mut Text)) {
    fn walk(blocks: &mut [Block], f: &mut impl FnMut(&mut Text)) {
        for block in blocks {
            match block {
                Block::Paragraph(text) => f(text),
                Block::List(list) => {
                    for item in &mut list.items {
                        walk(&mut item.blocks, f);
                    }
                }
                Block::Quote(blocks) | Block::Alert(Alert { blocks, .. }) => walk(blocks, f),
                Block::Table(table) => table.rows.iter_mut().flatten().for_each(&mut *f),
                Block::Preformatted(_) => {}
            }
        }
    }
    for section in sections {
        walk(&mut section.blocks, f);
    }
}

/// Checks that the bytes are text and returns them as such, without a byte-order mark.
fn decode_text<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str> {
    if bytes.is_empty() {
        return Err(Error::source(path, "the file is empty"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(Error::source(
            path,
            format!("a binary file, not text (NUL byte at byte offset {at})"),
        ));
    }
    let text = utf8(path, bytes)?;
    if text.trim().is_empty() {
        return Err(Error::source(path, "the file is empty (only whitespace)"));
    }
    Ok(text)
}

/// The bytes as UTF-8 text, without a byte-order mark.
fn utf8<'a>(path: &str, bytes: &'a [u8]) -> Result<&'a str> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Error::source(
            path,
            format!("invalid UTF-8 at byte offset {}", e.valid_up_to()),
        )
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The document id of a path: its slug without the extension, folders joined by `-`.
pub fn slug_of_path(path: &str) -> String {
    let stem = match path.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() && !stem.ends_with('/') => stem,
        _ => path,
    };
    slug(stem)
}

/// A readable title made from a file name: "field-notes_2010.md" → "Field notes 2010".
pub fn title_of_path(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut title = words.join(" ");
    if let Some(first) = title.chars().next() {
        let upper: String = first.to_uppercase().collect();
        title.replace_range(..first.len_utf8(), &upper);
    }
    if title.is_empty() {
        name.to_string()
    } else {
        title
    }
}

/// Words that carry little meaning on their own; a label never ends on one.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "is", "was", "were", "are", "be", "been", "had", "has", "have", "it", "he",
    "she", "they", "we", "i", "you", "this", "that", "there", "which", "who", "its", "his", "her",
    "their", "our", "my", "not", "so", "if", "then", "than", "do", "did",
];

/// Pronouns that open a new clause: a label stops before them.
const CLAUSE_STARTS: &[&str] = &["it", "he", "she", "they", "we", "i", "you", "there"];

/// A readable label for an untitled section, made from the opening phrase of its text: at most
/// five words, ending at clause punctuation, before a pronoun that opens a new clause, or after a
/// first past-tense verb; trailing function words are dropped down to three words; an ellipsis marks the cut.
pub fn label_from_text(text: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = word.to_lowercase();
        if word.is_empty() {
            continue;
        }
        if !words.is_empty() && CLAUSE_STARTS.contains(&lower.as_str()) {
            break;
        }
        words.push(word);
        let ends_clause = raw.ends_with([',', ';', ':', '.', '!', '?', '–', '—']);
        let past_verb = words.len() >= 3 && lower.len() > 4 && lower.ends_with("ed");
        if words.len() == 5 || ends_clause || past_verb {
            break;
        }
    }
    while words.len() > 3
        && FUNCTION_WORDS.contains(&words[words.len() - 1].to_lowercase().as_str())
    {
        words.pop();
    }
    if words.is_empty() {
        return "Untitled".to_string();
    }
    format!("{}…", words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_ids_from_paths() {
        assert_eq!(
            slug_of_path("000_15142d29402a5562.txt"),
            "000_15142d29402a5562"
        );
        assert_eq!(
            slug_of_path("guides/Getting Started.md"),
            "guides-getting-started"
        );
    }

    #[test]
    fn labels_for_untitled_sections() {
        let cases = [
            (
                "\u{a0}Back in 2009 it had increasingly become clear",
                "Back in 2009…",
            ),
            (
                "My first stop in Pakistan was a meeting",
                "My first stop in Pakistan…",
            ),
            (
                "When Benazir Bhutto returned millions turned out",
                "When Benazir Bhutto returned…",
            ),
            (
                "The question of Manzoors positions must be put",
                "The question of Manzoors positions…",
            ),
            (
                "Before going to Pakistan, I had made careful notes",
                "Before going to Pakistan…",
            ),
            (
                "“Quoted” opening of the text",
                "Quoted opening of the text…",
            ),
            ("…", "Untitled"),
        ];
        for (text, want) in cases {
            assert_eq!(label_from_text(text), want, "{text}");
        }
    }

    #[test]
    fn titles_from_file_names() {
        assert_eq!(
            title_of_path("notes/field-notes_2010.md"),
            "Field notes 2010"
        );
    }
}
