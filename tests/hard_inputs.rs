//! Hard inputs on the CLI, run as a process: each ends in a result (or a
//! clear message and a documented exit code), and the JSON's rows rebuild
//! both inputs byte for byte. Inputs are generated, not stored. One
//! `check` helper runs every case. No case has a time limit: how long they
//! take depends on the machine and what else runs on it (each prints its
//! time; `cargo xtask bench` times the comparisons), and a comparison that
//! would run long settles for a rough answer at its deadline, marked
//! `approximate`, which the tests check.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// A fresh directory for one case's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("storydiff-hard-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the CLI with `args`: its output, and how long it took.
fn storydiff(args: &[&std::ffi::OsStr]) -> (Output, Duration) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_storydiff"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the CLI starts");
    // Drain both pipes while waiting, so a large output cannot block it.
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        stdout.read_to_end(&mut v).map(|_| v)
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        stderr.read_to_end(&mut v).map(|_| v)
    });
    let status = child.wait().expect("the CLI ends");
    let output = Output {
        status,
        stdout: out.join().unwrap().unwrap(),
        stderr: err.join().unwrap().unwrap(),
    };
    (output, started.elapsed())
}

/// Compares two generated inputs with `--json` and checks what every hard
/// input must get: exit 0 within the bound, and rows that rebuild both
/// inputs exactly. Returns the model.
fn check(name: &str, before: &str, after: &str) -> Value {
    let dir = scratch(name);
    let (b, a) = (dir.join("before.txt"), dir.join("after.txt"));
    std::fs::write(&b, before).unwrap();
    std::fs::write(&a, after).unwrap();
    let (out, took) = storydiff(&["--json".as_ref(), b.as_os_str(), a.as_os_str()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        out.status.success(),
        "{name}: exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{name}: {took:?}");
    let model: Value = serde_json::from_slice(&out.stdout).expect("the JSON parses");
    let join = |key: &str| -> String {
        model["rows"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r[key].as_str())
            .collect()
    };
    assert!(join("before") == before, "{name}: rows must rebuild Before");
    assert!(join("after") == after, "{name}: rows must rebuild After");
    model
}

fn rows(model: &Value) -> &Vec<Value> {
    model["rows"].as_array().unwrap()
}

fn kinds(model: &Value) -> Vec<&str> {
    rows(model)
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect()
}

/// True when no row is a change: every row is `equal`, or `noise` (page
/// furniture, set aside, which is no change either).
fn unchanged(model: &Value) -> bool {
    kinds(model).iter().all(|k| *k == "equal" || *k == "noise")
}

/// Every inline piece's text, with its tag.
fn pieces(model: &Value) -> Vec<(String, String)> {
    rows(model)
        .iter()
        .flat_map(|r| r["inline"].as_array().cloned().unwrap_or_default())
        .map(|p| {
            (
                p["tag"].as_str().unwrap().to_string(),
                p["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Words from a small pool, deterministic (no RNG crate needed).
fn words(n: usize, seed: u64) -> Vec<String> {
    const POOL: &[&str] = &[
        "the", "minister", "said", "on", "Sunday", "flood", "waters", "rose", "police", "report",
        "killed", "145", "rebels", "talks", "Geneva", "river", "storm", "city", "council", "vote",
    ];
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..n)
        .map(|i| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            format!(
                "{}{}",
                POOL[(x % POOL.len() as u64) as usize],
                (x >> 32) % 7 + i as u64 % 3
            )
        })
        .collect()
}

#[test]
fn empty_against_empty() {
    let m = check("empty-empty", "", "");
    assert!(rows(&m).is_empty());
    assert_eq!(m["approximate"], false);
}

#[test]
fn empty_against_text_and_back() {
    let text = "A story.\n\nIn two paragraphs.\n";
    let m = check("empty-text", "", text);
    assert!(kinds(&m).iter().all(|k| *k == "added"), "{:?}", kinds(&m));
    let m = check("text-empty", text, "");
    assert!(kinds(&m).iter().all(|k| *k == "removed"), "{:?}", kinds(&m));
}

#[test]
fn identical_texts_are_all_equal() {
    let text = include_str!("../seeds/000_ba2ed8750da60442.txt");
    let m = check("identical", text, text);
    assert!(unchanged(&m), "{:?}", kinds(&m));
}

#[test]
fn crlf_against_lf_is_a_line_ending_change_not_a_rewrite() {
    let lf = include_str!("../seeds/000_ba2ed8750da60442.txt").replace("\r\n", "\n");
    let crlf = lf.replace('\n', "\r\n");
    let m = check("crlf-lf", &crlf, &lf);
    assert!(unchanged(&m), "{:?}", kinds(&m));
    assert_eq!(m["line_endings"]["before"], "crlf");
    assert_eq!(m["line_endings"]["after"], "lf");
    // The terminal view says it once, in words.
    let dir = scratch("crlf-lf-plain");
    let (b, a) = (dir.join("b"), dir.join("a"));
    std::fs::write(&b, &crlf).unwrap();
    std::fs::write(&a, &lf).unwrap();
    let (out, _) = storydiff(&[
        "--color".as_ref(),
        "never".as_ref(),
        b.as_os_str(),
        a.as_os_str(),
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.contains("Line endings changed: CRLF in Before, LF in After\n"),
        "{shown}"
    );
    assert!(!shown.contains("[-") && !shown.contains("{+"));
}

#[test]
fn a_one_and_a_half_megabyte_single_line() {
    let mut w = words(200_000, 1);
    let before = w.join(" ");
    for i in (0..w.len()).step_by(9_000) {
        w[i] = "CHANGED".into();
    }
    let after = w.join(" ");
    assert!(before.len() > 1_400_000 && !before.contains('\n'));
    let m = check("one-line", &before, &after);
    let inserted: Vec<String> = pieces(&m)
        .into_iter()
        .filter(|(t, _)| t == "insert")
        .map(|(_, s)| s)
        .collect();
    assert!(inserted.iter().any(|s| s.contains("CHANGED")));
    if m["approximate"] == false {
        // With time to finish (a release build), each change is one word.
        assert!(inserted.iter().all(|s| s == "CHANGED"), "{inserted:?}");
    }
}

#[test]
fn a_hundred_thousand_short_lines() {
    let w = words(100_000, 2);
    let before: String = w.iter().map(|s| format!("{s}\n")).collect();
    let after = before.replacen(&format!("\n{}\n", w[50_000]), "\nan inserted line\n", 1);
    let m = check("many-lines", &before, &after);
    assert!(rows(&m).len() < 100, "equal lines are joined into rows");
}

#[test]
fn two_totally_different_600_kb_texts_settle_for_an_approximate_answer() {
    // Two vocabularies, so no paragraph of one is like any of the other.
    let paragraphs = |seed: u64, upper: bool| -> String {
        let w = words(110_000, seed);
        let w: Vec<String> = if upper {
            w.iter().map(|x| x.to_uppercase() + "Q").collect()
        } else {
            w
        };
        w.chunks(40).map(|c| c.join(" ") + ".\n\n").collect()
    };
    let (before, after) = (paragraphs(3, false), paragraphs(4, true));
    assert!(before.len() > 600_000 && after.len() > 600_000);
    // A full word diff of two texts with no word in common would take
    // minutes on any machine; the deadline (2 s) gives a rough one.
    let m = check("different", &before, &after);
    assert_eq!(m["approximate"], true, "a rough answer says so");
}

#[test]
fn nul_and_control_characters_are_kept_and_shown() {
    let before = "Tab\there, NUL \0 and escape \u{1b}[31m red.\n\nBell \u{7}.\n";
    let after = "Tab\there, NUL \0 and escape \u{1b}[32m green.\n\nBell \u{7}!\n";
    check("controls", before, after);
    let dir = scratch("controls-plain");
    let (b, a) = (dir.join("b"), dir.join("a"));
    std::fs::write(&b, before).unwrap();
    std::fs::write(&a, after).unwrap();
    let (out, _) = storydiff(&[
        "--color".as_ref(),
        "always".as_ref(),
        b.as_os_str(),
        a.as_os_str(),
    ]);
    let html = dir.join("r.html");
    let (report, _) = storydiff(&[
        "--html".as_ref(),
        html.as_os_str(),
        b.as_os_str(),
        a.as_os_str(),
    ]);
    assert!(report.status.success());
    let html = std::fs::read_to_string(&html).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let shown = String::from_utf8(out.stdout).unwrap();
    // The text's own escape codes never reach the terminal: they show as
    // symbols, and only storydiff's colours are real escapes.
    assert!(shown.contains('\u{2400}') && shown.contains('\u{241b}') && shown.contains('\u{2407}'));
    assert!(!shown.contains("\u{1b}[31m") && !shown.contains('\0'));
    assert!(html.contains('\u{2400}') && !html.contains('\0'));
}

#[test]
fn right_to_left_text_compares_by_word() {
    let before = "قال الوزير إن المحادثات ستستمر يوم الأحد.\n\nשלום עולם.\n";
    let after = "قال الوزير إن المحادثات ستتوقف يوم الأحد.\n\nשלום עולם.\n";
    let m = check("rtl", before, after);
    assert_eq!(kinds(&m), ["changed", "equal"]);
    assert!(pieces(&m).contains(&("insert".into(), "ستتوقف".into())));
}

#[test]
fn emoji_sequences_and_combining_marks_are_never_split() {
    let before = "Family 👩\u{200d}👩\u{200d}👧 at the cafe\u{301}, flag 🇬🇧, thumbs 👍🏽.\n";
    let after = "Family 👩\u{200d}👩\u{200d}👦 at the cafe\u{300}, flag 🇫🇷, thumbs 👍🏿.\n";
    let m = check("graphemes", before, after);
    let p = pieces(&m);
    for whole in [
        "👩\u{200d}👩\u{200d}👧",
        "👩\u{200d}👩\u{200d}👦",
        "cafe\u{301}",
        "cafe\u{300}",
        "🇬🇧",
        "🇫🇷",
        "👍🏽",
        "👍🏿",
    ] {
        assert!(
            p.iter().any(|(_, s)| s.contains(whole)),
            "{whole} is whole in {p:?}"
        );
    }
    // No piece starts with a joiner, a combining mark or a skin tone.
    for (_, s) in &p {
        let first = s.chars().next().unwrap();
        assert!(
            !matches!(first, '\u{200d}' | '\u{300}'..='\u{36f}' | '\u{1f3fb}'..='\u{1f3ff}'),
            "{s:?}"
        );
    }
}

#[test]
fn cjk_without_spaces_is_diffed_by_character_not_as_one_word() {
    let before = "叙利亚总统阿萨德周日表示，政府不会与反对派谈判。\n";
    let after = "叙利亚总理阿萨德周日表示，政府将会与反对派谈判。\n";
    let m = check("cjk", before, after);
    let p = pieces(&m);
    let changed: Vec<&str> = p
        .iter()
        .filter(|(t, _)| t != "equal")
        .map(|(_, s)| s.as_str())
        .collect();
    assert!(
        changed.iter().all(|s| s.chars().count() <= 4),
        "small pieces: {changed:?}"
    );
    assert!(
        p.iter()
            .any(|(t, s)| t == "equal" && s.contains("阿萨德周日表示")),
        "{p:?}"
    );
    let japanese = check(
        "japanese",
        "東京で会議が開かれた。\n",
        "大阪で会議が開かれた。\n",
    );
    assert!(pieces(&japanese)
        .iter()
        .any(|(t, s)| t == "equal" && s.contains("会議")));
}

/// Exit codes are documented in `storydiff --help`: 1 for a file that
/// cannot be read or is not UTF-8, 2 for bad usage.
#[test]
fn bad_files_exit_with_a_message_and_a_documented_code() {
    let dir = scratch("bad");
    let good = dir.join("good.txt");
    std::fs::write(&good, "text\n").unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"caf\xe9\n").unwrap();
    let missing = dir.join("missing.txt");
    let cases: [(&[&std::ffi::OsStr], i32, &str); 5] = [
        (&[missing.as_os_str(), good.as_os_str()], 1, "missing.txt"),
        (
            &[good.as_os_str(), latin1.as_os_str()],
            1,
            "not valid UTF-8",
        ),
        (&[dir.as_os_str(), good.as_os_str()], 1, "cannot read"),
        (&[good.as_os_str()], 2, "expected two files"),
        (
            &["--bogus".as_ref(), good.as_os_str(), good.as_os_str()],
            2,
            "unknown option",
        ),
    ];
    for (args, code, message) in cases {
        let (out, _) = storydiff(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
