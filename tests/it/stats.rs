//! `stats` and `history` over plain sessions on simulated days: the numbers
//! are checked against the answers the sessions acknowledged, and the text
//! and JSON are snapshots.

use predicates::str::contains;
use serde_json::Value;

use crate::env::TestEnv;
use crate::quiz::DECK;

/// Every answer on the schedule's terms: no learning steps, no fuzz, each
/// card flipped.
const SCHED: [&str; 7] = [
    "--learning-steps",
    "none",
    "--relearning-steps",
    "none",
    "--no-fuzz",
    "--mode",
    "flip",
];

/// Runs a plain session at `now`, rating the cards in turn with `ratings`
/// (repeating the last); returns the acknowledged (card, rating) pairs.
fn session(env: &TestEnv, now: &str, ratings: &[&str]) -> Vec<(String, String)> {
    let input: String = (0..20)
        .map(|i| format!("x\n{}\n", ratings[i.min(ratings.len() - 1)]))
        .collect();
    let out = env
        .cmd()
        .args(["quiz", "--plain", "--now", now, "--seed", "1"])
        .args(SCHED)
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("saved Capitals "))
        .map(|l| {
            let (id, rating) = l.split_once(' ').unwrap();
            (id.to_string(), rating.to_string())
        })
        .collect()
}

