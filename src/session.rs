//! The quiz session: which cards to study and in what order, and the loop
//! that shows each card through a [`Prompter`], grades the response,
//! schedules the rating and hands the review to a [`Journal`] before the
//! next card.
//!
//! Pure: the terminal, the database and the clock arrive as traits
//! ([`Prompter`], [`Journal`], [`Clock`]) and randomness as a seeded rng.

use std::collections::VecDeque;

use rand::seq::SliceRandom;
use rand::{Rng, RngExt};

use crate::deck::{Card, CardBody, cloze_parts};
use crate::extract::{Analyzers, Language};
use crate::grade::{self, ClozeGrade, Coverage, DiffPart};
use crate::schedule::{CardState, DayClock, Rating, Schedulers, State};

/// How a card is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Flip,
    Type,
    Choice,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Flip => "flip",
            Mode::Type => "type",
            Mode::Choice => "choice",
        }
    }
}

/// The `--mode` setting: `Auto` is flip for qa cards, type for cloze.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeChoice {
    Auto,
    Fixed(Mode),
}

/// A card of the study set with its schedule.
#[derive(Debug, Clone)]
pub struct StudyCard {
    /// The deck's title: with the card id, the card's identity.
    pub deck: String,
    /// The deck's language, which typed answers are graded in.
    pub language: Language,
    pub card: Card,
    pub sched: CardState,
    pub suspended: bool,
}

impl StudyCard {
    /// Cards from the same question section are siblings.
    fn sibling_key(&self) -> (&str, &str) {
        (
            &self.deck,
            self.card.tags.first().map_or(self.card.id.as_str(), String::as_str),
        )
    }

    pub fn kind(&self) -> &'static str {
        self.card.body.kind()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub new_per_day: usize,
    pub max_reviews: usize,
    /// Already studied today, before this session.
    pub new_today: usize,
    pub reviews_today: usize,
}

/// The session's order: due learning cards by due time, then due reviews
/// (lowest retrievability first), then new cards in deck order, within the
/// day's limits; learning cards due later today wait in `later`. With
/// `cram`, every card in deck order.
pub struct Queue {
    pub now: VecDeque<usize>,
    pub later: Vec<usize>,
}

pub fn build_queue(
    cards: &[StudyCard],
    scheduler: &Schedulers,
    clock: &DayClock,
    now: i64,
    limits: &Limits,
    cram: bool,
) -> Queue {
    let active = || cards.iter().enumerate().filter(|(_, c)| !c.suspended);
    if cram {
        return Queue {
            now: active().map(|(i, _)| i).collect(),
            later: Vec::new(),
        };
    }
    let today = clock.day(now);
    let mut learning: Vec<usize> = Vec::new();
    let mut later: Vec<usize> = Vec::new();
    let mut reviews: Vec<(f64, usize)> = Vec::new();
    let mut new: Vec<usize> = Vec::new();
    for (i, c) in active() {
        match c.sched.state {
            State::Learning | State::Relearning if c.sched.due <= now => learning.push(i),
            State::Learning | State::Relearning if clock.day(c.sched.due) <= today => later.push(i),
            State::Learning | State::Relearning => {}
            State::Review if clock.day(c.sched.due) <= today => {
                reviews.push((scheduler.get(&c.deck).retrievability(&c.sched, now).unwrap_or(0.0), i));
            }
            State::Review => {}
            State::New => new.push(i),
        }
    }
    learning.sort_by_key(|&i| (cards[i].sched.due, i));
    later.sort_by_key(|&i| (cards[i].sched.due, i));
    reviews.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut order: VecDeque<usize> = learning.into_iter().collect();
    order.extend(
        reviews
            .into_iter()
            .map(|(_, i)| i)
            .take(limits.max_reviews.saturating_sub(limits.reviews_today)),
    );
    order.extend(
        new.into_iter()
            .take(limits.new_per_day.saturating_sub(limits.new_today)),
    );
    Queue { now: order, later }
}

// ---------------------------------------------------------------- prompting

/// What the prompter shows above a card.
#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub position: usize,
    pub total: usize,
    pub deck: String,
    pub state: State,
    /// Share correct so far this session.
    pub score: Option<f64>,
}

