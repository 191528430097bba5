//! The terminal's side-by-side view: Before on the left, After on the
//! right, in colour on a terminal and with plain markers when piped. Columns
//! are measured in terminal cells (an East Asian wide character takes two).
//! [`hunks`] shows only the changes with a few paragraphs around them, as
//! `diff -u` does, and folds the rest into one line per run.

use unicode_width::UnicodeWidthChar;

use super::{runs, Mark};
use crate::{Comparison, Options, Row, RowKind};

/// How the terminal view marks changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// ANSI colours: red deletions, green insertions, dim noise.
    Colour,
    /// Plain text: `[-deleted-]`, `{+inserted+}`, `{~cosmetic~}`.
    Plain,
}

/// Renders the comparison as two columns in `width` terminal cells, noise
/// collapsed to a count.
pub fn side_by_side(comparison: &Comparison<'_>, width: usize, style: Style) -> String {
    side_by_side_with(comparison, width, style, &Options::default())
}

/// [`side_by_side`], with the display options (`show_noise`,
/// `hide_cosmetic`) taken from `options`: every row, unchanged ones in full.
pub fn side_by_side_with(
    comparison: &Comparison<'_>,
    width: usize,
    style: Style,
    options: &Options,
) -> String {
    render(comparison, width, style, options, None)
}

/// The changes alone, as hunks: each changed, added, removed or moved row
/// with `context` unchanged paragraphs before and after it (page furniture
/// counts as one), and every longer unchanged run folded into one line,
/// "… 212 unchanged paragraphs …". Two columns as in [`side_by_side_with`].
pub fn hunks(
    comparison: &Comparison<'_>,
    width: usize,
    style: Style,
    options: &Options,
    context: usize,
) -> String {
    render(comparison, width, style, options, Some(context))
}

/// Whether a row is a change of the story (not an unchanged run, not page
/// furniture).
pub(crate) fn is_change(row: &Row<'_>) -> bool {
    matches!(
        row.kind,
        RowKind::Changed | RowKind::Added | RowKind::Removed | RowKind::Moved
    )
}

/// One unit of the hunk view: a whole row, or one paragraph of an equal
/// row (so context is counted in paragraphs, not in runs).
#[derive(Clone, Copy)]
enum Unit<'a> {
    /// The row at this index, drawn as it is; `paragraphs` is what folding
    /// it would count (the blocks of an equal run, the lines of furniture).
    Row { row: usize, paragraphs: usize },
    /// One paragraph of an equal row, each side's exact text.
    Paragraph { before: &'a str, after: &'a str },
}

/// The units of the view: equal rows cut into their paragraphs (each side
/// cut as `segment` cuts a text; when the two sides do not cut alike, the
/// row stays whole), every other row whole.
fn units<'a>(comparison: &Comparison<'a>) -> Vec<Unit<'a>> {
    let mut out = Vec::new();
    for (i, row) in comparison.rows.iter().enumerate() {
        match (row.kind, row.before, row.after) {
            (RowKind::Equal, Some(before), Some(after)) => {
                let b = crate::segment::blocks(before);
                let a = crate::segment::blocks(after);
                if b.len() == a.len() && b.len() > 1 {
                    out.extend(b.iter().zip(&a).map(|(b, a)| Unit::Paragraph {
                        before: b.text,
                        after: a.text,
                    }));
                } else {
                    out.push(Unit::Row {
                        row: i,
                        paragraphs: b.len().max(1),
                    });
                }
            }
            (RowKind::Noise, ..) => out.push(Unit::Row {
                row: i,
                paragraphs: 0,
            }),
            _ => out.push(Unit::Row {
                row: i,
                paragraphs: 1,
            }),
        }
    }
    out
}

