// One case, run natively (tests/pairs.rs) and as wasm (tests/wasm.rs), where
// the shared wording's word count takes its sixteen-byte path (SWAR
// natively, SIMD in the wasm): an equal paragraph of n words, then one
// changed paragraph of two words on each side. The equal row adds n - 1
// shared word pairs to both versions, and each version has two pairs of its
// own, so the share is 2(n - 1) / (2(n - 1) + 4) = (n - 1) / (n + 1),
// rounded to three places: one word miscounted moves it by 0.001 or more.
fn shared_wording_case() -> (String, String, f64) {
    let paragraph = "The 12 ministers’ talks in Geneva—on 5 May, at 10:30—were said to be \
                     close; “We are near,” one said. Café owners, 3 of them, agreed: rates \
                     rose 2.5% to £1,750 a month for 2022 and 2023 alike, in every_one of the \
                     ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 districts.";
    // Its words as `text::words` cuts them: runs of letters and digits (49
    // here), with "2.5", "1,750" and "every_one" one word each.
    let runs = paragraph
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    let n = (runs - 3) as f64;
    let expected = ((n - 1.0) / (n + 1.0) * 1000.0).round() / 1000.0;
    (
        format!("{paragraph}\n\nalpha beta\n"),
        format!("{paragraph}\n\ngamma delta\n"),
        expected,
    )
}
