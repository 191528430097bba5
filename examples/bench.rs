//! Native timings of `compare` over the benchmark pairs, so that the
//! wasm/native ratio is known. `cargo xtask bench` runs it in the
//! release profile, the wasm's; by hand:
//! `cargo run --release --example bench [-- RUNS [NAME]]`
//! (NAME: only the pairs whose name holds it).
//!
//! The pairs are the seeds and, read at run time, the corpus in
//! `../shared/corpus` (never committed: it is the publishers' copyright).
//! It prints one tab-separated line per pair: name, bytes, median ms,
//! rows, approximate; and on stderr, where the time of each pair goes:
//! the median ms of each stage (`compare_in_laps`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use storydiff::{compare, compare_in_laps, Options};

/// The benchmark pairs: (name, Before path, After path): the seeds, then
/// the corpus folders `xtask/bench-pairs.txt` names (as `xtask/bench.mjs`
/// reads them).
fn pairs(root: &Path) -> Vec<(String, PathBuf, PathBuf)> {
    let mut out = vec![(
        "seeds_000_001".to_string(),
        root.join("seeds/000_ba2ed8750da60442.txt"),
        root.join("seeds/001_c841d5658e0f1fdf.txt"),
    )];
    let corpus = std::env::var_os("STORYDIFF_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus"));
    let list =
        std::fs::read_to_string(root.join("xtask/bench-pairs.txt")).expect("xtask/bench-pairs.txt");
    for name in list
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let dir = corpus.join(name);
        if dir.is_dir() {
            out.push((name.to_string(), dir.join("a.txt"), dir.join("b.txt")));
        } else {
            eprintln!("bench: {} is missing, skipped", dir.display());
        }
    }
    out
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(7);
    let only = std::env::args().nth(2).unwrap_or_default();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let options = Options::default();
    for (name, a, b) in pairs(root) {
        if !name.contains(&only) {
            continue;
        }
        let read = |p: &Path| {
            std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        };
        let (before, after) = (read(&a), read(&b));
        let mut times = Vec::with_capacity(runs);
        let mut shape = (0, false);
        for _ in 0..runs {
            let start = Instant::now();
            let c = compare(&before, &after, &options);
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            shape = (c.rows.len(), c.approximate);
        }
        times.sort_by(f64::total_cmp);
        // The stages, timed in runs of their own (so the laps cost the
        // totals above nothing).
        let mut laps: Vec<(&'static str, Vec<f64>)> = Vec::new();
        for _ in 0..runs {
            let mut last = Instant::now();
            let mut k = 0;
            compare_in_laps(&before, &after, &options, &mut |stage| {
                let ms = last.elapsed().as_secs_f64() * 1000.0;
                last = Instant::now();
                if laps.len() == k {
                    laps.push((stage, Vec::new()));
                }
                laps[k].1.push(ms);
                k += 1;
            });
        }
        let stages: Vec<String> = laps
            .iter_mut()
            .map(|(stage, ms)| {
                ms.sort_by(f64::total_cmp);
                format!("{stage} {:.3}", ms[ms.len() / 2])
            })
            .collect();
        eprintln!("{name}: {}", stages.join(", "));
        println!(
            "{name}\t{}\t{:.3}\t{}\t{}",
            before.len() + after.len(),
            times[runs / 2],
            shape.0,
            shape.1
        );
    }
}
