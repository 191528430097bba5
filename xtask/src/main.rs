//! `cargo xtask dist | test`: the project's set-up, build and test driver.
//!
//! - `dist` installs what a fresh machine lacks (the wasm target, the
//!   matching wasm-bindgen CLI, the npm packages with wasm-opt), builds the wasm and writes
//!   `dist/index.html` and `dist/story-diff.js`, then prints the page's
//!   file:// address.
//! - `test` runs `dist`, then every test: Rust (native), the wasm tests in
//!   Node, `tsc` on the npm package's declarations, the page in headless
//!   Chromium, and the user journeys in Chromium, Firefox ESR and
//!   WebKitGTK (each installed from Debian's packages when missing), plus
//!   rustfmt and clippy on both targets.
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
    let glue = std::fs::read_to_string(out.join("storydiff.js")).map_err(|e| e.to_string())?;

    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    // The ledger's rules, shared by the page and the element.
    let ledger = read("www/ledger.css")?;
    let with_ledger = |p: &str| read(p).map(|css| css.replace("/*@LEDGER@*/", &ledger));
    let version = env!("CARGO_PKG_VERSION");
    // The <story-diff> element and the inline view ride in the same script,
    // inside its factory (they share its private helpers).
    let element = read("www/element.js")?.replace(
        "\"/*@ELEMENT_CSS@*/\"",
        &js_string(&with_ledger("www/element.css")?),
    );
    let script = read("www/story-diff.js")?
        .replace("/*@ELEMENT@*/", &element)
        .replace("/*@GLUE@*/", &glue)
        .replace("/*@WASM@*/", &base64(&wasm))
        .replace("/*@VERSION@*/", version);
    let seeds = format!(
        "window.STORYDIFF_SEEDS = {{ before: {}, after: {} }};",
        js_string(&read("seeds/000_ba2ed8750da60442.txt")?),
        js_string(&read("seeds/001_c841d5658e0f1fdf.txt")?)
    );
    let page = read("www/index.html")?
        .replace("/*@STYLE@*/", &with_ledger("www/style.css")?)
        .replace("/*@STORYDIFF@*/", &script)
        .replace("/*@SEEDS@*/", &seeds)
        .replace("/*@APP@*/", &read("www/app.js")?)
        .replace("/*@SHARE_STYLE@*/", &read("www/share.css")?)
        .replace("/*@PRINT_STYLE@*/", &read("www/print.css")?)
        .replace("/*@SHARE@*/", &share_script(&read)?);
    let page = with_csp(&page)?;
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("story-diff.js"), &script).map_err(|e| e.to_string())?;
    let index = dist.join("index.html");
    std::fs::write(&index, &page).map_err(|e| e.to_string())?;
    npm_package(&dist.join("npm"), &script, version, &read)?;

    println!("wasm before wasm-opt: {} KB", raw_size / 1024);
    size::print(&[
        ("wasm", &wasm),
        ("page (dist/index.html)", page.as_bytes()),
        ("embed script (dist/story-diff.js)", script.as_bytes()),
    ]);
    println!("Open the page: file://{}", index.display());
    Ok(Built { index })
}

/// The page's share, keep and navigate features (www/*.js besides app.js),
/// in the order they must run: before app.js, so a stored draft is in the
/// text areas before the first comparison.
fn share_script(read: &dyn Fn(&str) -> Result<String>) -> Result<String> {
    let mut out = String::new();
    for file in [
        "www/storage.js",
        "www/deflate.js",
        "www/permalink.js",
        "www/export.js",
        "www/ui.js",
        "www/history.js",
    ] {
        out.push_str(&read(file)?);
        out.push('\n');
    }
    Ok(out)
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
/// tests/e2e/types.test.mjs holds the three to the same names.
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
    version: &str,
    read: &dyn Fn(&str) -> Result<String>,
) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let write = |name: &str, text: &str| {
        std::fs::write(dir.join(name), text).map_err(|e| format!("dist/npm/{name}: {e}"))
    };
    write("story-diff.js", script)?;
    // The ES module runs the classic script with `window.StoryDiff` made
    // a private binding (no global is set; `window` itself stays the real
    // one, which wasm-bindgen's glue looks up), and exports what it
    // defined; <story-diff> is registered all the same.
    let private = script.replace("window.StoryDiff", "storydiffModule.StoryDiff");
    let mut module = format!(
        "// storydiff {version}: the ES module build of story-diff.js.\n\
         const StoryDiff = (function () {{\n  var storydiffModule = {{}};\n{private}\n  return storydiffModule.StoryDiff;\n}})();\n"
    );
    for name in NPM_EXPORTS {
        module.push_str(&format!("export const {name} = StoryDiff.{name};\n"));
    }
    module.push_str("export default StoryDiff;\n");
    write("story-diff.mjs", &module)?;
    write("story-diff.d.ts", &read("www/npm/story-diff.d.ts")?)?;
    write("README.md", &read("www/npm/README.md")?)?;
    write(
        "package.json",
        &read("www/npm/package.json")?.replace("@VERSION@", version),
    )?;
    Ok(())
}

/// SHA-256 (FIPS 180-4), for the CSP's script hashes.
fn sha256(data: &[u8]) -> [u8; 32] {
    const K: [u32; 64] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
        0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
        0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
        0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
        0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
        0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
        0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
        0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
        0xc67178f2,
    ];
    let mut h: [u32; 8] = [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab,
        0x5be0cd19,
    ];
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&((data.len() as u64) * 8).to_be_bytes());
    for chunk in message.chunks(64) {
        let mut w = [0u32; 64];
        for (i, word) in chunk.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..64 {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16]
                .wrapping_add(s0)
                .wrapping_add(w[i - 7])
                .wrapping_add(s1);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for i in 0..64 {
            let s1 = e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(K[i])
                .wrapping_add(w[i]);
            let s0 = a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 32];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A JS string literal safe inside an inline `<script>`.
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
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
}
