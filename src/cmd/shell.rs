//! `quizdeck completions` and `quizdeck man`: generated from the clap
//! types, so they never fall behind the options.

use std::io::Write;

use anyhow::{Result, bail};
use clap::CommandFactory;

use crate::cli::Cli;

pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "quizdeck", &mut buf);
    out.write_all(&buf)?;
    Ok(())
}

pub fn man(command: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let mut root = Cli::command();
    root.build();
    let (page, title) = match command {
        None => (root, "quizdeck".to_string()),
        Some(name) => match root.find_subcommand(name) {
            // A command's page is named as man(1) expects: quizdeck-quiz.
            Some(sub) => (sub.clone(), format!("quizdeck-{name}")),
            None => {
                let known: Vec<String> = root.get_subcommands().map(|c| c.get_name().to_string()).collect();
                bail!("no command `{name}`; one of: {}", known.join(", "))
            }
        },
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page).title(title).render(&mut buf)?;
    out.write_all(&buf)?;
    Ok(())
}
