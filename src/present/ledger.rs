//! The ledger's few lines for the CLI: a summary, the changed figures and
//! the quotes that were added, removed or altered; and the same as HTML for
//! the report, with links to the rows.

use crate::{Change, Comparison, Figure, Quote, Stats, Tag};

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
        "These texts share little wording ({}%): they read as two tellings of one event \
         (two outlets, or a rewrite). \
         Sentences are paired by what they report: {} in both, {} only in Before, {} only in After.",
        // Rounded half up, as the page's Math.round (`{:.0}` would round
        // half to even).
        (c.ledger.stats.shared_wording * 100.0).round(),
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

/// The ledger's markup for the HTML report: element for element, class for
/// class and word for word what www/ledger.js `ledger` builds on the page
/// for the same model, links to `#sd-row-N` included, and no white space
/// between tags that the page's DOM does not have either
/// (tests/e2e/report.test.mjs holds the two equal on every corpus pair).
pub(crate) fn html(out: &mut String, c: &Comparison<'_>, escape: fn(&mut String, &str)) {
    let l = &c.ledger;
    let mut h = Markup { out, escape };
    h.raw("<section class=\"sd-ledger\" aria-label=\"Ledger: what changed\">");
    h.element("p", "sd-stats", &summary_line(&l.stats));
    if let Some(line) = outlets_line(c) {
        h.element("p", "sd-outlets-note", &line);
    }
    let outlets = l.outlets.is_some();
    if !l.quotes.is_empty() {
        let (moved, still): (Vec<&Quote>, Vec<&Quote>) =
            l.quotes.iter().partition(|q| q.change != Change::Unchanged);
        h.raw("<div class=\"sd-quotes\"><h2>Quotes</h2>");
        if !moved.is_empty() {
            h.list(&moved, "quote", |h, q| quote_item(h, q, outlets));
        }
        if !still.is_empty() {
            // The model lists only the unchanged quotes near a change
            // (MODEL.md), as the summary says.
            h.raw("<details class=\"sd-unchanged\"><summary>");
            let noun = format!("{} quote", change_word(Change::Unchanged, outlets));
            h.text(&format!("{} near the changes", plural(still.len(), &noun)));
            h.raw("</summary><ul>");
            for q in still {
                quote_item(&mut h, q, outlets);
            }
            h.raw("</ul></details>");
        }
        h.raw("</div>");
    }
    if !l.figures.is_empty() {
        h.raw("<div class=\"sd-figures\"><h2>Figures</h2>");
        let figures: Vec<&Figure> = l.figures.iter().collect();
        h.list(&figures, "figure", |h, f| {
            h.raw("<li class=\"sd-figure\">");
            h.element("del", "", &f.before);
            h.raw(" → ");
            h.element("ins", "", &f.after);
            h.element("span", "sd-context", &format!(" {}", f.context));
            if let Some(r) = row_of(f.before_row, f.after_row) {
                h.raw(" ");
                h.row_link(r);
            }
            h.raw("</li>");
        });
        h.raw("</div>");
    }
    if let Some(o) = l.outlets.as_ref().filter(|o| !o.sentences.is_empty()) {
        // Open: for two tellings of one event, this pairing is the most
        // useful part of the comparison.
        h.raw(
            "<details class=\"sd-outlets\" open=\"\"><summary>Sentences, outlet against outlet</summary>\
             <div class=\"sd-pairs\"><div class=\"sd-pair sd-pair-head\">\
             <div class=\"sd-before\">Before</div><div class=\"sd-after\">After</div><div></div></div>",
        );
        for p in &o.sentences {
            let (class, badge) = match (&p.before, &p.after) {
                (None, _) => ("sd-pair sd-after-only", "only in After"),
                (_, None) => ("sd-pair sd-before-only", "only in Before"),
                _ => ("sd-pair", "in both"),
            };
            h.open("div", class);
            h.element("div", "sd-before", p.before.as_deref().unwrap_or(""));
            h.element("div", "sd-after", p.after.as_deref().unwrap_or(""));
            h.raw("<div class=\"sd-pair-notes\">");
            h.element("span", "sd-badge", badge);
            if p.quote {
                h.element("span", "sd-badge", "quote");
            }
            if p.figure {
                h.element("span", "sd-badge", "figure");
            }
            if let Some(r) = row_of(p.before_row, p.after_row) {
                h.row_link(r);
            }
            h.raw("</div></div>");
        }
        h.raw("</div></details>");
    }
    h.raw("</section>\n");
}

