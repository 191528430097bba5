//! The terminal's side-by-side view: Before on the left, After on the
//! right, in colour on a terminal and with plain markers when piped.

use super::{runs, Mark};
use crate::{Comparison, Options, RowKind};

/// How the terminal view marks changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// ANSI colours: red deletions, green insertions, dim noise.
    Colour,
    /// Plain text: `[-deleted-]`, `{+inserted+}`, `{~cosmetic~}`.
    Plain,
}

/// Renders the comparison as two columns in `width` characters, noise
/// collapsed to a count.
pub fn side_by_side(comparison: &Comparison<'_>, width: usize, style: Style) -> String {
    side_by_side_with(comparison, width, style, &Options::default())
}

/// [`side_by_side`], with the display options (`show_noise`,
/// `hide_cosmetic`) taken from `options`.
pub fn side_by_side_with(
    comparison: &Comparison<'_>,
    width: usize,
    style: Style,
    options: &Options,
) -> String {
    let column = (width.max(24) - 3) / 2;
    let mut out = String::new();
    if let Some(note) = super::line_endings_note(comparison) {
        out.push_str(&note);
        out.push('\n');
    }
    for row in &comparison.rows {
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
    out
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
            s.chars().count()
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
                    .map_or(0, |w| w.chars().count());
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
        if self.used >= self.width {
            self.newline();
            if c == ' ' {
                return;
            }
        }
        self.line.push(c);
        self.used += 1;
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
}
