use super::*;
use crate::schedule::CardState;
use crate::session::Mode;

fn review(id: &str, rating: Rating, before: CardState, after: CardState) -> Review {
    Review {
        deck: "Deck".into(),
        card_id: id.into(),
        kind: "qa",
        time: 1_000,
        day: 0,
        rating,
        suggested: None,
        mode: Mode::Flip,
        correct: None,
        answer_ms: 1200,
        before,
        after,
        practice: false,
    }
}

fn reviewed(reps: u32) -> CardState {
    CardState {
        state: State::Review,
        stability: Some(3.5),
        difficulty: Some(5.25),
        step: 0,
        due: 90_000 * i64::from(reps),
        last_review: Some(1_000),
        interval_days: 3,
        reps,
        lapses: 0,
    }
}

#[test]
fn schema_is_created_at_the_current_version() {
    let s = Store::in_memory().unwrap();
    let v: i64 = s.conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn record_then_undo_restores_the_card() {
    let mut s = Store::in_memory().unwrap();
    let first = s
        .record(&review("a", Rating::Good, CardState::new_card(), reviewed(1)))
        .unwrap();
    let states = s.card_states("Deck").unwrap();
    assert_eq!(states, vec![("a".to_string(), reviewed(1), false)]);
    let second = s.record(&review("a", Rating::Easy, reviewed(1), reviewed(2))).unwrap();
    assert_eq!(s.review_count().unwrap(), 2);
    s.undo(second, &review("a", Rating::Easy, reviewed(1), reviewed(2)))
        .unwrap();
    assert_eq!(s.card_states("Deck").unwrap()[0].1, reviewed(1));
    assert_eq!(s.review_count().unwrap(), 1);
    s.undo(first, &review("a", Rating::Good, CardState::new_card(), reviewed(1)))
        .unwrap();
    assert!(
        s.card_states("Deck").unwrap().is_empty(),
        "a new card undone is new again"
    );
}

#[test]
fn practice_reviews_leave_cards_alone_and_today_counts_skip_them() {
    let mut s = Store::in_memory().unwrap();
    s.record(&review("a", Rating::Good, CardState::new_card(), reviewed(1)))
        .unwrap();
    let mut p = review("b", Rating::Good, CardState::new_card(), CardState::new_card());
    p.practice = true;
    s.record(&p).unwrap();
    assert_eq!(s.card_states("Deck").unwrap().len(), 1);
    assert_eq!(s.studied_since(0).unwrap(), (1, 0));
    let log = s.card_log("a").unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].time, log[0].rating, log[0].interval_days, log[0].stability),
        (1_000, Rating::Good, 3, Some(3.5))
    );
}

#[test]
fn newer_garbage_and_foreign_databases_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let newer = dir.path().join("newer.db");
    {
        let c = Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let e = Store::open(&newer).err().unwrap().to_string();
    assert!(e.contains("newer quizdeck (schema 99"), "{e}");
    let garbage = dir.path().join("garbage.db");
    std::fs::write(
        &garbage,
        b"this is not sqlite at all, not even close........................................................",
    )
    .unwrap();
    let before = std::fs::read(&garbage).unwrap();
    let e = Store::open(&garbage).err().unwrap().to_string();
    assert!(e.contains("not a quizdeck database, or corrupt"), "{e}");
    assert_eq!(std::fs::read(&garbage).unwrap(), before);
    let foreign = dir.path().join("foreign.db");
    {
        let c = Connection::open(&foreign).unwrap();
        c.execute_batch("CREATE TABLE notes (x)").unwrap();
    }
    let e = Store::open(&foreign).err().unwrap().to_string();
    assert!(e.contains("no quizdeck schema version"), "{e}");
}

#[test]
fn reopening_keeps_data_and_migrates_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/progress.db");
    {
        let mut s = Store::open(&path).unwrap();
        s.record(&review("a", Rating::Good, CardState::new_card(), reviewed(1)))
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.review_count().unwrap(), 1);
}

