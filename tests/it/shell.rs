//! Completion scripts and manual pages, generated from the clap types.

use predicates::str::contains;

use crate::env::TestEnv;

#[test]
fn completions_for_every_shell_name_the_commands() {
    let env = TestEnv::new();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = env.cmd().args(["completions", shell]).output().unwrap();
        assert!(out.status.success(), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for word in ["quizdeck", "generate", "quiz", "stats", "history", "retention"] {
            assert!(script.contains(word), "{shell} lacks {word}");
        }
    }
    // The bash script is valid bash.
    let script = env.cmd().args(["completions", "bash"]).output().unwrap().stdout;
    let path = env.write("quizdeck.bash", script);
    let status = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success());
    env.cmd()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'tcsh'"));
}

#[test]
fn man_pages_for_quizdeck_and_each_command() {
    let env = TestEnv::new();
    let page = String::from_utf8(env.cmd().arg("man").output().unwrap().stdout).unwrap();
    assert!(page.contains(".TH quizdeck 1"), "{page}");
    assert!(page.contains("stats") && page.contains("\\-\\-seed"), "{page}");
    let quiz = String::from_utf8(env.cmd().args(["man", "quiz"]).output().unwrap().stdout).unwrap();
    assert!(
        quiz.contains(".TH quizdeck\\-quiz 1") || quiz.contains(".TH quizdeck-quiz 1"),
        "{quiz}"
    );
    assert!(quiz.contains("\\-\\-learning\\-steps"), "{quiz}");
    env.cmd()
        .args(["man", "nope"])
        .assert()
        .code(1)
        .stderr(contains("no command `nope`; one of: generate, check, quiz"));
}
