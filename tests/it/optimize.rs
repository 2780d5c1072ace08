//! `quizdeck optimize`: fitted from a review history written through the
//! library, kept when better, used by `quiz` from then on.

use predicates::prelude::*;
use predicates::str::contains;
use quizdeck::schedule::{CardState, Rating, State};
use quizdeck::session::{Mode, Review};
use quizdeck::store::Store;
use serde_json::Value;

use crate::env::TestEnv;
use crate::quiz::DECK;

const DAY: i64 = 86_400;
/// 2026-01-05T10:00:00Z.
const START: i64 = 1_767_607_200;

/// `cards` cards of `deck`, each learned and then answered six times at
/// growing intervals, forgotten whenever the interval outgrew a hidden
/// memory that the default parameters overrate.
fn history(store: &mut Store, deck: &str, cards: usize) {
    let mut reviews = Vec::new();
    let mut seed = 5u64;
    let mut next = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as f64 / (1u64 << 31) as f64
    };
    for c in 0..cards {
        let mut t = START + (c % 20) as i64 * DAY;
        let mut interval = 1;
        for k in 0..7 {
            let recalled = k == 0 || next() < (1.0 + interval as f64 / 3.0).powf(-1.0);
            let before = CardState {
                state: if k == 0 { State::New } else { State::Review },
                ..CardState::new_card()
            };
            reviews.push(Review {
                deck: deck.into(),
                card_id: format!("c{c}"),
                kind: "qa",
                time: t,
                day: (t - 4 * 3600).div_euclid(DAY),
                rating: if recalled { Rating::Good } else { Rating::Again },
                suggested: None,
                mode: Mode::Flip,
                correct: None,
                answer_ms: 3000,
                before,
                after: CardState {
                    state: State::Review,
                    ..before
                },
                practice: false,
            });
            interval = if recalled { interval * 3 } else { 1 };
            t += interval * DAY;
        }
    }
    store.record_many(&reviews).unwrap();
}

fn stability_of_new_card(env: &TestEnv) -> f64 {
    env.cmd()
        .args([
            "quiz",
            "--plain",
            "--now",
            "2027-01-01T09:00:00+00:00",
            "--learning-steps",
            "none",
            "--no-fuzz",
        ])
        .args(["--mode", "flip", "--new", "1", "decks/capitals.yaml"])
        .write_stdin("x\n3\n")
        .assert()
        .success();
    let out = env
        .cmd()
        .args([
            "cards",
            "--json",
            "--now",
            "2027-01-01T09:00:00+00:00",
            "decks/capitals.yaml",
        ])
        .output()
        .unwrap();
    let cards: Value = serde_json::from_slice(&out.stdout).unwrap();
    cards
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["state"] != "new")
        .map(|c| c["stability"].as_f64().unwrap())
        .unwrap()
}

#[test]
fn too_little_history_says_how_much_more_is_needed() {
    let env = TestEnv::new();
    env.cmd()
        .arg("optimize")
        .assert()
        .success()
        .stdout(contains("no answers on record yet"));
    let mut store = Store::open(&env.path("progress.db")).unwrap();
    history(&mut store, "Small", 10);
    drop(store);
    env.cmd()
        .arg("optimize")
        .assert()
        .success()
        .stdout(contains("collection: 60 answers to learn from; 340 more needed"));
}

#[test]
fn fitted_parameters_are_kept_and_schedule_the_next_session() {
    let env = TestEnv::new();
    env.write("decks/capitals.yaml", DECK);
    let baseline = {
        let fresh = TestEnv::new();
        fresh.write("decks/capitals.yaml", DECK);
        stability_of_new_card(&fresh)
    };
    let mut store = Store::open(&env.path("progress.db")).unwrap();
    history(&mut store, "History", 300);
    drop(store);
    env.cmd()
        .args(["optimize", "-q"])
        .assert()
        .success()
        .stdout(
            contains("collection: learned from 1800 answers; log loss")
                .and(contains("kept: `quiz` schedules every deck")),
        )
        .stderr("");
    // Fitting again changes nothing: the parameters in use are as good.
    env.cmd()
        .arg("optimize")
        .assert()
        .success()
        .stdout(contains("against the fitted parameters").and(contains("not kept")));
    let fitted = stability_of_new_card(&env);
    assert!(
        (fitted - baseline).abs() > 0.01,
        "a new card's first stability follows the fitted parameters: {fitted} vs {baseline}"
    );
}

#[test]
fn each_deck_can_have_its_own_parameters() {
    let env = TestEnv::new();
    let mut store = Store::open(&env.path("progress.db")).unwrap();
    history(&mut store, "History", 300);
    history(&mut store, "Tiny", 5);
    drop(store);
    env.cmd()
        .args(["optimize", "--deck", "-v"])
        .assert()
        .success()
        .stdout(
            contains("deck \"History\": learned from 1800 answers")
                .and(contains("kept: `quiz` schedules this deck"))
                .and(contains("deck \"Tiny\": 30 answers to learn from; 370 more needed")),
        )
        .stderr(contains("parameters: "));
    let db = rusqlite::Connection::open(env.path("progress.db")).unwrap();
    let scopes: Vec<String> = db
        .prepare("SELECT scope FROM parameters ORDER BY scope")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(scopes, ["History"]);
}
