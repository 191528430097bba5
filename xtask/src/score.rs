//! `cargo xtask score [--min PCT] [DIR...]`: how well storydiff reports
//! changes whose truth is known.
//!
//! A DIR is a folder of pair folders (or one pair folder). A pair folder
//! holds `a.txt`, `b.txt`, optionally `a.html`, `b.html`, and `TRUTH.json`
//! (`{"kind", "before", "after", "speaker"}`, the format of
//! `../shared/devset/README.md`). Each pair is compared as text and, when
//! both HTML files are there, as HTML read by `storydiff::read_html`; each
//! run is a hit or a miss with its reason. The report gives hit rates per
//! kind and input, then every miss.
//!
//! What a hit is, per kind:
//! - `figure`: the ledger pairs the old value with the new one. A value
//!   matches when one contains the other as whole words ("Shaw, 38" and
//!   "38"; not "two" and "Thirty-two").
//! - `removed`, `added`, `large`: each named text stands in the article
//!   (not in page furniture), and at least one of its words is marked
//!   (deleted in Before, inserted in After, or in a removed / added row;
//!   a cosmetic mark counts). A replacement may only insert or only
//!   delete, so one marked word across the two texts is enough.
//! - `quote`: the text is marked as above, and the ledger has an added,
//!   removed or changed quote starting within four rows of it whose
//!   speaker (or earlier speaker) names the person.
//! - `update`: as `added`: the new text is marked inserted and stands in
//!   article rows, never in page furniture.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;
use storydiff::{Change, Comparison, Options, RowKind, Tag};

/// How far (in rows) a quote's ledger entry may start from the text the
/// truth names: an attribution line stands just before its quote, and a
/// quote of several paragraphs starts a few rows before its last words.
const QUOTE_ROWS: usize = 4;

pub fn score(args: &[String], default_dir: PathBuf) -> Result<(), String> {
    let mut min: Option<f64> = None;
    let mut dirs = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg == "--min" {
            let v = it.next().ok_or("--min needs a percentage")?;
            min = Some(v.parse().map_err(|_| format!("--min {v}: not a number"))?);
        } else if let Some(v) = arg.strip_prefix("--min=") {
            min = Some(v.parse().map_err(|_| format!("--min {v}: not a number"))?);
        } else {
            dirs.push(PathBuf::from(arg));
        }
    }
    if dirs.is_empty() {
        dirs.push(default_dir);
    }
    let mut pairs = Vec::new();
    for dir in &dirs {
        if dir.join("TRUTH.json").is_file() {
            pairs.push(dir.clone());
            continue;
        }
        let entries = std::fs::read_dir(dir).map_err(|e| {
            format!(
                "{}: {e} (a folder of pair folders with TRUTH.json)",
                dir.display()
            )
        })?;
        let mut found: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("TRUTH.json").is_file())
            .collect();
        found.sort();
        if found.is_empty() {
            return Err(format!(
                "{}: no pair folder with a TRUTH.json in it",
                dir.display()
            ));
        }
        pairs.extend(found);
    }

    // (kind, input) -> (hits, runs)
    let mut tally: BTreeMap<(String, &'static str), (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for dir in &pairs {
        let name = dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let truth = Truth::read(dir)?;
        for input in ["text", "html"] {
            let Some((before, after)) = texts(dir, input)? else {
                continue;
            };
            let comparison = storydiff::compare(&before, &after, &Options::default());
            let verdict = judge(&truth, &before, &after, &comparison);
            let entry = tally.entry((truth.kind.clone(), input)).or_default();
            entry.1 += 1;
            match verdict {
                Ok(()) => entry.0 += 1,
                Err(why) => misses.push(format!("{name} ({input}, {}): {why}", truth.kind)),
            }
        }
    }

    println!(
        "storydiff score: {} pairs from {}",
        pairs.len(),
        dirs.iter()
            .map(|d| d.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!();
    println!("| kind | text | html |");
    println!("|---|---|---|");
    let kinds: Vec<String> = {
        let mut k: Vec<String> = tally.keys().map(|(k, _)| k.clone()).collect();
        k.dedup();
        k
    };
    let cell = |k: &str, input: &'static str| match tally.get(&(k.to_string(), input)) {
        Some(&(hits, runs)) => format!("{hits} / {runs} ({:.0}%)", percent(hits, runs)),
        None => "-".into(),
    };
    let mut worst = 100.0f64;
    for k in &kinds {
        println!("| {k} | {} | {} |", cell(k, "text"), cell(k, "html"));
    }
    for &(hits, runs) in tally.values() {
        worst = worst.min(percent(hits, runs));
    }
    let (hits, runs) = tally
        .values()
        .fold((0, 0), |(h, r), &(h2, r2)| (h + h2, r + r2));
    println!("| all | {hits} / {runs} ({:.1}%) | |", percent(hits, runs));
    println!();
    if misses.is_empty() {
        println!("No misses.");
    } else {
        println!("Misses:");
        for m in &misses {
            println!("- {m}");
        }
    }
    match min {
        Some(min) if worst < min => Err(format!(
            "the lowest hit rate of a kind is {worst:.1}%, under --min {min}%"
        )),
        _ => Ok(()),
    }
}