fn render<'c>(
    comparison: &Comparison<'c>,
    width: usize,
    style: Style,
    options: &Options,
    context: Option<usize>,
) -> String {
    let column = (width.max(24) - 3) / 2;
    let mut out = String::new();
    if let Some(note) = super::line_endings_note(comparison) {
        out.push_str(&note);
        out.push('\n');
    }
    let Some(context) = context else {
        for row in &comparison.rows {
            draw_row(&mut out, row, column, style, options);
        }
        return out;
    };
    let units = units(comparison);
    let change =
        |u: &Unit<'_>| matches!(u, Unit::Row { row, .. } if is_change(&comparison.rows[*row]));
    // Distance of each unit to the nearest change, in units, both ways.
    let mut near = vec![usize::MAX; units.len()];
    let mut last = None;
    for (i, u) in units.iter().enumerate() {
        if change(u) {
            last = Some(i);
        }
        if let Some(l) = last {
            near[i] = i - l;
        }
    }
    last = None;
    for (i, u) in units.iter().enumerate().rev() {
        if change(u) {
            last = Some(i);
        }
        if let Some(l) = last {
            near[i] = near[i].min(l - i);
        }
    }
    let mut folded = Fold::default();
    for (unit, &distance) in units.iter().zip(&near) {
        if distance > context {
            folded.add(unit, comparison);
            continue;
        }
        folded.flush(&mut out, style);
        match *unit {
            Unit::Row { row, .. } => {
                draw_row(&mut out, &comparison.rows[row], column, style, options)
            }
            Unit::Paragraph { before, after } => {
                let trim = |t: &'c str| t.trim_end_matches(['\n', '\r']);
                let left = wrap(&[(Mark::Plain, trim(before))], column, style);
                let right = wrap(&[(Mark::Plain, trim(after))], column, style);
                put_lines(&mut out, &left, &right, column, ' ');
            }
        }
    }
    folded.flush(&mut out, style);
    out
}

/// A run of units left out of the hunk view, counted for its fold line.
#[derive(Default)]
struct Fold {
    paragraphs: usize,
    furniture: usize,
    any: bool,
}

impl Fold {
    fn add(&mut self, unit: &Unit<'_>, comparison: &Comparison<'_>) {
        self.any = true;
        match *unit {
            Unit::Paragraph { .. } => self.paragraphs += 1,
            Unit::Row { row, paragraphs } => {
                let row = &comparison.rows[row];
                if row.kind == RowKind::Noise {
                    self.furniture += [row.before, row.after]
                        .iter()
                        .flatten()
                        .map(|t| t.lines().filter(|l| !l.trim().is_empty()).count())
                        .sum::<usize>();
                } else {
                    self.paragraphs += paragraphs;
                }
            }
        }
    }

    /// Writes the fold line of the run so far, if any, and starts anew.
    fn flush(&mut self, out: &mut String, style: Style) {
        if !std::mem::take(&mut self.any) {
            return;
        }
        let mut parts = Vec::new();
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let (p, f) = (
            std::mem::take(&mut self.paragraphs),
            std::mem::take(&mut self.furniture),
        );
        if p > 0 || f == 0 {
            parts.push(format!("{p} unchanged paragraph{}", plural(p)));
        }
        if f > 0 {
            parts.push(format!("{f} line{} of page furniture", plural(f)));
        }
        let line = format!("… {} …", parts.join(", "));
        match style {
            Style::Colour => out.push_str(&format!("\x1b[2m{line}\x1b[0m\n")),
            Style::Plain => {
                out.push_str(&line);
                out.push('\n');
            }
        }
    }
}

