//! The architecture's invariants that a test can read off the source.
//!
//! - The stages only look down: a module names (`crate::X`) only modules of
//!   a lower layer, never one of its own layer or above. The layers, lowest
//!   first, are the table below; ARCHITECTURE.md draws the same.
//! - No file under `src/` is over 800 lines.
//! - Words are cut in one place, `src/text/`: no other module counts
//!   white-space pieces as words or splits text on letters and digits.
//! - Only `src/wasm.rs` knows wasm-bindgen, js-sys and web-sys (and
//!   serde-wasm-bindgen, should it come back): the core knows nothing of
//!   the browser.
//! - The page is bundled from ES modules: no string marks in `www/` or
//!   `xtask/`; nothing in `www/` names `window.StoryDiffPage`, and no
//!   module sets a global but the public `window.StoryDiff` (the embed
//!   script and the page's entry).

use std::path::{Path, PathBuf};

/// The modules of the crate, lowest layer first: a module may use those of
/// the layers before its own.
const LAYERS: &[&[&str]] = &[
    &["text", "deadline"],
    &["model"],
    &["read", "segment"],
    &["clean"],
    &["align"],
    &["diff"],
    &["rows"],
    &["analyse"],
    &["history"],
    &["present"],
    &["lib"],
    &["wasm"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crate's `src/` and every Rust file under it.
fn src_files() -> (PathBuf, Vec<PathBuf>) {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    (src, files)
}

/// The top module a source file belongs to: `src/analyse/quotes/pair.rs`
/// is `analyse`, `src/lib.rs` is `lib`.
fn module_of(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src");
    let first = rel.components().next().expect("a component");
    let name = first.as_os_str().to_string_lossy();
    name.trim_end_matches(".rs").to_string()
}

/// The crate modules a line names: `crate::X` and `crate::{X, Y}`.
fn named(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(k) = rest.find("crate::") {
        rest = &rest[k + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let id: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(id);
            }
        } else {
            let id: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(id);
        }
    }
    out
}

#[test]
fn stages_only_look_down() {
    let (src, files) = src_files();
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_of(&src, file);
        if module == "main" {
            continue; // The binary uses the library by its name.
        }
        let own = layer(&module)
            .unwrap_or_else(|| panic!("{module} ({}) is in no layer of LAYERS", file.display()));
        let text = std::fs::read_to_string(file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for used in named(line) {
                let Some(theirs) = layer(&used) else {
                    continue; // An item of the crate root (`crate::compare`).
                };
                if used != module && theirs >= own {
                    wrong.push(format!(
                        "{}:{}: {module} uses {used}, which is not below it",
                        file.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn only_the_wasm_boundary_knows_the_browser() {
    let (_, files) = src_files();
    for file in files.iter().filter(|f| !f.ends_with("wasm.rs")) {
        let text = std::fs::read_to_string(file).expect("a source file");
        for name in ["wasm_bindgen", "serde_wasm_bindgen", "js_sys", "web_sys"] {
            assert!(
                !text.contains(&format!("{name}::")) && !text.contains(&format!("use {name}")),
                "{} names {name}",
                file.display()
            );
        }
    }
}

/// Most lines in a source file: past it, a file holds more than one idea.
const MOST_LINES: usize = 800;

#[test]
fn no_source_file_is_over_most_lines() {
    let (_, files) = src_files();
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f)
                .expect("a source")
                .lines()
                .count();
            (n > MOST_LINES).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "over {MOST_LINES} lines: {long:?}");
}

#[test]
fn the_check_sees_an_upward_use() {
    // The detector itself: a line of a lower stage naming a higher one.
    assert_eq!(named("use crate::diff::words;"), ["diff"]);
    assert_eq!(named("use crate::{model, text::fold};"), ["model", "text"]);
    assert!(layer("align") < layer("diff"));
}

/// True when a line of Rust cuts text into words its own way: counts the
/// pieces between spaces, or splits on what is not a letter or a digit.
fn own_words(line: &str) -> bool {
    line.contains("split_whitespace().count()")
        || (line.contains(".split(")
            && (line.contains("is_alnum") || line.contains("is_alphanumeric")))
}

#[test]
fn words_are_cut_in_one_place() {
    let (src, files) = src_files();
    let mut wrong = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(src.join("text"))) {
        let text = std::fs::read_to_string(file).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            if !line.trim_start().starts_with("//") && own_words(line) {
                wrong.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "words cut outside text::words:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_word_check_sees_a_cut_of_its_own() {
    assert!(own_words("if line.split_whitespace().count() > 8 {"));
    assert!(own_words(
        "for w in s.split(|c: char| !c.is_alphanumeric()) {"
    ));
    assert!(own_words("text.split(|c: char| !crate::text::is_alnum(c))"));
    assert!(!own_words("let n = text::words::count(line);"));
    assert!(!own_words("name.split(' ')"));
}

/// Every file under `dir` (recursively), as (path, text), for the text
/// files the page is built from.
fn texts(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            texts(&path, out);
        } else if path.extension().is_some_and(|e| {
            ["js", "mjs", "css", "html", "rs", "json", "ts"].contains(&e.to_str().unwrap_or(""))
        }) {
            let text = std::fs::read_to_string(&path).expect("a text file");
            out.push((path, text));
        }
    }
}

#[test]
fn the_page_is_bundled_from_modules_without_string_marks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    texts(&root.join("www"), &mut files);
    texts(&root.join("xtask"), &mut files);
    let mark = ["/*", "@"].concat();
    for (path, text) in &files {
        assert!(
            !text.contains(&mark),
            "{} holds a string mark",
            path.display()
        );
    }
    // The page's modules share state by import, never through a global:
    // nothing in www/ names window.StoryDiffPage (the page's state, once
    // shown to tests), and no module puts anything on `window` (or
    // `globalThis`) but the public API, `window.StoryDiff`, which the embed
    // script and the page's entry set on purpose.
    let www = root.join("www");
    let allowed = [
        (www.join("story-diff.js"), "StoryDiff"),
        (www.join("page").join("main.js"), "StoryDiff"),
    ];
    let mut seen = Vec::new();
    for (path, text) in &files {
        if !path.starts_with(&www) {
            continue;
        }
        assert!(
            !text.contains("StoryDiffPage"),
            "{} names window.StoryDiffPage",
            path.display()
        );
        if !path
            .extension()
            .is_some_and(|e| e == "js" || e == "mjs" || e == "html")
        {
            continue;
        }
        for line in code_lines(text) {
            for name in global_assignments(line) {
                assert!(
                    allowed.iter().any(|(p, n)| p == path && *n == name),
                    "{} sets the global {name}: {line}",
                    path.display()
                );
                seen.push((path.clone(), name));
            }
        }
    }
    // The check can see an assignment: the two it allows are found.
    for (path, name) in &allowed {
        assert!(
            seen.iter().any(|(p, n)| p == path && n == name),
            "{} no longer sets window.{name} (or the check no longer sees it)",
            path.display()
        );
    }
}

/// The lines of a JS file that are not comments (a line that starts a
/// `//` or `/*` comment, or goes on with `*`, is skipped).
fn code_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_start)
        .filter(|line| !(line.starts_with("//") || line.starts_with("/*") || line.starts_with('*')))
}

/// The globals a line of JS assigns to: `window.X = …` (also `+=`, `||=`
/// and the like), `window["X"] = …` and the same on `globalThis`; `==`
/// and `===` are comparisons, and `window.X.Y = …` sets a property of a
/// global, not a global.
fn global_assignments(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    for global in ["window", "globalThis"] {
        let mut from = 0;
        while let Some(k) = line[from..].find(global) {
            let at = from + k;
            from = at + global.len();
            let before = if at == 0 { b' ' } else { bytes[at - 1] };
            if before.is_ascii_alphanumeric() || before == b'_' || before == b'$' || before == b'.'
            {
                continue;
            }
            let rest = &line[from..];
            let (name, after) = if let Some(r) = rest.strip_prefix('.') {
                let end = r
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(r.len());
                (r[..end].to_string(), &r[end..])
            } else if let Some(r) = rest.strip_prefix('[') {
                match r.find(']') {
                    Some(end) => (
                        r[..end]
                            .trim_matches(|c| c == '"' || c == '\'' || c == '`')
                            .to_string(),
                        &r[end + 1..],
                    ),
                    None => continue,
                }
            } else {
                continue;
            };
            let after = after.trim_start();
            let op =
                after.trim_start_matches(['+', '-', '*', '/', '%', '|', '&', '?', '^', '<', '>']);
            if op.starts_with('=')
                && !op.starts_with("==")
                && !op.starts_with("=>")
                && !name.is_empty()
            {
                // `a <= b` and `a >= b` compare.
                let compared = after.len() - op.len() == 1
                    && (after.starts_with('<') || after.starts_with('>'));
                if !compared {
                    out.push(name);
                }
            }
        }
    }
    out
}

#[test]
fn the_global_check_sees_assignments() {
    assert_eq!(
        global_assignments("window.StoryDiffPage = page;"),
        ["StoryDiffPage"]
    );
    assert_eq!(
        global_assignments("  window.x=1; globalThis.y ||= 2;"),
        ["x", "y"]
    );
    assert_eq!(global_assignments("window[\"z\"] = 3;"), ["z"]);
    assert!(
        global_assignments("if (window.x === 1) window.addEventListener(\"a\", f);").is_empty()
    );
    assert!(
        global_assignments("window.location.hash = h; mywindow.x = 1; a.window.y = 2;").is_empty()
    );
    assert!(global_assignments("window.x <= 2 && window.y >= 3").is_empty());
}