fn percent(hits: usize, runs: usize) -> f64 {
    if runs == 0 {
        100.0
    } else {
        100.0 * hits as f64 / runs as f64
    }
}

struct Truth {
    kind: String,
    before: Option<String>,
    after: Option<String>,
    speaker: Option<String>,
}

impl Truth {
    fn read(dir: &Path) -> Result<Truth, String> {
        let path = dir.join("TRUTH.json");
        let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let v: Value =
            serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
        let field = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let kind = field("kind").ok_or_else(|| format!("{}: no \"kind\"", path.display()))?;
        Ok(Truth {
            kind,
            before: field("before"),
            after: field("after"),
            speaker: field("speaker"),
        })
    }
}

/// The pair's two texts for one input (`text`: a.txt and b.txt; `html`:
/// a.html and b.html read as the page and CLI read HTML), or `None` when
/// the folder has no such files.
fn texts(dir: &Path, input: &str) -> Result<Option<(String, String)>, String> {
    let ext = if input == "text" { "txt" } else { "html" };
    let (a, b) = (dir.join(format!("a.{ext}")), dir.join(format!("b.{ext}")));
    if !a.is_file() || !b.is_file() {
        return if input == "text" {
            Err(format!("{}: no a.txt and b.txt", dir.display()))
        } else {
            Ok(None)
        };
    }
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let (a, b) = (read(&a)?, read(&b)?);
    Ok(Some(if input == "html" {
        (storydiff::read_html(&a), storydiff::read_html(&b))
    } else {
        (a, b)
    }))
}

/// One side's text with, for every byte, whether it is marked (deleted or
/// inserted, or in a removed / added row), whether it is page furniture,
/// and which row holds it.
struct Marks {
    marked: Vec<bool>,
    noise: Vec<bool>,
    row: Vec<usize>,
}

fn marks(comparison: &Comparison<'_>, text: &str, before: bool) -> Marks {
    let n = text.len();
    let mut m = Marks {
        marked: vec![false; n],
        noise: vec![false; n],
        row: vec![0; n],
    };
    let mut at = 0;
    for (index, row) in comparison.rows.iter().enumerate() {
        let Some(side) = (if before { row.before } else { row.after }) else {
            continue;
        };
        let end = at + side.len();
        m.row[at..end].fill(index);
        match row.kind {
            RowKind::Noise => m.noise[at..end].fill(true),
            RowKind::Removed if before => m.marked[at..end].fill(true),
            RowKind::Added if !before => m.marked[at..end].fill(true),
            _ => {
                let mut p = at;
                for piece in &row.inline {
                    let mine = match piece.tag {
                        Tag::Equal => true,
                        Tag::Delete => before,
                        Tag::Insert => !before,
                    };
                    if !mine {
                        continue;
                    }
                    let q = p + piece.text.len();
                    // Cosmetic marks count: "Alister jack" → "Alister Jack"
                    // is shown as an edit, in the cosmetic style.
                    if piece.tag != Tag::Equal {
                        m.marked[p..q].fill(true);
                    }
                    p = q;
                }
            }
        }
        at = end;
    }
    m
}

/// Where `needle` stands in `text`, white space runs matching any white
/// space run: (start, end) byte ranges.
fn find_all(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    let Some(first) = words.first() else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for (start, _) in text.match_indices(first) {
        let mut at = start;
        let mut ok = true;
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                let rest = &text[at..];
                let trimmed = rest.trim_start();
                if trimmed.len() == rest.len() {
                    ok = false;
                    break;
                }
                at += rest.len() - trimmed.len();
            }
            if text[at..].starts_with(w) {
                at += w.len();
            } else {
                ok = false;
                break;
            }
        }
        if ok {
            found.push((start, at));
        }
    }
    found
}

/// The byte ranges of the words (letters and digits) in `text[start..end]`.
fn word_spans(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text[start..end].char_indices() {
        let i = start + i;
        if c.is_alphanumeric() {
            open.get_or_insert(i);
        } else if let Some(s) = open.take() {
            spans.push((s, i));
        }
    }
    if let Some(s) = open {
        spans.push((s, end));
    }
    spans
}

/// How the text stands at its best occurrence: (marked words, words, row
/// of its first byte, any byte in furniture).
fn best_occurrence(text: &str, needle: &str, m: &Marks) -> Option<(usize, usize, usize, bool)> {
    find_all(text, needle)
        .into_iter()
        .map(|(s, e)| {
            let words = word_spans(text, s, e);
            let marked = words
                .iter()
                .filter(|&&(a, b)| m.marked[a..b].iter().any(|&x| x))
                .count();
            let noise = m.noise[s..e].iter().any(|&x| x);
            (marked, words.len(), m.row[s], noise)
        })
        .max_by_key(|&(marked, words, _, noise)| (!noise, marked * 1000 / words.max(1)))
}

