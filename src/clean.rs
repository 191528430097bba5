//! Clean: tell page furniture from the story.
//!
//! Text pasted from a news page carries more than the story: video
//! carousels, photo credits, image file names, "Now playing", durations,
//! share buttons, advertising leftovers. This stage marks such blocks as
//! noise from their *shape*, never from a list of known pages:
//!
//! - **strong** signs, enough on their own: a duration with its source
//!   (`05:25 - Source: X`; a bare `05:25` counts only inside a run), an image or video file name, a credit line (`Name/AGENCY`,
//!   `Photo: X`), a short call to action or widget label (share, subscribe,
//!   advertisement, gallery, now playing...), a lone lower-case word left
//!   over from a layout;
//! - **weak** signs: a short line (a title, a name), or a line repeated
//!   within two blocks of itself (a caption printed twice). A short line
//!   repeated all over the text is only weak: it is as often a section
//!   heading ("COVID-19" in a weekly report) as a widget.
//!
//! A strong block is noise. A run of weak and strong blocks with no blank
//! line between them (a carousel, a list of links) is noise when at least a
//! third of it, and at least two blocks, are strong. Long paragraphs that
//! are not repeated stop a run, so the article is never swallowed.
//!
//! Every pass is linear: a block is compared with its four neighbours only,
//! and only short blocks are cut into words.

use crate::segment::Block;
use crate::text;

/// Most words in a block that can be a weak sign (a title, a name).
const SHORT_WORDS: usize = 12;
/// Most characters in a short block.
const SHORT_CHARS: usize = 100;
/// Most words in a credit line or a call to action.
const LABEL_WORDS: usize = 8;
/// Blocks longer than this (in bytes) are never short: no sign applies.
const LONG_BYTES: usize = 400;
/// No sign applies to a block of more words than this.
const MOST_WORDS: usize = 15;
/// How far apart (in blocks) a repeated caption may stand.
const REPEAT_WINDOW: usize = 2;

/// Words that open a call to action or name a page widget. Matched on a
/// block's first words, lower-cased, and only on short blocks.
const WIDGET_OPENERS: &[&str] = &[
    "advert",
    "sponsored",
    "gallery",
    "now playing",
    "up next",
    "watch",
    "play video",
    "listen",
    "share",
    "tweet",
    "email this",
    "print",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "follow us",
    "follow on",
    "read more",
    "more from",
    "see also",
    "related",
    "click",
    "tap here",
    "skip to",
    "explore the topic",
    "download",
    "comments",
    "show comments",
    "photo:",
    "photos:",
    "image:",
    "credit:",
    "video:",
];

/// Bytes of a block's lower-cased start that `widget` reads: the longest
/// opener and one character more.
const WIDGET_HEAD: usize = 18;

/// File name endings of images and videos.
const MEDIA_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "svg", "bmp", "tif", "tiff", "avif", "mp4", "mov", "m4v",
    "webm", "mp3",
];

/// Which blocks of each version are noise: `true` at the index of each
/// furniture block. A block's own signs are read once for all the blocks
/// with its content, in either version (two versions of one story share
/// most blocks; a table repeats its cells).
pub(crate) fn noise_both(before: &[Block<'_>], after: &[Block<'_>]) -> (Vec<bool>, Vec<bool>) {
    let mut seen = Seen {
        signs: std::collections::HashMap::with_capacity_and_hasher(
            before.len().max(after.len()),
            text::Prehashed::default(),
        ),
    };
    let signs_before: Vec<Signs> = before.iter().map(|b| seen.signs(b)).collect();
    let signs_after: Vec<Signs> = after.iter().map(|b| seen.signs(b)).collect();
    (
        classify(before, &signs_before),
        classify(after, &signs_after),
    )
}

/// The signs of each block content read so far, by a hash of its bytes.
struct Seen<'a> {
    signs: std::collections::HashMap<u64, (&'a str, Signs), text::Prehashed>,
}

impl<'a> Seen<'a> {
    fn signs(&mut self, block: &Block<'a>) -> Signs {
        let (key, content) = (block.hash, block.content);
        match self.signs.get(&key) {
            Some(&(c, signs)) if c == content => signs,
            Some(_) => Signs::of(content),
            None => {
                let signs = Signs::of(content);
                self.signs.insert(key, (content, signs));
                signs
            }
        }
    }
}

/// What a block's own shape says, whatever stands around it.
#[derive(Clone, Copy)]
struct Signs {
    /// It has a word: a block without one takes part in no run.
    words: bool,
    /// Furniture on its own.
    alone: bool,
    /// Counts as strong inside a run.
    strong: bool,
    /// Short (a weak sign).
    short: bool,
}

impl Signs {
    fn of(content: &str) -> Self {
        let s = Shape::of(content);
        let alone = s.words != 0 && s.strong();
        Signs {
            words: s.words != 0,
            alone,
            strong: alone || (s.words != 0 && s.duration()),
            short: s.short(),
        }
    }
}

