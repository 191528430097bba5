//! The native half of `read`: html5gum, a WHATWG HTML tokenizer, turns
//! the markup into the events the reading rules consume. Not in the wasm:
//! the page parses with the browser's own parser (see `read.rs`).

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::Reader;

/// Tokenizes `html` and reads the tokens by the rules.
pub(super) fn read_html(html: &str) -> String {
    let mut emitter = DefaultEmitter::default();
    // Script, style, textarea, title, iframe, noscript... hold raw text up
    // to their end tag, as a parser would switch the tokenizer's state.
    emitter.naively_switch_states(true);
    let mut reader = Reader::default();
    for token in Tokenizer::new_with_emitter(html, emitter) {
        let token = match token {
            Ok(token) => token,
            Err(never) => match never {},
        };
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                reader.start(&name);
                // The parser honours "/>" only on foreign elements (on an
                // HTML element it means nothing: `<div/>` opens a div).
                if tag.self_closing && matches!(&*name, "svg" | "math") {
                    reader.end(&name);
                }
            }
            Token::EndTag(tag) => reader.end(&String::from_utf8_lossy(&tag.name)),
            Token::String(text) => reader.text(&String::from_utf8_lossy(&text)),
            // Comments, doctypes and the tokenizer's parse errors.
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    reader.finish()
}
