//! `cargo xtask dist | test`: the project's set-up, build and test driver.
//!
//! - `dist` installs what a fresh machine lacks (the wasm target, the
//!   matching wasm-bindgen CLI, the npm packages with wasm-opt and esbuild),
//!   builds the wasm, bundles www/'s ES modules with esbuild
//!   (`xtask/bundle.mjs`) into `dist/story-diff.js`, `dist/npm/` and the
//!   page, inlines the page's script and styles into `dist/index.html` with
//!   its CSP, then prints the sizes and the page's file:// address.
//! - `test` runs `dist`, then every test: Rust (native), the wasm tests in
//!   Node, `tsc` on the npm package's declarations, the page in headless
//!   Chromium, and the user journeys in Chromium, Firefox ESR and
//!   WebKitGTK (each installed from Debian's packages when missing), plus
//!   rustfmt and clippy on both targets, `cargo doc` with `-D warnings`.
//! - `bench` runs `dist`, the native timings (`examples/bench.rs`), then
//!   `xtask/bench.mjs`: ours against jsdiff and diff-match-patch in one
//!   headless Chromium. Not part of `test`: timings are not assertions.

mod score;
mod size;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Must equal the `wasm-bindgen` version pinned in the top-level Cargo.toml.
const WASM_BINDGEN_VERSION: &str = "0.2.130";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") => dist().map(|_| ()),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("score") => score::score(&args[1..], root().join("../shared/devset")),
        _ => Err("usage: cargo xtask <dist | test | bench | score>\n  dist   set up and build the page (dist/)\n  test   build and run every test\n  bench  time ours against jsdiff and diff-match-patch (see BENCHMARKS.md)\n  score  [--min PCT] [DIR...]  hit rates on pairs with known truth (default ../shared/devset)".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Cargo's target directory: `CARGO_TARGET_DIR` when set (relative to the
/// workspace root, as cargo reads it), else `target/` in the root.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// Runs a command in the workspace root, failing with its name if it fails.
fn run(cmd: &mut Command) -> Result {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let shown = format!("{cmd:?}");
    eprintln!("xtask: running {shown}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// A command's standard output, or `None` when it cannot run or fails.
fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

// ---------------------------------------------------------------- set-up

fn ensure_wasm_target() -> Result {
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

fn ensure_wasm_bindgen() -> Result {
    let version = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if version.split_whitespace().nth(1) == Some(WASM_BINDGEN_VERSION) {
        return Ok(());
    }
    eprintln!("xtask: installing wasm-bindgen-cli {WASM_BINDGEN_VERSION} (about 10 minutes on 2 cores, once)");
    run(cargo().args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        WASM_BINDGEN_VERSION,
        "--force",
    ]))
}

/// Installs Debian packages that provide `program` when it is missing.
/// Returns whether the program is there afterwards.
fn ensure_apt(program: &str, packages: &[&str]) -> bool {
    ensure_apt_with(program, packages, false, || have(program))
}

/// Installs Debian packages when `present` says what they provide is
/// missing (another process may hold the package lock: apt waits for it),
/// with the packages they recommend when `recommends`. Returns `present()`
/// afterwards.
fn ensure_apt_with(
    what: &str,
    packages: &[&str],
    recommends: bool,
    present: impl Fn() -> bool,
) -> bool {
    if present() {
        return true;
    }
    eprintln!("xtask: {what} is missing; installing {packages:?} from Debian's packages");
    let sudo = output(Command::new("id").arg("-u")).is_some_and(|u| u.trim() != "0");
    let apt = |args: &[&str]| {
        let mut cmd = if sudo {
            Command::new("sudo")
        } else {
            Command::new("apt-get")
        };
        if sudo {
            cmd.arg("apt-get");
        }
        cmd.args(["-o", "DPkg::Lock::Timeout=900"])
            .args(args)
            .env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    let _ = apt(&["update"]);
    let mut install = vec!["install", "-y"];
    if !recommends {
        install.push("--no-install-recommends");
    }
    install.extend_from_slice(packages);
    let _ = apt(&install);
    present()
}

/// The three engines the user journeys run in: the name journeys.mjs
/// knows, Debian's packages, the files they must provide, and how to read
/// the version that is installed.
struct Engine {
    name: &'static str,
    packages: &'static [&'static str],
    /// With the packages they recommend: Firefox and WebKitGTK were tried
    /// here so (Mesa's software renderer, GStreamer), Chromium without.
    recommends: bool,
    files: &'static [&'static str],
    version: fn() -> Option<String>,
}

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

const ENGINES: [Engine; 3] = [
    Engine {
        name: "chromium",
        packages: &["chromium"],
        recommends: false,
        files: &["/usr/bin/chromium"],
        version: || {
            let v = output(Command::new("chromium").arg("--version"))?;
            // "Chromium 156.0.8078.114 built on Debian ..."
            Some(v.split(" built on").next()?.trim().to_string())
        },
    },
    Engine {
        name: "firefox",
        packages: &["firefox-esr"],
        recommends: true,
        files: &["/usr/bin/firefox-esr"],
        version: || {
            let v = output(Command::new("firefox-esr").arg("--version"))?;
            Some(v.trim().trim_start_matches("Mozilla ").to_string())
        },
    },
    Engine {
        name: "webkit",
        // WebKitWebDriver drives MiniBrowser (from libwebkit2gtk-4.1-0), which
        // needs an X display: Xvfb.
        packages: &["webkit2gtk-driver", "xvfb"],
        recommends: true,
        files: &["/usr/bin/WebKitWebDriver", "/usr/bin/Xvfb", MINIBROWSER],
        version: || {
            let v = output(Command::new("dpkg-query").args([
                "-W",
                "-f",
                "${Version}",
                "libwebkit2gtk-4.1-0",
            ]))?;
            // "2.50.6-1~deb12u2": the upstream version.
            Some(format!("WebKitGTK {}", v.split('-').next()?.trim()))
        },
    },
];

/// Installs each engine that is missing (skipping those already there).
fn ensure_engines() -> Result {
    for engine in &ENGINES {
        let present = || engine.files.iter().all(|f| Path::new(f).exists());
        if !ensure_apt_with(engine.name, engine.packages, engine.recommends, present) {
            return Err(format!(
                "{} is needed for the browser tests and could not be installed ({:?})",
                engine.name, engine.packages
            ));
        }
    }
    Ok(())
}

fn ensure_npm_packages(dir: &Path) -> Result {
    let modules = dir.join("node_modules");
    let lock = dir.join("package-lock.json");
    let fresh = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let stamp = modules.join(".package-lock.json");
    if modules.exists() && fresh(&stamp) >= fresh(&lock) {
        return Ok(());
    }
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir))
}

