//! Markdown front matter (YAML between `---`, TOML between `+++`) into a document's title and
//! metadata: title, author(s), date, tags, topics or keywords, categories, and the document's
//! place in its folder (`weight`, `nav_order`, `sidebar_position`, `order`). A malformed block
//! stops the build with the file, the line and the parser's reason.

use pulldown_cmark::MetadataBlockKind;

use super::date::stamp_or_text;
use crate::error::{Error, Result};
use crate::model::{Metadata, Weight};

/// Fills `meta` from front matter and returns the title it gives, if any.
pub(super) fn read_front_matter(
    path: &str,
    text: &str,
    kind: MetadataBlockKind,
    meta: &mut Metadata,
) -> Result<Option<String>> {
    let fields = match kind {
        MetadataBlockKind::YamlStyle => yaml_fields(path, text)?,
        MetadataBlockKind::PlusesStyle => toml_fields(path, text)?,
    };
    let mut title = None;
    let (mut redirect_to, mut location) = (None, None);
    let mut template = String::new();
    for (key, values) in fields {
        match key.to_ascii_lowercase().as_str() {
            // Pages that generators leave out of a site: drafts, and redirects (Jekyll's
            // `redirect_to`, a `redirect.html` template with its `location`).
            "draft" if values.iter().any(|v| v.eq_ignore_ascii_case("true")) => {
                meta.unlisted = Some("a draft (`draft: true` in its front matter)".into());
            }
            "redirect_to" => redirect_to = values.into_iter().next(),
            "location" => location = values.into_iter().next(),
            "template" => template = values.join(" "),
            "layout" => meta.layout = Some(values.join(" ")).filter(|l| !l.trim().is_empty()),
            "title" => title = Some(values.join(" ")).filter(|t| !t.trim().is_empty()),
            "author" | "authors" => meta.author = Some(values.join(", ")),
            "date" => meta.written = Some(stamp_or_text(&values.join(" "))),
            "tags" | "topics" | "keywords" => meta.tags.extend(split_tags(values)),
            "category" | "categories" => meta.categories.extend(split_tags(values)),
            "weight" | "nav_order" | "sidebar_position" | "order" if meta.weight.is_none() => {
                let value = values.join(" ");
                match value.trim().parse::<f64>() {
                    Ok(weight) if weight.is_finite() => meta.weight = Some(Weight(weight)),
                    // Some generators give `order` other meanings ("asc"): only these three
                    // keys always name a position.
                    _ if key.eq_ignore_ascii_case("order") => {}
                    _ => {
                        return Err(Error::source(
                            path,
                            format!(
                                "front matter `{key}` must be a number (the document's place \
                                 among the documents of its folder), not {value:?}"
                            ),
                        ))
                    }
                }
            }
            _ => {}
        }
    }
    // A `location` is where a redirect leads only with the redirect template: elsewhere it
    // may be a place.
    let redirect_template = template.trim().eq_ignore_ascii_case("redirect.html");
    let redirect = redirect_to.or(location.filter(|_| redirect_template));
    if let Some(to) = redirect.filter(|to| !to.trim().is_empty()) {
        meta.unlisted
            .get_or_insert_with(|| format!("the page redirects to {}", to.trim()));
    }
    Ok(title)
}

/// Front matter as (key, values) pairs: a scalar gives one value, a list several, and a
/// comma-separated string of tags is split.
type Fields = Vec<(String, Vec<String>)>;

fn yaml_fields(path: &str, text: &str) -> Result<Fields> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(text)
        .map_err(|e| Error::source(path, format!("front matter is {}", yaml_error(&e))))?;
    let Some(doc) = docs.into_iter().next() else {
        return Ok(Vec::new());
    };
    let Yaml::Hash(hash) = doc else {
        return Err(Error::source(
            path,
            "front matter must be a mapping of keys to values",
        ));
    };
    fn scalar(value: &Yaml) -> Option<String> {
        match value {
            Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
            Yaml::Integer(i) => Some(i.to_string()),
            Yaml::Boolean(b) => Some(b.to_string()),
            _ => None,
        }
    }
    Ok(hash
        .iter()
        .filter_map(|(k, v)| {
            let key = scalar(k)?;
            let values = match v {
                Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
                other => scalar(other).into_iter().collect(),
            };
            Some((key, values))
        })
        .collect())
}

/// Why a text is not YAML, with the line and column: "not valid YAML (line 2, column 5): …".
pub(super) fn yaml_error(e: &yaml_rust2::ScanError) -> String {
    format!(
        "not valid YAML (line {}, column {}): {}",
        e.marker().line() + 1,
        e.marker().col() + 1,
        e.info()
    )
}

fn toml_fields(path: &str, text: &str) -> Result<Fields> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let at = e
            .span()
            .map(|s| format!(" (line {})", text[..s.start].matches('\n').count() + 1))
            .unwrap_or_default();
        Error::source(
            path,
            format!("front matter is not valid TOML{at}: {}", e.message()),
        )
    })?;
    fn scalar(value: &toml::Value) -> Option<String> {
        match value {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Array(_) | toml::Value::Table(_) => None,
            other => Some(other.to_string()),
        }
    }
    Ok(table
        .iter()
        .map(|(k, v)| {
            let values = match v {
                toml::Value::Array(items) => items.iter().filter_map(scalar).collect(),
                other => scalar(other).into_iter().collect(),
            };
            (k.clone(), values)
        })
        .collect())
}

/// `["a, b"]` → `["a", "b"]`; other lists are kept, trimmed, without empty entries.
fn split_tags(values: Vec<String>) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}