fn json(env: &TestEnv, args: &[&str]) -> Value {
    let out = env.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn text(env: &TestEnv, args: &[&str]) -> String {
    let out = env.cmd().args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Three study days: all three cards learned on Monday, reviewed (one
/// forgotten) the next week, and the forgotten one again the day after.
fn studied() -> (TestEnv, Vec<Vec<(String, String)>>) {
    let env = TestEnv::new();
    env.write("decks/capitals.yaml", DECK);
    let days = vec![
        session(&env, "2026-03-02T09:00:00+00:00", &["3"]),
        session(&env, "2026-03-10T09:00:00+00:00", &["1", "3"]),
        session(&env, "2026-03-11T21:00:00+00:00", &["3"]),
    ];
    (env, days)
}

#[test]
fn stats_json_counts_what_the_sessions_acknowledged() {
    let (env, days) = studied();
    assert_eq!(days[0].len(), 3, "three new cards learned: {days:?}");
    assert_eq!(days[1].len(), 3, "all three due a week later: {days:?}");
    assert!(!days[2].is_empty(), "the forgotten card comes back: {days:?}");
    let answers: Vec<&(String, String)> = days.iter().flatten().collect();
    let passed = |d: &[(String, String)]| d.iter().filter(|(_, r)| r != "again").count();
    let reviews_after_day1: usize = days[1..].iter().map(Vec::len).sum();
    let passed_after_day1: usize = days[1..].iter().map(|d| passed(d)).sum();

    let v = json(&env, &["stats", "--json", "--now", "2026-03-11T22:00:00+00:00"]);
    let deck = &v["decks"][0];
    assert_eq!(deck["deck"], "Capitals");
    assert_eq!(deck["cards"], 3);
    assert_eq!(deck["new"], 0);
    assert_eq!(deck["reviews"], answers.len());
    let correct: usize = days.iter().map(|d| passed(d)).sum();
    assert_eq!(deck["correct"], correct);
    let score = deck["score"].as_f64().unwrap();
    assert!((score - correct as f64 / answers.len() as f64).abs() < 1e-9);
    // Day-one answers were to new cards: true retention counts the rest.
    let retention = passed_after_day1 as f64 / reviews_after_day1 as f64;
    for window in ["retention_7d", "retention_30d", "retention_365d"] {
        assert!(
            (deck[window].as_f64().unwrap() - retention).abs() < 1e-9,
            "{window}: {deck}"
        );
    }
    assert_eq!(deck["streak_days"], 2);
    assert_eq!(v["streak"]["longest_days"], 2);
    assert_eq!(v["streak"]["study_days"], 3);
    assert_eq!(v["total"]["reviews"], deck["reviews"]);
    assert_eq!(v["now"], "2026-03-11T22:00:00+00:00");
    // Sessions newest first, scores as acknowledged.
    let sessions = v["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions[2]["answered"], days[0].len());
    assert_eq!(sessions[1]["correct"], passed(&days[1]));
    assert_eq!(sessions[0]["start"], "2026-03-11T21:00:00+00:00");
    // The forecast holds every scheduled card due in the next 30 days.
    let forecast = v["forecast"].as_array().unwrap();
    assert_eq!(forecast.len(), 30);
    assert_eq!(forecast[0]["date"], "2026-03-11");
    let cards = json(&env, &["cards", "--json", "--now", "2026-03-11T22:00:00+00:00"]);
    let horizon = "2026-04-10T04:00:00+00:00";
    let due_soon = cards
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["due"].as_str().unwrap() < horizon)
        .count();
    let in_forecast: u64 = forecast.iter().map(|f| f["due"].as_u64().unwrap()).sum();
    assert_eq!(in_forecast as usize, due_soon);
    // Activity: the last 30 days, answers on the days they were given.
    let activity = v["activity"].as_array().unwrap();
    assert_eq!(activity.len(), 30);
    let on = |date: &str| activity.iter().find(|a| a["date"] == date).unwrap()["reviews"].clone();
    assert_eq!(on("2026-03-02"), days[0].len());
    assert_eq!(on("2026-03-10"), days[1].len());
    assert_eq!(on("2026-03-11"), days[2].len());
}

#[test]
fn stats_and_history_snapshots() {
    let (env, _) = studied();
    let now = ["--now", "2026-03-11T22:00:00+00:00"];
    let stats = text(&env, &[&["stats"][..], &now].concat());
    insta::assert_snapshot!("stats-text", stats);
    // Plain output: ASCII only, no escape sequences.
    assert!(stats.is_ascii(), "{stats}");
    insta::assert_snapshot!("stats-json", text(&env, &[&["stats", "--json"][..], &now].concat()));
    insta::assert_snapshot!("history-text", text(&env, &[&["history"][..], &now].concat()));
    insta::assert_snapshot!("history-json", text(&env, &[&["history", "--json"][..], &now].concat()));
    insta::assert_snapshot!(
        "history-card-text",
        text(&env, &[&["history", "--card", "fr"][..], &now].concat())
    );
    let narrow = env
        .cmd()
        .args(["stats", "--now", "2026-03-11T22:00:00+00:00", "--days", "7"])
        .env("COLUMNS", "40")
        .output()
        .unwrap();
    assert!(narrow.status.success());
    let narrow = String::from_utf8(narrow.stdout).unwrap();
    // The charts fit the 40 columns (the sentences above them wrap as text does).
    let charts = narrow.split("Due in the next 30 days").nth(1).unwrap();
    let too_wide: Vec<&str> = charts
        .lines()
        .filter(|l| l.chars().count() > 40 && !l.starts_with("True retention"))
        .collect();
    assert!(too_wide.is_empty(), "{too_wide:#?}");
    assert!(
        charts.contains("Mon ") && charts.contains("Answers per day, last 7 days"),
        "{narrow}"
    );
}

#[test]
fn history_of_one_card_and_of_a_card_never_answered() {
    let (env, days) = studied();
    let v = json(&env, &["history", "--card", "fr", "--json"]);
    let log = v.as_array().unwrap();
    let expected: Vec<&String> = days
        .iter()
        .flatten()
        .filter(|(id, _)| id == "fr")
        .map(|(_, r)| r)
        .collect();
    assert_eq!(
        log.iter().map(|l| l["rating"].as_str().unwrap()).collect::<Vec<_>>(),
        expected
    );
    assert_eq!(log[0]["time"], "2026-03-02T09:00:00+00:00");
    assert!(log.iter().all(|l| l["interval_days"].as_u64().unwrap() >= 1));
    env.cmd()
        .args(["history", "--card", "nope"])
        .assert()
        .code(1)
        .stderr(contains("card nope: no answers on record"));
    let limited = json(&env, &["history", "--json", "--limit", "1"]);
    assert_eq!(limited.as_array().unwrap().len(), 1);
    assert_eq!(limited[0]["start"], "2026-03-11T21:00:00+00:00");
}

#[test]
fn empty_database_and_decks_never_studied() {
    let env = TestEnv::new();
    env.cmd()
        .args(["stats", "--now", "2026-03-02T09:00:00+00:00"])
        .assert()
        .success()
        .stdout(contains("No decks and no history yet"));
    let v = json(&env, &["stats", "--json", "--now", "2026-03-02T09:00:00+00:00"]);
    assert_eq!(v["decks"], Value::Array(vec![]));
    assert_eq!(v["total"]["score"], Value::Null);
    env.cmd()
        .args(["history"])
        .assert()
        .success()
        .stdout(contains("No sessions yet"));

    env.write("decks/capitals.yaml", DECK);
    let v = json(&env, &["stats", "--json", "--now", "2026-03-02T09:00:00+00:00"]);
    let deck = &v["decks"][0];
    assert_eq!((deck["cards"].as_u64(), deck["new"].as_u64()), (Some(3), Some(3)));
    for k in ["score", "retention_7d", "avg_stability", "avg_retrievability"] {
        assert_eq!(deck[k], Value::Null, "{k}");
    }
    assert_eq!(deck["due_now"], 0);
    let out = text(&env, &["stats", "--now", "2026-03-02T09:00:00+00:00"]);
    assert!(
        out.contains("no answers to review cards") && !out.contains("NaN"),
        "{out}"
    );
}

#[test]
fn a_removed_deck_keeps_its_history_and_a_clock_set_back_is_harmless() {
    let (env, days) = studied();
    let total: usize = days.iter().map(Vec::len).sum();
    std::fs::remove_file(env.path("decks/capitals.yaml")).unwrap();
    let v = json(&env, &["stats", "--json", "--now", "2026-03-12T09:00:00+00:00"]);
    let deck = &v["decks"][0];
    assert_eq!(deck["deck"], "Capitals");
    assert_eq!(deck["reviews"], total);
    assert_eq!(deck["cards"], 3, "cards counted from the database");

    // Before the last answers: no NaN, no panic, no negative numbers.
    let out = env
        .cmd()
        .args(["stats", "--json", "--now", "2026-03-01T09:00:00+00:00"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let raw = String::from_utf8(out.stdout).unwrap();
    assert!(!raw.contains("NaN") && !raw.contains(": -"), "{raw}");
    let v: Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["streak"]["current_days"], 0);
    let r = v["total"]["avg_retrievability"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&r));
    env.cmd()
        .args(["stats", "--now", "2026-03-01T09:00:00+00:00"])
        .assert()
        .success()
        .stdout(contains("Capitals"));
}

#[test]
fn leeches_are_listed_and_tagged() {
    let env = TestEnv::new();
    env.write(
        "decks/one.yaml",
        "version: 1\ntitle: One\ncards:\n- id: hard\n  kind: qa\n  question: Q?\n  answer: A.\n",
    );
    let run = |day: &str, rating: &str| {
        env.cmd()
            .args(["quiz", "--plain", "--now", &format!("2026-{day}T09:00:00+00:00")])
            .args(SCHED)
            .write_stdin(format!("x\n{rating}\n"))
            .assert()
            .success()
            .stdout(contains("saved One hard"));
    };
    // Ten days apart, so the card is due each time: learned, then
    // forgotten eight times.
    run("03-01", "3");
    for day in ["03-11", "03-21", "03-31", "04-10", "04-20", "04-30", "05-10", "05-20"] {
        run(day, "1");
    }
    let now = ["--now", "2026-05-21T09:00:00+00:00"];
    let v = json(&env, &[&["stats", "--json"][..], &now].concat());
    assert_eq!(v["leeches"][0]["id"], "hard");
    assert_eq!(v["leeches"][0]["lapses"], 8);
    assert_eq!(v["decks"][0]["leeches"], 1);
    assert!(text(&env, &[&["stats"][..], &now].concat()).contains("One  hard  8 lapses"));
    let cards = json(&env, &[&["cards", "--json"][..], &now].concat());
    assert_eq!(cards[0]["tags"], serde_json::json!(["leech"]));
    assert!(text(&env, &[&["cards"][..], &now].concat()).contains("[leech]"));
    let tagged = json(&env, &[&["cards", "--json", "--tag", "leech"][..], &now].concat());
    assert_eq!(tagged.as_array().unwrap().len(), 1);
}
