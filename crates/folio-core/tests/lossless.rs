//! The lossless invariant as a property: for generated documents in every format, every
//! non-whitespace character of the source lands exactly once in the model, in order. Ingest
//! may refuse a generated file (no body text, front matter that is not a mapping), but never
//! because it lost text.
//! Every fixture is checked too.

mod common;

use common::file;
use folio_core::ingest::ingest;
use proptest::prelude::*;

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-z]{1,9}",
        2 => "[A-Z][a-z]{1,8}",
        1 => "[A-Z]{2,5}",
        1 => "[0-9]{1,4}",
        1 => prop::sample::select(vec![
            "“quoted”", "it’s", "–", "—", "(aside)", "é", "naïve", "🙂", "עברית", "a\u{a0}b",
            "100 000's", "e.g.", "&amp;", "*", "_x_", "`c`", "[l](u)", "<b>", "\\", "#", ">",
        ])
        .prop_map(String::from),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..14),
        prop::sample::select(vec!["", ".", "?", ":", ",", "!"]),
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

/// A line of a plain-text page, of any of the kinds the text reader knows.
fn text_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => sentence(),
        2 => "[A-Z][a-z]{2,8}( [a-z]{2,8}){0,4}",
        1 => (1u8..12, sentence()).prop_map(|(n, s)| format!("  {n}. {s}")),
        1 => sentence().prop_map(|s| format!("- {s}")),
        1 => sentence().prop_map(|s| format!("    {s}")),
        1 => Just("Topics > A, B > C >".to_string()),
        1 => Just("posted 4 Mar 2012, 12:27 by Admin \u{a0} [ updated 5 Mar 2012, 14:56 ]".to_string()),
        1 => Just("Jane Doe".to_string()),
        1 => Just("20 May, 2010".to_string()),
        1 => sentence().prop_map(|s| format!("({s})")),
    ]
}

