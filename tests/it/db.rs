//! The review database when something is wrong with it, and `db check` /
//! `db backup`: clear messages naming the file, never a silent repair.

use predicates::prelude::*;
use predicates::str::contains;

use crate::env::TestEnv;
use crate::quiz::DECK;

const NOW: &str = "2026-03-02T09:00:00+00:00";

fn studied() -> TestEnv {
    let env = TestEnv::new();
    env.write("decks/capitals.yaml", DECK);
    env.cmd()
        .args(["quiz", "--plain", "--now", NOW, "--mode", "flip"])
        .write_stdin("x\n3\nx\n3\nx\n1\n")
        .assert()
        .success();
    env
}

#[test]
fn check_and_backup_a_sound_database() {
    let env = studied();
    env.cmd()
        .args(["db", "check"])
        .assert()
        .success()
        .stdout(contains("progress.db: ok (schema 4 of 4, 3 answers on record)"));
    env.cmd()
        .args(["db", "backup", "copy.db"])
        .assert()
        .success()
        .stdout(contains("backed up").and(contains("copy.db")));
    // The copy is a database of its own with the same history.
    env.cmd()
        .args(["db", "check", "--db", "copy.db"])
        .assert()
        .success()
        .stdout(contains("3 answers on record"));
    let before = std::fs::read(env.path("copy.db")).unwrap();
    env.cmd()
        .args(["db", "backup", "copy.db"])
        .assert()
        .code(1)
        .stderr(contains("copy.db: already exists; choose another name, or --force"));
    assert_eq!(std::fs::read(env.path("copy.db")).unwrap(), before);
    env.cmd()
        .args(["db", "backup", "copy.db", "--force"])
        .assert()
        .success();
    env.cmd()
        .args(["db", "check", "--db", "nothing.db"])
        .assert()
        .code(1)
        .stderr(contains("nothing.db: no database yet"));
    assert!(!env.path("nothing.db").exists());
}

#[test]
fn damaged_databases_are_named_and_left_alone() {
    let env = studied();
    let good = std::fs::read(env.path("progress.db")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "empty.db",
            Vec::new(),
            "empty.db: not a quizdeck database, or corrupt (the file is empty (0 bytes)",
        ),
        (
            "garbage.db",
            b"SQLite format 2\0 this is not a database at all".repeat(200),
            "garbage.db: not a quizdeck database, or corrupt",
        ),
        (
            "truncated.db",
            good[..good.len() / 2].to_vec(),
            "truncated.db: not a quizdeck database, or corrupt",
        ),
    ];
    for (name, bytes, message) in cases {
        env.write(name, &bytes);
        for args in [
            &["quiz", "--plain", "--now", NOW][..],
            &["stats", "--now", NOW][..],
            &["db", "check"][..],
        ] {
            let out = env
                .cmd()
                .args(args)
                .args(["--db", name])
                .write_stdin("x\n3\n")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert_eq!(out.status.code(), Some(1), "{name} {args:?}: {stderr}{stdout}");
            assert!(
                stderr.contains(message) || stdout.contains("the database is damaged"),
                "{name} {args:?}: {stderr}{stdout}"
            );
            assert!(!stderr.contains("panicked"));
        }
        assert_eq!(std::fs::read(env.path(name)).unwrap(), bytes, "{name} never rewritten");
    }
}
