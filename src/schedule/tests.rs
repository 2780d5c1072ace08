use super::*;

const T0: i64 = 1_767_261_600; // 2026-01-01T10:00:00Z

fn utc() -> DayClock {
    DayClock {
        utc_offset: 0,
        rollover_hour: 4,
    }
}

fn plain_settings() -> Settings {
    Settings {
        learning_steps: vec![],
        relearning_steps: vec![],
        fuzz: false,
        ..Settings::default()
    }
}

#[test]
fn ratings_parse_by_number_and_name() {
    assert_eq!(Rating::parse("3"), Some(Rating::Good));
    assert_eq!(Rating::parse(" Easy "), Some(Rating::Easy));
    assert_eq!(Rating::parse("5"), None);
    assert_eq!(Rating::from_number(1), Some(Rating::Again));
    assert_eq!(Rating::from_number(0), None);
}

#[test]
fn steps_parse_and_format() {
    assert_eq!(parse_steps("1m 10m").unwrap(), vec![60, 600]);
    assert_eq!(parse_steps("30s,1h 2d").unwrap(), vec![30, 3600, 172_800]);
    assert_eq!(parse_steps("none").unwrap(), Vec::<u32>::new());
    assert!(parse_steps("1x").is_err());
    assert!(parse_steps("0m").is_err());
    assert_eq!(format_steps(&[60, 600, 86_400]), "1m 10m 1d");
    assert_eq!(format_steps(&[]), "none");
}

#[test]
fn day_boundaries_follow_the_rollover_hour_and_offset() {
    let c = utc();
    // 03:59 belongs to the previous study day, 04:00 starts a new one.
    let d = c.day(T0);
    assert_eq!(c.day(c.day_start(d)), d);
    assert_eq!(c.day(c.day_start(d) - 1), d - 1);
    let tokyo = DayClock {
        utc_offset: 9 * 3600,
        rollover_hour: 4,
    };
    // 10:00Z is 19:00 in Tokyo: same study day; 20:00Z is 05:00 next day there.
    assert_eq!(tokyo.day(T0 + 10 * 3600), tokyo.day(T0) + 1);
}

/// With no steps and no fuzz, every interval is FSRS's, rounded, over a
/// multi-day history with day boundaries counted as Anki counts them.
#[test]
fn intervals_equal_fsrs_over_a_multi_day_history() {
    let s = Scheduler::new(plain_settings(), None).unwrap();
    let fsrs = FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap();
    let clock = utc();
    let mut card = CardState::new_card();
    let mut memory: Option<MemoryState> = None;
    let mut now = T0;
    let mut last_day: Option<i64> = None;
    for rating in [
        Rating::Good,
        Rating::Good,
        Rating::Hard,
        Rating::Again,
        Rating::Good,
        Rating::Easy,
        Rating::Good,
    ] {
        let elapsed = last_day.map_or(0, |d| (clock.day(now) - d) as u32);
        let next = fsrs.next_states(memory, 0.9, elapsed).unwrap();
        let expected = match rating {
            Rating::Again => next.again,
            Rating::Hard => next.hard,
            Rating::Good => next.good,
            Rating::Easy => next.easy,
        };
        card = s.answer(&card, rating, now, &clock, 7).unwrap();
        let ivl = (expected.interval.round().max(1.0) as u32).min(36_500);
        assert_eq!(card.interval_days, ivl, "{rating:?} after {elapsed} days");
        assert!((card.stability.unwrap() - f64::from(expected.memory.stability)).abs() < 1e-4);
        assert!((card.difficulty.unwrap() - f64::from(expected.memory.difficulty)).abs() < 1e-4);
        assert_eq!(card.state, State::Review);
        assert_eq!(clock.day(card.due), clock.day(now) + i64::from(ivl));
        memory = Some(expected.memory);
        last_day = Some(clock.day(now));
        // Study a few hours after the card falls due.
        now = card.due + 5 * 3600;
    }
    assert_eq!(card.reps, 7);
    assert_eq!(card.lapses, 1);
}

