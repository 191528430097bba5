//! Pairing: the quotes of one version with those of the other.

use std::collections::HashMap;
use std::ops::Range;

use similar::Instant;

use super::{find, surname, Found, CONTAIN_AT, PAIR_LIMIT, SAME_WORDS_AT};
use crate::analyse::{Change, Quote, QuotePiece, Side};
use crate::model::Options;
use crate::segment::Block;
use crate::text;

/// The hashes of a quote's lower-cased words, sorted: for pairing.
pub(super) fn key_words(text: &str) -> Vec<u64> {
    let mut words: Vec<u64> = text::words::words(text)
        .into_iter()
        .map(text::word_hash)
        .collect();
    words.sort_unstable();
    words
}

/// Share of `a`'s words (as a multiset) found in `b`, and how many; both
/// sorted.
pub(super) fn containment(a: &[u64], b: &[u64]) -> (f64, usize) {
    let common = text::common(a, b);
    (common as f64 / a.len().max(1) as f64, common)
}

/// Finds the quotes of both versions and pairs them.
pub(crate) fn ledger(
    before: &Side<'_>,
    after: &Side<'_>,
    blocks: (&[Block<'_>], &[Block<'_>]),
    reaches: (&[Range<usize>], &[Range<usize>]),
    walls: (&[usize], &[usize]),
    options: &Options,
    deadline: Option<Instant>,
) -> Vec<Quote> {
    let qb = find(before, blocks.0, reaches.0, walls.0);
    let qa = find(after, blocks.1, reaches.1, walls.1);
    let kb: Vec<Vec<u64>> = qb.iter().map(|q| key_words(&q.text)).collect();
    let ka: Vec<Vec<u64>> = qa.iter().map(|q| key_words(&q.text)).collect();
    let n = qb.len();
    // Union-find over Before quotes (0..n) and After quotes (n..).
    let mut parent: Vec<usize> = (0..n + qa.len()).collect();
    fn root(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let union = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (root(p, a), root(p, b));
        if ra != rb {
            p[ra] = rb;
        }
    };
    // Exact pairs first (same words, in any order of punctuation), in order.
    let mut exact: HashMap<&[u64], Vec<usize>> = HashMap::new();
    for (j, k) in ka.iter().enumerate().rev() {
        exact.entry(k.as_slice()).or_default().push(j);
    }
    let mut paired_b = vec![false; n];
    let mut paired_a = vec![false; qa.len()];
    for (i, k) in kb.iter().enumerate() {
        if let Some(j) = exact.get_mut(k.as_slice()).and_then(Vec::pop) {
            paired_b[i] = true;
            paired_a[j] = true;
            union(&mut parent, i, n + j);
        }
    }
    // Then rewordings and regroupings: a quote most of whose words are in
    // a quote of the other version belongs with it.
    let left_b: Vec<usize> = (0..n).filter(|&i| !paired_b[i]).collect();
    let left_a: Vec<usize> = (0..qa.len()).filter(|&j| !paired_a[j]).collect();
    let in_time = deadline.is_none_or(|d| Instant::now() < d);
    let row_b: Vec<usize> = qb
        .iter()
        .map(|q| before.row_at(q.start).map_or(0, |r| r.0))
        .collect();
    let row_a: Vec<usize> = qa
        .iter()
        .map(|q| after.row_at(q.start).map_or(0, |r| r.0))
        .collect();
    // Candidates: all with all when few, else only quotes in the same row
    // (a changed row carries both sides).
    let everything = left_b.len() <= PAIR_LIMIT && left_a.len() <= PAIR_LIMIT && in_time;
    let mut by_row_a: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut by_row_b: HashMap<usize, Vec<usize>> = HashMap::new();
    if !everything {
        for &j in &left_a {
            by_row_a.entry(row_a[j]).or_default().push(j);
        }
        for &i in &left_b {
            by_row_b.entry(row_b[i]).or_default().push(i);
        }
    }
    let none: Vec<usize> = Vec::new();
    // Each quote links to the one of the other version that holds most of
    // its words (the nearest on a tie), when that is most of them and no
    // one else said it. Only best links join quotes, so formulaic quotes
    // ("I don't know what…") do not all melt into one.
    let said_by = |qs: &[Found]| -> Vec<Option<String>> {
        qs.iter()
            .map(|q| q.speaker.as_deref().map(surname))
            .collect()
    };
    let (by_b, by_a) = (said_by(&qb), said_by(&qa));
    let best = |own: (&[u64], usize, &Option<String>),
                cands: &[usize],
                keys: &[Vec<u64>],
                rows: &[usize],
                by: &[Option<String>]| {
        let (own, own_row, own_by) = own;
        let mut top: Option<(f64, usize, usize)> = None;
        for &c in cands.iter().take(if everything { usize::MAX } else { 50 }) {
            let (share, common) = containment(own, &keys[c]);
            // A quote given to someone else is the same quote only when
            // each holds nearly all the other's words (a correction of who
            // said it), not when a short one is mostly in a longer one.
            let someone_else = own_by.is_some() && by[c].is_some() && *own_by != by[c];
            let reattributed =
                || share >= SAME_WORDS_AT && containment(&keys[c], own).0 >= SAME_WORDS_AT;
            if share < CONTAIN_AT || common < 3 || (someone_else && !reattributed()) {
                continue;
            }
            let distance = rows[c].abs_diff(own_row);
            let better = top.is_none_or(|(s, d, _)| share > s || (share == s && distance < d));
            if better {
                top = Some((share, distance, c));
            }
        }
        top.map(|t| t.2)
    };
    for &i in &left_b {
        let cands = if everything {
            &left_a
        } else {
            by_row_a.get(&row_b[i]).unwrap_or(&none)
        };
        if let Some(j) = best((&kb[i], row_b[i], &by_b[i]), cands, &ka, &row_a, &by_a) {
            union(&mut parent, i, n + j);
        }
    }
    for &j in &left_a {
        let cands = if everything {
            &left_b
        } else {
            by_row_b.get(&row_a[j]).unwrap_or(&none)
        };
        if let Some(i) = best((&ka[j], row_a[j], &by_a[j]), cands, &kb, &row_b, &by_b) {
            union(&mut parent, i, n + j);
        }
    }
    // Groups, in the order of their first quote (After first, then Before).
    let mut groups: HashMap<usize, (Vec<usize>, Vec<usize>)> = HashMap::new();
    let mut order: Vec<usize> = Vec::new();
    for j in 0..qa.len() {
        let r = root(&mut parent, n + j);
        if !groups.contains_key(&r) {
            order.push(r);
        }
        groups.entry(r).or_default().1.push(j);
    }
    for i in 0..n {
        let r = root(&mut parent, i);
        if !groups.contains_key(&r) {
            order.push(r);
        }
        groups.entry(r).or_default().0.push(i);
    }
    let mut out = Vec::with_capacity(order.len());
    for r in order {
        let (bs, as_) = &groups[&r];
        let join = |qs: &[Found], idx: &[usize]| -> Option<String> {
            (!idx.is_empty()).then(|| {
                idx.iter()
                    .map(|&i| qs[i].text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        };
        let b_text = join(&qb, bs);
        let a_text = join(&qa, as_);
        let speaker_of =
            |qs: &[Found], idx: &[usize]| idx.iter().find_map(|&i| qs[i].speaker.clone());
        let sb = speaker_of(&qb, bs);
        let sa = speaker_of(&qa, as_);
        // Who said it changed: another person, or their name corrected
        // ("Mathew Rycroft" → "Matthew Rycroft").
        let before_speaker = sb.clone().filter(|b| {
            sa.as_ref()
                .is_some_and(|a| surname(a) != surname(b) || respelled(a, b))
        });
        // A statement's attribution line, as the text gives it.
        let line_of = |side: &Side<'_>, qs: &[Found], idx: &[usize]| {
            idx.iter().find_map(|&i| {
                let (s, e) = qs[i].line?;
                Some(side.text[s..e].trim().trim_end_matches(':').to_string())
            })
        };
        let (lb, la) = (line_of(before, &qb, bs), line_of(after, &qa, as_));
        let lb_any = lb.clone();
        let before_attribution = lb.filter(|b| la.as_ref().is_some_and(|a| a != b));
        let change = match (&b_text, &a_text) {
            (None, _) => Change::Added,
            (_, None) => Change::Removed,
            (Some(b), Some(a))
                if text::cosmetic(b, a)
                    && before_speaker.is_none()
                    && before_attribution.is_none() =>
            {
                Change::Unchanged
            }
            _ => Change::Changed,
        };
        let inline = match (change, &b_text, &a_text) {
            (Change::Changed, Some(b), Some(a)) if b != a => {
                crate::diff::words(b, a, options, deadline)
                    .into_iter()
                    .map(|p| QuotePiece {
                        tag: p.tag,
                        text: p.text.to_string(),
                        cosmetic: p.cosmetic,
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let speaker = sa.clone().or_else(|| sb.clone());
        let row = |side: &Side<'_>, qs: &[Found], idx: &[usize]| {
            idx.first()
                .and_then(|&i| side.row_at(qs[i].start))
                .map(|(r, _)| r)
        };
        out.push(Quote {
            change,
            speaker,
            before_speaker,
            attribution: la.or(lb_any),
            before_attribution,
            before: b_text,
            after: a_text,
            before_row: row(before, &qb, bs),
            after_row: row(after, &qa, as_),
            regrouped: bs.len() > 1 || as_.len() > 1,
            inline,
        });
    }
    // In reading order: rows are in display order on both sides.
    // (No row sorts first, as `None` did among the rows.)
    super::sort_by_key_kept(&mut out, |q| {
        q.before_row
            .into_iter()
            .chain(q.after_row)
            .min()
            .map_or(0, |row| row + 1)
    });
    out
}

/// True when two full names of one surname are one name spelled anew: the
/// first names differ by a letter or two ("Mathew Rycroft" → "Matthew
/// Rycroft", "Alister jack" → "Alister Jack"), not two people of one
/// family ("Sue Klebold", "Dylan Klebold"), nor a name with and without its
/// generation ("Sid J. Gautreaux III").
fn respelled(a: &str, b: &str) -> bool {
    let given = |s: &str| s.split(' ').next().unwrap_or_default().to_lowercase();
    let (ga, gb) = (given(a), given(b));
    let core = |s: &str| {
        s.split(' ')
            .filter(|w| !matches!(w.to_lowercase().as_str(), "ii" | "iii" | "iv" | "jr" | "sr"))
            .map(|w| w.trim_end_matches('.'))
            .collect::<Vec<_>>()
            .join(" ")
    };
    a.contains(' ') && b.contains(' ') && core(a) != core(b) && edits(&ga, &gb) <= 2
}

/// Levenshtein distance, for short words.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(prev + usize::from(ca != cb));
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}
