//! `quizdeck stats`: scores and progress, as tables and charts or JSON.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;

use super::study;
use crate::cli::{Global, StatsArgs};
use crate::env;
use crate::stats::{self, DeckHistory, DeckStats, Input, Report, StatCard};
use crate::ui::charts::{self, Style};
use crate::ui::{clean, render};

pub fn run(global: &Global, args: &StatsArgs, out: &mut dyn Write) -> Result<()> {
    let ctx = study::context(global, &args.sched(), None, None)?;
    let mut store = study::open_store(&ctx)?;
    let schedulers = study::schedulers(&ctx, &store)?;
    let explicit = !args.inputs.is_empty();
    let today = ctx.clock.day(ctx.now.unix);
    // The answer history is summed on a second connection while this one
    // loads the decks and reads every card's schedule: two cores, half the
    // wait on a large collection.
    let (files, history) = std::thread::scope(|scope| {
        let history = scope.spawn(|| -> Result<_> {
            let store = study::open_store(&ctx)?;
            let histories = store.deck_histories(today)?;
            let all = if explicit {
                None
            } else {
                Some((store.daily_totals(None)?, store.sessions(stats::RECENT_SESSIONS, None)?))
            };
            Ok((histories, all))
        });
        // Without arguments: the decks under ./decks (if any) and every
        // deck with history, so a deck whose file is gone still counts.
        let default_decks =
            || super::expand_inputs(&[PathBuf::from("decks")], &["yaml", "yml"], "decks").is_ok_and(|f| !f.is_empty());
        let files = if explicit || default_decks() {
            study::load_decks(&args.inputs, Some(&mut store))
        } else {
            Ok(Vec::new())
        };
        let history = history
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("reading the answer history failed")));
        (files, history)
    });
    let (files, (mut histories, all)) = (files?, history?);
    let mut titles: Vec<String> = files.iter().map(|(_, d)| d.title.clone()).collect();
    let from_files = titles.len();
    if !explicit {
        let known: std::collections::HashSet<String> = titles.iter().cloned().collect();
        titles.extend(store.history_decks()?.into_iter().filter(|t| !known.contains(t)));
    }
    let index: HashMap<&str, usize> = titles.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect();
    // Only ids and schedules: the card text is not needed here.
    let states = study::stored_states(&store, &files)?;
    let mut cards: Vec<StatCard> = Vec::with_capacity(states.iter().map(Vec::len).sum());
    for (di, ((_, deck), states)) in files.into_iter().zip(states).enumerate() {
        for (card, (sched, suspended)) in deck.cards.into_iter().zip(states) {
            if !args.tags.is_empty() && !stats::has_tag(&card.tags, sched.lapses, &args.tags) {
                continue;
            }
            cards.push(StatCard {
                deck: di,
                id: card.id,
                sched,
                suspended,
            });
        }
    }
    // Decks known only from history: their cards as stored.
    let orphans: Vec<&str> = titles[from_files..].iter().map(String::as_str).collect();
    if !orphans.is_empty() {
        store.for_each_card_state(&orphans, |deck, id, sched, suspended| {
            // A deck without its file has no tags but `leech`.
            if !args.tags.is_empty() && !stats::has_tag(&[], sched.lapses, &args.tags) {
                return;
            }
            if let Some(&i) = index.get(deck) {
                cards.push(StatCard {
                    deck: i,
                    id: id.to_string(),
                    sched,
                    suspended,
                });
            }
        })?;
    }
    let decks: Vec<(String, DeckHistory)> = titles
        .iter()
        .map(|t| (t.clone(), histories.remove(t).unwrap_or_default()))
        .collect();
    let (daily, sessions) = match all {
        Some(all) => all,
        None => (
            store.daily_totals(Some(&titles))?,
            store.sessions(stats::RECENT_SESSIONS, Some(&titles))?,
        ),
    };
    let sessions = sessions.into_iter().map(|(s, _)| s).collect();
    let report = stats::compute(&Input {
        now: ctx.now.unix,
        clock: ctx.clock,
        scheduler: &schedulers,
        desired_retention: ctx.settings.scheduler.desired_retention,
        days: args.days,
        decks,
        cards,
        daily,
        sessions,
    });
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(());
    }
    let rich = env::stdout_is_rich();
    render::set_color(rich);
    let style = Style {
        unicode: rich,
        width: env::stdout_width(),
    };
    for line in text(&report, style) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".to_string(), |v| format!("{:.0}%", v * 100.0))
}

