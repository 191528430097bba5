//! Fuzz `compare`: the input is one options byte, then Before and After
//! split at the first 0xFF byte (never part of UTF-8). Invalid UTF-8 is
//! read lossily, as a browser would show it. Checks that nothing panics,
//! the rows rebuild both texts, and inline pieces rebuild their rows.
#![no_main]

use libfuzzer_sys::fuzz_target;
use storydiff::{compare, Options, Tag};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let split = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len());
    let before = String::from_utf8_lossy(&rest[..split]);
    let after = String::from_utf8_lossy(rest.get(split + 1..).unwrap_or_default());
    let options = Options {
        ignore_case: flags & 1 != 0,
        ignore_whitespace: flags & 2 != 0,
        ignore_punctuation: flags & 4 != 0,
        // A short deadline keeps runs fast; the deadline path is fuzzed too.
        deadline_ms: if flags & 8 != 0 { 0 } else { 200 },
        // Display-only options (noise shown, cosmetic hidden) and any added
        // later: the defaults, so the target keeps building as Options grows.
        ..Options::default()
    };
    let c = compare(&before, &after, &options);

    let rebuilt_before: String = c.rows.iter().filter_map(|r| r.before).collect();
    let rebuilt_after: String = c.rows.iter().filter_map(|r| r.after).collect();
    assert_eq!(rebuilt_before, before, "rows must rebuild Before");
    assert_eq!(rebuilt_after, after, "rows must rebuild After");
    for row in &c.rows {
        if row.inline.is_empty() {
            continue;
        }
        let partner = row.partner.map(|p| &c.rows[p]);
        let b = row
            .before
            .or(partner.and_then(|p| p.before))
            .expect("a Before end");
        let a = row
            .after
            .or(partner.and_then(|p| p.after))
            .expect("an After end");
        let rebuild = |keep: Tag| -> String {
            row.inline
                .iter()
                .filter(|p| p.tag == Tag::Equal || p.tag == keep)
                .map(|p| p.text)
                .collect()
        };
        assert_eq!(
            rebuild(Tag::Delete),
            b,
            "pieces must rebuild the row's Before"
        );
        assert_eq!(
            rebuild(Tag::Insert),
            a,
            "pieces must rebuild the row's After"
        );
    }
    let _ = c.to_json();
});