/// A line of Markdown, from plain text to the constructs the reader handles.
fn markdown_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => sentence(),
        2 => (1usize..7, sentence()).prop_map(|(n, s)| format!("{} {s}", "#".repeat(n))),
        1 => sentence().prop_map(|s| format!("- {s}")),
        1 => (1u8..12, sentence()).prop_map(|(n, s)| format!("{n}. {s}")),
        1 => sentence().prop_map(|s| format!("  - {s}")),
        1 => sentence().prop_map(|s| format!("> {s}")),
        1 => Just("```rust".to_string()),
        1 => Just("```".to_string()),
        1 => sentence().prop_map(|s| format!("*{s}* and **{s}**")),
        1 => sentence().prop_map(|s| format!("[{s}](https://example.org/{s}) `{s}`")),
        1 => Just("| a | b |\n|---|---|\n| 1 | 2 |".to_string()),
        1 => Just("<div class=\"x\">raw <b>html</b></div>".to_string()),
        1 => sentence().prop_map(|s| format!("<p>{s}<br>{s} &amp; &#169;</p>")),
        1 => sentence().prop_map(|s| format!("<!-- {s}\n{s} -->")),
        1 => sentence().prop_map(|s| format!("<details>\n<summary>{s}</summary>")),
        1 => sentence().prop_map(|s| format!("> <div\n> title='{s}'>{s}</div>")),
        1 => sentence().prop_map(|s| format!("{s} <kbd>{s}</kbd> <!-- {s} --> {s}")),
        1 => Just("[ref]: https://example.org/ref".to_string()),
        1 => Just("---".to_string()),
        1 => Just("===".to_string()),
        1 => Just("&copy; &amp; &#35; \\* \\_".to_string()),
        1 => sentence().prop_map(|s| format!("    {s}")),
        1 => (any::<bool>(), sentence()).prop_map(|(done, s)| format!("- [{}] {s}", if done { 'x' } else { ' ' })),
        1 => (1u8..4, sentence()).prop_map(|(n, s)| format!("{s}[^{n}] {s}[^n{n}].")),
        1 => (1u8..4, sentence()).prop_map(|(n, s)| format!("[^{n}]: {s}\n    {s}")),
        1 => sentence().prop_map(|s| format!("[^n1]: {s}")),
        1 => (0usize..6, sentence()).prop_map(|(k, s)| {
            let kind = ["NOTE", "tip", "Important", "WARNING", "CAUTION", "OTHER"][k];
            format!("> [!{kind}]\n> {s}")
        }),
        2 => (0usize..5, 0usize..3, sentence()).prop_map(|(k, title, s)| {
            let marker = ["!!! note", "??? warning", "???+ danger inline end", "!!!tip", "!!! x"][k];
            let title = ["", " \"\"", " \"A *title*\""][title];
            format!("{marker}{title}\n    {s}")
        }),
        1 => sentence().prop_map(|s| format!("    !!! info \"{s}\"\n        {s}\n\t{s}")),
        1 => sentence().prop_map(|s| format!("- :material-check: {s} :octicons-x-16:, `:simple-y:` :smile:")),
        2 => (0usize..6, sentence()).prop_map(|(k, s)| {
            let fence = [":::tip[A *b*]", ":::", "::: warning Mind", "::: code-group", "::::note", "::::"][k];
            format!("{fence}\n{s}")
        }),
        1 => sentence().prop_map(|s| format!(":::note\n- {s}\n:::\n\n  {s}")),
        1 => sentence().prop_map(|s| format!("- {s}\n:::tip[{s}]\n- {s}\n:::")),
        1 => (0usize..3, sentence()).prop_map(|(k, s)| {
            let marker = ["=== \"A tab\"", "===+ \":material-x: `b` *c* &amp;\"", "=== \"\""][k];
            format!("{marker}\n    {s}\n\n    ```\n    {s}\n    ```")
        }),
        1 => sentence().prop_map(|s| format!("    - {s}\n    ```\n    !!! note\n    ```")),
        1 => sentence().prop_map(|s| format!("- {s}\n  <!-- {s} -->{s}")),
        1 => sentence().prop_map(|s| format!("`{s}`\n:   {s}\n\n    {s}\n: *{s}*")),
        2 => (0usize..8, sentence()).prop_map(|(k, s)| {
            let code = [
                "{{% notice tip %}}", "{{% /notice %}}", "{{< tab header=\"Ü b\" >}}",
                "{{< /tab >}}", "{{% alert title=\" x \" color=warning %}}", "{{% /alert %}}",
                "{{< tabpane >}}", "{{< figure caption=\"c\" >}}",
            ][k];
            format!("{code}\n{s}")
        }),
        1 => sentence().prop_map(|s| format!("[{s}]({{{{< ref \"a.md\" >}}}}) `{{{{< ref \"b\" >}}}}` {{{{< relref x >}}}}")),
        1 => (0usize..4, sentence()).prop_map(|(k, s)| {
            let attrs = ["{ #id .c k=\"v w\" }", "{a, b}", "{: #x}", "{ .c &amp; }"][k];
            format!("## {s} `{s}` {attrs}")
        }),
    ]
}

