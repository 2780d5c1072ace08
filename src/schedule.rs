//! Spaced-repetition scheduling: the only importer of `fsrs` (FSRS-6, the
//! implementation Anki uses). Owns ratings, card states, learning and
//! relearning steps, graduation, interval rounding and fuzz, day boundaries
//! and retrievability.
//!
//! Pure: every function takes the time (`now`, Unix seconds) and a
//! [`DayClock`] as arguments; nothing here reads a clock or touches storage.

use fsrs::{FSRS, MemoryState, NextStates};

pub const DAY: i64 = 86_400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rating {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Rating {
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    pub fn from_number(n: u8) -> Option<Rating> {
        Rating::ALL.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn name(self) -> &'static str {
        match self {
            Rating::Again => "again",
            Rating::Hard => "hard",
            Rating::Good => "good",
            Rating::Easy => "easy",
        }
    }

    /// `1`-`4` or the name, any case.
    pub fn parse(s: &str) -> Option<Rating> {
        let s = s.trim().to_ascii_lowercase();
        Rating::ALL
            .into_iter()
            .find(|r| s == r.name() || s == r.number().to_string())
    }

    /// Hard, Good and Easy count as recalled.
    pub fn passed(self) -> bool {
        self != Rating::Again
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    New,
    Learning,
    Review,
    Relearning,
}

impl State {
    pub fn name(self) -> &'static str {
        match self {
            State::New => "new",
            State::Learning => "learning",
            State::Review => "review",
            State::Relearning => "relearning",
        }
    }

    pub fn parse(s: &str) -> Option<State> {
        [State::New, State::Learning, State::Review, State::Relearning]
            .into_iter()
            .find(|st| st.name() == s)
    }
}

/// A card's scheduling state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardState {
    pub state: State,
    /// FSRS memory, once the card has been reviewed.
    pub stability: Option<f64>,
    pub difficulty: Option<f64>,
    /// Index of the current learning or relearning step.
    pub step: u32,
    /// When the card is due (Unix seconds).
    pub due: i64,
    pub last_review: Option<i64>,
    /// Scheduled interval in days (0 while in (re)learning steps).
    pub interval_days: u32,
    pub reps: u32,
    pub lapses: u32,
}

impl CardState {
    pub fn new_card() -> Self {
        CardState {
            state: State::New,
            stability: None,
            difficulty: None,
            step: 0,
            due: 0,
            last_review: None,
            interval_days: 0,
            reps: 0,
            lapses: 0,
        }
    }

    fn memory(&self) -> Option<MemoryState> {
        match (self.stability, self.difficulty) {
            (Some(s), Some(d)) => Some(MemoryState {
                stability: s as f32,
                difficulty: d as f32,
            }),
            _ => None,
        }
    }
}

/// Study days: a day runs from the rollover hour (local time) to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayClock {
    /// Local time's offset from UTC, in seconds.
    pub utc_offset: i64,
    /// Hour (0-23, local) at which a new study day begins.
    pub rollover_hour: u8,
}

impl DayClock {
    /// The study day a moment falls in (days since the epoch, shifted).
    pub fn day(&self, t: i64) -> i64 {
        (t + self.utc_offset - i64::from(self.rollover_hour) * 3600).div_euclid(DAY)
    }

    /// The moment a study day begins.
    pub fn day_start(&self, day: i64) -> i64 {
        day * DAY - self.utc_offset + i64::from(self.rollover_hour) * 3600
    }

    /// A study day's calendar date, `YYYY-MM-DD` (the local date on which
    /// it begins).
    pub fn date(&self, day: i64) -> String {
        chrono::DateTime::from_timestamp(day * DAY, 0)
            .map_or_else(|| day.to_string(), |t| t.format("%Y-%m-%d").to_string())
    }

    /// Day of the week of a study day, 0 = Monday.
    pub fn weekday(&self, day: i64) -> u8 {
        // 1970-01-01 was a Thursday.
        (day + 3).rem_euclid(7) as u8
    }

