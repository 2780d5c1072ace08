//! What `quiz` and `cards` share: loading the decks to study, the settings,
//! the clock and the database.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use rayon::prelude::*;

use crate::cli::{Global, SchedArgs};
use crate::config::{self, ConfigFile, Resolved};
use crate::deck::{Deck, cache, yaml};
use crate::env::{self, Now};
use crate::extract::Language;
use crate::schedule::{CardState, DayClock, Scheduler, Schedulers};
use crate::session::StudyCard;
use crate::stats;
use crate::store::Store;

const DECK_LIMIT: u64 = 64 << 20;

/// A deck file as the cache knows it. Size and modification time stand
/// for the content, as in make and git.
struct FileKey {
    path: String,
    size: i64,
    mtime_ns: i64,
}

/// Files modified this recently may still change within the same
/// timestamp tick, so they are not cached (git's "racily clean" entries).
const RACY_NS: i64 = 2_000_000_000;

fn file_key(f: &Path, now_ns: i64) -> Option<FileKey> {
    let meta = std::fs::metadata(f).ok()?;
    let mtime_ns = meta
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_nanos()).ok())?;
    if now_ns - mtime_ns < RACY_NS {
        return None;
    }
    let path = std::fs::canonicalize(f).ok()?.to_str()?.to_string();
    Some(FileKey {
        path,
        size: i64::try_from(meta.len()).ok()?,
        mtime_ns,
    })
}

/// Decks named (or every deck under ./decks), validated; any problem is
/// reported as `check` does and refuses the whole set. With a store, decks
/// unchanged since they were last parsed come from its cache, and decks
/// parsed now are cached for next time.
pub fn load_decks(inputs: &[PathBuf], store: Option<&mut Store>) -> Result<Vec<(PathBuf, Deck)>> {
    let inputs = if inputs.is_empty() {
        vec![PathBuf::from("decks")]
    } else {
        inputs.to_vec()
    };
    let files = super::expand_inputs(&inputs, &["yaml", "yml"], "decks")?;
    let now_ns = env::file_clock()
        .duration_since(std::time::UNIX_EPOCH)
        .ok()
        .and_then(|d| i64::try_from(d.as_nanos()).ok())
        .unwrap_or(0);
    let keys: Vec<Option<FileKey>> = match store {
        Some(_) => files
            .par_iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    None
                } else {
                    file_key(f, now_ns)
                }
            })
            .collect(),
        None => files.iter().map(|_| None).collect(),
    };
    let mut cached: Vec<Option<Vec<u8>>> = vec![None; files.len()];
    if let Some(store) = store.as_deref() {
        let by_path: HashMap<&str, usize> = keys
            .iter()
            .enumerate()
            .filter_map(|(i, k)| k.as_ref().map(|k| (k.path.as_str(), i)))
            .collect();
        store.for_each_cached_deck(cache::FORMAT, |path, size, mtime_ns, data| {
            if let Some(&i) = by_path.get(path)
                && let Some(k) = &keys[i]
                && k.size == size
                && k.mtime_ns == mtime_ns
            {
                cached[i] = Some(data.to_vec());
            }
        })?;
    }
    // YAML parsing dominates start-up on large collections; decks parse
    // (and cached decks decode) independently, so on every core.
    let loaded: Vec<(Result<Deck, String>, bool)> = files
        .par_iter()
        .zip(cached.into_par_iter())
        .map(|(f, bytes)| match bytes.as_deref().and_then(cache::decode) {
            Some(deck) => (Ok(deck), true),
            None => (parse_deck(f), false),
        })
        .collect();
    let mut decks = Vec::new();
    let mut problems = Vec::new();
    let mut fresh = Vec::new();
    for ((f, key), (result, from_cache)) in files.into_iter().zip(keys).zip(loaded) {
        match result {
            Ok(d) => {
                if let Some(key) = key.filter(|_| !from_cache) {
                    fresh.push((key, decks.len()));
                }
                decks.push((f, d));
            }
            Err(p) => problems.push(p),
        }
    }
    if !problems.is_empty() {
        let n: usize = problems.iter().map(|p| p.lines().count()).sum();
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
    if let Some(store) = store
        && !fresh.is_empty()
    {
        let entries: Vec<_> = fresh
            .into_par_iter()
            .map(|(k, i)| (k.path, k.size, k.mtime_ns, cache::encode(&decks[i].1)))
            .collect();
        // Entries of deck files since deleted or moved would only grow
        // the database; they are dropped whenever the cache is written.
        let gone: Vec<String> = store
            .cached_paths()
            .unwrap_or_default()
            .into_iter()
            .filter(|p| !Path::new(p).exists())
            .collect();
        // Only a cache: when it cannot be written, the next start parses
        // again, and anything that matters fails loudly elsewhere.
        let _ = store.cache_decks(cache::FORMAT, &entries, &gone);
    }
    Ok(decks)
}

