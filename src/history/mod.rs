//! History: a story's whole life over N versions, read off the comparisons
//! of its steps (each step is [`compare`](crate::compare) of two neighbouring
//! versions, so noise, moves, quotes, figures and cosmetic changes are read
//! exactly as in a two-version comparison; the history only adds).
//!
//! [`compare_history`] compares every step once, keeps what the history
//! needs (each step's stats, each paragraph's, quote's and figure's life,
//! the changes a later version undid) and drops the steps' rows; a front end
//! asks [`History::compare`] for the two versions it shows.

use serde::Serialize;

use crate::model::{Change, Comparison, Options, RowKind, Stats};

/// One version of a story, as the person gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version<'a> {
    /// What the person calls it: a file name, or "Version 3".
    pub label: String,
    /// The version's text.
    pub text: &'a str,
}

impl<'a> Version<'a> {
    /// A version with its label.
    pub fn new(label: impl Into<String>, text: &'a str) -> Self {
        Version {
            label: label.into(),
            text,
        }
    }
}

/// What the history says of one version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionInfo {
    /// The person's label (a file name, or "Version N" when none was given).
    pub label: String,
    /// The date the text carries on an "Updated", "Last updated" or
    /// "Published" line near its top, as the text writes it ("6 September
    /// 2022"); `None` when it carries none.
    pub date: Option<String>,
    /// The text's length in bytes.
    pub bytes: usize,
}

/// One step of the history: version `from` to version `to` (`to = from +
/// 1`), summed up.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Step<'a> {
    /// Index of the earlier version in `versions`.
    pub from: usize,
    /// Index of the later version.
    pub to: usize,
    /// The step's stats, as its comparison's ledger has them.
    pub stats: Stats,
    /// True when the step's comparison was cut short by its deadline.
    pub approximate: bool,
    /// The step's whole comparison, when it was asked for
    /// ([`History::keep_steps`]); the history alone does not keep it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison: Option<Comparison<'a>>,
}

/// The life of one paragraph of the story across the versions. Versions
/// are indices into `versions`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParagraphLife<'a> {
    /// Every text it had (without the white space around it), oldest
    /// first, each with the version since which it stood; the last is its
    /// text in the last version that holds it.
    pub texts: Vec<ParagraphText<'a>>,
    /// The version it first stands in.
    pub appeared: usize,
    /// The versions in which its words changed (cosmetic changes aside).
    pub changed: Vec<usize>,
    /// The versions in which it changed in white space, case, punctuation
    /// or typography only.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cosmetic: Vec<usize>,
    /// The versions in which it moved to another place.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<usize>,
    /// The first version without it; `None` when the latest version still
    /// holds it.
    pub went: Option<usize>,
}

/// One text a paragraph had.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParagraphText<'a> {
    /// The version since which it stood.
    pub since: usize,
    /// The paragraph's text then.
    pub text: &'a str,
}

impl<'a> ParagraphLife<'a> {
    /// Its text in the last version that holds it.
    pub fn text(&self) -> &'a str {
        self.texts.last().map_or("", |t| t.text)
    }

    /// Its text in `version`, when that version holds it.
    pub fn text_in(&self, version: usize) -> Option<&'a str> {
        if version < self.appeared || self.went.is_some_and(|w| version >= w) {
            return None;
        }
        self.texts
            .iter()
            .rev()
            .find(|t| t.since <= version)
            .map(|t| t.text)
    }
}

/// The life of one quotation across the versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteLife {
    /// Who said it, in the last version that holds it (`None` when the text
    /// does not say).
    pub speaker: Option<String>,
    /// Its words in the last version that holds it.
    pub words: String,
    /// The version it first stands in.
    pub appeared: usize,
    /// Each version in which its words or its speaker changed.
    pub changes: Vec<QuoteChange>,
    /// The first version without it; `None` when the latest still holds it.
    pub went: Option<usize>,
}

