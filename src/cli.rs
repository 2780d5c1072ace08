//! Command-line types (clap derive) and nothing else: their doc comments
//! are the `--help` text, and completions and man pages can be generated
//! from them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::extract::Language;

/// Turn Q&A articles into flashcard decks you can read, edit and keep in git,
/// and study them with spaced repetition (FSRS-6).
#[derive(Debug, Parser)]
#[command(name = "quizdeck", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: Global,
}

/// Options every command takes, before or after its name.
#[derive(Debug, Clone, Args)]
pub struct Global {
    /// Review database (default: <data dir>/quizdeck/progress.db)
    #[arg(long, global = true, env = "QUIZDECK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// Act as if it were this moment (RFC 3339, e.g. 2026-05-01T09:00:00+02:00)
    #[arg(long, global = true, env = "QUIZDECK_NOW", value_name = "TIME")]
    pub now: Option<String>,

    /// Config file (default: <config dir>/quizdeck/config.yaml)
    #[arg(long, global = true, env = "QUIZDECK_CONFIG", value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Seed for every random choice (multiple-choice options)
    #[arg(long, global = true, env = "QUIZDECK_SEED", value_name = "N")]
    pub seed: Option<u64>,

    /// No progress bars and no notes on stderr; errors only
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// More detail on stderr (e.g. fitted parameters)
    #[arg(short, long, global = true)]
    pub verbose: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate YAML flashcard decks from Q&A articles (text, Markdown, HTML)
    Generate(GenerateArgs),
    /// Validate decks and report each problem as path:line:col
    Check(CheckArgs),
    /// Study: an interactive spaced-repetition session over decks
    Quiz(QuizArgs),
    /// List cards with their schedule (like Anki's browser)
    Cards(CardsArgs),
    /// Scores and progress: card counts, due forecast, retention, streaks, charts
    Stats(StatsArgs),
    /// Past sessions with their scores, or one card's review log
    History(HistoryArgs),
    /// Leave cards out of every session until unsuspended
    Suspend(SuspendArgs),
    /// Bring suspended cards back into sessions
    Unsuspend(SuspendArgs),
    /// Fit your own FSRS parameters to your review history
    Optimize(OptimizeArgs),
    /// Export decks for Anki (plain-text notes), as CSV or as JSON
    Export(ExportArgs),
    /// Import notes exported from Anki as plain text into YAML decks
    Import(ImportArgs),
    /// Check the review database, or back it up
    #[command(subcommand)]
    Db(DbCommand),
    /// Show the settings in effect and where each comes from; --init writes a config file
    Config(ConfigArgs),
    /// Print a shell completion script (see README for where to put it)
    Completions(CompletionsArgs),
    /// Print the manual page (roff), of quizdeck or of one command
    Man(ManArgs),
}

#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).multiple(true).args(["ids", "tags"]))]
pub struct SuspendArgs {
    /// Card ids (as `quizdeck cards` shows them)
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,

