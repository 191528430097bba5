//! The CLI as a process: `storydiff BEFORE AFTER`, `--json`, `--html`, and
//! its messages and exit codes on bad input.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

const SEED_000: &str = "seeds/000_ba2ed8750da60442.txt";
const SEED_001: &str = "seeds/001_c841d5658e0f1fdf.txt";

fn storydiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("COLUMNS")
        .output()
        .expect("the CLI starts")
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 messages")
}

#[test]
fn side_by_side_when_piped_is_plain_with_markers() {
    let out = storydiff(&[SEED_000, SEED_001, "--width", "200"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "no colour codes when piped");
    assert!(
        text.contains("{+They need to get rid of these illusions"),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() <= 200));
}

#[test]
fn colour_always_uses_ansi_codes() {
    let out = storydiff(&[SEED_000, SEED_001, "--color", "always"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("\x1b[32m"));
}

#[test]
fn json_is_the_model_and_rebuilds_both_files() {
    let out = storydiff(&["--json", SEED_000, SEED_001]);
    assert!(out.status.success(), "{}", stderr(&out));
    let model: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    let rows = model["rows"].as_array().expect("rows");
    let join = |side: &str| -> String { rows.iter().filter_map(|r| r[side].as_str()).collect() };
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        join("before"),
        std::fs::read_to_string(root.join(SEED_000)).unwrap()
    );
    assert_eq!(
        join("after"),
        std::fs::read_to_string(root.join(SEED_001)).unwrap()
    );
    assert_eq!(model["approximate"], false);
    for row in rows.iter().filter(|r| r["kind"] == "changed") {
        let pieces = row["inline"].as_array().expect("changed rows carry inline");
        let side = |skip: &str| -> String {
            pieces
                .iter()
                .filter(|p| p["tag"] != skip)
                .map(|p| p["text"].as_str().unwrap())
                .collect()
        };
        assert_eq!(side("insert"), row["before"].as_str().unwrap());
        assert_eq!(side("delete"), row["after"].as_str().unwrap());
    }
}

