//! The JSON the CLI, the wasm and the page use is written by hand
//! (`present/json.rs`, no serde_json in the build); the model's types also
//! implement serde's `Serialize` for Rust callers. The two must agree byte
//! for byte: every corpus, devset and seed pair (with each option), the
//! ledger alone, and the history of every chain.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::PathBuf;

use common::{pairs, shared};
use storydiff::{compare, compare_history, Options, Version};

#[test]
fn the_models_json_is_serdes_on_every_pair() {
    let options = [
        Options::default(),
        Options {
            ignore_case: true,
            ignore_punctuation: true,
            ..Options::default()
        },
        Options {
            whole: true,
            ..Options::default()
        },
    ];
    let mut checked = 0;
    for (name, before, after) in pairs() {
        for o in &options {
            let c = compare(&before, &after, o);
            assert_eq!(
                c.to_json(),
                serde_json::to_string(&c).unwrap(),
                "{name} ({o:?})"
            );
            assert_eq!(
                c.ledger.to_json(),
                serde_json::to_string(&c.ledger).unwrap(),
                "{name}: the ledger"
            );
            checked += 1;
        }
    }
    assert!(checked > 300, "only {checked} comparisons");
}

#[test]
fn the_historys_json_is_serdes_on_every_chain() {
    let mut chains: Vec<PathBuf> = std::fs::read_dir(shared("chains"))
        .expect("a folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("v01.txt").is_file())
        .collect();
    chains.sort();
    assert!(!chains.is_empty());
    for chain in chains {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&chain)
            .expect("a chain")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let texts: Vec<String> = files
            .iter()
            .map(|p| std::fs::read_to_string(p).expect("a version"))
            .collect();
        let versions: Vec<Version<'_>> = files
            .iter()
            .zip(&texts)
            .map(|(p, t)| Version::new(p.file_name().unwrap().to_string_lossy(), t))
            .collect();
        let h = compare_history(&versions, &Options::default());
        assert_eq!(
            h.to_json(),
            serde_json::to_string(&h).unwrap(),
            "{}",
            chain.display()
        );
    }
}
