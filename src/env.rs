//! The process environment, read once: colour. The only reader of
//! environment variables and terminal state.

use std::io::IsTerminal;

/// Whether to colour output: never with `NO_COLOR` set (any value, per
/// no-color.org), else only when stderr is a terminal.
pub fn color_enabled() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && std::io::stderr().is_terminal()
}
