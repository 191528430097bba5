//! Tests of finding quotes and naming their speakers.

use super::*;
use crate::model::Row;

fn quotes(text: &str) -> Vec<(String, Option<String>)> {
    let rows = [Row::new(crate::RowKind::Equal, Some(text), Some(text))];
    let side = Side::new(text, &rows, true);
    let blocks = crate::segment::blocks(text);
    find(
        &side,
        &blocks,
        std::slice::from_ref(&(0..blocks.len())),
        &[],
    )
    .into_iter()
    .map(|q| (q.text, q.speaker))
    .collect()
}

fn check(text: &str, expect: &[(&str, Option<&str>)]) {
    let got = quotes(text);
    let want: Vec<(String, Option<String>)> = expect
        .iter()
        .map(|(q, s)| (q.to_string(), s.map(str::to_string)))
        .collect();
    assert_eq!(got, want, "in {text:?}");
}

/// Every example of every form of attribution: its quote is found, with
/// the speaker the form names.
#[test]
fn every_form_reads_its_examples() {
    let mut failures = Vec::new();
    for form in super::forms::FORMS {
        for &(text, opening, speaker) in form.examples {
            let got = quotes(text);
            let quote = got.iter().find(|(q, _)| q.starts_with(opening));
            match quote {
                Some((_, s)) if s.as_deref() == speaker => {}
                _ => failures.push(format!("{}: {text:?} gave {got:?}", form.name)),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_form_has_a_unique_name_and_an_example_or_decides_no_one() {
    let forms = super::forms::FORMS;
    for (i, f) in forms.iter().enumerate() {
        assert!(
            forms[..i].iter().all(|g| g.name != f.name),
            "{} twice",
            f.name
        );
        assert!(
            !f.examples.is_empty() || f.name.ends_with("no one"),
            "{} has no example",
            f.name
        );
    }
}

#[test]
fn attribution_forms() {
    check(
        "Foreign Minister Walid Moallem spoke.\n\n“We will not negotiate with anyone,” Moallem said. “Bashar is a red line.”\n",
        &[
            ("We will not negotiate with anyone", Some("Walid Moallem")),
            ("Bashar is a red line.", Some("Walid Moallem")),
        ],
    );
    check(
        "\"This is a very fragile situation,\" said Jane Doe, a spokeswoman.",
        &[("This is a very fragile situation", Some("Jane Doe"))],
    );
    check(
        "Kremlin spokesman Dmitry Peskov told reporters: “We need new urgent steps now.”",
        &[("We need new urgent steps now.", Some("Dmitry Peskov"))],
    );
    check(
        "According to the mayor, „the bridge will open next spring“.",
        &[("the bridge will open next spring", Some("the mayor"))],
    );
    check(
        "«Мы не будем вести переговоры», — заявил министр Сергей Лавров.",
        &[("Мы не будем вести переговоры", Some("Сергей Лавров"))],
    );
}

#[test]
fn a_quote_over_two_paragraphs_is_one_quote() {
    check(
        "John Smith said:\n\n“The first part goes on\n\n“and the second part ends here.”\n",
        &[(
            "The first part goes on and the second part ends here.",
            Some("John Smith"),
        )],
    );
}

#[test]
fn a_quote_goes_on_to_the_next_line_that_closes_it() {
    // One sentence a line: once "The river is rising fast." alone, by
    // no one.
    check(
        "The storm came at dawn.\n“The river is rising fast.\nIt will reach the town by noon,” said Mayor Tom Reyes.\n",
        &[(
            "The river is rising fast. It will reach the town by noon",
            Some("Tom Reyes"),
        )],
    );
    // Not a line that never closes it.
    check(
        "The “river is rising fast and the town waits for news.\nMayor Tom Reyes said it would reach the town by noon.\n",
        &[("river is rising fast and the town waits for news.", None)],
    );
}

#[test]
fn quotes_in_noise_rows_stay_out() {
    let text = "Now playing\n“We must run away,” she says in the video.\n\n“We will stay and fight,” Jane Doe said.\n";
    let split = text.find("\n\n").unwrap() + 2;
    let rows = [
        Row::new(crate::RowKind::Noise, Some(&text[..split]), None),
        Row::new(crate::RowKind::Equal, Some(&text[split..]), None),
    ];
    let blocks = crate::segment::blocks(text);
    let found: Vec<String> = find(
        &Side::new(text, &rows, true),
        &blocks,
        std::slice::from_ref(&(0..blocks.len())),
        &[],
    )
    .into_iter()
    .map(|q| q.text)
    .collect();
    assert_eq!(found, ["We will stay and fight"]);
}

#[test]
fn an_editor_s_brackets_are_no_part_of_a_name() {
    // "Yazdanpanah [PAK leader] said": once read as "Yazdanpanah PAK".
    check(
        "“We fight like 10,000,” Yazdanpanah [PAK leader] said in 2019.",
        &[("We fight like 10,000", Some("Yazdanpanah"))],
    );
    // The full name the text gives elsewhere, as for any surname.
    check(
        "The party was founded by Said Yazdanpanah, a Kurd.\n\n“We fight like 10,000,” Yazdanpanah [PAK leader] said.[footnote 3]",
        &[("We fight like 10,000", Some("Said Yazdanpanah"))],
    );
    // A footnote between a name and its comma.
    check(
        "“We will stay,” Jane Doe[1], a council spokeswoman for the east, said.",
        &[("We will stay", Some("Jane Doe"))],
    );
}

#[test]
fn a_pronoun_stands_for_the_person_not_the_place_named_last() {
    // Once "Harbour Road" and "Blue Lantern Cafe": the last capitalised
    // words before the quote.
    check(
        "Dana Whitlock, who runs a bakery on Harbour Road, watched the fire.\n\n“It was over in minutes,” she said.\n",
        &[("It was over in minutes", Some("Dana Whitlock"))],
    );
    check(
        "Omar Fenwick, the owner of the Blue Lantern Cafe, saw it all.\n\n“Nobody was hurt, thank God,” he said.\n",
        &[("Nobody was hurt, thank God", Some("Omar Fenwick"))],
    );
    // A place that opens the sentence is not its subject either.
    check(
        "In Port Ellis, Omar Fenwick saw it all.\n\n“Nobody was hurt, thank God,” he said.\n",
        &[("Nobody was hurt, thank God", Some("Omar Fenwick"))],
    );
}

#[test]
fn the_one_quoted_as_saying_speaks_not_who_quoted_them() {
    // Once "Lisbon", "the agency quoted Bellweather as" and "Tass".
    check(
        "Foreign Minister Ana Bellweather arrived late.\n\n\
         “The deal will be done by Friday,” Bellweather was quoted as saying in Lisbon by the agency.\n\n\
         “We are ready for the vote,” the agency quoted Bellweather as saying.\n\n\
         “Nobody will be left out of it,” she was quoted as saying by Tass.\n",
        &[
            ("The deal will be done by Friday", Some("Ana Bellweather")),
            ("We are ready for the vote", Some("Ana Bellweather")),
            ("Nobody will be left out of it", Some("Ana Bellweather")),
        ],
    );
    // Before the quote too.
    check(
        "State media quoted Bellweather as saying: “We are ready for the vote.”",
        &[("We are ready for the vote.", Some("Bellweather"))],
    );
}

#[test]
fn a_name_given_only_after_the_last_quote_is_a_credit() {
    // Once "Jack Kim", from the reporting credit.
    check(
        "“We will build the road by spring,” Kim said.\n\n(Additional reporting by Jack Kim; Editing by Tom Lee)\n",
        &[("We will build the road by spring", Some("Kim"))],
    );
}

#[test]
fn a_conjunction_opening_a_sentence_is_no_part_of_a_name() {
    // Once "Although Kim", the full name of "Kim".
    check(
        "Although Kim gave no date, the plan stands.\n\n“It is only the first step,” Kim said.\n",
        &[("It is only the first step", Some("Kim"))],
    );
}

#[test]
fn a_name_is_cut_from_the_place_role_and_party_around_it() {
    // Once "Harbourview Parish Sheriff Ada M Quill", "Tom Reyes of
    // Dunmore", "Ostland Gov Dee Marsh D" and "Harvard-educated Lena
    // Sauer".
    check(
        "“The water rose very fast,” Harbourview Parish Sheriff Ada M. Quill said.",
        &[("The water rose very fast", Some("Ada M Quill"))],
    );
    check(
        "“We settled the case today,” said Mayor Tom Reyes of Dunmore.",
        &[("We settled the case today", Some("Tom Reyes"))],
    );
    check(
        "“The hatred has to stop now,” Ostland Gov. Dee Marsh (D) said.",
        &[("The hatred has to stop now", Some("Dee Marsh"))],
    );
    check(
        "“We are ready for the vote,” Harvard-educated Lena Sauer said.",
        &[("We are ready for the vote", Some("Lena Sauer"))],
    );
    // A role word that ends a name stays ("Kim Jong Un"), and so does
    // a place named with "of" in one word ("the Duke of Westmark").
    check(
        "“We will not use it first,” Kim Jong Un said.",
        &[("We will not use it first", Some("Kim Jong Un"))],
    );
    check(
        "“We are all very proud,” said Duke of Westmark.",
        &[("We are all very proud", Some("Duke of Westmark"))],
    );
}

#[test]
fn a_surname_is_not_completed_from_inside_an_editor_s_brackets() {
    // Once "Ada Moss Quill": the words before "[Quill".
    check(
        "The plan came from Ada Moss [Quill Party chair] last year.\n\n“We will not stop now,” Quill said.\n",
        &[("We will not stop now", Some("Quill"))],
    );
}

#[test]
fn an_acronym_before_one_word_names_a_body() {
    // Once "Committee", completed from any "… Committee" of the text.
    check(
        "According to the UN Committee on Rights, the law “harms the equality of every person at work.”",
        &[(
            "harms the equality of every person at work.",
            Some("UN Committee"),
        )],
    );
    check(
        "“We will win this,” US President Obama said.",
        &[("We will win this", Some("Obama"))],
    );
}

#[test]
fn a_pronoun_stands_for_a_surname_the_text_gives_in_full() {
    // Once "English-speaking Zarif", then no one.
    check(
        "Foreign Minister Lena Sauer spoke first.\n\n“We are ready,” Sauer said.\n\n\
         The English-speaking Sauer then left the room.\n\n\
         “Some see peace as a threat to them,” she said.\n",
        &[
            ("We are ready", Some("Lena Sauer")),
            ("Some see peace as a threat to them", Some("Lena Sauer")),
        ],
    );
}

#[test]
fn a_pronoun_stands_for_a_speaker_s_surname() {
    // Once "Ada Quill", named in the sentence before.
    check(
        "“We hid nothing from anyone,” Ruiz said.\n\nLast week Ruiz met a critic, Ada Quill.\n\n\
         Ruiz rejected that and said he has been “open about every cost from the start.”\n",
        &[
            ("We hid nothing from anyone", Some("Ruiz")),
            ("open about every cost from the start.", Some("Ruiz")),
        ],
    );
}

#[test]
fn a_pronoun_stands_for_the_surname_of_someone_quoted_before() {
    // Once no one: "Dunmore" was no speaker's surname on its own.
    check(
        "“We want answers today,” Michael Dunmore, head of the local branch, said.\n\n\
         The officers should be held to account, Dunmore said.\n\n\
         “Arrest those two officers now,” he said.\n",
        &[
            ("We want answers today", Some("Michael Dunmore")),
            ("Arrest those two officers now", Some("Michael Dunmore")),
        ],
    );
}

#[test]
fn a_quote_opening_inside_an_unclosed_one_is_the_quote() {
    // Once "reckless. Mayor Tom Reyes said … “open about every cost…".
    check(
        "Critics called the plan “reckless. Mayor Tom Reyes said the city had been “open about every cost from the start.”",
        &[("open about every cost from the start.", Some("Tom Reyes"))],
    );
}

#[test]
fn a_particle_joined_to_a_name_is_part_of_it() {
    // Once "HARBOUR FIRE", the heading: "al-Masri" read as no name.
    check(
        "HARBOUR FIRE\n\nThe port's director, Omar al-Masri, said in an interview on Monday that the damage was small. “We will reopen within the week,” he told a newspaper.\n",
        &[("We will reopen within the week", Some("Omar al-Masri"))],
    );
}

#[test]
fn a_heading_in_capitals_names_no_one() {
    // Once "CITY HALL FIRE".
    check(
        "CITY HALL FIRE\n\n“We lost every single file we had,” she said.\n",
        &[("We lost every single file we had", None)],
    );
}

#[test]
fn a_military_rank_is_a_role() {
    // Once "Captain Ada Quill".
    check(
        "“They were washed away by the water,” Captain Ada Quill said.",
        &[("They were washed away by the water", Some("Ada Quill"))],
    );
}

#[test]
fn a_body_after_a_preposition_is_not_the_speaker() {
    // Once "Harbour Board Police".
    check(
        "“We are still looking for the driver,” a spokesman for the Harbour Board Police said.",
        &[(
            "We are still looking for the driver",
            Some("a spokesman for the Harbour Board Police"),
        )],
    );
}

#[test]
fn a_noun_phrase_speaker_ends_at_a_verb() {
    // Once "a woman is heard" and "the new rules for a landlord would".
    check(
        "In the video, a woman is heard saying: “He is about to start again, oh my God!”",
        &[("He is about to start again, oh my God!", Some("a woman"))],
    );
    check(
        "“We cannot go on like this,” said the new rules for a landlord would hurt.",
        &[(
            "We cannot go on like this",
            Some("the new rules for a landlord"),
        )],
    );
}

#[test]
fn a_title_in_quote_marks_inside_a_sentence_is_no_one_s_quote() {
    // Once a quote by "Ada Quill", from the words the sentence goes on
    // with.
    check(
        "In an interview that aired on “Night Desk” late on Friday, Ada Quill told the host she had known nothing.",
        &[],
    );
    // A break after the quote still lets the words after it name who
    // said it.
    check(
        "The plan is “a disaster,” Ada Quill said.",
        &[("a disaster", Some("Ada Quill"))],
    );
}

#[test]
fn telling_attributes_speech() {
    // Once no one.
    check(
        "“We are not leaving this town,” one man could be heard telling the crowd.",
        &[("We are not leaving this town", Some("one man"))],
    );
}

#[test]
fn lower_case_words_of_a_cased_script_name_no_one() {
    // Once "что страну ждет" ("that the country awaits"), read as an
    // Arabic speaker after the verb.
    check(
        "Экономист, известный своими прогнозами о мировых рынках и кризисах, заявил, что страну ждет «Большая зима».",
        &[],
    );
}

#[test]
fn a_generation_suffix_is_no_surname() {
    assert_eq!(surname("Ned Parr III"), "parr");
    assert_eq!(surname("Carl Dabadie Jr"), "dabadie");
    assert_eq!(surname("Ned Parr"), "parr");
}

#[test]
fn the_tail_is_only_the_sentence_the_quote_closes_in() {
    // Once "Jane Doe", from the next sentence.
    check(
        "“We will rebuild the old school”. Jane Doe said the vote was close.",
        &[("We will rebuild the old school", None)],
    );
    // An ellipsis before a capital ends the sentence: once a quote by
    // "Harlow Vance".
    check(
        "The group calls them “field hands”… According to Harlow Vance, they are few.",
        &[],
    );
}

#[test]
fn an_arabic_sentence_that_opens_with_the_verb_names_the_speaker_after_it() {
    // Once no one: the verb stands far from the quote, and a year
    // (ASCII digits) stood among the words after it.
    check(
        "وقال أحمد سالم، رئيس الغرفة التجارية في المدينة منذ عام 2015 «نحن بحاجة إلى خطة واضحة للمستقبل».",
        &[("نحن بحاجة إلى خطة واضحة للمستقبل", Some("أحمد سالم"))],
    );
}

#[test]
fn a_verb_deep_in_the_paragraph_before_names_no_one() {
    // A glossary: once "Harbour Victim Care Service", from "…provided
    // by the Harbour Victim Care Service to potential and confirmed
    // victims", then passed on down the list.
    check(
        "“care plan” a plan that sets out the support provided by the Harbour Victim Care Service to potential and confirmed victims;\n\n\
         “Harbour Victim Care Service contract” refers to the contract with the council;\n",
        &[("Harbour Victim Care Service contract", None)],
    );
    // The verb after its subject still names the speaker.
    check(
        "Council leader Ada Quill said the work would go on.\n\n“We will finish the bridge next year.”\n",
        &[("We will finish the bridge next year.", Some("Ada Quill"))],
    );
}

#[test]
fn scare_quotes_without_a_speaker_are_not_quotes() {
    check("The talks are part of a “road map” for peace.", &[]);
    // A question word in capitals opening the sentence is no speaker.
    check(
        "Whose Facebook accounts will be targeted will depend on where they fit onto a “social graph;” and more.",
        &[],
    );
}

#[test]
fn british_single_quotes_are_quotes_when_someone_says_them() {
    check(
        "‘We will not back down on this,’ said Jane Doe. It’s over, she didn’t add.",
        &[("We will not back down on this", Some("Jane Doe"))],
    );
    // Titles and terms in single marks are no one's words.
    check(
        "Attendees praised the ‘Get Ready for Brexit’ workshop and the ‘Top Tips: commissioning for market diversity’ guide.",
        &[],
    );
}

#[test]
fn a_single_quoted_quote_over_two_paragraphs_is_one_quote() {
    check(
        "John Smith said:\n\n‘The first part goes on\n\n‘and the second part ends here.’\n",
        &[(
            "The first part goes on and the second part ends here.",
            Some("John Smith"),
        )],
    );
}

#[test]
fn a_statement_runs_while_the_speaker_speaks() {
    check(
        "The fund opens today.\n\nEnvironment Minister Rebecca Pow said:\n\nWe are investing in our rivers.\n\nIt is only the start.\n\nThe fund will also support farmers across the region.\n\nNotes to editors\n",
        &[(
            "We are investing in our rivers. It is only the start.",
            Some("Rebecca Pow"),
        )],
    );
    // The next attribution line starts the next statement.
    check(
        "Jane Doe, Chief Executive of the Trust, said:\n\nWe welcome this.\n\nJohn Roe said:\n\nI agree with her.\n",
        &[
            ("We welcome this.", Some("Jane Doe")),
            ("I agree with her.", Some("John Roe")),
        ],
    );
}

#[test]
fn a_block_quote_is_the_statement_s_extent() {
    // Read from HTML, a `<blockquote>` marks the quoted paragraphs: the
    // third-person one inside it is quoted, the voiced one after it is not.
    check(
        "Minister for Care Helen Whately said:\n\n> The awards recognise the courage of the workforce.\n\n> Nominations open today.\n\nWe will announce the winners in June.\n\n> A block quote that no line attributes is not a quote.\n",
        &[(
            "The awards recognise the courage of the workforce. Nominations open today.",
            Some("Helen Whately"),
        )],
    );
}
