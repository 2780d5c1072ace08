//! Any bytes as an Anki text export: the reader never panics, and decks it
//! makes survive an export and a second import.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizdeck::exchange::{from_anki, to_anki};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(imported) = from_anki(&text, "Fuzz") {
        let decks: Vec<_> = imported.decks.iter().collect();
        let again = from_anki(&to_anki(&decks, None), "Fuzz").expect("an export imports");
        assert_eq!(again.decks.len(), imported.decks.len());
        for (a, b) in again.decks.iter().zip(&imported.decks) {
            assert_eq!(a.cards.len(), b.cards.len());
        }
    }
});
