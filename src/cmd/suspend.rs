//! `quizdeck suspend` and `unsuspend`: cards left out of sessions, by id
//! or by tag, kept with their history.

use std::io::Write;

use anyhow::{Result, bail};

use super::study;
use crate::cli::{Global, SchedArgs, SuspendArgs};
use crate::stats;
use crate::ui::clean;

pub fn run(global: &Global, args: &SuspendArgs, suspend: bool, out: &mut dyn Write) -> Result<()> {
    let ctx = study::context(global, &SchedArgs::default(), None, None)?;
    let mut store = study::open_store(&ctx)?;
    let decks = study::load_decks(&args.decks, Some(&mut store))?;
    let states = study::stored_states(&store, &decks)?;
    let mut chosen: Vec<(&str, &str, &str)> = Vec::new();
    let mut found = vec![false; args.ids.len()];
    for ((_, deck), states) in decks.iter().zip(&states) {
        for (card, (sched, _)) in deck.cards.iter().zip(states) {
            let by_id = args.ids.iter().position(|id| *id == card.id);
            let by_tag = stats::has_tag(&card.tags, sched.lapses, &args.tags);
            if let Some(i) = by_id {
                found[i] = true;
            }
            if by_id.is_some() || by_tag {
                chosen.push((deck.title.as_str(), card.id.as_str(), card.body.kind()));
            }
        }
    }
    let missing: Vec<String> = args
        .ids
        .iter()
        .zip(&found)
        .filter(|(_, f)| !**f)
        .map(|(id, _)| clean(id))
        .collect();
    if !missing.is_empty() {
        bail!(
            "no card with id {} in these decks; nothing changed (`quizdeck cards` lists the ids)",
            missing.join(", ")
        );
    }
    store.set_suspended(&chosen, suspend)?;
    let verb = if suspend { "suspended" } else { "unsuspended" };
    writeln!(
        out,
        "{verb} {} card{}",
        chosen.len(),
        if chosen.len() == 1 { "" } else { "s" }
    )?;
    for (deck, id, _) in &chosen {
        writeln!(out, "  {}  {}", clean(deck), clean(id))?;
    }
    Ok(())
}
