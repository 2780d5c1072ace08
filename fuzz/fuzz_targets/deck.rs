//! Any bytes as a deck file: the loader never panics, and a deck it
//! accepts is written and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizdeck::deck::yaml;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(deck) = yaml::from_str(text) {
        let written = yaml::to_string(&deck).expect("an accepted deck is written");
        let back = yaml::from_str(&written).expect("a written deck reads back");
        assert_eq!(back, deck);
    }
});