#[test]
fn learning_steps_then_graduation_as_anki() {
    let s = Scheduler::new(
        Settings {
            fuzz: false,
            ..Settings::default()
        },
        None,
    )
    .unwrap();
    let clock = utc();
    let c = s.answer(&CardState::new_card(), Rating::Good, T0, &clock, 1).unwrap();
    assert_eq!((c.state, c.step, c.due), (State::Learning, 1, T0 + 600));
    let again = s.answer(&c, Rating::Again, T0 + 600, &clock, 1).unwrap();
    assert_eq!((again.state, again.step, again.due), (State::Learning, 0, T0 + 660));
    let hard = s.answer(&CardState::new_card(), Rating::Hard, T0, &clock, 1).unwrap();
    assert_eq!(hard.due, T0 + 330, "hard on the first step: average of 1m and 10m");
    let grad = s.answer(&c, Rating::Good, T0 + 600, &clock, 1).unwrap();
    assert_eq!(grad.state, State::Review);
    assert!(grad.interval_days >= 1);
    assert_eq!(clock.day(grad.due), clock.day(T0 + 600) + i64::from(grad.interval_days));
    let easy = s.answer(&CardState::new_card(), Rating::Easy, T0, &clock, 1).unwrap();
    assert_eq!(easy.state, State::Review);
    assert!(easy.interval_days > grad.interval_days);
}

#[test]
fn lapses_relearn_then_return_to_review() {
    let s = Scheduler::new(
        Settings {
            fuzz: false,
            learning_steps: vec![],
            ..Settings::default()
        },
        None,
    )
    .unwrap();
    let clock = utc();
    let c = s.answer(&CardState::new_card(), Rating::Good, T0, &clock, 1).unwrap();
    let lapse = s.answer(&c, Rating::Again, c.due + 3600, &clock, 1).unwrap();
    assert_eq!((lapse.state, lapse.lapses, lapse.step), (State::Relearning, 1, 0));
    assert_eq!(lapse.due, c.due + 3600 + 600);
    let back = s.answer(&lapse, Rating::Good, lapse.due, &clock, 1).unwrap();
    assert_eq!(back.state, State::Review);
    assert!(back.interval_days >= 1);
}

#[test]
fn maximum_interval_caps_and_review_intervals_keep_their_order() {
    let s = Scheduler::new(
        Settings {
            maximum_interval: 3,
            learning_steps: vec![],
            fuzz: false,
            ..Settings::default()
        },
        None,
    )
    .unwrap();
    let clock = utc();
    let c = s.answer(&CardState::new_card(), Rating::Easy, T0, &clock, 1).unwrap();
    assert_eq!(c.interval_days, 3);
    let s = Scheduler::new(plain_settings(), None).unwrap();
    let c = s.answer(&CardState::new_card(), Rating::Good, T0, &clock, 1).unwrap();
    let at = c.due + 3600;
    let [h, g, e] =
        [Rating::Hard, Rating::Good, Rating::Easy].map(|r| s.answer(&c, r, at, &clock, 1).unwrap().interval_days);
    assert!(h <= g && g < e, "{h} {g} {e}");
}

#[test]
fn fuzz_is_deterministic_per_card_and_within_anki_ranges() {
    let s = Scheduler::new(
        Settings {
            learning_steps: vec![],
            ..Settings::default()
        },
        None,
    )
    .unwrap();
    let clock = utc();
    let mut c = CardState::new_card();
    let mut now = T0;
    for _ in 0..4 {
        c = s.answer(&c, Rating::Good, now, &clock, 99).unwrap();
        now = c.due + 3600;
    }
    let again = {
        let mut c2 = CardState::new_card();
        let mut now = T0;
        for _ in 0..4 {
            c2 = s.answer(&c2, Rating::Good, now, &clock, 99).unwrap();
            now = c2.due + 3600;
        }
        c2
    };
    assert_eq!(c, again, "same card, same answers, same schedule");
    for days in [3, 5, 10, 30, 100, 1000] {
        let (lo, hi) = fuzz_range(days, 36_500);
        assert!(lo <= days && days <= hi && lo >= 2, "{days}: {lo}..{hi}");
        assert!(f64::from(hi - lo) <= f64::from(days) * 0.35 + 2.0);
    }
    let spread: std::collections::HashSet<u32> = (0..50).map(|seed| s.interval(30.0, seed)).collect();
    assert!(spread.len() > 1, "fuzz varies between cards");
}

