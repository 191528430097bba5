//! The forms of attribution: how news copy says who is speaking, each a
//! named rule with its examples (every example is a test).
//!
//! A quote's speaker is read from the words after its closing mark (the
//! tail, to the end of its sentence), else from the sentence before its
//! opening mark (the lead), or, for a statement, from its attribution
//! line. Each place has an ordered list of forms; the first form that
//! applies decides, and may decide that the words name no one. Forms that
//! need more than these words (a pronoun, the quote before) are read by
//! `attribution` and listed here with their examples all the same.
//!
//! A form is a general rule of how news copy attributes speech, in
//! English first, with the Russian and Arabic forms the corpus uses; no
//! form is written for one article's words.

use super::lexicon::{ADDRESSEES, PRONOUNS, ROLES};
use super::words::{after_preposition, is_auxiliary, is_capital, is_particle, is_verb, name, Word};
use crate::text;

/// Where a form reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// The words after a quote's closing mark, to the end of its sentence.
    Tail,
    /// The sentence before a quote's opening mark.
    Lead,
    /// A statement's attribution line, its words before the verb.
    Line,
    /// The text around: other quotes, earlier paragraphs (`attribution`).
    Context,
}

/// What a form makes of the words: `None` when it does not apply, else
/// the speaker it names (`Some(None)`: the words name no one).
type Reading = Option<Option<String>>;

/// One form of attribution.
pub(super) struct Form {
    /// The form, as copy writes it.
    // Read by the tests, which run every example under its form's name.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    /// Where it reads.
    pub place: Place,
    /// How it reads the words of its place; `None` for the forms that
    /// `attribution` reads from the text around.
    pub read: Option<fn(&[Word<'_>]) -> Reading>,
    /// Examples: a text, the first words of its quote, and the speaker.
    /// Only in the tests' build: outside it they would be dead weight in
    /// the wasm (about 10 KB of text).
    #[cfg(test)]
    pub examples: &'static [(&'static str, &'static str, Option<&'static str>)],
}

/// Most words before the first speech verb of a tail.
const TAIL_VERB_WITHIN: usize = 14;
/// Most words between a tail's verb and the quote when the words before
/// the verb hold a comma (past it, the verb is another clause's).
const TAIL_NEAR: usize = 6;
/// Most words between a tail's verb and the quote.
const TAIL_FAR: usize = 8;
/// Most words after a lead's verb, to the quote.
const LEAD_NEAR: usize = 6;

