//! Rendering for people: coloured prefixes and summaries. The only importer
//! of colored; colour is off when `NO_COLOR` is set or stderr/stdout is not
//! a terminal (decided once by the caller through [`set_color`]).

use colored::Colorize;

/// Turns colour on or off for the whole process.
pub fn set_color(enabled: bool) {
    colored::control::set_override(enabled);
}

pub fn warning(msg: &str) -> String {
    format!("{} {msg}", "warning:".yellow().bold())
}

pub fn error(msg: &str) -> String {
    format!("{} {msg}", "error:".red().bold())
}

pub fn ok(msg: &str) -> String {
    format!("{} {msg}", "ok:".green().bold())
}