/// A quote's change in one step: reworded, re-attributed, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct QuoteChange {
    /// The version that holds the change.
    pub version: usize,
    /// The words before the change.
    pub before: String,
    /// The words after it.
    pub after: String,
    /// The speaker after the change.
    pub speaker: Option<String>,
    /// The speaker before, when the step gave the quote to someone else.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before_speaker: Option<String>,
}

/// A figure's line of values: "5 → 6 → 8 killed", the values one figure of
/// one paragraph took.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FigureLine {
    /// The values in order, each with the version it first stands in. The
    /// first value's version is the one since which its paragraph stood
    /// unchanged (the value may be older).
    pub values: Vec<FigureValue>,
    /// The sentence of the latest value.
    pub context: String,
    /// The paragraph (index into `paragraphs`) that holds the figure.
    pub paragraph: usize,
}

/// One value of a [`FigureLine`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FigureValue {
    /// The figure with its qualifier and unit ("more than 140").
    pub value: String,
    /// The version it first stands in.
    pub version: usize,
}

/// What kind of change a later version undid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UndoneKind {
    /// A paragraph's words were changed, and a later version gave it back
    /// words it had before.
    Edit,
    /// A paragraph was removed, and a later version put the same paragraph
    /// back.
    Removal,
}

/// A change that a later version reverts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Undone<'a> {
    /// An edit or a removal.
    pub kind: UndoneKind,
    /// The paragraph (index into `paragraphs`) that was changed or removed.
    pub paragraph: usize,
    /// The version that made the change.
    pub changed: usize,
    /// The later version that undid it.
    pub undone: usize,
    /// The text it came back to.
    pub text: &'a str,
    /// For a removal, the paragraph that brought the text back (its life
    /// starts at `undone`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restored_as: Option<usize>,
}

/// A story's history over N versions: what each step changed, and each
/// paragraph's, quote's and figure's life. Serialised as MODEL.md's history
/// model.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct History<'a> {
    /// The versions, oldest first.
    pub versions: Vec<VersionInfo>,
    /// Each step from one version to the next.
    pub steps: Vec<Step<'a>>,
    /// Every paragraph of the story (page furniture aside), in the order it
    /// first appeared.
    pub paragraphs: Vec<ParagraphLife<'a>>,
    /// Every quotation, in the order it first appeared.
    pub quotes: Vec<QuoteLife>,
    /// Every figure that changed, with its line of values.
    pub figures: Vec<FigureLine>,
    /// Changes that a later version undid.
    pub undone: Vec<Undone<'a>>,
    #[serde(skip)]
    texts: Vec<&'a str>,
    #[serde(skip)]
    options: Options,
}

impl<'a> History<'a> {
    /// Compares any two versions (indices into `versions`, either order),
    /// as [`compare`](crate::compare) would.
    ///
    /// # Panics
    ///
    /// When either index is not a version's.
    pub fn compare(&self, from: usize, to: usize) -> Comparison<'a> {
        crate::compare(self.texts[from], self.texts[to], &self.options)
    }

    /// Keeps each step's whole comparison in `steps` (computing them again),
    /// so the JSON holds every step's rows and ledger.
    pub fn keep_steps(&mut self) {
        for i in 0..self.steps.len() {
            let c = self.compare(self.steps[i].from, self.steps[i].to);
            self.steps[i].comparison = Some(c);
        }
    }
}

