//! Killing a session at any moment loses at most the answer being typed:
//! every answer acknowledged on stdout (`saved ...`) is in the database with
//! its rating, and the database stays intact.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use quizdeck::store::Store;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

use crate::env::TestEnv;

fn deck(n: usize) -> String {
    let mut s = String::from("version: 1\ntitle: Crash\ncards:\n");
    for i in 0..n {
        s.push_str(&format!(
            "- id: c{i}\n  kind: qa\n  question: Question {i}?\n  answer: Answer {i}.\n  tags: [q{i}]\n"
        ));
    }
    s
}

#[test]
fn sigkill_mid_session_loses_no_acknowledged_answer() {
    let env = TestEnv::new();
    env.write("decks/crash.yaml", deck(40));
    let db = env.path("progress.db");
    let mut rng = StdRng::seed_from_u64(20_260_302);
    let mut acknowledged: HashMap<(String, String), usize> = HashMap::new();
    let kills = 50;
    for run in 0..kills {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("quizdeck"))
            .current_dir(env.dir.path())
            .env_clear()
            .env("NO_COLOR", "1")
            .env("HOME", env.dir.path())
            .env("QUIZDECK_DB", &db)
            .args(["quiz", "--plain", "--cram", "--now", "2026-03-02T09:00:00+00:00"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            let mut saved = Vec::new();
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(rest) = line.strip_prefix("saved Crash ") {
                    let mut parts = rest.split(' ');
                    if let (Some(id), Some(rating)) = (parts.next(), parts.next()) {
                        saved.push((id.to_string(), rating.to_string()));
                    }
                }
            }
            saved
        });
        // Answers arrive a few at a time, so the kill lands mid-session.
        let ratings = ["again", "hard", "good", "easy"];
        let kill_after = Duration::from_millis(rng.random_range(5..120));
        let writer = std::thread::spawn(move || {
            for k in 0..200 {
                let line = format!("x\n{}\n", ratings[(k + run) % 4]);
                if stdin.write_all(line.as_bytes()).is_err() {
                    break;
                }
                let _ = stdin.flush();
                std::thread::sleep(Duration::from_millis(2));
            }
        });
        std::thread::sleep(kill_after);
        child.kill().unwrap();
        child.wait().unwrap();
        let _ = writer.join();
        for key in reader.join().unwrap() {
            *acknowledged.entry(key).or_default() += 1;
        }
    }
    let store = Store::open(&db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let mut stored: HashMap<(String, String), usize> = HashMap::new();
    for i in 0..40 {
        let id = format!("c{i}");
        for answer in store.card_log(&id).unwrap().iter().filter(|a| a.deck == "Crash") {
            *stored
                .entry((id.clone(), answer.rating.name().to_string()))
                .or_default() += 1;
        }
    }
    assert!(
        !acknowledged.is_empty(),
        "the sessions answered something before the kills"
    );
    for (key, n) in &acknowledged {
        assert!(
            stored.get(key).copied().unwrap_or(0) >= *n,
            "{key:?}: acknowledged {n}, stored {:?}",
            stored.get(key)
        );
    }
}

#[test]
fn two_sessions_on_one_database_both_finish() {
    let env = TestEnv::new();
    env.write("decks/crash.yaml", deck(30));
    env.write("other/other.yaml", deck(30).replace("title: Crash", "title: Other"));
    let spawn = |deck: &str| {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("quizdeck"))
            .current_dir(env.dir.path())
            .env_clear()
            .env("NO_COLOR", "1")
            .env("HOME", env.dir.path())
            .env("QUIZDECK_DB", env.path("progress.db"))
            .args([
                "quiz",
                deck,
                "--plain",
                "--new",
                "100",
                "--learning-steps",
                "none",
                "--now",
                "2026-03-02T09:00:00+00:00",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        std::thread::spawn(move || {
            for _ in 0..30 {
                let _ = stdin.write_all(b"x\n3\n");
            }
        });
        child
    };
    // Same deck twice, and another deck, all at once.
    let children = [
        spawn("decks/crash.yaml"),
        spawn("decks/crash.yaml"),
        spawn("other/other.yaml"),
    ];
    let mut saved = 0;
    for c in children {
        let out = c.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert!(!stderr.contains("locked"), "{stderr}");
        saved += String::from_utf8_lossy(&out.stdout).matches("\nsaved ").count();
    }
    let store = Store::open(&env.path("progress.db")).unwrap();
    assert_eq!(store.review_count().unwrap() as usize, saved, "no review lost");
    // The second session on the same deck sees what the first already
    // answered (new cards become review cards due in days), so 60 to 90.
    assert!((60..=90).contains(&saved), "{saved}");
}

/// `generate` killed at random moments while it replaces a deck: the file
/// is always the old deck or the whole new one, never a part.
#[test]
fn sigkill_during_generate_leaves_the_old_deck_or_the_new_one() {
    let env = TestEnv::new();
    let article = |topic: &str, n: usize| {
        let mut s = format!("{topic} FAQ\n\nQuestions about {topic}.\n\n");
        for i in 1..=n {
            s.push_str(&format!(
                "{i}. What is {topic} fact {i}?\n\nFact {i} about {topic} is that it was recorded in {} by observers.\n\n",
                1800 + i
            ));
        }
        s
    };
    env.write("old.txt", article("Tea", 50));
    env.write("new.txt", article("Coffee", 3000));
    let generate = |input: &str| {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin("quizdeck"));
        c.current_dir(env.dir.path())
            .env_clear()
            .args(["generate", input, "--title", "Same", "--force", "-q"]);
        c
    };
    assert!(generate("new.txt").status().unwrap().success());
    let new = std::fs::read(env.path("decks/same.yaml")).unwrap();
    assert!(generate("old.txt").status().unwrap().success());
    let old = std::fs::read(env.path("decks/same.yaml")).unwrap();
    // How long a whole run takes here, to spread the kills over it.
    let started = std::time::Instant::now();
    assert!(generate("new.txt").status().unwrap().success());
    let full = started.elapsed();
    let mut rng = StdRng::seed_from_u64(20_261_126);
    let (mut saw_old, mut saw_new) = (0, 0);
    for _ in 0..15 {
        assert!(generate("old.txt").status().unwrap().success());
        let mut child = generate("new.txt")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let at = full.mul_f64(rng.random_range(0.2..1.1));
        std::thread::sleep(at);
        let _ = child.kill();
        child.wait().unwrap();
        let now = std::fs::read(env.path("decks/same.yaml")).unwrap();
        if now == old {
            saw_old += 1;
        } else {
            assert!(now == new, "a partial deck after a kill at {at:?}");
            saw_new += 1;
        }
    }
    assert_eq!(saw_old + saw_new, 15);
}
