//! `quizdeck export` and `quizdeck import`: decks to and from Anki's
//! plain-text notes, CSV and JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};

use super::study;
use crate::cli::{ExportArgs, ExportFormat, Global, ImportArgs, SchedArgs};
use crate::deck::{Deck, yaml};
use crate::env;
use crate::exchange;
use crate::input;
use crate::schedule::CardState;
use crate::stats;
use crate::ui::progress::Bar;
use crate::ui::render;

pub fn export(global: &Global, args: &ExportArgs, out: &mut dyn Write) -> Result<()> {
    // The store only serves the `leech` tag and the deck cache; exporting
    // works without one when no tag asks for it.
    let ctx = study::context(global, &SchedArgs::default(), None, None)?;
    let mut store = study::open_store(&ctx).ok();
    let mut decks = study::load_decks(&args.inputs, store.as_mut())?;
    if !args.tags.is_empty() {
        let states = match &store {
            Some(s) => study::stored_states(s, &decks)?,
            None => decks
                .iter()
                .map(|(_, d)| vec![(CardState::new_card(), false); d.cards.len()])
                .collect(),
        };
        for ((_, deck), states) in decks.iter_mut().zip(states) {
            let cards = std::mem::take(&mut deck.cards);
            deck.cards = cards
                .into_iter()
                .zip(states)
                .filter(|(c, (s, _))| stats::has_tag(&c.tags, s.lapses, &args.tags))
                .map(|(c, _)| c)
                .collect();
        }
    }
    let decks: Vec<&Deck> = decks.iter().map(|(_, d)| d).collect();
    let text = match args.format {
        ExportFormat::Anki => exchange::to_anki(&decks, args.deck_prefix.as_deref()),
        ExportFormat::Csv => exchange::to_csv(&decks)?,
        ExportFormat::Json => {
            let raw: Vec<_> = decks.iter().map(|d| d.to_raw()).collect();
            serde_json::to_string_pretty(&raw)? + "\n"
        }
    };
    match args.output.as_deref().filter(|p| p.as_os_str() != "-") {
        Some(path) => {
            super::write_atomic(path, text.as_bytes())?;
            if !global.quiet {
                let cards: usize = decks.iter().map(|d| d.cards.len()).sum();
                eprintln!("wrote {}: {cards} cards from {} decks", path.display(), decks.len());
            }
        }
        // Exported text is the decks' own, control characters and all; on
        // a terminal it is shown neutralised, as everywhere else.
        None if env::stdout_is_terminal() => out.write_all(crate::ui::clean(&text).as_bytes())?,
        None => out.write_all(text.as_bytes())?,
    }
    Ok(())
}

/// Exit status 0 (`true`) unless a deck file was in the way.
pub fn import(args: &ImportArgs, global: &Global, out: &mut dyn Write) -> Result<bool> {
    let shown = args.input.display().to_string();
    let bytes = super::read_limited(&args.input, args.max_size)?;
    let text = input::decode(&bytes, false).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let default_title = args
        .input
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-")
        .unwrap_or("Imported")
        .to_string();
    let imported = exchange::from_anki(&text, &default_title).map_err(|e| anyhow::anyhow!("{shown}:{e}"))?;
    for w in &imported.warnings {
        eprintln!("{}", render::warning(&format!("{shown}:{w}")));
    }
    if imported.decks.is_empty() {
        bail!("{shown}: no notes to import");
    }
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("{}: cannot create directory", args.out_dir.display()))?;
    let mut ok = true;
    let bar = Bar::new(
        imported.decks.len() as u64,
        "decks",
        imported.decks.len() > 1 && !global.quiet && env::stderr_is_terminal(),
    );
    for deck in &imported.decks {
        bar.inc();
        let path: PathBuf = args.out_dir.join(super::generate::file_name(&deck.title));
        if path.exists() && !args.force {
            bar.note(&render::error(&format!(
                "{}: already exists; not overwritten (use --force)",
                path.display()
            )));
            ok = false;
            continue;
        }
        let yaml = yaml::to_string(deck)?;
        super::write_atomic(&path, yaml.as_bytes())?;
        writeln!(out, "wrote {}: {} cards", path.display(), deck.cards.len())?;
    }
    bar.finish();
    Ok(ok)
}