/// Which blocks are noise, from each block's signs and its neighbours.
fn classify(blocks: &[Block<'_>], signs: &[Signs]) -> Vec<bool> {
    let n = blocks.len();
    let mut alone = vec![false; n];
    let mut strong = vec![false; n];
    let mut weak = vec![false; n];
    for i in 0..n {
        let s = signs[i];
        if !s.words {
            continue;
        }
        let near_repeat = (i.saturating_sub(REPEAT_WINDOW)..(i + REPEAT_WINDOW + 1).min(n))
            .any(|k| k != i && same_text(blocks[k].content, blocks[i].content));
        alone[i] = s.alone;
        strong[i] = s.strong;
        weak[i] = strong[i] || s.short || near_repeat;
    }

    let mut out = alone;
    let mut i = 0;
    while i < n {
        if !weak[i] {
            i += 1;
            continue;
        }
        // A run of weak blocks, no blank line between them.
        let start = i;
        while i + 1 < n && weak[i + 1] && !blank_after(blocks[i].text) {
            i += 1;
        }
        let end = i + 1;
        let run = end - start;
        let strong_count = strong[start..end].iter().filter(|&&s| s).count();
        if strong_count >= 2 && strong_count * 3 >= run {
            out[start..end].iter_mut().for_each(|x| *x = true);
        }
        i = end;
    }
    out
}

/// True when two texts are the same but for white space. Cheap: most
/// pairs differ in their first few characters.
fn same_text<'a>(a: &'a str, b: &'a str) -> bool {
    // Contents are trimmed: two that open with different ASCII bytes differ.
    match (a.as_bytes().first(), b.as_bytes().first()) {
        (Some(x), Some(y)) if x != y && x.is_ascii() && y.is_ascii() => return false,
        _ => {}
    }
    let visible = |s: &'a str| s.chars().filter(|c| !c.is_whitespace());
    a.len().abs_diff(b.len()) <= a.len() / 8 + 4 && visible(a).eq(visible(b))
}

/// True when a block's text ends with a blank line (a paragraph break).
fn blank_after(block_text: &str) -> bool {
    let tail = &block_text[block_text.trim_end().len()..];
    tail.matches('\n').count() >= 2
}

/// The shape of one block: what the classifier looks at.
struct Shape<'a> {
    content: &'a str,
    /// Word tokens (letters or digits).
    words: usize,
    chars: usize,
    lines: usize,
}

impl<'a> Shape<'a> {
    fn of(content: &'a str) -> Self {
        // Every sign needs a short block (at most `MOST_WORDS` words): a
        // long one is not tokenized. No sign reads `chars` or `lines` of a
        // long block.
        let long = Shape {
            content,
            words: usize::MAX,
            chars: usize::MAX,
            lines: usize::MAX,
        };
        if content.len() > LONG_BYTES {
            return long;
        }
        let chars = if content.is_ascii() {
            content.len()
        } else {
            content.chars().count()
        };
        // A block too long to be short (a weak sign) is cut into words only
        // when it has what a strong sign needs besides few words: there,
        // only whether it has a word at all is read.
        if chars > SHORT_CHARS
            && !(duration_token(content)
                || may_name_media(content)
                || content.contains('/')
                || opener(content))
        {
            let any = content.chars().any(text::is_alnum);
            return if any {
                long
            } else {
                Shape { words: 0, ..long }
            };
        }
        // Counting stops past `MOST_WORDS`. Where cutting costs more (text
        // beyond news copy's characters), pieces are counted first: each
        // space-separated piece with a letter or digit holds a word or more,
        // so many such pieces make a long block without cutting it.
        let words = match text::words::count_known(content, MOST_WORDS + 1) {
            Some(words) => words,
            None => {
                let pieces = content
                    .split_whitespace()
                    .filter(|w| w.chars().any(text::is_alnum))
                    .take(MOST_WORDS + 1)
                    .count();
                if pieces > MOST_WORDS {
                    return long;
                }
                text::words::count(content)
            }
        };
        if words > MOST_WORDS {
            return long;
        }
        Shape {
            content,
            words,
            chars,
            lines: content.lines().filter(|l| !l.trim().is_empty()).count(),
        }
    }

    fn short(&self) -> bool {
        self.words <= SHORT_WORDS && self.chars <= SHORT_CHARS
    }

    /// Furniture on its own. A bare duration is not: "19:30" in a list of
    /// events is a time of day; it only counts inside a run.
    fn strong(&self) -> bool {
        (self.duration() && self.words > 2)
            || self.media_file()
            || self.credit()
            || self.widget()
            || self.leftover()
    }