/// Compares a story's versions, oldest first: each step once, read into the
/// story's history. A version without a label is called "Version N". One
/// version gives a history of no steps.
pub fn compare_history<'a>(versions: &[Version<'a>], options: &Options) -> History<'a> {
    let mut b = Builder::default();
    let texts: Vec<&'a str> = versions.iter().map(|v| v.text).collect();
    let infos = versions
        .iter()
        .enumerate()
        .map(|(i, v)| VersionInfo {
            label: if v.label.trim().is_empty() {
                format!("Version {}", i + 1)
            } else {
                v.label.clone()
            },
            date: dateline(v.text),
            bytes: v.text.len(),
        })
        .collect();
    let mut paragraphs = Paragraphs::of(texts.first().copied().unwrap_or(""));
    let mut steps = Vec::new();
    // Every step reads the whole texts: a quote's life starts where it is
    // first met, so each step must list its unchanged quotes too.
    let options = &Options {
        whole: true,
        ..options.clone()
    };
    for k in 1..texts.len() {
        let c = crate::compare(texts[k - 1], texts[k], options);
        let next = Paragraphs::of(texts[k]);
        b.step(k, &c, &mut paragraphs, next);
        steps.push(Step {
            from: k - 1,
            to: k,
            stats: c.ledger.stats.clone(),
            approximate: c.approximate,
            comparison: None,
        });
    }
    // A single version: its paragraphs appear in it.
    if texts.len() == 1 {
        b.assign_new(&mut paragraphs, 0);
    }
    History {
        versions: infos,
        steps,
        paragraphs: b.paragraphs,
        quotes: b.quotes,
        figures: b.figures.into_iter().map(|f| f.line).collect(),
        undone: b.undone,
        texts,
        options: options.clone(),
    }
}

/// One version's paragraphs as `segment` cuts its text: where each
/// paragraph's content starts, and which life it belongs to.
struct Paragraphs<'a> {
    /// (content start, content), for blocks with content, in text order.
    blocks: Vec<(usize, &'a str)>,
    /// The life (index into `paragraphs`) of each block, once known.
    life: Vec<Option<usize>>,
    /// Blocks set aside as page furniture in a step that read them.
    noise: Vec<bool>,
}

impl<'a> Paragraphs<'a> {
    fn of(text: &'a str) -> Self {
        let base = text.as_ptr() as usize;
        let blocks: Vec<(usize, &'a str)> = crate::segment::blocks(text)
            .into_iter()
            .filter(|b| !b.content.is_empty())
            .map(|b| (b.content.as_ptr() as usize - base, b.content))
            .collect();
        let n = blocks.len();
        Paragraphs {
            blocks,
            life: vec![None; n],
            noise: vec![false; n],
        }
    }

    /// The blocks whose content starts in `start..end`.
    fn within(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let from = self.blocks.partition_point(|b| b.0 < start);
        let to = self.blocks.partition_point(|b| b.0 < end);
        from..to
    }
}

/// A figure line being built, with the paragraph and value it last stood
/// in.
struct OpenFigure {
    line: FigureLine,
    last: String,
}

#[derive(Default)]
struct Builder<'a> {
    paragraphs: Vec<ParagraphLife<'a>>,
    /// Each life's content hashes, with the version each content came in.
    contents: Vec<Vec<(usize, u64)>>,
    /// Content hash of a paragraph that went → (its life, the version it
    /// went in).
    gone: std::collections::HashMap<u64, (usize, usize)>,
    quotes: Vec<QuoteLife>,
    /// The quotes of the current version: (life, words as the finder gave
    /// them on this version).
    open_quotes: Vec<(usize, String)>,
    figures: Vec<OpenFigure>,
    undone: Vec<Undone<'a>>,
}

impl<'a> Builder<'a> {
    /// A new life for a paragraph first standing in `version`.
    fn new_life(&mut self, text: &'a str, version: usize) -> usize {
        let hash = crate::text::exact_hash(text);
        let id = self.paragraphs.len();
        self.paragraphs.push(ParagraphLife {
            texts: vec![ParagraphText {
                since: version,
                text,
            }],
            appeared: version,
            changed: Vec::new(),
            cosmetic: Vec::new(),
            moved: Vec::new(),
            went: None,
        });
        self.contents.push(vec![(version, hash)]);
        // A paragraph that went and comes back as it was: its removal is
        // undone.
        if let Some(&(old, went)) = self.gone.get(&hash) {
            // Not one the aligner removed and added in one step.
            if went < version {
                self.gone.remove(&hash);
                self.undone.push(Undone {
                    kind: UndoneKind::Removal,
                    paragraph: old,
                    changed: went,
                    undone: version,
                    text,
                    restored_as: Some(id),
                });
            }
        }
        id
    }

