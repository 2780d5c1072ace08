//! `quizdeck generate`: articles in, YAML decks out (files or stdout).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result, bail};
use sha2::{Digest, Sha256};

use crate::article::{self, Format};
use crate::cli::{GenerateArgs, Global, InputFormat};
use crate::deck::{self, Deck, Source, yaml};
use crate::deckgen;
use crate::env;
use crate::extract::{Analyzers, Language, lang};
use crate::ui::progress::Bar;
use crate::ui::render;
use crate::{html, input};

const ARTICLE_EXTS: &[&str] = &[
    "txt", "md", "markdown", "rmd", "qmd", "rst", "adoc", "asciidoc", "org", "html", "htm", "pod", "tex",
];

/// What generating one article gave.
pub struct Generated {
    pub deck: Deck,
    /// Sections recognised as questions.
    pub questions: usize,
    /// Lines of the questions whose answer is not written yet ("TODO"),
    /// which make no card.
    pub unanswered: Vec<usize>,
    /// The language the article was analysed in.
    pub language: Language,
}

/// Settings for turning one article's bytes into a deck.
pub struct Request<'a> {
    pub label: &'a str,
    pub format: Option<InputFormat>,
    pub title: Option<&'a str>,
    pub cloze: Option<usize>,
    pub lossy: bool,
    /// The article's language; `None` to recognise it from its prose.
    pub language: Option<Language>,
}

/// The whole pipeline for one article, without I/O: decode, convert HTML,
/// parse, build the deck.
pub fn deck_from_bytes(analyzers: &mut Analyzers, bytes: &[u8], req: &Request<'_>) -> Result<Generated> {
    let text = input::decode(bytes, req.lossy)?;
    let ext = Path::new(req.label)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let format = req.format.unwrap_or(match ext.as_deref() {
        // R Markdown and Quarto are Markdown with code chunks.
        Some("md" | "markdown" | "rmd" | "qmd") => InputFormat::Markdown,
        Some("html" | "htm") => InputFormat::Html,
        Some("rst" | "rest") => InputFormat::Rst,
        Some("adoc" | "asciidoc" | "asc") => InputFormat::Asciidoc,
        Some("org") => InputFormat::Org,
        Some("tex" | "ltx" | "latex") => InputFormat::Latex,
        _ if html::looks_like_html(&text) => InputFormat::Html,
        _ if article::org_mode_line(&text) => InputFormat::Org,
        _ if article::looks_like_asciidoc(&text) => InputFormat::Asciidoc,
        _ => InputFormat::Text,
    });
    let (text, format, page) = match format {
        InputFormat::Text => (text, Format::Text, None),
        InputFormat::Markdown => (text, Format::Markdown, None),
        InputFormat::Rst => (text, Format::Rst, None),
        InputFormat::Asciidoc => (text, Format::AsciiDoc, None),
        InputFormat::Org => (text, Format::Org, None),
        InputFormat::Html => (html::to_markdown(&text)?, Format::Markdown, Some(text)),
        InputFormat::Latex => (article::latex_to_markdown(&text), Format::Markdown, None),
    };
    let mut art = article::parse(&text, format);
    // A page that draws its FAQ with scripts still lists the questions in
    // its structured data for search engines: read them when the visible
    // page gives none.
    if art.sections.is_empty()
        && let Some(faq) = page.as_deref().and_then(html::faq_from_json_ld)
    {
        art = article::parse(&format!("{text}\n\n{faq}"), format);
    }
    let stem = Path::new(req.label)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| *s != "-");
    let title = req
        .title
        .map(str::to_string)
        .or_else(|| art.title.as_ref().map(|t| named_by_file(&t.text, stem)))
        .or_else(|| stem.map(str::to_string))
        .unwrap_or_else(|| "Untitled deck".to_string());
    let source = Source {
        path: req.label.to_string(),
        sha256: hex(&Sha256::digest(bytes)),
    };
    let opts = deckgen::Options {
        cloze: req.cloze,
        generator: format!("quizdeck {}", env!("CARGO_PKG_VERSION")),
    };
    let language = req.language.unwrap_or_else(|| lang::detect(&prose_sample(&art)));
    let deck = deckgen::build(analyzers.get(language), &art, &title, Some(source), &opts);
    Ok(Generated {
        deck,
        questions: art.sections.len(),
        unanswered: art
            .sections
            .iter()
            .filter(|s| deckgen::unwritten(s))
            .map(|s| s.line)
            .collect(),
        language,
    })
}