#[test]
fn card_states_of_few_and_many_decks_are_the_same_rows() {
    let mut s = Store::in_memory().unwrap();
    let decks: Vec<String> = (0..40).map(|d| format!("Deck {d:02}")).collect();
    let reviews: Vec<Review> = decks
        .iter()
        .flat_map(|d| {
            (0..3).map(move |c| Review {
                deck: d.clone(),
                ..review(&format!("c{c}"), Rating::Good, CardState::new_card(), reviewed(c + 1))
            })
        })
        .collect();
    s.record_many(&reviews).unwrap();
    let visit = |wanted: &[&str]| {
        let mut seen = Vec::new();
        s.for_each_card_state(wanted, |deck, id, state, _| {
            seen.push((deck.to_string(), id.to_string(), state.reps))
        })
        .unwrap();
        seen.sort();
        seen
    };
    // Few decks are looked up one by one, many in one scan: same answer.
    let few: Vec<&str> = decks[..3].iter().map(String::as_str).collect();
    let many: Vec<&str> = decks[..30].iter().map(String::as_str).collect();
    let seen_few = visit(&few);
    let seen_many = visit(&many);
    assert_eq!(seen_few.len(), 9);
    assert_eq!(seen_many.len(), 90);
    assert_eq!(seen_many[..9], seen_few[..]);
    assert!(seen_many.iter().all(|(d, _, _)| many.contains(&d.as_str())));
    assert_eq!(seen_few[1], ("Deck 00".to_string(), "c1".to_string(), 2));
}

#[test]
fn deck_cache_entries_are_replaced_and_dropped_by_path() {
    let mut s = Store::in_memory().unwrap();
    let entry = |p: &str, data: &[u8]| (p.to_string(), 10, 20, data.to_vec());
    s.cache_decks("f1", &[entry("/a", b"one"), entry("/b", b"two")], &[])
        .unwrap();
    s.cache_decks("f1", &[entry("/a", b"uno")], &["/b".to_string()])
        .unwrap();
    let mut seen = Vec::new();
    s.for_each_cached_deck("f1", |p, size, mtime, data| {
        seen.push((p.to_string(), size, mtime, data.to_vec()))
    })
    .unwrap();
    assert_eq!(seen, vec![entry("/a", b"uno")]);
    let mut other = 0;
    s.for_each_cached_deck("f2", |_, _, _, _| other += 1).unwrap();
    assert_eq!(other, 0, "entries of another format are never visited");
    assert_eq!(s.cached_paths().unwrap(), ["/a"]);
}

#[test]
fn a_database_locked_past_the_timeout_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.db");
    drop(Store::open(&path).unwrap());
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let e = Store::open_waiting(&path, Duration::from_millis(50)).err().unwrap();
    assert!(matches!(e, StoreError::Locked { .. }), "{e:?}");
    assert!(
        e.to_string()
            .contains("progress.db: the database stayed locked by another program"),
        "{e}"
    );
    holder.execute_batch("COMMIT").unwrap();
    assert!(Store::open_waiting(&path, Duration::from_millis(50)).is_ok());
}

/// Answers to one card over many days of several decks, with undos.
fn history_fixture(s: &mut Store) -> Vec<Review> {
    let mut kept = Vec::new();
    for i in 0..120i64 {
        let deck = ["A", "B", "C"][(i % 3) as usize];
        let day = 20_000 + i * 4 % 400 - i % 7;
        let before = if i % 5 == 0 {
            CardState::new_card()
        } else {
            CardState {
                interval_days: (i % 40) as u32,
                ..reviewed(1)
            }
        };
        let rating = if i % 4 == 0 { Rating::Again } else { Rating::Good };
        let r = Review {
            deck: deck.into(),
            day,
            time: day * 86_400 + 36_000,
            practice: i % 11 == 0,
            answer_ms: 1000 + i,
            ..review(&format!("c{}", i % 9), rating, before, reviewed(2))
        };
        let id = s.record(&r).unwrap();
        if i % 13 == 0 {
            s.undo(id, &r).unwrap();
        } else {
            kept.push(r);
        }
    }
    kept
}

