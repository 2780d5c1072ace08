//! `quizdeck cards`: every card with its schedule, as a table or JSON.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::study;
use crate::cli::{CardsArgs, Global};
use crate::schedule::State;
use crate::stats;
use crate::ui::clean;

/// One row; the field names are the documented JSON schema.
#[derive(Debug, Serialize)]
struct Row {
    id: String,
    deck: String,
    kind: &'static str,
    state: &'static str,
    due: Option<String>,
    interval_days: u32,
    stability: Option<f64>,
    difficulty: Option<f64>,
    reps: u32,
    lapses: u32,
    retrievability: Option<f64>,
    /// The deck's tags for the card, and `leech` for a leech.
    tags: Vec<String>,
}

pub fn run(global: &Global, args: &CardsArgs, out: &mut dyn Write) -> Result<()> {
    let ctx = study::context(global, &args.sched, None, None)?;
    let mut store = study::open_store(&ctx)?;
    let schedulers = study::schedulers(&ctx, &store)?;
    let decks = study::load_decks(&args.inputs, Some(&mut store))?;
    let cards = study::study_cards(&store, decks, &args.tags)?;
    let now = ctx.now.unix;
    let today = ctx.clock.day(now);
    let round = |x: f64, places: i32| (x * 10f64.powi(places)).round() / 10f64.powi(places);
    let rows: Vec<Row> = cards
        .iter()
        .filter(|c| {
            !args.due
                || match c.sched.state {
                    State::New => false,
                    State::Learning | State::Relearning => c.sched.due <= now,
                    State::Review => ctx.clock.day(c.sched.due) <= today,
                }
        })
        .map(|c| {
            let state = if c.suspended { "suspended" } else { c.sched.state.name() };
            Row {
                id: c.card.id.clone(),
                deck: c.deck.clone(),
                kind: c.kind(),
                state,
                due: (c.sched.state != State::New).then(|| ctx.clock.rfc3339(c.sched.due)),
                interval_days: c.sched.interval_days,
                stability: c.sched.stability.map(|s| round(s, 4)),
                difficulty: c.sched.difficulty.map(|d| round(d, 4)),
                reps: c.sched.reps,
                lapses: c.sched.lapses,
                retrievability: schedulers
                    .get(&c.deck)
                    .retrievability(&c.sched, now)
                    .map(|r| round(r, 4)),
                tags: {
                    let mut tags = c.card.tags.clone();
                    if c.sched.lapses >= stats::LEECH_LAPSES {
                        tags.push(stats::LEECH_TAG.to_string());
                    }
                    tags
                },
            }
        })
        .collect();
    if args.json {
        // Rendered first, so that a closed pipe is an io::Error (exit 0),
        // not a serde_json error.
        writeln!(out, "{}", serde_json::to_string_pretty(&rows)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{:<14} {:<10} {:<5} {:<25} {:>5} {:>9} {:>6} {:>4} {:>3} {:>6}  deck [tags]",
        "id", "state", "kind", "due", "ivl", "stability", "diff", "reps", "lps", "R"
    )?;
    for r in &rows {
        let opt = |x: Option<f64>, p: usize| x.map_or_else(|| "-".to_string(), |v| format!("{v:.p$}"));
        writeln!(
            out,
            "{:<14} {:<10} {:<5} {:<25} {:>5} {:>9} {:>6} {:>4} {:>3} {:>6}  {}{}",
            clean(&r.id),
            r.state,
            r.kind,
            r.due.as_deref().unwrap_or("-"),
            r.interval_days,
            opt(r.stability, 2),
            opt(r.difficulty, 2),
            r.reps,
            r.lapses,
            opt(r.retrievability, 3),
            clean(&r.deck),
            if r.tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", clean(&r.tags.join(", ")))
            }
        )?;
    }
    Ok(())
}
