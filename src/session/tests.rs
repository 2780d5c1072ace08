#![allow(clippy::field_reassign_with_default)]

use std::collections::VecDeque;

use rand::SeedableRng;
use rand::rngs::StdRng;

use super::*;
use crate::deck::{Card, CardBody};
use crate::schedule::{DAY, Scheduler, Settings};

const T0: i64 = 1_767_261_600; // 2026-01-01T10:00:00Z

fn qa(id: &str, tag: &str) -> Card {
    Card {
        id: id.into(),
        body: CardBody::Qa {
            question: format!("Question {id}?"),
            answer: format!("Answer {id}."),
            context: None,
            keypoints: vec![],
            distractors: vec![],
        },
        tags: vec![tag.into()],
        line: None,
    }
}

fn cloze(id: &str, tag: &str, answer: &str) -> Card {
    Card {
        id: id.into(),
        body: CardBody::Cloze {
            text: format!("The answer is {{{{{answer}}}}} here."),
            accept: vec![],
            distractors: vec![],
        },
        tags: vec![tag.into()],
        line: None,
    }
}

fn study(cards: Vec<Card>) -> Vec<StudyCard> {
    cards
        .into_iter()
        .map(|card| StudyCard {
            deck: "Deck".into(),
            language: Language::English,
            card,
            sched: CardState::new_card(),
            suspended: false,
        })
        .collect()
}

/// Replies from a script; records what it was shown.
#[derive(Default)]
struct Script {
    asks: VecDeque<Control<Response>>,
    rates: VecDeque<Control<Rating>>,
    shown: Vec<String>,
    /// The options of each card asked (empty unless in choice mode).
    options: Vec<Vec<String>>,
    feedback: Vec<(Feedback, Option<Rating>)>,
    undone: usize,
}

impl Prompter for Script {
    fn ask(&mut self, view: &View<'_>) -> Control<Response> {
        self.shown.push(view.card.id.clone());
        self.options.push(view.options.clone());
        self.asks.pop_front().unwrap_or(Control::Quit)
    }
    fn rate(&mut self, _view: &View<'_>, feedback: &Feedback, suggested: Option<Rating>) -> Control<Rating> {
        self.feedback.push((feedback.clone(), suggested));
        self.rates.pop_front().unwrap_or(Control::Quit)
    }
    fn undone(&mut self, _view: &View<'_>) {
        self.undone += 1;
    }
}

#[derive(Default)]
struct Memory {
    reviews: Vec<(i64, Review)>,
    next: i64,
}

impl Journal for Memory {
    type Error = String;
    fn record(&mut self, r: &Review) -> Result<i64, String> {
        self.next += 1;
        self.reviews.push((self.next, r.clone()));
        Ok(self.next)
    }
    fn undo(&mut self, id: i64, _r: &Review) -> Result<(), String> {
        self.reviews.retain(|(i, _)| *i != id);
        Ok(())
    }
}

/// A clock that moves on a minute at every reading.
struct Ticking(i64);
impl Clock for Ticking {
    fn now(&mut self) -> i64 {
        self.0 += 60;
        self.0
    }
}

fn scheduler() -> Schedulers {
    Schedulers::new(
        Scheduler::new(
            Settings {
                fuzz: false,
                ..Settings::default()
            },
            None,
        )
        .unwrap(),
    )
}

fn clock() -> DayClock {
    DayClock {
        utc_offset: 0,
        rollover_hour: 4,
    }
}

fn limits() -> Limits {
    Limits {
        new_per_day: 20,
        max_reviews: 200,
        new_today: 0,
        reviews_today: 0,
    }
}

fn run(
    cards: Vec<StudyCard>,
    script: &mut Script,
    mode: ModeChoice,
    cram: bool,
    time: &mut dyn Clock,
) -> (Summary, Memory, Vec<StudyCard>) {
    let s = scheduler();
    let mut analyzers = Analyzers::default();
    analyzers.get(Language::English);
    let queue = build_queue(&cards, &s, &clock(), T0, &limits(), cram);
    let mut session = Session {
        cards,
        scheduler: &s,
        clock: clock(),
        analyzers: &analyzers,
        mode,
        cram,
        rng: StdRng::seed_from_u64(1),
    };
    let mut journal = Memory::default();
    let summary = session.run(queue, script, &mut journal, time).unwrap();
    (summary, journal, session.cards)
}