    /// Every card with this tag (repeatable; `leech` for leeches)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Decks or directories to look in (repeatable; default: ./decks)
    #[arg(long = "deck", value_name = "DECK|DIR")]
    pub decks: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct OptimizeArgs {
    /// Decks whose history to learn from (default: every deck with history)
    #[arg(value_name = "DECK|DIR")]
    pub inputs: Vec<PathBuf>,

    /// Fit each deck on its own history, for that deck only (default: one
    /// set of parameters for the whole collection)
    #[arg(long)]
    pub deck: bool,

    /// Hour (0-23, local time) at which a new study day starts [default: 4]
    #[arg(long, env = "QUIZDECK_ROLLOVER", value_name = "HOUR")]
    pub rollover: Option<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Anki's plain-text import format (Basic and Cloze notes, GUIDs)
    Anki,
    /// one row per card: id, deck, kind, question, answer, tags
    Csv,
    /// the decks in the YAML schema's shape
    Json,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Decks or directories of decks (default: every deck under ./decks)
    #[arg(value_name = "DECK|DIR")]
    pub inputs: Vec<PathBuf>,

    /// Output format
    #[arg(long, value_enum)]
    pub format: ExportFormat,

    /// File to write (default or -: standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Only cards with this tag (repeatable: any of them)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// With --format anki, put the decks under this Anki deck (Parent::Title)
    #[arg(long, value_name = "NAME")]
    pub deck_prefix: Option<String>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// An Anki export (File > Export > Notes in Plain Text, with the GUID,
    /// note type and deck columns), or - for standard input
    #[arg(value_name = "FILE|-")]
    pub input: PathBuf,

    /// Directory to write decks into (one <title-slug>.yaml per Anki deck)
    #[arg(short = 'o', long = "out-dir", value_name = "DIR", default_value = "decks")]
    pub out_dir: PathBuf,

    /// Overwrite existing deck files
    #[arg(long)]
    pub force: bool,

    /// Largest file accepted, in bytes (suffixes K, M, G, KiB, MiB, GiB)
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub max_size: u64,
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Check the database's integrity (SQLite's integrity check) and schema
    Check,
    /// Copy the database to FILE while it may be in use (SQLite online backup)
    Backup {
        /// Where to write the copy (must not exist, unless --force)
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Write a config file with every setting at its default, commented
    #[arg(long)]
    pub init: bool,

    /// With --init, replace an existing config file
    #[arg(long, requires = "init")]
    pub force: bool,

    /// Print JSON instead of a table
    #[arg(long, conflicts_with = "init")]
    pub json: bool,

    /// New cards per day [default: 20]
    #[arg(long = "new", env = "QUIZDECK_NEW", value_name = "N")]
    pub new_per_day: Option<usize>,

    /// Reviews per day [default: 200]
    #[arg(long, env = "QUIZDECK_MAX_REVIEWS", value_name = "N")]
    pub max_reviews: Option<usize>,

    #[command(flatten)]
    pub sched: SchedArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A command's page (e.g. quiz) instead of quizdeck's
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    /// flip for qa cards (choice for a multiple-choice question), type for cloze cards
    Auto,
    /// show the question, reveal the answer, rate yourself
    Flip,
    /// type the answer; quizdeck grades it and suggests a rating
    Type,
    /// pick from four options
    Choice,
}

/// Scheduler settings; each also comes from the environment or the config
/// file (flags > environment > config file > defaults).
#[derive(Debug, Clone, Default, Args)]
pub struct SchedArgs {
    /// Desired retention, 0.7-0.99 [default: 0.9]
    #[arg(long, env = "QUIZDECK_RETENTION", value_name = "R")]
    pub retention: Option<f64>,

    /// Learning steps for new cards, e.g. "1m 10m", or "none" [default: 1m 10m]
    #[arg(long, env = "QUIZDECK_LEARNING_STEPS", value_name = "STEPS")]
    pub learning_steps: Option<String>,

    /// Relearning steps after a lapse [default: 10m]
    #[arg(long, env = "QUIZDECK_RELEARNING_STEPS", value_name = "STEPS")]
    pub relearning_steps: Option<String>,

    /// Longest interval, in days [default: 36500]
    #[arg(long, env = "QUIZDECK_MAX_INTERVAL", value_name = "DAYS")]
    pub max_interval: Option<u32>,

    /// Do not fuzz intervals
    #[arg(long, env = "QUIZDECK_NO_FUZZ")]
    pub no_fuzz: bool,

    /// Hour (0-23, local time) at which a new study day starts [default: 4]
    #[arg(long, env = "QUIZDECK_ROLLOVER", value_name = "HOUR")]
    pub rollover: Option<u8>,
}

#[derive(Debug, Args)]
pub struct QuizArgs {
    /// Decks or directories of decks (default: every deck under ./decks)
    #[arg(value_name = "DECK|DIR")]
    pub inputs: Vec<PathBuf>,

    /// New cards per day [default: 20]
    #[arg(long = "new", env = "QUIZDECK_NEW", value_name = "N")]
    pub new_per_day: Option<usize>,

    /// Reviews per day [default: 200]
    #[arg(long, env = "QUIZDECK_MAX_REVIEWS", value_name = "N")]
    pub max_reviews: Option<usize>,

    /// Only cards with this tag (repeatable: any of them)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Study every card regardless of due date, as practice that leaves the schedule alone
    #[arg(long)]
    pub cram: bool,

    /// How cards are asked
    #[arg(long, value_enum, default_value_t = ModeArg::Auto)]
    pub mode: ModeArg,

    /// Line-based input and output for scripts, screen readers and tests
    /// (automatic when standard input is not a terminal)
    #[arg(long)]
    pub plain: bool,

    #[command(flatten)]
    pub sched: SchedArgs,
}

#[derive(Debug, Args)]
pub struct CardsArgs {
    /// Decks or directories of decks (default: every deck under ./decks)
    #[arg(value_name = "DECK|DIR")]
    pub inputs: Vec<PathBuf>,

    /// Print a JSON array instead of a table
    #[arg(long)]
    pub json: bool,

    /// Only cards due now
    #[arg(long)]
    pub due: bool,