/// Finds `needle` in the article of `text`: (its marked words, the row
/// where it stands), at its best occurrence.
fn check_found(text: &str, needle: &str, m: &Marks, side: &str) -> Result<(usize, usize), String> {
    let Some((marked, _, row, noise)) = best_occurrence(text, needle, m) else {
        return Err(format!(
            "{side} text {:?} not found in the {side} input",
            short(needle)
        ));
    };
    if noise {
        return Err(format!(
            "{side} text {:?} is in page furniture (row {row})",
            short(needle)
        ));
    }
    Ok((marked, row))
}

fn short(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Lower-cased words, split at white space, with punctuation trimmed from
/// their ends (so "Shaw," is "shaw" but "Thirty-two" stays whole).
fn value_words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && !"£$€%+".contains(c))
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when one value's words stand in a row inside the other's.
fn same_value(a: &str, b: &str) -> bool {
    let (a, b) = (value_words(a), value_words(b));
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
}

fn names(speaker: &str, person: &str) -> bool {
    same_value(speaker, person)
}

fn judge(truth: &Truth, before: &str, after: &str, c: &Comparison<'_>) -> Result<(), String> {
    let mb = marks(c, before, true);
    let ma = marks(c, after, false);
    // Every named text must stand in the article; one of them must carry
    // a marked word (a replacement may only insert, or only delete).
    let mut rows = Vec::new();
    let mut check_texts = || -> Result<(), String> {
        let mut marked = 0;
        let mut unmarked = Vec::new();
        for (text, side, m, whole) in [
            (truth.before.as_deref(), "before", &mb, before),
            (truth.after.as_deref(), "after", &ma, after),
        ] {
            let Some(needle) = text else { continue };
            let (n, row) = check_found(whole, needle, m, side)?;
            rows.push(row);
            marked += n;
            unmarked.push(format!(
                "{side} text {:?} (row {row}) has no word marked as {}",
                short(needle),
                if side == "before" {
                    "deleted"
                } else {
                    "inserted"
                }
            ));
        }
        if marked > 0 {
            Ok(())
        } else {
            Err(unmarked.join("; "))
        }
    };
    match truth.kind.as_str() {
        "figure" => {
            let (Some(b), Some(a)) = (&truth.before, &truth.after) else {
                return Err("a figure truth needs before and after".into());
            };
            if c.ledger
                .figures
                .iter()
                .any(|f| same_value(&f.before, b) && same_value(&f.after, a))
            {
                Ok(())
            } else {
                let listed: Vec<String> = c
                    .ledger
                    .figures
                    .iter()
                    .map(|f| format!("{} → {}", f.before, f.after))
                    .collect();
                Err(format!(
                    "no figure {b:?} → {a:?} in the ledger (it lists: {})",
                    if listed.is_empty() {
                        "none".into()
                    } else {
                        listed.join("; ")
                    }
                ))
            }
        }
        "removed" | "added" | "large" | "update" => check_texts(),
        "quote" => {
            check_texts()?;
            let person = truth
                .speaker
                .as_deref()
                .ok_or("a quote truth needs a speaker")?;
            let near = |r: Option<usize>| {
                r.is_some_and(|r| rows.iter().any(|&t| r.abs_diff(t) <= QUOTE_ROWS))
            };
            let hit = c.ledger.quotes.iter().any(|q| {
                q.change != Change::Unchanged
                    && (near(q.before_row) || near(q.after_row))
                    && (q.speaker.as_deref().is_some_and(|s| names(s, person))
                        || q.before_speaker
                            .as_deref()
                            .is_some_and(|s| names(s, person)))
            });
            if hit {
                Ok(())
            } else {
                let listed: Vec<String> = c
                    .ledger
                    .quotes
                    .iter()
                    .filter(|q| q.change != Change::Unchanged)
                    .map(|q| {
                        format!(
                            "{:?} by {}",
                            q.change,
                            q.speaker.as_deref().unwrap_or("no one")
                        )
                    })
                    .collect();
                Err(format!(
                    "no added, removed or changed quote by {person} near rows {rows:?} (the ledger lists: {})",
                    if listed.is_empty() { "none".into() } else { listed.join("; ") }
                ))
            }
        }
        other => Err(format!("unknown kind {other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_matches_as_whole_words() {
        assert!(same_value("Shaw, 38", "38"));
        assert!(same_value("until 18 December", "18 December"));
        assert!(!same_value("Thirty-two", "two"));
        assert!(!same_value("38", "380"));
    }

    #[test]
    fn text_is_found_across_other_white_space() {
        assert_eq!(find_all("a  b\nc", "b c"), vec![(3, 6)]);
        assert!(find_all("ab c", "b c").len() == 1);
        assert!(find_all("a b", "a  c").is_empty());
    }
}