fn flips(n: usize) -> VecDeque<Control<Response>> {
    (0..n).map(|_| Control::Value(Response::Revealed)).collect()
}

#[test]
fn queue_order_learning_then_reviews_by_retrievability_then_new_within_limits() {
    let s = scheduler();
    let mut cards = study(vec![
        qa("new1", "q1"),
        qa("new2", "q2"),
        qa("rev_old", "q3"),
        qa("rev_fresh", "q4"),
        qa("learn", "q5"),
        qa("future", "q6"),
    ]);
    let reviewed = |days_ago: i64, stability: f64| CardState {
        state: State::Review,
        stability: Some(stability),
        difficulty: Some(5.0),
        due: T0 - DAY,
        last_review: Some(T0 - days_ago * DAY),
        interval_days: 3,
        reps: 3,
        ..CardState::new_card()
    };
    cards[2].sched = reviewed(30, 5.0);
    cards[3].sched = reviewed(3, 5.0);
    cards[4].sched = CardState {
        state: State::Learning,
        due: T0 - 60,
        reps: 1,
        ..CardState::new_card()
    };
    cards[5].sched = CardState {
        due: T0 + 5 * DAY,
        ..reviewed(1, 20.0)
    };
    let q = build_queue(&cards, &s, &clock(), T0, &limits(), false);
    assert_eq!(q.now.iter().copied().collect::<Vec<_>>(), [4, 2, 3, 0, 1]);
    let tight = Limits {
        new_per_day: 2,
        max_reviews: 1,
        new_today: 1,
        reviews_today: 0,
    };
    let q = build_queue(&cards, &s, &clock(), T0, &tight, false);
    assert_eq!(
        q.now.iter().copied().collect::<Vec<_>>(),
        [4, 2, 0],
        "one review, one more new card today"
    );
    cards[0].suspended = true;
    let q = build_queue(&cards, &s, &clock(), T0, &limits(), true);
    assert_eq!(q.now.len(), 5, "cram: every unsuspended card");
}

#[test]
fn again_comes_back_when_its_step_is_due_or_at_the_end() {
    let mut script = Script {
        asks: flips(10),
        ..Script::default()
    };
    script.rates = [Rating::Again, Rating::Good, Rating::Good, Rating::Good, Rating::Good]
        .map(Control::Value)
        .into_iter()
        .collect();
    let (summary, journal, cards) = run(
        study(vec![qa("a", "q1"), qa("b", "q2")]),
        &mut script,
        ModeChoice::Auto,
        false,
        &mut FixedClock(T0),
    );
    // The clock stands still: "a" (1m step) waits until the queue runs dry.
    assert_eq!(script.shown, ["a", "b", "a", "b", "a"]);
    assert_eq!(summary.total.answered, 5);
    assert_eq!(journal.reviews.len(), 5);
    assert_eq!(cards[0].sched.state, State::Review, "graduated after its steps");
    assert_eq!(summary.new_learned, 2);
}

#[test]
fn learning_card_returns_as_soon_as_due_on_a_moving_clock() {
    let mut cards = vec![qa("a", "q1")];
    cards.extend((0..12).map(|i| qa(&format!("n{i}"), &format!("t{i}"))));
    let mut script = Script {
        asks: flips(40),
        ..Script::default()
    };
    script.rates = std::iter::once(Control::Value(Rating::Again))
        .chain((0..40).map(|_| Control::Value(Rating::Easy)))
        .collect();
    run(study(cards), &mut script, ModeChoice::Auto, false, &mut Ticking(T0));
    // Each card takes two clock readings (2 min): "a" is due again after
    // its one-minute step, so it comes straight after the next card.
    assert_eq!(&script.shown[..3], ["a", "n0", "a"]);
}

#[test]
fn siblings_are_not_shown_back_to_back() {
    let mut script = Script {
        asks: flips(3),
        rates: (0..3).map(|_| Control::Value(Rating::Easy)).collect(),
        ..Script::default()
    };
    run(
        study(vec![qa("a1", "q1"), qa("a2", "q1"), qa("b", "q2")]),
        &mut script,
        ModeChoice::Auto,
        false,
        &mut FixedClock(T0),
    );
    assert_eq!(script.shown, ["a1", "b", "a2"]);
}