// ---------------------------------------------------------------- dist

struct Built {
    index: PathBuf,
}

fn dist() -> Result<Built> {
    ensure_wasm_target()?;
    ensure_wasm_bindgen()?;
    let root = root();
    run(cargo().args(["build", "--release", "--lib", "--target", WASM_TARGET]))?;
    let raw = target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join("storydiff.wasm");
    let out = target_dir().join("wasm-bindgen");
    run(Command::new("wasm-bindgen")
        .arg(&raw)
        .args(["--target", "no-modules", "--no-typescript", "--out-dir"])
        .arg(&out))?;
    let wasm_path = out.join("storydiff_bg.wasm");
    let raw_size = std::fs::metadata(&wasm_path)
        .map_err(|e| e.to_string())?
        .len();
    // wasm-opt from npm's binaryen: Debian's (version 108) corrupts the
    // externref table that wasm-bindgen 0.2.130 emits.
    if std::env::var_os("STORYDIFF_NO_WASM_OPT").is_none() {
        ensure_npm_packages(&root)?;
        let optimised = out.join("storydiff_opt.wasm");
        // STORYDIFF_WASM_OPT picks other flags (-O3, -Os) to compare the
        // size and speed trade-off with `cargo xtask bench`; add `-g` to
        // keep function names for a profiler.
        let level = std::env::var("STORYDIFF_WASM_OPT").unwrap_or_else(|_| "-Oz".into());
        run(Command::new(root.join("node_modules/.bin/wasm-opt"))
            .arg(&wasm_path)
            .args(level.split_whitespace())
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
                "--enable-simd",
                "-o",
            ])
            .arg(&optimised))?;
        std::fs::rename(&optimised, &wasm_path).map_err(|e| e.to_string())?;
    }
    let wasm = std::fs::read(&wasm_path).map_err(|e| e.to_string())?;

    // esbuild bundles www/'s modules with the glue and the wasm
    // (xtask/bundle.mjs); the page's tags are then replaced by what they
    // link.
    ensure_npm_packages(&root)?;
    let version = env!("CARGO_PKG_VERSION");
    let bundle = target_dir().join("bundle");
    run(Command::new("node")
        .arg(root.join("xtask/bundle.mjs"))
        .arg(out.join("storydiff.js"))
        .arg(&wasm_path)
        .arg(version)
        .arg(&bundle))?;
    let built =
        |name: &str| std::fs::read_to_string(bundle.join(name)).map_err(|e| format!("{name}: {e}"));
    let script = built("story-diff.js")?;
    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let page = inline_page(
        &read("www/index.html")?,
        &[
            (
                "<link rel=\"stylesheet\" href=\"page/page.css\">",
                Inline::Style(&built("page.css")?),
            ),
            (
                "<link rel=\"stylesheet\" media=\"print\" href=\"page/print.css\">",
                Inline::PrintStyle(&built("print.css")?),
            ),
            (
                "<script type=\"module\" src=\"page/main.js\"></script>",
                Inline::Script(&built("page.js")?),
            ),
        ],
    )?;
    let page = with_csp(&page)?;
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("story-diff.js"), &script).map_err(|e| e.to_string())?;
    let index = dist.join("index.html");
    std::fs::write(&index, &page).map_err(|e| e.to_string())?;
    npm_package(
        &dist.join("npm"),
        &script,
        &built("story-diff.mjs")?,
        version,
        &read,
    )?;

    println!("wasm before wasm-opt: {} KB", raw_size / 1024);
    size::print(&[
        ("wasm", &wasm),
        ("page (dist/index.html)", page.as_bytes()),
        ("embed script (dist/story-diff.js)", script.as_bytes()),
    ]);
    println!("Open the page: file://{}", index.display());
    Ok(Built { index })
}

