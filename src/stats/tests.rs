use super::*;
use crate::schedule::{Rating, Scheduler, Settings};
use crate::session::Mode;

/// 2026-03-02T00:00:00Z, a Monday.
const MON: i64 = 1_772_409_600;
const H: i64 = 3600;
const D: i64 = 86_400;

fn clock() -> DayClock {
    DayClock {
        utc_offset: 0,
        rollover_hour: 4,
    }
}

fn scheduler() -> Schedulers {
    Schedulers::new(Scheduler::new(Settings::default(), None).unwrap())
}

fn state(state: State, interval_days: u32) -> CardState {
    CardState {
        state,
        stability: (state != State::New).then_some(f64::from(interval_days.max(1))),
        difficulty: (state != State::New).then_some(5.0),
        step: 0,
        due: 0,
        last_review: (state != State::New).then_some(MON - 10 * D),
        interval_days,
        reps: u32::from(state != State::New),
        lapses: 0,
    }
}

fn review(deck: &str, time: i64, rating: Rating, before: CardState) -> Review {
    Review {
        deck: deck.into(),
        card_id: "c".into(),
        kind: "qa",
        time,
        day: clock().day(time),
        rating,
        suggested: None,
        mode: Mode::Flip,
        correct: None,
        answer_ms: 5_000,
        before,
        after: before,
        practice: false,
    }
}

/// The day rows the store would hold for these reviews.
fn rows(reviews: &[Review]) -> Vec<(String, i64, DayTally)> {
    let mut map: std::collections::BTreeMap<(String, i64), DayTally> = std::collections::BTreeMap::new();
    for r in reviews {
        map.entry((r.deck.clone(), r.day)).or_default().add(&DayTally::of(r));
    }
    map.into_iter().map(|((d, day), t)| (d, day, t)).collect()
}

fn report(now: i64, reviews: &[Review], cards: Vec<StatCard>, decks: &[&str]) -> Report {
    let sched = scheduler();
    let rows = rows(reviews);
    let today = clock().day(now);
    let mut hist = histories_of(&rows, today);
    let mut daily: Vec<(i64, DayTally)> = Vec::new();
    for (_, day, t) in &rows {
        daily.push((*day, *t));
    }
    compute(&Input {
        now,
        clock: clock(),
        scheduler: &sched,
        desired_retention: 0.9,
        days: 30,
        decks: decks
            .iter()
            .map(|d| (d.to_string(), hist.remove(*d).unwrap_or_default()))
            .collect(),
        cards,
        daily,
        sessions: Vec::new(),
    })
}

#[test]
fn a_tally_counts_what_the_session_counts() {
    let young = state(State::Review, 5);
    let mature = state(State::Review, 30);
    let t = DayTally::of(&review("A", MON, Rating::Again, young));
    assert_eq!(
        (t.answers, t.correct, t.young, t.young_passed, t.mature),
        (1, 0, 1, 0, 0)
    );
    let t = DayTally::of(&review("A", MON, Rating::Hard, mature));
    assert_eq!((t.correct, t.mature, t.mature_passed, t.young), (1, 1, 1, 0));
    // Type mode: the graded result, not the rating, is "correct".
    let typed = Review {
        mode: Mode::Type,
        correct: Some(false),
        ..review("A", MON, Rating::Good, young)
    };
    assert_eq!(DayTally::of(&typed).correct, 0);
    assert_eq!(DayTally::of(&typed).young_passed, 1, "retention follows the rating");
    // New cards are learned, not retained; practice never counts for retention.
    let new = DayTally::of(&review("A", MON, Rating::Good, CardState::new_card()));
    assert_eq!((new.new_cards, new.young + new.mature), (1, 0));
    let practice = DayTally::of(&Review {
        practice: true,
        ..review("A", MON, Rating::Good, young)
    });
    assert_eq!((practice.answers, practice.young, practice.new_cards), (1, 0, 0));
    let mut sum = t;
    sum.add(&t.negated());
    assert_eq!(sum, DayTally::default());
}

