//! Rendering for people: headers, answers and feedback, summaries. The
//! only importer of colored; colour is decided once per process through
//! [`set_color`] (off with `NO_COLOR`, off when not on a terminal).

use colored::Colorize;

use super::clean;
use crate::grade::DiffPart;
use crate::schedule::Rating;
use crate::session::{Feedback, Header, Summary, View};

/// Turns colour on or off for the whole process.
pub fn set_color(enabled: bool) {
    colored::control::set_override(enabled);
}

pub fn warning(msg: &str) -> String {
    format!("{} {msg}", "warning:".yellow().bold())
}

pub fn error(msg: &str) -> String {
    format!("{} {msg}", "error:".red().bold())
}

pub fn ok(msg: &str) -> String {
    format!("{} {msg}", "ok:".green().bold())
}

/// `12/40 · deck · new · score 83%`
pub fn header(h: &Header) -> String {
    let score = h
        .score
        .map_or_else(String::new, |s| format!(" · score {:.0}%", s * 100.0));
    let line = format!(
        "{}/{} · {} · {}{score}",
        h.position,
        h.total,
        clean(&h.deck),
        h.state.name()
    );
    line.dimmed().to_string()
}

pub fn prompt(view: &View<'_>) -> String {
    clean(&view.prompt()).bold().to_string()
}

pub fn options(view: &View<'_>) -> Vec<String> {
    view.options
        .iter()
        .enumerate()
        .map(|(i, o)| format!("  {}. {}", i + 1, clean(o)))
        .collect()
}

/// The answer, the feedback on the response, and the context (dimmed).
pub fn feedback(view: &View<'_>, fb: &Feedback) -> Vec<String> {
    let mut out = Vec::new();
    let answer = clean(&view.answer());
    let mark = |ok: bool| {
        if ok {
            "✓".green().bold().to_string()
        } else {
            "✗".red().bold().to_string()
        }
    };
    match fb {
        Feedback::Flip => out.push(format!("{} {}", "Answer:".bold(), answer)),
        Feedback::Cloze { grade, diff, .. } => {
            if grade.correct && !grade.typo {
                out.push(format!("{} {}", mark(true), answer.green()));
            } else {
                let what = if grade.correct { "almost:" } else { "expected:" };
                out.push(format!(
                    "{} {} {}",
                    mark(grade.correct),
                    what,
                    clean(&grade.expected).bold()
                ));
                out.push(format!("  diff: {}", render_diff(diff)));
            }
        }
        Feedback::Qa { coverage, .. } => {
            out.push(format!("{} {}", "Answer:".bold(), answer));
            if !coverage.points.is_empty() {
                let points: Vec<String> = coverage
                    .points
                    .iter()
                    .map(|(p, hit)| format!("{} {}", mark(*hit), clean(p)))
                    .collect();
                out.push(format!(
                    "  key points ({:.0}%): {}",
                    coverage.share * 100.0,
                    points.join("  ")
                ));
            }
        }
        Feedback::Choice { chosen, correct } => {
            if chosen == correct {
                out.push(format!("{} {}", mark(true), answer.green()));
            } else {
                out.push(format!(
                    "{} the answer is {}. {}",
                    mark(false),
                    correct + 1,
                    answer.bold()
                ));
            }
        }
    }
    if let Some(ctx) = view.context().filter(|c| c.trim() != view.answer().trim()) {
        for line in clean(ctx).lines() {
            out.push(format!("  {}", line.dimmed()));
        }
    }
    out
}

/// `[-extra-]{+missing+}`, or colours when allowed.
fn render_diff(diff: &[(DiffPart, String)]) -> String {
    let color = colored::control::SHOULD_COLORIZE.should_colorize();
    diff.iter()
        .map(|(part, s)| {
            let s = clean(s);
            match (part, color) {
                (DiffPart::Same, _) => s,
                (DiffPart::Extra, true) => s.red().strikethrough().to_string(),
                (DiffPart::Missing, true) => s.green().underline().to_string(),
                (DiffPart::Extra, false) => format!("[-{s}-]"),
                (DiffPart::Missing, false) => format!("{{+{s}+}}"),
            }
        })
        .collect()
}

pub fn rating_help(suggested: Option<Rating>) -> String {
    let s = suggested.map_or_else(String::new, |r| format!(" [Enter = {}]", r.name()));
    format!("Rate: 1 again · 2 hard · 3 good · 4 easy · u undo · q quit{s}")
}

/// `4m 12s`, `2 h 5 min`, `3 d`.
/// Chart bars.
pub fn chart(s: &str) -> String {
    s.cyan().to_string()
}

/// A calendar cell at activity level 0-4, in greens like a contribution
/// graph.
pub fn heat(c: char, level: usize) -> String {
    let (r, g, b) = match level {
        0 => (88, 88, 88),
        1 => (14, 68, 41),
        2 => (0, 109, 50),
        3 => (38, 166, 65),
        _ => (57, 211, 83),
    };
    c.to_string().truecolor(r, g, b).to_string()
}

pub fn bold(s: &str) -> String {
    s.bold().to_string()
}

pub fn dim(s: &str) -> String {
    s.dimmed().to_string()
}

pub fn duration(secs: i64) -> String {
    let secs = secs.max(0);
    match secs {
        s if s < 60 => format!("{s}s"),
        s if s < 3600 => format!("{}m {}s", s / 60, s % 60),
        s if s < 86_400 => format!("{}h {}m", s / 3600, (s % 3600) / 60),
        s => format!("{}d {}h", s / 86_400, (s % 86_400) / 3600),
    }
}

pub fn summary(s: &Summary, next_due: Option<(i64, String)>) -> Vec<String> {
    let mut out = Vec::new();
    let score = s
        .total
        .score()
        .map_or_else(|| "-".to_string(), |x| format!("{:.0}%", x * 100.0));
    out.push(format!(
        "{} {} answered, {} correct, score {}, time {}",
        "Session:".bold(),
        s.total.answered,
        s.total.correct,
        score,
        duration(s.ended - s.started)
    ));
    if s.new_learned > 0 || s.lapses > 0 {
        out.push(format!("  {} new cards learned, {} lapses", s.new_learned, s.lapses));
    }
    out.push(match next_due {
        Some((secs, at)) if secs > 0 => format!("  next card due in {} ({at})", duration(secs)),
        Some((_, at)) => format!("  next card due now ({at})"),
        None => "  no cards scheduled yet".to_string(),
    });
    out
}
