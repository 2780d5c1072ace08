//! Command-line types (clap derive) and nothing else: their doc comments
//! are the `--help` text, and completions and man pages can be generated
//! from them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn Q&A articles into flashcard decks you can read, edit and keep in git.
#[derive(Debug, Parser)]
#[command(name = "quizdeck", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Generate YAML flashcard decks from Q&A articles (text, Markdown, HTML)
    Generate(GenerateArgs),
    /// Validate decks and report each problem as path:line:col
    Check(CheckArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Html,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Articles (.txt, .md, .html), directories of them, or - for standard input
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

    /// Replace invalid UTF-8 with U+FFFD instead of refusing the file
    #[arg(long)]
    pub lossy: bool,

    /// Largest article accepted, in bytes (suffixes K, M, G, KiB, MiB, GiB)
    #[arg(long, value_name = "SIZE", default_value = "10MiB", value_parser = parse_size)]
    pub max_size: u64,
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