fn tail_verb(ws: &[Word<'_>]) -> Option<usize> {
    ws.iter().take(TAIL_VERB_WITHIN).position(is_verb)
}

fn lead_verb(ws: &[Word<'_>]) -> Option<usize> {
    ws.iter()
        .rposition(is_verb)
        .filter(|&v| ws.len() - v - 1 <= LEAD_NEAR)
}

/// The sentence's subject, when it opens with a name: "Riyad Hijab, the
/// HNC's lead negotiator, played down … “given …”".
fn subject(ws: &[Word<'_>]) -> Option<String> {
    let e = ws
        .iter()
        .position(|w| !is_capital(w) || w.comma)
        .map_or(ws.len(), |p| {
            if ws[p].comma && is_capital(&ws[p]) {
                p + 1
            } else {
                p
            }
        });
    (e >= 2).then(|| name(&ws[..e])).flatten()
}

/// The forms, in the order they are tried at each place.
pub(super) const FORMS: &[Form] = &[
    Form {
        name: "according to X",
        place: Place::Tail,
        read: Some(|ws| according_to(ws).map(Some)),
        #[cfg(test)]
        examples: &[
            ("“The bridge will open in spring,” according to the mayor.", "The bridge will open", Some("the mayor")),
        ],
    },
    Form {
        name: "no speech verb near: no one",
        place: Place::Tail,
        read: Some(|ws| tail_verb(ws).is_none().then_some(None)),
        #[cfg(test)]
        examples: &[],
    },
    Form {
        name: "said X",
        place: Place::Tail,
        read: Some(|ws| (tail_verb(ws) == Some(0)).then(|| speaker_after(&ws[1..]))),
        #[cfg(test)]
        examples: &[
            ("\"This is a very fragile situation,\" said Jane Doe, a spokeswoman.", "This is a very fragile", Some("Jane Doe")),
            ("«Мы не будем вести переговоры», — заявил министр Сергей Лавров.", "Мы не будем", Some("Сергей Лавров")),
        ],
    },
    Form {
        name: "quoted X as saying",
        place: Place::Tail,
        read: Some(|ws| quoted_as(ws, tail_verb(ws)?).map(speaker_before)),
        #[cfg(test)]
        examples: &[
            ("“We will respond to any attack in kind,” KCNA quoted Kim as saying.", "We will respond", Some("Kim")),
        ],
    },
    Form {
        name: "X, who they are, said",
        place: Place::Tail,
        read: Some(|ws| {
            let v = tail_verb(ws)?;
            let run = ws[..v].iter().take_while(|w| is_capital(w) || is_particle(w)).count();
            (run >= 1 && run < v && ws[run - 1].comma).then(|| name(&ws[..run]))
        }),
        #[cfg(test)]
        examples: &[
            ("“We are ready for the storm,” Jane Doe, a spokeswoman for the council, said.", "We are ready", Some("Jane Doe")),
        ],
    },
    Form {
        name: "verb too far from the quote: no one",
        place: Place::Tail,
        read: Some(|ws| {
            let v = tail_verb(ws)?;
            (v > TAIL_FAR || (ws[..v].iter().any(|w| w.comma) && v > TAIL_NEAR)).then_some(None)
        }),
        #[cfg(test)]
        examples: &[],
    },
    Form {
        name: "X said",
        place: Place::Tail,
        read: Some(|ws| {
            let v = tail_verb(ws)?;
            Some(speaker_before(&ws[..v]).or_else(|| speaker_after(&ws[v + 1..])))
        }),
        #[cfg(test)]
        examples: &[
            ("Foreign Minister Walid Moallem spoke.\n\n“We will not negotiate with anyone,” Moallem said.", "We will not negotiate", Some("Walid Moallem")),
            ("“The water came up fast,” a driver at the bus station said.", "The water came up", Some("a driver at the bus station")),
        ],
    },
    Form {
        name: "according to X: “…”",
        place: Place::Lead,
        read: Some(|ws| according_to(ws).map(Some)),
        #[cfg(test)]
        examples: &[
            ("According to the mayor, „the bridge will open next spring“.", "the bridge will open", Some("the mayor")),
        ],
    },
    Form {
        name: "X was quoted as saying “…”",
        place: Place::Lead,
        read: Some(|ws| quoted_as(ws, lead_verb(ws)?).map(speaker_before)),
        #[cfg(test)]
        examples: &[
            ("Zarif was quoted as saying by IRNA: “We will not accept any new conditions.”", "We will not accept", Some("Zarif")),
        ],
    },
    Form {
        name: "X said: “…”",
        place: Place::Lead,
        read: Some(|ws| {
            let v = lead_verb(ws)?;
            Some(
                speaker_before(&ws[..v])
                    .or_else(|| speaker_after(&ws[v + 1..]))
                    .or_else(|| subject(ws)),
            )
        }),
        #[cfg(test)]
        examples: &[
            ("Kremlin spokesman Dmitry Peskov told reporters: “We need new urgent steps now.”", "We need new urgent", Some("Dmitry Peskov")),
        ],
    },
    Form {
        name: "وقال X … «…» (the verb first, then the speaker)",
        place: Place::Lead,
        read: Some(|ws| {
            ws.first()
                .is_some_and(|w| is_verb(w) && !w.clean.is_ascii())
                .then(|| speaker_after(&ws[1..]))
        }),
        #[cfg(test)]
        examples: &[
            ("وقال أحمد سالم، رئيس الغرفة التجارية في المدينة منذ عام 2015 «نحن بحاجة إلى خطة واضحة للمستقبل».", "نحن بحاجة", Some("أحمد سالم")),
        ],
    },
    Form {
        name: "a sentence that opens with a name",
        place: Place::Lead,
        read: Some(|ws| Some(subject(ws))),
        #[cfg(test)]
        examples: &[
            ("Riyad Hijab, the opposition's lead negotiator, played down the talks, “given the bombing of civilians.”", "given the bombing", Some("Riyad Hijab")),
        ],
    },
    Form {
        name: "He added: (a pronoun line)",
        place: Place::Line,
        read: Some(|ws| match ws {
            [only] if PRONOUNS.contains(&only.lower.as_ref()) => Some(Some(only.lower.to_string())),
            _ => None,
        }),
        #[cfg(test)]
        examples: &[
            ("Environment Minister Rebecca Pow said:\n\nWe are investing in our rivers.\n\nShe added:\n\nThis is only the start of our work on water quality.", "This is only the start", Some("Rebecca Pow")),
        ],
    },
    Form {
        name: "X, role, said: / Role, X, said:",
        place: Place::Line,
        read: Some(|ws| name_between_commas(ws).map(Some)),
        #[cfg(test)]
        examples: &[
            ("Yvonne Daly, Environment Manager at the Environment Agency, said:\n\nWe will keep working with farmers.", "We will keep working", Some("Yvonne Daly")),
            ("MOD Chief Scientific Advisor, Dame Angela McLean, commented:\n\nOur scientists are among the best in the world.", "Our scientists are", Some("Dame Angela McLean")),
            ("Communities Secretary, Rt Hon Robert Jenrick MP said:\n\nIt is vital that everyone has access to accurate information.", "It is vital", Some("Robert Jenrick")),
            ("Dr June Raine, MHRA Chief Executive, said:\n\nOver 37 million doses have now been given in the UK.", "Over 37 million", Some("June Raine")),
        ],
    },
    Form {
        name: "a comma closes the line's words: no one",
        place: Place::Line,
        read: Some(|ws| ws.last().is_some_and(|w| w.comma).then_some(None)),
        #[cfg(test)]
        examples: &[
            ("A joint report by the immigration service, published in February 2018, stated:\n\nThe authorities have a presence in the region.", "The authorities have", None),
        ],
    },
    Form {
        name: "Role for Field X said:",
        place: Place::Line,
        read: Some(|ws| {
            let last = after_last_comma(ws);
            let run = last.iter().rev().take_while(|w| is_capital(w) || is_particle(w)).count();
            let is_role = |w: &Word<'_>| ROLES.contains(&w.lower.as_ref());
            (run >= 3 && run < last.len() && !last.last().is_some_and(is_role)).then(|| {
                // The name is the run's last two words, three with an
                // initial ("Sid J. Gautreaux").
                let initial = last[last.len() - 2].clean.trim_end_matches('.').chars().count() == 1;
                name(&last[last.len() - 2 - usize::from(initial)..])
            })
        }),
        #[cfg(test)]
        examples: &[
            ("Minister for Care Helen Whately said:\n\nOur social care workforce has shown such courage.", "Our social care", Some("Helen Whately")),
            ("UK Government Minister for Scotland Malcolm Offord said:\n\nToday’s agreement gives certainty to the sector in Scotland.", "Today’s agreement gives", Some("Malcolm Offord")),
        ],
    },
    Form {
        name: "Role X said: (as in a sentence)",
        place: Place::Line,
        read: Some(|ws| {
            let last = after_last_comma(ws);
            Some(speaker_before(last).or_else(|| from_lead(last)))
        }),
        #[cfg(test)]
        examples: &[
            ("Environment Minister Rebecca Pow said:\n\nWe are investing in our rivers.", "We are investing", Some("Rebecca Pow")),
            ("The Prime Minister will say:\n\nWe will build back better.", "We will build", Some("The Prime Minister")),
            ("Speaking after the hearing, the Solicitor General Alex Chalk QC MP said:\n\nI referred this case to the Court of Appeal.", "I referred this", Some("Alex Chalk")),
        ],
    },
    Form {
        name: "a pronoun: the person quoted or named just before",
        place: Place::Context,
        read: None,
        #[cfg(test)]
        examples: &[
            ("Foreign Minister Walid Moallem spoke on Monday.\n\n“We will not negotiate with anyone,” he said.", "We will not negotiate", Some("Walid Moallem")),
        ],
    },
    Form {
        name: "the quote before in the paragraph speaks for the next",
        place: Place::Context,
        read: None,
        #[cfg(test)]
        examples: &[
            ("“We will not negotiate with anyone,” Moallem said. “Bashar is a red line.”", "Bashar is a red line", Some("Moallem")),
        ],
    },
    Form {
        name: "a surname stands for the full name given before",
        place: Place::Context,
        read: None,
        #[cfg(test)]
        examples: &[
            ("Foreign Minister Walid Moallem spoke.\n\n“We will not negotiate with anyone,” Moallem said.", "We will not negotiate", Some("Walid Moallem")),
        ],
    },
];

/// Reads `ws` by the forms of `place`, in order.
fn read(place: Place, ws: &[Word<'_>]) -> Option<String> {
    FORMS
        .iter()
        .filter(|f| f.place == place)
        .find_map(|f| f.read.and_then(|read| read(ws)))
        .flatten()
}

/// The speaker from the words after a quote's closing mark, up to the end
/// of the sentence.
pub(super) fn from_tail(ws: &[Word<'_>]) -> Option<String> {
    read(Place::Tail, ws)
}

/// The speaker from the words of the sentence before a quote's opening
/// mark.
pub(super) fn from_lead(ws: &[Word<'_>]) -> Option<String> {
    read(Place::Lead, ws)
}

/// The speaker of a statement from its attribution line's words before
/// the verb.
pub(super) fn from_line(ws: &[Word<'_>]) -> Option<String> {
    read(Place::Line, ws)
}

fn after_last_comma<'w, 't>(ws: &'w [Word<'t>]) -> &'w [Word<'t>] {
    &ws[ws.iter().rposition(|w| w.comma).map_or(0, |c| c + 1)..]
}

/// The first part of a line between commas that is a name: two or more
/// capitalised words, none of them a role once the roles before it are
/// taken off ("Communities Secretary, Rt Hon Robert Jenrick MP").
fn name_between_commas(ws: &[Word<'_>]) -> Option<String> {
    let mut start = 0;
    for (i, w) in ws.iter().enumerate() {
        if !w.comma && i + 1 < ws.len() {
            continue;
        }
        let mut part = &ws[start..=i];
        start = i + 1;
        if part.first().is_some_and(|w| w.lower == "the") {
            part = &part[1..];
        }
        // A whole part of the line: a month's name is a first name here
        // ("Dr June Raine").
        let capitalised = |w: &Word<'_>| {
            is_capital(w)
                || (w.clean.chars().next().is_some_and(char::is_uppercase)
                    && text::is_month_or_weekday(&w.lower))
        };
        if part.len() < 2 || !part.iter().all(|w| capitalised(w) || is_particle(w)) {
            continue;
        }
        let Some(n) = name(part) else { continue };
        let role = |w: &str| ROLES.contains(&w.to_lowercase().trim_end_matches('.'));
        if n.contains(' ') && !n.split(' ').any(role) {
            return Some(n);
        }
    }
    None
}

/// The speaker named just before a speech verb (`words` ends at the verb).
pub(super) fn speaker_before(ws: &[Word<'_>]) -> Option<String> {
    let last = ws.last()?;
    if PRONOUNS.contains(&last.lower.as_ref()) {
        return Some(last.lower.to_string());
    }
    // A capitalised run ending next to the verb.
    if is_capital(last) && !last.comma {
        let mut s = ws.len() - 1;
        while s > 0
            && (is_capital(&ws[s - 1])
                || (is_particle(&ws[s - 1]) && s >= 2 && is_capital(&ws[s - 2])))
            && !ws[s - 1].comma
        {
            s -= 1;
        }
        if !after_preposition(ws, s) {
            if let Some(n) = name(&ws[s..]) {
                return Some(n);
            }
        }
    }
    // Else the nearest run of two or more capitalised words, close by, that
    // is not a place or a body ("a spokesman for the Baton Rouge Police").
    let from = ws.len().saturating_sub(9);
    let mut e = ws.len();
    while e > from {
        if is_capital(&ws[e - 1]) {
            let mut s = e - 1;
            while s > from && is_capital(&ws[s - 1]) && !ws[s - 1].comma {
                s -= 1;
            }
            if e - s >= 2 && !after_preposition(ws, s) {
                // A title with no name ("Prime Minister") names no one:
                // the noun phrase below may ("The Prime Minister").
                if let Some(n) = name(&ws[s..e]) {
                    return Some(n);
                }
            }
            e = s;
        } else {
            e -= 1;
        }
    }
    // Else a noun phrase: "a driver at the bus station said", up to a verb
    // before the speech verb ("a woman is heard saying").
    let from = ws.len().saturating_sub(7);
    let at = (from..ws.len()).find(|&i| {
        matches!(ws[i].lower.as_ref(), "a" | "an" | "the" | "one")
            && !ws[i..].iter().any(|w| w.comma)
    })?;
    let e = (at..ws.len())
        .find(|&i| is_auxiliary(&ws[i]))
        .unwrap_or(ws.len());
    // "the" alone names no one.
    (e >= at + 2).then(|| {
        ws[at..e]
            .iter()
            .map(|w| w.clean)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// The speaker named just after a speech verb (`said X`, `заявил глава X`).
pub(super) fn speaker_after(ws: &[Word<'_>]) -> Option<String> {
    let first = ws.first()?;
    if PRONOUNS.contains(&first.lower.as_ref()) {
        return Some(first.lower.to_string());
    }
    let cased = ws.iter().any(|w| {
        w.clean
            .chars()
            .any(|c| c.is_uppercase() || c.is_lowercase())
            && w.clean.chars().any(char::is_uppercase)
    });
    let limit = ws.len().min(6);
    for i in 0..limit {
        if ADDRESSEES.contains(&ws[i].lower.as_ref()) {
            // `told Reuters Jane Doe`, `сказал ТАСС X`: the listener.
            continue;
        }
        if is_capital(&ws[i]) {
            let mut e = i + 1;
            while e < ws.len()
                && !ws[e - 1].comma
                && (is_capital(&ws[e])
                    || (is_particle(&ws[e]) && ws.get(e + 1).is_some_and(is_capital)))
            {
                e += 1;
            }
            return name(&ws[i..e]);
        }
        if ws[i].comma {
            break;
        }
    }
    // Uncased scripts (Arabic): the words after the verb, to a comma (a
    // year further on, "عام 2011", is no matter). Not lower-case words of
    // a cased script ("заявил, что человечество ждет").
    let e = ws
        .iter()
        .position(|w| w.comma)
        .map_or(ws.len(), |p| p + 1)
        .min(3);
    let uncased = |w: &Word<'_>| {
        !w.clean.is_ascii()
            && !w
                .clean
                .chars()
                .any(|c| c.is_lowercase() || c.is_uppercase())
    };
    if !cased && ws[..e].iter().all(uncased) {
        return Some(
            ws[..e]
                .iter()
                .map(|w| w.clean)
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    let at = (0..limit).find(|&i| matches!(ws[i].lower.as_ref(), "a" | "an" | "the"))?;
    let e = (at..ws.len())
        .find_map(|i| {
            if is_auxiliary(&ws[i]) {
                Some(i)
            } else {
                ws[i].comma.then_some(i + 1)
            }
        })
        .unwrap_or(ws.len())
        .min(at + 7);
    (e >= at + 2).then(|| {
        ws[at..e]
            .iter()
            .map(|w| w.clean)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// `according to X` / `по словам X` in a stretch of words.
pub(super) fn according_to(ws: &[Word<'_>]) -> Option<String> {
    let i = ws.windows(2).position(|p| {
        (p[0].lower == "according" && p[1].lower == "to")
            || (p[0].lower == "по" && p[1].lower == "словам")
    })?;
    speaker_after(&ws[i + 2..])
}

/// `KCNA quoted Kim as saying`, `Zarif was quoted as saying by IRNA`: the
/// words that name the one quoted, who is the speaker (not who quoted
/// them), when the verb at `v` is the `saying` of `quoted … as saying`.
pub(super) fn quoted_as<'w, 't>(ws: &'w [Word<'t>], v: usize) -> Option<&'w [Word<'t>]> {
    if v < 2 || ws[v].lower != "saying" || ws[v - 1].lower != "as" {
        return None;
    }
    let q = ws[..v - 1].iter().rposition(|w| w.lower == "quoted")?;
    if q + 1 < v - 1 {
        // Who is quoted stands between `quoted` and `as`.
        return Some(&ws[q + 1..v - 1]);
    }
    // `X was quoted as saying`: the subject.
    let mut s = q;
    while s > 0
        && matches!(
            ws[s - 1].lower.as_ref(),
            "was" | "is" | "were" | "been" | "has" | "had"
        )
    {
        s -= 1;
    }
    Some(&ws[..s])
}
