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

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use quizdeck::schedule::{CardState, Rating, State};
use quizdeck::session::{Mode, Review};

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
    let o = common::options();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = o
        .keep
        .clone()
        .map_or_else(|| tmp.path().to_path_buf(), std::path::PathBuf::from);
    let mut store = common::build(&dir, &o);

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
