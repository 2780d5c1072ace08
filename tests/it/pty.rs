//! The real terminal UI (inquire) driven through a pseudo-terminal.

use std::process::Command;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use crate::env::TestEnv;

const DECK: &str = "version: 1
title: Mixed
cards:
- id: flip1
  kind: qa
  question: What is the capital of France?
  answer: Paris
  tags: [q1]
- id: type1
  kind: cloze
  text: The capital of Spain is {{Madrid}}.
  tags: [q2]
";

fn spawn(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("quizdeck"));
    let d = env.dir.path();
    cmd.current_dir(d)
        .env_clear()
        .env("NO_COLOR", "1")
        .env("TERM", "xterm")
        .env("HOME", d)
        .env("QUIZDECK_DB", d.join("progress.db"))
        .args([
            "quiz",
            "--now",
            "2026-03-02T09:00:00+00:00",
            "--seed",
            "5",
            "--learning-steps",
            "none",
        ])
        .args(args);
    spawn_command(cmd, Some(20_000)).expect("spawn in a pty")
}

fn key(p: &mut PtySession, s: &str) {
    p.send(s).expect("send");
    p.flush().expect("flush");
}

#[test]
fn flip_type_and_undo_through_the_terminal() {
    let env = TestEnv::new();
    env.write("decks/mixed.yaml", DECK);
    let mut p = spawn(&env, &[]);
    // rexpect reads bytes as Latin-1: expectations stay ASCII.
    p.exp_string("1/2").unwrap();
    p.exp_string("Mixed").unwrap();
    p.exp_string("What is the capital of France?").unwrap();
    p.exp_string("Enter shows the answer").unwrap();
    key(&mut p, "\r");
    p.exp_string("Answer: Paris").unwrap();
    p.exp_string("Rate:").unwrap();
    key(&mut p, "4\r");
    p.exp_string("The capital of Spain is [...].").unwrap();
    p.exp_string("Your answer:").unwrap();
    key(&mut p, "Madird\r");
    p.exp_string("almost: Madrid").unwrap();
    p.exp_string("Rate:").unwrap();
    // Undo the first card from the second card's rating prompt.
    key(&mut p, "u\r");
    p.exp_string("undone").unwrap();
    p.exp_string("What is the capital of France?").unwrap();
    key(&mut p, "\r");
    p.exp_string("Rate:").unwrap();
    key(&mut p, "3\r");
    p.exp_string("Your answer:").unwrap();
    key(&mut p, "Madrid\r");
    p.exp_string("Rate:").unwrap();
    // Accept the suggested rating with Enter.
    key(&mut p, "\r");
    p.exp_string("Session: 2 answered, 2 correct").unwrap();
    p.exp_eof().unwrap();
    let out = env
        .cmd()
        .args(["cards", "--json", "--now", "2026-03-02T09:00:00+00:00"])
        .output()
        .unwrap();
    let cards: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        cards.as_array().unwrap().iter().all(|c| c["reps"] == 1),
        "the undone answer is gone: {cards}"
    );
}

#[test]
fn choice_through_the_terminal_and_ctrl_c_saves_and_exits_130() {
    let env = TestEnv::new();
    env.write(
        "decks/mixed.yaml",
        DECK.replace(
            "  tags: [q2]\n",
            "  distractors: [Lisbon, Porto, Seville]\n  tags: [q2]\n",
        ),
    );
    let mut p = spawn(&env, &["decks/mixed.yaml", "--mode", "choice", "--tag", "q2"]);
    p.exp_string("The capital of Spain is [...].").unwrap();
    p.exp_string("Choose:").unwrap();
    p.exp_string("Seville").unwrap();
    // Typing filters the options; Enter picks the one left.
    key(&mut p, "Madrid");
    key(&mut p, "\r");
    p.exp_string("Madrid").unwrap();
    p.exp_string("Rate:").unwrap();
    key(&mut p, "\r");
    p.exp_string("Session: 1 answered").unwrap();
    p.exp_eof().unwrap();
    let mut p = spawn(&env, &["decks/mixed.yaml", "--tag", "q1"]);
    p.exp_string("Enter shows the answer").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("Session: 0 answered").unwrap();
    p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        other => panic!("{other:?}"),
    }
}

/// Many articles: a progress bar on the terminal's stderr, notes above it;
/// none of it when stderr is a pipe, and no notes with --quiet.
#[test]
fn progress_bars_only_on_a_terminal() {
    let env = TestEnv::new();
    let article = std::fs::read_to_string(crate::env::repo().join("decks/sources/sourdough-basics.txt")).unwrap();
    for i in 0..12 {
        env.write(
            &format!("in/a{i:02}.txt"),
            article.replacen("Sourdough", &format!("Sourdough {i}"), 1),
        );
    }
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("quizdeck"));
    cmd.current_dir(env.dir.path())
        .env_clear()
        .env("TERM", "xterm")
        .args(["generate", "in", "-o", "out"]);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn in a pty");
    p.exp_string("articles [").unwrap();
    p.exp_string("wrote out/").unwrap();
    p.exp_eof().unwrap();

    let piped = env.cmd().args(["generate", "in", "-o", "piped"]).output().unwrap();
    let stderr = String::from_utf8(piped.stderr).unwrap();
    assert_eq!(
        stderr.lines().filter(|l| l.starts_with("wrote piped/")).count(),
        12,
        "{stderr}"
    );
    assert!(
        !stderr.contains("articles [") && !stderr.contains('\u{1b}') && !stderr.contains('\r'),
        "{stderr}"
    );
    let quiet = env
        .cmd()
        .args(["generate", "in", "-o", "quiet", "-q"])
        .output()
        .unwrap();
    assert!(quiet.status.success());
    assert_eq!(String::from_utf8(quiet.stderr).unwrap(), "");
    assert_eq!(std::fs::read_dir(env.path("quiet")).unwrap().count(), 12);
}

/// Card text from a stranger on the real terminal: shown neutralised, its
/// escape sequences (hyperlink, clipboard write, screen clear) never sent.
#[test]
fn hostile_card_text_on_the_terminal() {
    let env = TestEnv::new();
    env.write(
        "decks/evil.yaml",
        "version: 1\ntitle: \"Evil\\e[2J\"\ncards:\n- id: e1\n  kind: qa\n  question: \"Click \\e]8;;http://x\\aHERE\\e]8;;\\a or \\e]52;c;aGk=\\a now?\"\n  answer: \"Fine\"\n",
    );
    let mut p = spawn(&env, &[]);
    let (before, _) = p.exp_regex("Enter shows the answer").unwrap();
    assert!(before.contains("Click HERE or"), "{before:?}");
    for sequence in ["]8;;http", "]52;c;", "\u{1b}[2J"] {
        assert!(
            !before.contains(sequence),
            "{sequence:?} reached the terminal: {before:?}"
        );
    }
    key(&mut p, "\r");
    p.exp_string("Fine").unwrap();
    key(&mut p, "q\r");
    p.exp_eof().unwrap();
}
