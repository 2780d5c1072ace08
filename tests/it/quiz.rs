use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::env::TestEnv;

pub const DECK: &str = "version: 1
title: Capitals
cards:
- id: fr
  kind: qa
  question: What is the capital of France?
  answer: Paris
  tags: [q1]
- id: it
  kind: qa
  question: What is the capital of Italy?
  answer: Rome
  tags: [q2]
- id: es
  kind: cloze
  text: The capital of Spain is {{Madrid}}.
  tags: [q3]
";

const DAY1: &str = "2026-03-02T09:00:00+00:00";

/// Plain-mode input answering every card of DECK (in queue order) with the
/// given ratings: flip cards take "reveal" then the rating, cloze cards the
/// typed answer then the rating.
fn answers(ratings: &[&str]) -> String {
    ratings.iter().map(|r| format!("x\n{r}\n")).collect()
}

fn cards_json(env: &TestEnv, now: &str) -> Vec<Value> {
    let out = env
        .cmd()
        .args(["cards", "--json", "--now", now, "--no-fuzz"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn setup() -> TestEnv {
    let env = TestEnv::new();
    env.write("decks/capitals.yaml", DECK);
    env
}

#[test]
fn plain_session_saves_every_answer_and_prints_a_summary() {
    let env = setup();
    let out = env
        .cmd()
        .args([
            "quiz",
            "--plain",
            "--now",
            DAY1,
            "--learning-steps",
            "none",
            "--no-fuzz",
        ])
        .write_stdin(answers(&["3", "3", "3"]))
        .assert()
        .success()
        .stdout(
            contains("1/3 · Capitals · new")
                .and(contains("Q: What is the capital of France?"))
                .and(contains("Q: The capital of Spain is [...].")),
        )
        .stdout(contains("Session: 3 answered, 2 correct, score 67%"))
        .stdout(contains("next card due in"))
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(out).unwrap();
    assert_eq!(stdout.matches("\nsaved Capitals ").count(), 3, "{stdout}");
    let cards = cards_json(&env, DAY1);
    assert_eq!(cards.len(), 3);
    for c in &cards {
        assert_eq!(c["state"], "review");
        assert_eq!(c["reps"], 1);
        assert!(c["interval_days"].as_u64().unwrap() >= 1);
        let keys: Vec<&str> = c.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = vec![
            "id",
            "deck",
            "kind",
            "state",
            "due",
            "interval_days",
            "stability",
            "difficulty",
            "reps",
            "lapses",
            "retrievability",
            // The deck's tags, plus `leech` for leeches (see stats).
            "tags",
        ];
        expected.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, expected);
    }
}

#[test]
fn sessions_across_simulated_days() {
    let env = setup();
    env.cmd()
        .args([
            "quiz",
            "--plain",
            "--now",
            DAY1,
            "--learning-steps",
            "none",
            "--no-fuzz",
        ])
        .write_stdin(answers(&["3", "3", "3"]))
        .assert()
        .success();
    // The next morning nothing is due yet: every first interval is >= 2 days.
    env.cmd()
        .args([
            "quiz",
            "--plain",
            "--now",
            "2026-03-03T09:00:00+00:00",
            "--learning-steps",
            "none",
            "--no-fuzz",
        ])
        .assert()
        .success()
        .stdout(contains("nothing due; next card due in"));
    // A week later all three are due; one is forgotten.
    let week = "2026-03-09T09:00:00+00:00";
    let due = cards_json(&env, week);
    assert!(due.iter().all(|c| c["retrievability"].as_f64().unwrap() < 0.95));
    let out = env
        .cmd()
        .args([
            "quiz",
            "--plain",
            "--now",
            week,
            "--learning-steps",
            "none",
            "--relearning-steps",
            "none",
            "--no-fuzz",
        ])
        .write_stdin(answers(&["1", "3", "3"]))
        .assert()
        .success()
        .stdout(contains("· review"))
        .stdout(contains("1 lapses"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().matches("\nsaved ").count(), 3);
    let cards = cards_json(&env, week);
    let lapsed: Vec<&Value> = cards.iter().filter(|c| c["lapses"] == 1).collect();
    assert_eq!(lapsed.len(), 1);
    assert!(cards.iter().all(|c| c["reps"] == 2));
}

#[test]
fn undo_and_quit_on_the_rating_line() {
    let env = setup();
    // Rate the first card, undo it from the second, rate it again, then quit.
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1])
        .write_stdin("x\n4\nx\nu\nx\n1\nx\nq\n")
        .assert()
        .success()
        .stdout(contains("undone: the previous card comes again"))
        .stdout(contains("Session: 1 answered, 0 correct"));
    let cards = cards_json(&env, DAY1);
    let seen: Vec<&Value> = cards.iter().filter(|c| c["state"] != "new").collect();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0]["state"], "learning", "the Easy was undone, the Again stands");
}