#[test]
fn daily_tallies_follow_records_and_undos_and_answer_the_windows() {
    let mut s = Store::in_memory().unwrap();
    let kept = history_fixture(&mut s);
    let mut rows: std::collections::BTreeMap<(String, i64), DayTally> = std::collections::BTreeMap::new();
    for r in &kept {
        rows.entry((r.deck.clone(), r.day)).or_default().add(&DayTally::of(r));
    }
    let rows: Vec<(String, i64, DayTally)> = rows.into_iter().map(|((d, day), t)| (d, day, t)).collect();
    // Both ways of taking the 365-day window (from the older or the newer
    // rows) must agree with the reference, so try a "today" for each.
    for today in [20_100, 20_390, 20_800] {
        let expected = crate::stats::histories_of(&rows, today);
        let got = s.deck_histories(today).unwrap();
        assert_eq!(got, expected, "today {today}");
    }
    let mut by_day: std::collections::BTreeMap<i64, DayTally> = std::collections::BTreeMap::new();
    for (_, day, t) in &rows {
        by_day.entry(*day).or_default().add(t);
    }
    let mut all = s.daily_totals(None).unwrap();
    all.sort_by_key(|r| r.0);
    assert_eq!(all, by_day.into_iter().collect::<Vec<_>>());
    let mut a_only = s.daily_totals(Some(&["A".to_string()])).unwrap();
    a_only.sort_by_key(|r| r.0);
    let expected: Vec<(i64, DayTally)> = rows.iter().filter(|r| r.0 == "A").map(|r| (r.1, r.2)).collect();
    assert_eq!(a_only, expected);
    assert_eq!(s.history_decks().unwrap(), ["A", "B", "C"]);
}

#[test]
fn the_tally_migration_counts_reviews_recorded_before_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let mut s = Store::open(&path).unwrap();
    let kept = history_fixture(&mut s);
    // Back to schema 2, as a database written before the tallies existed.
    s.conn
        .execute_batch("DROP TABLE daily; DROP TABLE daily_all; DROP TABLE deck_totals; DROP TABLE parameters; PRAGMA user_version = 2;")
        .unwrap();
    drop(s);
    let s = Store::open(&path).unwrap();
    let mut rows: std::collections::BTreeMap<(String, i64), DayTally> = std::collections::BTreeMap::new();
    for r in &kept {
        // Backfilled days are UTC days beginning at 4 a.m.
        let day = (r.time - 14_400).div_euclid(86_400);
        rows.entry((r.deck.clone(), day)).or_default().add(&DayTally::of(r));
    }
    let rows: Vec<(String, i64, DayTally)> = rows.into_iter().map(|((d, day), t)| (d, day, t)).collect();
    assert_eq!(
        s.deck_histories(20_390).unwrap(),
        crate::stats::histories_of(&rows, 20_390)
    );
}

#[test]
fn sessions_and_a_cards_log_newest_and_oldest_first() {
    let mut s = Store::in_memory().unwrap();
    s.begin_session(100, "A\nB").unwrap();
    s.record(&review("x", Rating::Good, CardState::new_card(), reviewed(1)))
        .unwrap();
    s.end_session(160, "A", 1, 1, "{}").unwrap();
    s.begin_session(200, "B").unwrap();
    s.end_session(200, "B", 0, 0, "{}").unwrap();
    s.begin_session(300, "B").unwrap();
    s.end_session(400, "B", 2, 1, "{\"lapses\":1}").unwrap();
    let all = s.sessions(10, None).unwrap();
    assert_eq!(
        all.iter().map(|(r, _)| r.start).collect::<Vec<_>>(),
        [300, 100],
        "empty sessions are left out"
    );
    assert_eq!(all[0].1, "{\"lapses\":1}");
    assert_eq!(s.sessions(1, None).unwrap().len(), 1);
    let a = s.sessions(10, Some(&["A".to_string()])).unwrap();
    assert_eq!((a.len(), a[0].0.decks.clone()), (1, vec!["A".to_string()]));
    s.record(&Review {
        time: 2_000,
        ..review("x", Rating::Again, reviewed(1), reviewed(2))
    })
    .unwrap();
    let log = s.card_log("x").unwrap();
    assert_eq!(
        log.iter().map(|l| (l.time, l.rating)).collect::<Vec<_>>(),
        [(1_000, Rating::Good), (2_000, Rating::Again)]
    );
    assert_eq!(log[0].deck, "Deck");
    assert!(s.card_log("nope").unwrap().is_empty());
}
