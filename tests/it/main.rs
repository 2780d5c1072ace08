//! Integration tests of the `quizdeck` binary, one module per topic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod cache;
mod check;
mod config;
mod crash;
mod db;
mod env;
mod exchange;
mod fuzzed;
mod generate;
mod hostile;
mod optimize;
mod pty;
mod quiz;
mod shell;
mod stats;