    /// Gives every block of `p` without a life (and not furniture) a new
    /// one, first standing in `version`.
    fn assign_new(&mut self, p: &mut Paragraphs<'a>, version: usize) {
        for i in 0..p.blocks.len() {
            if p.life[i].is_none() && !p.noise[i] {
                p.life[i] = Some(self.new_life(p.blocks[i].1, version));
            }
        }
    }

    /// The paragraph `id` carried into version `k` with content `text`.
    fn carry(&mut self, id: usize, text: &'a str, k: usize, cosmetic: bool, moved: bool) {
        let life = &mut self.paragraphs[id];
        if moved {
            life.moved.push(k);
        }
        if life.text() == text {
            return;
        }
        life.texts.push(ParagraphText { since: k, text });
        if cosmetic {
            life.cosmetic.push(k);
        } else {
            life.changed.push(k);
        }
        let hash = crate::text::exact_hash(text);
        let contents = &mut self.contents[id];
        // Back to words it had before the last change: that change is
        // undone (the version that replaced these words made it).
        if let Some(at) = contents.iter().rposition(|c| c.1 == hash) {
            if let Some(&(changed, _)) = contents.get(at + 1) {
                self.undone.push(Undone {
                    kind: UndoneKind::Edit,
                    paragraph: id,
                    changed,
                    undone: k,
                    text,
                    restored_as: None,
                });
            }
        }
        contents.push((k, hash));
    }

    /// Reads the step into version `k` (comparison `c` of version `k - 1`,
    /// whose paragraphs are `before`, and `k`, whose paragraphs are `after`)
    /// and leaves `after` in `before` for the next step.
    fn step(
        &mut self,
        k: usize,
        c: &Comparison<'a>,
        before: &mut Paragraphs<'a>,
        mut after: Paragraphs<'a>,
    ) {
        // Each row's byte range on each side: the rows rebuild both texts
        // in order.
        let mut ranges = Vec::with_capacity(c.rows.len());
        let (mut bo, mut ao) = (0, 0);
        for row in &c.rows {
            let bl = row.before.map_or(0, str::len);
            let al = row.after.map_or(0, str::len);
            ranges.push((before.within(bo, bo + bl), after.within(ao, ao + al)));
            bo += bl;
            ao += al;
        }
        // Furniture first, so that no life is given to it.
        for (row, (b, a)) in c.rows.iter().zip(&ranges) {
            if row.kind == RowKind::Noise {
                b.clone().for_each(|i| before.noise[i] = true);
                a.clone().for_each(|i| after.noise[i] = true);
            }
        }
        // Blocks of the earlier version not met before (the first version,
        // or furniture there and story here) start their life there.
        self.assign_new(before, k - 1);
        let mut ended = vec![false; before.blocks.len()];
        for (row, (b, a)) in c.rows.iter().zip(&ranges) {
            let (b, a, moved) = match row.kind {
                RowKind::Noise | RowKind::Added => continue,
                // A move is read at its Before end, with its partner's
                // After blocks.
                RowKind::Moved if row.after.is_none() => {
                    let Some(p) = row.partner else { continue };
                    (b.clone(), ranges[p].1.clone(), true)
                }
                RowKind::Moved => continue,
                _ => (b.clone(), a.clone(), false),
            };
            let pairs = b.len().min(a.len());
            for (i, j) in b.clone().zip(a.clone()).take(pairs) {
                let Some(id) = before.life[i] else { continue };
                after.life[j] = Some(id);
                ended[i] = true;
                self.carry(id, after.blocks[j].1, k, row.cosmetic, moved);
            }
        }
        for (i, done) in ended.into_iter().enumerate() {
            let Some(id) = before.life[i] else { continue };
            if done || before.noise[i] {
                continue;
            }
            self.paragraphs[id].went = Some(k);
            let hash = crate::text::exact_hash(self.paragraphs[id].text());
            self.gone.insert(hash, (id, k));
        }
        // After blocks that no paragraph of the earlier version became
        // (added rows, a split's second block) appear here.
        self.assign_new(&mut after, k);
        self.quotes_step(k, c);
        self.figures_step(k, c, before, &after, &ranges);
        *before = after;
    }

