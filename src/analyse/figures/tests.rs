//! Figures: the forms news copy writes them in, and how they pair.

use super::*;

fn check(before: &str, after: &str, expect: &[(&str, &str)]) {
    assert_eq!(
        differ(before, after, true),
        expect,
        "{before:?} → {after:?}"
    );
}

/// The forms figures take in news copy, each with an edit of it: the
/// figure is read whole, so the ledger pairs the whole old value with
/// the whole new one.
/// A form: its name, a sentence, the sentence edited, the figures
/// paired.
type FigureForm = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const FORMS: &[FigureForm] = &[
    (
        "a number in words, hyphenated",
        "Thirty-two schools closed.",
        "Thirty-four schools closed.",
        &[("Thirty-two", "Thirty-four")],
    ),
    (
        "a number in words",
        "It took twenty-one days.",
        "It took nine days.",
        &[("twenty-one", "nine")],
    ),
    (
        "a dozen",
        "A dozen people were hurt.",
        "Two dozen people were hurt.",
        &[("A dozen", "Two dozen")],
    ),
    (
        "an ordinal",
        "It is the 21st report.",
        "It is the 22nd report.",
        &[("21st", "22nd")],
    ),
    (
        "a range with 'to'",
        "Aged 19 to 24 years.",
        "Aged 18 to 24 years.",
        &[("19 to 24", "18 to 24")],
    ),
    (
        "a range with a dash",
        "Aged 5–7 years.",
        "Aged 5–8 years.",
        &[("5–7", "5–8")],
    ),
    (
        "a range rewritten",
        "Fighting on 19-24 October 1944.",
        "Fighting on 19 to 24 October 1944.",
        &[("19-24 October 1944", "19 to 24 October 1944")],
    ),
    (
        "a date, day first",
        "It opens on 16 September 2022.",
        "It opens on 18 September 2022.",
        &[("16 September 2022", "18 September 2022")],
    ),
    (
        "a date, month first",
        "It opens on September 16, 2022.",
        "It opens on September 18, 2022.",
        &[("September 16, 2022", "September 18, 2022")],
    ),
    (
        "a date with slashes",
        "Apply by 16/09/2022 at the latest.",
        "Apply by 18/09/2022 at the latest.",
        &[("16/09/2022", "18/09/2022")],
    ),
    (
        "a weekday",
        "The vote is on Friday.",
        "The vote is on Monday.",
        &[("Friday", "Monday")],
    ),
    (
        "a time, 12-hour",
        "The office opens at 5pm daily.",
        "The office opens at 6pm daily.",
        &[("5pm", "6pm")],
    ),
    (
        "a time, 24-hour",
        "The office opens at 17:00 daily.",
        "The office opens at 18:00 daily.",
        &[("17:00", "18:00")],
    ),
    (
        "money with a scale",
        "It will cost £5.7 million in all.",
        "It will cost £6.1 million in all.",
        &[("£5.7 million", "£6.1 million")],
    ),
    (
        "money with a short scale",
        "A fund of $1.2bn was set up.",
        "A fund of $1.4bn was set up.",
        &[("$1.2bn", "$1.4bn")],
    ),
    (
        "a percentage",
        "Turnout was 95 per cent this year.",
        "Turnout was 93 per cent this year.",
        &[("95 per cent", "93 per cent")],
    ),
    (
        "a percentage rewritten",
        "Turnout was 95 per cent this year.",
        "Turnout was 95% this year.",
        &[("95 per cent", "95%")],
    ),
    (
        "and over",
        "Adults aged 40+ are eligible.",
        "Adults aged 30+ are eligible.",
        &[("40+", "30+")],
    ),
    (
        "a telephone number",
        "Call 0300 123 4567 for help.",
        "Call 0300 123 4568 for help.",
        &[("0300 123 4567", "0300 123 4568")],
    ),
    (
        "a former value named",
        "Applications close 1 August 2022.",
        "Applications close 16 September 2022 (previously 1 August 2022).",
        &[("1 August 2022", "16 September 2022")],
    ),
];

#[test]
fn every_figure_form_is_read_whole() {
    let mut failures = Vec::new();
    for &(form, before, after, want) in FORMS {
        let got = differ(before, after, true);
        if got != want {
            failures.push(format!("{form}: {before:?} → {after:?} gave {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn figures_keep_qualifiers_units_and_dates() {
    check(
        "Bombs kill more than 140 in Syrian cities",
        "Bombs kill nearly 150 in Syrian cities",
        &[("more than 140", "nearly 150")],
    );
    check(
        "It found a further 20 confirmed cases since 20 May, to 222.",
        "It found a further 25 confirmed cases since 20 May, to 222.",
        &[("20", "25")],
    );
    check(
        "The charge is £1,750 and rose 5 percent on Feb. 27.",
        "The charge is £2,285 and rose 7 percent on Feb. 28.",
        &[
            ("£1,750", "£2,285"),
            ("5 percent", "7 percent"),
            ("Feb. 27", "Feb. 28"),
        ],
    );
    check(
        "Five killed on Monday",
        "Six killed on Tuesday",
        &[("Five", "Six"), ("Monday", "Tuesday")],
    );
}

#[test]
fn a_currency_is_one_whether_sign_or_word() {
    check(
        "иск на $100 млн к властям",
        "иск на 100 млн долларов к властям",
        &[],
    );
    check("It cost $100.", "It cost 100 dollars.", &[]);
    check("It cost $100.", "It cost £100.", &[("$100", "£100")]);
    check(
        "The fee was 3.5 million",
        "The fee was 35 million",
        &[("3.5 million", "35 million")],
    );
}

#[test]
fn a_timestamp_is_one_figure() {
    check(
        "dateCreated: 2023-05-28T23:52:46.535Z",
        "dateCreated: 2023-05-28T17:36:58.899Z",
        &[("2023-05-28T23:52:46.535Z", "2023-05-28T17:36:58.899Z")],
    );
    check(
        "between 10-12 people",
        "between 10-15 people",
        &[("10-12", "10-15")],
    );
}

#[test]
fn section_numbers_are_not_figures() {
    check("2.41 Victims may be", "2.43 Victims may be", &[]);
    check(
        "It rose 2.4 percent",
        "It rose 2.6 percent",
        &[("2.4 percent", "2.6 percent")],
    );
}

#[test]
fn across_outlets_a_figure_pairs_only_by_its_words() {
    let (b, a) = (
        "The envoy had said Wednesday that the talks would focus on the truce.",
        "He spoke before meeting the envoy Sunday.",
    );
    assert_eq!(differ(b, a, true), [("Wednesday", "Sunday")]);
    assert!(differ(b, a, false).is_empty());
    let (b, a) = (
        "Bombs killed 140 people.",
        "The bombs killed 150 people on the day.",
    );
    assert_eq!(differ(b, a, false), [("140", "150")]);
}

#[test]
fn unchanged_figures_are_not_listed() {
    check("145 people and 78 more", "78 more and 145 people", &[]);
}

#[test]
fn number_words_are_all_ascii_lower_case_letters() {
    // `is_number_word` reads only tokens that open with an ASCII letter.
    for w in super::NUMBER_WORDS {
        assert!(w.bytes().all(|b| b.is_ascii_lowercase()), "{w}");
    }
    assert!(super::is_number_word("Twelve"));
    assert!(!super::is_number_word("十二"));
}
