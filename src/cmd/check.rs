//! `quizdeck check`: validates decks, printing `path:line:col: message` for
//! every problem.

use std::io::Write;

use anyhow::Result;

use crate::cli::CheckArgs;
use crate::deck::yaml;
use crate::ui::render;

pub fn run(args: &CheckArgs, out: &mut dyn Write) -> Result<bool> {
    let files = super::expand_inputs(&args.inputs, &["yaml", "yml"], "decks")?;
    let mut problems = 0;
    let mut failed_files = 0;
    for path in &files {
        let shown = path.display();
        let text = match super::read_limited(path, args.max_size).and_then(|b| {
            String::from_utf8(b)
                .map_err(|e| anyhow::anyhow!("{shown}: invalid UTF-8 at byte offset {}", e.utf8_error().valid_up_to()))
        }) {
            Ok(t) => t,
            Err(e) => {
                writeln!(out, "{e:#}")?;
                problems += 1;
                failed_files += 1;
                continue;
            }
        };
        match yaml::from_str(&text) {
            Ok(deck) => {
                let (qa, cz) = super::generate::counts(&deck);
                eprintln!(
                    "{}",
                    render::ok(&format!("{shown}: {} cards ({qa} qa, {cz} cloze)", deck.cards.len()))
                );
            }
            Err(diags) => {
                failed_files += 1;
                for d in &diags {
                    writeln!(out, "{shown}:{d}")?;
                }
                problems += diags.len();
            }
        }
    }
    if problems > 0 {
        eprintln!(
            "{}",
            render::error(&format!(
                "{problems} problem{} in {failed_files} of {} deck{}",
                if problems == 1 { "" } else { "s" },
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            ))
        );
    }
    Ok(problems == 0)
}
