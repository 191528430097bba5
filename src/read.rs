//! Read: the story's text out of pasted HTML (rich text from a browser).
//!
//! The page's paste handler hands the clipboard's `text/html` here (through
//! the wasm boundary) and puts the result in the text area as plain text;
//! the CLI does the same for `.html` files. Pasted HTML is never inserted
//! into the live DOM, and nothing here loads, runs or resolves anything: it
//! is a small, forgiving tokenizer that keeps text and drops the page
//! around it.
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
//!   space (kept as is inside `<pre>`). Character references are decoded.
//!
//! It runs in one pass over the input, so it is linear in its size.

/// Elements dropped with everything inside them.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside",
    "form", "button", "select", "textarea", "iframe", "object", "canvas", "figure", "head",
    "title", "dialog", "menu",
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

/// Where a paragraph was found: the story's best container wins.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Page,
    Main,
    Article,
}

/// The story's text in `html`: paragraphs separated by blank lines, ending
/// with a line break (empty when there is no text).
pub fn read_html(html: &str) -> String {
    let mut reader = Reader::default();
    let bytes = html.as_bytes();
    let mut at = 0;
    while at < html.len() {
        if bytes[at] == b'<' {
            at = reader.tag(html, at);
        } else {
            let end = html[at..].find('<').map_or(html.len(), |k| at + k);
            reader.text(&html[at..end]);
            at = end;
        }
    }
    reader.finish()
}

#[derive(Default)]
struct Reader {
    /// Paragraphs found so far, with where they stood.
    paragraphs: Vec<(Place, String)>,
    current: String,
    /// Open dropped elements (their content is skipped).
    dropped: Vec<String>,
    /// How many `<article>` and `<main>` elements are open.
    articles: usize,
    mains: usize,
    /// Inside `<pre>`: white space is kept.
    pre: usize,
    /// Inside `<blockquote>`: each line is marked "> ".
    quoted: usize,
}

impl Reader {
    fn place(&self) -> Place {
        if self.articles > 0 {
            Place::Article
        } else if self.mains > 0 {
            Place::Main
        } else {
            Place::Page
        }
    }

    /// Reads the markup starting at `at` (a `<`); returns where text resumes.
    fn tag(&mut self, html: &str, at: usize) -> usize {
        let rest = &html[at..];
        if let Some(body) = rest.strip_prefix("<!--") {
            return body.find("-->").map_or(html.len(), |k| at + 4 + k + 3);
        }
        if rest.starts_with("<!") || rest.starts_with("<?") {
            return rest.find('>').map_or(html.len(), |k| at + k + 1);
        }
        let closing = rest.starts_with("</");
        let name_start = at + if closing { 2 } else { 1 };
        let name: String = html[name_start..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // A lone "<" is text.
            self.text("<");
            return at + 1;
        }
        let end = tag_end(html, name_start + name.len());
        let self_closing = html[..end].ends_with("/>");
        let name = name.as_str();

        if !self.dropped.is_empty() {
            if closing {
                if let Some(k) = self.dropped.iter().rposition(|d| d == name) {
                    self.dropped.truncate(k);
                }
            } else if DROPPED.contains(&name) && !self_closing {
                self.dropped.push(name.to_string());
            }
            return end;
        }
        if !closing && DROPPED.contains(&name) && !self_closing {
            // Raw-text elements end at their end tag, whatever is inside.
            if matches!(name, "script" | "style" | "textarea" | "title") {
                // Found without lower-casing the rest of the document (at
                // every such tag, that was quadratic).
                let close = format!("</{name}");
                let rest = &html.as_bytes()[end..];
                let found = memchr::memmem::find_iter(rest, b"</").find(|&k| {
                    rest[k..].len() >= close.len()
                        && rest[k..k + close.len()].eq_ignore_ascii_case(close.as_bytes())
                });
                return found.map_or(html.len(), |k| tag_end(html, end + k + close.len()));
            }
            self.dropped.push(name.to_string());
            return end;
        }
        if BLOCKS.contains(&name) || name == "br" {
            if name == "br" {
                self.current.push('\n');
            } else {
                self.paragraph();
            }
        }
        match (name, closing) {
            ("article", false) => self.articles += 1,
            ("article", true) => self.articles = self.articles.saturating_sub(1),
            ("main", false) => self.mains += 1,
            ("main", true) => self.mains = self.mains.saturating_sub(1),
            ("pre", false) => self.pre += 1,
            ("pre", true) => self.pre = self.pre.saturating_sub(1),
            ("blockquote", false) => self.quoted += 1,
            ("blockquote", true) => self.quoted = self.quoted.saturating_sub(1),
            ("li", false) => self.current.push_str("- "),
            ("td" | "th", false) => self.space(),
            _ => {}
        }
        end
    }