/// A card as asked.
#[derive(Debug, Clone)]
pub struct View<'a> {
    pub header: Header,
    pub card: &'a Card,
    pub mode: Mode,
    /// Choice mode: the options, in display order.
    pub options: Vec<String>,
}

impl View<'_> {
    /// The prompt: the question, or the cloze text with its blank shown as
    /// `[...]`.
    pub fn prompt(&self) -> String {
        match &self.card.body {
            CardBody::Qa { question, .. } => question.clone(),
            CardBody::Cloze { text, .. } => match cloze_parts(text) {
                Ok(p) => format!("{}[...]{}", p.before, p.after),
                Err(_) => text.clone(),
            },
        }
    }

    /// The expected answer.
    pub fn answer(&self) -> String {
        match &self.card.body {
            CardBody::Qa { answer, .. } => answer.clone(),
            CardBody::Cloze { text, .. } => cloze_parts(text).map(|p| p.answer.to_string()).unwrap_or_default(),
        }
    }

    pub fn context(&self) -> Option<&str> {
        match &self.card.body {
            CardBody::Qa { context, .. } => context.as_deref(),
            CardBody::Cloze { .. } => None,
        }
    }
}

/// The user's response to a card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    Revealed,
    Typed(String),
    /// Index into `View::options`.
    Chose(usize),
}

/// A reply, or one of the controls available at any prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control<T> {
    Value(T),
    /// Take back the previous answer.
    Undo,
    Quit,
}

/// What grading found, for the prompter to show.
#[derive(Debug, Clone, PartialEq)]
pub enum Feedback {
    Flip,
    Cloze {
        typed: String,
        grade: ClozeGrade,
        diff: Vec<(DiffPart, String)>,
    },
    Qa {
        typed: String,
        coverage: Coverage,
    },
    Choice {
        chosen: usize,
        correct: usize,
    },
}

pub trait Prompter {
    fn ask(&mut self, view: &View<'_>) -> Control<Response>;
    /// Shows the answer and feedback and asks for the rating; `suggested`
    /// is what grading proposes (accepted with an empty reply).
    fn rate(&mut self, view: &View<'_>, feedback: &Feedback, suggested: Option<Rating>) -> Control<Rating>;
    /// Says that the previous answer was taken back.
    fn undone(&mut self, _view: &View<'_>) {}
}

/// One answer, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub deck: String,
    pub card_id: String,
    pub kind: &'static str,
    pub time: i64,
    /// The study day of `time` (see [`DayClock`]), as the user lived it:
    /// statistics count days by it even if the rollover hour or the time
    /// zone changes later.
    pub day: i64,
    pub rating: Rating,
    pub suggested: Option<Rating>,
    pub mode: Mode,
    /// Auto-graded result in type and choice modes.
    pub correct: Option<bool>,
    pub answer_ms: i64,
    pub before: CardState,
    pub after: CardState,
    /// Cram reviews: recorded, schedule unchanged.
    pub practice: bool,
}

impl Review {
    /// Whether the answer counts as correct in scores: the auto-graded
    /// result in type and choice modes, a rating above Again in flip mode.
    pub fn counted_correct(&self) -> bool {
        self.correct.unwrap_or(self.rating.passed())
    }
}

/// Durable storage of answers. `record` must have committed when it
/// returns: the session shows no further card before that.
pub trait Journal {
    type Error;
    fn record(&mut self, review: &Review) -> Result<i64, Self::Error>;
    /// Deletes a recorded review and restores the card's state before it.
    fn undo(&mut self, review_id: i64, review: &Review) -> Result<(), Self::Error>;
}

pub trait Clock {
    fn now(&mut self) -> i64;
}

/// A fixed or scripted clock for previews and tests.
pub struct FixedClock(pub i64);

impl Clock for FixedClock {
    fn now(&mut self) -> i64 {
        self.0
    }
}

// ---------------------------------------------------------------- summary

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub answered: usize,
    pub correct: usize,
}

impl Tally {
    fn add(&mut self, correct: bool, sign: i64) {
        if sign > 0 {
            self.answered += 1;
            self.correct += usize::from(correct);
        } else {
            self.answered = self.answered.saturating_sub(1);
            self.correct = self.correct.saturating_sub(usize::from(correct));
        }
    }

