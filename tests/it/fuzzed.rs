//! Inputs the fuzz targets (`fuzz/`) found crashing, kept so that the fix
//! stays: each runs through the same check as its target.

use quizdeck::cmd::generate::{Request, deck_from_bytes};
use quizdeck::deck::yaml;
use quizdeck::exchange::{from_anki, to_anki};
use quizdeck::extract::Analyzers;

use crate::env::repo;

fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = repo().join("tests/fixtures/fuzz").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|e| {
            let p = e.unwrap().path();
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn article_inputs_generate_decks_that_read_back_unchanged() {
    let mut an = Analyzers::default();
    let found = inputs("article");
    assert!(!found.is_empty(), "the regression inputs are in the repository");
    for (name, data) in found {
        let req = Request {
            label: "fuzz",
            format: None,
            title: None,
            cloze: None,
            lossy: true,
            language: None,
        };
        if let Ok(g) = deck_from_bytes(&mut an, &data, &req) {
            let text = yaml::to_string(&g.deck).unwrap();
            assert_eq!(yaml::from_str(&text).unwrap(), g.deck, "{name}");
        }
    }
}

#[test]
fn deck_inputs_load_or_fail_cleanly_and_read_back_unchanged() {
    for (name, data) in inputs("deck") {
        let Ok(text) = std::str::from_utf8(&data) else { continue };
        if let Ok(deck) = yaml::from_str(text) {
            let written = yaml::to_string(&deck).unwrap();
            assert_eq!(yaml::from_str(&written).unwrap(), deck, "{name}");
        }
    }
}

#[test]
fn anki_inputs_import_and_survive_an_export() {
    for (name, data) in inputs("anki") {
        let text = String::from_utf8_lossy(&data);
        if let Ok(imported) = from_anki(&text, "Fuzz") {
            let decks: Vec<_> = imported.decks.iter().collect();
            let again = from_anki(&to_anki(&decks, None), "Fuzz").unwrap();
            assert_eq!(again.decks.len(), imported.decks.len(), "{name}");
        }
    }
}
