//! The start-up cache of parsed decks: used while a deck file is unchanged
//! (same size and modification time), never trusted when damaged, and
//! never filled from a file modified too recently to be sure of it.

use std::path::Path;
use std::time::{Duration, SystemTime};

use serde_json::Value;

use crate::env::TestEnv;
use crate::quiz::DECK;

fn ago(secs: u64) -> SystemTime {
    SystemTime::now() - Duration::from_secs(secs)
}

fn set_mtime(p: &Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(p)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn ids(env: &TestEnv) -> Vec<String> {
    let out = env
        .cmd()
        .args(["cards", "--json", "--now", "2026-03-02T09:00:00+00:00"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect()
}

fn db(env: &TestEnv) -> rusqlite::Connection {
    rusqlite::Connection::open(env.path("progress.db")).unwrap()
}

fn cached_rows(env: &TestEnv) -> Vec<(String, i64)> {
    let db = db(env);
    let mut stmt = db
        .prepare("SELECT path, length(data) FROM deck_cache ORDER BY path")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

#[test]
fn an_unchanged_deck_comes_from_the_cache_and_any_change_is_seen() {
    let env = TestEnv::new();
    let deck = env.write("decks/capitals.yaml", DECK);
    let (hour_ago, half_hour_ago) = (ago(3600), ago(1800));
    set_mtime(&deck, hour_ago);
    assert_eq!(ids(&env), ["fr", "it", "es"]);
    let rows = cached_rows(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].0.ends_with("capitals.yaml") && rows[0].1 > 0, "{rows:?}");

    // Same size, same modification time: the cache stands for the file.
    std::fs::write(&deck, DECK.replace("id: fr", "id: fx")).unwrap();
    set_mtime(&deck, hour_ago);
    assert_eq!(ids(&env), ["fr", "it", "es"]);

    // Any other modification time: parsed again, and cached again.
    set_mtime(&deck, half_hour_ago);
    assert_eq!(ids(&env), ["fx", "it", "es"]);
    std::fs::write(
        &deck,
        format!("{DECK}- id: de\n  kind: qa\n  question: Germany?\n  answer: Berlin\n"),
    )
    .unwrap();
    set_mtime(&deck, half_hour_ago);
    assert_eq!(ids(&env), ["fr", "it", "es", "de"]);
    assert_eq!(cached_rows(&env).len(), 1);
}

#[test]
fn a_damaged_cache_entry_is_a_miss_and_is_rewritten() {
    let env = TestEnv::new();
    let deck = env.write("decks/capitals.yaml", DECK);
    set_mtime(&deck, ago(3600));
    assert_eq!(ids(&env), ["fr", "it", "es"]);
    db(&env).execute("UPDATE deck_cache SET data = x'0102'", []).unwrap();
    assert_eq!(ids(&env), ["fr", "it", "es"]);
    assert!(cached_rows(&env)[0].1 > 2);
}

#[test]
fn a_deck_modified_just_now_is_not_cached() {
    let env = TestEnv::new();
    env.write("decks/capitals.yaml", DECK);
    assert_eq!(ids(&env), ["fr", "it", "es"]);
    assert!(cached_rows(&env).is_empty());
}

#[test]
fn entries_of_deleted_decks_are_dropped_when_the_cache_is_written() {
    let env = TestEnv::new();
    let old = env.write("decks/old.yaml", DECK.replace("Capitals", "Old"));
    set_mtime(&old, ago(3600));
    assert_eq!(ids(&env).len(), 3);
    std::fs::remove_file(&old).unwrap();
    let deck = env.write("decks/capitals.yaml", DECK);
    set_mtime(&deck, ago(3600));
    assert_eq!(ids(&env).len(), 3);
    let rows = cached_rows(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].0.ends_with("capitals.yaml"), "{rows:?}");
}