#[test]
fn true_retention_over_windows_split_young_and_mature() {
    let now = MON + 40 * D + 12 * H;
    let young = state(State::Review, 3);
    let mature = state(State::Review, 40);
    let reviews = vec![
        // 40 days ago: only in the 365-day window.
        review("A", MON + 9 * H, Rating::Again, young),
        review("A", MON + 9 * H, Rating::Good, young),
        // 10 days ago: 30 and 365.
        review("A", MON + 30 * D + 9 * H, Rating::Good, mature),
        review("A", MON + 30 * D + 9 * H, Rating::Again, mature),
        review("A", MON + 30 * D + 9 * H, Rating::Good, mature),
        // Today: every window.
        review("A", now - H, Rating::Easy, young),
    ];
    let r = report(now, &reviews, Vec::new(), &["A"]);
    let d = &r.decks[0];
    assert_eq!(d.retention_7d, Some(1.0));
    assert_eq!(d.retention_30d, Some(3.0 / 4.0));
    assert_eq!(d.retention_365d, Some(4.0 / 6.0));
    assert_eq!(d.retention_young_30d, Some(1.0));
    assert_eq!(d.retention_mature_30d, Some(2.0 / 3.0));
    assert_eq!(d.retention_young_365d, Some(2.0 / 3.0));
    assert_eq!((d.reviews, d.correct), (6, 4));
    assert_eq!(d.study_time_s, 30);
    assert_eq!(r.total.retention_30d, d.retention_30d);
    // By week: this week's one answer passed; five weeks back, one of two.
    let last = r.retention_by_week.last().unwrap();
    assert_eq!(
        (last.week.as_str(), last.reviews, last.retention),
        ("2026-04-06", 1, Some(1.0))
    );
}

#[test]
fn streaks_follow_study_days_across_the_rollover() {
    let young = state(State::Review, 3);
    // Monday 23:30 and Tuesday 02:00 are the same study day (rollover 4 a.m.).
    let mon_late = MON + 23 * H + 30 * 60;
    let tue_early = MON + D + 2 * H;
    let tue = MON + D + 9 * H;
    let r = report(
        tue_early + H,
        &[
            review("A", mon_late, Rating::Good, young),
            review("A", tue_early, Rating::Good, young),
        ],
        Vec::new(),
        &["A"],
    );
    assert_eq!(r.streak.current_days, 1);
    assert_eq!(r.streak.study_days, 1);
    // Answered again after 4 a.m.: a second day.
    let r = report(
        tue + H,
        &[
            review("A", mon_late, Rating::Good, young),
            review("A", tue_early, Rating::Good, young),
            review("A", tue, Rating::Good, young),
        ],
        Vec::new(),
        &["A"],
    );
    assert_eq!((r.streak.current_days, r.streak.longest_days), (2, 2));
    assert_eq!(r.decks[0].streak_days, 2);
    // Nothing yet today: yesterday's streak still stands; two days without: gone.
    assert_eq!(streaks([1, 2, 3], 4).current_days, 3);
    assert_eq!(streaks([1, 2, 3], 5).current_days, 0);
    assert_eq!(
        streaks([1, 2, 3, 7, 8], 8),
        Streak {
            current_days: 2,
            longest_days: 3,
            study_days: 5
        }
    );
    // A clock set back: days after "today" do not count.
    assert_eq!(streaks([1, 2, 3, 9], 3).current_days, 3);
}

#[test]
fn due_counts_and_forecast() {
    let now = MON + 10 * H;
    let today = clock().day(now);
    let card = |deck: usize, st: State, due: i64, suspended: bool| StatCard {
        deck,
        id: format!("c{due}"),
        sched: CardState { due, ..state(st, 5) },
        suspended,
    };
    let cards = vec![
        card(0, State::Review, MON - 3 * D, false),  // overdue: now, forecast day 0
        card(0, State::Review, MON + 20 * H, false), // today's date: now
        card(0, State::Learning, now - 60, false),   // step due: now
        card(0, State::Learning, now + 600, false),  // step later today
        card(0, State::Review, MON + D + 10 * H, false), // tomorrow
        card(1, State::Review, MON + 29 * D + 10 * H, false), // last forecast day
        card(1, State::Review, MON + 30 * D + 10 * H, false), // beyond it
        card(1, State::Review, MON - D, true),       // suspended: never due
        card(1, State::New, 0, false),               // new: not scheduled
    ];
    let r = report(now, &[], cards, &["A", "B"]);
    let a = &r.decks[0];
    assert_eq!((a.due_now, a.due_today, a.due_tomorrow), (3, 1, 1));
    assert_eq!((a.cards, a.review, a.learning), (5, 3, 2));
    let b = &r.decks[1];
    assert_eq!((b.cards, b.suspended, b.new, b.due_now), (4, 1, 1, 0));
    assert_eq!(r.total.cards, 9);
    assert_eq!(r.forecast.len(), FORECAST_DAYS);
    assert_eq!(r.forecast[0].date, clock().date(today));
    assert_eq!(r.forecast.iter().map(|f| f.due).collect::<Vec<_>>()[..3], [4, 1, 0]);
    assert_eq!(r.forecast[29].due, 1);
    assert_eq!(r.forecast.iter().map(|f| f.due).sum::<usize>(), 6);
}