/// One quote of the ledger, as www/ledger.js `quoteItem` builds it.
fn quote_item(h: &mut Markup<'_>, q: &Quote, outlets: bool) {
    let speaker = q.speaker.as_deref().filter(|s| !s.is_empty());
    h.open(
        "li",
        &format!("sd-quote sd-quote-{}", change_word(q.change, false)),
    );
    h.element("span", "sd-badge", change_word(q.change, outlets));
    h.raw(" ");
    let mut who = speaker.unwrap_or("unattributed").to_string();
    if let Some(b) = q.before_speaker.as_deref().filter(|b| !b.is_empty()) {
        who.push_str(&format!(" (Before: {b})"));
    }
    let class = if speaker.is_some() {
        "sd-speaker"
    } else {
        "sd-speaker sd-unknown"
    };
    h.element("span", class, &who);
    h.raw(": <q>");
    if !q.inline.is_empty() {
        // A mark right against one of the other kind is set apart by CSS
        // (`sd-joined`), as www/dom.js `mark` does it.
        let mut last = Tag::Equal;
        for p in &q.inline {
            let name = match p.tag {
                Tag::Equal => {
                    h.text(&p.text);
                    last = Tag::Equal;
                    continue;
                }
                Tag::Delete => "del",
                Tag::Insert => "ins",
            };
            let joined = last != Tag::Equal && last != p.tag;
            let class = match (p.cosmetic, joined) {
                (false, false) => "",
                (true, false) => "sd-cosmetic",
                (false, true) => "sd-joined",
                (true, true) => "sd-cosmetic sd-joined",
            };
            h.element(name, class, &p.text);
            last = p.tag;
        }
    } else {
        match q.change {
            Change::Removed => h.element("del", "", q.before.as_deref().unwrap_or("")),
            Change::Added => h.element("ins", "", q.after.as_deref().unwrap_or("")),
            _ => h.text(q.after.as_deref().unwrap_or("")),
        }
    }
    h.raw("</q>");
    if q.regrouped {
        h.element("span", "sd-ledger-note", " (regrouped)");
    }
    if let Some(b) = q.before_attribution.as_deref().filter(|b| !b.is_empty()) {
        // The line that attributes a statement was edited: the old line
        // struck, the new one marked.
        h.raw("<span class=\"sd-ledger-note sd-attribution\"> attributed: ");
        h.element("del", "", b);
        h.raw(" → ");
        h.element("ins", "", q.attribution.as_deref().unwrap_or(""));
        h.raw("</span>");
    }
    if let Some(r) = row_of(q.before_row, q.after_row) {
        h.raw(" ");
        h.row_link(r);
    }
    h.raw("</li>");
}

/// A few helpers that write markup as www/dom.js `el` builds it: a class
/// attribute only when there is a class, text always escaped.
struct Markup<'a> {
    out: &'a mut String,
    escape: fn(&mut String, &str),
}

impl Markup<'_> {
    fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    fn text(&mut self, text: &str) {
        (self.escape)(self.out, text);
    }

    fn open(&mut self, name: &str, class: &str) {
        self.out.push('<');
        self.out.push_str(name);
        if !class.is_empty() {
            self.out.push_str(" class=\"");
            self.out.push_str(class);
            self.out.push('"');
        }
        self.out.push('>');
    }

    /// An element holding only text.
    fn element(&mut self, name: &str, class: &str, text: &str) {
        self.open(name, class);
        self.text(text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// The link to row `r` (0-based) of the view: "row r+1".
    fn row_link(&mut self, r: usize) {
        self.out.push_str(&format!(
            "<a class=\"sd-row-link\" href=\"#sd-row-{r}\">row {}</a>",
            r + 1
        ));
    }

    /// A list of `items`, the first LIST shown and the rest folded under
    /// "N more …", as www/ledger.js `listInto`.
    fn list<T>(&mut self, items: &[T], noun: &str, item: impl Fn(&mut Self, &T)) {
        self.raw("<ul>");
        for x in items.iter().take(LIST) {
            item(self, x);
        }
        self.raw("</ul>");
        if items.len() > LIST {
            self.raw("<details class=\"sd-more\"><summary>");
            let more = format!("more {noun}");
            self.text(&plural(items.len() - LIST, &more));
            self.raw("</summary><ul>");
            for x in &items[LIST..] {
                item(self, x);
            }
            self.raw("</ul></details>");
        }
    }
}
