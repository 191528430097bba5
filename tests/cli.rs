//! The CLI as a process: `storydiff BEFORE AFTER`, `--json`, `--html`, and
//! its messages and exit codes on bad input.

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
