//! One test environment for every CLI test: its own temp directory as the
//! working directory, colour off, and nothing from the user's environment.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

pub struct TestEnv {
    pub dir: TempDir,
}

impl TestEnv {
    pub fn new() -> Self {
        TestEnv {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// The binary in the temp directory, with its own home, config and
    /// database, colour off, and no other environment.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("quizdeck").expect("binary");
        let d = self.dir.path();
        c.current_dir(d)
            .env_clear()
            .env("NO_COLOR", "1")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", d)
            .env("XDG_CONFIG_HOME", d.join(".config"))
            .env("XDG_DATA_HOME", d.join(".data"))
            .env("QUIZDECK_DB", d.join("progress.db"));
        c
    }
}

/// The repository root, for the sample articles and decks.
pub fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
