//! What every comparison must satisfy, checked by every data-driven test,
//! and where the shared data lives.
#![allow(dead_code)] // each test file uses some of these

use std::path::PathBuf;

use storydiff::{Comparison, RowKind, Tag};
use unicode_segmentation::UnicodeSegmentation;

/// The model's invariants: the rows rebuild both texts byte for byte, the
/// inline pieces rebuild their rows, and no piece cuts a word.
pub fn check_invariants(before: &str, after: &str, c: &Comparison<'_>, name: &str) {
    let rebuilt: String = c.rows.iter().filter_map(|r| r.before).collect();
    assert!(rebuilt == before, "{name}: rows do not rebuild Before");
    let rebuilt: String = c.rows.iter().filter_map(|r| r.after).collect();
    assert!(rebuilt == after, "{name}: rows do not rebuild After");
    for (i, row) in c.rows.iter().enumerate() {
        if row.inline.is_empty() {
            continue;
        }
        let side = |keep: Tag| -> String {
            row.inline
                .iter()
                .filter(|p| p.tag == Tag::Equal || p.tag == keep)
                .map(|p| p.text)
                .collect()
        };
        if let Some(b) = row.before {
            assert_eq!(
                side(Tag::Delete),
                b,
                "{name}: row {i}: pieces do not rebuild Before"
            );
        }
        if let Some(a) = row.after {
            assert_eq!(
                side(Tag::Insert),
                a,
                "{name}: row {i}: pieces do not rebuild After"
            );
        }
        assert!(
            row.kind == RowKind::Changed || row.kind == RowKind::Moved,
            "{name}: row {i}: inline on a {:?} row",
            row.kind
        );
        no_piece_cuts_a_word(row, name, i);
    }
}

/// Every piece starts and ends on a unicode word boundary of its side.
fn no_piece_cuts_a_word(row: &storydiff::Row<'_>, name: &str, i: usize) {
    for (keep, text) in [(Tag::Delete, row.before), (Tag::Insert, row.after)] {
        // The moved row's other end is not in the row: rebuild it.
        let side: String = row
            .inline
            .iter()
            .filter(|p| p.tag == Tag::Equal || p.tag == keep)
            .map(|p| p.text)
            .collect();
        let side = text.map_or(side, str::to_string);
        let bounds: std::collections::HashSet<usize> = side
            .split_word_bound_indices()
            .map(|(k, _)| k)
            .chain([side.len()])
            .collect();
        let mut at = 0;
        for p in row
            .inline
            .iter()
            .filter(|p| p.tag == Tag::Equal || p.tag == keep)
        {
            assert!(
                bounds.contains(&at) && bounds.contains(&(at + p.text.len())),
                "{name}: row {i}: piece {:?} cuts a word in {side:?}",
                p.text
            );
            at += p.text.len();
        }
    }
}

/// A readable summary of a comparison, for snapshots: one line per row,
/// the changed words of each changed row.
pub fn summary(c: &Comparison<'_>) -> String {
    let short = |s: &str| {
        let s: String = s.trim().chars().take(72).collect();
        format!("{s:?}")
    };
    let lines =
        |s: Option<&str>| s.map_or(0, |s| s.lines().filter(|l| !l.trim().is_empty()).count());
    let mut out = String::new();
    for (i, row) in c.rows.iter().enumerate() {
        let mut head = format!("{i:>3} {:?}", row.kind).to_lowercase();
        for (flag, name) in [
            (row.cosmetic, "cosmetic"),
            (row.split, "split"),
            (row.merged, "merged"),
        ] {
            if flag {
                head.push(' ');
                head.push_str(name);
            }
        }
        if let Some(p) = row.partner {
            head.push_str(&format!(" partner={p}"));
        }
        match row.kind {
            RowKind::Equal | RowKind::Noise => {
                head.push_str(&format!(
                    " ({} | {} lines)",
                    lines(row.before),
                    lines(row.after)
                ));
                out.push_str(&head);
                out.push('\n');
                continue;
            }
            _ => {}
        }
        out.push_str(&head);
        out.push('\n');
        if let Some(b) = row.before {
            out.push_str(&format!("      - {}\n", short(b)));
        }
        if let Some(a) = row.after {
            out.push_str(&format!("      + {}\n", short(a)));
        }
        for p in row.inline.iter().filter(|p| p.tag != Tag::Equal) {
            let mark = match (p.tag, p.cosmetic) {
                (Tag::Delete, false) => "[-]",
                (Tag::Insert, false) => "[+]",
                (Tag::Delete, true) => "[~-]",
                _ => "[~+]",
            };
            out.push_str(&format!("        {mark} {}\n", short(p.text)));
        }
    }
    out
}

/// `../shared/<path>` beside the project (the corpus, devset and chains,
/// read at test time and never committed), failing with a clear message
/// when it is missing.
pub fn shared(path: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(path);
    assert!(
        dir.is_dir(),
        "{} is missing (CI provides it; copy or link the shared folder there)",
        dir.display()
    );
    dir
}

/// Every pair of the shared corpus and devset (each folder's `a.txt` and
/// `b.txt`) and each seed with the next, in name order: (name, Before,
/// After).
pub fn pairs() -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for set in ["corpus", "devset"] {
        let mut dirs: Vec<PathBuf> = std::fs::read_dir(shared(set))
            .expect("a folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("a.txt").is_file())
            .collect();
        dirs.sort();
        for p in dirs {
            let read = |f: &str| std::fs::read_to_string(p.join(f)).expect("a pair's text");
            out.push((p.display().to_string(), read("a.txt"), read("b.txt")));
        }
    }
    let seeds = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .expect("seeds")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for w in files.windows(2) {
        let read = |p: &PathBuf| std::fs::read_to_string(p).expect("a seed");
        out.push((w[0].display().to_string(), read(&w[0]), read(&w[1])));
    }
    out
}
