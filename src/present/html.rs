//! The standalone HTML report (`storydiff --html FILE`): the same markup and
//! stylesheet as the page's side-by-side view, with every piece of text
//! escaped.

use super::{runs, Mark};
use crate::{Comparison, RowKind};

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

/// The side-by-side view's markup, as the page's `render` builds it.
fn view(out: &mut String, comparison: &Comparison<'_>) {
    out.push_str(
        "<div class=\"sd-view\">\n<div class=\"sd-head\"><div>Before</div><div>After</div></div>\n",
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
            // Collapsed, as in the page; <details> needs no script.
            let lines = |t: Option<&str>| {
                t.map_or(0, |t| t.lines().filter(|l| !l.trim().is_empty()).count())
            };
            out.push_str(&format!(
                "<details class=\"sd-noise-bar\"><summary>Page furniture set aside: {} lines Before, {} lines After</summary>",
                lines(row.before),
                lines(row.after)
            ));
        }
        out.push_str(&format!(
            "<div class=\"sd-row sd-{kind}\" id=\"sd-row-{index}\">"
        ));
        // The row's number in the gutter (style.css), as the page shows it:
        // the "row N" of the ledger's links.
        let number = index + 1;
        for before in [true, false] {
            if before {
                out.push_str(&format!("<div class=\"sd-before\" data-n=\"{number}\">"));
            } else {
                out.push_str("<div class=\"sd-after\">");
            }
            for (mark, text) in runs(row, before) {
                let (open, close) = match mark {
                    Mark::Plain => ("", ""),
                    Mark::Deleted => ("<del>", "</del>"),
                    Mark::Inserted => ("<ins>", "</ins>"),
                    Mark::Cosmetic if before => ("<del class=\"sd-cosmetic\">", "</del>"),
                    Mark::Cosmetic => ("<ins class=\"sd-cosmetic\">", "</ins>"),
                    Mark::Noise => ("<span class=\"sd-noise-text\">", "</span>"),
                };
                out.push_str(open);
                escape_into(out, text);
                out.push_str(close);
            }
            out.push_str("</div>");
        }
        out.push_str("</div>");
        if row.kind == RowKind::Noise {
            out.push_str("</details>");
        }
        out.push('\n');
    }
    out.push_str("</div>\n");
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
        assert!(html.contains("<div class=\"sd-row sd-changed\" id=\"sd-row-1\"><div class=\"sd-before\" data-n=\"2\">"), "{html}");
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
            html.contains("<details class=\"sd-noise-bar\"><summary>Page furniture set aside: 4 lines Before, 0 lines After</summary>"),
            "{html}"
        );
    }
}