/// Draws one row as it stands: both sides wrapped into their columns, the
/// gutter mark between them, the move's note under a moved row.
fn draw_row(out: &mut String, row: &Row<'_>, column: usize, style: Style, options: &Options) {
    let side = |before: bool| {
        let mut runs = runs(row, before);
        if options.hide_cosmetic {
            runs.iter_mut()
                .filter(|r| r.0 == Mark::Cosmetic)
                .for_each(|r| r.0 = Mark::Plain);
        }
        if row.kind == RowKind::Noise && !options.show_noise {
            let text = if before { row.before } else { row.after };
            let lines = text.map_or(0, |t| t.lines().filter(|l| !l.trim().is_empty()).count());
            return match lines {
                0 => Vec::new(),
                1 => vec![(
                    Mark::Noise,
                    "(1 line of page furniture set aside)".to_string(),
                )],
                n => vec![(
                    Mark::Noise,
                    format!("({n} lines of page furniture set aside)"),
                )],
            };
        }
        runs.into_iter().map(|(m, t)| (m, t.to_string())).collect()
    };
    let (left, right) = (side(true), side(false));
    let left = wrap(&borrowed(&left), column, style);
    let right = wrap(&borrowed(&right), column, style);
    let gutter = match row.kind {
        RowKind::Equal => ' ',
        RowKind::Changed => '~',
        RowKind::Removed => '-',
        RowKind::Added => '+',
        RowKind::Moved => '>',
        RowKind::Noise => '.',
    };
    put_lines(out, &left, &right, column, gutter);
    if row.kind == RowKind::Moved {
        if let Some(partner) = row.partner {
            let note = format!("(moved: see row {})", partner + 1);
            let pad = if row.before.is_some() { 0 } else { column + 3 };
            out.push_str(&" ".repeat(pad));
            out.push_str(&note);
            out.push('\n');
        }
    }
}

/// Writes wrapped lines side by side, the left padded to `column` cells.
fn put_lines(
    out: &mut String,
    left: &[(String, usize)],
    right: &[(String, usize)],
    column: usize,
    gutter: char,
) {
    let lines = left.len().max(right.len());
    for line in 0..lines {
        let (l, lw) = left.get(line).cloned().unwrap_or_default();
        let (r, _) = right.get(line).cloned().unwrap_or_default();
        out.push_str(&l);
        out.push_str(&" ".repeat(column.saturating_sub(lw)));
        out.push(' ');
        out.push(gutter);
        out.push(' ');
        out.push_str(&r);
        out.push('\n');
    }
}

/// The terminal cells a character takes: two for East Asian wide and full
/// width characters, none for combining marks and other zero-width ones.
fn cells(c: char) -> usize {
    c.width().unwrap_or(0)
}

fn borrowed(runs: &[(Mark, String)]) -> Vec<(Mark, &str)> {
    runs.iter().map(|(m, t)| (*m, t.as_str())).collect()
}

/// Wraps marked runs into lines of at most `width` visible characters;
/// each line comes with its visible width. Control characters are shown as
/// their visible symbols (U+2400 block); a final line break adds no line.
fn wrap(runs: &[(Mark, &str)], width: usize, style: Style) -> Vec<(String, usize)> {
    let marks = |m: Mark| -> (&'static str, &'static str) {
        match (style, m) {
            (_, Mark::Plain) | (Style::Plain, Mark::Noise) => ("", ""),
            (Style::Colour, Mark::Deleted) => ("\x1b[9;31m", "\x1b[0m"),
            (Style::Colour, Mark::Inserted) => ("\x1b[32m", "\x1b[0m"),
            (Style::Colour, Mark::Cosmetic) => ("\x1b[33m", "\x1b[0m"),
            (Style::Colour, Mark::Noise) => ("\x1b[2m", "\x1b[0m"),
            (Style::Plain, Mark::Deleted) => ("[-", "-]"),
            (Style::Plain, Mark::Inserted) => ("{+", "+}"),
            (Style::Plain, Mark::Cosmetic) => ("{~", "~}"),
        }
    };
    let visible = |s: &str| {
        if style == Style::Plain {
            s.chars().map(cells).sum()
        } else {
            0
        }
    };
    let mut w = Wrapper {
        lines: Vec::new(),
        line: String::new(),
        used: 0,
        width,
    };
    for &(mark, text) in runs {
        let (open, close) = marks(mark);
        w.line.push_str(open);
        w.used += visible(open);
        let mut at_word_start = true;
        for (i, c) in text.char_indices() {
            // Wrap before a word that would not fit, unless it fills a line.
            if at_word_start && !c.is_whitespace() {
                let len = text[i..]
                    .split(char::is_whitespace)
                    .next()
                    .map_or(0, |w| w.chars().map(cells).sum());
                if w.used > 0 && w.used + len > w.width && len <= w.width {
                    w.newline();
                }
            }
            at_word_start = c.is_whitespace();
            match c {
                '\n' => {
                    w.line.push_str(close);
                    w.used += visible(close);
                    w.newline();
                    w.line.push_str(open);
                    w.used += visible(open);
                }
                '\r' => {}
                '\t' => w.put(' '),
                c if c.is_control() => w.put(
                    char::from_u32(0x2400 + u32::from(c))
                        .filter(|_| u32::from(c) < 0x20)
                        .unwrap_or('\u{FFFD}'),
                ),
                c => w.put(c),
            }
        }
        w.line.push_str(close);
        w.used += visible(close);
    }
    if w.used > 0 {
        let rest = std::mem::take(&mut w.line);
        w.lines.push((rest, w.used));
    }
    w.lines
}

