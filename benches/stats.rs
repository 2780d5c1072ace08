//! `quizdeck stats` on a large collection: `cargo bench --bench stats`.
//!
//! The collection of the `quiz` benchmark (1,000 decks, 100k cards, 1M
//! reviews spread over a year), then the wall time of `stats` (text and
//! `--json`) as a user runs it: the process from start to exit, median
//! of five runs after one that fills the deck cache.
//!
//! Options: `--decks N`, `--cards N` (per deck), `--reviews N` (per card),
//! `--dir DIR` (keep the collection there).

#![allow(clippy::expect_used, clippy::print_stdout, clippy::unwrap_used)]

mod common;

use std::process::{Command, Stdio};
use std::time::Instant;

fn run(bin: &std::path::Path, dir: &std::path::Path, json: bool) -> f64 {
    let start = Instant::now();
    let mut cmd = Command::new(bin);
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("QUIZDECK_DB", dir.join("progress.db"))
        .args(["stats", "--now", "2027-01-15T10:00:00+00:00"])
        .stdout(Stdio::null());
    if json {
        cmd.arg("--json");
    }
    let status = cmd.status().expect("run quizdeck stats");
    assert!(status.success());
    start.elapsed().as_secs_f64() * 1e3
}

fn median(mut xs: Vec<f64>) -> (f64, f64, f64) {
    xs.sort_by(f64::total_cmp);
    (xs[xs.len() / 2], xs[0], xs[xs.len() - 1])
}

fn main() {
    let o = common::options();
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = o
        .keep
        .clone()
        .map_or_else(|| tmp.path().to_path_buf(), std::path::PathBuf::from);
    drop(common::build(&dir, &o));
    let bin = std::path::PathBuf::from(env!("CARGO_BIN_EXE_quizdeck"));
    let first = run(&bin, &dir, false);
    let (text, tmin, tmax) = median((0..5).map(|_| run(&bin, &dir, false)).collect());
    let (json, jmin, jmax) = median((0..5).map(|_| run(&bin, &dir, true)).collect());
    println!("stats: first run {first:.0} ms (parses and caches the decks)");
    println!("stats: text median {text:.0} ms of 5 (min {tmin:.0}, max {tmax:.0})");
    println!("stats --json: median {json:.0} ms of 5 (min {jmin:.0}, max {jmax:.0})");
}
