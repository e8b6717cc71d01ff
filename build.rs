//! Processes the data folder (`data/`, or the folder named by `FOLIO_DATA`) into the corpus blob
//! that the app embeds: the corpus, its topics, and its search index when the app is built with
//! search. Any bad input stops the build with the file and the cause: a partial corpus is never
//! embedded. Skipped files are reported as cargo warnings.

use std::path::PathBuf;
use std::{env, fs, process};

fn main() {
    println!("cargo:rerun-if-env-changed=FOLIO_DATA");
    let manifest =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = env::var_os("FOLIO_DATA")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { manifest.join(p) })
        .unwrap_or_else(|| manifest.join("data"));
    // Watching the folder catches added and removed files; each file is watched for edits.
    println!("cargo:rerun-if-changed={}", data.display());
    let fail = |message: String| -> ! {
        eprintln!(
            "error: folio could not process the data folder {}:\n  {message}",
            data.display()
        );
        process::exit(1);
    };
    let files = folio_load::load_dir(&data).unwrap_or_else(|e| fail(e.to_string()));
    for file in &files {
        println!("cargo:rerun-if-changed={}", data.join(&file.path).display());
    }
    let ingested = folio_load::ingest(&files).unwrap_or_else(|e| fail(e.to_string()));
    for warning in &ingested.warnings {
        println!("cargo:warning={warning}");
    }
    // The search index joins the blob only in builds with search (feature `search`); the
    // topics are always there.
    let topics = ingested.topics;
    let bundle = if env::var_os("CARGO_FEATURE_SEARCH").is_some() {
        folio_core::format::Bundle::new(ingested.corpus).with_topics(topics)
    } else {
        folio_core::format::Bundle {
            corpus: ingested.corpus,
            topics,
            ..Default::default()
        }
    };
    publish_media_list(&manifest, &data, &ingested.media).unwrap_or_else(|e| fail(e));
    let blob = folio_core::format::encode(&bundle).unwrap_or_else(|e| fail(e.to_string()));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.folio");
    fs::write(&out, blob).unwrap_or_else(|e| fail(format!("{}: {e}", out.display())));
}

/// Writes the images the corpus publishes where `tools/seal_dist.py`, which copies them into
/// `media/`, looks for them: in the target folder, named after the data folder.
fn publish_media_list(
    manifest: &std::path::Path,
    data: &std::path::Path,
    media: &[String],
) -> Result<(), String> {
    let target = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { manifest.join(p) })
        .unwrap_or_else(|| manifest.join("target"));
    folio_load::write_media_list(&target, data, media).map_err(|e| e.to_string())
}
