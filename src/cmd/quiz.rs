//! `quizdeck quiz`: the study session, saved answer by answer.

use std::io::Write;

use anyhow::Result;
use rand::SeedableRng;
use rand::rngs::StdRng;

use super::study;
use crate::cli::{Global, ModeArg, QuizArgs};
use crate::env::{self, SystemClock};
use crate::extract::Analyzers;
use crate::session::{Journal, Limits, Mode, ModeChoice, Review, Session, build_queue};
use crate::store::{Store, StoreError};
use crate::ui::plain::PlainPrompter;
use crate::ui::render;
use crate::ui::terminal::TerminalPrompter;

/// The database as the session's journal; in plain mode every committed
/// answer is acknowledged on stdout (`saved <deck> <id> <rating>`), so a
/// script knows what is safe.
struct StoreJournal<'a> {
    store: &'a mut Store,
    ack: bool,
}

impl Journal for StoreJournal<'_> {
    type Error = StoreError;

    fn record(&mut self, review: &Review) -> Result<i64, StoreError> {
        let id = self.store.record(review)?;
        if self.ack {
            #[allow(clippy::print_stdout)]
            {
                println!(
                    "saved {} {} {}",
                    crate::ui::clean(&review.deck),
                    crate::ui::clean(&review.card_id),
                    review.rating.name()
                );
            }
        }
        Ok(id)
    }

    fn undo(&mut self, review_id: i64, review: &Review) -> Result<(), StoreError> {
        self.store.undo(review_id, review)
    }
}

/// Exit status: 0, or 130 when the user pressed Ctrl-C (after saving).
pub fn run(global: &Global, args: &QuizArgs, out: &mut dyn Write) -> Result<u8> {
    let ctx = study::context(global, &args.sched, args.new_per_day, args.max_reviews)?;
    let mut store = study::open_store(&ctx)?;
    let schedulers = study::schedulers(&ctx, &store)?;
    let decks = study::load_decks(&args.inputs, Some(&mut store))?;
    let deck_names: Vec<String> = decks.iter().map(|(_, d)| d.title.clone()).collect();
    let cards = study::study_cards(&store, decks, &args.tags)?;
    let today_start = ctx.clock.day_start(ctx.clock.day(ctx.now.unix));
    let (new_today, reviews_today) = store.studied_since(today_start)?;
    let limits = Limits {
        new_per_day: ctx.settings.new_per_day,
        max_reviews: ctx.settings.max_reviews,
        new_today,
        reviews_today,
    };
    let queue = build_queue(&cards, &schedulers, &ctx.clock, ctx.now.unix, &limits, args.cram);
    if queue.now.is_empty() && queue.later.is_empty() {
        let message = match store.next_due(&deck_names)? {
            Some(due) if due > ctx.now.unix => format!(
                "nothing due; next card due in {} ({})",
                render::duration(due - ctx.now.unix),
                ctx.clock.rfc3339(due)
            ),
            _ if cards.is_empty() => "nothing to study: no cards match".to_string(),
            _ => "nothing due: today's limits are reached (--new, --max-reviews)".to_string(),
        };
        writeln!(out, "{message}")?;
        return Ok(0);
    }
    let mut analyzers = Analyzers::default();
    for card in &cards {
        analyzers.get(card.language);
    }
    let mode = match args.mode {
        ModeArg::Auto => ModeChoice::Auto,
        ModeArg::Flip => ModeChoice::Fixed(Mode::Flip),
        ModeArg::Type => ModeChoice::Fixed(Mode::Type),
        ModeArg::Choice => ModeChoice::Fixed(Mode::Choice),
    };
    let seed = global.seed.unwrap_or(ctx.now.unix as u64);
    let mut session = Session {
        cards,
        scheduler: &schedulers,
        clock: ctx.clock,
        analyzers: &analyzers,
        mode,
        cram: args.cram,
        rng: StdRng::seed_from_u64(seed),
    };
    let plain = args.plain || !env::stdin_is_terminal();
    if plain {
        render::set_color(false);
    }
    let mut clock = SystemClock::new(&ctx.now);
    store.begin_session(ctx.now.unix, &deck_names.join("\n"))?;
    let mut journal = StoreJournal {
        store: &mut store,
        ack: plain,
    };
    let mut interrupted = false;
    let result = if plain {
        let stdin = std::io::stdin();
        let mut prompter = PlainPrompter::new(stdin.lock(), std::io::stdout());
        session.run(queue, &mut prompter, &mut journal, &mut clock)
    } else {
        let mut prompter = TerminalPrompter::default();
        let r = session.run(queue, &mut prompter, &mut journal, &mut clock);
        interrupted = prompter.interrupted;
        r
    };
    let summary = result?;
    let detail = serde_json::json!({
        "qa": [summary.qa.answered, summary.qa.correct],
        "cloze": [summary.cloze.answered, summary.cloze.correct],
        "flip": [summary.flip.answered, summary.flip.correct],
        "type": [summary.typed.answered, summary.typed.correct],
        "choice": [summary.choice.answered, summary.choice.correct],
        "lapses": summary.lapses,
        "new_learned": summary.new_learned,
        "practice": args.cram,
    });
    store.end_session(
        summary.ended,
        &summary.decks.join("\n"),
        summary.total.answered,
        summary.total.correct,
        &detail.to_string(),
    )?;
    let next = store
        .next_due(&deck_names)?
        .map(|due| (due - summary.ended, ctx.clock.rfc3339(due)));
    writeln!(out)?;
    for line in render::summary(&summary, next) {
        writeln!(out, "{line}")?;
    }
    Ok(if interrupted { 130 } else { 0 })
}