/// What takes the place of one tag of www/index.html in the page.
enum Inline<'a> {
    Style(&'a str),
    PrintStyle(&'a str),
    Script(&'a str),
}

/// The page as one file: each `(tag, inline)` replaces the one tag of
/// `html` that links a bundled file. A tag that is missing or stands
/// twice is an error, as is bundled text that would close its element
/// early.
fn inline_page(html: &str, parts: &[(&str, Inline<'_>)]) -> Result<String> {
    let mut page = html.to_string();
    for (tag, inline) in parts {
        if page.matches(tag).count() != 1 {
            return Err(format!("www/index.html must hold `{tag}` exactly once"));
        }
        let (open, body, close) = match inline {
            Inline::Style(css) => ("<style>", *css, "</style"),
            Inline::PrintStyle(css) => ("<style media=\"print\">", *css, "</style"),
            Inline::Script(js) => ("<script>", *js, "</script"),
        };
        if body.to_ascii_lowercase().contains(close) {
            return Err(format!("the text that replaces `{tag}` holds {close}"));
        }
        page = page.replace(tag, &format!("{open}\n{body}{close}>"));
    }
    Ok(page)
}

/// The page's Content-Security-Policy: scripts only by the sha256 of the
/// page's own inline scripts, wasm compiled from those scripts
/// ('wasm-unsafe-eval'), workers only from Blob URLs the page makes; no
/// network, no plug-ins, no forms, no <base>. Styles may be inline (the
/// page's own <style>, and style sheets in shadow roots); with nothing
/// allowed to load, CSS cannot send anything anywhere.
fn csp(page: &str) -> Result<String> {
    let hashes: Vec<String> = inline_scripts(page)?
        .into_iter()
        // The browser hashes the text after HTML's newline normalisation.
        .map(|s| s.replace("\r\n", "\n").replace('\r', "\n"))
        .map(|s| format!("'sha256-{}'", base64(&sha256(s.as_bytes()))))
        .collect();
    Ok(format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; worker-src blob:; \
         style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'",
        hashes.join(" ")
    ))
}

/// Puts the CSP `<meta>` straight after `<meta charset>`, before anything
/// it governs.
fn with_csp(page: &str) -> Result<String> {
    const CHARSET: &str = "<meta charset=\"utf-8\">\n";
    let at = page
        .find(CHARSET)
        .ok_or("www/index.html: no <meta charset=\"utf-8\"> to put the CSP after")?
        + CHARSET.len();
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        csp(page)?
    );
    Ok(format!("{}{meta}{}", &page[..at], &page[at..]))
}

/// The text of every inline `<script>` in `page`, exactly as the browser
/// hashes it. A `<script src>` is refused: the page must be one file.
fn inline_scripts(page: &str) -> Result<Vec<&str>> {
    let mut out = Vec::new();
    let mut rest = page;
    while let Some(open) = rest.find("<script") {
        let tag_end = rest[open..].find('>').ok_or("unterminated <script> tag")? + open;
        if rest[open..tag_end].contains("src=") {
            return Err("the page must not load scripts by src (it opens from file://)".into());
        }
        let body = &rest[tag_end + 1..];
        let close = body.find("</script>").ok_or("a <script> is never closed")?;
        out.push(&body[..close]);
        rest = &body[close..];
    }
    Ok(out)
}

/// The ES module's named exports: every public member of `window.StoryDiff`
/// (its `_` test hooks aside), as www/npm/story-diff.d.ts declares them.
/// tests/e2e/types.test.mjs holds the three to the same names, and `dist`
/// checks the bundle's exports against this list.
const NPM_EXPORTS: [&str; 13] = [
    "compare",
    "compareAsync",
    "compareHistory",
    "compareHistoryAsync",
    "cancel",
    "render",
    "view",
    "viewInto",
    "ledger",
    "readHtml",
    "inlineView",
    "summary",
    "version",
];

/// `dist/npm/`: the package a site installs: the classic script, an ES
/// module build of the same code, TypeScript declarations and a README.
fn npm_package(
    dir: &Path,
    script: &str,
    module: &str,
    version: &str,
    read: &dyn Fn(&str) -> Result<String>,
) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("dist/npm/{name}: {e}"))
    };
    write("story-diff.js", script)?;
    // The bundle's exports must be the list the .d.ts keeps, and default.
    let mut names = module_exports(module)?;
    names.sort_unstable();
    let mut expected: Vec<&str> = NPM_EXPORTS.iter().copied().chain(["default"]).collect();
    expected.sort_unstable();
    if names != expected {
        return Err(format!(
            "dist/npm/story-diff.mjs exports {names:?}, not {expected:?} (NPM_EXPORTS)"
        ));
    }
    write("story-diff.mjs", module)?;
    write("story-diff.d.ts", &read("www/npm/story-diff.d.ts")?)?;
    write("README.md", &read("www/npm/README.md")?)?;
    write(
        "package.json",
        &read("www/npm/package.json")?.replace("@VERSION@", version),
    )?;
    Ok(())
}

