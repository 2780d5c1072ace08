//! The process environment, resolved once: colour, terminals, paths, and
//! the time. The only reader of platform directories and the system clock
//! (clap reads the documented `QUIZDECK_*` variables for their options).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::{Context, Result, anyhow};
use chrono::{DateTime, Local, Offset, Utc};

use crate::session::Clock;

/// Whether to colour output: never with `NO_COLOR` set (any value, per
/// no-color.org), else only when both stdout and stderr are terminals, so
/// that neither a pipe (`quizdeck history | less`) nor a log receives
/// escape sequences.
pub fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal()
}

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

pub fn stderr_is_terminal() -> bool {
    std::io::stderr().is_terminal()
}

pub fn stdin_is_terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// Whether standard output can take Unicode charts and colour: a terminal,
/// and no `NO_COLOR`.
pub fn stdout_is_rich() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stdout().is_terminal()
}

/// Columns for output: `COLUMNS` when set (the shell's convention), else
/// the terminal's width on standard output, else 80.
pub fn stdout_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| terminal_size::terminal_size_of(std::io::stdout()).map(|(w, _)| usize::from(w.0)))
        .unwrap_or(80)
        .max(20)
}

/// The real time now, for comparing with file modification times (which
/// `--now` does not move).
pub fn file_clock() -> std::time::SystemTime {
    std::time::SystemTime::now()
}

/// The moment commands act at, and the local offset from UTC.
#[derive(Debug, Clone, Copy)]
pub struct Now {
    pub unix: i64,
    pub utc_offset: i64,
    /// Set with `--now`: the clock stands still.
    pub fixed: bool,
}

/// `--now` (RFC 3339, whose offset becomes the local offset) or the system
/// clock.
pub fn now(arg: Option<&str>) -> Result<Now> {
    match arg {
        Some(s) => {
            let t = DateTime::parse_from_rfc3339(s.trim())
                .with_context(|| format!("--now {s}: not an RFC 3339 time (e.g. 2026-05-01T09:00:00+02:00)"))?;
            Ok(Now {
                unix: t.timestamp(),
                utc_offset: i64::from(t.offset().local_minus_utc()),
                fixed: true,
            })
        }
        None => {
            let t = Local::now();
            Ok(Now {
                unix: t.timestamp(),
                utc_offset: i64::from(t.offset().fix().local_minus_utc()),
                fixed: false,
            })
        }
    }
}

/// The session clock: frozen at `--now`, else the system clock.
pub struct SystemClock {
    fixed: Option<i64>,
}

impl SystemClock {
    pub fn new(now: &Now) -> Self {
        SystemClock {
            fixed: now.fixed.then_some(now.unix),
        }
    }
}

impl Clock for SystemClock {
    fn now(&mut self) -> i64 {
        self.fixed.unwrap_or_else(|| Utc::now().timestamp())
    }
}

fn dirs() -> Result<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "quizdeck")
        .ok_or_else(|| anyhow!("cannot find a home directory; give --db and --config"))
}

/// `--db`, else `<data dir>/quizdeck/progress.db`.
pub fn db_path(arg: Option<&PathBuf>) -> Result<PathBuf> {
    match arg {
        Some(p) => Ok(p.clone()),
        None => Ok(dirs()?.data_dir().join("progress.db")),
    }
}

/// `--config`, else `<config dir>/quizdeck/config.yaml` (which may not exist).
pub fn config_path(arg: Option<&PathBuf>) -> Option<PathBuf> {
    match arg {
        Some(p) => Some(p.clone()),
        None => dirs().ok().map(|d| d.config_dir().join("config.yaml")),
    }
}
