//! `quizdeck history`: past sessions with their scores, or one card's
//! review log.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;
use serde_json::Value;

use super::study;
use crate::cli::{Global, HistoryArgs, SchedArgs};
use crate::schedule::DayClock;
use crate::stats::SessionRow;
use crate::ui::{clean, render};

/// Answered and correct in one part of a session.
#[derive(Debug, Default, Serialize)]
struct Part {
    answered: i64,
    correct: i64,
}

/// One session; the field names are the documented JSON schema.
#[derive(Debug, Serialize)]
struct Session {
    start: String,
    end: String,
    duration_s: i64,
    decks: Vec<String>,
    answered: i64,
    correct: i64,
    score: Option<f64>,
    qa: Part,
    cloze: Part,
    flip: Part,
    r#type: Part,
    choice: Part,
    lapses: i64,
    new_learned: i64,
    practice: bool,
}

impl Session {
    fn new(row: SessionRow, detail: &str, clock: &DayClock) -> Session {
        let detail: Value = serde_json::from_str(detail).unwrap_or(Value::Null);
        let part = |k: &str| Part {
            answered: detail[k][0].as_i64().unwrap_or(0),
            correct: detail[k][1].as_i64().unwrap_or(0),
        };
        Session {
            start: clock.rfc3339(row.start),
            end: clock.rfc3339(row.end),
            duration_s: (row.end - row.start).max(0),
            score: (row.answered > 0).then(|| row.correct as f64 / row.answered as f64),
            decks: row.decks,
            answered: row.answered,
            correct: row.correct,
            qa: part("qa"),
            cloze: part("cloze"),
            flip: part("flip"),
            r#type: part("type"),
            choice: part("choice"),
            lapses: detail["lapses"].as_i64().unwrap_or(0),
            new_learned: detail["new_learned"].as_i64().unwrap_or(0),
            practice: detail["practice"].as_bool().unwrap_or(false),
        }
    }
}

#[derive(Debug, Serialize)]
struct LogLine {
    time: String,
    deck: String,
    rating: &'static str,
    mode: String,
    state_before: String,
    interval_days: u32,
    stability: Option<f64>,
    practice: bool,
    answer_s: f64,
}

pub fn run(global: &Global, args: &HistoryArgs, out: &mut dyn Write) -> Result<()> {
    let ctx = study::context(global, &SchedArgs::default(), None, None)?;
    let store = study::open_store(&ctx)?;
    let clock = ctx.clock;
    if let Some(id) = &args.card {
        let log: Vec<LogLine> = store
            .card_log(id)?
            .into_iter()
            .map(|r| LogLine {
                time: clock.rfc3339(r.time),
                deck: r.deck,
                rating: r.rating.name(),
                mode: r.mode,
                state_before: r.state_before,
                interval_days: r.interval_days,
                stability: r.stability.map(|s| (s * 1e4).round() / 1e4),
                practice: r.practice,
                answer_s: r.answer_ms as f64 / 1000.0,
            })
            .collect();
        if log.is_empty() {
            bail!(
                "card {}: no answers on record (`quizdeck cards` lists the ids)",
                clean(id)
            );
        }
        if args.json {
            writeln!(out, "{}", serde_json::to_string_pretty(&log)?)?;
            return Ok(());
        }
        writeln!(
            out,
            "{}",
            render::bold(&format!(
                "{:<25} {:<6} {:<6} {:<10} {:>8} {:>9}  deck",
                "time", "rating", "mode", "before", "interval", "stability"
            ))
        )?;
        for l in &log {
            writeln!(
                out,
                "{:<25} {:<6} {:<6} {:<10} {:>8} {:>9}  {}{}",
                l.time,
                l.rating,
                l.mode,
                l.state_before,
                format!("{}d", l.interval_days),
                l.stability.map_or_else(|| "-".into(), |s| format!("{s:.2}d")),
                clean(&l.deck),
                if l.practice { " (practice)" } else { "" }
            )?;
        }
        return Ok(());
    }
    let sessions: Vec<Session> = store
        .sessions(args.limit, None)?
        .into_iter()
        .map(|(row, detail)| Session::new(row, &detail, &clock))
        .collect();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&sessions)?)?;
        return Ok(());
    }
    if sessions.is_empty() {
        writeln!(out, "No sessions yet: `quizdeck quiz` starts one.")?;
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        render::bold(&format!(
            "{:<25} {:>8} {:>8} {:>7} {:>5}  decks",
            "start", "length", "answered", "correct", "score"
        ))
    )?;
    for s in &sessions {
        let score = s.score.map_or_else(|| "-".into(), |x| format!("{:.0}%", x * 100.0));
        writeln!(
            out,
            "{:<25} {:>8} {:>8} {:>7} {:>5}  {}",
            s.start,
            render::duration(s.duration_s),
            s.answered,
            s.correct,
            score,
            s.decks.iter().map(|d| clean(d)).collect::<Vec<_>>().join(", ")
        )?;
        let parts: Vec<String> = [
            ("qa", &s.qa),
            ("cloze", &s.cloze),
            ("flip", &s.flip),
            ("type", &s.r#type),
            ("choice", &s.choice),
        ]
        .iter()
        .filter(|(_, p)| p.answered > 0)
        .map(|(k, p)| format!("{k} {}/{}", p.correct, p.answered))
        .collect();
        let mut extra = vec![parts.join(", ")];
        if s.new_learned > 0 {
            extra.push(format!("{} new", s.new_learned));
        }
        if s.lapses > 0 {
            extra.push(format!("{} lapsed", s.lapses));
        }
        if s.practice {
            extra.push("practice".into());
        }
        writeln!(out, "{}", render::dim(&format!("{:>25} {}", "", extra.join(" · "))))?;
    }
    Ok(())
}
