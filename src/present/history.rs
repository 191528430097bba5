//! The history's few lines for the CLI: the versions, each figure's line of
//! values, each quote's life, the changes a later version undid; and the
//! heading of each step.

use crate::History;

/// Most figures, quotes and undone changes listed; the rest are counted.
const LIST: usize = 12;

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}{}", if n == 1 { "" } else { "s" })
}

/// A version's label, with the date its text carries.
fn name(h: &History<'_>, v: usize) -> String {
    let info = &h.versions[v];
    match &info.date {
        Some(date) => format!("{} ({date})", info.label),
        None => info.label.clone(),
    }
}

fn short(words: &str) -> String {
    let cut: String = words.chars().take(90).collect();
    if cut.len() < words.len() {
        cut + "…"
    } else {
        cut
    }
}

/// The heading of the step from version `from` to version `to`.
pub fn step_heading(h: &History<'_>, from: usize, to: usize) -> String {
    format!(
        "── Step {} of {}: {} → {} ──\n",
        to,
        h.versions.len() - 1,
        name(h, from),
        name(h, to)
    )
}

/// The history as a few lines of text, for the top of the terminal view.
pub fn history(h: &History<'_>) -> String {
    let n = h.versions.len();
    let mut out = format!(
        "History: {}, {} to {}\n",
        plural(n, "version"),
        name(h, 0),
        name(h, n.saturating_sub(1))
    );
    let p = &h.paragraphs;
    let added = p.iter().filter(|p| p.appeared > 0).count();
    let changed = p.iter().filter(|p| !p.changed.is_empty()).count();
    let went = p.iter().filter(|p| p.went.is_some()).count();
    out.push_str(&format!(
        "Paragraphs: {} in all; {added} added after the first version, {changed} changed, {went} removed\n",
        p.len()
    ));
    let label = |v: usize| h.versions[v].label.as_str();
    for f in h.figures.iter().take(LIST) {
        let values: Vec<&str> = f.values.iter().map(|v| v.value.as_str()).collect();
        let versions: Vec<&str> = f.values.iter().map(|v| label(v.version)).collect();
        out.push_str(&format!(
            "Figure: {} ({}): {}\n",
            values.join(" → "),
            versions.join(", "),
            short(&f.context)
        ));
    }
    if h.figures.len() > LIST {
        out.push_str(&format!("… and {} more figures\n", h.figures.len() - LIST));
    }
    let lives: Vec<_> = h
        .quotes
        .iter()
        .filter(|q| !q.changes.is_empty() || q.appeared > 0 || q.went.is_some())
        .collect();
    for q in lives.iter().take(LIST) {
        let mut events = Vec::new();
        if q.appeared > 0 {
            events.push(format!("added in {}", label(q.appeared)));
        }
        for c in &q.changes {
            match &c.before_speaker {
                Some(from) => events.push(format!(
                    "given to {} (was {from}) in {}",
                    c.speaker.as_deref().unwrap_or("no one"),
                    label(c.version)
                )),
                None => events.push(format!("reworded in {}", label(c.version))),
            }
        }
        if let Some(v) = q.went {
            events.push(format!("removed in {}", label(v)));
        }
        out.push_str(&format!(
            "Quote ({}): {}: “{}”\n",
            q.speaker.as_deref().unwrap_or("unattributed"),
            events.join(", "),
            short(&q.words)
        ));
    }
    if lives.len() > LIST {
        out.push_str(&format!("… and {} more quotes\n", lives.len() - LIST));
    }
    for u in h.undone.iter().take(LIST) {
        let what = match u.kind {
            crate::UndoneKind::Edit => "an edit",
            crate::UndoneKind::Removal => "a removal",
        };
        out.push_str(&format!(
            "Undone: {what} of {} put back in {}: “{}”\n",
            label(u.changed),
            label(u.undone),
            short(u.text)
        ));
    }
    if h.undone.len() > LIST {
        out.push_str(&format!("… and {} more undone\n", h.undone.len() - LIST));
    }
    out
}
