//! The window: where two versions differ, with the paragraphs around it.
//!
//! The commonest comparison is a small correction in a long story. Both
//! versions then open and close with the same bytes, and nothing in those
//! shared runs can be added, removed or reworded. [`window`] finds them, as
//! diff-match-patch does before it diffs, and cuts them back to block
//! starts, keeping [`CONTEXT_BEFORE`] blocks before the first difference
//! and [`CONTEXT_AFTER`] after the last inside the window (a speaker named
//! a paragraph earlier, a statement's "X said:" line). The later stages read
//! only the window; the shared runs become equal rows
//! (each one row, as the whole text's equal blocks there would join into).
//!
//! Inside the window, long runs both versions share (a correction at the
//! top of a long page and its "last updated" note at the bottom) are
//! [`Gap`]s, found as diff-match-patch's half-match finds them: the window
//! is then read as parts, one between each two gaps, and each gap is an
//! equal row between them.
//!
//! A cut is made only where the whole text's segmentation starts a block,
//! decided by lines that both versions share, so the blocks of the window
//! and of the runs are the blocks of the whole text.

use std::ops::Range;

#[cfg(test)]
use super::blocks;
use super::is_wrapped;

/// Blocks of shared text kept before the first difference.
pub(crate) const CONTEXT_BEFORE: usize = 8;
/// Blocks of shared text kept after the last difference.
pub(crate) const CONTEXT_AFTER: usize = 2;

/// The fewest bytes a shared run inside the window must keep, once cut
/// back to block starts with the context on each side, to be left out as
/// a gap: a shorter one costs less to read than the seam it makes.
const GAP_BYTES: usize = 2048;

/// The half-match's seed, in bytes.
const SEED_BYTES: usize = 256;

/// How many places of a seed the half-match looks at in the other
/// version.
const SEED_PLACES: usize = 8;

/// The window of two versions: `before[head..before_end]` and
/// `after[head..after_end]`. The bytes before `head` are the same in both;
/// so are those from each end on, and those of each gap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Window {
    /// Bytes both versions open with, outside the window.
    pub head: usize,
    /// Where Before's shared closing run starts.
    pub before_end: usize,
    /// Where After's shared closing run starts.
    pub after_end: usize,
    /// Shared runs inside the window, in text order.
    pub gaps: Vec<Gap>,
}

/// A run both versions share inside the window: `before[before..before +
/// len]` is `after[after..after + len]`, and both ends are block starts of
/// the whole texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Gap {
    /// Where it starts in Before.
    pub before: usize,
    /// Where it starts in After.
    pub after: usize,
    /// Its length in bytes.
    pub len: usize,
}

impl Window {
    /// The whole of both texts.
    pub fn whole(before: &str, after: &str) -> Self {
        Window {
            head: 0,
            before_end: before.len(),
            after_end: after.len(),
            gaps: Vec::new(),
        }
    }

    /// The window read as one part, its gaps included.
    pub fn without_gaps(&self) -> Self {
        Window {
            gaps: Vec::new(),
            ..self.clone()
        }
    }

    /// The parts the later stages read, in order: (Before's bytes, After's
    /// bytes), a gap between each two.
    pub fn parts(&self) -> Vec<(Range<usize>, Range<usize>)> {
        let mut out = Vec::with_capacity(self.gaps.len() + 1);
        let (mut b, mut a) = (self.head, self.head);
        for g in &self.gaps {
            out.push((b..g.before, a..g.after));
            (b, a) = (g.before + g.len, g.after + g.len);
        }
        out.push((b..self.before_end, a..self.after_end));
        out
    }

    /// True when the window is the whole of both texts.
    #[cfg(test)]
    pub fn is_whole(&self, before: &str, after: &str) -> bool {
        *self == Window::whole(before, after)
    }
}

/// The window of `before` and `after`: linear in the shared runs' bytes
/// (a byte comparison) and in the lines walked back to a block start.
pub(crate) fn window(before: &str, after: &str) -> Window {
    let (b, a) = (before.as_bytes(), after.as_bytes());
    let prefix = common_prefix(b, a);
    if prefix == b.len() && prefix == a.len() {
        // The same text: one run, no window.
        return Window {
            head: b.len(),
            before_end: b.len(),
            after_end: a.len(),
            gaps: Vec::new(),
        };
    }
    let most = b.len().min(a.len()) - prefix;
    let suffix = common_suffix(b, a).min(most);
    let head = head_cut(before, prefix);
    let tail = tail_cut(before, b.len() - suffix);
    // `tail` is a byte offset in Before; the run is as long in After.
    let run = b.len() - tail;
    let mut w = Window {
        head,
        before_end: tail,
        after_end: a.len() - run,
        gaps: Vec::new(),
    };
    w.gaps = gaps(before, after, &w);
    w
}

