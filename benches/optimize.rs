//! Fitting FSRS-6 parameters: `cargo bench --bench optimize`.
//!
//! Synthetic histories (default 100k cards x 10 answers = 1M reviews):
//! each card is learned, then reviewed at intervals that grow with each
//! pass and shrink after a lapse; a card is recalled with the probability
//! a hidden "true" forgetting curve gives, so there is something to learn.
//! Reports the time of `schedule::fit` (evaluation before, training,
//! evaluation after) and the log loss and RMSE before and after.
//!
//! Options: `--cards N`, `--reviews N` (per card), `--seed N`.

#![allow(clippy::expect_used, clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use quizdeck::schedule::{self, CardHistory, Rating};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut cards, mut per_card, mut seed) = (100_000usize, 10usize, 7u64);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--cards" => cards = args.next().and_then(|v| v.parse().ok()).unwrap_or(cards),
            "--reviews" => per_card = args.next().and_then(|v| v.parse().ok()).unwrap_or(per_card),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            _ => {}
        }
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut histories: Vec<CardHistory> = Vec::with_capacity(cards);
    for c in 0..cards {
        let mut day = (c % 365) as i64;
        // Hidden memory: stability in days, growing on success.
        let mut stability: f64 = rng.random_range(0.5..4.0);
        let mut h = vec![(day, Rating::Good)];
        for _ in 1..per_card {
            let interval = (stability * rng.random_range(0.8..1.3)).round().max(1.0) as i64;
            day += interval;
            let recall = (1.0 + interval as f64 / (9.0 * stability)).powf(-1.0);
            let rating = if rng.random_bool(recall.clamp(0.05, 0.99)) {
                if rng.random_bool(0.15) {
                    Rating::Easy
                } else {
                    Rating::Good
                }
            } else {
                Rating::Again
            };
            stability = if rating == Rating::Again {
                (stability * 0.4).max(0.5)
            } else {
                stability * 2.5
            };
            h.push((day, rating));
        }
        histories.push(h);
    }
    let reviews: usize = histories.iter().map(Vec::len).sum();
    println!(
        "histories: {cards} cards, {reviews} answers, {} to learn from",
        schedule::fit_reviews(&histories)
    );
    let t = Instant::now();
    let fitted = schedule::fit(&histories, None, None).expect("fit");
    let secs = t.elapsed().as_secs_f64();
    println!(
        "fit: {secs:.1} s; log loss {:.4} -> {:.4}, RMSE {:.4} -> {:.4}",
        fitted.before.log_loss, fitted.after.log_loss, fitted.before.rmse, fitted.after.rmse
    );
}
