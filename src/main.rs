//! `storydiff BEFORE AFTER`: compare two versions of a story from the
//! command line; `storydiff V1 V2 … VN` (or a folder): its whole history.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use storydiff::present::{self, Style};
use storydiff::{compare, compare_history, Comparison, Options, Version};

const USAGE: &str = "\
Usage: storydiff [OPTIONS] BEFORE AFTER
       storydiff [OPTIONS] V1 V2 … VN
       storydiff [OPTIONS] FOLDER

Compare two versions of a news story, side by side: the ledger (quotes,
figures, counts), then the changes with a paragraph of context around each,
unchanged runs folded into one line (… 212 unchanged paragraphs …).

Given three versions or more (or a folder of them), the story's history:
each figure's line of values, each quote's life and the changes a later
version undid, then each step's ledger and changes. A folder's versions are
its .txt files (or, when it has none, its .html and .htm files), in name
order, numbers by their value (v2 before v10).

Options:
  --context N         show N unchanged paragraphs around each change (default 1)
  --full              show every paragraph, unchanged ones included
  --summary           print the ledger alone, not the changes
  --exit-code         exit 3 when the texts differ, 0 when they do not
  --json              print the comparison model as JSON (the history model
                      for three versions or more)
  --html FILE         write a standalone HTML report to FILE (two versions)
  --width N           terminal width in cells (default: $COLUMNS or 120)
  --color WHEN        auto, always or never (default: auto)
  --ignore-case       treat case differences as equal
  --ignore-whitespace treat white-space differences as equal
  --ignore-punctuation treat punctuation and typography differences as equal
  --show-noise        show page furniture (carousels, credits) in full, not as a count
  --hide-cosmetic     show quote, dash and white-space differences as plain text
  --whole             read all of both texts, not only where they differ: lists
                      the quotes of the shared opening and closing too

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
    /// The files named, or one folder.
    files: Vec<String>,
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
        files: Vec::new(),
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
            "--whole" => parsed.options.whole = true,
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option '{s}'")),
            _ => files.push(arg),
        }
    }
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(
            "only one of BEFORE and AFTER (of the versions) can be - (standard input)".into(),
        );
    }
    if files.len() == 1 && !std::path::Path::new(&files[0]).is_dir() {
        return Err(format!(
            "expected two files (BEFORE and AFTER) or more, or a folder, got one: '{}'",
            files[0]
        ));
    }
    if files.is_empty() {
        return Err("expected two files, BEFORE and AFTER, got 0".into());
    }
    if parsed.html.is_some() && files.len() > 2 {
        return Err("--html writes the report of two versions".into());
    }
    parsed.files = files;
    Ok(parsed)
}

/// The versions a folder holds, (label, path), in name order: its .txt
/// files, or its .html and .htm files when it has no .txt file.
fn folder(dir: &str) -> Result<Vec<(String, String)>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read the folder '{dir}': {e}"))?;
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read the folder '{dir}': {e}"))?;
        if !entry.path().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        files.push((name, entry.path().to_string_lossy().into_owned()));
    }
    let ext = |name: &str, exts: &[&str]| {
        let lower = name.to_ascii_lowercase();
        exts.iter().any(|e| lower.ends_with(e))
    };
    let text: Vec<_> = files
        .iter()
        .filter(|f| ext(&f.0, &[".txt"]))
        .cloned()
        .collect();
    let mut versions = if text.is_empty() {
        files
            .into_iter()
            .filter(|f| ext(&f.0, &[".html", ".htm"]))
            .collect()
    } else {
        text
    };
    versions.sort_by(|a, b| name_order(&a.0, &b.0));
    if versions.len() < 2 {
        return Err(format!(
            "the folder '{dir}' holds {} version(s) (.txt, or .html and .htm files); a comparison needs two",
            versions.len()
        ));
    }
    Ok(versions)
}