/// The names an esbuild ES module exports: its closing `export { a, b as
/// c };` statement.
fn module_exports(module: &str) -> Result<Vec<&str>> {
    let at = module
        .rfind("export {")
        .ok_or("the ES module has no `export { ... }`")?;
    let list = &module[at + "export {".len()..];
    let list = &list[..list.find('}').ok_or("an unclosed `export {`")?];
    Ok(list
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| item.rsplit(" as ").next().unwrap_or(item).trim())
        .collect())
}

/// SHA-256, for the CSP's script hashes.
fn sha256(data: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(data).into()
}

/// Standard base64 with padding, as a CSP source wants it.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

// ---------------------------------------------------------------- test

fn test() -> Result {
    let built = dist()?;
    run(cargo().args(["fmt", "--all", "--check"]))?;
    run(cargo().args([
        "clippy",
        "--workspace",
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ]))?;
    run(cargo().args([
        "clippy",
        "--lib",
        "--tests",
        "--target",
        WASM_TARGET,
        "--",
        "-D",
        "warnings",
    ]))?;
    // The API docs build with no warning (broken links, missing docs).
    run(cargo()
        .args(["doc", "--no-deps", "--package", "storydiff"])
        .env("RUSTDOCFLAGS", "-D warnings"))?;
    run(cargo().args(["test", "--workspace"]))?;
    // The fuzz target lives outside the workspace (it needs nightly to
    // run); checking it here keeps it building as the API grows.
    run(cargo().args(["check", "--manifest-path", "fuzz/Cargo.toml", "--bins"]))?;
    // The wasm tests run as wasm, in Node (wasm-bindgen-test-runner is the
    // target's runner in .cargo/config.toml).
    run(cargo().args(["test", "--target", WASM_TARGET, "--test", "wasm"]))?;

    ensure_engines()?;
    let e2e = root().join("tests").join("e2e");
    ensure_npm_packages(&root())?;
    // The npm package's declarations, as a TypeScript user meets them:
    // tests/types/usage.ts imports "storydiff" (dist/npm), calls every
    // function and reads every model field; its `@ts-expect-error` lines
    // hold wrong uses to failing.
    run(Command::new(root().join("node_modules/.bin/tsc")).args([
        "--project",
        "tests/types/tsconfig.json",
        "--noEmit",
        "--strict",
    ]))?;
    // The Chromium tests (those that need its protocol, and the rest that
    // have not moved to the journeys), then the user journeys once per
    // engine: every engine runs even when one fails, so a failure says
    // which engines it is in.
    let mut files: Vec<PathBuf> = std::fs::read_dir(&e2e)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy();
            name.ends_with(".test.mjs") && !name.starts_with("journeys-")
        })
        .collect();
    files.sort();
    let mut node = Command::new("node");
    node.arg("--test").arg("--test-concurrency=1");
    node.args(&files).env("STORYDIFF_PAGE", &built.index);
    let chromium_tests = run(&mut node);
    let mut summary = Vec::new();
    let mut failed = Vec::new();
    for engine in &ENGINES {
        let version = (engine.version)().unwrap_or_else(|| engine.name.to_string());
        let journeys = e2e.join(format!("journeys-{}.test.mjs", engine.name));
        let outcome = run(Command::new("node")
            .arg("--test")
            .arg(&journeys)
            .env("STORYDIFF_PAGE", &built.index));
        summary.push(format!(
            "  {version}: {}",
            if outcome.is_ok() { "passed" } else { "FAILED" }
        ));
        if outcome.is_err() {
            failed.push(version);
        }
    }
    eprintln!(
        "xtask: the user journeys, by engine:\n{}",
        summary.join("\n")
    );
    chromium_tests?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("the user journeys failed in {}", failed.join(", ")))
    }
}

