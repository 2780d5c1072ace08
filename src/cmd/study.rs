//! What `quiz` and `cards` share: loading the decks to study, the settings,
//! the clock and the database.

use std::collections::HashMap;
use std::path::PathBuf;

use anyhow::{Context as _, Result, bail};
use rayon::prelude::*;

use crate::cli::{Global, SchedArgs};
use crate::config::{self, ConfigFile, Resolved};
use crate::deck::{Deck, yaml};
use crate::env::{self, Now};
use crate::schedule::{CardState, DayClock, Scheduler};
use crate::session::StudyCard;
use crate::store::Store;

const DECK_LIMIT: u64 = 64 << 20;

/// Decks named (or every deck under ./decks), validated; any problem is
/// reported as `check` does and refuses the whole set.
pub fn load_decks(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, Deck)>> {
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from("decks")]
    } else {
        inputs.to_vec()
    };
    let files = super::expand_inputs(&inputs, &["yaml", "yml"], "decks")?;
    let mut texts = Vec::with_capacity(files.len());
    for f in files {
        let shown = f.display().to_string();
        let bytes = super::read_limited(&f, DECK_LIMIT)?;
        let text = String::from_utf8(bytes)
            .map_err(|e| anyhow::anyhow!("{shown}: invalid UTF-8 at byte offset {}", e.utf8_error().valid_up_to()))?;
        texts.push((f, text));
    }
    // YAML parsing dominates start-up on large collections; decks parse
    // independently, so on every core.
    let parsed: Vec<_> = texts
        .into_par_iter()
        .map(|(f, text)| (yaml::from_str(&text), f))
        .collect();
    let mut decks = Vec::new();
    let mut problems = Vec::new();
    for (result, f) in parsed {
        match result {
            Ok(d) => decks.push((f, d)),
            Err(diags) => problems.extend(diags.iter().map(|d| format!("{}:{d}", f.display()))),
        }
    }
    if !problems.is_empty() {
        let n = problems.len();
        bail!(
            "{}\n{n} problem{} in the decks; fix them (quizdeck check) and try again",
            problems.join("\n"),
            if n == 1 { "" } else { "s" }
        );
    }
    let mut titles: HashMap<&str, &PathBuf> = HashMap::new();
    for (p, d) in &decks {
        if let Some(other) = titles.insert(d.title.as_str(), p) {
            bail!(
                "{} and {} have the same title \"{}\"; a deck's title identifies its history, so give one of them another title",
                other.display(),
                p.display(),
                d.title
            );
        }
    }
    Ok(decks)
}

pub struct Context {
    pub settings: Resolved,
    pub now: Now,
    pub clock: DayClock,
    pub scheduler: Scheduler,
    pub config_path: Option<PathBuf>,
    pub db_path: PathBuf,
}

pub fn context(
    global: &Global,
    sched: &SchedArgs,
    new_per_day: Option<usize>,
    max_reviews: Option<usize>,
) -> Result<Context> {
    let config_path = env::config_path(global.config.as_ref());
    let file = match &config_path {
        Some(p) if p.exists() || global.config.is_some() => {
            let text =
                std::fs::read_to_string(p).with_context(|| format!("{}: cannot read config file", p.display()))?;
            yaml::from_str_any::<ConfigFile>(&text).map_err(|d| anyhow::anyhow!("{}:{d}", p.display()))?
        }
        _ => ConfigFile::default(),
    };
    let settings = config::resolve(sched, new_per_day, max_reviews, &file).map_err(|e| anyhow::anyhow!("{e}"))?;
    let now = env::now(global.now.as_deref())?;
    let clock = DayClock {
        utc_offset: now.utc_offset,
        rollover_hour: settings.rollover,
    };
    let scheduler = Scheduler::new(settings.scheduler.clone(), None)?;
    Ok(Context {
        settings,
        now,
        clock,
        scheduler,
        config_path,
        db_path: env::db_path(global.db.as_ref())?,
    })
}

pub fn open_store(ctx: &Context) -> Result<Store> {
    Ok(Store::open(&ctx.db_path)?)
}

/// The study set: every card of the decks with its stored schedule, those
/// with one of `tags` when tags are given. Takes the decks, so that no card
/// is held twice in memory.
pub fn study_cards(store: &Store, decks: Vec<(PathBuf, Deck)>, tags: &[String]) -> Result<Vec<StudyCard>> {
    let mut out = Vec::new();
    for (_, deck) in decks {
        let states: HashMap<String, (CardState, bool)> = store
            .card_states(&deck.title)?
            .into_iter()
            .map(|(id, s, susp)| (id, (s, susp)))
            .collect();
        for card in deck.cards {
            if !tags.is_empty() && !card.tags.iter().any(|t| tags.contains(t)) {
                continue;
            }
            let (sched, suspended) = states.get(&card.id).copied().unwrap_or((CardState::new_card(), false));
            out.push(StudyCard {
                deck: deck.title.clone(),
                card,
                sched,
                suspended,
            });
        }
    }
    Ok(out)
}

/// RFC 3339 in the session's local offset.
pub fn rfc3339(unix: i64, utc_offset: i64) -> String {
    use chrono::Offset;
    let offset = chrono::FixedOffset::east_opt(utc_offset as i32).unwrap_or_else(|| chrono::Utc.fix());
    chrono::DateTime::from_timestamp(unix, 0)
        .map_or_else(|| unix.to_string(), |t| t.with_timezone(&offset).to_rfc3339())
}