/// The report as lines of text: a table per deck, the totals in words,
/// then the charts.
pub fn text(r: &Report, style: Style) -> Vec<String> {
    let mut out = Vec::new();
    if r.decks.is_empty() {
        out.push("No decks and no history yet: generate a deck, then `quizdeck quiz`.".to_string());
        return out;
    }
    let heading = |s: &str| render::bold(s);
    // Per-deck table; the deck column takes what the numbers leave.
    let numbers = 6 + 5 + 5 + 6 + 5 + 5 + 6 + 6 + 6 + 9;
    let deck_w = style.width.saturating_sub(numbers).clamp(12, 40);
    out.push(heading(&format!(
        "{:<deck_w$} {:>5} {:>4} {:>4} {:>5} {:>4} {:>4} {:>5} {:>5} {:>5}",
        "deck", "cards", "new", "lrn", "review", "due", "tmrw", "ret30", "score", "streak"
    )));
    let row = |d: &DeckStats, name: &str| {
        format!(
            "{:<deck_w$} {:>5} {:>4} {:>4} {:>5} {:>4} {:>4} {:>5} {:>5} {:>5}",
            truncate(&clean(name), deck_w, style.unicode),
            d.cards,
            d.new,
            d.learning + d.relearning,
            d.review,
            d.due_now + d.due_today,
            d.due_tomorrow,
            pct(d.retention_30d),
            pct(d.score),
            d.streak_days,
        )
    };
    for d in &r.decks {
        out.push(row(d, &d.deck));
    }
    if r.decks.len() > 1 {
        out.push(render::bold(&row(&r.total, "total")));
    }
    let t = &r.total;
    out.push(String::new());
    out.push(format!(
        "{}  {} total: {} new, {} learning, {} review, {} relearning, {} suspended; {} young, {} mature",
        heading("Cards   "),
        t.cards,
        t.new,
        t.learning,
        t.review,
        t.relearning,
        t.suspended,
        t.young,
        t.mature
    ));
    out.push(format!(
        "{}  {} now, {} later today, {} tomorrow",
        heading("Due     "),
        t.due_now,
        t.due_today,
        t.due_tomorrow
    ));
    out.push(format!(
        "{}  true retention {} (7 days), {} (30 days), {} (365 days); desired {}",
        heading("Recall  "),
        pct(t.retention_7d),
        pct(t.retention_30d),
        pct(t.retention_365d),
        pct(Some(r.desired_retention))
    ));
    out.push(format!(
        "          young cards {} / mature cards {} (30 days), {} / {} (365 days)",
        pct(t.retention_young_30d),
        pct(t.retention_mature_30d),
        pct(t.retention_young_365d),
        pct(t.retention_mature_365d)
    ));
    out.push(format!(
        "{}  stability {}, difficulty {}, recall now {}",
        heading("Memory  "),
        t.avg_stability.map_or_else(|| "-".into(), |s| format!("{s:.1} days")),
        t.avg_difficulty.map_or_else(|| "-".into(), |d| format!("{d:.2}/10")),
        pct(t.avg_retrievability)
    ));
    let recent: i64 = r.activity.iter().map(|a| a.reviews).sum();
    let recent_time: i64 = r.activity.iter().map(|a| a.time_s).sum();
    out.push(format!(
        "{}  {} answers in {} over the last {} days; {} answers in {} all time",
        heading("Activity"),
        recent,
        render::duration(recent_time),
        r.activity.len(),
        t.reviews,
        render::duration(t.study_time_s)
    ));
    out.push(format!(
        "{}  {} day{} now, longest {}, {} study days in all",
        heading("Streak  "),
        r.streak.current_days,
        if r.streak.current_days == 1 { "" } else { "s" },
        r.streak.longest_days,
        r.streak.study_days
    ));
    if r.sessions.is_empty() {
        out.push(format!("{}  no sessions yet", heading("Scores  ")));
    } else {
        // Oldest to newest, so the trend reads left to right.
        let scores: Vec<String> = r.sessions.iter().rev().map(|s| pct(s.score)).collect();
        let trend = r
            .score_trend
            .map_or_else(String::new, |d| format!("; trend {:+.0} points", d * 100.0));
        out.push(format!(
            "{}  last {} sessions, oldest first: {}{trend}",
            heading("Scores  "),
            scores.len(),
            scores.join(" ")
        ));
    }

    out.push(String::new());
    out.push(heading("Due in the next 30 days"));
    let due: Vec<i64> = r.forecast.iter().map(|f| f.due as i64).collect();
    let first = r.forecast.first().map_or("", |f| f.date.as_str());
    let last = r.forecast.last().map_or("", |f| f.date.as_str());
    out.extend(charts::columns(&due, first, last, 6, style));

    out.push(String::new());
    out.push(heading(&format!("Answers per day, last {} days", r.activity.len())));
    let per_day: Vec<i64> = r.activity.iter().map(|a| a.reviews).collect();
    let first = r.activity.first().map_or("", |a| a.date.as_str());
    let last = r.activity.last().map_or("", |a| a.date.as_str());
    out.extend(charts::columns(&per_day, first, last, 6, style));

    out.push(String::new());
    out.push(heading("Study calendar"));
    let days: Vec<(String, i64)> = r.calendar.iter().map(|a| (a.date.clone(), a.reviews)).collect();
    out.extend(charts::heatmap(&days, style));

    out.push(String::new());
    out.push(heading("True retention by week (answers to review cards)"));
    // From the first week with review answers: a new collection's chart
    // would otherwise be mostly empty lines.
    let weeks: Vec<(String, Option<f64>, String)> = r
        .retention_by_week
        .iter()
        .skip_while(|w| w.reviews == 0)
        .map(|w| (format!("week of {}", w.week), w.retention, format!("({})", w.reviews)))
        .collect();
    if weeks.is_empty() {
        out.push("no answers to review cards in the last 12 weeks".to_string());
    } else {
        out.extend(charts::shares(&weeks, Some(r.desired_retention), style));
        out.push(render::dim(&format!(
            "{} marks the desired retention, {}",
            if style.unicode { '┊' } else { '|' },
            pct(Some(r.desired_retention))
        )));
    }

    if !r.leeches.is_empty() {
        out.push(String::new());
        out.push(heading(&format!(
            "Leeches (lapsed {}+ times; study them with --tag leech, or rewrite them)",
            stats::LEECH_LAPSES
        )));
        for l in &r.leeches {
            out.push(format!("  {}  {}  {} lapses", clean(&l.deck), clean(&l.id), l.lapses));
        }
    }
    out
}

/// `s` cut to `width` characters, with an ellipsis when cut.
fn truncate(s: &str, width: usize, unicode: bool) -> String {
    if s.chars().count() <= width {
        return s.to_string();
    }
    let mark = if unicode { "…" } else { "~" };
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push_str(mark);
    t
}
