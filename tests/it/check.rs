use predicates::str::contains;

use crate::env::TestEnv;

#[test]
fn reports_each_problem_with_path_line_and_column() {
    let env = TestEnv::new();
    env.write(
        "bad.yaml",
        "version: 1\ntitle: Broken\ncards:\n  - id: a\n    kind: qa\n    question: Q?\n    answer: ''\n  - id: a\n    kind: cloze\n    text: two {{blanks}} here {{oops}}\n  - id: c\n    kind: cloze\n    text: '   '\n",
    );
    env.cmd().args(["check", "bad.yaml"]).assert().code(1).stdout(
        "bad.yaml:7:5: card \"a\" has an empty `answer`\n\
         bad.yaml:8:5: duplicate id \"a\" (first used by card 1)\n\
         bad.yaml:10:5: card \"a\": cloze text has 2 blanks; exactly one {{blank}} is allowed\n\
         bad.yaml:13:5: card \"c\" has an empty `text`\n",
    );
}

#[test]
fn a_deck_names_a_language_quizdeck_knows() {
    let env = TestEnv::new();
    env.write(
        "xx.yaml",
        "version: 1\ntitle: T\nlanguage: xx\ncards:\n- {id: a, kind: qa, question: Q?, answer: A.}\n",
    );
    env.write(
        "fr.yaml",
        "version: 1\ntitle: T\nlanguage: fr\ncards:\n- {id: a, kind: qa, question: Q ?, answer: R.}\n",
    );
    env.cmd()
        .args(["check", "xx.yaml"])
        .assert()
        .code(1)
        .stdout(contains("xx.yaml:3:1: unknown `language` \"xx\" (one of: ar, da,"));
    env.cmd().args(["check", "fr.yaml"]).assert().success();
}

#[test]
fn schema_version_types_and_unknown_fields() {
    let env = TestEnv::new();
    env.write("v2.yaml", "version: 2\ntitle: Future\ncards: []\n");
    env.write("types.yaml", "version: 1\ntitle: T\ncards: 5\n");
    env.write(
        "typo.yaml",
        "version: 1\ntitle: T\ncards:\n- id: a\n  kind: qa\n  qestion: Q?\n  answer: A\n",
    );
    env.write("none.yaml", "");
    let out = env
        .cmd()
        .args(["check", "v2.yaml", "types.yaml", "typo.yaml", "none.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("v2.yaml:1:1: deck schema version 2 is newer than this quizdeck reads (1); upgrade quizdeck"),
        "{stdout}"
    );
    assert!(
        stdout.contains("types.yaml:3:8: cards: invalid type: integer `5`, expected a sequence"),
        "{stdout}"
    );
    assert!(
        stdout.contains("typo.yaml:6:3: cards[0]: unknown field `qestion`"),
        "{stdout}"
    );
    assert!(stdout.contains("none.yaml:1:1: deck file is empty"), "{stdout}");
}

#[test]
fn hostile_yaml_is_refused_quickly() {
    let env = TestEnv::new();
    let mut bomb = String::from(
        "version: 1\ntitle: t\ncards:\n- id: x\n  kind: qa\n  question: q\n  answer: a\n  tags: &a [x, x, x, x, x, x, x, x, x]\n",
    );
    let mut prev = 'a';
    for n in 'b'..='j' {
        bomb.push_str(&format!("- id: {n}\n  kind: qa\n  question: q\n  answer: a\n  keypoints: &{n} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        prev = n;
    }
    env.write("bomb.yaml", bomb);
    env.write(
        "deep.yaml",
        format!(
            "version: 1\ntitle: t\ncards: {}{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        ),
    );
    env.write("binary.yaml", b"\x00\x01\x02");
    let out = env
        .cmd()
        .args(["check", "bomb.yaml", "deep.yaml", "binary.yaml"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("bomb.yaml:"), "{stdout}");
    assert!(stdout.contains("deep.yaml:"), "{stdout}");
    assert!(stdout.contains("binary.yaml:"), "{stdout}");
    assert!(!String::from_utf8(out.stderr).unwrap().contains("panicked"));
}

#[test]
fn valid_decks_pass_with_a_summary() {
    let env = TestEnv::new();
    env.write("d/ok.yaml", "version: 1\ntitle: Capitals\ncards:\n- id: fr\n  kind: qa\n  question: Capital of France?\n  answer: Paris\n- id: it\n  kind: cloze\n  text: The capital of Italy is {{Rome}}.\n");
    env.cmd()
        .args(["check", "d"])
        .assert()
        .success()
        .stderr(contains("ok: d/ok.yaml: 2 cards (1 qa, 1 cloze)"));
}
