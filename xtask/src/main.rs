//! `cargo xtask dist | test`: the project's set-up, build and test driver.
//!
//! - `dist` installs what a fresh machine lacks (the wasm target, the
//!   matching wasm-bindgen CLI, the npm packages with wasm-opt), builds the wasm and writes
//!   `dist/index.html` and `dist/story-diff.js`, then prints the page's
//!   file:// address.
//! - `test` runs `dist`, then every test: Rust (native), the wasm tests in
//!   Node, and the page in headless Chromium (installed from Debian's
//!   packages when missing), plus rustfmt and clippy on both targets.
//! - `bench` runs `dist`, the native timings (`examples/bench.rs`), then
//!   `xtask/bench.mjs`: ours against jsdiff and diff-match-patch in one
//!   headless Chromium. Not part of `test`: timings are not assertions.

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
        _ => Err("usage: cargo xtask <dist | test | bench>\n  dist   set up and build the page (dist/)\n  test   build and run every test\n  bench  time ours against jsdiff and diff-match-patch (see BENCHMARKS.md)".into()),
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
    if have(program) {
        return true;
    }
    eprintln!("xtask: {program} is missing; installing {packages:?} from Debian's packages");
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
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        run(&mut cmd)
    };
    let _ = apt(&["update"]);
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend_from_slice(packages);
    let _ = apt(&install);
    have(program)
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
    let raw = root
        .join("target")
        .join(WASM_TARGET)
        .join("release")
        .join("storydiff.wasm");
    let out = root.join("target").join("wasm-bindgen");
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
        // STORYDIFF_WASM_OPT picks another level (-O3, -Os) to compare the
        // size and speed trade-off with `cargo xtask bench`.
        let level = std::env::var("STORYDIFF_WASM_OPT").unwrap_or_else(|_| "-Oz".into());
        run(Command::new(root.join("node_modules/.bin/wasm-opt"))
            .arg(&wasm_path)
            .arg(&level)
            .args([
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
                "-o",
            ])
            .arg(&optimised))?;
        std::fs::rename(&optimised, &wasm_path).map_err(|e| e.to_string())?;
    }
    let wasm = std::fs::read(&wasm_path).map_err(|e| e.to_string())?;
    let glue = std::fs::read_to_string(out.join("storydiff.js")).map_err(|e| e.to_string())?;

    let read = |p: &str| std::fs::read_to_string(root.join(p)).map_err(|e| format!("{p}: {e}"));
    let version = env!("CARGO_PKG_VERSION");
    let script = read("www/story-diff.js")?
        .replace("/*@GLUE@*/", &glue)
        .replace("/*@WASM@*/", &base64(&wasm))
        .replace("/*@VERSION@*/", version);
    // The <story-diff> element and the inline view ride in the same script.
    let element = read("www/element.js")?.replace(
        "\"/*@ELEMENT_CSS@*/\"",
        &js_string(&read("www/element.css")?),
    );
    let script = format!("{script}\n{element}");
    let seeds = format!(
        "window.STORYDIFF_SEEDS = {{ before: {}, after: {} }};",
        js_string(&read("seeds/000_ba2ed8750da60442.txt")?),
        js_string(&read("seeds/001_c841d5658e0f1fdf.txt")?)
    );
    let page = read("www/index.html")?
        .replace("/*@STYLE@*/", &read("www/style.css")?)
        .replace("/*@STORYDIFF@*/", &script)
        .replace("/*@SEEDS@*/", &seeds)
        .replace("/*@APP@*/", &read("www/app.js")?)
        .replace("/*@SHARE_STYLE@*/", &read("www/share.css")?)
        .replace("/*@PRINT_STYLE@*/", &read("www/print.css")?)
        .replace("/*@SHARE@*/", &share_script(&read)?);
    let dist = root.join("dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    std::fs::write(dist.join("story-diff.js"), &script).map_err(|e| e.to_string())?;
    let index = dist.join("index.html");
    std::fs::write(&index, &page).map_err(|e| e.to_string())?;
    npm_package(&dist.join("npm"), &script, version, &read)?;

    let gz = gzip_size(&wasm);
    println!(
        "wasm: {} KB ({} KB before wasm-opt{}); page: {} KB",
        wasm.len() / 1024,
        raw_size / 1024,
        gz.map(|g| format!(", {} KB gzipped", g / 1024))
            .unwrap_or_default(),
        page.len() / 1024
    );
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
        "www/permalink.js",
        "www/export.js",
        "www/ui.js",
    ] {
        out.push_str(&read(file)?);
        out.push('\n');
    }
    Ok(out)
}

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
    let module = format!(
        "// storydiff {version}: the ES module build of story-diff.js.\n\
         const StoryDiff = (function () {{\n  var storydiffModule = {{}};\n{private}\n  return storydiffModule.StoryDiff;\n}})();\n\
         export const compare = StoryDiff.compare;\n\
         export const render = StoryDiff.render;\n\
         export const view = StoryDiff.view;\n\
         export const inlineView = StoryDiff.inlineView;\n\
         export const summary = StoryDiff.summary;\n\
         export const version = StoryDiff.version;\n\
         export default StoryDiff;\n"
    );
    write("story-diff.mjs", &module)?;
    write("story-diff.d.ts", &read("www/npm/story-diff.d.ts")?)?;
    write("README.md", &read("www/npm/README.md")?)?;
    write(
        "package.json",
        &read("www/npm/package.json")?.replace("@VERSION@", version),
    )?;
    Ok(())
}

/// The gzipped size of `bytes`, when `gzip` is on the machine.
fn gzip_size(bytes: &[u8]) -> Option<usize> {
    use std::io::Write;
    let mut child = Command::new("gzip")
        .arg("-9c")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(bytes).ok()?;
    Some(child.wait_with_output().ok()?.stdout.len())
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
    // The wasm tests run as wasm, in Node (wasm-bindgen-test-runner is the
    // target's runner in .cargo/config.toml).
    run(cargo().args(["test", "--target", WASM_TARGET, "--test", "wasm"]))?;

    if !ensure_apt("chromium", &["chromium"]) {
        return Err("Chromium is needed for the page tests and could not be installed".into());
    }
    let e2e = root().join("tests").join("e2e");
    ensure_npm_packages(&root())?;
    let mut node = Command::new("node");
    node.arg("--test").arg("--test-concurrency=1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&e2e)
        .map_err(|e| e.to_string())?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    files.sort();
    node.args(&files).env("STORYDIFF_PAGE", &built.index);
    run(&mut node)
}

// ---------------------------------------------------------------- bench

fn bench() -> Result {
    let built = dist()?;
    let root = root();
    // Native timings first, in the release profile at opt-level 3.
    let native = cargo()
        .args([
            "run",
            "--quiet",
            "--profile",
            "bench-native",
            "--example",
            "bench",
        ])
        .current_dir(&root)
        .output()
        .map_err(|e| format!("could not run the native bench: {e}"))?;
    if !native.status.success() {
        return Err(format!(
            "the native bench failed:\n{}",
            String::from_utf8_lossy(&native.stderr)
        ));
    }
    let tsv = root.join("target").join("bench-native.tsv");
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
        .env("STORYDIFF_NATIVE", &tsv)
        .env(
            "STORYDIFF_BENCH_JSON",
            root.join("target").join("bench.json"),
        ))
}
