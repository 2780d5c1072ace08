//! `quizdeck optimize`: personal FSRS-6 parameters fitted to the review
//! history, kept only when they predict it better than the ones in use.

use std::collections::HashSet;
use std::io::Write;
use std::time::Duration;

use anyhow::Result;
use rustc_hash::FxHashMap;

use super::study;
use crate::cli::{Global, OptimizeArgs, SchedArgs};
use crate::env;
use crate::schedule::{self, CardHistory, DayClock, Rating, ScheduleError};
use crate::store::Store;
use crate::ui::progress::Bar;
use crate::ui::{clean, render};

/// One answer as read from the log: time, rating, whether the card was new.
type Answer = (i64, Rating, bool);

/// Every card's answers, grouped by deck and card, oldest first.
fn answers(
    store: &Store,
    wanted: Option<&HashSet<String>>,
) -> Result<FxHashMap<String, FxHashMap<String, Vec<Answer>>>> {
    let mut by_deck: FxHashMap<String, FxHashMap<String, Vec<Answer>>> = FxHashMap::default();
    store.for_each_answer(|deck, card, time, rating, was_new| {
        if wanted.is_some_and(|w| !w.contains(deck)) {
            return;
        }
        // Borrowed lookups first: a million answers, a hundred thousand cards.
        let cards = match by_deck.get_mut(deck) {
            Some(c) => c,
            None => by_deck.entry(deck.to_string()).or_default(),
        };
        let list = match cards.get_mut(card) {
            Some(l) => l,
            None => cards.entry(card.to_string()).or_default(),
        };
        list.push((time, rating, was_new));
    })?;
    Ok(by_deck)
}

/// A card's answers as the optimizer wants them: study days, from its last
/// first answer as a new card (a card learned twice starts over), none if
/// its history does not begin as a new card.
fn history(mut answers: Vec<Answer>, clock: &DayClock) -> Option<CardHistory> {
    answers.sort_by_key(|a| a.0);
    let start = answers.iter().rposition(|a| a.2)?;
    Some(answers[start..].iter().map(|&(t, r, _)| (clock.day(t), r)).collect())
}

pub fn run(global: &Global, args: &OptimizeArgs, out: &mut dyn Write) -> Result<()> {
    let sched = SchedArgs {
        rollover: args.rollover,
        ..SchedArgs::default()
    };
    let ctx = study::context(global, &sched, None, None)?;
    let mut store = study::open_store(&ctx)?;
    let wanted: Option<HashSet<String>> = if args.inputs.is_empty() {
        None
    } else {
        let decks = study::load_decks(&args.inputs, Some(&mut store))?;
        Some(decks.into_iter().map(|(_, d)| d.title).collect())
    };
    let by_deck = answers(&store, wanted.as_ref())?;
    let current = store.parameters()?;
    let clock = ctx.clock;
    let to_histories = |cards: FxHashMap<String, Vec<Answer>>| -> Vec<CardHistory> {
        cards.into_values().filter_map(|a| history(a, &clock)).collect()
    };
    // Scopes to fit: the collection (''), or each deck on its own.
    let mut jobs: Vec<(String, Vec<CardHistory>)> = if args.deck {
        let mut decks: Vec<(String, Vec<CardHistory>)> = by_deck
            .into_iter()
            .map(|(deck, cards)| (deck, to_histories(cards)))
            .collect();
        decks.sort_by(|a, b| a.0.cmp(&b.0));
        decks
    } else {
        let all: Vec<CardHistory> = by_deck.into_values().flat_map(to_histories).collect();
        vec![(String::new(), all)]
    };
    if jobs.iter().all(|(_, h)| h.is_empty()) {
        writeln!(
            out,
            "no answers on record yet: study first (`quizdeck quiz`), then optimize"
        )?;
        return Ok(());
    }
    for (scope, histories) in jobs.drain(..) {
        let name = if scope.is_empty() {
            "collection".to_string()
        } else {
            format!("deck \"{}\"", clean(&scope))
        };
        let in_use = current
            .iter()
            .find(|(s, _)| *s == scope)
            .or_else(|| current.iter().find(|(s, _)| s.is_empty()))
            .map(|(_, p)| p.clone());
        let progress = schedule::new_progress();
        let bar = Bar::new(0, "fitting", !global.quiet && env::stderr_is_terminal());
        // The fit runs on its own thread so that this one can draw its
        // progress.
        let result = std::thread::scope(|s| {
            let job = s.spawn(|| schedule::fit(&histories, in_use.as_deref(), Some(progress.clone())));
            while !job.is_finished() {
                let (done, total) = schedule::progress_of(&progress);
                bar.set(done as u64, total as u64);
                std::thread::sleep(Duration::from_millis(100));
            }
            job.join()
                .unwrap_or_else(|_| Err(ScheduleError::Fsrs("the optimizer stopped unexpectedly".into())))
        });
        bar.finish();
        match result {
            Err(ScheduleError::NotEnoughData { have, need }) => {
                writeln!(
                    out,
                    "{name}: {have} answers to learn from; {} more needed (answers on a later day than the card's previous one count)",
                    need - have
                )?;
            }
            Err(e) => return Err(anyhow::anyhow!("{name}: {e}")),
            Ok(fit) => {
                let better = fit.after.log_loss < fit.before.log_loss;
                writeln!(
                    out,
                    "{name}: learned from {} answers; log loss {:.4} -> {:.4}, RMSE {:.2}% -> {:.2}% ({} parameters)",
                    fit.reviews,
                    fit.before.log_loss,
                    fit.after.log_loss,
                    fit.before.rmse * 100.0,
                    fit.after.rmse * 100.0,
                    if in_use.is_some() {
                        "against the fitted"
                    } else {
                        "against the default"
                    }
                )?;
                if better {
                    store.set_parameters(
                        &scope,
                        &fit.parameters,
                        (fit.after.log_loss, fit.after.rmse),
                        fit.reviews,
                        ctx.now.unix,
                    )?;
                    writeln!(
                        out,
                        "  kept: `quiz` schedules {} with them from now on",
                        if scope.is_empty() { "every deck" } else { "this deck" }
                    )?;
                } else {
                    writeln!(out, "  not kept: no better than the parameters in use")?;
                }
                if global.verbose {
                    let list: Vec<String> = fit.parameters.iter().map(|p| format!("{p:.4}")).collect();
                    eprintln!("{}", render::dim(&format!("  parameters: {}", list.join(", "))));
                }
            }
        }
    }
    Ok(())
}