    /// `05:25`, `1:02:33`, `05:25 - Source: CNN`.
    fn duration(&self) -> bool {
        self.lines == 1 && self.words <= 6 && duration_token(self.content)
    }

    /// A block that names an image or video file: `intv_00025015.jpg`.
    fn media_file(&self) -> bool {
        if self.words > MOST_WORDS || !may_name_media(self.content) {
            return false;
        }
        self.content.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            match w.rsplit_once('.') {
                Some((stem, ext)) => {
                    !stem.is_empty() && MEDIA_EXTENSIONS.iter().any(|e| ext.eq_ignore_ascii_case(e))
                }
                None => false,
            }
        })
    }

    /// A photo or video credit: a short line of names joined by slashes
    /// (`Amer Al Shami/ Save the Children`, `MANDEL NGAN/AFP/Getty Images`)
    /// that is not a sentence.
    fn credit(&self) -> bool {
        if self.lines != 1
            || self.words > LABEL_WORDS
            || !self.content.contains('/')
            || ends_sentence(self.content)
        {
            return false;
        }
        let chars: Vec<char> = self.content.chars().collect();
        let slash_between_names = chars.iter().enumerate().any(|(k, &c)| {
            c == '/'
                && k > 0
                && chars[k - 1].is_alphabetic()
                && chars[k + 1..]
                    .iter()
                    .find(|c| !c.is_whitespace())
                    .is_some_and(|c| c.is_uppercase())
        });
        let names = self
            .content
            .split(|c: char| c.is_whitespace() || c == '/')
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect::<Vec<_>>();
        // Every word a name, bar short links ("the", "al", "via").
        let names_only = names
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() <= 3);
        slash_between_names && names_only
    }

    /// A short call to action or widget label: "Share this page",
    /// "Advertisement", "Now playing", "- Share on Twitter"; or such a
    /// label and a colon, then a headline: "Related: Aid Workers Find
    /// Shocking Scenes", "Read more: …".
    fn widget(&self) -> bool {
        if self.lines != 1 || self.words == 0 {
            return false;
        }
        let labelled = || {
            memchr::memchr(b':', self.content.as_bytes())
                .is_some_and(|at| text::words::count(&self.content[..at]) <= 2)
        };
        (self.words <= LABEL_WORDS.min(6) || labelled())
            && opener(self.content)
            && !ends_sentence(self.content)
    }

    /// A lone lower-case word on its own line: a layout leftover ("of").
    fn leftover(&self) -> bool {
        self.words == 1 && self.chars <= 3 && self.content.chars().all(|c| c.is_lowercase())
    }
}

/// True when a text's first word is a duration or a time: `05:25`,
/// `1:02:33`.
fn duration_token(content: &str) -> bool {
    // A duration opens with a digit.
    if !content.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let first = content.split_whitespace().next().unwrap_or("");
    let mut parts = 0;
    first.split(':').enumerate().all(|(k, p)| {
        parts += 1;
        p.bytes().all(|b| b.is_ascii_digit())
            && (1..=2).contains(&p.len())
            && (k == 0 || p.len() == 2)
    }) && (2..=3).contains(&parts)
}

/// True when a text may name a media file: a media extension follows a
/// full stop somewhere (`media_file` then looks closer).
fn may_name_media(content: &str) -> bool {
    memchr::memchr_iter(b'.', content.as_bytes()).any(|at| {
        let rest = &content.as_bytes()[at + 1..];
        // Every extension starts with a letter: "12.5" is no file name.
        rest.first().is_some_and(u8::is_ascii_alphabetic)
            && MEDIA_EXTENSIONS.iter().any(|e| {
                rest.get(..e.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(e.as_bytes()))
            })
    })
}

/// True when a text opens with a call to action or a widget's label
/// (`WIDGET_OPENERS`), lower-cased, past any leading punctuation.
fn opener(content: &str) -> bool {
    let body = content.trim_start_matches(|c: char| !text::is_alnum(c));
    // Every opener starts with a letter: a block that starts with a digit
    // (a table's cell) opens no widget.
    if body.as_bytes().first().is_some_and(|b| b.is_ascii_digit()) {
        return false;
    }
    let bytes = body.as_bytes();
    let Some(&first) = bytes.first() else {
        return false;
    };
    // An opener's letters, then a character that is not a letter or a
    // digit (a short opener must be a whole word).
    let ends = |opener: &str, rest: &str| {
        opener.ends_with(':')
            || opener.len() >= 6
            || rest.chars().next().is_none_or(|c| !c.is_alphanumeric())
    };
    if first.is_ascii() {
        // ASCII at the start: compared in place, ignoring case, without
        // lower-casing a copy; an opener holds only ASCII, so a byte beyond
        // it ends the comparison.
        let first = first.to_ascii_lowercase();
        return WIDGET_OPENERS.iter().any(|opener| {
            let o = opener.as_bytes();
            o[0] == first
                && bytes
                    .get(..o.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(o))
                && ends(opener, &body[o.len()..])
        });
    }
    // Every opener starts with an ASCII letter: a first character whose
    // lower case does not (all of Chinese, Arabic, Cyrillic...) opens none.
    if !body
        .chars()
        .next()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| c.is_ascii_lowercase())
    {
        return false;
    }
    // Beyond ASCII, the first characters lower-cased: each lower-cases to
    // one character or more, so they hold an opener and a character more.
    let head: String = body
        .chars()
        .take(WIDGET_HEAD)
        .flat_map(char::to_lowercase)
        .collect();
    WIDGET_OPENERS
        .iter()
        .any(|opener| head.starts_with(opener) && ends(opener, &head[opener.len()..]))
}

