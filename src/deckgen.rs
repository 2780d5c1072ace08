//! Deck generation: from a parsed [`Article`] to a [`Deck`] of qa and cloze
//! cards.
//!
//! The method, in short (README "How cards are chosen" says more):
//! sentences are weighted by TF-IDF over the article's own sentences. A qa
//! card's answer is the sentence (two, when the question line asks two
//! things) that scores best on relevance to the question's terms, on what it
//! adds beyond restating the question, and on centrality in its section.
//! Cloze cards come from the sentences most central to the article and its
//! section, each with its most informative span blanked. Pure and
//! deterministic: equal input gives equal output, with no randomness at all.

use std::collections::{HashMap, HashSet};

use crate::article::{Article, BlockKind};
use crate::deck::{Card, CardBody, Deck, Source, assign_ids};
use crate::extract::cloze::{self, Term, TermContext, TermKind};
use crate::extract::{self, Analyzer, SparseVec, Token, Vocab};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Cloze cards per article; `None` for about one per 100 words.
    pub cloze: Option<usize>,
    /// The `generator` field, e.g. `quizdeck 0.1.0`.
    pub generator: String,
}

struct Sent {
    text: String,
    /// Section index, `None` for the intro.
    section: Option<usize>,
    line: usize,
    tokens: Vec<Token>,
    vec: SparseVec,
    /// For a sentence ending in `:` right before a list or code block: that
    /// list or code, which is what the sentence introduces.
    leads: Option<String>,
}