#[test]
fn averages_leeches_and_no_data() {
    let mut leech = state(State::Review, 2);
    leech.lapses = LEECH_LAPSES;
    let cards = vec![
        StatCard {
            deck: 0,
            id: "l".into(),
            sched: leech,
            suspended: false,
        },
        StatCard {
            deck: 0,
            id: "m".into(),
            sched: state(State::Review, 40),
            suspended: false,
        },
        StatCard {
            deck: 0,
            id: "n".into(),
            sched: state(State::New, 0),
            suspended: false,
        },
    ];
    let r = report(MON, &[], cards, &["A"]);
    let a = &r.decks[0];
    assert_eq!(a.avg_stability, Some(21.0));
    assert_eq!(a.avg_difficulty, Some(5.0));
    let recall = a.avg_retrievability.unwrap();
    assert!(recall > 0.5 && recall < 1.0, "{recall}");
    assert_eq!((a.young, a.mature, a.leeches), (1, 1, 1));
    assert_eq!(
        r.leeches,
        vec![Leech {
            deck: "A".into(),
            id: "l".into(),
            lapses: LEECH_LAPSES
        }]
    );
    // Nothing answered: ratios are absent, never NaN.
    assert_eq!((a.score, a.retention_7d, a.retention_365d), (None, None, None));
    let empty = report(MON, &[], Vec::new(), &[]);
    assert_eq!(empty.total.avg_stability, None);
    assert_eq!(empty.streak, Streak::default());
    let json = serde_json::to_string(&empty).unwrap();
    assert!(!json.contains("NaN") && json.contains("\"score\":null"), "{json}");
}

#[test]
fn a_clock_set_back_gives_sensible_numbers() {
    let young = state(State::Review, 3);
    let later = MON + 5 * D;
    let mut card = state(State::Review, 3);
    card.last_review = Some(later);
    card.due = later + 3 * D;
    let cards = vec![StatCard {
        deck: 0,
        id: "c".into(),
        sched: card,
        suspended: false,
    }];
    let r = report(MON, &[review("A", later, Rating::Good, young)], cards, &["A"]);
    let a = &r.decks[0];
    assert_eq!(a.avg_retrievability, Some(1.0));
    assert_eq!(a.reviews, 1);
    assert_eq!(r.streak.current_days, 0);
    assert!(
        r.activity.iter().all(|d| d.reviews == 0),
        "answers after now are not in the past 30 days"
    );
}

#[test]
fn score_trend_compares_newer_sessions_with_older() {
    let session = |start: i64, correct: i64| SessionRow {
        start,
        end: start + 60,
        decks: vec!["A".into()],
        answered: 10,
        correct,
    };
    let sched = scheduler();
    let input = |sessions: Vec<SessionRow>| Input {
        now: MON,
        clock: clock(),
        scheduler: &sched,
        desired_retention: 0.9,
        days: 7,
        decks: vec![("A".into(), DeckHistory::default())],
        cards: Vec::new(),
        daily: Vec::new(),
        sessions,
    };
    // Newest first: 9, 8 then 6, 5 correct of 10.
    let r = compute(&input(vec![session(4, 9), session(3, 8), session(2, 6), session(1, 5)]));
    assert!((r.score_trend.unwrap() - 0.3).abs() < 1e-9);
    assert_eq!(r.sessions[0].score, Some(0.9));
    assert_eq!(r.activity.len(), 7);
    let r = compute(&input(vec![session(2, 6), session(1, 5)]));
    assert_eq!(r.score_trend, None);
}
