//! Study-session latency on a large collection: `cargo bench --bench quiz`.
//!
//! Generates 1,000 deck files of 100 cards (100k cards) and a database
//! with 1M reviews (10 per card, spread over a year), then measures:
//! - time to first card shown by `quizdeck quiz --plain`, on the first run
//!   after generation (cold: no deck parsed before) and on five more runs
//!   (warm: decks unchanged, read from the database's deck cache);
//! - peak RSS of that process when the first card is shown;
//! - time to commit one answer (p50, p99 over 2,000 answers).
//!
//! Options: `--decks N`, `--cards N` (per deck), `--reviews N` (per card),
//! `--dir DIR` (keep the collection there).

#![allow(clippy::expect_used, clippy::print_stdout, clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use quizdeck::schedule::{CardState, Rating, State};
use quizdeck::session::{Mode, Review};
use quizdeck::store::Store;

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

fn first_card(bin: &std::path::Path, dir: &std::path::Path) -> (f64, u64) {
    let start = Instant::now();
    let mut child = Command::new(bin)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("QUIZDECK_DB", dir.join("progress.db"))
        .args(["quiz", "--plain", "--now", "2027-01-15T10:00:00+00:00"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn quizdeck");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("first line");
    let elapsed = start.elapsed().as_secs_f64();
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).unwrap_or_default();
    let rss_kb = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    child.kill().ok();
    child.wait().ok();
    assert!(line.starts_with("1/"), "first line is a card header: {line:?}");
    (elapsed, rss_kb)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut decks, mut cards, mut per_card, mut keep) = (1000usize, 100usize, 10usize, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--decks" => decks = args.next().and_then(|v| v.parse().ok()).unwrap_or(decks),
            "--cards" => cards = args.next().and_then(|v| v.parse().ok()).unwrap_or(cards),
            "--reviews" => per_card = args.next().and_then(|v| v.parse().ok()).unwrap_or(per_card),
            "--dir" => keep = args.next(),
            _ => {}
        }
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = keep.map_or_else(|| tmp.path().to_path_buf(), std::path::PathBuf::from);
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

    let bin = std::path::PathBuf::from(env!("CARGO_BIN_EXE_quizdeck"));
    let (cold, rss_cold) = first_card(&bin, &dir);
    let mut warm: Vec<(f64, u64)> = (0..5).map(|_| first_card(&bin, &dir)).collect();
    warm.sort_by(|a, b| a.0.total_cmp(&b.0));
    let rss_warm = warm.iter().map(|w| w.1).max().unwrap_or(0);
    println!(
        "first card: cold {:.0} ms (peak RSS {} MB); warm median {:.0} ms of 5 (min {:.0}, max {:.0}; peak RSS {} MB)",
        cold * 1e3,
        rss_cold / 1024,
        warm[2].0 * 1e3,
        warm[0].0 * 1e3,
        warm[4].0 * 1e3,
        rss_warm / 1024
    );

    let mut lat = Vec::with_capacity(2000);
    for i in 0..2000 {
        let before = CardState::new_card();
        let r = Review {
            deck: "Deck 0000".into(),
            card_id: format!("bench{i}"),
            kind: "qa",
            time: 1_799_000_000 + i,
            day: (1_799_000_000 + i - 14_400).div_euclid(86_400),
            rating: Rating::Good,
            suggested: None,
            mode: Mode::Flip,
            correct: None,
            answer_ms: 1000,
            before,
            after: CardState {
                state: State::Learning,
                reps: 1,
                due: 1_799_000_600,
                ..before
            },
            practice: false,
        };
        let t = Instant::now();
        store.record(&r).unwrap();
        lat.push(t.elapsed().as_secs_f64() * 1e3);
    }
    lat.sort_by(f64::total_cmp);
    println!(
        "answer commit: p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms (2000 answers, WAL, synchronous=NORMAL)",
        lat[1000], lat[1980], lat[1999]
    );
}