/// Builds the deck for an article. `title` is the deck title to use.
pub fn build(an: &Analyzer, article: &Article, title: &str, source: Option<Source>, opts: &Options) -> Deck {
    let mut vocab = Vocab::default();
    let mut sents: Vec<Sent> = Vec::new();
    let mut push_blocks = |blocks: &[crate::article::Block], section: Option<usize>, vocab: &mut Vocab| {
        for (bi, b) in blocks.iter().enumerate().filter(|(_, b)| b.kind != BlockKind::Code) {
            let split = extract::sentences(&b.text);
            let last = split.len().saturating_sub(1);
            for (si, s) in split.into_iter().enumerate() {
                let tokens = extract::tokenize(an, vocab, s);
                let leads = (si == last && s.ends_with(':'))
                    .then(|| introduced(&blocks[bi + 1..]))
                    .flatten();
                sents.push(Sent {
                    text: s.to_string(),
                    section,
                    line: b.line,
                    tokens,
                    vec: SparseVec::default(),
                    leads,
                });
            }
        }
    };
    push_blocks(&article.intro, None, &mut vocab);
    for (i, s) in article.sections.iter().enumerate() {
        push_blocks(&s.blocks, Some(i), &mut vocab);
    }
    let questions: Vec<Vec<(String, Vec<u32>)>> = article
        .sections
        .iter()
        .map(|s| {
            extract::split_questions(&s.question)
                .iter()
                .map(|q| {
                    (
                        q.to_string(),
                        extract::content_terms(&extract::tokenize(an, &mut vocab, q)),
                    )
                })
                .collect()
        })
        .collect();
    let title_terms: HashSet<u32> = extract::content_terms(&extract::tokenize(an, &mut vocab, title))
        .into_iter()
        .collect();

    let mut df = vec![0u32; vocab.len()];
    for s in &sents {
        let uniq: HashSet<u32> = s.tokens.iter().filter(|t| !t.stop).map(|t| t.term).collect();
        for t in uniq {
            df[t as usize] += 1;
        }
    }
    let idf = extract::idf(&df, sents.len());
    for s in &mut sents {
        s.vec = SparseVec::from_terms(&extract::content_terms(&s.tokens), &idf);
    }
    let mut article_centroid = SparseVec::default();
    let mut section_centroids = vec![SparseVec::default(); article.sections.len()];
    let mut intro_centroid = SparseVec::default();
    for s in &sents {
        article_centroid.add(&s.vec);
        match s.section {
            Some(i) => section_centroids[i].add(&s.vec),
            None => intro_centroid.add(&s.vec),
        }
    }

    let capitalised: HashSet<u32> = sents
        .iter()
        .flat_map(|s| s.tokens.iter().skip(1).filter(|t| t.cap).map(|t| t.term))
        .collect();
    let lowercase: HashSet<u32> = sents
        .iter()
        .flat_map(|s| s.tokens.iter().filter(|t| !t.cap && !t.num).map(|t| t.term))
        .collect();
    let n = sents.len().max(1);
    let mut topic = title_terms.clone();
    topic.extend(
        df.iter()
            .enumerate()
            .filter(|&(_, &d)| d as usize * 4 > n && n >= 8)
            .map(|(t, _)| t as u32),
    );
    let ctx = TermContext {
        idf: &idf,
        lowercase: &lowercase,
        capitalised: &capitalised,
        topic: &topic,
    };
    let terms: Vec<Vec<Term>> = sents
        .iter()
        .map(|s| cloze::candidates(&s.text, &s.tokens, &ctx))
        .collect();

    let mut cards: Vec<(usize, u8, usize, Card)> = Vec::new();
    // How well each sentence answers its section's question (0..1); intro
    // sentences by their centrality in the intro.
    let mut relevance = vec![0.0; sents.len()];
    let intro_max = sents
        .iter()
        .filter(|s| s.section.is_none())
        .map(|s| s.vec.cosine(&intro_centroid))
        .fold(0.0, f64::max);
    for (k, s) in sents.iter().enumerate().filter(|(_, s)| s.section.is_none()) {
        relevance[k] = if intro_max > 0.0 {
            s.vec.cosine(&intro_centroid) / intro_max
        } else {
            0.0
        };
    }
    for (i, section) in article.sections.iter().enumerate() {
        let idxs: Vec<usize> = (0..sents.len()).filter(|&k| sents[k].section == Some(i)).collect();
        let chosen = choose_answer(&sents, &idxs, &questions[i], &section_centroids[i], &idf);
        // The same scores rank the section's sentences as cloze material.
        let whole = whole_question(&questions[i]);
        let scores: Vec<f64> = idxs
            .iter()
            .map(|&k| answer_score(&sents[k], &whole, &section_centroids[i], &idf, k == idxs[0]))
            .collect();
        let max = scores.iter().copied().fold(0.0, f64::max);
        for (&k, sc) in idxs.iter().zip(&scores) {
            relevance[k] = if max > 0.0 { sc / max } else { 0.0 };
        }
        let context = section.answer_text();
        let answer = if chosen.is_empty() {
            first_words(&context, 60)
        } else {
            chosen
                .iter()
                .map(|&k| match &sents[k].leads {
                    Some(what) => format!("{}\n{what}", sents[k].text),
                    None => sents[k].text.clone(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let qterms: HashSet<u32> = questions[i].iter().flat_map(|(_, t)| t.iter().copied()).collect();
        let keypoints = keypoints(&sents, &terms, &chosen, &idxs, &qterms);
        let mut tags = vec![format!("q{}", i + 1)];
        if let Some(c) = &section.category {
            let s = slug::slugify(c);
            if !s.is_empty() {
                tags.push(s);
            }
        }
        cards.push((
            i + 1,
            0,
            0,
            Card {
                id: String::new(),
                body: CardBody::Qa {
                    question: section.question.clone(),
                    answer,
                    context: (!context.is_empty()).then_some(context),
                    keypoints,
                },
                tags,
                line: Some(section.line as u64),
            },
        ));
    }

    let words = article.word_count();
    let wanted = opts
        .cloze
        .unwrap_or_else(|| ((words as f64 / 100.0).round() as usize).max(1));
    for (k, term) in choose_clozes(&sents, &terms, wanted, &article_centroid, &relevance) {
        let s = &sents[k];
        let answer = &s.text[term.start..term.end];
        let text = format!("{}{{{{{}}}}}{}", &s.text[..term.start], answer, &s.text[term.end..]);
        let section_no = s.section.map_or(0, |i| i + 1);
        let mut tags = vec![s.section.map_or_else(|| "intro".to_string(), |i| format!("q{}", i + 1))];
        if let Some(c) = s.section.and_then(|i| article.sections[i].category.as_ref()) {
            let c = slug::slugify(c);
            if !c.is_empty() {
                tags.push(c);
            }
        }
        cards.push((
            section_no,
            1,
            k,
            Card {
                id: String::new(),
                body: CardBody::Cloze {
                    text,
                    accept: accept_forms(answer),
                    distractors: distractors(&sents, &terms, &term, answer),
                },
                tags,
                line: Some(s.line as u64),
            },
        ));
    }
    cards.sort_by_key(|(sec, kind, pos, _)| (*sec, *kind, *pos));
    let mut cards: Vec<Card> = cards.into_iter().map(|(_, _, _, c)| c).collect();
    assign_ids(&mut cards);
    Deck {
        title: title.to_string(),
        source,
        generator: Some(opts.generator.clone()),
        cards,
    }
}

/// The list items (up to ten) or the code block right after a sentence
/// that ends in `:`.
fn introduced(next: &[crate::article::Block]) -> Option<String> {
    let first = next.first()?;
    match first.kind {
        BlockKind::Code => Some(first.text.clone()),
        BlockKind::Item => Some(
            next.iter()
                .take_while(|b| b.kind == BlockKind::Item)
                .take(10)
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        BlockKind::Prose => None,
    }
}

fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= n {
        words.join(" ")
    } else {
        format!("{} …", words[..n].join(" "))
    }
}

/// Scores a sentence as the answer to one question: relevance (share of
/// the question's weight it mentions), novelty (share of its own weight
/// that is not the question restated) and centrality in the section.
fn answer_score(s: &Sent, question: &Question, centroid: &SparseVec, idf: &[f64], lead: bool) -> f64 {
    let full = &question.all;
    let q = &question.terms;
    let q_weight: f64 = q.iter().map(|&t| idf[t as usize]).sum();
    let own: HashSet<u32> = s.vec.0.iter().map(|&(t, _)| t).collect();
    let own_weight: f64 = own.iter().map(|&t| idf[t as usize]).sum();
    if own_weight == 0.0 {
        return 0.0;
    }
    let shared: f64 = own.intersection(q).map(|&t| idf[t as usize]).sum();
    let rel = if q_weight > 0.0 { shared / q_weight } else { 0.0 };
    let novelty = (own_weight - shared) / own_weight;
    let cent = s.vec.cosine(centroid);
    let words = s.tokens.len();
    let len_factor = match words {
        0..=4 => 0.3,
        5..=7 => 0.8,
        8..=40 => 1.0,
        41..=60 => 0.8,
        _ => 0.5,
    };
    let starts_well = s
        .text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“');
    let mut score = (0.15 + rel.min(0.6)) * (0.2 + novelty) * (0.5 + cent) * len_factor;
    if !starts_well {
        score *= 0.5;
    }
    // A sentence that ends in `:` is only an answer with what it introduces.
    if s.text.ends_with(':') {
        score *= if s.leads.is_some() { 1.3 } else { 0.4 };
    }
    let cue_hit = q_cue(s, question);
    if cue_hit {
        score *= if question.cue == Cue::Definition { 2.0 } else { 1.4 };
    }
    // A section's opening sentence that restates much of the question
    // without giving what it asks for is a lead-in ("X has been a topic of
    // debate"), not the answer. Counted, not weighted: the question's own
    // rare words would dominate.
    if lead && !cue_hit && s.leads.is_none() && !full.is_empty() && own.intersection(full).count() * 5 >= full.len() * 2
    {
        score *= 0.5;
    }
    // Answers tend to lead with what was asked about: "China tends to ...".
    if s.tokens.first().is_some_and(|t| !t.stop && q.contains(&t.term)) {
        score *= 1.5;
    }
    score
}

/// Words that mark the kind of answer a question asks for (the classic
/// answer-type cue of extractive question answering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    None,
    /// "What is X?": a sentence that says what X is.
    Definition,
    Contrast,
    Cause,
    Means,
    Time,
    Quantity,
}

fn cue_of(question: &str) -> Cue {
    let q = question.to_lowercase();
    let words: Vec<&str> = q
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |ws: &[&str]| ws.iter().any(|w| words.contains(w));
    let definition = words.len() <= 8
        && matches!(
            words.as_slice(),
            ["what", "is" | "are" | "was", ..] | ["what", "exactly", "is" | "are", ..] | ["what", "does", .., "mean"]
        );
    if has(&[
        "difference",
        "differences",
        "differ",
        "compare",
        "compared",
        "contrast",
        "versus",
        "vs",
        "unlike",
    ]) {
        Cue::Contrast
    } else if definition {
        Cue::Definition
    } else if has(&["why", "reason", "reasons", "cause", "causes"]) {
        Cue::Cause
    } else if q.contains("how many") || q.contains("how much") || q.contains("how long") || q.contains("how often") {
        Cue::Quantity
    } else if has(&["when", "year", "date", "time", "times", "duration"]) {
        Cue::Time
    } else if has(&[
        "how", "approach", "method", "methods", "way", "ways", "strategy", "means",
    ]) {
        Cue::Means
    } else {
        Cue::None
    }
}

const NUMBER_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "half",
    "twice",
    "once",
    "minutes",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
];

fn q_cue(s: &Sent, question: &Question) -> bool {
    let t = s.text.to_lowercase();
    // Substrings, not words: real text glues words together ("hashowever").
    let any = |ws: &[&str]| ws.iter().any(|w| t.contains(w));
    let numeric = || {
        s.tokens.iter().any(|tok| tok.num)
            || t.split(|c: char| !c.is_alphanumeric())
                .any(|w| NUMBER_WORDS.contains(&w))
    };
    match question.cue {
        Cue::None => false,
        Cue::Definition => {
            let opens_with_term = s
                .tokens
                .iter()
                .take(4)
                .any(|tok| !tok.stop && question.terms.contains(&tok.term));
            let head: String = t.chars().take(80).collect();
            opens_with_term
                && [" is ", " are ", " means ", " refers to ", " was "]
                    .iter()
                    .any(|w| head.contains(w))
        }
        Cue::Contrast => any(&[
            "however",
            "whereas",
            "while ",
            "unlike",
            "in contrast",
            "by contrast",
            "on the other hand",
            " but ",
            "instead",
            "rather than",
        ]),
        Cue::Cause => any(&[
            "because",
            "due to",
            "since ",
            "as a result",
            "so that",
            "in order to",
            "therefore",
            "caused by",
            " means ",
            "when ",
        ]),
        Cue::Means => any(&[
            " through ",
            " by ",
            " via ",
            " using ",
            " with the help of",
            " by means of",
        ]),
        Cue::Time | Cue::Quantity => numeric(),
    }
}

/// One (sub-)question of a question line, as the answer scorer sees it.
struct Question {
    terms: HashSet<u32>,
    /// Terms of the whole line.
    all: HashSet<u32>,
    cue: Cue,
}

/// A yes/no question: opens with an auxiliary verb.
fn is_polar(q: &str) -> bool {
    const AUX: &[&str] = &[
        "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "will", "would", "has", "have",
        "may", "must",
    ];
    let first = q.split_whitespace().next().unwrap_or("").to_lowercase();
    AUX.contains(&first.as_str())
}

fn whole_question(questions: &[(String, Vec<u32>)]) -> Question {
    let all: HashSet<u32> = questions.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    let text = questions.iter().map(|(q, _)| q.as_str()).collect::<Vec<_>>().join(" ");
    Question {
        terms: all.clone(),
        all,
        cue: cue_of(&text),
    }
}

/// One sentence per question asked on the line (at most two), else the
/// best one, plus a close runner-up when it is short enough to stay concise.
fn choose_answer(
    sents: &[Sent],
    idxs: &[usize],
    questions: &[(String, Vec<u32>)],
    centroid: &SparseVec,
    idf: &[f64],
) -> Vec<usize> {
    if idxs.is_empty() {
        return Vec::new();
    }
    let all: HashSet<u32> = questions.iter().flat_map(|(_, t)| t.iter().copied()).collect();
    let lead = idxs[0];
    let rank = |q: &Question, chosen: &[usize]| {
        idxs.iter()
            .filter(|k| !chosen.contains(k))
            .map(|&k| (answer_score(&sents[k], q, centroid, idf, k == lead), k))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
    };
    let mut chosen: Vec<usize> = Vec::new();
    // "Is X a problem?" answered "No. ...": the verdict and the sentence
    // after it.
    let polar = questions.first().is_some_and(|(q, _)| is_polar(q));
    let verdict = sents[lead].text.trim_end_matches(['.', '!', ',']).to_lowercase();
    if polar
        && sents[lead].tokens.len() <= 3
        && (verdict.starts_with("yes") || verdict.starts_with("no"))
        && idxs.len() > 1
    {
        return vec![idxs[0], idxs[1]];
    }
    if questions.len() >= 2 {
        for (text, terms) in questions.iter().take(2) {
            let q = Question {
                terms: terms.iter().copied().collect(),
                all: all.clone(),
                cue: cue_of(text),
            };
            if let Some((_, k)) = rank(&q, &chosen) {
                chosen.push(k);
            }
        }
    } else {
        let q = whole_question(questions);
        if let Some((best, k)) = rank(&q, &chosen) {
            chosen.push(k);
            if let Some((second, k2)) = rank(&q, &chosen) {
                let words = sents[k].tokens.len() + sents[k2].tokens.len();
                if second >= 0.85 * best && words <= 45 {
                    chosen.push(k2);
                }
            }
        }
    }
    chosen.sort_unstable();
    chosen
}

/// 3-6 key terms of the answer for grading typed answers: the answer
/// sentences' most informative spans that are not the question's own words,
/// then, if fewer than three, spans from the rest of the section.
fn keypoints(
    sents: &[Sent],
    terms: &[Vec<Term>],
    chosen: &[usize],
    section: &[usize],
    q: &HashSet<u32>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut used: HashSet<u32> = HashSet::new();
    let mut take = |pool: &[usize], limit: usize, out: &mut Vec<String>| {
        let mut cands: Vec<(&Term, usize)> = pool
            .iter()
            .flat_map(|&k| terms[k].iter().map(move |t| (t, k)))
            .collect();
        cands.sort_by(|a, b| {
            b.0.score
                .total_cmp(&a.0.score)
                .then(a.1.cmp(&b.1))
                .then(a.0.start.cmp(&b.0.start))
        });
        for (t, k) in cands {
            if out.len() >= limit {
                break;
            }
            if t.terms.iter().all(|x| q.contains(x)) || t.terms.iter().any(|x| used.contains(x)) {
                continue;
            }
            used.extend(t.terms.iter().copied());
            out.push(sents[k].text[t.start..t.end].to_string());
        }
    };
    take(chosen, 6, &mut out);
    if out.len() < 3 {
        let rest: Vec<usize> = section.iter().copied().filter(|k| !chosen.contains(k)).collect();
        take(&rest, 3, &mut out);
    }
    out
}

/// The `wanted` most central eligible sentences (document order kept in the
/// deck), each with its best blank; when more cards are wanted than there
/// are sentences, further blanks come from the same sentences, never the
/// same span twice.
fn choose_clozes(
    sents: &[Sent],
    terms: &[Vec<Term>],
    wanted: usize,
    article: &SparseVec,
    relevance: &[f64],
) -> Vec<(usize, Term)> {
    if wanted == 0 {
        return Vec::new();
    }
    let mut seen_text: HashSet<&str> = HashSet::new();
    let mut ranked: Vec<(f64, usize)> = Vec::new();
    for (k, s) in sents.iter().enumerate() {
        let words = s.tokens.len();
        let eligible = (6..=50).contains(&words)
            && !s.text.ends_with('?')
            && !s.text.contains("{{")
            && !s.text.contains("}}")
            && s.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“')
            && !terms[k].is_empty();
        if !eligible || !seen_text.insert(s.text.as_str()) {
            continue;
        }
        let specific = terms[k].iter().any(|t| t.kind != TermKind::Phrase);
        let score = 0.5 * relevance[k]
            + 0.35 * s.vec.cosine(article)
            + if specific { 0.1 } else { 0.0 }
            + 0.03 * terms[k][0].score.min(5.0);
        ranked.push((score, k));
    }
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<(usize, Term)> = Vec::new();
    let mut round = 0;
    while out.len() < wanted && round < 3 {
        let before = out.len();
        for &(_, k) in &ranked {
            if out.len() >= wanted {
                break;
            }
            let taken: Vec<&Term> = out.iter().filter(|(kk, _)| *kk == k).map(|(_, t)| t).collect();
            if taken.len() != round {
                continue;
            }
            let next = terms[k]
                .iter()
                .find(|t| taken.iter().all(|u| t.end <= u.start || t.start >= u.end));
            if let Some(t) = next {
                out.push((k, t.clone()));
            }
        }
        if out.len() == before {
            break;
        }
        round += 1;
    }
    out
}

/// Alternative answers a typed reply may give: without a leading article,
/// a number without thousands separators, a hyphenated word with a space.
fn accept_forms(answer: &str) -> Vec<String> {
    let mut out = Vec::new();
    for article in ["the ", "The ", "a ", "an "] {
        if let Some(rest) = answer.strip_prefix(article) {
            out.push(rest.to_string());
        }
    }
    if answer.contains(',') && answer.chars().any(|c| c.is_ascii_digit()) {
        out.push(answer.replace(',', ""));
    }
    if answer.contains('-') && !answer.chars().any(|c| c.is_ascii_digit()) {
        out.push(answer.replace('-', " "));
    }
    out.retain(|s| !s.trim().is_empty() && s != answer);
    out.dedup();
    out
}

/// Up to three terms of the same kind from elsewhere in the article, best
/// first, none equal to or containing the answer.
fn distractors(sents: &[Sent], terms: &[Vec<Term>], answer: &Term, answer_text: &str) -> Vec<String> {
    let lower = answer_text.to_lowercase();
    let mut best: HashMap<String, (f64, String, usize)> = HashMap::new();
    for (k, ts) in terms.iter().enumerate() {
        for t in ts.iter().filter(|t| t.kind == answer.kind) {
            let text = &sents[k].text[t.start..t.end];
            let l = text.to_lowercase();
            if l == lower
                || l.contains(&lower)
                || lower.contains(&l)
                || t.terms.iter().any(|x| answer.terms.contains(x))
            {
                continue;
            }
            let e = best.entry(l).or_insert((f64::NEG_INFINITY, text.to_string(), t.words));
            if t.score > e.0 {
                *e = (t.score, text.to_string(), t.words);
            }
        }
    }
    let mut pool: Vec<(f64, String, usize)> = best.into_values().collect();
    pool.sort_by(|a, b| {
        a.2.abs_diff(answer.words)
            .cmp(&b.2.abs_diff(answer.words))
            .then(b.0.total_cmp(&a.0))
            .then(a.1.cmp(&b.1))
    });
    let mut out: Vec<String> = Vec::new();
    for (_, text, _) in pool {
        if out.len() == 3 {
            break;
        }
        let l = text.to_lowercase();
        if out
            .iter()
            .any(|o| o.to_lowercase().contains(&l) || l.contains(&o.to_lowercase()))
        {
            continue;
        }
        out.push(text);
    }
    out
}

#[cfg(test)]
mod tests;