/// The gaps inside a window: the shared runs `shared_runs` finds, each cut
/// back to block starts with [`CONTEXT_AFTER`] blocks after the difference
/// before it and [`CONTEXT_BEFORE`] before the one after it, kept when
/// [`GAP_BYTES`] or more are left.
fn gaps(before: &str, after: &str, w: &Window) -> Vec<Gap> {
    let mut runs = Vec::new();
    shared_runs(
        before.as_bytes(),
        after.as_bytes(),
        w.head..w.before_end,
        w.head..w.after_end,
        &mut runs,
    );
    runs.into_iter()
        .filter_map(|(b, a, len)| {
            // The lines these cuts read lie inside the run, so the cuts
            // are the same in both versions.
            let start = tail_cut(before, b);
            let end = head_cut(before, b + len);
            (end > start && end - start >= GAP_BYTES).then(|| Gap {
                before: start,
                after: start - b + a,
                len: end - start,
            })
        })
        .collect()
}

/// The long runs `before[b]` and `after[a]` share, in order, as (start in
/// Before, start in After, length): diff-match-patch's half-match, made
/// again on each side of a run found. A quarter of the longer text, taken
/// at its quarter and at its half, is looked for in the other; where it
/// is found the run is grown both ways. A run as long as half the longer
/// text always holds one of the two seeds, so a small correction in a
/// long story is found at once; runs no seed falls in stay in the window.
fn shared_runs(
    before: &[u8],
    after: &[u8],
    b: Range<usize>,
    a: Range<usize>,
    out: &mut Vec<(usize, usize, usize)>,
) {
    let (bs, as_) = (&before[b.clone()], &after[a.clone()]);
    if bs.len().min(as_.len()) < GAP_BYTES {
        return;
    }
    let b_longer = bs.len() >= as_.len();
    let (long, short) = if b_longer { (bs, as_) } else { (as_, bs) };
    // A seed this long is found only where it belongs in all but texts
    // that repeat themselves (and then up to `SEED_PLACES` places are
    // tried); a run of half the longer text holds one whole.
    let seed = SEED_BYTES.min(long.len() / 4);
    let mut best: Option<(usize, usize, usize)> = None;
    for i in [long.len() / 4, long.len() / 2] {
        let finder = memchr::memmem::Finder::new(&long[i..i + seed]);
        for j in finder.find_iter(short).take(SEED_PLACES) {
            let grow = common_prefix(&long[i..], &short[j..]);
            let back = common_suffix(&long[..i], &short[..j]);
            if best.is_none_or(|(_, _, len)| grow + back > len) {
                best = Some((i - back, j - back, grow + back));
            }
        }
    }
    let Some((l, s, len)) = best.filter(|&(_, _, len)| len >= GAP_BYTES) else {
        return;
    };
    let (rb, ra) = if b_longer { (l, s) } else { (s, l) };
    let (rb, ra) = (b.start + rb, a.start + ra);
    shared_runs(before, after, b.start..rb, a.start..ra, out);
    out.push((rb, ra, len));
    shared_runs(before, after, rb + len..b.end, ra + len..a.end, out);
}

/// Length of the bytes two slices open with: whole chunks compared as
/// slices (a `memcmp`), then the last chunk byte by byte.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 256;
    let n = a.len().min(b.len());
    let mut k = 0;
    while k + CHUNK <= n && a[k..k + CHUNK] == b[k..k + CHUNK] {
        k += CHUNK;
    }
    while k < n && a[k] == b[k] {
        k += 1;
    }
    k
}

/// Length of the bytes two slices close with.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const CHUNK: usize = 256;
    let n = a.len().min(b.len());
    let (la, lb) = (a.len(), b.len());
    let mut k = 0;
    while k + CHUNK <= n && a[la - k - CHUNK..la - k] == b[lb - k - CHUNK..lb - k] {
        k += CHUNK;
    }
    while k < n && a[la - k - 1] == b[lb - k - 1] {
        k += 1;
    }
    k
}

/// The body of the line at `start`: its text without surrounding white
/// space, and where the line ends (after its line break).
fn line_at(text: &str, start: usize) -> (&str, usize) {
    let end =
        memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |k| start + k + 1);
    (crate::text::trim(&text[start..end]), end)
}

/// Whether the line at `start` opens a block in the whole text's
/// segmentation, given the line before it (`None` at the text's start).
fn opens(text: &str, previous: Option<usize>, start: usize) -> bool {
    let (body, _) = line_at(text, start);
    if body.is_empty() {
        return false;
    }
    match previous {
        None => true,
        Some(p) => {
            let (prev, _) = line_at(text, p);
            prev.is_empty() || !is_wrapped(prev, body)
        }
    }
}

/// The start of the line before the one at `start` (which is not 0).
fn line_before(text: &str, start: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..start - 1]).map_or(0, |k| k + 1)
}

/// Where the shared opening run ends: a block start whose line, and the
/// one before it, lie in the first `shared` bytes, with
/// [`CONTEXT_BEFORE`] block starts between it and the first difference.
fn head_cut(text: &str, shared: usize) -> usize {
    // The line holding the first difference is not shared; the cut is at
    // a line start before it.
    let mut line = memchr::memrchr(b'\n', &text.as_bytes()[..shared]).map_or(0, |k| k + 1);
    let mut seen = 0;
    while line > 0 {
        let previous = line_before(text, line);
        if opens(text, Some(previous), line) {
            if seen == CONTEXT_BEFORE {
                return line;
            }
            seen += 1;
        }
        line = previous;
    }
    0
}

