//! Read: the story's text out of HTML (rich text pasted from a browser, or
//! a saved page).
//!
//! Two halves. A spec-compliant HTML tokenizer or parser turns the markup
//! into [`HtmlEvent`]s (start tag, end tag, text with its character
//! references decoded), and one set of reading rules here turns those
//! events into the story's text. Natively (the CLI, Rust users) the
//! tokenizer is html5gum ([`read_html`], in `read/tokenize.rs`); in the
//! browser the page already has the WHATWG parser, so `www/html.js` walks
//! the document `DOMParser` builds (inert: no script runs, nothing loads)
//! and hands the wasm the same events (`readEvents` in `wasm.rs`). The
//! wasm therefore carries no tokenizer and no table of named references:
//! html5gum is a dependency of native targets only (Cargo.toml).
//!
//! The rules:
//!
//! - The story is the content of `<article>` when the page has one, else of
//!   `<main>`, else the whole body.
//! - Elements that are never story are dropped with their content: scripts,
//!   styles, navigation, headers, footers, asides, forms, buttons, frames,
//!   figures (image, caption and credit).
//! - Block elements (paragraphs, headings, list items, table rows...) become
//!   paragraphs separated by a blank line; `<br>` a line break; list items
//!   start with "- ", and each line of a `<blockquote>` with "> " (the sign
//!   plain text and e-mail give a quotation; the quote finder reads it as a
//!   statement's extent). White space inside a paragraph collapses to one
//!   space (kept as is inside `<pre>`).
//!
//! A parser's tree closes what the markup left open and a tokenizer's
//! stream does not, so the rules read both shapes: an end tag with nothing
//! open is ignored, a block's end is a paragraph's end wherever it comes,
//! and `</br>` is a line break (the parser makes it a `<br>`). The e2e test
//! `tests/e2e/read.test.mjs` holds the page's reading to the CLI's on every
//! devset page.
//!
//! Linear in the events: each event is a constant number of look-ups in
//! short tables; a dropped element's end pops the stack of open dropped
//! elements only when one of that name is open (a count per name), so each
//! push is popped at most once.

#[cfg(not(target_arch = "wasm32"))]
mod tokenize;

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside",
    "form", "button", "select", "textarea", "iframe", "object", "canvas", "figure", "title",
    "dialog", "menu",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "figcaption",
    "address",
    "hr",
    "center",
    "details",
    "summary",
];

/// One step of an HTML document, in document order: what the reading
/// rules consume. Element names are lower case, as the HTML tokenizer and
/// the DOM give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HtmlEvent<'a> {
    /// A start tag: the element's name (`"p"`).
    Start(&'a str),
    /// An end tag: the element's name.
    End(&'a str),
    /// Text, its character references already decoded.
    Text(&'a str),
}

/// The story's text in `html`: paragraphs separated by blank lines, ending
/// with a line break (empty when there is no text). The markup is read by
/// html5gum, a WHATWG tokenizer: every named character reference, raw text
/// in scripts and styles, comments and CDATA as the spec reads them.
/// (Native targets only: on wasm32 the page's own HTML parser gives
/// [`read_events`] the events.)
#[cfg(not(target_arch = "wasm32"))]
pub fn read_html(html: &str) -> String {
    tokenize::read_html(html)
}

/// The story's text read off a document's events (see [`HtmlEvent`]), as
/// [`read_html`] reads them off its tokens: for a caller with its own HTML
/// parser, such as a browser's DOM walked in document order.
pub fn read_events<'a>(events: impl IntoIterator<Item = HtmlEvent<'a>>) -> String {
    let mut reader = Reader::default();
    for event in events {
        reader.event(event);
    }
    reader.finish()
}

/// Where a paragraph was found: the story's best container wins.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Page,
    Main,
    Article,
}

/// The reading rules' state over one document.
#[derive(Default)]
struct Reader {
    /// Paragraphs found so far, with where they stood.
    paragraphs: Vec<(Place, String)>,
    current: String,
    /// Open dropped elements, as indices into `DROPPED` (their content is
    /// skipped), and how many of each name are open.
    dropped: Vec<usize>,
    open: [u32; DROPPED.len()],
    /// How many `<article>` and `<main>` elements are open.
    articles: usize,
    mains: usize,
    /// Inside `<pre>`: white space is kept.
    pre: usize,
    /// Inside `<blockquote>`: each line is marked "> ".
    quoted: usize,
}

