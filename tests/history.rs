//! The history model over the real chains in `../shared/chains` (every
//! stored version of six GOV.UK pages, with the publisher's change note for
//! each in `CHANGES.json`; Open Government Licence v3.0: contains public
//! sector information licensed under the Open Government Licence v3.0).
//!
//! Each chain's history is held to what its change notes say, by rules
//! about how change notes are written, never by one page's words:
//! - every note is dated, and the page's "Last updated" date is the date of
//!   the update (the mirror fetched it the same day or up to three days
//!   later): so each version's dateline, and each value of a dateline's
//!   line of figures, stands at the version whose note bears that date;
//! - a note that says "Added …" adds at least one paragraph in its version
//!   (unless it is a silent re-publication: the note and the dateline both
//!   repeat the previous version's);
//! - a note that says a figure was corrected, naming the old and the new
//!   value ("corrected to X (previously … Y)"), is a figure line whose value
//!   steps from Y to X in that version;
//! - a note `Changed “A” to “B”` is a paragraph that held A and holds B
//!   from that version;
//! - a note that says a line was removed, naming what it referred to ("a
//!   reference to X"), is a paragraph that held X and changed or went in
//!   that version.

mod common;

use storydiff::{compare, compare_history, History, Options, Version};

struct Chain {
    texts: Vec<String>,
    labels: Vec<String>,
    /// (date as days, note) of each version.
    notes: Vec<(i64, String)>,
}

fn load(name: &str) -> Chain {
    let dir = common::shared(&format!("chains/{name}"));
    let changes: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("CHANGES.json")).unwrap()).unwrap();
    let mut texts = Vec::new();
    let mut labels = Vec::new();
    let mut notes = Vec::new();
    for entry in changes.as_array().unwrap() {
        let version = entry["version"].as_str().unwrap();
        let file = format!("{version}.txt");
        texts.push(std::fs::read_to_string(dir.join(&file)).unwrap());
        labels.push(file);
        let date = entry["date"].as_str().unwrap();
        let ymd: Vec<i64> = date[..10].split('-').map(|p| p.parse().unwrap()).collect();
        notes.push((
            days(ymd[0], ymd[1], ymd[2]),
            entry["note"].as_str().unwrap().to_string(),
        ));
    }
    Chain {
        texts,
        labels,
        notes,
    }
}

fn history(chain: &Chain) -> History<'_> {
    let versions: Vec<Version<'_>> = chain
        .labels
        .iter()
        .zip(&chain.texts)
        .map(|(l, t)| Version::new(l.clone(), t))
        .collect();
    compare_history(&versions, &Options::default())
}