    /// Carries the quotes of version `k - 1` into version `k`.
    fn quotes_step(&mut self, k: usize, c: &Comparison<'a>) {
        let open = std::mem::take(&mut self.open_quotes);
        let mut used = vec![false; open.len()];
        let mut next = Vec::new();
        // Exact words first, then words one holds of the other (a quote
        // regrouped in this step).
        let find = |words: &str, used: &[bool], exact: bool| {
            open.iter().enumerate().position(|(n, (_, w))| {
                !used[n]
                    && if exact {
                        w == words
                    } else {
                        w.contains(words) || words.contains(w.as_str())
                    }
            })
        };
        let mut matched: Vec<Option<usize>> = vec![None; c.ledger.quotes.len()];
        for exact in [true, false] {
            for (q, m) in c.ledger.quotes.iter().zip(matched.iter_mut()) {
                let Some(words) = q.before.as_deref() else {
                    continue;
                };
                if m.is_some() {
                    continue;
                }
                if let Some(n) = find(words, &used, exact) {
                    used[n] = true;
                    *m = Some(open[n].0);
                }
            }
        }
        for (q, m) in c.ledger.quotes.iter().zip(matched) {
            let id = match (m, q.before.as_deref()) {
                (Some(id), _) => id,
                (None, None) => self.new_quote(q, k),
                // A quote of the earlier version not met before (found only
                // as this step grouped it): its life starts there.
                (None, Some(words)) => {
                    let id = self.new_quote(q, k - 1);
                    self.quotes[id].words = words.to_string();
                    self.quotes[id].speaker =
                        q.before_speaker.clone().or_else(|| q.speaker.clone());
                    id
                }
            };
            let life = &mut self.quotes[id];
            match (q.change, q.after.as_deref()) {
                (Change::Removed, _) | (_, None) => life.went = Some(k),
                (change, Some(after)) => {
                    let before_speaker = q.before_speaker.clone();
                    if (change == Change::Changed || before_speaker.is_some()) && q.before.is_some()
                    {
                        life.changes.push(QuoteChange {
                            version: k,
                            before: q.before.clone().unwrap_or_default(),
                            after: after.to_string(),
                            speaker: q.speaker.clone(),
                            before_speaker,
                        });
                    }
                    life.words = after.to_string();
                    life.speaker = q.speaker.clone();
                    next.push((id, after.to_string()));
                }
            }
        }
        // A quote of the earlier version this step did not find again (a
        // finder that grouped it otherwise): it stays, as it was.
        for (n, (id, words)) in open.into_iter().enumerate() {
            if !used[n] && self.quotes[id].went.is_none() {
                next.push((id, words));
            }
        }
        self.open_quotes = next;
    }

    fn new_quote(&mut self, q: &crate::model::Quote, version: usize) -> usize {
        self.quotes.push(QuoteLife {
            speaker: q.speaker.clone(),
            words: q
                .after
                .clone()
                .or_else(|| q.before.clone())
                .unwrap_or_default(),
            appeared: version,
            changes: Vec::new(),
            went: None,
        });
        self.quotes.len() - 1
    }