#[test]
fn html_writes_a_standalone_escaped_report() {
    let before = scratch("hostile_before.txt");
    let after = scratch("hostile_after.txt");
    std::fs::write(&before, "Intro.\n\n<script>alert(1)</script> said X.\n").unwrap();
    std::fs::write(&after, "Intro.\n\n<script>alert(1)</script> said Y.\n").unwrap();
    let report = scratch("report.html");
    let out = storydiff(&[
        before.to_str().unwrap(),
        after.to_str().unwrap(),
        "--html",
        report.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&report).unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(
        html.contains("<del>X</del>") && html.contains("<ins>Y</ins>"),
        "{html}"
    );
}

#[test]
fn a_dash_reads_one_side_from_standard_input() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args([SEED_000, "-", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    let after =
        std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(SEED_001)).unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(after.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        stdout(&storydiff(&[SEED_000, SEED_001, "--json"]))
    );

    let out = storydiff(&["-", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("only one of BEFORE and AFTER"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_file_names_the_file_and_exits_1() {
    let out = storydiff(&["no/such/story.txt", SEED_001]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("cannot read 'no/such/story.txt'"),
        "{message}"
    );
    assert!(!message.contains("panicked"));
}

#[test]
fn invalid_utf8_names_the_file_and_exits_1() {
    let bad = scratch("latin1.txt");
    std::fs::write(&bad, b"caf\xe9 au lait").unwrap();
    let out = storydiff(&[SEED_000, bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.contains("latin1.txt") && message.contains("not valid UTF-8"),
        "{message}"
    );
    assert!(message.contains("offset 3"), "{message}");
}

#[test]
fn bad_usage_exits_2_with_the_usage() {
    let out = storydiff(&[SEED_000]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("Usage: storydiff"));
    let out = storydiff(&["--frobnicate", SEED_000, SEED_001]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown option '--frobnicate'"));
}

/// Ten short paragraphs, the `changed`th (from 1) reworded when given.
fn paragraphs(changed: Option<usize>) -> String {
    (1..=10)
        .map(|i| {
            if Some(i) == changed {
                format!("Paragraph {i} was rewritten by the desk.\n\n")
            } else {
                format!("Paragraph {i} stays as it was.\n\n")
            }
        })
        .collect()
}

fn write_pair(name: &str, before: &str, after: &str) -> (String, String) {
    let b = scratch(&format!("{name}_before.txt"));
    let a = scratch(&format!("{name}_after.txt"));
    std::fs::write(&b, before).unwrap();
    std::fs::write(&a, after).unwrap();
    (
        b.to_str().unwrap().to_string(),
        a.to_str().unwrap().to_string(),
    )
}

/// The lines of the view after the ledger (which ends at the first blank
/// line).
fn view(text: &str) -> Vec<&str> {
    text.split_once("\n\n")
        .map_or("", |(_, view)| view)
        .lines()
        .collect()
}

#[test]
fn hunks_show_a_change_with_its_context_and_fold_the_rest() {
    let (b, a) = write_pair("hunks", &paragraphs(None), &paragraphs(Some(5)));
    let out = storydiff(&[&b, &a, "--width", "100"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines = view(&text);
    assert_eq!(lines.len(), 5, "{text}");
    assert_eq!(lines[0], "… 3 unchanged paragraphs …");
    assert!(lines[1].starts_with("Paragraph 4 stays"), "{text}");
    assert!(lines[2].contains(" ~ "), "{text}");
    assert!(lines[3].starts_with("Paragraph 6 stays"), "{text}");
    assert_eq!(lines[4], "… 4 unchanged paragraphs …");

    let out = storydiff(&[&b, &a, "--context", "0"]);
    let text = stdout(&out);
    let lines = view(&text);
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[1].contains(" ~ "), "{text}");
    assert_eq!(lines[0], "… 4 unchanged paragraphs …");
    assert_eq!(lines[2], "… 5 unchanged paragraphs …");

    // Context wider than the text: nothing left to fold.
    let out = storydiff(&[&b, &a, "--context", "20"]);
    let text = stdout(&out);
    assert!(!text.contains('…'), "{text}");
    assert_eq!(view(&text).len(), 10, "{text}");
}

#[test]
fn full_shows_every_paragraph() {
    let (b, a) = write_pair("full", &paragraphs(None), &paragraphs(Some(5)));
    let text = stdout(&storydiff(&[&b, &a, "--full"]));
    assert!(!text.contains('…'), "{text}");
    for i in 1..=10 {
        assert!(text.contains(&format!("Paragraph {i} ")), "{text}");
    }
    // The last of --full and --context wins.
    let text = stdout(&storydiff(&[&b, &a, "--full", "--context", "1"]));
    assert!(text.contains("… 3 unchanged paragraphs …"), "{text}");
}

#[test]
fn identical_texts_fold_into_one_line() {
    let (b, a) = write_pair("same", &paragraphs(None), &paragraphs(None));
    let text = stdout(&storydiff(&[&b, &a]));
    assert!(text.starts_with("Summary: No changes\n"), "{text}");
    assert_eq!(view(&text), ["… 10 unchanged paragraphs …"]);
}

/// The Iran pair: 197 KB, three lines changed. Read from ../shared/corpus
/// as tests/corpus.rs reads it.
#[test]
fn a_large_near_identical_pair_prints_only_its_hunks() {
    let dir = common::shared("corpus/govuk_iran_cpin_minor_large");
    let (b, a) = (dir.join("a.txt"), dir.join("b.txt"));
    let (b, a) = (b.to_str().unwrap(), a.to_str().unwrap());
    let text = stdout(&storydiff(&[b, a]));
    let lines = text.lines().count();
    assert!(lines < 60, "{lines} lines:\n{text}");
    assert!(text.contains("Updated [-17 May-] 2022"), "{text}");
    assert!(text.contains("{+Back to top+}"), "{text}");
    let folds = text
        .lines()
        .filter(|l| l.starts_with("… ") && l.contains(" unchanged paragraph"))
        .count();
    assert_eq!(folds, 2, "{text}");
    // --full is the whole side-by-side view: every line of Before is in it.
    let full = stdout(&storydiff(&[b, a, "--full"]));
    assert!(full.lines().count() > 5000);
    assert!(full.contains("This note provides country of origin information"));
    assert!(!full.contains("unchanged paragraphs …"));
}

#[test]
fn summary_prints_the_ledger_alone() {
    let out = storydiff(&[SEED_000, SEED_001, "--summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("Summary: "), "{text}");
    assert!(text.contains("Quote added (Walid Moallem)"), "{text}");
    assert!(!text.contains(" ~ ") && !text.contains('…'), "{text}");
    assert!(text.lines().all(|l| !l.is_empty()), "{text}");
}

/// Terminal cells of a line, counted apart from the CLI: CJK ideographs,
/// kana and full-width forms take two.
fn cells(line: &str) -> usize {
    line.chars()
        .map(|c| match c as u32 {
            0x3000..=0x303F | 0x3040..=0x30FF | 0x4E00..=0x9FFF | 0xFF01..=0xFF60 => 2,
            _ => 1,
        })
        .sum()
}

#[test]
fn columns_are_measured_in_terminal_cells() {
    let before = "北京市政府周二宣布，新的地铁线路将于明年开通，全长三十公里。\n";
    let after = "北京市政府周三宣布，新的地铁线路将于后年开通，全长三十公里。\n";
    let (b, a) = write_pair("wide", before, after);
    let text = stdout(&storydiff(&[&b, &a, "--width", "40"]));
    let lines = view(&text);
    assert!(lines.len() > 2, "the text wraps: {text}");
    for line in &lines {
        assert!(cells(line) <= 40, "{} cells: {line}", cells(line));
        // The gutter stands at the same cell on every line: column 18
        // ((40 - 3) / 2), then a space, the mark, a space.
        let cut: String = line
            .chars()
            .scan(0, |used, c| {
                *used += cells(&c.to_string());
                (*used <= 19).then_some(c)
            })
            .collect();
        assert_eq!(cells(&cut), 19, "{line}");
        assert!(line[cut.len()..].starts_with("~ "), "{line}");
    }
}

#[test]
fn exit_code_says_whether_the_texts_differ() {
    let (b, a) = write_pair("exit", &paragraphs(None), &paragraphs(Some(5)));
    // Without --exit-code, 0 whenever the comparison ran.
    assert_eq!(storydiff(&[&b, &a]).status.code(), Some(0));
    assert_eq!(storydiff(&[&b, &a, "--exit-code"]).status.code(), Some(3));
    assert_eq!(
        storydiff(&[&b, &a, "--exit-code", "--json"]).status.code(),
        Some(3)
    );
    assert_eq!(storydiff(&[&b, &b, "--exit-code"]).status.code(), Some(0));
    // A cosmetic change is a difference; other line endings are not.
    let (b, a) = write_pair("cosmetic", "He said \"yes\".\n", "He said “yes”.\n");
    assert_eq!(storydiff(&[&b, &a, "--exit-code"]).status.code(), Some(3));
    let (b, a) = write_pair("endings", "One.\r\n\r\nTwo.\r\n", "One.\n\nTwo.\n");
    assert_eq!(storydiff(&[&b, &a, "--exit-code"]).status.code(), Some(0));
    // The older codes stand: 1 a file that cannot be read, 2 bad usage.
    assert_eq!(
        storydiff(&["no/such.txt", &a, "--exit-code"]).status.code(),
        Some(1)
    );
    let out = storydiff(&[&b, &a, "--context", "some"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--context: 'some' is not a number"));
}

fn chain(name: &str) -> PathBuf {
    common::shared(&format!("chains/{name}"))
}

#[test]
fn a_folder_is_its_versions_in_name_order() {
    let dir = chain("quarantine_hotel_corrections");
    let out = storydiff(&[dir.to_str().unwrap(), "--summary"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "History: 5 versions, v01.txt (9 February 2021) to v05.txt (16 February 2021)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Figure: less than £1,750 → £1,750 (v01.txt, v04.txt)"),
        "{text}"
    );
    let headings: Vec<&str> = text.lines().filter(|l| l.starts_with("── Step")).collect();
    assert_eq!(headings.len(), 4, "{text}");
    assert!(headings[3].contains("v04.txt (11 February 2021) → v05.txt"));
    // Without --summary, each step's changes as hunks.
    let text = stdout(&storydiff(&[dir.to_str().unwrap()]));
    assert!(text.contains("will be [-less than -]"), "{text}");
    assert!(text.contains(" unchanged paragraphs …"), "{text}");

    // Numbers in names by their value; .html when there is no .txt.
    let folder = scratch("versions");
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).unwrap();
    for (name, n) in [
        ("v2.html", 2),
        ("v10.html", 10),
        ("v1.html", 1),
        ("notes.json", 0),
    ] {
        std::fs::write(
            folder.join(name),
            format!("<p>{n} people were hurt, police said.</p><p>More.</p>"),
        )
        .unwrap();
    }
    let text = stdout(&storydiff(&[folder.to_str().unwrap(), "--summary"]));
    assert!(
        text.starts_with("History: 3 versions, v1.html to v10.html\n"),
        "{text}"
    );
    assert!(
        text.contains("Figure: 1 → 2 → 10 (v1.html, v2.html, v10.html)"),
        "{text}"
    );
}

#[test]
fn several_files_are_a_history_and_json_is_its_model() {
    let dir = chain("north_sea_deal_correction");
    let files: Vec<String> = (1..=4)
        .map(|i| dir.join(format!("v0{i}.txt")).to_str().unwrap().to_string())
        .collect();
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.push("--json");
    let out = storydiff(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let model: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(model["versions"].as_array().unwrap().len(), 4);
    assert_eq!(model["versions"][0]["label"], files[0].as_str());
    assert_eq!(model["versions"][3]["date"], "26 March 2021");
    let steps = model["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 3);
    // Each step holds its comparison, the two-version model itself (read
    // whole, as a history reads every step).
    for (i, step) in steps.iter().enumerate() {
        let pair = stdout(&storydiff(&[&files[i], &files[i + 1], "--whole", "--json"]));
        let pair: serde_json::Value = serde_json::from_str(&pair).unwrap();
        assert_eq!(step["comparison"], pair, "step {i}");
        assert_eq!(step["stats"], pair["stats"]);
    }
    let paragraphs = model["paragraphs"].as_array().unwrap();
    // The correction in version 4 (index 3): a paragraph changed there.
    assert!(paragraphs
        .iter()
        .any(|p| p["changed"].as_array().unwrap().contains(&3.into())));
    assert!(model["figures"].is_array() && model["quotes"].is_array());
    assert!(model["undone"].is_array());

    // --exit-code over a history: 3 when any step differs.
    args.pop();
    args.push("--exit-code");
    assert_eq!(storydiff(&args).status.code(), Some(3));
}

#[test]
fn a_history_needs_two_versions_and_reports_two_files() {
    let one = scratch("one_version");
    let _ = std::fs::remove_dir_all(&one);
    std::fs::create_dir_all(&one).unwrap();
    std::fs::write(one.join("v1.txt"), "Only one.\n").unwrap();
    let out = storydiff(&[one.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("holds 1 version"), "{}", stderr(&out));
    let out = storydiff(&[SEED_000, SEED_001, SEED_000, "--html", "x.html"]);
    assert_eq!(out.status.code(), Some(2));
    // A folder among files is a file that cannot be read, as before.
    let out = storydiff(&[SEED_000, one.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("it is a folder"), "{}", stderr(&out));
}