    pub fn score(&self) -> Option<f64> {
        (self.answered > 0).then(|| self.correct as f64 / self.answered as f64)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub started: i64,
    pub ended: i64,
    pub total: Tally,
    pub qa: Tally,
    pub cloze: Tally,
    pub flip: Tally,
    pub typed: Tally,
    pub choice: Tally,
    /// Review cards rated Again.
    pub lapses: usize,
    /// New cards answered for the first time.
    pub new_learned: usize,
    pub quit: bool,
    /// Titles of the decks answered from, in first-answer order.
    pub decks: Vec<String>,
}

impl Summary {
    fn count(&mut self, r: &Review, correct: bool, sign: i64) {
        self.total.add(correct, sign);
        match r.kind {
            "qa" => self.qa.add(correct, sign),
            _ => self.cloze.add(correct, sign),
        }
        match r.mode {
            Mode::Flip => self.flip.add(correct, sign),
            Mode::Type => self.typed.add(correct, sign),
            Mode::Choice => self.choice.add(correct, sign),
        }
        let step = |n: &mut usize, cond: bool| {
            if cond {
                *n = if sign > 0 { *n + 1 } else { n.saturating_sub(1) };
            }
        };
        step(
            &mut self.lapses,
            r.before.state == State::Review && r.rating == Rating::Again && !r.practice,
        );
        step(&mut self.new_learned, r.before.state == State::New && !r.practice);
        if sign > 0 && !self.decks.contains(&r.deck) {
            self.decks.push(r.deck.clone());
        }
    }
}

// ---------------------------------------------------------------- the loop

pub struct Session<'a, R: Rng> {
    pub cards: Vec<StudyCard>,
    pub scheduler: &'a Schedulers,
    pub clock: DayClock,
    /// One for each language of the cards.
    pub analyzers: &'a Analyzers,
    pub mode: ModeChoice,
    pub cram: bool,
    pub rng: R,
}

struct Answered {
    card: usize,
    review_id: i64,
    review: Review,
    correct: bool,
    /// Whether answering put the card back in the queue.
    requeued: bool,
}

impl<R: Rng> Session<'_, R> {
    /// Runs the session until the queue is empty or the user quits. Every
    /// answer is in the journal before the next card shows.
    pub fn run<J: Journal>(
        &mut self,
        queue: Queue,
        prompter: &mut dyn Prompter,
        journal: &mut J,
        time: &mut dyn Clock,
    ) -> Result<Summary, J::Error> {
        let mut summary = Summary {
            started: time.now(),
            ..Summary::default()
        };
        let mut order = queue.now;
        let mut later = queue.later;
        let total = order.len() + later.len();
        let mut history: Vec<Answered> = Vec::new();
        let mut last_sibling: Option<(String, String)> = None;
        let mut position = 0;
        loop {
            let now = time.now();
            let Some(i) = self.next(&mut order, &mut later, now, last_sibling.as_ref()) else {
                break;
            };
            position += 1;
            let mode = self.mode_for(i);
            let options = if mode == Mode::Choice {
                self.options(i)
            } else {
                Vec::new()
            };
            let card = self.cards[i].card.clone();
            let view = View {
                header: Header {
                    position,
                    total: total.max(position),
                    deck: self.cards[i].deck.clone(),
                    state: self.cards[i].sched.state,
                    score: summary.total.score(),
                },
                card: &card,
                mode,
                options,
            };
            let shown_at = time.now();
            // Quit and Undo can come from either prompt; both are handled once.
            let reply = match prompter.ask(&view) {
                Control::Value(response) => {
                    let (feedback, suggested, graded) = self.grade(&view, self.cards[i].language, response);
                    match prompter.rate(&view, &feedback, suggested) {
                        Control::Value(rating) => Control::Value((rating, suggested, graded)),
                        Control::Undo => Control::Undo,
                        Control::Quit => Control::Quit,
                    }
                }
                Control::Undo => Control::Undo,
                Control::Quit => Control::Quit,
            };
            let (rating, suggested, graded) = match reply {
                Control::Value(v) => v,
                Control::Quit => {
                    summary.quit = true;
                    break;
                }
                Control::Undo => {
                    // This card waits behind the one taken back.
                    order.push_front(i);
                    self.undo(
                        &mut history,
                        &mut order,
                        &mut later,
                        &mut summary,
                        journal,
                        prompter,
                        &view,
                    )?;
                    position = position.saturating_sub(2);
                    // The undone card comes first, whatever it is.
                    last_sibling = None;
                    continue;
                }
            };
            let answered_at = time.now();
            let before = self.cards[i].sched;
            let after = if self.cram {
                before
            } else {
                match self.scheduler.get(&self.cards[i].deck).answer(
                    &before,
                    rating,
                    answered_at,
                    &self.clock,
                    crate::deck::fnv1a64(card.id.as_bytes()),
                ) {
                    Ok(a) => a,
                    // FSRS refusing a state is a bug, not a reason to lose
                    // the session: keep the card as it was.
                    Err(_) => before,
                }
            };
            let review = Review {
                deck: self.cards[i].deck.clone(),
                card_id: card.id.clone(),
                kind: card.body.kind(),
                time: answered_at,
                day: self.clock.day(answered_at),
                rating,
                suggested,
                mode,
                correct: graded,
                answer_ms: (answered_at - shown_at).max(0) * 1000,
                before,
                after,
                practice: self.cram,
            };
            let correct = review.counted_correct();
            let review_id = journal.record(&review)?;
            self.cards[i].sched = after;
            summary.count(&review, correct, 1);
            let requeued = !self.cram
                && matches!(after.state, State::Learning | State::Relearning)
                && self.clock.day(after.due) <= self.clock.day(answered_at);
            if requeued {
                later.push(i);
            } else if self.cram && rating == Rating::Again {
                // Cramming: a miss comes back at the end.
                order.push_back(i);
            }
            last_sibling = Some((
                self.cards[i].sibling_key().0.to_string(),
                self.cards[i].sibling_key().1.to_string(),
            ));
            history.push(Answered {
                card: i,
                review_id,
                review,
                correct,
                requeued: requeued || (self.cram && rating == Rating::Again),
            });
        }
        summary.ended = time.now();
        Ok(summary)
    }