    /// Only cards with this tag (repeatable: any of them)
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    #[command(flatten)]
    pub sched: SchedArgs,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Decks or directories of decks (default: every deck under ./decks and
    /// every deck with history in the database, even if its file is gone)
    #[arg(value_name = "DECK|DIR")]
    pub inputs: Vec<PathBuf>,

    /// Print JSON (schema in README) instead of tables and charts
    #[arg(long)]
    pub json: bool,

    /// Days of activity to show
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub days: u32,

    /// Count only cards with this tag (repeatable: any of them); the answer
    /// history stays per deck
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Desired retention to compare with, 0.7-0.99 [default: 0.9]
    #[arg(long, env = "QUIZDECK_RETENTION", value_name = "R")]
    pub retention: Option<f64>,

    /// Hour (0-23, local time) at which a new study day starts [default: 4]
    #[arg(long, env = "QUIZDECK_ROLLOVER", value_name = "HOUR")]
    pub rollover: Option<u8>,
}

impl StatsArgs {
    /// The scheduler settings `stats` takes: the rest come from the
    /// config file or the defaults.
    pub fn sched(&self) -> SchedArgs {
        SchedArgs {
            retention: self.retention,
            rollover: self.rollover,
            ..SchedArgs::default()
        }
    }
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// Sessions to show, newest first
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,

    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,

    /// Show this card's review log instead (its id in the deck)
    #[arg(long, value_name = "ID")]
    pub card: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    /// reStructuredText
    Rst,
    Asciidoc,
    /// Org mode
    Org,
    Html,
    /// LaTeX (`.tex`)
    Latex,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Articles (.txt, .md, .rst, .adoc, .org, .html, .pod, .tex), directories of them, or - for standard input
    #[arg(required = true, value_name = "ARTICLE|DIR|-")]
    pub inputs: Vec<PathBuf>,

    /// Directory to write decks into (one <title-slug>.yaml per article)
    #[arg(short = 'o', long = "out-dir", value_name = "DIR", default_value = "decks")]
    pub out_dir: PathBuf,

    /// Print the decks' YAML on standard output instead of writing files
    #[arg(long, conflicts_with_all = ["merge", "force", "prune"])]
    pub stdout: bool,

    /// Deck title (default: the article's title)
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,

    /// Cloze cards per article (default: about one per 100 words; 0 for none)
    #[arg(long, value_name = "N")]
    pub cloze: Option<usize>,

    /// Merge into an existing deck: keep cards you edited (matched by id),
    /// add new ones, list stale ones
    #[arg(long, conflicts_with = "force")]
    pub merge: bool,

    /// With --merge, remove cards the article no longer yields
    #[arg(long, requires = "merge")]
    pub prune: bool,

    /// Overwrite an existing deck file
    #[arg(long)]
    pub force: bool,

    /// Input format (default: from the file extension, else detected)
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,

    /// Language of the articles, as an ISO 639-1 code: en, fr, de, es, it, nl, pt, sv, ...
    /// (default: recognised from each article's text, English when unsure)
    #[arg(long, value_name = "CODE", value_parser = parse_language)]
    pub lang: Option<Language>,

    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file
    #[arg(long)]
    pub lossy: bool,

    /// Largest article accepted, in bytes (suffixes K, M, G, KiB, MiB, GiB)
    #[arg(long, value_name = "SIZE", default_value = "10MiB", value_parser = parse_size)]
    pub max_size: u64,
}

/// `fr`, `French`.
fn parse_language(s: &str) -> Result<Language, String> {
    Language::from_code(s).ok_or_else(|| format!("unknown language '{s}' (one of: {})", Language::codes()))
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Deck files (.yaml, .yml) or directories of them
    #[arg(required = true, value_name = "DECK|DIR")]
    pub inputs: Vec<PathBuf>,

    /// Largest deck file accepted, in bytes (suffixes K, M, G, KiB, MiB, GiB)
    #[arg(long, value_name = "SIZE", default_value = "64MiB", value_parser = parse_size)]
    pub max_size: u64,
}

/// `10MiB`, `10M`, `512K`, `1048576`.
///
/// ```
/// use quizdeck::cli::parse_size;
/// assert_eq!(parse_size("10MiB"), Ok(10 * 1024 * 1024));
/// assert_eq!(parse_size("512K"), Ok(512 * 1024));
/// assert!(parse_size("ten").is_err());
/// ```
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: u64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 10MiB, 512K, 1048576)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit `{other}` (use K, M or G)")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("`{s}` is too large"))
}
