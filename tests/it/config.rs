//! `quizdeck config`: what is in effect, from where, and `--init`.

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::env::TestEnv;

fn settings(env: &TestEnv, extra: &[&str], vars: &[(&str, &str)]) -> Value {
    let out = env
        .cmd()
        .args(["config", "--json"])
        .args(extra)
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn setting(v: &Value, key: &str) -> (String, String) {
    let s = v["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == key)
        .unwrap();
    (
        s["value"].as_str().unwrap().to_string(),
        s["source"].as_str().unwrap().to_string(),
    )
}

#[test]
fn each_setting_names_its_source() {
    let env = TestEnv::new();
    let v = settings(&env, &[], &[]);
    assert_eq!(setting(&v, "retention"), ("0.9".into(), "default".into()));
    assert_eq!(setting(&v, "learning_steps"), ("1m 10m".into(), "default".into()));
    assert_eq!(v["config_file_exists"], false);
    assert!(
        v["config_file"]
            .as_str()
            .unwrap()
            .ends_with(".config/quizdeck/config.yaml"),
        "{v}"
    );
    assert!(v["database"].as_str().unwrap().ends_with("progress.db"));

    env.write(".config/quizdeck/config.yaml", "retention: 0.85\nrollover: 6\n");
    let v = settings(&env, &[], &[("QUIZDECK_ROLLOVER", "5"), ("QUIZDECK_NEW", "7")]);
    assert_eq!(setting(&v, "retention"), ("0.85".into(), "config file".into()));
    assert_eq!(setting(&v, "rollover"), ("5".into(), "env".into()));
    assert_eq!(setting(&v, "new_per_day"), ("7".into(), "env".into()));
    let v = settings(&env, &["--rollover", "3", "--no-fuzz"], &[("QUIZDECK_ROLLOVER", "5")]);
    assert_eq!(setting(&v, "rollover"), ("3".into(), "flag".into()));
    assert_eq!(setting(&v, "fuzz"), ("false".into(), "flag".into()));
    assert_eq!(setting(&v, "max_interval"), ("36500".into(), "default".into()));

    let table = env.cmd().arg("config").output().unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(table.contains("retention         0.85       config file"), "{table}");
    assert!(table.contains("decks directory"), "{table}");
}

#[test]
fn init_writes_a_commented_file_once() {
    let env = TestEnv::new();
    env.cmd()
        .args(["config", "--init"])
        .assert()
        .success()
        .stdout(contains("wrote").and(contains("config.yaml")));
    let text = env.read(".config/quizdeck/config.yaml");
    assert!(
        text.starts_with("# quizdeck settings") && text.contains("\nretention: 0.9\n"),
        "{text}"
    );
    let v = settings(&env, &[], &[]);
    assert_eq!(setting(&v, "retention"), ("0.9".into(), "config file".into()));
    env.write(".config/quizdeck/config.yaml", "retention: 0.8\n");
    env.cmd()
        .args(["config", "--init"])
        .assert()
        .code(1)
        .stderr(contains("a config file is already there"));
    assert_eq!(env.read(".config/quizdeck/config.yaml"), "retention: 0.8\n");
    env.cmd().args(["config", "--init", "--force"]).assert().success();
    assert!(env.read(".config/quizdeck/config.yaml").contains("retention: 0.9"));
    // --config names another file.
    env.cmd()
        .args(["config", "--init", "--config", "elsewhere/q.yaml"])
        .assert()
        .success();
    assert!(env.path("elsewhere/q.yaml").exists());
}