    /// The next card: a learning card whose step is due, else the queue's
    /// front, else the learning card due soonest. Throughout, a card from
    /// the same section as the last one (or the last card itself) waits
    /// when another card can go first.
    fn next(
        &self,
        order: &mut VecDeque<usize>,
        later: &mut Vec<usize>,
        now: i64,
        last: Option<&(String, String)>,
    ) -> Option<usize> {
        later.sort_by_key(|&i| (self.cards[i].sched.due, i));
        let is_sibling = |i: usize| last.is_some_and(|(d, s)| self.cards[i].sibling_key() == (d.as_str(), s.as_str()));
        let due = |i: usize| self.cards[i].sched.due <= now;
        if let Some(pos) = later.iter().position(|&i| due(i) && !is_sibling(i)) {
            return Some(later.remove(pos));
        }
        if let Some(pos) = order.iter().position(|&i| !is_sibling(i)) {
            return order.remove(pos);
        }
        if let Some(pos) = later.iter().position(|&i| due(i)) {
            return Some(later.remove(pos));
        }
        if let Some(i) = order.pop_front() {
            return Some(i);
        }
        let pos = later.iter().position(|&i| !is_sibling(i)).unwrap_or(0);
        (!later.is_empty()).then(|| later.remove(pos))
    }

    fn mode_for(&self, i: usize) -> Mode {
        let card = &self.cards[i].card;
        let mode = match (self.mode, &card.body) {
            (ModeChoice::Fixed(m), _) => m,
            // A multiple-choice question is asked as one, with its own options.
            (ModeChoice::Auto, CardBody::Qa { distractors, .. }) if !distractors.is_empty() => Mode::Choice,
            (ModeChoice::Auto, CardBody::Qa { .. }) => Mode::Flip,
            (ModeChoice::Auto, CardBody::Cloze { .. }) => Mode::Type,
        };
        // Choice needs distractors; without any, fall back to the auto mode.
        if mode == Mode::Choice && self.distractor_pool(i).is_empty() {
            return match card.body {
                CardBody::Qa { .. } => Mode::Flip,
                CardBody::Cloze { .. } => Mode::Type,
            };
        }
        mode
    }