#[test]
fn undo_reverts_the_journal_and_the_card_and_asks_again() {
    let mut script = Script {
        asks: flips(4),
        ..Script::default()
    };
    script.rates = [
        Control::Value(Rating::Easy),
        Control::Undo,
        Control::Value(Rating::Good),
        Control::Value(Rating::Easy),
    ]
    .into_iter()
    .collect();
    let (summary, journal, _) = run(
        study(vec![qa("a", "q1"), qa("b", "q2")]),
        &mut script,
        ModeChoice::Auto,
        false,
        &mut FixedClock(T0),
    );
    assert_eq!(script.undone, 1);
    assert_eq!(script.shown[..3], ["a", "b", "a"]);
    let ratings: Vec<(String, Rating)> = journal
        .reviews
        .iter()
        .map(|(_, r)| (r.card_id.clone(), r.rating))
        .collect();
    assert_eq!(
        ratings[0],
        ("a".to_string(), Rating::Good),
        "the undone Easy is gone: {ratings:?}"
    );
    assert_eq!(summary.total.answered, journal.reviews.len());
}

#[test]
fn quitting_keeps_what_was_answered() {
    let mut script = Script {
        asks: flips(1),
        rates: [Control::Value(Rating::Good)].into_iter().collect(),
        ..Script::default()
    };
    let (summary, journal, _) = run(
        study(vec![qa("a", "q1"), qa("b", "q2")]),
        &mut script,
        ModeChoice::Auto,
        false,
        &mut FixedClock(T0),
    );
    assert!(summary.quit);
    assert_eq!(journal.reviews.len(), 1);
    assert_eq!(summary.total.answered, 1);
}

#[test]
fn typed_cloze_is_graded_and_suggests_a_rating() {
    let mut script = Script::default();
    script.asks = [
        Control::Value(Response::Typed("diplomatc channels".into())),
        Control::Value(Response::Typed("war".into())),
    ]
    .into_iter()
    .collect();
    script.rates = [
        Control::Value(Rating::Good),
        Control::Value(Rating::Again),
        Control::Value(Rating::Good),
    ]
    .into_iter()
    .collect();
    let (summary, journal, _) = run(
        study(vec![
            cloze("c1", "q1", "diplomatic channels"),
            cloze("c2", "q2", "separatists"),
        ]),
        &mut script,
        ModeChoice::Auto,
        false,
        &mut FixedClock(T0),
    );
    assert_eq!(script.feedback[0].1, Some(Rating::Good));
    assert_eq!(script.feedback[1].1, Some(Rating::Again));
    assert!(matches!(&script.feedback[1].0, Feedback::Cloze { grade, .. } if !grade.correct));
    assert_eq!(journal.reviews[0].1.correct, Some(true));
    assert_eq!(journal.reviews[1].1.mode, Mode::Type);
    assert_eq!(summary.cloze.answered, 2);
    assert_eq!(summary.total.correct, 1);
}

#[test]
fn choice_mode_offers_the_answer_among_seeded_options() {
    let cards = vec![
        cloze("c1", "q1", "alpha"),
        cloze("c2", "q2", "beta"),
        cloze("c3", "q3", "gamma"),
        cloze("c4", "q4", "delta"),
    ];
    let mut script = Script::default();
    script.asks = (0..4).map(|_| Control::Value(Response::Chose(0))).collect();
    script.rates = (0..4).map(|_| Control::Value(Rating::Good)).collect();
    let (summary, journal, _) = run(
        study(cards.clone()),
        &mut script,
        ModeChoice::Fixed(Mode::Choice),
        false,
        &mut FixedClock(T0),
    );
    assert_eq!(summary.choice.answered, 4);
    for (_, r) in &journal.reviews {
        assert_eq!(r.mode, Mode::Choice);
    }
    // Same seed, same options: the same picks are right or wrong.
    let mut again = Script::default();
    again.asks = (0..4).map(|_| Control::Value(Response::Chose(0))).collect();
    again.rates = (0..4).map(|_| Control::Value(Rating::Good)).collect();
    let (_, journal2, _) = run(
        study(cards),
        &mut again,
        ModeChoice::Fixed(Mode::Choice),
        false,
        &mut FixedClock(T0),
    );
    let correct = |j: &Memory| j.reviews.iter().map(|(_, r)| r.correct).collect::<Vec<_>>();
    assert_eq!(correct(&journal), correct(&journal2));
    assert_eq!(script.feedback, again.feedback);
}