struct Wrapper {
    lines: Vec<(String, usize)>,
    line: String,
    used: usize,
    width: usize,
}

impl Wrapper {
    fn put(&mut self, c: char) {
        let cells = cells(c);
        if self.used + cells > self.width && self.used > 0 {
            self.newline();
            if c == ' ' {
                return;
            }
        }
        self.line.push(c);
        self.used += cells;
    }

    fn newline(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push((line, self.used));
        self.used = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Options};

    #[test]
    fn plain_view_marks_changes_in_two_columns() {
        let c = compare("One two three.\n", "One four three.\n", &Options::default());
        let out = side_by_side(&c, 60, Style::Plain);
        assert_eq!(out, "One [-two-] three.           ~ One {+four+} three.\n");
    }

    #[test]
    fn noise_collapses_to_a_count_unless_shown() {
        let before = "clip_0001.jpg\nJane Doe/AFP\nNow playing\n02:27\n\nBody text here.\n";
        let c = compare(before, "Body text here.\n", &Options::default());
        let out = side_by_side(&c, 80, Style::Plain);
        assert!(
            out.contains("(4 lines of page furniture set aside)"),
            "{out}"
        );
        let shown = Options {
            show_noise: true,
            ..Options::default()
        };
        let out = side_by_side_with(&c, 80, Style::Plain, &shown);
        assert!(out.contains("Now playing"), "{out}");
    }

    #[test]
    fn a_line_ending_change_is_one_note_not_a_rewrite() {
        let c = compare("One.\r\nTwo.\r\n", "One.\nTwo.\n", &Options::default());
        let out = side_by_side(&c, 40, Style::Plain);
        assert!(out.starts_with("Line endings changed: CRLF in Before, LF in After\n"));
        assert!(!out.contains("[-") && !out.contains("{+"), "{out}");
    }

    #[test]
    fn control_characters_show_as_symbols() {
        let c = compare("a\u{0}b\n", "a\u{0}c\n", &Options::default());
        let out = side_by_side(&c, 40, Style::Plain);
        assert!(out.contains('\u{2400}'), "{out}");
    }

    #[test]
    fn wide_characters_take_two_cells_and_combining_marks_none() {
        let lines = wrap(&[(Mark::Plain, "日本語のテキスト")], 6, Style::Plain);
        let widths: Vec<usize> = lines.iter().map(|l| l.1).collect();
        assert_eq!(widths, [6, 6, 4]);
        assert_eq!(lines[0].0, "日本語");
        let lines = wrap(&[(Mark::Plain, "cafe\u{301} noir")], 20, Style::Plain);
        assert_eq!(lines[0].1, 9);
    }

    #[test]
    fn hunks_fold_equal_runs_by_paragraph() {
        let before: String = (1..=6).map(|i| format!("Para {i}.\n\n")).collect();
        let after = before.replace("Para 3.", "Para three.");
        let c = compare(&before, &after, &Options::default());
        let out = hunks(&c, 40, Style::Plain, &Options::default(), 1);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 5, "{out}");
        assert_eq!(lines[0], "… 1 unchanged paragraph …");
        assert!(lines[1].starts_with("Para 2."), "{out}");
        assert!(lines[3].starts_with("Para 4."), "{out}");
        assert_eq!(lines[4], "… 2 unchanged paragraphs …");
    }
}
