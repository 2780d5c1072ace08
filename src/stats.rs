//! Statistics: card counts, the due forecast, true retention, activity,
//! streaks, session scores and leeches.
//!
//! Pure: works on card states and on per-day answer tallies ([`DayTally`]),
//! which the database keeps up to date with every answer so that nothing
//! here reads the whole review log. No I/O, no clock (`now` is an input),
//! no rendering (`ui::charts` and `cmd::stats` draw the [`Report`]).

use serde::Serialize;

use crate::schedule::{CardState, DayClock, Schedulers, State};
use crate::session::Review;

/// A card is mature once its interval reaches this many days (Anki's rule).
pub const MATURE_DAYS: u32 = 21;
/// Lapses that make a card a leech (Anki's default threshold).
pub const LEECH_LAPSES: u32 = 8;
/// The tag leeches carry in `cards` and match in `--tag`.
pub const LEECH_TAG: &str = "leech";
/// Whether a card carries one of `wanted`: its own tags, and `leech` for
/// a card lapsed [`LEECH_LAPSES`] times.
pub fn has_tag(card_tags: &[String], lapses: u32, wanted: &[String]) -> bool {
    wanted
        .iter()
        .any(|t| card_tags.contains(t) || (t == LEECH_TAG && lapses >= LEECH_LAPSES))
}

/// Days in the due forecast.
pub const FORECAST_DAYS: usize = 30;
/// Weeks in the calendar and in retention by week.
pub const CALENDAR_WEEKS: usize = 53;
pub const RETENTION_WEEKS: usize = 12;
/// Sessions whose scores are listed.
pub const RECENT_SESSIONS: usize = 10;

/// What one study day's answers add up to, for one deck. Additive, so the
/// store can keep one per deck and day and sum any range of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayTally {
    /// Every answer, practice (cram) answers included.
    pub answers: i64,
    pub correct: i64,
    pub time_ms: i64,
    /// Cards answered for the first time (not practice).
    pub new_cards: i64,
    /// Answers to review-state cards (not practice) with an interval under
    /// [`MATURE_DAYS`] before the answer, and how many of them passed.
    pub young: i64,
    pub young_passed: i64,
    /// The same for mature cards.
    pub mature: i64,
    pub mature_passed: i64,
}

impl DayTally {
    /// One answer's contribution. "Correct" is the session summary's: the
    /// auto-graded result in type and choice modes, a rating above Again
    /// in flip mode.
    pub fn of(r: &Review) -> DayTally {
        let counted = !r.practice && r.before.state == State::Review;
        let mature = r.before.interval_days >= MATURE_DAYS;
        let passed = r.rating.passed();
        let n = |b: bool| i64::from(b);
        DayTally {
            answers: 1,
            correct: n(r.counted_correct()),
            time_ms: r.answer_ms,
            new_cards: n(!r.practice && r.before.state == State::New),
            young: n(counted && !mature),
            young_passed: n(counted && !mature && passed),
            mature: n(counted && mature),
            mature_passed: n(counted && mature && passed),
        }
    }

    pub fn add(&mut self, o: &DayTally) {
        self.answers += o.answers;
        self.correct += o.correct;
        self.time_ms += o.time_ms;
        self.new_cards += o.new_cards;
        self.young += o.young;
        self.young_passed += o.young_passed;
        self.mature += o.mature;
        self.mature_passed += o.mature_passed;
    }

    /// This tally with every count negated: what undoing it adds.
    pub fn negated(&self) -> DayTally {
        DayTally {
            answers: -self.answers,
            correct: -self.correct,
            time_ms: -self.time_ms,
            new_cards: -self.new_cards,
            young: -self.young,
            young_passed: -self.young_passed,
            mature: -self.mature,
            mature_passed: -self.mature_passed,
        }
    }

    /// True retention: the share of review-state answers passed.
    pub fn retention(&self) -> Option<f64> {
        ratio(self.young_passed + self.mature_passed, self.young + self.mature)
    }

    pub fn young_retention(&self) -> Option<f64> {
        ratio(self.young_passed, self.young)
    }

    pub fn mature_retention(&self) -> Option<f64> {
        ratio(self.mature_passed, self.mature)
    }

    pub fn score(&self) -> Option<f64> {
        ratio(self.correct, self.answers)
    }
}

/// `part / whole`, or `None` without data: never NaN, always in 0..=1 for
/// counts that are.
fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64).clamp(0.0, 1.0))
}

/// A deck's answers over the windows the report shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeckHistory {
    pub all: DayTally,
    pub last7: DayTally,
    pub last30: DayTally,
    pub last365: DayTally,
    /// Consecutive study days of this deck ending today (or yesterday).
    pub streak_days: u32,
}