#[test]
fn retrievability_falls_with_time() {
    let s = Scheduler::new(plain_settings(), None).unwrap();
    let c = s.answer(&CardState::new_card(), Rating::Good, T0, &utc(), 1).unwrap();
    let r0 = s.retrievability(&c, T0).unwrap();
    let r1 = s.retrievability(&c, T0 + 10 * DAY).unwrap();
    assert!((r0 - 1.0).abs() < 1e-6 && r1 < r0);
    assert_eq!(s.retrievability(&CardState::new_card(), T0), None);
}

#[test]
fn bad_settings_are_refused() {
    assert!(
        Scheduler::new(
            Settings {
                desired_retention: 1.2,
                ..Settings::default()
            },
            None
        )
        .is_err()
    );
    assert!(
        Scheduler::new(
            Settings {
                maximum_interval: 0,
                ..Settings::default()
            },
            None
        )
        .is_err()
    );
}

/// Histories with something to learn: recall falls with time since the
/// last answer faster than the default parameters expect.
fn synthetic(cards: usize) -> Vec<CardHistory> {
    let mut rng = 17u64;
    let mut next = || {
        rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (rng >> 33) as f64 / (1u64 << 31) as f64
    };
    (0..cards)
        .map(|c| {
            let mut day = (c % 50) as i64;
            let mut h = vec![(day, Rating::Good)];
            let mut interval = 1;
            for _ in 0..6 {
                day += interval;
                let recalled = next() < (1.0 + interval as f64 / 3.0).powf(-1.0);
                h.push((day, if recalled { Rating::Good } else { Rating::Again }));
                interval = if recalled { interval * 3 } else { 1 };
            }
            h
        })
        .collect()
}

#[test]
fn fitting_items_skip_same_day_answers_but_keep_them_in_the_history() {
    let h: Vec<CardHistory> = vec![vec![
        (10, Rating::Again),
        (10, Rating::Good),
        (12, Rating::Good),
        (12, Rating::Hard),
    ]];
    assert_eq!(fit_reviews(&h), 1, "only the answer on a later day is learned from");
    let (items, cards) = items(&h);
    assert_eq!(items.len(), 1);
    assert_eq!(cards, [0]);
    let deltas: Vec<u32> = items[0].reviews.iter().map(|r| r.delta_t).collect();
    assert_eq!(deltas, [0, 0, 2]);
}

#[test]
fn too_little_history_says_how_much_is_needed() {
    match fit(&synthetic(10), None, None) {
        Err(ScheduleError::NotEnoughData { have, need }) => {
            assert_eq!((have, need), (60, MIN_FIT_REVIEWS));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn fitted_parameters_predict_the_history_better_than_the_defaults() {
    let fitted = fit(&synthetic(400), None, None).unwrap();
    assert_eq!(fitted.reviews, 2400);
    assert_eq!(fitted.parameters.len(), 21);
    assert!(fitted.after.log_loss < fitted.before.log_loss, "{fitted:?}");
    // Usable by the scheduler as they are.
    assert!(Scheduler::new(Settings::default(), Some(&fitted.parameters)).is_ok());
    // Fitting again from the fitted parameters: no better, so not kept.
    let again = fit(&synthetic(400), Some(&fitted.parameters), None).unwrap();
    assert!((again.before.log_loss - fitted.after.log_loss).abs() < 1e-6);
}

#[test]
fn a_deck_with_its_own_parameters_is_scheduled_with_them() {
    let fitted = fit(&synthetic(400), None, None).unwrap().parameters;
    let settings = Settings {
        fuzz: false,
        ..Settings::default()
    };
    let mut s = Schedulers::new(Scheduler::new(settings.clone(), None).unwrap());
    s.set_deck("Mine".into(), Scheduler::new(settings, Some(&fitted)).unwrap());
    let first = |deck: &str| {
        s.get(deck)
            .answer(&CardState::new_card(), Rating::Good, T0, &utc(), 1)
            .unwrap()
            .stability
    };
    assert_ne!(first("Mine"), first("Other"));
    assert_eq!(
        first("Other"),
        first("Another"),
        "decks without their own use the default"
    );
}