    fn text(&mut self, raw: &str) {
        if !self.dropped.is_empty() {
            return;
        }
        let decoded = decode(raw);
        if self.pre > 0 {
            self.current.push_str(&decoded);
            return;
        }
        for c in decoded.chars() {
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

/// The index just past the `>` that ends a tag whose attributes start at
/// `from`, skipping `>` inside quoted attribute values.
fn tag_end(html: &str, from: usize) -> usize {
    let mut quote: Option<char> = None;
    for (k, c) in html[from..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return from + k + 1,
            _ => {}
        }
    }
    html.len()
}

/// Decodes character references (`&amp;`, `&#8217;`, `&#x2014;`).
fn decode(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let semi = rest[end..].starts_with(';');
        match entity(name) {
            Some(c) if !name.is_empty() => {
                out.push(c);
                rest = &rest[end + usize::from(semi)..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "pound" => '£',
        "euro" => '€',
        "middot" => '·',
        "bull" => '•',
        "shy" => '\u{ad}',
        "thinsp" => '\u{2009}',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "oacute" => 'ó',
        "uuml" => 'ü',
        "ouml" => 'ö',
        "auml" => 'ä',
        "ccedil" => 'ç',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_script_ends_at_its_end_tag_in_any_case() {
        assert_eq!(
            read_html("<p>A</p><script>if (a </b) x = '</p>';</SCRIPT ><p>B</p><style>p{}</Style><p>C</p>"),
            "A\n\nB\n\nC\n"
        );
    }

    #[test]
    fn a_block_quote_keeps_its_sign() {
        assert_eq!(
            read_html("<p>Jane Doe said:</p><blockquote><p>We will act.</p><p>Now.<br>Today.</p></blockquote><p>End.</p>"),
            "Jane Doe said:\n\n> We will act.\n\n> Now.\n> Today.\n\nEnd.\n"
        );
    }

    #[test]
    fn keeps_the_article_and_drops_the_page() {
        let html = r#"<html><head><title>T</title><style>p{}</style></head><body>
            <nav><a href="/">Home</a></nav><header>Site</header>
            <article><h1>Six killed</h1><figure><img src="a.jpg"><figcaption>Photo/AFP</figcaption></figure>
            <p>Rescuers   searched &amp; found&nbsp;more.</p><script>alert(1)</script>
            <p>“It’s bad,” he said.<br>Next line.</p><ul><li>One</li><li>Two</li></ul></article>
            <aside>Related</aside><footer>© Site</footer></body></html>"#;
        assert_eq!(
            read_html(html),
            "Six killed\n\nRescuers searched & found\u{a0}more.\n\n“It’s bad,” he said.\nNext line.\n\n- One\n\n- Two\n"
        );
    }

    #[test]
    fn without_an_article_the_body_is_read() {
        assert_eq!(
            read_html("<div>First</div><div>Second &#8212; &#x2019;</div>"),
            "First\n\nSecond — ’\n"
        );
    }

    #[test]
    fn broken_markup_never_panics() {
        for html in [
            "<",
            "<p",
            "</",
            "&",
            "&#xZZ;",
            "<!--",
            "<script>x",
            "a<b>c",
            "<p a='>'>x",
        ] {
            let _ = read_html(html);
        }
        assert_eq!(read_html("1 < 2"), "1 < 2\n");
        assert_eq!(read_html("<p a='>'>x</p>"), "x\n");
    }
}