/// Reads and validates one deck file; problems as `path:line:col: message`
/// lines.
fn parse_deck(f: &Path) -> Result<Deck, String> {
    let shown = f.display();
    let bytes = super::read_limited(f, DECK_LIMIT).map_err(|e| format!("{e:#}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{shown}: invalid UTF-8 at byte offset {}", e.utf8_error().valid_up_to()))?;
    yaml::from_str(&text).map_err(|diags| {
        diags
            .iter()
            .map(|d| format!("{shown}:{d}"))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

pub struct Context {
    pub settings: Resolved,
    pub now: Now,
    pub clock: DayClock,
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
    // Settings are checked here, before any work, even by commands that
    // build their schedulers later.
    Scheduler::new(settings.scheduler.clone(), None)?;
    Ok(Context {
        settings,
        now,
        clock,
        config_path,
        db_path: env::db_path(global.db.as_ref())?,
    })
}

pub fn open_store(ctx: &Context) -> Result<Store> {
    Ok(Store::open(&ctx.db_path)?)
}

/// The settings' scheduler with the collection's fitted parameters, and
/// one per deck with parameters of its own.
pub fn schedulers(ctx: &Context, store: &Store) -> Result<Schedulers> {
    let fitted = store.parameters()?;
    let global = fitted
        .iter()
        .find(|(scope, _)| scope.is_empty())
        .map(|(_, p)| p.as_slice());
    let mut out = Schedulers::new(
        Scheduler::new(ctx.settings.scheduler.clone(), global)
            .with_context(|| format!("{}: the collection's fitted parameters", ctx.db_path.display()))?,
    );
    for (deck, p) in fitted.iter().filter(|(scope, _)| !scope.is_empty()) {
        let s = Scheduler::new(ctx.settings.scheduler.clone(), Some(p))
            .with_context(|| format!("{}: the fitted parameters of deck \"{deck}\"", ctx.db_path.display()))?;
        out.set_deck(deck.clone(), s);
    }
    Ok(out)
}

/// Every card's stored schedule and suspension, by deck and card index
/// (never-seen cards as new).
pub fn stored_states(store: &Store, decks: &[(PathBuf, Deck)]) -> Result<Vec<Vec<(CardState, bool)>>> {
    // Stored states land by (deck, card) index; ids are borrowed from the
    // decks meanwhile, which start-up on 100k cards notices.
    let mut states: Vec<Vec<(CardState, bool)>> = decks
        .iter()
        .map(|(_, d)| vec![(CardState::new_card(), false); d.cards.len()])
        .collect();
    let index: FxHashMap<&str, (usize, FxHashMap<&str, usize>)> = decks
        .iter()
        .enumerate()
        .map(|(di, (_, d))| {
            let ids = d.cards.iter().enumerate().map(|(ci, c)| (c.id.as_str(), ci)).collect();
            (d.title.as_str(), (di, ids))
        })
        .collect();
    let titles: Vec<&str> = decks.iter().map(|(_, d)| d.title.as_str()).collect();
    store.for_each_card_state(&titles, |deck, id, state, suspended| {
        if let Some((di, ids)) = index.get(deck)
            && let Some(&ci) = ids.get(id)
        {
            states[*di][ci] = (state, suspended);
        }
    })?;
    Ok(states)
}

/// The study set: every card of the decks with its stored schedule, those
/// with one of `tags` when tags are given (cards lapsed
/// [`stats::LEECH_LAPSES`] times carry the tag `leech`). Takes the decks,
/// so that no card is held twice in memory.
pub fn study_cards(store: &Store, decks: Vec<(PathBuf, Deck)>, tags: &[String]) -> Result<Vec<StudyCard>> {
    let states = stored_states(store, &decks)?;
    let mut out = Vec::with_capacity(states.iter().map(Vec::len).sum());
    for ((_, deck), states) in decks.into_iter().zip(states) {
        // Checked when the deck was read.
        let language = deck
            .language
            .as_deref()
            .and_then(Language::from_code)
            .unwrap_or(Language::English);
        for (card, (sched, suspended)) in deck.cards.into_iter().zip(states) {
            if !tags.is_empty() && !stats::has_tag(&card.tags, sched.lapses, tags) {
                continue;
            }
            out.push(StudyCard {
                deck: deck.title.clone(),
                language,
                card,
                sched,
                suspended,
            });
        }
    }
    Ok(out)
}
