//! The synthetic collection the `quiz` and `stats` benchmarks share:
//! deck files of generated cards and a database of reviews spread over a
//! year.

use std::path::Path;
use std::time::Instant;

use quizdeck::schedule::{CardState, Rating, State};
use quizdeck::session::{Mode, Review};
use quizdeck::store::Store;

/// Sizes from the command line: `--decks N`, `--cards N` (per deck),
/// `--reviews N` (per card), `--dir DIR` (keep the collection there).
pub struct Options {
    pub decks: usize,
    pub cards: usize,
    pub per_card: usize,
    pub keep: Option<String>,
}

pub fn options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        decks: 1000,
        cards: 100,
        per_card: 10,
        keep: None,
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--decks" => o.decks = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.decks),
            "--cards" => o.cards = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.cards),
            "--reviews" => o.per_card = args.next().and_then(|v| v.parse().ok()).unwrap_or(o.per_card),
            "--dir" => o.keep = args.next(),
            _ => {}
        }
    }
    o
}

fn deck_text(d: usize, cards: usize) -> String {
    let mut s = format!("version: 1\ntitle: Deck {d:04}\ncards:\n");
    for c in 0..cards {
        if c % 3 == 0 {
            s.push_str(&format!("- id: d{d}c{c}\n  kind: cloze\n  text: Fact {c} of deck {d} is {{{{answer {c}}}}} and more words.\n  tags: [q{c}]\n"));
        } else {
            s.push_str(&format!(
                "- id: d{d}c{c}\n  kind: qa\n  question: What is question {c} of deck {d}?\n  answer: It is the answer to question {c}, with a few words.\n  context: Some context for the answer, as generated decks have.\n  tags: [q{c}]\n"
            ));
        }
    }
    s
}

/// Writes the deck files and the database into `dir`; returns the store.
pub fn build(dir: &Path, o: &Options) -> Store {
    let (decks, cards, per_card) = (o.decks, o.cards, o.per_card);
    std::fs::create_dir_all(dir.join("decks")).unwrap();
    let t = Instant::now();
    for d in 0..decks {
        std::fs::write(dir.join(format!("decks/deck-{d:04}.yaml")), deck_text(d, cards)).unwrap();
    }
    // Files written in the last seconds are never cached (their content
    // may still change within one timestamp tick); the collection is older.
    let minute_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(60);
    for d in 0..decks {
        let f = std::fs::File::options()
            .write(true)
            .open(dir.join(format!("decks/deck-{d:04}.yaml")))
            .unwrap();
        f.set_modified(minute_ago).unwrap();
    }
    let yaml_mb: u64 = std::fs::read_dir(dir.join("decks"))
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().len())
        .sum();
    println!(
        "collection: {decks} decks x {cards} cards = {} cards, {:.1} MB of YAML, written in {:.1} s",
        decks * cards,
        yaml_mb as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let t = Instant::now();
    let mut store = Store::open(&dir.join("progress.db")).expect("open db");
    let year_start = 1_767_225_600; // 2026-01-01
    let mut batch = Vec::with_capacity(100_000);
    let mut total = 0usize;
    for d in 0..decks {
        for c in 0..cards {
            let mut state = CardState::new_card();
            for k in 0..per_card {
                let time = year_start + (k as i64 * 36 + (c % 30) as i64) * 86_400;
                let rating = if (c + k) % 7 == 0 { Rating::Again } else { Rating::Good };
                let after = CardState {
                    state: State::Review,
                    stability: Some(2.0 + k as f64 * 3.0),
                    difficulty: Some(5.0),
                    step: 0,
                    // A tenth of the cards are due on the benchmark day.
                    due: if c % 10 == 0 { 1_799_000_000 } else { 1_900_000_000 },
                    last_review: Some(time),
                    interval_days: 30,
                    reps: state.reps + 1,
                    lapses: state.lapses + u32::from(rating == Rating::Again),
                };
                batch.push(Review {
                    deck: format!("Deck {d:04}"),
                    card_id: format!("d{d}c{c}"),
                    kind: "qa",
                    time,
                    day: (time - 14_400).div_euclid(86_400),
                    rating,
                    suggested: None,
                    mode: Mode::Flip,
                    correct: None,
                    answer_ms: 4000,
                    before: state,
                    after,
                    practice: false,
                });
                state = after;
                total += 1;
            }
            if batch.len() >= 100_000 {
                store.record_many(&batch).unwrap();
                batch.clear();
            }
        }
    }
    store.record_many(&batch).unwrap();
    println!(
        "database: {total} reviews written in {:.1} s",
        t.elapsed().as_secs_f64()
    );

    store
}