/// A card as the statistics see it.
#[derive(Debug, Clone)]
pub struct StatCard {
    /// Index into [`Input::decks`].
    pub deck: usize,
    pub id: String,
    pub sched: CardState,
    pub suspended: bool,
}

/// A finished (or interrupted) session, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionRow {
    pub start: i64,
    pub end: i64,
    pub decks: Vec<String>,
    pub answered: i64,
    pub correct: i64,
}

pub struct Input<'a> {
    pub now: i64,
    pub clock: DayClock,
    /// Each deck's scheduler, for recall probabilities.
    pub scheduler: &'a Schedulers,
    pub desired_retention: f64,
    /// Days of activity to report.
    pub days: u32,
    /// Deck titles with their answer history.
    pub decks: Vec<(String, DeckHistory)>,
    pub cards: Vec<StatCard>,
    /// Answers per study day over all the decks, any order.
    pub daily: Vec<(i64, DayTally)>,
    /// Newest first.
    pub sessions: Vec<SessionRow>,
}

/// One deck's line of the report, and the total's. Field names are the
/// documented JSON schema (README "Statistics").
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DeckStats {
    pub deck: String,
    pub cards: usize,
    pub new: usize,
    pub learning: usize,
    pub review: usize,
    pub relearning: usize,
    pub suspended: usize,
    pub young: usize,
    pub mature: usize,
    pub due_now: usize,
    /// Learning cards due later today (not counted in `due_now`).
    pub due_today: usize,
    pub due_tomorrow: usize,
    pub reviews: i64,
    pub correct: i64,
    pub score: Option<f64>,
    pub retention_7d: Option<f64>,
    pub retention_30d: Option<f64>,
    pub retention_365d: Option<f64>,
    pub retention_young_30d: Option<f64>,
    pub retention_mature_30d: Option<f64>,
    pub retention_young_365d: Option<f64>,
    pub retention_mature_365d: Option<f64>,
    pub avg_stability: Option<f64>,
    pub avg_difficulty: Option<f64>,
    pub avg_retrievability: Option<f64>,
    pub study_time_s: i64,
    pub streak_days: u32,
    pub leeches: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Forecast {
    pub date: String,
    pub due: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub date: String,
    pub reviews: i64,
    pub correct: i64,
    pub time_s: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeekRetention {
    /// The Monday the week starts on.
    pub week: String,
    /// Review-state answers that week.
    pub reviews: i64,
    pub retention: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Streak {
    pub current_days: u32,
    pub longest_days: u32,
    pub study_days: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionScore {
    pub start: String,
    pub end: String,
    pub decks: Vec<String>,
    pub answered: i64,
    pub correct: i64,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Leech {
    pub deck: String,
    pub id: String,
    pub lapses: u32,
}

/// Everything `stats` shows. Field names are the documented JSON schema.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub now: String,
    pub desired_retention: f64,
    pub decks: Vec<DeckStats>,
    pub total: DeckStats,
    pub forecast: Vec<Forecast>,
    /// The last `days` days, oldest first.
    pub activity: Vec<Activity>,
    /// Answers per day over the last [`CALENDAR_WEEKS`] weeks, oldest
    /// first, starting on a Monday and ending today.
    pub calendar: Vec<Activity>,
    pub retention_by_week: Vec<WeekRetention>,
    pub streak: Streak,
    /// The last [`RECENT_SESSIONS`] sessions, newest first.
    pub sessions: Vec<SessionScore>,
    /// Mean score of the newer half of those sessions minus the older
    /// half's (a positive number is improvement); `None` under 4 sessions.
    pub score_trend: Option<f64>,
    pub leeches: Vec<Leech>,
}

pub fn compute(input: &Input<'_>) -> Report {
    let clock = &input.clock;
    let now = input.now;
    let today = clock.day(now);
    let mut decks: Vec<DeckStats> = input
        .decks
        .iter()
        .map(|(title, h)| {
            let mut d = DeckStats {
                deck: title.clone(),
                streak_days: h.streak_days,
                ..DeckStats::default()
            };
            set_history(&mut d, h);
            d
        })
        .collect();
    let mut total = DeckStats {
        deck: "total".into(),
        ..DeckStats::default()
    };
    let mut sums = vec![Sums::default(); decks.len()];
    let mut total_sums = Sums::default();
    let mut forecast = vec![0usize; FORECAST_DAYS];
    let mut leeches = Vec::new();
    for c in &input.cards {
        let (Some(d), Some(sum)) = (decks.get_mut(c.deck), sums.get_mut(c.deck)) else {
            continue;
        };
        let r = if c.suspended || c.sched.state == State::New {
            None
        } else {
            input.scheduler.get(&d.deck).retrievability(&c.sched, now)
        };
        let due = Due::of(c, now, today, clock);
        count_card(d, sum, c, r, due, today);
        count_card(&mut total, &mut total_sums, c, r, due, today);
        let due_day = match due {
            Due::Never => None,
            Due::LaterToday => Some(today),
            // Overdue cards are due today.
            Due::Day(day) => Some(day.max(today)),
        };
        if let Some(i) = due_day.and_then(|d| usize::try_from(d - today).ok())
            && i < FORECAST_DAYS
        {
            forecast[i] += 1;
        }
        if c.sched.lapses >= LEECH_LAPSES {
            leeches.push(Leech {
                deck: d.deck.clone(),
                id: c.id.clone(),
                lapses: c.sched.lapses,
            });
        }
    }
    for (d, s) in decks.iter_mut().zip(&sums) {
        s.finish(d);
    }
    total_sums.finish(&mut total);
    let mut all = DeckHistory::default();
    for (_, h) in &input.decks {
        all.all.add(&h.all);
        all.last7.add(&h.last7);
        all.last30.add(&h.last30);
        all.last365.add(&h.last365);
    }
    set_history(&mut total, &all);
    leeches.sort_by(|a, b| {
        b.lapses
            .cmp(&a.lapses)
            .then_with(|| (&a.deck, &a.id).cmp(&(&b.deck, &b.id)))
    });

    // Per-day totals over every deck, by day.
    let mut by_day: std::collections::BTreeMap<i64, DayTally> = std::collections::BTreeMap::new();
    for (day, t) in &input.daily {
        by_day.entry(*day).or_default().add(t);
    }
    let studied = |t: &DayTally| t.answers > 0;
    let streak = streaks(by_day.iter().filter(|(_, t)| studied(t)).map(|(d, _)| *d), today);
    total.streak_days = streak.current_days;
    let day_row = |day: i64| {
        let t = by_day.get(&day).copied().unwrap_or_default();
        Activity {
            date: clock.date(day),
            reviews: t.answers,
            correct: t.correct,
            time_s: t.time_ms / 1000,
        }
    };
    let days = i64::from(input.days.max(1));
    let activity = (today - days + 1..=today).map(day_row).collect();
    let this_monday = today - i64::from(clock.weekday(today));
    let calendar_start = this_monday - 7 * (CALENDAR_WEEKS as i64 - 1);
    let calendar = (calendar_start..=today).map(day_row).collect();
    let retention_by_week = (0..RETENTION_WEEKS as i64)
        .rev()
        .map(|w| {
            let start = this_monday - 7 * w;
            let mut t = DayTally::default();
            for (_, d) in by_day.range(start..start + 7) {
                t.add(d);
            }
            WeekRetention {
                week: clock.date(start),
                reviews: t.young + t.mature,
                retention: t.retention(),
            }
        })
        .collect();

    let sessions: Vec<SessionScore> = input
        .sessions
        .iter()
        .take(RECENT_SESSIONS)
        .map(|s| SessionScore {
            start: clock.rfc3339(s.start),
            end: clock.rfc3339(s.end),
            decks: s.decks.clone(),
            answered: s.answered,
            correct: s.correct,
            score: ratio(s.correct, s.answered),
        })
        .collect();
    let scores: Vec<f64> = sessions.iter().filter_map(|s| s.score).collect();
    let score_trend = (scores.len() >= 4).then(|| {
        // Newest first: the first half is the newer.
        let half = scores.len() / 2;
        let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
        mean(&scores[..half]) - mean(&scores[scores.len() - half..])
    });

    Report {
        now: clock.rfc3339(now),
        desired_retention: input.desired_retention,
        decks,
        total,
        forecast: forecast
            .into_iter()
            .enumerate()
            .map(|(i, due)| Forecast {
                date: clock.date(today + i as i64),
                due,
            })
            .collect(),
        activity,
        calendar,
        retention_by_week,
        streak,
        sessions,
        score_trend,
        leeches,
    }
}

fn set_history(d: &mut DeckStats, h: &DeckHistory) {
    d.reviews = h.all.answers;
    d.correct = h.all.correct;
    d.score = h.all.score();
    d.retention_7d = h.last7.retention();
    d.retention_30d = h.last30.retention();
    d.retention_365d = h.last365.retention();
    d.retention_young_30d = h.last30.young_retention();
    d.retention_mature_30d = h.last30.mature_retention();
    d.retention_young_365d = h.last365.young_retention();
    d.retention_mature_365d = h.last365.mature_retention();
    d.study_time_s = h.all.time_ms / 1000;
}

/// When a card is due, as the counts see it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Due {
    /// New or suspended: not scheduled.
    Never,
    /// A learning step due later today.
    LaterToday,
    /// Due on a study day (today or earlier means due now).
    Day(i64),
}

impl Due {
    fn of(c: &StatCard, now: i64, today: i64, clock: &DayClock) -> Due {
        let s = &c.sched;
        if c.suspended || s.state == State::New {
            return Due::Never;
        }
        let day = clock.day(s.due);
        match s.state {
            // Learning steps are due at a moment, reviews on a day.
            State::Learning | State::Relearning if s.due > now && day <= today => Due::LaterToday,
            _ => Due::Day(day),
        }
    }
}

/// Running sums for a deck's averages.
#[derive(Debug, Clone, Default)]
struct Sums {
    stability: (f64, usize),
    difficulty: (f64, usize),
    retrievability: (f64, usize),
}

impl Sums {
    fn finish(&self, d: &mut DeckStats) {
        let mean = |(sum, n): (f64, usize)| (n > 0 && sum.is_finite()).then(|| sum / n as f64);
        d.avg_stability = mean(self.stability);
        d.avg_difficulty = mean(self.difficulty);
        d.avg_retrievability = mean(self.retrievability).map(|r| r.clamp(0.0, 1.0));
    }
}

fn count_card(d: &mut DeckStats, sums: &mut Sums, c: &StatCard, r: Option<f64>, due: Due, today: i64) {
    let s = &c.sched;
    d.cards += 1;
    if c.suspended {
        d.suspended += 1;
    } else {
        match s.state {
            State::New => d.new += 1,
            State::Learning => d.learning += 1,
            State::Review => d.review += 1,
            State::Relearning => d.relearning += 1,
        }
        if s.state != State::New {
            if s.interval_days >= MATURE_DAYS {
                d.mature += 1;
            } else {
                d.young += 1;
            }
        }
    }
    match due {
        Due::Never => {}
        Due::LaterToday => d.due_today += 1,
        Due::Day(day) if day <= today => d.due_now += 1,
        Due::Day(day) if day == today + 1 => d.due_tomorrow += 1,
        Due::Day(_) => {}
    }
    if s.lapses >= LEECH_LAPSES {
        d.leeches += 1;
    }
    let push = |acc: &mut (f64, usize), v: Option<f64>| {
        if let Some(v) = v.filter(|v| v.is_finite()) {
            acc.0 += v;
            acc.1 += 1;
        }
    };
    if !c.suspended {
        push(&mut sums.stability, s.stability);
        push(&mut sums.difficulty, s.difficulty);
    }
    push(&mut sums.retrievability, r);
}

/// Current and longest runs of consecutive study days. The current run
/// ends today, or yesterday when today has no answers yet; days after
/// `today` (a clock set back) are not counted.
pub fn streaks(days: impl IntoIterator<Item = i64>, today: i64) -> Streak {
    let mut days: Vec<i64> = days.into_iter().filter(|d| *d <= today).collect();
    days.sort_unstable();
    days.dedup();
    let (mut longest, mut run, mut prev) = (0u32, 0u32, None);
    for &d in &days {
        run = if prev == Some(d - 1) { run + 1 } else { 1 };
        longest = longest.max(run);
        prev = Some(d);
    }
    let current = match days.last() {
        Some(&last) if last >= today - 1 => run,
        _ => 0,
    };
    Streak {
        current_days: current,
        longest_days: longest,
        study_days: days.len(),
    }
}

/// Each deck's windows from `(deck, day, tally)` rows, as the store
/// computes them in SQL: the reference its queries are tested against.
#[cfg(test)]
pub(crate) fn histories_of(
    rows: &[(String, i64, DayTally)],
    today: i64,
) -> std::collections::HashMap<String, DeckHistory> {
    let mut out: std::collections::HashMap<String, DeckHistory> = std::collections::HashMap::new();
    let mut days: std::collections::HashMap<&str, Vec<i64>> = std::collections::HashMap::new();
    for (deck, day, t) in rows {
        let h = out.entry(deck.clone()).or_default();
        h.all.add(t);
        if *day > today - 365 {
            h.last365.add(t);
        }
        if *day > today - 30 {
            h.last30.add(t);
        }
        if *day > today - 7 {
            h.last7.add(t);
        }
        if t.answers > 0 {
            days.entry(deck).or_default().push(*day);
        }
    }
    for (deck, d) in days {
        if let Some(h) = out.get_mut(deck) {
            h.streak_days = streaks(d, today).current_days;
        }
    }
    out
}

#[cfg(test)]
mod tests;