/// Name order with runs of digits compared by their value: "v2" before
/// "v10".
fn name_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn parts(s: &str) -> Vec<(bool, &str)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = s.as_bytes();
        for i in 1..=bytes.len() {
            if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                out.push((bytes[start].is_ascii_digit(), &s[start..i]));
                start = i;
            }
        }
        out
    }
    let (pa, pb) = (parts(a), parts(b));
    for (x, y) in pa.iter().zip(&pb) {
        let order = match (x.0, y.0) {
            (true, true) => {
                let (tx, ty) = (x.1.trim_start_matches('0'), y.1.trim_start_matches('0'));
                tx.len().cmp(&ty.len()).then(tx.cmp(ty))
            }
            _ => x.1.cmp(y.1),
        };
        if order.is_ne() {
            return order;
        }
    }
    pa.len().cmp(&pb.len()).then(a.cmp(b))
}

fn read(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        bytes
    } else if std::path::Path::new(path).is_dir() {
        return Err(format!(
            "cannot read '{path}': it is a folder (a folder of versions goes alone: storydiff FOLDER)"
        ));
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
        // html5gum is a native dependency only (the page reads HTML with
        // the browser's parser); the CLI is built for wasm32 only as the
        // wasm tests' companion, where no file is read.
        #[cfg(not(target_arch = "wasm32"))]
        return Ok(storydiff::read_html(&text));
        #[cfg(target_arch = "wasm32")]
        return Err(format!(
            "cannot read '{path}' as HTML: a wasm32 build has no HTML tokenizer"
        ));
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
    let named: Vec<(String, String)> = if args.files.len() == 1 {
        match folder(&args.files[0]) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("storydiff: {e}");
                return ExitCode::from(EXIT_INPUT);
            }
        }
    } else {
        args.files.iter().map(|f| (f.clone(), f.clone())).collect()
    };
    let mut texts = Vec::with_capacity(named.len());
    for (_, path) in &named {
        match read(path) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("storydiff: {e}");
                return ExitCode::from(EXIT_INPUT);
            }
        }
    }
    let stdout = std::io::stdout();
    let colour = args.color.unwrap_or_else(|| stdout.is_terminal());
    let width = args
        .width
        .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
        .unwrap_or(120);
    let style = if colour { Style::Colour } else { Style::Plain };
    let view = |c: &Comparison<'_>| {
        let ledger = present::summary(c);
        match (args.summary, args.context) {
            (true, _) => ledger,
            (false, None) => {
                ledger + "\n" + &present::side_by_side_with(c, width, style, &args.options)
            }
            (false, Some(n)) => ledger + "\n" + &present::hunks(c, width, style, &args.options, n),
        }
    };
    if texts.len() > 2 {
        let versions: Vec<Version<'_>> = named
            .iter()
            .zip(&texts)
            .map(|((label, _), text)| Version::new(label.clone(), text))
            .collect();
        let mut history = compare_history(&versions, &args.options);
        let mut differs = false;
        let out = if args.json {
            history.keep_steps();
            differs = history
                .steps
                .iter()
                .filter_map(|s| s.comparison.as_ref())
                .any(present::differs);
            history.to_json() + "\n"
        } else {
            let mut out = present::history(&history);
            for step in &history.steps {
                let c = history.compare(step.from, step.to);
                differs |= present::differs(&c);
                out.push('\n');
                out.push_str(&present::step_heading(&history, step.from, step.to));
                out.push_str(&view(&c));
            }
            out
        };
        let _ = stdout.lock().write_all(out.as_bytes());
        if args.exit_code && differs {
            return ExitCode::from(EXIT_DIFFER);
        }
        return ExitCode::SUCCESS;
    }
    let (before, after) = (&texts[0], &texts[1]);
    let comparison = compare(before, after, &args.options);
    if let Some(path) = &args.html {
        let title = format!("{} → {}", named[0].0, named[1].0);
        if let Err(e) = std::fs::write(path, present::report(&comparison, &title)) {
            eprintln!("storydiff: cannot write '{path}': {e}");
            return ExitCode::from(EXIT_INPUT);
        }
    }
    let out = if args.json {
        comparison.to_json() + "\n"
    } else if args.html.is_some() {
        String::new()
    } else {
        view(&comparison)
    };
    // A closed pipe (`storydiff a b | head`) is not an error worth a panic.
    let _ = stdout.lock().write_all(out.as_bytes());
    if args.exit_code && present::differs(&comparison) {
        return ExitCode::from(EXIT_DIFFER);
    }
    ExitCode::SUCCESS
}