/// A line of HTML: text, and the elements the reader knows, opened and closed as pages do (and
/// as they should not).
fn html_line() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => sentence(),
        2 => (1usize..7, sentence()).prop_map(|(n, s)| format!("<h{n} id=\"s{n}\">{s}</h{n}>")),
        2 => sentence().prop_map(|s| format!("<p>{s}")),
        1 => sentence().prop_map(|s| format!("<li>{s}")),
        1 => sentence().prop_map(|s| format!("<td>{s}<th>{s}")),
        1 => sentence().prop_map(|s| format!("<b>{s}</b> <em>x</em> <code>{s}</code>")),
        1 => sentence().prop_map(|s| format!("<a href=\"#s2\">{s}</a> <a name=s3>")),
        1 => sentence().prop_map(|s| format!("<img alt=\"{s}\" src=x.png> <img src=y.png>")),
        1 => sentence().prop_map(|s| format!("<title>{s}</title><meta name=author content=\"{s}\">")),
        3 => prop::sample::select(vec![
            "<ul>", "</ul>", "<ol>", "</ol>", "</li>", "<blockquote>", "</blockquote>",
            "<table>", "</table>", "<tr>", "</tr>", "</td>", "<thead>", "</thead>", "<caption>",
            "</caption>", "<pre><code class=language-c>", "</code></pre>", "<nav>", "</nav>",
            "<header>", "</header>", "<footer>", "</footer>", "<main>", "</main>", "<article>",
            "</article>", "<section>", "</section>", "<div hidden>", "<div>", "</div>", "<br>",
            "<hr>", "</p>", "<template>", "</template>", "<dl><dt>", "<dd>", "</dl>", "</h2>",
            "<script>if (a < b) { x('<p>'); }</script>", "<!-- <p>not text</p> -->",
            "<style>p { color: red }</style>", "<!DOCTYPE html>", "&nbsp;&copy;&#146;&bogus;",
            "<div role=navigation>", "<div role=main>", "<div role=contentinfo>",
            "<a href=#s2>¶</a>", "<sup><a href=#s3>1</a></sup>",
            "<div class=\"admonition warning\">", "<p class=\"admonition-title\">Warning</p>",
            "<p class=admonition-title>Mind <em>this</em>", "<aside class=\"markdown-alert\">",
            "</aside>", "<div class=\"theme-admonition theme-admonition-tip\">",
            "<details class=tip>", "<summary>", "</summary>", "</details>", "</dt>", "</dd>",
        ])
        .prop_map(String::from),
    ]
}

/// Lines joined with runs of 0 to 4 blank lines between them.
fn page(line: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    prop::collection::vec((line, 0usize..5), 1..40).prop_map(|lines| {
        lines
            .into_iter()
            .map(|(l, blanks)| format!("{l}\n{}", "\n".repeat(blanks)))
            .collect()
    })
}

fn assert_lossless_or_refused(path: &str, source: &str) -> Result<(), TestCaseError> {
    match ingest(&[file(path, source)]) {
        Ok(ingested) => {
            let report = &ingested.coverage[0];
            prop_assert!(
                report.is_lossless(),
                "{}\n--- source ---\n{source}",
                report.describe_loss()
            );
            prop_assert_eq!(
                report.matched_chars + report.markup_chars,
                report.source_chars
            );
        }
        Err(e) => {
            let message = e.to_string();
            let refused = message.contains("no body text") || message.contains("front matter");
            prop_assert!(refused, "{message}\n--- source ---\n{source}");
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn plain_text_is_lossless(source in page(text_line())) {
        assert_lossless_or_refused("generated.txt", &source)?;
    }

    #[test]
    fn markdown_is_lossless(source in page(markdown_line())) {
        assert_lossless_or_refused("generated.md", &source)?;
    }

    #[test]
    fn html_is_lossless(source in page(html_line())) {
        assert_lossless_or_refused("generated.html", &source)?;
    }

    #[test]
    fn plain_text_readers_never_panic_on_any_text(source in "\\PC{0,400}") {
        let _ = ingest(&[file("any.txt", &source)]);
        let _ = ingest(&[file("any.md", &source)]);
        let _ = ingest(&[file("any.html", &source)]);
    }
}

#[test]
fn every_fixture_is_lossless() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let source = std::fs::read_to_string(&path).unwrap();
        let ingested = ingest(&[file(&name, &source)]).unwrap_or_else(|e| panic!("{e}"));
        let report = &ingested.coverage[0];
        assert!(report.is_lossless(), "{}", report.describe_loss());
        seen += 1;
    }
    assert!(seen >= 3);
}