    /// Extends the figures' lines with the figures that changed in the step
    /// into version `k`.
    fn figures_step(
        &mut self,
        k: usize,
        c: &Comparison<'a>,
        before: &Paragraphs<'a>,
        after: &Paragraphs<'a>,
        ranges: &[(std::ops::Range<usize>, std::ops::Range<usize>)],
    ) {
        let lives = |p: &Paragraphs<'a>, range: Option<std::ops::Range<usize>>| -> Vec<usize> {
            range
                .map(|r| r.filter_map(|i| p.life[i]).collect())
                .unwrap_or_default()
        };
        for f in &c.ledger.figures {
            let b = lives(before, f.before_row.map(|r| ranges[r].0.clone()));
            let a = lives(after, f.after_row.map(|r| ranges[r].1.clone()));
            let Some(&paragraph) = a.first().or(b.first()) else {
                continue;
            };
            let open = self
                .figures
                .iter_mut()
                .find(|o| o.last == f.before && b.contains(&o.line.paragraph));
            match open {
                Some(o) => {
                    o.line.values.push(FigureValue {
                        value: f.after.clone(),
                        version: k,
                    });
                    o.line.context = f.context.clone();
                    o.line.paragraph = paragraph;
                    o.last = f.after.clone();
                }
                None => {
                    // The first value stood at least since its paragraph's
                    // last change before this step.
                    let since = b.first().map_or(k - 1, |&id| {
                        let life = &self.paragraphs[id];
                        let edits = self.contents[id].iter().map(|c| c.0);
                        edits.filter(|&v| v < k).max().unwrap_or(life.appeared)
                    });
                    self.figures.push(OpenFigure {
                        line: FigureLine {
                            values: vec![
                                FigureValue {
                                    value: f.before.clone(),
                                    version: since,
                                },
                                FigureValue {
                                    value: f.after.clone(),
                                    version: k,
                                },
                            ],
                            context: f.context.clone(),
                            paragraph,
                        },
                        last: f.after.clone(),
                    });
                }
            }
        }
    }
}

/// Words that open a dateline: the line that says when the story was
/// published or last updated.
const DATELINE: [&str; 4] = ["last updated", "updated", "published", "posted"];

/// The date a text carries near its top on an "Updated", "Last updated",
/// "Published" or "Posted" line (or on the line after one that says only
/// that), as the text writes it: "20 May 2022", "May 20, 2022",
/// "2022-05-20". An update's date is preferred to the first publication's.
fn dateline(text: &str) -> Option<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(60)
        .collect();
    let mut found: Option<(usize, String)> = None;
    for (i, line) in lines.iter().enumerate() {
        let lower = line.to_lowercase();
        let Some(word) = DATELINE.iter().find(|w| lower.starts_with(*w)) else {
            continue;
        };
        // "Updated" and "Last updated" rank before "Published".
        let rank = usize::from(!word.ends_with("updated"));
        let date = find_date(line).or_else(|| {
            let rest = lower[word.len()..].trim();
            (rest.len() <= 1)
                .then(|| lines.get(i + 1).and_then(|n| find_date(n)))
                .flatten()
        });
        if let Some(date) = date {
            if found.as_ref().is_none_or(|f| rank < f.0) {
                found = Some((rank, date));
            }
        }
    }
    found.map(|f| f.1)
}

/// The first date in `line`: day month year, month day year, or ISO.
fn find_date(line: &str) -> Option<String> {
    let words = word_runs(line);
    let month = |w: &str| {
        let w = w.to_lowercase();
        w.len() >= 3 && crate::text::MONTHS.iter().any(|m| m.starts_with(&w))
    };
    let day = |w: &str| w.len() <= 2 && w.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |w: &str| w.len() == 4 && w.parse::<u16>().is_ok_and(|y| (1900..=2200).contains(&y));
    for i in 0..words.len() {
        let w = |n: usize| words.get(i + n).map_or("", |x| x.1);
        let span = |n: usize| {
            let start = words[i].0;
            let end = words[i + n].0 + words[i + n].1.len();
            line[start..end].to_string()
        };
        if day(w(0)) && month(w(1)) && year(w(2)) {
            return Some(span(2));
        }
        if month(w(0)) && day(w(1)) && year(w(2)) {
            return Some(span(2));
        }
        let iso = w(0);
        if iso.len() == 10
            && iso.as_bytes()[4] == b'-'
            && iso.as_bytes()[7] == b'-'
            && year(&iso[..4])
        {
            return Some(iso.to_string());
        }
    }
    None
}

/// A line's runs of letters and digits (a dash inside an ISO date kept),
/// with their byte offsets.
fn word_runs(line: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        let inside = c.is_alphanumeric()
            || (c == '-'
                && start.is_some()
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &line[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &line[s..]));
    }
    out
}

#[cfg(test)]
mod tests;