#[test]
fn invalid_input_asks_again_and_end_of_input_ends_cleanly() {
    let env = setup();
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1])
        .write_stdin("x\n\n7\nmaybe\n3\n")
        .assert()
        .success()
        .stdout(contains("? rate the card: 1-4 or again, hard, good, easy"))
        .stdout(contains("? enter 1-4, again/hard/good/easy, u to undo or q to quit"))
        .stdout(contains("Session: 1 answered"));
}

#[test]
fn typed_cloze_and_choice_modes_in_plain() {
    let env = setup();
    env.write("decks/more.yaml", "version: 1\ntitle: Rivers\ncards:\n- id: nile\n  kind: cloze\n  text: The longest river in Africa is the {{Nile}}.\n  distractors: [Congo, Niger, Zambezi]\n");
    // A typo is forgiven (and shown); a wrong answer is not.
    env.cmd()
        .args(["quiz", "decks/more.yaml", "--plain", "--now", DAY1, "--cram"])
        .write_stdin("Nil\n\n")
        .assert()
        .success()
        .stdout(
            contains("Your answer:")
                .and(contains("✓ almost: Nile"))
                .and(contains("diff: Nil{+e+}"))
                .and(contains("[Enter = good]")),
        )
        .stdout(contains("Session: 1 answered, 1 correct"));
    env.cmd()
        .args(["quiz", "decks/more.yaml", "--plain", "--now", DAY1, "--cram"])
        .write_stdin("Congo\n\n")
        .assert()
        .success()
        .stdout(
            contains("✗ expected: Nile")
                .and(contains("diff: [-Congo-]{+Nile+}"))
                .and(contains("[Enter = again]")),
        );
    let out = env
        .cmd()
        .args([
            "quiz",
            "decks/more.yaml",
            "--plain",
            "--now",
            DAY1,
            "--cram",
            "--mode",
            "choice",
            "--seed",
            "3",
        ])
        .write_stdin("9\n1\n\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Choose 1-4:") && stdout.contains("? enter a number from 1 to 4"),
        "{stdout}"
    );
    for option in ["Nile", "Congo", "Niger", "Zambezi"] {
        assert!(stdout.contains(&format!(". {option}\n")), "{stdout}");
    }
    let again = env
        .cmd()
        .args([
            "quiz",
            "decks/more.yaml",
            "--plain",
            "--now",
            DAY1,
            "--cram",
            "--mode",
            "choice",
            "--seed",
            "3",
        ])
        .write_stdin("9\n1\n\n")
        .output()
        .unwrap();
    let options = |s: &str| {
        s.lines()
            .filter(|l| l.starts_with("  "))
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        options(&stdout),
        options(&String::from_utf8(again.stdout).unwrap()),
        "same seed, same options"
    );
}

#[test]
fn tag_filter_new_limit_and_cram() {
    let env = setup();
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--tag", "q2"])
        .write_stdin("x\n4\n")
        .assert()
        .success()
        .stdout(contains("Session: 1 answered"));
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--new", "1"])
        .assert()
        .success()
        .stdout(contains("nothing due"));
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--new", "2"])
        .write_stdin("x\n4\n")
        .assert()
        .success()
        .stdout(contains("1/1 ·"));
    // Cram shows all three and changes no schedule.
    let before = cards_json(&env, DAY1);
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--cram"])
        .write_stdin(answers(&["1", "1", "1"]))
        .assert()
        .success()
        .stdout(contains("3 answered"));
    assert_eq!(cards_json(&env, DAY1), before);
}

#[test]
fn editing_a_card_keeps_its_history() {
    let env = setup();
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--learning-steps", "none"])
        .write_stdin(answers(&["3", "3", "3"]))
        .assert()
        .success();
    env.write(
        "decks/capitals.yaml",
        DECK.replace("answer: Paris", "answer: Paris, on the Seine"),
    );
    let cards = cards_json(&env, DAY1);
    let fr = cards.iter().find(|c| c["id"] == "fr").unwrap();
    assert_eq!(fr["state"], "review");
}

