//! The ledger's few lines for the CLI: a summary, the changed figures and
//! the quotes that were added, removed or altered; and the same as HTML for
//! the report, with links to the rows.

use crate::{Change, Comparison, Stats};

/// Most figures and quotes listed; the rest are counted.
const LIST: usize = 12;

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// The one-line summary of the stats, in the words of the page's ledger
/// and `StoryDiff.summary` (www/story-diff.js `summary`): a move is one
/// paragraph, and a paragraph whose changes are all cosmetic is counted
/// apart from those changed.
pub(crate) fn summary_line(s: &Stats) -> String {
    let mut parts = Vec::new();
    if s.words_added + s.words_removed > 0 {
        parts.push(format!(
            "+{}, −{}",
            plural(s.words_added, "word"),
            plural(s.words_removed, "word")
        ));
    }
    for (n, what) in [
        (s.paragraphs_changed, "changed"),
        (s.paragraphs_added, "added"),
        (s.paragraphs_removed, "removed"),
        (s.paragraphs_moved, "moved"),
    ] {
        if n > 0 {
            parts.push(format!("{} {what}", plural(n, "paragraph")));
        }
    }
    if s.paragraphs_cosmetic > 0 {
        parts.push(format!(
            "{} with cosmetic changes only",
            plural(s.paragraphs_cosmetic, "paragraph")
        ));
    }
    let quotes: Vec<String> = [
        (s.quotes_added, "added"),
        (s.quotes_removed, "removed"),
        (s.quotes_changed, "changed"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, w)| format!("{n} {w}"))
    .collect();
    if !quotes.is_empty() {
        parts.push(format!("quotes: {}", quotes.join(", ")));
    }
    if s.figures_changed > 0 {
        parts.push(format!("{} changed", plural(s.figures_changed, "figure")));
    }
    if parts.is_empty() {
        "No changes".to_string()
    } else {
        parts.join(" · ")
    }
}

fn outlets_line(c: &Comparison<'_>) -> Option<String> {
    let o = c.ledger.outlets.as_ref()?;
    Some(format!(
        "These texts share little wording ({:.0}%): they read as two tellings of one event \
         (two outlets, or a rewrite). \
         Sentences paired by what they report: {} in both, {} only in Before, {} only in After.",
        c.ledger.stats.shared_wording * 100.0,
        o.in_both,
        o.before_only,
        o.after_only
    ))
}

fn change_word(c: Change, outlets: bool) -> &'static str {
    match (c, outlets) {
        (Change::Added, false) => "added",
        (Change::Removed, false) => "removed",
        (Change::Changed, false) => "changed",
        (Change::Unchanged, false) => "unchanged",
        (Change::Added, true) => "only in After",
        (Change::Removed, true) => "only in Before",
        (Change::Changed, true) => "in both, reworded",
        (Change::Unchanged, true) => "in both",
    }
}

fn row_of(before: Option<usize>, after: Option<usize>) -> Option<usize> {
    after.or(before)
}

/// The ledger as a few lines of text, for the top of the terminal view.
pub fn summary(c: &Comparison<'_>) -> String {
    let l = &c.ledger;
    let mut out = format!("Summary: {}\n", summary_line(&l.stats));
    if let Some(line) = outlets_line(c) {
        out.push_str(&line);
        out.push('\n');
    }
    for f in l.figures.iter().take(LIST) {
        let row = row_of(f.before_row, f.after_row)
            .map_or(String::new(), |r| format!(" (row {})", r + 1));
        out.push_str(&format!("Figure: {} → {}{row}\n", f.before, f.after));
    }
    if l.figures.len() > LIST {
        out.push_str(&format!("… and {} more figures\n", l.figures.len() - LIST));
    }
    let outlets = l.outlets.is_some();
    let quotes: Vec<_> = l
        .quotes
        .iter()
        .filter(|q| q.change != Change::Unchanged)
        .collect();
    for q in quotes.iter().take(LIST) {
        let row = row_of(q.before_row, q.after_row)
            .map_or(String::new(), |r| format!(" (row {})", r + 1));
        let words = q.after.as_deref().or(q.before.as_deref()).unwrap_or("");
        let short: String = words.chars().take(90).collect();
        let more = if short.len() < words.len() { "…" } else { "" };
        out.push_str(&format!(
            "Quote {} ({}): “{short}{more}”{}{row}\n",
            change_word(q.change, outlets),
            who(q),
            if q.regrouped { " (regrouped)" } else { "" }
        ));
        if let Some(b) = &q.before_attribution {
            out.push_str(&format!(
                "  attributed: “{b}” → “{}”\n",
                q.attribution.as_deref().unwrap_or("")
            ));
        }
    }
    if quotes.len() > LIST {
        out.push_str(&format!("… and {} more quotes\n", quotes.len() - LIST));
    }
    out
}

