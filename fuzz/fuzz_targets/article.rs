//! Any bytes as an article: the generator never panics, and whatever deck
//! it makes is written and read back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizdeck::cli::InputFormat;
use quizdeck::cmd::generate::{Request, deck_from_bytes};
use quizdeck::deck::yaml;
use quizdeck::extract::Analyzers;

thread_local! {
    static ANALYZERS: std::cell::RefCell<Analyzers> = std::cell::RefCell::new(Analyzers::default());
}

fuzz_target!(|data: &[u8]| {
    ANALYZERS.with_borrow_mut(|an| {
        // The first byte picks the format; detection from the text (HTML
        // or plain) when it picks none.
        let format = match data.first().map(|b| b % 8) {
            Some(1) => Some(InputFormat::Text),
            Some(2) => Some(InputFormat::Markdown),
            Some(3) => Some(InputFormat::Rst),
            Some(4) => Some(InputFormat::Asciidoc),
            Some(5) => Some(InputFormat::Html),
            Some(6) => Some(InputFormat::Org),
            Some(7) => Some(InputFormat::Latex),
            _ => None,
        };
        let req = Request {
            label: "fuzz",
            format,
            title: None,
            cloze: None,
            lossy: true,
            language: None,
        };
        if let Ok(g) = deck_from_bytes(an, data, &req) {
            let text = yaml::to_string(&g.deck).expect("a generated deck is written");
            let back = yaml::from_str(&text).expect("a generated deck reads back");
            assert_eq!(back, g.deck);
        }
    });
});
