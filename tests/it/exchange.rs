//! `export` and `import`: the bundled decks through Anki's format and
//! back, CSV and JSON, and files in the way.

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::env::{TestEnv, repo};

/// The fields Anki's notes carry, per card: id, kind, question or text,
/// answer, context, tags.
fn anki_fields(deck: &Value) -> Vec<(Value, Value, Value, Value, Value, Value)> {
    deck["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let text = if c["kind"] == "qa" {
                c["question"].clone()
            } else {
                c["text"].clone()
            };
            (
                c["id"].clone(),
                c["kind"].clone(),
                text,
                c["answer"].clone(),
                c["context"].clone(),
                c["tags"].clone(),
            )
        })
        .collect()
}

fn export_json(env: &TestEnv, dir: &str) -> Vec<Value> {
    let out = env.cmd().args(["export", dir, "--format", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn export_to_anki_and_import_gives_the_same_cards() {
    let env = TestEnv::new();
    let decks = repo().join("decks");
    env.cmd()
        .args(["export", decks.to_str().unwrap(), "--format", "anki", "-o", "notes.txt"])
        .assert()
        .success()
        .stderr(contains("wrote notes.txt: 27 cards from 3 decks"));
    env.cmd()
        .args(["import", "notes.txt", "-o", "back"])
        .assert()
        .success()
        .stdout(contains("wrote back/").and(contains("9 cards")));
    env.cmd().args(["check", "back"]).assert().success();
    let original = export_json(&env, decks.to_str().unwrap());
    let imported = export_json(&env, "back");
    assert_eq!(original.len(), imported.len());
    for (o, i) in original.iter().zip(&imported) {
        assert_eq!(o["title"], i["title"]);
        assert_eq!(anki_fields(o), anki_fields(i), "deck {}", o["title"]);
    }
    // A second import finds the files in place and leaves them alone.
    let before = env.read("back/the-water-cycle-frequently-asked-questions.yaml");
    env.cmd()
        .args(["import", "notes.txt", "-o", "back"])
        .assert()
        .code(1)
        .stderr(contains("already exists; not overwritten (use --force)"));
    assert_eq!(env.read("back/the-water-cycle-frequently-asked-questions.yaml"), before);
    env.cmd()
        .args(["import", "notes.txt", "-o", "back", "--force"])
        .assert()
        .success();
}

#[test]
fn csv_json_stdout_and_tags() {
    let env = TestEnv::new();
    env.write("decks/capitals.yaml", crate::quiz::DECK);
    env.cmd().args(["export", "--format", "csv"]).assert().success().stdout(
        contains("id,deck,kind,question,answer,tags\n")
            .and(contains("fr,Capitals,qa,What is the capital of France?,Paris,q1\n"))
            .and(contains(
                "es,Capitals,cloze,The capital of Spain is {{Madrid}}.,Madrid,q3\n",
            )),
    );
    let tagged = env
        .cmd()
        .args([
            "export",
            "--format",
            "anki",
            "--tag",
            "q2",
            "--deck-prefix",
            "Geo",
            "-o",
            "-",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(tagged.stdout).unwrap();
    let notes: Vec<&str> = text.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        notes,
        ["it\tBasic\tGeo::Capitals\tWhat is the capital of Italy?\tRome\tq2"]
    );
    let json = export_json(&env, "decks");
    assert_eq!(json[0]["version"], 1);
    assert_eq!(json[0]["cards"][2]["text"], "The capital of Spain is {{Madrid}}.");
}

#[test]
fn import_problems_name_the_file_and_line() {
    let env = TestEnv::new();
    env.write("bad.txt", "#separator:tab\n#deck column:nope\nQ\tA\n");
    env.cmd()
        .args(["import", "bad.txt"])
        .assert()
        .code(1)
        .stderr(contains("bad.txt:2: `#deck column` wants a column number from 1"));
    env.write("empty.txt", "#separator:tab\n");
    env.cmd()
        .args(["import", "empty.txt"])
        .assert()
        .code(1)
        .stderr(contains("empty.txt: no notes to import"));
    assert!(!env.path("decks").exists(), "nothing written");
    env.cmd()
        .args(["import", "-", "-o", "in"])
        .write_stdin("Capital of France?\tParis\n")
        .assert()
        .success();
    assert!(env.read("in/imported.yaml").contains("answer: Paris"));
}