/// A title that only says "FAQ" gets the file's name before it: three
/// FAQs titled "FAQ" are "Kiln FAQ", "Garden FAQ" and "Pool FAQ" in a list
/// of decks, not three "FAQ"s. The file's own words for FAQ are left out.
fn named_by_file(title: &str, stem: Option<&str>) -> String {
    if !article::only_announces_questions(title) {
        return title.to_string();
    }
    let words: Vec<&str> = stem
        .unwrap_or("")
        .split(['-', '_', ' ', '.'])
        .filter(|w| !w.is_empty() && !article::only_announces_questions(w))
        .collect();
    let Some(first) = words.first() else {
        return title.to_string();
    };
    let head = first.chars().next().map_or(0, char::len_utf8);
    let mut name = first[..head].to_uppercase();
    name.push_str(&first[head..]);
    for w in &words[1..] {
        name.push(' ');
        name.push_str(w);
    }
    let title = title.trim();
    if title.contains(' ') {
        format!("{name}: {title}")
    } else {
        format!("{name} {title}")
    }
}

/// The article's questions and prose (no code, which is in no spoken
/// language), as much as recognising its language reads.
fn prose_sample(art: &article::Article) -> String {
    fn prose(blocks: &[article::Block]) -> impl Iterator<Item = &str> {
        blocks
            .iter()
            .filter(|b| b.kind != article::BlockKind::Code)
            .map(|b| b.text.as_str())
    }
    let texts = prose(&art.intro).chain(
        art.sections
            .iter()
            .flat_map(|s| std::iter::once(s.question.as_str()).chain(prose(&s.blocks))),
    );
    let mut sample = String::new();
    for text in texts {
        if sample.len() >= lang::SAMPLE_BYTES {
            break;
        }
        sample.push_str(text);
        sample.push('\n');
    }
    sample
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// The deck file name for a title: its slug, never empty, never a name
/// Windows reserves, never a path outside the output directory.
pub fn file_name(title: &str) -> String {
    // "Beginner's" reads better as "beginners" than "beginner-s".
    let mut s = slug::slugify(title.replace(['\'', '’'], ""));
    if s.len() > 80 {
        let cut = s[..80].rfind('-').unwrap_or(80);
        s.truncate(cut);
    }
    if s.is_empty() {
        s = "deck".to_string();
    }
    const RESERVED: &[&str] = &[
        "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
        "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ];
    if RESERVED.contains(&s.as_str()) {
        s.push_str("-deck");
    }
    format!("{s}.yaml")
}

pub fn run(args: &GenerateArgs, global: &Global, out: &mut dyn Write) -> Result<bool> {
    if args.title.is_some() && args.inputs.len() > 1 {
        bail!("--title names one deck; give one article with it");
    }
    let files = super::expand_inputs(&args.inputs, ARTICLE_EXTS, "articles")?;
    if files.iter().filter(|p| p.as_os_str() == "-").count() > 1 {
        bail!("standard input (-) can be read only once");
    }
    // Articles are generated on every core, each worker with its own
    // analyzer; decks are written one by one in the order given, so file
    // names, output and messages are the same as on one core.
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(files.len())
        .clamp(1, MAX_WORKERS);
    let mut analyzers: Vec<Analyzers> = (0..workers).map(|_| Analyzers::default()).collect();
    let mut ok = true;
    let mut names: HashSet<String> = HashSet::new();
    let mut first = true;
    let bar = Bar::new(
        files.len() as u64,
        "articles",
        files.len() > 1 && !global.quiet && env::stderr_is_terminal(),
    );
    // A few articles per worker at a time bounds the decks held in memory;
    // the next batch is generated while this one is written.
    let batches: Vec<&[std::path::PathBuf]> = files.chunks(workers * 4).collect();
    std::thread::scope(|scope| -> Result<()> {
        let batches = &batches;
        let generate = |mut analyzers: Vec<Analyzers>, i: usize| {
            scope.spawn(move || {
                let made = make_batch(&mut analyzers, args, batches[i]);
                (analyzers, made)
            })
        };
        let mut next = (!batches.is_empty()).then(|| generate(std::mem::take(&mut analyzers), 0));
        for (i, batch) in batches.iter().enumerate() {
            let Some(handle) = next.take() else { break };
            let (analyzers, made) = handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            next = (i + 1 < batches.len()).then(|| generate(analyzers, i + 1));
            for (path, made) in batch.iter().zip(made) {
                let label = path.display().to_string();
                let mut notes = Notes::default();
                let result = made.and_then(|g| write_deck(args, g, &label, &mut names, &mut notes));
                match result {
                    Ok(Output::Yaml(text)) => {
                        if !first {
                            out.write_all(b"---\n")?;
                        }
                        out.write_all(text.as_bytes())?;
                        first = false;
                    }
                    Ok(Output::Written) => {}
                    Err(e) => {
                        ok = false;
                        notes.warnings.push(render::error(&format!("{e:#}")));
                    }
                }
                for w in &notes.warnings {
                    bar.note(w);
                }
                if !global.quiet {
                    for n in &notes.info {
                        bar.note(n);
                    }
                }
                bar.inc();
            }
        }
        Ok(())
    })?;
    bar.finish();
    Ok(ok)
}

/// Threads past this many gain little: reading and writing files is shared.
const MAX_WORKERS: usize = 8;

/// Reads and generates a batch of articles, worker `w` taking every
/// `workers`-th one; results in the batch's order.
fn make_batch(
    analyzers: &mut [Analyzers],
    args: &GenerateArgs,
    batch: &[std::path::PathBuf],
) -> Vec<Result<Generated>> {
    let workers = analyzers.len();
    if workers <= 1 || batch.len() <= 1 {
        let an = &mut analyzers[0];
        return batch.iter().map(|p| make(an, args, p)).collect();
    }
    let mut done: Vec<(usize, Result<Generated>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = analyzers
            .iter_mut()
            .enumerate()
            .map(|(w, an)| {
                scope.spawn(move || {
                    batch
                        .iter()
                        .enumerate()
                        .skip(w)
                        .step_by(workers)
                        .map(|(i, p)| (i, make(an, args, p)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            // A panic in generation is a bug; surface it as itself.
            .flat_map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            .collect()
    });
    done.sort_by_key(|&(i, _)| i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// What one article's generation has to say: warnings always, the rest
/// unless `--quiet`.
#[derive(Default)]
struct Notes {
    warnings: Vec<String>,
    info: Vec<String>,
}

enum Output {
    Yaml(String),
    Written,
}

/// Reads and generates one article.
fn make(an: &mut Analyzers, args: &GenerateArgs, path: &Path) -> Result<Generated> {
    let label = path.display().to_string();
    let bytes = super::read_limited(path, args.max_size)?;
    let req = Request {
        label: &label,
        format: args.format,
        title: args.title.as_deref(),
        cloze: args.cloze,
        lossy: args.lossy,
        language: args.lang,
    };
    deck_from_bytes(an, &bytes, &req).with_context(|| label.clone())
}

/// Writes one generated deck (or returns its YAML for `--stdout`).
fn write_deck(
    args: &GenerateArgs,
    g: Generated,
    label: &str,
    names: &mut HashSet<String>,
    notes: &mut Notes,
) -> Result<Output> {
    let (qa, cz) = counts(&g.deck);
    if g.questions == 0 {
        notes.warnings.push(render::warning(&format!(
            "{label}: no questions recognised; made {cz} cloze cards only"
        )));
    }
    for line in &g.unanswered {
        notes.warnings.push(render::warning(&format!(
            "{label}:{line}: the answer is not written yet; no card made"
        )));
    }
    if args.stdout {
        return Ok(Output::Yaml(yaml::to_string(&g.deck)?));
    }
    // Two articles with one title in the same run get distinct files.
    let base = file_name(&g.deck.title);
    let mut name = base.clone();
    let mut n = 1;
    while !names.insert(name.clone()) {
        n += 1;
        name = format!("{}-{n}.yaml", base.trim_end_matches(".yaml"));
    }
    std::fs::create_dir_all(&args.out_dir)
        .with_context(|| format!("{}: cannot create directory", args.out_dir.display()))?;
    let target = args.out_dir.join(&name);
    let shown = target.display();
    if target.exists() {
        if args.merge {
            let old_text = std::fs::read_to_string(&target).with_context(|| format!("{shown}: cannot read"))?;
            let old = yaml::from_str(&old_text).map_err(|d| {
                anyhow::anyhow!(
                    "{shown}:{}: deck has errors; fix them (quizdeck check) before merging",
                    d[0]
                )
            })?;
            let (merged, report) = deck::merge(&old, &g.deck, args.prune);
            super::write_atomic(&target, yaml::to_string(&merged)?.as_bytes())?;
            let stale = if report.stale.is_empty() {
                String::new()
            } else if report.pruned {
                format!(", {} stale removed: {}", report.stale.len(), report.stale.join(" "))
            } else {
                format!(
                    ", {} stale kept (--prune removes them): {}",
                    report.stale.len(),
                    report.stale.join(" ")
                )
            };
            notes.info.push(format!(
                "merged {shown}: {} kept, {} added{stale}",
                report.kept,
                report.added.len()
            ));
            return Ok(Output::Written);
        }
        if !args.force {
            bail!(
                "{shown} already exists; use --merge to keep your edits and add new cards, or --force to overwrite it"
            );
        }
    }
    super::write_atomic(&target, yaml::to_string(&g.deck)?.as_bytes())?;
    // English goes without saying; another language is worth a word, as
    // recognition may have been wrong (`--lang` corrects it).
    let language = match g.language {
        Language::English => String::new(),
        other => format!(" ({})", other.name()),
    };
    notes.info.push(format!(
        "wrote {shown}: {qa} qa + {cz} cloze cards from {label}{language}"
    ));
    Ok(Output::Written)
}

pub fn counts(deck: &Deck) -> (usize, usize) {
    let qa = deck.cards.iter().filter(|c| c.body.kind() == "qa").count();
    (qa, deck.cards.len() - qa)
}

#[cfg(test)]
mod tests {
    use super::{file_name, named_by_file};

    #[test]
    fn file_names_stay_inside_the_directory() {
        assert_eq!(file_name("../../etc/passwd"), "etc-passwd.yaml");
        assert_eq!(file_name("/tmp/x"), "tmp-x.yaml");
        assert_eq!(file_name("CON"), "con-deck.yaml");
        assert_eq!(file_name("A Beginner’s Guide"), "a-beginners-guide.yaml");
        assert_eq!(file_name("???"), "deck.yaml");
        assert_eq!(file_name("Café au lait: a FAQ"), "cafe-au-lait-a-faq.yaml");
        assert!(file_name(&"word ".repeat(100)).len() <= 85);
    }

    #[test]
    fn a_title_that_only_says_faq_is_named_by_its_file() {
        assert_eq!(named_by_file("FAQ", Some("kiln")), "Kiln FAQ");
        assert_eq!(named_by_file("FAQs", Some("pottery_studio-faq")), "Pottery studio FAQs");
        assert_eq!(
            named_by_file("Frequently Asked Questions", Some("ölmühle")),
            "Ölmühle: Frequently Asked Questions"
        );
        assert_eq!(
            named_by_file("Frequently Asked Questions (FAQ)", Some("kiln")),
            "Kiln: Frequently Asked Questions (FAQ)"
        );
        // Nothing to add, or a title that names its subject already.
        assert_eq!(named_by_file("FAQ", Some("faq")), "FAQ");
        assert_eq!(named_by_file("FAQ", None), "FAQ");
        assert_eq!(named_by_file("Kiln FAQ", Some("notes")), "Kiln FAQ");
    }
}