#[test]
fn a_multiple_choice_question_is_asked_with_its_own_options() {
    let mut mcq = qa("m1", "q1");
    mcq.body = CardBody::Qa {
        question: "Where does a river begin?".into(),
        answer: "The source".into(),
        context: None,
        keypoints: vec![],
        distractors: vec!["The mouth".into(), "The delta".into(), "The meander".into()],
    };
    let cards = vec![mcq, qa("other", "q2")];
    let mut script = Script::default();
    script.asks = VecDeque::from([Control::Value(Response::Chose(0)), Control::Value(Response::Revealed)]);
    script.rates = (0..2).map(|_| Control::Value(Rating::Good)).collect();
    let (_, journal, _) = run(study(cards), &mut script, ModeChoice::Auto, false, &mut FixedClock(T0));
    // Auto mode asks it as the quiz did; a plain qa card is still flipped.
    assert_eq!(journal.reviews[0].1.mode, Mode::Choice);
    assert_eq!(journal.reviews[1].1.mode, Mode::Flip);
    let mut offered = script.options[0].clone();
    offered.sort();
    assert_eq!(offered, ["The delta", "The meander", "The mouth", "The source"]);
    assert!(script.options[1].is_empty());
}

#[test]
fn cram_is_practice_and_leaves_the_schedule_alone() {
    let mut script = Script {
        asks: flips(2),
        rates: (0..2).map(|_| Control::Value(Rating::Good)).collect(),
        ..Script::default()
    };
    let (_, journal, cards) = run(
        study(vec![qa("a", "q1"), qa("b", "q2")]),
        &mut script,
        ModeChoice::Auto,
        true,
        &mut FixedClock(T0),
    );
    assert!(journal.reviews.iter().all(|(_, r)| r.practice && r.before == r.after));
    assert!(cards.iter().all(|c| c.sched.state == State::New));
}

#[test]
fn flip_counts_hard_good_easy_as_correct() {
    let mut script = Script {
        asks: flips(5),
        ..Script::default()
    };
    script.rates = [Rating::Hard, Rating::Easy, Rating::Again, Rating::Easy, Rating::Easy]
        .map(Control::Value)
        .into_iter()
        .collect();
    let (summary, _, _) = run(
        study(vec![qa("a", "q1"), qa("b", "q2"), qa("c", "q3")]),
        &mut script,
        ModeChoice::Auto,
        false,
        &mut FixedClock(T0),
    );
    assert_eq!((summary.flip.answered, summary.flip.correct), (5, 4));
    assert_eq!(
        script.shown,
        ["a", "b", "c", "a", "c"],
        "then the learning cards, soonest due first, never twice in a row"
    );
}

#[test]
fn typed_answers_are_graded_in_the_language_of_their_deck() {
    let s = scheduler();
    let mut analyzers = Analyzers::default();
    analyzers.get(Language::English);
    analyzers.get(Language::French);
    let session = Session {
        cards: Vec::new(),
        scheduler: &s,
        clock: clock(),
        analyzers: &analyzers,
        mode: ModeChoice::Fixed(Mode::Type),
        cram: false,
        rng: StdRng::seed_from_u64(1),
    };
    let card = Card {
        id: "q1".into(),
        body: CardBody::Qa {
            question: "Où s'inscrire ?".into(),
            answer: "L'inscription se fait à l'accueil.".into(),
            context: None,
            keypoints: vec!["accueil".into()],
            distractors: vec![],
        },
        tags: vec!["q1".into()],
        line: None,
    };
    let view = View {
        header: Header {
            position: 1,
            total: 1,
            deck: "Médiathèque".into(),
            state: State::New,
            score: None,
        },
        card: &card,
        mode: Mode::Type,
        options: Vec::new(),
    };
    let share = |language| match session.grade(&view, language, Response::Typed("À l'accueil.".into())).0 {
        Feedback::Qa { coverage, .. } => coverage.share,
        other => panic!("qa feedback, not {other:?}"),
    };
    // Read in French, "l'accueil" is "accueil"; read in English it is
    // another word.
    assert_eq!(share(Language::French), 1.0);
    assert_eq!(share(Language::English), 0.0);
}