// ---------------------------------------------------------------- bench

fn bench() -> Result {
    let built = dist()?;
    let root = root();
    // Native timings first, in the release profile (the wasm's).
    let native = cargo()
        .args(["run", "--quiet", "--release", "--example", "bench"])
        .current_dir(&root)
        .output()
        .map_err(|e| format!("could not run the native bench: {e}"))?;
    if !native.status.success() {
        return Err(format!(
            "the native bench failed:\n{}",
            String::from_utf8_lossy(&native.stderr)
        ));
    }
    println!("native, where the time goes (median ms of each stage of compare):");
    print!("{}", String::from_utf8_lossy(&native.stderr));
    let tsv = target_dir().join("bench-native.tsv");
    std::fs::write(&tsv, &native.stdout).map_err(|e| e.to_string())?;
    if !ensure_apt("chromium", &["chromium"]) {
        return Err("Chromium is needed for the benchmark and could not be installed".into());
    }
    ensure_npm_packages(&root)?;
    let script = built
        .index
        .parent()
        .expect("dist/index.html has a folder")
        .join("story-diff.js");
    run(Command::new("node")
        .arg(root.join("xtask").join("bench.mjs"))
        .env("STORYDIFF_SCRIPT", script)
        .env("STORYDIFF_PAGE", &built.index)
        .env("STORYDIFF_NATIVE", &tsv)
        .env("STORYDIFF_BENCH_JSON", target_dir().join("bench.json")))?;
    // A story's history in the page: the 38-version chain dropped at once.
    run(Command::new("node")
        .arg(root.join("xtask").join("bench-history.mjs"))
        .env("STORYDIFF_PAGE", &built.index))?;
    // Last, so that installing twiggy never runs beside the timings.
    size::twiggy(
        &target_dir()
            .join(WASM_TARGET)
            .join("release")
            .join("storydiff.wasm"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_matches_the_standard_vectors() {
        let hex = |d: [u8; 32]| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha256(b"abc")),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            hex(sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let long = vec![b'a'; 1000];
        assert_eq!(
            hex(sha256(&long)),
            "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3"
        );
    }

    #[test]
    fn csp_hashes_every_inline_script_and_goes_first() {
        let page =
            "<head>\n<meta charset=\"utf-8\">\n<script>a()</script><script type=\"x\">b</script>";
        let out = with_csp(page).unwrap();
        let meta_at = out.find("Content-Security-Policy").unwrap();
        assert!(meta_at < out.find("<script").unwrap());
        assert!(out.contains(&format!("'sha256-{}'", base64(&sha256(b"a()")))));
        assert!(out.contains(&format!("'sha256-{}'", base64(&sha256(b"b")))));
        assert!(with_csp("<meta charset=\"utf-8\">\n<script src=\"x.js\"></script>").is_err());
    }

    #[test]
    fn the_module_exports_are_read_from_its_export_statement() {
        let module =
            "var a = 1;\nexport {\n  a,\n  api_default as default,\n  summary2 as summary\n};\n";
        assert_eq!(module_exports(module).unwrap(), ["a", "default", "summary"]);
        assert!(module_exports("var a;").is_err());
    }

    #[test]
    fn the_page_inlines_each_linked_file_once_and_refuses_a_closing_tag() {
        let html = "<link rel=\"a\">\n<script src=\"b\"></script>";
        let page = inline_page(
            html,
            &[
                ("<link rel=\"a\">", Inline::Style("p{}")),
                ("<script src=\"b\"></script>", Inline::Script("go()")),
            ],
        )
        .unwrap();
        assert_eq!(page, "<style>\np{}</style>\n<script>\ngo()</script>");
        let twice = "<link rel=\"a\"><link rel=\"a\">";
        assert!(inline_page(twice, &[("<link rel=\"a\">", Inline::Style(""))]).is_err());
        assert!(inline_page(html, &[("<link rel=\"x\">", Inline::Style(""))]).is_err());
        let early = Inline::Script("s = '</SCRIPT>'");
        assert!(inline_page(html, &[("<script src=\"b\"></script>", early)]).is_err());
    }
}
