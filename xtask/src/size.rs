//! What the build weighs: the sizes `cargo xtask dist` prints (raw and
//! gzipped), and, for `cargo xtask bench` only, what takes the space in the
//! wasm (`twiggy`, installed here when missing; never by `dist` or `test`).

use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::{cargo, output, run, Result};

/// The gzipped size of `bytes` (best compression, as a server would send it
/// at most).
pub fn gzipped(bytes: &[u8]) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map_or(0, |out| out.len())
}

/// One line per file: its size raw and gzipped, in KB (1024 bytes).
pub fn print(files: &[(&str, &[u8])]) {
    let kb = |n: usize| format!("{:.0} KB", n as f64 / 1024.0);
    for (name, bytes) in files {
        println!(
            "{name}: {} ({} gzipped)",
            kb(bytes.len()),
            kb(gzipped(bytes))
        );
    }
}

/// `twiggy top` and `twiggy dominators` of the wasm that rustc built
/// (before wasm-bindgen and wasm-opt: its functions still carry their
/// names, so the report says what they are; the shares are near the final
/// wasm's). Installs twiggy with `cargo install` the first time.
pub fn twiggy(wasm: &Path) -> Result {
    if output(Command::new("twiggy").arg("--version")).is_none() {
        eprintln!("xtask: installing twiggy, for the size report (a few minutes, once)");
        run(cargo().args(["install", "twiggy"]))?;
    }
    println!("\nWhat takes the space in {} (twiggy):", wasm.display());
    run(Command::new("twiggy")
        .arg("top")
        .args(["-n", "25"])
        .arg(wasm))?;
    run(Command::new("twiggy")
        .arg("dominators")
        .args(["-d", "3", "-r", "40"])
        .arg(wasm))
}

#[cfg(test)]
mod tests {
    use super::gzipped;

    #[test]
    fn gzip_shrinks_repetition_and_has_a_header() {
        let text = "the same words again and again ".repeat(1000);
        let size = gzipped(text.as_bytes());
        assert!(size > 18 && size < 1000, "{size}");
        // Header (10 bytes) and trailer (8) around an empty deflate stream.
        assert!(gzipped(b"") >= 18);
    }
}