    /// A moment as RFC 3339 in the clock's offset.
    pub fn rfc3339(&self, t: i64) -> String {
        use chrono::Offset;
        let offset = i32::try_from(self.utc_offset)
            .ok()
            .and_then(chrono::FixedOffset::east_opt)
            .unwrap_or_else(|| chrono::Utc.fix());
        chrono::DateTime::from_timestamp(t, 0).map_or_else(|| t.to_string(), |t| t.with_timezone(&offset).to_rfc3339())
    }
}

/// Scheduler settings (see README "Scheduling").
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub desired_retention: f64,
    /// Learning steps for new cards, in seconds (empty: none).
    pub learning_steps: Vec<u32>,
    /// Relearning steps after a lapse, in seconds (empty: none).
    pub relearning_steps: Vec<u32>,
    pub maximum_interval: u32,
    pub fuzz: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.9,
            learning_steps: vec![60, 600],
            relearning_steps: vec![600],
            maximum_interval: 36_500,
            fuzz: true,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ScheduleError {
    #[error("desired retention must be between 0.7 and 0.99, not {0}")]
    Retention(f64),
    #[error("maximum interval must be at least 1 day")]
    MaxInterval,
    #[error("invalid FSRS parameters: {0}")]
    Parameters(String),
    #[error("FSRS: {0}")]
    Fsrs(String),
    #[error("{have} answers to learn from; fitting needs at least {need}")]
    NotEnoughData { have: usize, need: usize },
}

/// Parses steps like `1m 10m`, `30s`, `1h`, `1d`, or `none`.
pub fn parse_steps(s: &str) -> Result<Vec<u32>, String> {
    let s = s.trim();
    if s.eq_ignore_ascii_case("none") || s.is_empty() {
        return Ok(Vec::new());
    }
    s.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (num, unit) = p.split_at(p.find(|c: char| !c.is_ascii_digit()).unwrap_or(p.len()));
            let n: u32 = num
                .parse()
                .map_err(|_| format!("`{p}` is not a step (e.g. 1m, 10m, 1h, 1d)"))?;
            let mult = match unit {
                "s" => 1,
                "" | "m" => 60,
                "h" => 3600,
                "d" => 86_400,
                _ => return Err(format!("`{p}`: unknown unit `{unit}` (s, m, h or d)")),
            };
            if n == 0 {
                return Err(format!("`{p}`: a step must be longer than zero"));
            }
            n.checked_mul(mult).ok_or_else(|| format!("`{p}` is too long"))
        })
        .collect()
}

