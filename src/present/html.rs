//! The standalone HTML report (`storydiff --html FILE`): the same markup and
//! stylesheet as the page's side-by-side view, with every piece of text
//! escaped.

use super::{runs, Mark};
use crate::{Comparison, Row, RowKind};

/// The page's stylesheet, in the order www/page/page.css imports it: its
/// base, the ledger's shared rules, then what the page does differently.
const STYLE: [&str; 3] = [
    include_str!("../../www/style.css"),
    include_str!("../../www/ledger.css"),
    include_str!("../../www/ledger-page.css"),
];

/// A self-contained HTML document showing the comparison side by side.
pub fn report(comparison: &Comparison<'_>, title: &str) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    escape_into(&mut out, title);
    out.push_str("</title>\n<style>\n");
    for part in STYLE {
        out.push_str(part);
    }
    out.push_str("</style>\n</head>\n<body>\n<main class=\"sd-report\">\n<h1>");
    escape_into(&mut out, title);
    out.push_str("</h1>\n");
    if let Some(note) = super::line_endings_note(comparison) {
        out.push_str("<p class=\"sd-note\">");
        escape_into(&mut out, &note);
        out.push_str("</p>\n");
    }
    super::ledger::html(&mut out, comparison, escape_into);
    view(&mut out, comparison);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The side-by-side view's markup, as www/views.js `view` builds it on the
/// page, attribute for attribute, except for what needs the page's script:
/// a long unchanged row is shown whole (the page folds its middle behind a
/// button), a move's link to its other end is a link (a button), and page
/// furniture is a `<details>` holding its row (a bar with a toggle).
/// tests/e2e/report.test.mjs holds the rest equal on every corpus pair; so
/// no white space between the rows either (the page's DOM has none).
fn view(out: &mut String, comparison: &Comparison<'_>) {
    out.push_str(
        "<div class=\"sd-view\" role=\"table\" aria-label=\"Side by side: Before on the left, After on the right\">\
         <div class=\"sd-head\" role=\"row\"><div role=\"columnheader\">Before</div><div role=\"columnheader\">After</div></div>",
    );
    for (index, row) in comparison.rows.iter().enumerate() {
        let kind = match row.kind {
            RowKind::Equal => "equal",
            RowKind::Changed => "changed",
            RowKind::Added => "added",
            RowKind::Removed => "removed",
            RowKind::Moved => "moved",
            RowKind::Noise => "noise",
        };
        if row.kind == RowKind::Noise {
            // Collapsed, as in the page; <details> needs no script. The
            // words are the page's bar's.
            out.push_str("<details class=\"sd-noise-bar\"><summary>");
            escape_into(out, &noise_words(row));
            out.push_str("</summary>");
        }
        out.push_str(&format!(
            "<div class=\"sd-row sd-{kind}{}\" id=\"sd-row-{index}\" data-kind=\"{kind}\" role=\"row\"{}>",
            if row.cosmetic { " sd-row-cosmetic" } else { "" },
            if row.kind == RowKind::Moved && row.partner.is_some() {
                " tabindex=\"-1\""
            } else {
                ""
            }
        ));
        // The row's number in the gutter (style.css), as the page shows it:
        // the "row N" of the ledger's links.
        let number = index + 1;
        // The same words on both sides are read once, as one cell that
        // spans both columns.
        let same = row.kind == RowKind::Equal && row.before == row.after;
        for before in [true, false] {
            let (class, text) = if before {
                ("sd-before", row.before)
            } else {
                ("sd-after", row.after)
            };
            let empty = if text.is_none() { " sd-empty" } else { "" };
            out.push_str(&format!("<div class=\"{class}{empty}\""));
            if before {
                out.push_str(&format!(" data-n=\"{number}\""));
            }
            out.push_str(" role=\"cell\" dir=\"auto\"");
            if text.is_none() {
                if before {
                    out.push_str(&format!(" aria-label=\"Row {number}: not in Before\""));
                } else {
                    out.push_str(" aria-label=\"Not in After\"");
                }
            }
            if same {
                out.push_str(if before {
                    " aria-colspan=\"2\""
                } else {
                    " aria-hidden=\"true\""
                });
            }
            out.push('>');
            // (One side holds marks of one kind only, so none is set apart
            // from its neighbour as in the ledger's quotes: no `sd-joined`.)
            for (mark, text) in runs(row, before) {
                let (open, close) = match mark {
                    Mark::Plain | Mark::Noise => ("", ""),
                    Mark::Deleted => ("<del>", "</del>"),
                    Mark::Inserted => ("<ins>", "</ins>"),
                    Mark::Cosmetic if before => ("<del class=\"sd-cosmetic\">", "</del>"),
                    Mark::Cosmetic => ("<ins class=\"sd-cosmetic\">", "</ins>"),
                };
                out.push_str(open);
                escape_into(out, text);
                out.push_str(close);
            }
            if !before {
                if row.split {
                    out.push_str("<span class=\"sd-note\">split in two</span>");
                }
                if row.merged {
                    out.push_str("<span class=\"sd-note\">two paragraphs merged</span>");
                }
            }
            if let Some(partner) = row.partner.filter(|_| row.kind == RowKind::Moved) {
                // On the side the row has: "to" from its Before end, "from"
                // at its After end.
                if before == row.before.is_some() {
                    let words = if row.before.is_none() {
                        "↑ Moved from row"
                    } else {
                        "↓ Moved to row"
                    };
                    out.push_str(&format!(
                        "<a class=\"sd-move-link\" href=\"#sd-row-{partner}\">{words} {}</a>",
                        partner + 1
                    ));
                }
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
        if row.kind == RowKind::Noise {
            out.push_str("</details>");
        }
    }
    out.push_str("</div>\n");
}

/// The words of a page-furniture bar, as www/views.js `noiseBar` says them:
/// "Page furniture set aside: 4 lines Before, 1 line After."
fn noise_words(row: &Row<'_>) -> String {
    let lines =
        |t: Option<&str>| t.map_or(0, |t| t.lines().filter(|l| !l.trim().is_empty()).count());
    let counts: Vec<String> = [(lines(row.before), "Before"), (lines(row.after), "After")]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, side)| format!("{n} line{} {side}", if n == 1 { "" } else { "s" }))
        .collect();
    format!("Page furniture set aside: {}.", counts.join(", "))
}

/// Appends `text` with `&`, `<`, `>`, `"` and `'` escaped, and control
/// characters shown as their visible symbols.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if u32::from(c) < 0x20 => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}'))
            }
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Options};

    #[test]
    fn report_escapes_text_and_marks_changes() {
        let c = compare(
            "<b>one</b> & two\n",
            "<b>one</b> & three\n",
            &Options::default(),
        );
        let html = report(&c, "a <title>");
        assert!(
            html.contains("&lt;b&gt;one&lt;/b&gt; &amp; <del>two</del>"),
            "{html}"
        );
        assert!(html.contains("<ins>three</ins>"));
        assert!(html.contains("<title>a &lt;title&gt;</title>"));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn report_numbers_rows_as_the_ledger_links_them() {
        let c = compare(
            "Intro.\n\nThe toll rose to 145 on Monday.\n",
            "Intro.\n\nThe toll rose to 148 on Monday.\n",
            &Options::default(),
        );
        let html = report(&c, "t");
        assert!(
            html.contains("<a class=\"sd-row-link\" href=\"#sd-row-1\">row 2</a>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<div class=\"sd-row sd-changed\" id=\"sd-row-1\" data-kind=\"changed\" role=\"row\">\
                 <div class=\"sd-before\" data-n=\"2\" role=\"cell\" dir=\"auto\">"
            ),
            "{html}"
        );
    }

    #[test]
    fn report_links_the_two_ends_of_a_move() {
        let c = compare(
            "A first paragraph of the story.\n\nA second one, about the toll.\n\nA third one, about the weather.\n",
            "A second one, about the toll.\n\nA third one, about the weather.\n\nA first paragraph of the story.\n",
            &Options::default(),
        );
        let html = report(&c, "t");
        let moved: Vec<usize> = c
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == RowKind::Moved)
            .map(|(i, _)| i)
            .collect();
        let [from, to] = moved[..] else {
            panic!("one move: {:?}", c.rows)
        };
        let (from, to) = if c.rows[from].before.is_some() {
            (from, to)
        } else {
            (to, from)
        };
        assert!(
            html.contains(&format!(
                "<a class=\"sd-move-link\" href=\"#sd-row-{to}\">↓ Moved to row {}</a>",
                to + 1
            )),
            "{html}"
        );
        assert!(
            html.contains(&format!(
                "<a class=\"sd-move-link\" href=\"#sd-row-{from}\">↑ Moved from row {}</a>",
                from + 1
            )),
            "{html}"
        );
    }

    #[test]
    fn report_collapses_noise() {
        let c = compare(
            "clip_0001.jpg\nJane Doe/AFP\nNow playing\n02:27\n\nBody.\n",
            "Body.\n",
            &Options::default(),
        );
        let html = report(&c, "t");
        assert!(
            html.contains("<details class=\"sd-noise-bar\"><summary>Page furniture set aside: 4 lines Before.</summary>"),
            "{html}"
        );
    }
}