/// Who said a quote, as the page says it: the speaker, and Before's when
/// it was someone else ("Yvonne Daly (Before: Jamie Holloway)").
fn who(q: &crate::Quote) -> String {
    let mut who = q.speaker.clone().unwrap_or_else(|| "unattributed".into());
    if let Some(b) = &q.before_speaker {
        who.push_str(&format!(" (Before: {b})"));
    }
    who
}

/// The ledger's markup for the HTML report: what the page shows above the
/// side-by-side view, links to `#sd-row-N` included.
pub(crate) fn html(out: &mut String, c: &Comparison<'_>, escape: fn(&mut String, &str)) {
    let l = &c.ledger;
    out.push_str(
        "<section class=\"sd-ledger\" aria-label=\"Ledger: what changed\">\n<p class=\"sd-stats\">",
    );
    escape(out, &summary_line(&l.stats));
    out.push_str("</p>\n");
    if let Some(line) = outlets_line(c) {
        out.push_str("<p class=\"sd-outlets-note\">");
        escape(out, &line);
        out.push_str("</p>\n");
    }
    let link = |out: &mut String, row: Option<usize>| {
        if let Some(r) = row {
            out.push_str(&format!(
                " <a class=\"sd-row-link\" href=\"#sd-row-{r}\">row {}</a>",
                r + 1
            ));
        }
    };
    let outlets = l.outlets.is_some();
    if !l.quotes.is_empty() {
        out.push_str("<div class=\"sd-quotes\"><h2>Quotes</h2>\n<ul>\n");
        for q in &l.quotes {
            let change = change_word(q.change, false);
            out.push_str(&format!(
                "<li class=\"sd-quote sd-quote-{change}\"><span class=\"sd-badge\">"
            ));
            escape(out, change_word(q.change, outlets));
            out.push_str("</span> <span class=\"sd-speaker\">");
            escape(out, &who(q));
            out.push_str("</span>: <q>");
            if !q.inline.is_empty() {
                for p in &q.inline {
                    let (open, close) = match p.tag {
                        crate::Tag::Equal => ("", ""),
                        crate::Tag::Delete => ("<del>", "</del>"),
                        crate::Tag::Insert => ("<ins>", "</ins>"),
                    };
                    out.push_str(open);
                    escape(out, &p.text);
                    out.push_str(close);
                }
            } else {
                escape(
                    out,
                    q.after.as_deref().or(q.before.as_deref()).unwrap_or(""),
                );
            }
            out.push_str("</q>");
            if q.regrouped {
                out.push_str("<span class=\"sd-ledger-note\"> (regrouped)</span>");
            }
            if let Some(b) = &q.before_attribution {
                out.push_str("<span class=\"sd-ledger-note sd-attribution\"> attributed: <del>");
                escape(out, b);
                out.push_str("</del> → <ins>");
                escape(out, q.attribution.as_deref().unwrap_or(""));
                out.push_str("</ins></span>");
            }
            link(out, row_of(q.before_row, q.after_row));
            out.push_str("</li>\n");
        }
        out.push_str("</ul></div>\n");
    }
    if !l.figures.is_empty() {
        out.push_str("<div class=\"sd-figures\"><h2>Figures</h2>\n<ul>\n");
        for f in &l.figures {
            out.push_str("<li class=\"sd-figure\"><del>");
            escape(out, &f.before);
            out.push_str("</del> → <ins>");
            escape(out, &f.after);
            out.push_str("</ins> <span class=\"sd-context\">");
            escape(out, &f.context);
            out.push_str("</span>");
            link(out, row_of(f.before_row, f.after_row));
            out.push_str("</li>\n");
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</section>\n");
}
