//! Generation throughput over a synthetic corpus: `cargo bench --bench generate`.
//!
//! Builds 1,000 seeded articles (about 20 MB) in memory, then times the whole
//! pipeline for each (decode, parse, rank, cloze choice, YAML) on one thread.
//! `-- --write DIR` also saves the corpus so that `wc -w DIR/*` can be run on
//! the same text. A last line times parsing, sentences and words alone: the
//! floor under the whole pipeline. Options: `--articles N`, `--seed S`;
//! `--corpus DIR` times the articles in DIR (`.txt`, `.md`, `.html`, ...)
//! instead.

#![allow(clippy::expect_used, clippy::print_stdout)]

use std::time::Instant;

/// The allocator the `quizdeck` binary uses.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use quizdeck::article::{Format, parse};
use quizdeck::cmd::generate::{Request, deck_from_bytes};
use quizdeck::deck::yaml;
use quizdeck::extract::{self, Analyzer, Analyzers, Vocab};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ren", "sa", "tor", "vel", "qua", "dri", "mon", "pel", "zu", "ar", "ix", "no", "bre", "chi",
    "dan", "fe", "gor",
];
const GLUE: &[&str] = &[
    "the", "of", "and", "in", "to", "a", "is", "that", "for", "with", "as", "by", "on", "was", "from", "which",
];
const ASK: &[&str] = &[
    "What is", "How does", "Why do", "When did", "Which", "How many", "Where is",
];

fn word(rng: &mut StdRng) -> String {
    (0..rng.random_range(1..4))
        .map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())])
        .collect()
}

fn sentence(rng: &mut StdRng, names: &[String]) -> String {
    let n = rng.random_range(8..26);
    let mut words: Vec<String> = Vec::with_capacity(n);
    for i in 0..n {
        let w = match rng.random_range(0..10) {
            0..=3 => GLUE[rng.random_range(0..GLUE.len())].to_string(),
            4 if i > 0 => names[rng.random_range(0..names.len())].clone(),
            5 if i > 0 && rng.random_bool(0.3) => rng.random_range(2..3000).to_string(),
            _ => word(rng),
        };
        words.push(w);
    }
    let mut s = words.join(" ");
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s.push('.');
    s
}

fn article(rng: &mut StdRng, target: usize) -> String {
    let names: Vec<String> = (0..12)
        .map(|_| {
            let mut w = word(rng);
            if let Some(f) = w.get_mut(0..1) {
                f.make_ascii_uppercase();
            }
            w
        })
        .collect();
    let mut out = format!("The {} of {}\n\n", word(rng), names[0]);
    let para = |rng: &mut StdRng| {
        (0..rng.random_range(3..7))
            .map(|_| sentence(rng, &names))
            .collect::<Vec<_>>()
            .join(" ")
    };
    out.push_str(&para(rng));
    out.push_str("\n\n");
    let mut q = 1;
    while out.len() < target {
        out.push_str(&format!(
            "{q}. {} {} {}?\n\n",
            ASK[rng.random_range(0..ASK.len())],
            word(rng),
            names[rng.random_range(0..names.len())]
        ));
        for _ in 0..rng.random_range(1..3) {
            out.push_str(&para(rng));
            out.push_str("\n\n");
        }
        if rng.random_bool(0.2) {
            for i in 1..4 {
                out.push_str(&format!("{i}. {}\n", sentence(rng, &names)));
            }
            out.push('\n');
        }
        q += 1;
    }
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut n, mut seed, mut write, mut from) = (1000usize, 42u64, None, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => n = args.next().and_then(|v| v.parse().ok()).unwrap_or(n),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(seed),
            "--write" => write = args.next(),
            "--corpus" => from = args.next(),
            _ => {} // cargo bench passes --bench
        }
    }
    let mut rng = StdRng::seed_from_u64(seed);
    // (file name, text): the name's extension tells the format.
    let corpus: Vec<(String, String)> = match &from {
        Some(dir) => {
            let mut files: Vec<_> = std::fs::read_dir(dir)
                .expect("read corpus dir")
                .map(|e| e.expect("corpus entry").path())
                .filter(|p| p.is_file())
                .collect();
            files.sort();
            files
                .iter()
                .map(|p| {
                    let name = p.file_name().expect("file name").to_string_lossy().into_owned();
                    (
                        name,
                        String::from_utf8_lossy(&std::fs::read(p).expect("read article")).into_owned(),
                    )
                })
                .collect()
        }
        None => (0..n)
            .map(|i| (format!("article-{i:04}.txt"), article(&mut rng, 20_000)))
            .collect(),
    };
    let n = corpus.len();
    let bytes: usize = corpus.iter().map(|(_, a)| a.len()).sum();
    let words: usize = corpus.iter().map(|(_, a)| a.split_whitespace().count()).sum();
    if let Some(dir) = &write {
        std::fs::create_dir_all(dir).expect("create corpus dir");
        for (name, a) in &corpus {
            std::fs::write(format!("{dir}/{name}"), a).expect("write article");
        }
    }
    let mut an = Analyzers::default();
    let mut best = f64::INFINITY;
    let mut best_yaml = f64::INFINITY;
    let mut runs: Vec<f64> = Vec::new();
    let mut cards = 0;
    for _ in 0..3 {
        let start = Instant::now();
        let mut yaml_time = 0.0;
        cards = 0;
        for (label, a) in &corpus {
            let req = Request {
                label,
                format: None,
                title: None,
                cloze: None,
                lossy: false,
                language: None,
            };
            let g = deck_from_bytes(&mut an, a.as_bytes(), &req).expect("article generates");
            cards += g.deck.cards.len();
            let t = Instant::now();
            std::hint::black_box(yaml::to_string(&g.deck).expect("yaml"));
            yaml_time += t.elapsed().as_secs_f64();
        }
        let total = start.elapsed().as_secs_f64();
        runs.push(total);
        if total < best {
            best = total;
            best_yaml = yaml_time;
        }
    }
    // The floor under any deck: parsing, sentences and words (interned
    // stems), with no ranking, no cloze choice and no YAML.
    let an = Analyzer::new();
    let mut floor = f64::INFINITY;
    for _ in 0..3 {
        let start = Instant::now();
        for (_, a) in &corpus {
            let article = parse(a, Format::Text);
            let mut vocab = Vocab::new(&an);
            let blocks = article
                .intro
                .iter()
                .chain(article.sections.iter().flat_map(|s| &s.blocks));
            for b in blocks {
                for s in extract::sentences(&b.text) {
                    std::hint::black_box(extract::tokenize(&an, &mut vocab, s));
                }
            }
        }
        floor = floor.min(start.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!("generate: {n} articles, {mb:.1} MB, {words} words, {cards} cards");
    println!(
        "generate: best of 3 runs {best:.3} s = {:.1} MB/s ({:.0} words/s) on one thread",
        mb / best,
        words as f64 / best
    );
    println!(
        "generate: runs {} s (the first with every word new to the stemmer's cache) = {} MB/s",
        runs.iter().map(|t| format!("{t:.3}")).collect::<Vec<_>>().join(" / "),
        runs.iter()
            .map(|t| format!("{:.1}", mb / t))
            .collect::<Vec<_>>()
            .join(" / ")
    );
    println!(
        "generate: of which writing YAML {best_yaml:.3} s, the rest (decode, parse, analyse, choose) {:.3} s",
        best - best_yaml
    );
    println!(
        "generate: parsing, sentences and words alone (no ranking, no cards) take {floor:.3} s = {:.1} MB/s",
        mb / floor
    );
}
