//! The `folio` binary end to end: summaries, JSON, warnings and errors on real folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data");

fn folio(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder under the system's temporary folder holding `files`.
fn folder(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("folio-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, bytes) in files {
        std::fs::write(dir.join(path), bytes).unwrap();
    }
    dir
}

#[test]
fn inspect_summarises_the_default_corpus() {
    let out = folio(&["inspect", DATA]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for expected in [
        "1 document, 14 sections",
        "Manzoor Ahmed and the IMT - report of a visit to Pakistan",
        "author    Jonathan Clyne",
        "written   2010-05-20 (20 May, 2010)",
        "posted    2012-03-04T12:27 (4 Mar 2012, 12:27) by Admin uk",
        "category  Topics › India, Pakistan, Bangla",
        "100.0%",
        "lossless",
        "The PTCL strike  [the-ptcl-strike]",
        "My first stop in Pakistan… (untitled)",
    ] {
        assert!(
            stdout.contains(expected),
            "missing `{expected}` in:\n{stdout}"
        );
    }
}

#[test]
fn inspect_json_is_the_whole_model() {
    let out = folio(&["inspect", DATA, "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sections = json["documents"][0]["sections"].as_array().unwrap();
    assert_eq!(sections.len(), 14);
    assert_eq!(sections[6]["id"], "the-ptcl-strike");
    assert_eq!(sections[6]["title"], "The PTCL strike");
    assert_eq!(sections[0]["untitled"], true);
    assert!(sections[6]["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|b| b.get("list").is_some()));
    assert_eq!(
        json["coverage"][0]["matched_chars"],
        json["coverage"][0]["source_chars"]
    );
    assert_eq!(json["documents"][0]["meta"]["written"]["iso"], "2010-05-20");
}

#[test]
fn bad_input_fails_with_the_file_and_cause() {
    let dir = folder(
        "bad",
        &[
            ("good.txt", b"Title\n\nText.\n"),
            ("broken.txt", b"Title\n\nCaf\xe9.\n"),
        ],
    );
    let out = folio(&["inspect", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("broken.txt: invalid UTF-8 at byte offset 10"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty(), "no partial summary");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn inspect_shows_the_images_published_and_what_a_page_keeps_apart() {
    let dir = folder(
        "page",
        &[
            (
                "page.html",
                b"<title>Page - Site</title><nav>Home</nav><main><p>Text \
                  <img src=shot.png alt=Shot></p></main><footer>(c) me</footer>",
            ),
            ("shot.png", b"\x89PNG"),
        ],
    );
    let out = folio(&["inspect", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    for expected in [
        "images: 1 published with the app in media/ (\"shot.png\")",
        "source    page.html (HTML)",
        "apart     2 lines before the text (\"Page - Site\", \"Home\"), 1 line after (\"(c) me\")",
    ] {
        assert!(
            stdout.contains(expected),
            "missing `{expected}` in:\n{stdout}"
        );
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn inspect_shows_the_reading_order_and_what_set_it() {
    let dir = folder(
        "book",
        &[
            (
                "SUMMARY.md",
                b"# Summary\n\n- [Intro](intro.md)\n- [Use](use.md)\n",
            ),
            ("use.md", b"---\nweight: 2\n---\n# Use\n\nText.\n"),
            ("intro.md", b"# Intro\n\nText.\n"),
            ("extra.md", b"# Extra\n\nText.\n"),
        ],
    );
    let out = folio(&["inspect", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("order: as SUMMARY.md lists them (2 of 3)"),
        "{stdout}"
    );
    assert!(stdout.contains("  weight    2\n"), "{stdout}");
    let at = |id: &str| stdout.find(&format!("\n{id}  ")).unwrap_or(usize::MAX);
    assert!(
        at("intro") < at("use") && at("use") < at("extra"),
        "{stdout}"
    );
    assert!(
        text(&out.stderr).contains(
            "SUMMARY.md: 1 document is not listed, so it comes after the listed ones: extra.md"
        ),
        "{}",
        text(&out.stderr)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn skipped_files_are_warned_about() {
    let dir = folder(
        "skip",
        &[
            ("a.md", b"# A\n\nText.\n"),
            ("notes.docx", b"PK\x03\x04"),
            ("image.png", b"\x89PNG"),
        ],
    );
    let out = folio(&["inspect", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let warnings = text(&out.stderr);
    assert!(
        warnings.contains("warning: notes.docx: skipped"),
        "{warnings}"
    );
    // An image is published with the app, not skipped.
    assert!(!warnings.contains("image.png"), "{warnings}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn usage_errors() {
    let out = folio(&["inspect"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("inspect needs a folder"));
    let out = folio(&["frobnicate", "x"]);
    assert!(text(&out.stderr).contains("unknown command `frobnicate`"));
    let out = folio(&["inspect", DATA, "--jsn"]);
    assert!(text(&out.stderr).contains("unknown option `--jsn`"));
    let out = folio(&["inspect", Path::new("/no/such/dir").to_str().unwrap()]);
    assert!(text(&out.stderr).contains("/no/such/dir"));
    assert!(folio(&["--help"]).status.success());
}

#[test]
fn search_prints_ranked_sections_with_marked_snippets() {
    let out = folio(&["search", DATA, "PTCL strike", "--limit", "3"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(" 1. The PTCL strike  [000_15142d29402a5562/the-ptcl-strike]"),
        "{stdout}"
    );
    assert!(stdout.contains("«PTCL»"), "{stdout}");
}

#[test]
fn search_json_has_results_with_section_ids_and_match_offsets() {
    let out = folio(&["search", DATA, "\"minimum wage\"", "--json"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["total"], 1);
    let first = &json["results"][0];
    assert_eq!(first["document"], "000_15142d29402a5562");
    assert_eq!(first["id"], "my-first-stop-in-pakistan");
    let snippet = first["snippet"].as_str().unwrap();
    let [a, b] =
        [&first["matches"][0][0], &first["matches"][0][1]].map(|v| v.as_u64().unwrap() as usize);
    assert_eq!(&snippet[a..b], "minimum");
    assert!(first["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn search_suggests_and_handles_odd_queries() {
    let out = folio(&["search", DATA, "PTCK", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["suggestion"], "ptcl");
    for odd in ["\"", "-", "🙂", "", "שלום"] {
        let out = folio(&["search", DATA, odd, "--json"]);
        assert!(out.status.success(), "{odd}: {}", text(&out.stderr));
    }
    let out = folio(&["search", DATA, "x", "--limit", "many"]);
    assert!(text(&out.stderr).contains("--limit needs a number"));
}

#[test]
fn a_reader_that_stops_early_is_no_error() {
    // The reading end of the pipe is closed before folio writes, as `folio … | head` does.
    for args in [&["inspect", DATA, "--json"][..], &["topics", DATA]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = text(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