    /// Wrong options for a card: its own `distractors`, else answers of
    /// cards of the same kind in the same deck.
    fn distractor_pool(&self, i: usize) -> Vec<String> {
        let me = &self.cards[i];
        let answer = |c: &Card| match &c.body {
            CardBody::Qa { answer, .. } => Some(answer.clone()),
            CardBody::Cloze { text, .. } => cloze_parts(text).ok().map(|p| p.answer.to_string()),
        };
        let mine = answer(&me.card).unwrap_or_default();
        let own: Vec<String> = match &me.card.body {
            CardBody::Cloze { distractors, .. } | CardBody::Qa { distractors, .. } => distractors.clone(),
        };
        let mut pool: Vec<String> = if own.is_empty() {
            self.cards
                .iter()
                .filter(|c| c.deck == me.deck && c.kind() == me.kind() && c.card.id != me.card.id)
                .filter_map(|c| answer(&c.card))
                .collect()
        } else {
            own
        };
        pool.retain(|p| grade::normalise(p) != grade::normalise(&mine) && !p.trim().is_empty());
        pool.sort();
        pool.dedup();
        pool
    }

    /// The answer and three distractors, shuffled with the session's rng.
    fn options(&mut self, i: usize) -> Vec<String> {
        let mut pool = self.distractor_pool(i);
        pool.shuffle(&mut self.rng);
        pool.truncate(3);
        let answer = match &self.cards[i].card.body {
            CardBody::Qa { answer, .. } => answer.clone(),
            CardBody::Cloze { text, .. } => cloze_parts(text).map(|p| p.answer.to_string()).unwrap_or_default(),
        };
        let at = self.rng.random_range(0..=pool.len());
        pool.insert(at, answer);
        pool
    }

    fn grade(
        &self,
        view: &View<'_>,
        language: Language,
        response: Response,
    ) -> (Feedback, Option<Rating>, Option<bool>) {
        match (&view.card.body, response) {
            (_, Response::Revealed) => (Feedback::Flip, None, None),
            (CardBody::Cloze { text, accept, .. }, Response::Typed(typed)) => {
                let answer = cloze_parts(text).map(|p| p.answer.to_string()).unwrap_or_default();
                let g = grade::grade_cloze(&typed, &answer, accept);
                let diff = grade::char_diff(typed.trim(), &g.expected);
                let suggested = if g.correct { Rating::Good } else { Rating::Again };
                let correct = g.correct;
                (
                    Feedback::Cloze { typed, grade: g, diff },
                    Some(suggested),
                    Some(correct),
                )
            }
            (CardBody::Qa { answer, keypoints, .. }, Response::Typed(typed)) => {
                // Without its language's analyzer, the typed answer is
                // judged as a flip is: by the one who typed it.
                let Some(an) = self.analyzers.find(language) else {
                    return (Feedback::Flip, None, None);
                };
                let c = grade::coverage(an, &typed, keypoints, answer);
                let suggested = c.suggested;
                (
                    Feedback::Qa { typed, coverage: c },
                    Some(suggested),
                    Some(suggested.passed()),
                )
            }
            (_, Response::Chose(k)) => {
                let answer = view.answer();
                let correct = view.options.iter().position(|o| *o == answer).unwrap_or(0);
                let ok = k == correct;
                (
                    Feedback::Choice { chosen: k, correct },
                    Some(if ok { Rating::Good } else { Rating::Again }),
                    Some(ok),
                )
            }
        }
    }

    /// Takes back the last answer: the review leaves the journal, the card
    /// its old state, and it is asked again next.
    #[allow(clippy::too_many_arguments)]
    fn undo<J: Journal>(
        &mut self,
        history: &mut Vec<Answered>,
        order: &mut VecDeque<usize>,
        later: &mut Vec<usize>,
        summary: &mut Summary,
        journal: &mut J,
        prompter: &mut dyn Prompter,
        view: &View<'_>,
    ) -> Result<(), J::Error> {
        let Some(last) = history.pop() else {
            return Ok(());
        };
        journal.undo(last.review_id, &last.review)?;
        self.cards[last.card].sched = last.review.before;
        summary.count(&last.review, last.correct, -1);
        if last.requeued {
            if let Some(p) = later.iter().position(|&c| c == last.card) {
                later.remove(p);
            } else if let Some(p) = order.iter().rposition(|&c| c == last.card) {
                order.remove(p);
            }
        }
        order.push_front(last.card);
        prompter.undone(view);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
