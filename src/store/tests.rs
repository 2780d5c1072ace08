use super::*;
use crate::schedule::CardState;
use crate::session::Mode;

fn review(id: &str, rating: Rating, before: CardState, after: CardState) -> Review {
    Review {
        deck: "Deck".into(),
        card_id: id.into(),
        kind: "qa",
        time: 1_000,
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
    assert_eq!(
        s.card_reviews("Deck", "a").unwrap(),
        vec![(1_000, Rating::Good, 3, Some(3.5))]
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