/// Days since 1970-01-01 of a civil date.
fn days(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "6 September 2022" as days, or `None` when it is not such a date.
fn parse_date(text: &str) -> Option<i64> {
    const MONTHS: &str =
        "january february march april may june july august september october november december";
    let words: Vec<&str> = text.split_whitespace().collect();
    let [d, m, y] = words[..] else { return None };
    let m = MONTHS.split(' ').position(|n| n == m.to_lowercase())? as i64 + 1;
    Some(days(y.parse().ok()?, m, d.parse().ok()?))
}

/// A history reads the whole of every version (a quote's life starts where
/// it is first met, so every step lists its unchanged quotes too).
fn whole() -> Options {
    Options {
        whole: true,
        ..Options::default()
    }
}

/// A dateline's date stands for the update whose note is dated `note`: the
/// same day, or up to three days before the mirror fetched it.
fn dated(date: i64, note: i64) -> bool {
    (0..=3).contains(&(note - date))
}

/// What holds for every chain: the structure of the history, the same
/// reading for every step, datelines and "Added" notes.
fn check(name: &str) -> (Chain, usize) {
    let chain = load(name);
    let h = history(&chain);
    let n = chain.texts.len();
    assert_eq!(h.versions.len(), n);
    assert_eq!(h.steps.len(), n - 1);
    let mut checked = 0;

    // The same reading for every step: each step's stats are those of a
    // two-version comparison of its versions.
    for s in &h.steps {
        let c = compare(&chain.texts[s.from], &chain.texts[s.to], &whole());
        assert_eq!(
            s.stats, c.ledger.stats,
            "{name}: step {} → {}",
            s.from, s.to
        );
    }

    // Lives are well formed.
    for (i, p) in h.paragraphs.iter().enumerate() {
        let end = p.went.unwrap_or(n);
        assert!(p.appeared < end, "{name}: paragraph {i}: {p:?}");
        for v in p.changed.iter().chain(&p.cosmetic).chain(&p.moved) {
            assert!(
                (p.appeared + 1..end).contains(v),
                "{name}: paragraph {i}: {p:?}"
            );
        }
        assert!(p.texts.windows(2).all(|w| w[0].since < w[1].since));
        assert_eq!(p.texts.len(), 1 + p.changed.len() + p.cosmetic.len());
    }
    for q in &h.quotes {
        let end = q.went.unwrap_or(n);
        assert!(q.appeared < end, "{name}: {q:?}");
        assert!(q
            .changes
            .iter()
            .all(|c| (q.appeared + 1..end).contains(&c.version)));
    }

    // Every version's dateline is the date of its update.
    for (k, info) in h.versions.iter().enumerate() {
        assert_eq!(info.label, chain.labels[k]);
        let date = info.date.as_deref().and_then(parse_date);
        let date = date.unwrap_or_else(|| panic!("{name}: {} carries no date", info.label));
        assert!(
            dated(date, chain.notes[k].0),
            "{name}: {} says {:?}, its note is dated {}",
            info.label,
            info.date,
            chain.notes[k].0
        );
        checked += 1;
    }
    // The dateline's line of values: each value at the version whose note
    // bears its date.
    let datelines: Vec<_> = h
        .figures
        .iter()
        .filter(|f| f.context.to_lowercase().contains("updated"))
        .filter(|f| f.values.iter().all(|v| parse_date(&v.value).is_some()))
        .collect();
    let changes = (1..n)
        .filter(|&k| h.versions[k].date != h.versions[k - 1].date)
        .count();
    if changes > 1 {
        assert!(
            datelines.iter().any(|f| f.values.len() > 2),
            "{name}: no dateline with its line of values: {:?}",
            h.figures
        );
    }
    for f in datelines {
        for v in &f.values {
            let date = parse_date(&v.value).unwrap();
            assert!(
                dated(date, chain.notes[v.version].0),
                "{name}: {} at {}: {f:?}",
                v.value,
                chain.labels[v.version]
            );
            checked += 1;
        }
    }

    // "Added …": a paragraph appears in that version.
    for k in 1..n {
        let (note, previous) = (&chain.notes[k].1, &chain.notes[k - 1].1);
        let silent = note == previous && h.versions[k].date == h.versions[k - 1].date;
        if note.starts_with("Added") && !silent {
            assert!(
                h.paragraphs.iter().any(|p| p.appeared == k),
                "{name}: {} says {note:?}, but no paragraph appeared",
                chain.labels[k]
            );
            checked += 1;
        }
    }

    // Notes that name a figure, a changed passage or a removed reference.
    for k in 1..n {
        let note = &chain.notes[k].1;
        checked += corrected_figure(&h, k, note)
            + changed_passage(&h, &chain, k, note)
            + removed_reference(&h, &chain, k, note);
    }
    (chain, checked)
}

/// "corrected to X (previously … Y)": a figure line steps from Y to X in
/// version `k`. Returns how many notes it checked.
fn corrected_figure(h: &History<'_>, k: usize, note: &str) -> usize {
    let lower = note.to_lowercase();
    let (Some(to), Some(was)) = (lower.find("corrected to "), lower.find("previously")) else {
        return 0;
    };
    let new = note[to + "corrected to ".len()..]
        .split([' ', '('])
        .next()
        .unwrap()
        .trim_end_matches(['.', ',']);
    let old_part = &note[was..];
    let found = h.figures.iter().any(|f| {
        f.values.windows(2).any(|w| {
            w[1].version == k
                && w[1].value == new
                && old_part.contains(w[0].value.as_str())
                && w[0].value != w[1].value
        })
    });
    assert!(found, "{note:?} at version {k}: {:?}", h.figures);
    1
}

/// `Changed “A” to “B”`: a paragraph held A before version `k` and holds B
/// from it.
fn changed_passage(h: &History<'_>, chain: &Chain, k: usize, note: &str) -> usize {
    let Some(rest) = note.strip_prefix("Changed \u{201c}") else {
        return 0;
    };
    let Some((old, rest)) = rest.split_once("\u{201d} to \u{201c}") else {
        return 0;
    };
    let new = rest.trim_end_matches(['.', '\u{201d}']);
    assert!(chain.texts[k - 1].contains(old) && chain.texts[k].contains(new));
    let found = h.paragraphs.iter().any(|p| {
        p.changed.contains(&k)
            && p.text_in(k - 1).is_some_and(|t| t.contains(old))
            && p.text_in(k).is_some_and(|t| t.contains(new))
    });
    assert!(found, "{note:?} at version {k}");
    1
}

/// "removed … a reference to X": the paragraph that held X changed or went
/// in version `k`.
fn removed_reference(h: &History<'_>, chain: &Chain, k: usize, note: &str) -> usize {
    if !note.to_lowercase().contains("removed") {
        return 0;
    }
    let Some((_, what)) = note.split_once("reference to ") else {
        return 0;
    };
    let what = what.trim_end_matches('.');
    assert!(chain.texts[k - 1].contains(what));
    let holders: Vec<_> = h
        .paragraphs
        .iter()
        .filter(|p| p.text_in(k - 1).is_some_and(|t| t.contains(what)))
        .collect();
    assert!(
        !holders.is_empty(),
        "{note:?}: no paragraph of version {k} holds {what:?}"
    );
    for p in holders {
        assert!(
            p.changed.contains(&k) || p.went == Some(k),
            "{note:?}: {p:?}"
        );
        assert!(p.text_in(k).is_none_or(|t| !t.contains(what)));
    }
    1
}

#[test]
fn quarantine_hotel_corrections() {
    let (_, checked) = check("quarantine_hotel_corrections");
    // 5 datelines, the dateline's values, 2 "Added", the corrected charge,
    // the changed sentence.
    assert!(checked >= 10, "{checked}");
}

#[test]
fn north_sea_deal_correction() {
    let (_, checked) = check("north_sea_deal_correction");
    assert!(checked >= 7, "{checked}");
}

#[test]
fn monkeypox_latest_updates() {
    let (_, checked) = check("monkeypox_latest_updates");
    assert!(checked >= 38 + 30, "{checked}");
}

#[test]
fn flu_covid_surveillance_weekly() {
    let (_, checked) = check("flu_covid_surveillance_weekly");
    assert!(checked >= 26 + 20, "{checked}");
}

#[test]
fn daesh_air_strikes_updates() {
    let (_, checked) = check("daesh_air_strikes_updates");
    assert!(checked >= 9, "{checked}");
}

#[test]
fn national_lockdown_guidance() {
    let (_, checked) = check("national_lockdown_guidance");
    assert!(checked >= 12, "{checked}");
}

/// Two versions: the history's step is the comparison, unchanged.
#[test]
fn two_versions_are_one_comparison() {
    let chain = load("quarantine_hotel_corrections");
    let versions = [
        Version::new("a", &chain.texts[3]),
        Version::new("b", &chain.texts[4]),
    ];
    let h = compare_history(&versions, &Options::default());
    let c = compare(&chain.texts[3], &chain.texts[4], &whole());
    assert_eq!(h.compare(0, 1).to_json(), c.to_json());
    assert_eq!(h.steps[0].stats, c.ledger.stats);
}
