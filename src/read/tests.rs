//! The reading rules, through html5gum (`read_html`, native) and through
//! events shaped as a browser's tree gives them (`read_events`).

use super::*;

#[cfg(not(target_arch = "wasm32"))]
mod html {
    use super::super::read_html;

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
            "</br></nav></article>",
            "<svg/><math/>",
            "\0<p>\0</p>",
        ] {
            let _ = read_html(html);
        }
        assert_eq!(read_html("1 < 2"), "1 < 2\n");
        assert_eq!(read_html("<p a='>'>x</p>"), "x\n");
    }

    /// Issue 14: every named reference the spec lists, not a short table.
    #[test]
    fn every_named_reference_is_decoded() {
        assert_eq!(
            read_html("<p>caf&eacute; &hellip; &mdash; it&rsquo;s&nbsp;x &Aacute;&notin;&frac34;&NotNestedGreaterGreater;&zwj;</p>"),
            "café … — it’s\u{a0}x Á∉¾\u{2aa2}\u{338}\u{200d}\n"
        );
    }

    /// The legacy references may go without their semicolon, as the spec
    /// reads them in text; others may not.
    #[test]
    fn a_legacy_reference_needs_no_semicolon() {
        assert_eq!(
            read_html("<p>&copy 2024 AT&amp;T &amp &eacutex &notit; &hellip &unknown;</p>"),
            "© 2024 AT&T & éx ¬it; &hellip &unknown;\n"
        );
    }

    /// Numeric references as the spec maps them: the C1 range as
    /// Windows-1252, NUL and surrogates as U+FFFD.
    #[test]
    fn numeric_references_are_mapped_as_the_spec_says() {
        assert_eq!(
            read_html("<p>&#x80;&#150;&#0;&#xD800;&#x1F600;</p>"),
            "€–\u{fffd}\u{fffd}😀\n"
        );
    }

    /// A `<head>` left open does not swallow the page (the parser closes
    /// it at the first text or body tag).
    #[test]
    fn an_open_head_keeps_the_body() {
        assert_eq!(
            read_html("<html><head><title>T</title><meta charset=utf-8><body><p>A</p>"),
            "A\n"
        );
    }

    /// Linear: a megabyte of scripts (each switching the tokenizer to
    /// script data and back), of dropped elements left open with end tags
    /// that close none of them, and of paragraphs, each read in full.
    #[test]
    fn a_megabyte_of_tags_is_read_in_one_pass() {
        let scripts = "<script>var a = '<p>';</script><p>x</p>".repeat(30_000);
        assert!(scripts.len() > 1_000_000);
        let text = read_html(&scripts);
        assert_eq!(text.matches('x').count(), 30_000);
        assert!(!text.contains("var"));

        let mut open = "<nav>".repeat(100_000);
        open.push_str(&"</div>".repeat(100_000));
        open.push_str(&"</nav>".repeat(100_000));
        open.push_str("<p>after</p>");
        assert!(open.len() > 1_000_000);
        assert_eq!(read_html(&open), "after\n");

        let unclosed = "<script>".repeat(150_000);
        assert_eq!(read_html(&unclosed), "");
    }
}

/// A tree's events: what `www/html.js` sends for `html` as the browser
/// parses it, written out by hand.
fn tree(events: &[(char, &'static str)]) -> Vec<HtmlEvent<'static>> {
    events
        .iter()
        .map(|&(k, s)| match k {
            '<' => HtmlEvent::Start(s),
            '>' => HtmlEvent::End(s),
            _ => HtmlEvent::Text(s),
        })
        .collect()
}

/// The browser closes a `<p>` at the next block and gives every element
/// its end; the rules read the same paragraphs as from the tokens.
#[test]
fn a_tree_reads_as_its_tokens() {
    // <p>A<div>B</div>C</p><br>D
    let from_tree = read_events(tree(&[
        ('<', "html"),
        ('<', "head"),
        ('>', "head"),
        ('<', "body"),
        ('<', "p"),
        ('t', "A"),
        ('>', "p"),
        ('<', "div"),
        ('t', "B"),
        ('>', "div"),
        ('t', "C"),
        ('<', "p"),
        ('>', "p"),
        ('<', "br"),
        ('t', "D"),
        ('>', "body"),
        ('>', "html"),
    ]));
    assert_eq!(from_tree, "A\n\nB\n\nC\n\nD\n");
    #[cfg(not(target_arch = "wasm32"))]
    assert_eq!(read_html("<p>A<div>B</div>C</p><br>D"), from_tree);
}

#[test]
fn a_dropped_element_left_open_closes_with_its_name() {
    let text = read_events(tree(&[
        ('<', "nav"),
        ('<', "aside"),
        ('t', "menu"),
        ('>', "div"),
        ('>', "nav"),
        ('t', "story"),
    ]));
    assert_eq!(text, "story\n");
}

#[test]
fn a_stray_end_tag_changes_nothing() {
    let text = read_events(tree(&[
        ('>', "article"),
        ('>', "blockquote"),
        ('>', "nav"),
        ('<', "p"),
        ('t', "one  two"),
        ('>', "br"),
        ('t', "three"),
        ('>', "p"),
    ]));
    assert_eq!(text, "one two\nthree\n");
}
