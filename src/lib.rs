//! quizdeck: turn Q&A articles into YAML flashcard decks and study them
//! with spaced repetition.
//!
//! Layers, imports pointing down: `cmd` (orchestration, files, stdout) over
//! adapters (`deck::yaml`, `html`, `store`, `ui`, `env`) over the pure core
//! (`input`, `article`, `extract`, `deck`, `deckgen`, `schedule`, `grade`,
//! `session`, `stats`, `config`).

pub mod article;
pub mod cli;
pub mod cmd;
pub mod config;
pub mod deck;
pub mod deckgen;
mod env;
pub mod exchange;
pub mod extract;
pub mod grade;
pub mod html;
pub mod input;
pub mod schedule;
pub mod session;
pub mod stats;
pub mod store;
pub mod ui;

use std::process::ExitCode;

use cli::{Cli, Command};

/// Runs a parsed command line and returns the exit status (1 when the
/// command found problems it has already reported); `matches` tell where
/// each value came from (flag, environment or default).
pub fn run(cli: Cli, matches: &clap::ArgMatches) -> anyhow::Result<ExitCode> {
    ui::render::set_color(env::color_enabled());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let ok = match &cli.command {
        Command::Generate(args) => cmd::generate::run(args, &cli.global, &mut out)?,
        Command::Check(args) => cmd::check::run(args, &mut out)?,
        Command::Quiz(args) => {
            drop(out);
            let mut stdout = std::io::stdout();
            return Ok(ExitCode::from(cmd::quiz::run(&cli.global, args, &mut stdout)?));
        }
        Command::Cards(args) => {
            cmd::cards::run(&cli.global, args, &mut out)?;
            true
        }
        Command::Stats(args) => {
            cmd::stats::run(&cli.global, args, &mut out)?;
            true
        }
        Command::History(args) => {
            cmd::history::run(&cli.global, args, &mut out)?;
            true
        }
        Command::Suspend(args) => {
            cmd::suspend::run(&cli.global, args, true, &mut out)?;
            true
        }
        Command::Unsuspend(args) => {
            cmd::suspend::run(&cli.global, args, false, &mut out)?;
            true
        }
        Command::Optimize(args) => {
            cmd::optimize::run(&cli.global, args, &mut out)?;
            true
        }
        Command::Export(args) => {
            cmd::exchange::export(&cli.global, args, &mut out)?;
            true
        }
        Command::Import(args) => cmd::exchange::import(args, &cli.global, &mut out)?,
        Command::Db(cmd) => cmd::db::run(&cli.global, cmd, &mut out)?,
        Command::Config(args) => {
            cmd::config::run(&cli.global, args, matches.subcommand_matches("config"), &mut out)?;
            true
        }
        Command::Completions(args) => {
            cmd::shell::completions(args.shell, &mut out)?;
            true
        }
        Command::Man(args) => {
            cmd::shell::man(args.command.as_deref(), &mut out)?;
            true
        }
    };
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