#[test]
fn bad_decks_and_databases_get_clear_errors() {
    let env = setup();
    env.cmd()
        .args(["quiz", "--plain", "missing.yaml"])
        .assert()
        .code(1)
        .stderr(contains("missing.yaml: cannot open"));
    env.write(
        "bad/broken.yaml",
        "version: 1\ntitle: B\ncards:\n- id: x\n  kind: qa\n  question: Q?\n",
    );
    env.cmd()
        .args(["quiz", "--plain", "bad"])
        .assert()
        .code(1)
        .stderr(contains("bad/broken.yaml:4:3: card \"x\" has an empty `answer`").and(contains("quizdeck check")));
    env.write(
        "garbage.db",
        "not a database at all, just some text that is long enough to be a header.........",
    );
    env.cmd()
        .args(["quiz", "--plain", "--db", "garbage.db", "--now", DAY1])
        .assert()
        .code(1)
        .stderr(contains("garbage.db: not a quizdeck database, or corrupt"));
    assert!(
        env.read("garbage.db").starts_with("not a database"),
        "never overwritten"
    );
    env.cmd()
        .args(["quiz", "--plain", "--now", "yesterday"])
        .assert()
        .code(1)
        .stderr(contains("--now yesterday: not an RFC 3339 time"));
    env.cmd()
        .args(["quiz", "--plain", "--retention", "2"])
        .assert()
        .code(1)
        .stderr(contains("retention must be between 0.7 and 0.99"));
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--tag", "nope"])
        .assert()
        .success()
        .stdout(contains("nothing to study: no cards match"));
}

#[test]
fn settings_come_from_flags_then_env_then_config() {
    let env = setup();
    env.write("conf.yaml", "learning_steps: none\nfuzz: false\nnew_per_day: 1\n");
    // Config: one new card, no learning steps (straight to review).
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--config", "conf.yaml"])
        .write_stdin("x\n3\n")
        .assert()
        .success()
        .stdout(contains("1 answered"));
    assert_eq!(
        cards_json(&env, DAY1).iter().filter(|c| c["state"] == "review").count(),
        1
    );
    // Environment beats the config file; a flag beats both.
    env.cmd()
        .env("QUIZDECK_NEW", "2")
        .args(["quiz", "--plain", "--now", DAY1, "--config", "conf.yaml"])
        .write_stdin("x\n3\n")
        .assert()
        .success()
        .stdout(contains("1/1"));
    env.cmd()
        .env("QUIZDECK_NEW", "2")
        .args(["quiz", "--plain", "--now", DAY1, "--config", "conf.yaml", "--new", "3"])
        .write_stdin("x\n3\n")
        .assert()
        .success()
        .stdout(contains("1/1"));
    env.write("typo.yaml", "retension: 0.8\n");
    env.cmd()
        .args(["quiz", "--plain", "--config", "typo.yaml"])
        .assert()
        .code(1)
        .stderr(contains("typo.yaml:1:1: unknown field `retension`"));
}

#[test]
fn hostile_card_text_is_neutralised() {
    let env = TestEnv::new();
    env.write("decks/evil.yaml", "version: 1\ntitle: \"Evil\\e[2J\"\ncards:\n- id: e1\n  kind: qa\n  question: \"Click \\e]8;;http://x\\aHERE\\e]8;;\\a or \\e]52;c;aGk=\\a\\r\\bdone\\u202e?\"\n  answer: \"\\e[31mred\"\n");
    let out = env
        .cmd()
        .args(["quiz", "--plain", "--now", DAY1])
        .write_stdin("x\n3\n")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = out.stdout;
    assert!(
        !stdout.contains(&0x1b),
        "no escape byte reaches the terminal: {:?}",
        String::from_utf8_lossy(&stdout)
    );
    assert!(!stdout.contains(&b'\r') && !stdout.contains(&0x08));
    let text = String::from_utf8(stdout).unwrap();
    assert!(
        text.contains("Q: Click HERE or \u{fffd}\u{fffd}done\u{fffd}?"),
        "{text}"
    );
    assert!(text.contains("Answer: red"), "{text}");

    // The same text in every listing: raw bytes shown for the record.
    for args in [
        &["cards"][..],
        &["cards", "--json"][..],
        &["stats"][..],
        &["history"][..],
        &["history", "--card", "e1"][..],
    ] {
        let out = env.cmd().args(args).args(["--now", DAY1]).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        eprintln!(
            "{args:?}: {:?}",
            String::from_utf8_lossy(&out.stdout)
                .chars()
                .take(300)
                .collect::<String>()
        );
        let bad: Vec<u8> = out
            .stdout
            .iter()
            .copied()
            .filter(|b| matches!(b, 0x1b | 0x07 | 0x08 | b'\r'))
            .collect();
        // JSON carries the text as data, escaped (\u001b), never as raw
        // control bytes. (`export` keeps a deck's text as it is, except on
        // a terminal.)
        assert!(bad.is_empty(), "{args:?}: raw control bytes {bad:?}");
    }
}

/// Makes `path` unwritable for this process: permissions for a normal user;
/// the immutable attribute for root, whom permissions do not stop. `None`
/// where neither works (the caller then has nothing to test).
struct ReadOnly(std::path::PathBuf);