impl Reader {
    fn event(&mut self, event: HtmlEvent<'_>) {
        match event {
            HtmlEvent::Start(name) => self.start(name),
            HtmlEvent::End(name) => self.end(name),
            HtmlEvent::Text(text) => self.text(text),
        }
    }

    fn place(&self) -> Place {
        if self.articles > 0 {
            Place::Article
        } else if self.mains > 0 {
            Place::Main
        } else {
            Place::Page
        }
    }

    fn start(&mut self, name: &str) {
        if let Some(k) = DROPPED.iter().position(|d| *d == name) {
            self.dropped.push(k);
            self.open[k] += 1;
            return;
        }
        if !self.dropped.is_empty() || self.breaks(name) {
            return;
        }
        match name {
            "article" => self.articles += 1,
            "main" => self.mains += 1,
            "pre" => self.pre += 1,
            "blockquote" => self.quoted += 1,
            "li" => self.current.push_str("- "),
            "td" | "th" => self.space(),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        if !self.dropped.is_empty() {
            // Closes the innermost open dropped element of that name and
            // any left open inside it; an end tag with none open is skipped.
            if let Some(k) = DROPPED.iter().position(|d| *d == name) {
                if self.open[k] > 0 {
                    while let Some(top) = self.dropped.pop() {
                        self.open[top] -= 1;
                        if top == k {
                            break;
                        }
                    }
                }
            }
            return;
        }
        if self.breaks(name) {
            return;
        }
        match name {
            "article" => self.articles = self.articles.saturating_sub(1),
            "main" => self.mains = self.mains.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            "blockquote" => self.quoted = self.quoted.saturating_sub(1),
            _ => {}
        }
    }

    /// What a tag of `name` breaks, start or end alike: `<br>` (and
    /// `</br>`, which the HTML parser reads as `<br>`) a line, returning
    /// true (it is nothing else); a block the paragraph.
    fn breaks(&mut self, name: &str) -> bool {
        if name == "br" {
            self.current.push('\n');
            return true;
        }
        if BLOCKS.contains(&name) {
            self.paragraph();
        }
        false
    }

    fn text(&mut self, text: &str) {
        if !self.dropped.is_empty() {
            return;
        }
        // U+0000: the tree builder drops it from the body's text; the
        // tokenizer passes it on.
        if self.pre > 0 {
            self.current.extend(text.chars().filter(|c| *c != '\0'));
            return;
        }
        for c in text.chars() {
            if c == '\0' {
                continue;
            }
            if c.is_whitespace() && c != '\u{a0}' {
                self.space();
            } else {
                self.current.push(c);
            }
        }
    }

    /// One space, never two, never at the start of a line.
    fn space(&mut self) {
        if !(self.current.is_empty() || self.current.ends_with([' ', '\n'])) {
            self.current.push(' ');
        }
    }

    /// Ends the current paragraph.
    fn paragraph(&mut self) {
        if self.current.is_empty() {
            return;
        }
        let text: String = self
            .current
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .join("\n");
        let text = text.trim_matches('\n');
        if !text.is_empty() && text != "-" {
            let text = if self.quoted > 0 {
                // A block quote keeps its sign, as plain text and e-mail
                // write it: the quote finder reads it (a press release's
                // statement), and a reader sees it.
                text.lines()
                    .map(|l| format!("> {l}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            } else {
                text.to_string()
            };
            self.paragraphs.push((self.place(), text));
        }
        self.current.clear();
    }

    fn finish(mut self) -> String {
        self.paragraph();
        let best = self
            .paragraphs
            .iter()
            .map(|(p, _)| *p)
            .max()
            .unwrap_or(Place::Page);
        let mut out = self
            .paragraphs
            .into_iter()
            .filter(|(p, _)| *p == best)
            .map(|(_, t)| t)
            .collect::<Vec<_>>()
            .join("\n\n");
        if !out.is_empty() {
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests;