/// Where the shared closing run starts, in `text`: a block start whose
/// line, and the one before it, lie at or after `from` (where the shared
/// bytes start), with [`CONTEXT_AFTER`] block starts between the last
/// difference and it.
fn tail_cut(text: &str, from: usize) -> usize {
    // The first whole line of the shared bytes; the line before it is
    // partly unshared, so it can be no cut.
    let Some(first) = memchr::memchr(b'\n', &text.as_bytes()[from..]).map(|k| from + k + 1) else {
        return text.len();
    };
    let mut previous = first;
    let (_, mut line) = line_at(text, first);
    let mut seen = 0;
    while line < text.len() {
        if opens(text, Some(previous), line) {
            if seen == CONTEXT_AFTER {
                return line;
            }
            seen += 1;
        }
        previous = line;
        line = line_at(text, line).1;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Paragraphs `p0 ... p{n-1}`, each a sentence, one blank line apart.
    fn story(n: usize, changed: Option<usize>) -> String {
        (0..n)
            .map(|i| {
                if Some(i) == changed {
                    format!("Paragraph {i} was corrected.\n\n")
                } else {
                    format!("Paragraph {i} says what it says.\n\n")
                }
            })
            .collect()
    }

    fn windowed<'a>(text: &'a str, w: &Window, before: bool) -> &'a str {
        &text[w.head..if before { w.before_end } else { w.after_end }]
    }

    #[test]
    fn one_changed_paragraph_keeps_its_context() {
        let (b, a) = (story(40, None), story(40, Some(20)));
        let w = window(&b, &a);
        let inside = windowed(&b, &w, true);
        assert!(inside.starts_with(&format!("Paragraph {} ", 20 - CONTEXT_BEFORE)));
        assert_eq!(blocks(inside).len(), CONTEXT_BEFORE + 1 + CONTEXT_AFTER);
        assert_eq!(b[..w.head], a[..w.head]);
        assert_eq!(b[w.before_end..], a[w.after_end..]);
    }

    #[test]
    fn the_runs_and_the_window_are_the_whole_texts_blocks() {
        for changed in [0, 1, 5, 20, 38, 39] {
            let (b, a) = (story(40, None), story(40, Some(changed)));
            let w = window(&b, &a);
            for (text, end) in [(&b, w.before_end), (&a, w.after_end)] {
                let pieces: Vec<&str> = blocks(&text[..w.head])
                    .into_iter()
                    .chain(blocks(&text[w.head..end]))
                    .chain(blocks(&text[end..]))
                    .map(|b| b.text)
                    .collect();
                let whole: Vec<&str> = blocks(text).into_iter().map(|b| b.text).collect();
                assert_eq!(pieces, whole, "changed {changed}");
            }
        }
    }

    #[test]
    fn a_wrapped_line_is_never_a_cut() {
        // Hard-wrapped paragraphs: a line that continues the one before is
        // not a block start, so the window cannot open or close there.
        let para = |i: usize, word: &str| {
            format!("Paragraph {i} is long enough to be wrapped by the sender,\nand {word} goes on here.\n\n")
        };
        let b: String = (0..30).map(|i| para(i, "it")).collect();
        let a: String = (0..30)
            .map(|i| para(i, if i == 15 { "she" } else { "it" }))
            .collect();
        let w = window(&b, &a);
        for text in [&b, &a] {
            let cuts: Vec<usize> = blocks(text)
                .iter()
                .map(|x| x.text.as_ptr() as usize - text.as_ptr() as usize)
                .collect();
            assert!(cuts.contains(&w.head) || w.head == 0);
        }
        assert!(b[w.before_end..].starts_with("Paragraph"));
    }

    #[test]
    fn the_same_text_is_all_run() {
        let t = story(5, None);
        let w = window(&t, &t);
        assert_eq!(
            (w.head, w.before_end, w.after_end),
            (t.len(), t.len(), t.len())
        );
    }

    #[test]
    fn a_short_story_is_all_window() {
        let (b, a) = (story(4, None), story(4, Some(1)));
        assert!(window(&b, &a).is_whole(&b, &a));
    }

    #[test]
    fn an_addition_at_the_end_keeps_the_window_inside_both() {
        let b = story(30, None);
        let a = format!("{b}A new closing paragraph.\n");
        let w = window(&b, &a);
        assert_eq!(w.before_end, b.len());
        assert_eq!(w.after_end, a.len());
        assert!(w.head > 0);
    }

    #[test]
    fn multibyte_text_is_cut_at_char_boundaries() {
        let b: String = (0..30)
            .map(|i| format!("第{i}段说了它说的话。\n"))
            .collect();
        let a = b.replacen("第15段说了", "第15段改了", 1);
        let w = window(&b, &a);
        assert!(b.is_char_boundary(w.head) && b.is_char_boundary(w.before_end));
        assert!(a.is_char_boundary(w.after_end));
    }
}
