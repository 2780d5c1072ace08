//! `quizdeck config`: the settings in effect, where each comes from, and
//! the paths in use; `--init` writes a commented config file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use clap::ArgMatches;
use clap::parser::ValueSource;
use serde::Serialize;

use super::study;
use crate::cli::{ConfigArgs, Global};
use crate::config::ConfigFile;
use crate::deck::yaml;
use crate::env;
use crate::schedule;

/// The config file `--init` writes: every key at its default, explained.
const TEMPLATE: &str = "\
# quizdeck settings. Command-line flags and QUIZDECK_* environment variables
# override them; `quizdeck config` shows what is in effect and why.

# Probability of recall the scheduler aims for when a card comes back
# (0.7-0.99). Higher means more reviews.
retention: 0.9

# Steps a new card goes through before its first interval (s, m, h, d),
# or \"none\" to give new cards an interval straight away.
learning_steps: 1m 10m

# Steps after a forgotten review card, before it gets an interval again.
relearning_steps: 10m

# Longest interval, in days.
max_interval: 36500

# Spread intervals by a few percent, so that cards learned together do not
# stay together.
fuzz: true

# Hour (0-23, local time) at which a new study day begins.
rollover: 4

# New cards per day, and reviews per day, over every deck.
new_per_day: 20
max_reviews: 200
";

#[derive(Debug, Serialize)]
struct Setting {
    key: &'static str,
    value: String,
    /// `flag`, `env`, `config file` or `default`.
    source: &'static str,
}

#[derive(Debug, Serialize)]
struct Report {
    settings: Vec<Setting>,
    config_file: Option<String>,
    config_file_exists: bool,
    database: String,
    decks_dir: String,
    decks: usize,
}

pub fn run(global: &Global, args: &ConfigArgs, matches: Option<&ArgMatches>, out: &mut dyn Write) -> Result<()> {
    let config_path = env::config_path(global.config.as_ref());
    if args.init {
        let Some(path) = config_path else {
            bail!("no config directory on this system; give a path with --config");
        };
        return init(&path, args.force, out);
    }
    let ctx = study::context(global, &args.sched, args.new_per_day, args.max_reviews)?;
    let file = match &config_path {
        Some(p) if p.exists() => {
            let text =
                std::fs::read_to_string(p).with_context(|| format!("{}: cannot read config file", p.display()))?;
            yaml::from_str_any::<ConfigFile>(&text).map_err(|d| anyhow::anyhow!("{}:{d}", p.display()))?
        }
        _ => ConfigFile::default(),
    };
    let source = |id: &str, in_file: bool| match matches.and_then(|m| m.value_source(id)) {
        Some(ValueSource::CommandLine) => "flag",
        Some(ValueSource::EnvVariable) => "env",
        _ if in_file => "config file",
        _ => "default",
    };
    let s = &ctx.settings;
    let settings = vec![
        Setting {
            key: "retention",
            value: s.scheduler.desired_retention.to_string(),
            source: source("retention", file.retention.is_some()),
        },
        Setting {
            key: "learning_steps",
            value: schedule::format_steps(&s.scheduler.learning_steps),
            source: source("learning_steps", file.learning_steps.is_some()),
        },
        Setting {
            key: "relearning_steps",
            value: schedule::format_steps(&s.scheduler.relearning_steps),
            source: source("relearning_steps", file.relearning_steps.is_some()),
        },
        Setting {
            key: "max_interval",
            value: s.scheduler.maximum_interval.to_string(),
            source: source("max_interval", file.max_interval.is_some()),
        },
        Setting {
            key: "fuzz",
            value: s.scheduler.fuzz.to_string(),
            source: source("no_fuzz", file.fuzz.is_some()),
        },
        Setting {
            key: "rollover",
            value: s.rollover.to_string(),
            source: source("rollover", file.rollover.is_some()),
        },
        Setting {
            key: "new_per_day",
            value: s.new_per_day.to_string(),
            source: source("new_per_day", file.new_per_day.is_some()),
        },
        Setting {
            key: "max_reviews",
            value: s.max_reviews.to_string(),
            source: source("max_reviews", file.max_reviews.is_some()),
        },
    ];
    let decks_dir = PathBuf::from("decks");
    let decks =
        super::expand_inputs(std::slice::from_ref(&decks_dir), &["yaml", "yml"], "decks").map_or(0, |f| f.len());
    let report = Report {
        settings,
        config_file_exists: config_path.as_ref().is_some_and(|p| p.exists()),
        config_file: config_path.map(|p| p.display().to_string()),
        database: ctx.db_path.display().to_string(),
        decks_dir: std::env::current_dir()
            .map(|d| d.join(&decks_dir))
            .unwrap_or(decks_dir)
            .display()
            .to_string(),
        decks,
    };
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        return Ok(());
    }
    writeln!(out, "{:<17} {:<10} source", "setting", "value")?;
    for s in &report.settings {
        writeln!(out, "{:<17} {:<10} {}", s.key, s.value, s.source)?;
    }
    writeln!(out)?;
    let config = report.config_file.as_deref().unwrap_or("(none)");
    let present = if report.config_file_exists {
        ""
    } else {
        " (not present; `quizdeck config --init` writes one)"
    };
    writeln!(out, "config file      {config}{present}")?;
    writeln!(out, "database         {}", report.database)?;
    writeln!(out, "decks directory  {} ({} decks)", report.decks_dir, report.decks)?;
    Ok(())
}

fn init(path: &Path, force: bool, out: &mut dyn Write) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "{}: a config file is already there; edit it, or replace it with --init --force",
            path.display()
        );
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("{}: cannot create directory", dir.display()))?;
    }
    super::write_atomic(path, TEMPLATE.as_bytes())?;
    writeln!(out, "wrote {}", path.display())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_is_a_valid_config_of_the_defaults() {
        let file: ConfigFile = yaml::from_str_any(TEMPLATE).unwrap();
        let from_file = crate::config::resolve(&crate::cli::SchedArgs::default(), None, None, &file).unwrap();
        let defaults =
            crate::config::resolve(&crate::cli::SchedArgs::default(), None, None, &ConfigFile::default()).unwrap();
        assert_eq!(from_file, defaults);
        let every = [
            file.retention.is_some(),
            file.learning_steps.is_some(),
            file.relearning_steps.is_some(),
            file.max_interval.is_some(),
            file.fuzz.is_some(),
            file.rollover.is_some(),
            file.new_per_day.is_some(),
            file.max_reviews.is_some(),
        ];
        assert!(every.iter().all(|k| *k), "every key is written: {every:?}");
    }
}