impl ReadOnly {
    fn make(path: &std::path::Path) -> Option<ReadOnly> {
        use std::os::unix::fs::PermissionsExt;
        let mode = if path.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
        let writable = |p: &std::path::Path| {
            if p.is_dir() {
                let probe = p.join(".probe");
                let ok = std::fs::write(&probe, "x").is_ok();
                let _ = std::fs::remove_file(probe);
                ok
            } else {
                std::fs::OpenOptions::new().append(true).open(p).is_ok()
            }
        };
        if writable(path) {
            let _ = std::process::Command::new("chattr").arg("+i").arg(path).status();
        }
        let guard = ReadOnly(path.to_path_buf());
        (!writable(path)).then_some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(std::process::Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_read_only_database_or_directory_is_refused_with_a_message_and_left_alone() {
    let env = setup();
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--db", "ro/progress.db"])
        .write_stdin("x\n3\n")
        .assert()
        .success();
    // Checkpointed and closed: the database is the one file.
    assert!(!env.path("ro/progress.db-wal").exists());
    let before = std::fs::read(env.path("ro/progress.db")).unwrap();
    let Some(_file) = ReadOnly::make(&env.path("ro/progress.db")) else {
        eprintln!("cannot make a file read-only here; nothing to test");
        return;
    };
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--db", "ro/progress.db"])
        .write_stdin("x\n3\n")
        .assert()
        .code(1)
        .stderr(contains("ro/progress.db: cannot write the database").and(contains("permissions")));
    assert_eq!(std::fs::read(env.path("ro/progress.db")).unwrap(), before);

    std::fs::create_dir_all(env.path("ro2")).unwrap();
    let Some(_dir) = ReadOnly::make(&env.path("ro2")) else {
        return;
    };
    env.cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--db", "ro2/progress.db"])
        .write_stdin("x\n3\n")
        .assert()
        .code(1)
        .stderr(contains("ro2/progress.db:").and(contains("permissions")));
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let env = setup();
    // Enough cards that the output outgrows any pipe buffer.
    let many: String = (0..3000)
        .map(|i| format!("- id: c{i}\n  kind: qa\n  question: Question {i}?\n  answer: Answer {i}.\n"))
        .collect();
    env.write("decks/many.yaml", format!("version: 1\ntitle: Many\ncards:\n{many}"));
    for args in [&["cards", "--json"][..], &["cards"][..]] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("quizdeck"))
            .current_dir(env.dir.path())
            .env("NO_COLOR", "1")
            .env("QUIZDECK_DB", env.path("progress.db"))
            .args(args)
            .args(["--now", DAY1])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn suspended_cards_stay_out_of_sessions_until_unsuspended() {
    let env = setup();
    env.cmd()
        .args(["suspend", "fr"])
        .assert()
        .success()
        .stdout(contains("suspended 1 card\n  Capitals  fr"));
    let state =
        |env: &TestEnv, id: &str| cards_json(env, DAY1).into_iter().find(|c| c["id"] == id).unwrap()["state"].clone();
    assert_eq!(state(&env, "fr"), "suspended");
    let out = env
        .cmd()
        .args(["quiz", "--plain", "--now", DAY1, "--mode", "flip"])
        .write_stdin("x\n3\nx\n3\nx\n3\n")
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("saved Capitals fr"), "{stdout}");
    assert!(stdout.contains("saved Capitals it"), "{stdout}");
    let stats: Value = serde_json::from_slice(
        &env.cmd()
            .args(["stats", "--json", "--now", DAY1])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(stats["decks"][0]["suspended"], 1);

    // By tag, and back; each card keeps what it had.
    let es = state(&env, "es");
    assert_ne!(es, "suspended");
    env.cmd()
        .args(["suspend", "--tag", "q3"])
        .assert()
        .success()
        .stdout(contains("Capitals  es"));
    env.cmd().args(["unsuspend", "fr", "es"]).assert().success();
    assert_eq!(state(&env, "fr"), "new", "never answered: new again");
    assert_eq!(state(&env, "es"), es);
    let studied = state(&env, "it");
    assert!(studied == "learning" || studied == "review", "{studied}");

    // Unknown ids change nothing; neither ids nor tags is a usage error.
    env.cmd()
        .args(["suspend", "it", "nope"])
        .assert()
        .code(1)
        .stderr(contains("no card with id nope in these decks; nothing changed"));
    assert_eq!(state(&env, "it"), studied);
    env.cmd().args(["suspend"]).assert().code(2);
}

#[test]
fn stats_tag_counts_only_tagged_cards() {
    let env = setup();
    let stats = |tag: &str| -> Value {
        serde_json::from_slice(
            &env.cmd()
                .args(["stats", "--json", "--now", DAY1, "--tag", tag])
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap()
    };
    assert_eq!(stats("q1")["total"]["cards"], 1);
    assert_eq!(stats("nope")["total"]["cards"], 0);
}