/// Formats steps back: `1m 10m`, or `none`.
pub fn format_steps(steps: &[u32]) -> String {
    if steps.is_empty() {
        return "none".into();
    }
    steps
        .iter()
        .map(|&s| match s {
            s if s % 86_400 == 0 => format!("{}d", s / 86_400),
            s if s % 3600 == 0 => format!("{}h", s / 3600),
            s if s % 60 == 0 => format!("{}m", s / 60),
            s => format!("{s}s"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

pub struct Scheduler {
    fsrs: FSRS,
    decay: f32,
    pub settings: Settings,
}

impl Scheduler {
    /// A scheduler with FSRS-6 default parameters, or `parameters` (21
    /// values) when given.
    pub fn new(settings: Settings, parameters: Option<&[f32]>) -> Result<Self, ScheduleError> {
        if !(0.7..=0.99).contains(&settings.desired_retention) {
            return Err(ScheduleError::Retention(settings.desired_retention));
        }
        if settings.maximum_interval == 0 {
            return Err(ScheduleError::MaxInterval);
        }
        let params = parameters.unwrap_or(&fsrs::DEFAULT_PARAMETERS);
        let fsrs = FSRS::new(params).map_err(|e| ScheduleError::Parameters(e.to_string()))?;
        let decay = params.get(20).copied().unwrap_or(fsrs::FSRS6_DEFAULT_DECAY);
        Ok(Scheduler { fsrs, decay, settings })
    }

    /// Probability of recall now; `None` for cards never reviewed.
    pub fn retrievability(&self, card: &CardState, now: i64) -> Option<f64> {
        let memory = card.memory()?;
        let last = card.last_review?;
        let days = ((now - last).max(0) as f64 / DAY as f64) as f32;
        Some(f64::from(fsrs::current_retrievability(memory, days, self.decay)))
    }

    fn next_states(&self, card: &CardState, days_elapsed: u32) -> Result<NextStates, ScheduleError> {
        self.fsrs
            .next_states(card.memory(), self.settings.desired_retention as f32, days_elapsed)
            .map_err(|e| ScheduleError::Fsrs(e.to_string()))
    }

    /// The state after answering `card` with `rating` at `now`. `seed`
    /// makes the fuzz deterministic per card (use the card id's hash).
    pub fn answer(
        &self,
        card: &CardState,
        rating: Rating,
        now: i64,
        clock: &DayClock,
        seed: u64,
    ) -> Result<CardState, ScheduleError> {
        let today = clock.day(now);
        // Days elapsed counts day boundaries crossed, as Anki does.
        let days_elapsed = card
            .last_review
            .map_or(0, |last| (today - clock.day(last)).max(0) as u32);
        let next = self.next_states(card, days_elapsed)?;
        let chosen = match rating {
            Rating::Again => next.again.clone(),
            Rating::Hard => next.hard.clone(),
            Rating::Good => next.good.clone(),
            Rating::Easy => next.easy.clone(),
        };
        let mut out = CardState {
            stability: Some(f64::from(chosen.memory.stability)),
            difficulty: Some(f64::from(chosen.memory.difficulty)),
            last_review: Some(now),
            reps: card.reps + 1,
            ..*card
        };
        let ivl = |x: f32| self.interval(x, seed ^ u64::from(card.reps));
        // Review intervals keep their order: hard <= good < easy.
        let ordered = |rating: Rating| -> u32 {
            let hard = ivl(next.hard.interval);
            let good = ivl(next.good.interval)
                .max(hard + 1)
                .min(self.settings.maximum_interval);
            let easy = ivl(next.easy.interval)
                .max(good + 1)
                .min(self.settings.maximum_interval);
            match rating {
                Rating::Again => ivl(next.again.interval),
                Rating::Hard => hard.min(good),
                Rating::Good => good,
                Rating::Easy => easy,
            }
        };
        let steps = match card.state {
            State::New | State::Learning => &self.settings.learning_steps,
            State::Review | State::Relearning => &self.settings.relearning_steps,
        };
        match (card.state, rating) {
            (State::New | State::Learning | State::Relearning, _) => {
                let step = if card.state == State::New {
                    0
                } else {
                    card.step as usize
                };
                let learning = if card.state == State::Relearning {
                    State::Relearning
                } else {
                    State::Learning
                };
                let delay = match rating {
                    Rating::Again => steps.first().map(|&s| (0, s)),
                    Rating::Hard => hard_delay(steps, step).map(|d| (step, d)),
                    Rating::Good => steps.get(step + 1).map(|&s| (step + 1, s)),
                    Rating::Easy => None,
                };
                match delay {
                    // Still in steps.
                    Some((next_step, secs)) => {
                        out.state = learning;
                        out.step = next_step as u32;
                        out.interval_days = 0;
                        out.due = now + i64::from(secs);
                    }
                    // Graduate (or no steps at all) with the FSRS interval.
                    _ => {
                        let days = if card.state == State::New && steps.is_empty() {
                            ordered(rating)
                        } else {
                            ivl(chosen.interval)
                        };
                        self.to_review(&mut out, days, today, clock);
                    }
                }
                if card.state == State::New {
                    out.state = if out.interval_days > 0 {
                        State::Review
                    } else {
                        State::Learning
                    };
                }
            }
            (State::Review, Rating::Again) => {
                out.lapses = card.lapses + 1;
                match self.settings.relearning_steps.first() {
                    Some(&secs) => {
                        out.state = State::Relearning;
                        out.step = 0;
                        out.interval_days = 0;
                        out.due = now + i64::from(secs);
                    }
                    None => self.to_review(&mut out, ivl(next.again.interval), today, clock),
                }
            }
            (State::Review, r) => self.to_review(&mut out, ordered(r), today, clock),
        }
        Ok(out)
    }

    fn to_review(&self, out: &mut CardState, days: u32, today: i64, clock: &DayClock) {
        out.state = State::Review;
        out.step = 0;
        out.interval_days = days;
        out.due = clock.day_start(today + i64::from(days));
    }

    /// An FSRS interval in whole days: rounded, at least 1, at most the
    /// maximum, fuzzed as Anki does when fuzz is on.
    fn interval(&self, raw: f32, seed: u64) -> u32 {
        let max = self.settings.maximum_interval;
        let days = (raw.round().max(1.0) as u32).min(max);
        if !self.settings.fuzz || days < 3 {
            return days;
        }
        let (lo, hi) = fuzz_range(days, max);
        // A fraction in [0, 1) from the seed: deterministic per card and rep.
        let frac = (splitmix64(seed) >> 11) as f64 / (1u64 << 53) as f64;
        lo + ((f64::from(hi - lo + 1)) * frac) as u32
    }
}

/// Anki's fuzz ranges: ±15% up to a week, ±10% to 20 days, ±5% beyond,
/// and at least a day either way.
fn fuzz_range(days: u32, max: u32) -> (u32, u32) {
    let d = f64::from(days);
    let mut delta = 1.0;
    for (start, end, factor) in [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, f64::MAX, 0.05)] {
        delta += factor * (d.min(end) - start).max(0.0);
    }
    let lo = ((d - delta).round().max(2.0) as u32).min(max);
    let hi = ((d + delta).round() as u32).min(max);
    (lo.min(hi), hi)
}

fn splitmix64(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Anki's Hard delay in steps: on the first step, the average of the first
/// two steps (or 1.5x a single step, at most a day longer); later, the
/// current step again.
fn hard_delay(steps: &[u32], step: usize) -> Option<u32> {
    match (steps.get(step), steps.get(step + 1)) {
        (Some(&a), Some(&b)) if step == 0 => Some((a + b) / 2),
        (Some(&a), None) if step == 0 => Some((a.saturating_mul(3) / 2).min(a + 86_400)),
        (Some(&a), _) => Some(a),
        (None, _) => None,
    }
}

/// The scheduler for each deck: personal parameters fitted for a deck
/// (`quizdeck optimize --deck`), else the collection's.
pub struct Schedulers {
    default: Scheduler,
    decks: std::collections::HashMap<String, Scheduler>,
}

impl Schedulers {
    pub fn new(default: Scheduler) -> Self {
        Schedulers {
            default,
            decks: std::collections::HashMap::new(),
        }
    }

    pub fn set_deck(&mut self, deck: String, scheduler: Scheduler) {
        self.decks.insert(deck, scheduler);
    }

    pub fn get(&self, deck: &str) -> &Scheduler {
        self.decks.get(deck).unwrap_or(&self.default)
    }

    pub fn default_scheduler(&self) -> &Scheduler {
        &self.default
    }
}

// ---------------------------------------------------------------- fitting

/// One card's answers for fitting, oldest first, from its first answer as
/// a new card: (study day, rating). Practice answers are left out.
pub type CardHistory = Vec<(i64, Rating)>;

/// Answers the optimizer needs before its parameters beat the defaults on
/// more than noise (answers on a later day than the card's previous one).
pub const MIN_FIT_REVIEWS: usize = 400;

/// How well parameters predict the recorded answers (the crate's
/// evaluation: lower is better for both).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Evaluation {
    pub log_loss: f64,
    pub rmse: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    pub parameters: Vec<f32>,
    pub before: Evaluation,
    pub after: Evaluation,
    /// Answers learned from.
    pub reviews: usize,
}

/// How far along a fit is: items done of items to do.
pub type Progress = std::sync::Arc<std::sync::Mutex<fsrs::CombinedProgressState>>;

pub fn new_progress() -> Progress {
    fsrs::CombinedProgressState::new_shared()
}

/// Done and total of a running fit.
pub fn progress_of(p: &Progress) -> (usize, usize) {
    p.lock().map_or((0, 0), |s| (s.current(), s.total()))
}

/// The optimizer's items: for every answer given on a later study day than
/// the card's previous answer, the card's history up to it. Same-day
/// answers stay in the histories with an interval of 0 days, which FSRS-6
/// reads as short-term memory.
fn items(histories: &[CardHistory]) -> (Vec<fsrs::FSRSItem>, Vec<i64>) {
    let mut out = Vec::new();
    let mut cards = Vec::new();
    for (card, h) in histories.iter().enumerate() {
        let reviews: Vec<fsrs::FSRSReview> = h
            .iter()
            .enumerate()
            .map(|(i, &(day, rating))| fsrs::FSRSReview {
                rating: u32::from(rating.number()),
                delta_t: if i == 0 {
                    0
                } else {
                    u32::try_from(day - h[i - 1].0).unwrap_or(0)
                },
            })
            .collect();
        for end in 1..reviews.len() {
            if reviews[end].delta_t > 0 {
                out.push(fsrs::FSRSItem {
                    reviews: reviews[..=end].to_vec(),
                });
                cards.push(card as i64);
            }
        }
    }
    (out, cards)
}

/// Answers the optimizer can learn from in these histories.
pub fn fit_reviews(histories: &[CardHistory]) -> usize {
    histories
        .iter()
        .map(|h| h.windows(2).filter(|w| w[1].0 > w[0].0).count())
        .sum()
}

fn evaluate(parameters: &[f32], items: &[fsrs::FSRSItem]) -> Result<Evaluation, ScheduleError> {
    let fsrs = FSRS::new(parameters).map_err(|e| ScheduleError::Parameters(e.to_string()))?;
    let e = fsrs
        .evaluate(items.to_vec(), |_| true)
        .map_err(|e| ScheduleError::Fsrs(e.to_string()))?;
    Ok(Evaluation {
        log_loss: f64::from(e.log_loss),
        rmse: f64::from(e.rmse_bins),
    })
}

/// Fits FSRS-6 parameters to the histories (the crate's
/// `compute_parameters`) and evaluates them against `current` (the
/// defaults when `None`) on the same answers. The caller keeps them only
/// if they are better.
pub fn fit(
    histories: &[CardHistory],
    current: Option<&[f32]>,
    progress: Option<Progress>,
) -> Result<Fitted, ScheduleError> {
    let (items, card_ids) = items(histories);
    let reviews = items.len();
    if reviews < MIN_FIT_REVIEWS {
        return Err(ScheduleError::NotEnoughData {
            have: reviews,
            need: MIN_FIT_REVIEWS,
        });
    }
    let current = current.unwrap_or(&fsrs::DEFAULT_PARAMETERS);
    let before = evaluate(current, &items)?;
    let parameters = fsrs::compute_parameters(fsrs::ComputeParametersInput {
        train_set: items.clone(),
        // Items of one card share their prefixes, which training can
        // then compute once.
        card_ids: Some(card_ids),
        progress,
        ..fsrs::ComputeParametersInput::default()
    })
    .map_err(|e| ScheduleError::Fsrs(e.to_string()))?;
    let after = evaluate(&parameters, &items)?;
    Ok(Fitted {
        parameters,
        before,
        after,
        reviews,
    })
}

#[cfg(test)]
mod tests;
