//! `folio topics`: the topics of a data folder by group, with their section and mention counts.

use std::path::Path;
use std::time::Instant;

use folio_core::topics::Topics;

use crate::inspect::load;

pub fn run(dir: &Path, json: bool) -> Result<(), String> {
    let ingested = load(dir)?;
    // Discovery again on its own, to report what it adds to a build.
    let started = Instant::now();
    let discovered = folio_core::topics::discover(&ingested.corpus).len();
    let took = started.elapsed();
    for warning in &ingested.warnings {
        eprintln!("warning: {warning}");
    }
    let topics = &ingested.topics;
    if json {
        let value = serde_json::json!({
            "topics": topics.topics.iter().map(|t| serde_json::json!({
                "id": t.id,
                "name": t.name,
                "group": t.group.label(),
                "source": format!("{:?}", t.source).to_lowercase(),
                "description": t.description,
                "sections": t.sections.len(),
                "mentions": t.mentions,
                "forms": t.forms,
                "in": t.sections.iter().map(|s| {
                    let doc = &ingested.corpus.documents[s.doc as usize];
                    serde_json::json!({
                        "document": doc.id,
                        "section": doc.sections[s.section as usize].id,
                        "mentions": s.mentions,
                        "weight": s.weight,
                    })
                }).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        });
        crate::emit_json(&value)?;
    } else {
        crate::emit(&summary(topics))?;
        eprintln!(
            "topic discovery: {discovered} candidate topics in {:.1} ms",
            took.as_secs_f64() * 1000.0
        );
    }
    Ok(())
}

/// Topics by group: name, sections, mentions.
pub fn summary(topics: &Topics) -> String {
    let mut out = String::new();
    for (group, count) in topics.per_group() {
        out.push_str(&format!("\n{} ({count})\n", group.label()));
        for t in topics.topics.iter().filter(|t| t.group == group) {
            out.push_str(&format!(
                "  {:<48} {:>3} sections {:>4} mentions\n",
                t.name,
                t.sections.len(),
                t.mentions
            ));
        }
    }
    out
}
