//! `storydiff BEFORE AFTER`: compare two versions of a story from the
//! command line.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use storydiff::present::{self, Style};
use storydiff::{compare, Options};

const USAGE: &str = "\
Usage: storydiff [OPTIONS] BEFORE AFTER

Compare two versions of a news story, side by side: the ledger (quotes,
figures, counts), then the changes with a paragraph of context around each,
unchanged runs folded into one line (… 212 unchanged paragraphs …).

Options:
  --context N         show N unchanged paragraphs around each change (default 1)
  --full              show every paragraph, unchanged ones included
  --summary           print the ledger alone, not the changes
  --exit-code         exit 3 when the texts differ, 0 when they do not
  --json              print the comparison model as JSON
  --html FILE         write a standalone HTML report to FILE
  --width N           terminal width in cells (default: $COLUMNS or 120)
  --color WHEN        auto, always or never (default: auto)
  --ignore-case       treat case differences as equal
  --ignore-whitespace treat white-space differences as equal
  --ignore-punctuation treat punctuation and typography differences as equal
  --show-noise        show page furniture (carousels, credits) in full, not as a count
  --hide-cosmetic     show quote, dash and white-space differences as plain text

A file ending in .html or .htm is read as a web page: its story's text,
without the page around it. A file named - is standard input (one side).
  -h, --help          print this help

Exit codes: 0 the comparison ran (with --exit-code: and the texts do not
differ); 1 a file could not be read or written; 2 bad usage; 3 with
--exit-code only: the texts differ (a paragraph changed, added, removed or
moved, cosmetic changes included; page furniture and line endings are no
difference).
";

/// Exit code when an input file cannot be read or is not UTF-8.
const EXIT_INPUT: u8 = 1;
/// Exit code for bad usage.
const EXIT_USAGE: u8 = 2;
/// Exit code, with `--exit-code` only, when the texts differ. Not 1, as
/// `diff` and `git diff --exit-code` have it: 1 already meant a file that
/// could not be read before this option existed.
const EXIT_DIFFER: u8 = 3;

struct Args {
    before: String,
    after: String,
    json: bool,
    summary: bool,
    exit_code: bool,
    /// Unchanged paragraphs shown around a change; `None` shows them all.
    context: Option<usize>,
    html: Option<String>,
    width: Option<usize>,
    color: Option<bool>,
    options: Options,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut files = Vec::new();
    let mut parsed = Args {
        before: String::new(),
        after: String::new(),
        json: false,
        summary: false,
        exit_code: false,
        context: Some(1),
        html: None,
        width: None,
        color: None,
        options: Options::default(),
    };
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--json" => parsed.json = true,
            "--summary" => parsed.summary = true,
            "--exit-code" => parsed.exit_code = true,
            "--full" => parsed.context = None,
            "--context" => {
                let n = it.next().ok_or("--context needs a number")?;
                parsed.context = Some(
                    n.parse()
                        .map_err(|_| format!("--context: '{n}' is not a number"))?,
                );
            }
            "--html" => parsed.html = Some(it.next().ok_or("--html needs a file name")?),
            "--width" => {
                let n = it.next().ok_or("--width needs a number")?;
                parsed.width = Some(
                    n.parse()
                        .map_err(|_| format!("--width: '{n}' is not a number"))?,
                );
            }
            "--color" | "--colour" => {
                parsed.color = match it.next().as_deref() {
                    Some("always") => Some(true),
                    Some("never") => Some(false),
                    Some("auto") => None,
                    _ => return Err("--color takes auto, always or never".into()),
                }
            }
            "--ignore-case" => parsed.options.ignore_case = true,
            "--ignore-whitespace" => parsed.options.ignore_whitespace = true,
            "--ignore-punctuation" => parsed.options.ignore_punctuation = true,
            "--show-noise" => parsed.options.show_noise = true,
            "--hide-cosmetic" => parsed.options.hide_cosmetic = true,
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'")),
            _ => files.push(arg),
        }
    }
    match <[String; 2]>::try_from(files) {
        Ok([before, after]) if before == "-" && after == "-" => {
            Err("only one of BEFORE and AFTER can be - (standard input)".into())
        }
        Ok([before, after]) => {
            parsed.before = before;
            parsed.after = after;
            Ok(parsed)
        }
        Err(files) => Err(format!(
            "expected two files, BEFORE and AFTER, got {}",
            files.len()
        )),
    }
}

fn read(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read '{path}': {e}"))?
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "'{path}' is not valid UTF-8 text (first bad byte at offset {}); save it as UTF-8 and try again",
            e.utf8_error().valid_up_to()
        )
    })?;
    let lower = path.to_ascii_lowercase();
    if lower.ends_with(".html") || lower.ends_with(".htm") {
        return Ok(storydiff::read_html(&text));
    }
    Ok(text)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let args = match parse(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("storydiff: {e}\n\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let (before, after) = match (read(&args.before), read(&args.after)) {
        (Ok(b), Ok(a)) => (b, a),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("storydiff: {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    };
    let comparison = compare(&before, &after, &args.options);
    if let Some(path) = &args.html {
        let title = format!("{} → {}", args.before, args.after);
        if let Err(e) = std::fs::write(path, present::report(&comparison, &title)) {
            eprintln!("storydiff: cannot write '{path}': {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    }
    let stdout = std::io::stdout();
    let out = if args.json {
        comparison.to_json() + "\n"
    } else if args.html.is_some() {
        String::new()
    } else {
        let colour = args.color.unwrap_or_else(|| stdout.is_terminal());
        let width = args
            .width
            .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
            .unwrap_or(120);
        let style = if colour { Style::Colour } else { Style::Plain };
        let ledger = present::summary(&comparison);
        match (args.summary, args.context) {
            (true, _) => ledger,
            (false, None) => {
                ledger
                    + "\n"
                    + &present::side_by_side_with(&comparison, width, style, &args.options)
            }
            (false, Some(n)) => {
                ledger + "\n" + &present::hunks(&comparison, width, style, &args.options, n)
            }
        }
    };
    // A closed pipe (`storydiff a b | head`) is not an error worth a panic.
    let _ = stdout.lock().write_all(out.as_bytes());
    if args.exit_code && present::differs(&comparison) {
        return ExitCode::from(EXIT_DIFFER);
    }
    ExitCode::SUCCESS
}
