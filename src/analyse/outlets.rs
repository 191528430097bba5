//! Outlet against outlet: when two texts share little wording, pair the
//! sentences that report the same thing, by the similarity of their word
//! stems, so the reader sees what is in both and what in one only.

use std::collections::HashMap;

use similar::Instant;

use super::sentences;
use super::{Outlets, SentencePair, Side};

/// Most sentences per side that are paired; longer texts are not two
/// outlets' news stories.
const SENTENCE_LIMIT: usize = 4000;
/// Similarity under which two sentences do not report the same thing.
const PAIR_AT: f64 = 0.3;
/// Stems in more sentences than this are too common to find candidates by.
const COMMON_STEM: usize = 40;

/// The pairing: byte ranges of paired sentences (Before start and end,
/// After start and end), and the model's view of it.
pub(crate) struct Paired {
    pub pairs: Vec<(usize, usize, usize, usize)>,
    pub model: Outlets,
}

fn sentences_of(side: &Side<'_>) -> Vec<(usize, usize)> {
    sentences::split(side.text, 0)
        .into_iter()
        .filter(|&(s, _)| !side.is_noise(s))
        .collect()
}

/// Pairs the sentences of two outlets' texts.
pub(crate) fn pair(
    before: &Side<'_>,
    after: &Side<'_>,
    has_figure: fn(&str) -> bool,
    deadline: Option<Instant>,
) -> Paired {
    let sb = sentences_of(before);
    let sa = sentences_of(after);
    let mut pairs: Vec<(usize, usize, f64)> = Vec::new();
    let in_time = deadline.is_none_or(|d| Instant::now() < d);
    if sb.len() <= SENTENCE_LIMIT && sa.len() <= SENTENCE_LIMIT && in_time {
        let stems_b: Vec<Vec<u64>> = sb
            .iter()
            .map(|&(s, e)| sentences::stems(&before.text[s..e]))
            .collect();
        let stems_a: Vec<Vec<u64>> = sa
            .iter()
            .map(|&(s, e)| sentences::stems(&after.text[s..e]))
            .collect();
        let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, stems) in stems_b.iter().enumerate() {
            for st in stems {
                index.entry(*st).or_default().push(i);
            }
        }
        let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
        for (j, stems) in stems_a.iter().enumerate() {
            let mut common: HashMap<usize, usize> = HashMap::new();
            for st in stems {
                if let Some(list) = index.get(st).filter(|l| l.len() <= COMMON_STEM) {
                    for &i in list {
                        *common.entry(i).or_default() += 1;
                    }
                }
            }
            for (i, c) in common {
                let sim = 2.0 * c as f64 / (stems_b[i].len() + stems.len()) as f64;
                if sim >= PAIR_AT && c >= 2 {
                    candidates.push((sim, i, j));
                }
            }
        }
        crate::align::best_first(&mut candidates);
        let (mut used_b, mut used_a) = (vec![false; sb.len()], vec![false; sa.len()]);
        for (sim, i, j) in candidates {
            if !used_b[i] && !used_a[j] {
                used_b[i] = true;
                used_a[j] = true;
                pairs.push((i, j, sim));
            }
        }
    }
    let mut partner_of_a: Vec<Option<(usize, f64)>> = vec![None; sa.len()];
    let mut paired_b = vec![false; sb.len()];
    for &(i, j, sim) in &pairs {
        partner_of_a[j] = Some((i, sim));
        paired_b[i] = true;
    }
    let has_quote = |s: &str| s.contains(['“', '”', '"', '«', '»', '„']);
    let entry = |b: Option<(usize, usize)>, a: Option<(usize, usize)>, sim: f64| {
        let bt = b.map(|(s, e)| &before.text[s..e]);
        let at = a.map(|(s, e)| &after.text[s..e]);
        let any = |f: &dyn Fn(&str) -> bool| bt.is_some_and(f) || at.is_some_and(f);
        SentencePair {
            before: bt.map(str::to_string),
            after: at.map(str::to_string),
            before_row: b.and_then(|(s, _)| before.row_at(s)).map(|r| r.0),
            after_row: a.and_then(|(s, _)| after.row_at(s)).map(|r| r.0),
            similarity: (sim * 100.0).round() / 100.0,
            quote: any(&has_quote),
            figure: any(&has_figure),
        }
    };
    let mut model = Outlets::default();
    for (j, &a) in sa.iter().enumerate() {
        match partner_of_a[j] {
            Some((i, sim)) => {
                model.in_both += 1;
                model.sentences.push(entry(Some(sb[i]), Some(a), sim));
            }
            None => {
                model.after_only += 1;
                model.sentences.push(entry(None, Some(a), 0.0));
            }
        }
    }
    for (i, &b) in sb.iter().enumerate() {
        if !paired_b[i] {
            model.before_only += 1;
            model.sentences.push(entry(Some(b), None, 0.0));
        }
    }
    let mut byte_pairs: Vec<(usize, usize, usize, usize)> = pairs
        .iter()
        .map(|&(i, j, _)| (sb[i].0, sb[i].1, sa[j].0, sa[j].1))
        .collect();
    byte_pairs.sort_unstable_by_key(|p| p.2);
    Paired {
        pairs: byte_pairs,
        model,
    }
}