/// True when a text ends like a sentence (full stop, question or
/// exclamation mark, closing quote).
fn ends_sentence(s: &str) -> bool {
    s.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '”' | '’' | '»' | '。'))
}

/// The blocks that are not page furniture (`noise` false), and the index
/// of each in `all`.
pub(crate) fn article<'a>(all: &[Block<'a>], noise: Vec<bool>) -> (Vec<Block<'a>>, Vec<usize>) {
    all.iter()
        .zip(noise)
        .enumerate()
        .filter(|(_, (_, n))| !n)
        .map(|(k, (b, _))| (*b, k))
        .unzip()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn noisy(text: &str) -> Vec<&str> {
        let blocks = segment::blocks(text);
        noise_both(&blocks, &[])
            .0
            .into_iter()
            .zip(&blocks)
            .filter(|(n, _)| *n)
            .map(|(_, b)| b.content)
            .collect()
    }

    #[test]
    fn a_carousel_is_noise_and_the_article_is_not() {
        let text = "clip one_00012.jpg\nJane Doe/AFP/Getty Images\nNow playing\n02:27\n\
                    A title of a video\nNow playing\n01:10\nAnother title\n\n\
                    Story highlights\n\nThe minister said on Saturday that talks would go ahead.\n";
        assert_eq!(
            noisy(text),
            [
                "clip one_00012.jpg",
                "Jane Doe/AFP/Getty Images",
                "Now playing",
                "02:27",
                "A title of a video",
                "Now playing",
                "01:10",
                "Another title"
            ]
        );
    }

    #[test]
    fn the_widget_head_holds_every_opener_and_a_character_more() {
        assert!(WIDGET_OPENERS.iter().all(|o| o.len() < WIDGET_HEAD));
        assert_eq!(noisy("Share\n\nBody."), ["Share"]);
        assert_eq!(noisy("SHARE THIS\n\nBody."), ["SHARE THIS"]);
        assert!(noisy("Sharepoint guide\n\nBody.").is_empty());
        assert_eq!(noisy("Ça — Share on X\n\nBody.").len(), 0);
    }

    #[test]
    fn a_label_and_a_headline_is_noise_and_a_sentence_is_not() {
        let text = "Lead paragraph.\n\n\
                    Related: Aid Workers Entering the Town Find Shocking Scenes There\n\n\
                    Read more: Ten things we learned from the long night of talks\n\n\
                    Related: the two cases are linked, the police said in a statement.\n\n\
                    Watch the president and the envoy speak in front of the cameras\n\n\
                    Share prices in the region fell sharply on the news on Monday\n";
        assert_eq!(
            noisy(text),
            [
                "Related: Aid Workers Entering the Town Find Shocking Scenes There",
                "Read more: Ten things we learned from the long night of talks",
            ]
        );
    }

    #[test]
    fn a_duration_with_its_source_is_noise() {
        assert_eq!(
            noisy("05:25 - Source: CNN\n\nBody."),
            ["05:25 - Source: CNN"]
        );
    }

    #[test]
    fn layout_leftovers_are_noise() {
        assert_eq!(
            noisy("First.\n\nAdvertisment\n\nof\n\nGallery:\n\nSecond."),
            ["Advertisment", "of", "Gallery:"]
        );
    }

    #[test]
    fn short_article_lines_are_not_noise() {
        let text = "Kerry: ‘Serious consequences’\n\nHe said: “Watch out.”\n\n\
                    Both sides claim truce violations\n\nDr Jane Roe, Director, said:\n";
        assert!(noisy(text).is_empty());
    }

    #[test]
    fn a_sentence_with_a_slash_is_not_a_credit() {
        assert!(noisy("The 24/7 service closed.\n\nIt and/or they left.\n").is_empty());
        assert!(
            noisy("Pre/Post-natal support groups\n\nConsent to enter NRM/Duty to Notify\n")
                .is_empty()
        );
    }

    #[test]
    fn a_time_in_a_schedule_is_not_noise() {
        assert!(noisy("Events.\n\n19:30\n\nThe King will hold a vigil.\n").is_empty());
    }
}
