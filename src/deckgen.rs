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

use std::cell::OnceCell;
use std::hash::Hasher;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::article::{self, Article, BlockKind};
use crate::deck::{Card, CardBody, Deck, Source, assign_ids};
use crate::extract::cloze::{self, Term, TermContext, TermKind};
use crate::extract::{self, Analyzer, DenseVec, SparseVec, Summer, Token, Vocab};

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
    /// From a list item rather than a paragraph.
    item: bool,
    /// Goes on with a sentence broken off over code ("If `make test`
    /// produces something like" / code / "check that ..."): its lower-case
    /// opening is no fault.
    resumes: bool,
    /// From the marked answer to a multiple-choice question.
    marked: bool,
    /// `text` lowercased, for cue phrases; made when first asked for (only
    /// some questions look for cues).
    lower: OnceCell<String>,
    /// [`cue_mask`] of `lower`, likewise.
    cues: OnceCell<u8>,
    /// [`word_classes`] of `lower`, likewise.
    words: OnceCell<u8>,
    /// Cosine similarity to its section's centroid (0 in the intro).
    cent: f64,
    /// The summed IDF of its distinct content terms.
    weight: f64,
}

/// Builds the deck for an article. `title` is the deck title to use.
pub fn build(an: &Analyzer, article: &Article, title: &str, source: Option<Source>, opts: &Options) -> Deck {
    let mut vocab = Vocab::new(an);
    let mut sents: Vec<Sent> = Vec::new();
    let mut push_blocks = |blocks: &[crate::article::Block], section: Option<usize>, vocab: &mut Vocab| {
        for (bi, b) in blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind != BlockKind::Code && !is_placeholder(&b.text))
        {
            let mut split: Vec<String> = Vec::new();
            for s in extract::sentences(&b.text) {
                // "... first. Then:" – a bare lead-in joins the sentence before it.
                match split.last_mut() {
                    Some(prev) if s.ends_with(':') && s.split_whitespace().count() < 4 => {
                        prev.push(' ');
                        prev.push_str(s);
                    }
                    _ => split.push(s.to_string()),
                }
            }
            let last = split.len().saturating_sub(1);
            for (si, s) in split.into_iter().enumerate() {
                let tokens = extract::tokenize(an, vocab, &s);
                // "If `make test` produces something like" over its
                // output leads it as a colon would.
                // So does "... with the `--debug` flag e.g." over its example.
                let unfinished_over_code =
                    (!s.ends_with(['.', '!', '?', ')', '"', '”']) || s.ends_with(" e.g.") || s.ends_with(" i.e."))
                        && blocks.get(bi + 1).is_some_and(|n| n.kind == BlockKind::Code);
                let leads = (si == last && (s.ends_with(':') || unfinished_over_code))
                    .then(|| introduced(&blocks[bi + 1..]))
                    .flatten();
                let resumes = si == 0
                    && bi >= 2
                    && blocks[bi - 1].kind == BlockKind::Code
                    && blocks[bi - 2].kind == BlockKind::Prose
                    && !blocks[bi - 2].text.ends_with(['.', '!', '?', ':'])
                    && s.starts_with(char::is_lowercase);
                sents.push(Sent {
                    section,
                    line: b.line,
                    tokens,
                    vec: SparseVec::default(),
                    leads,
                    item: b.kind == BlockKind::Item,
                    resumes,
                    marked: b.kind == BlockKind::Answer,
                    cues: OnceCell::new(),
                    words: OnceCell::new(),
                    cent: 0.0,
                    weight: 0.0,
                    lower: OnceCell::new(),
                    text: s,
                });
            }
        }
    };
    push_blocks(&article.intro, None, &mut vocab);
    for (i, s) in article.sections.iter().enumerate() {
        push_blocks(&s.blocks, Some(i), &mut vocab);
    }
    let questions: Vec<Vec<Asked>> = article
        .sections
        .iter()
        .map(|s| {
            extract::split_questions(&s.question)
                .iter()
                .map(|q| asked(an, &mut vocab, q))
                .collect()
        })
        .collect();
    let title_terms: HashSet<u32> = extract::content_terms(&extract::tokenize(an, &mut vocab, title))
        .into_iter()
        .collect();

    // Document frequency: `last` marks the sentence that counted a term last,
    // so repeats within a sentence count once without a set per sentence.
    let mut df = vec![0u32; vocab.len()];
    let mut last = vec![usize::MAX; vocab.len()];
    for (k, s) in sents.iter().enumerate() {
        for t in s.tokens.iter().filter(|t| !t.stop) {
            if last[t.term as usize] != k {
                last[t.term as usize] = k;
                df[t.term as usize] += 1;
            }
        }
    }
    // Sentences were pushed section by section.
    let mut section_range = vec![0..0; article.sections.len()];
    for (k, s) in sents.iter().enumerate() {
        if let Some(i) = s.section {
            let r = &mut section_range[i];
            if r.start == r.end {
                *r = k..k + 1;
            } else {
                r.end = k + 1;
            }
        }
    }
    let idf = extract::idf(&df, sents.len());
    for s in &mut sents {
        s.vec = SparseVec::from_tokens(&s.tokens, &idf);
        s.weight = s.vec.entries.iter().map(|&(t, _)| idf[t as usize]).sum();
    }
    let dims = vocab.len();
    let mut summer = Summer::new(dims);
    let article_centroid = summer.sum(sents.iter().map(|s| &s.vec));
    let intro_centroid = summer.sum(sents.iter().filter(|s| s.section.is_none()).map(|s| &s.vec));
    // Each section's centroid is held densely while its own sentences are
    // compared with it.
    let mut dense = DenseVec::zeros(dims);
    for r in &section_range {
        let centroid = summer.sum(sents[r.clone()].iter().map(|s| &s.vec));
        dense.set(&centroid);
        for s in &mut sents[r.clone()] {
            s.cent = dense.cosine(&s.vec);
        }
        dense.clear(&centroid);
    }

    let mut capitalised = vec![false; vocab.len()];
    let mut lowercase = vec![false; vocab.len()];
    for s in &sents {
        for (i, t) in s.tokens.iter().enumerate() {
            if t.cap && i > 0 {
                capitalised[t.term as usize] = true;
            }
            if !t.cap && !t.num {
                lowercase[t.term as usize] = true;
            }
        }
    }
    let n = sents.len().max(1);
    let mut topic = vec![false; vocab.len()];
    for &t in &title_terms {
        topic[t as usize] = true;
    }
    if n >= 8 {
        for (t, &d) in df.iter().enumerate() {
            if d as usize * 4 > n {
                topic[t] = true;
            }
        }
    }
    let ctx = TermContext {
        idf: &idf,
        lowercase: &lowercase,
        capitalised: &capitalised,
        topic: &topic,
    };
    let mut scratch = cloze::Scratch::default();
    let terms: Vec<Vec<Term>> = sents
        .iter()
        .map(|s| cloze::candidates_in(&mut scratch, &s.text, &s.tokens, &ctx))
        .collect();

    let mut cards: Vec<(usize, u8, usize, Card)> = Vec::new();
    // How well each sentence answers its section's question (0..1); intro
    // sentences by their centrality in the intro.
    let mut relevance = vec![0.0; sents.len()];
    dense.set(&intro_centroid);
    for (k, s) in sents.iter().enumerate().filter(|(_, s)| s.section.is_none()) {
        relevance[k] = dense.cosine(&s.vec);
    }
    dense.clear(&intro_centroid);
    let intro_max = sents
        .iter()
        .zip(&relevance)
        .filter(|(s, _)| s.section.is_none())
        .map(|(_, &r)| r)
        .fold(0.0, f64::max);
    for (k, _) in sents.iter().enumerate().filter(|(_, s)| s.section.is_none()) {
        relevance[k] = if intro_max > 0.0 { relevance[k] / intro_max } else { 0.0 };
    }
    for (i, section) in article.sections.iter().enumerate() {
        // Sentences were pushed section by section.
        let idxs: Vec<usize> = section_range[i].clone().collect();
        // The scores for the whole question line choose its answer and
        // rank the section's sentences as cloze material.
        let whole = whole_question(&questions[i], &idf);
        let scores: Vec<f64> = idxs
            .iter()
            .map(|&k| answer_score(&sents[k], &whole, &idf, k == idxs[0]))
            .collect();
        // A section that opens with a list is answered by the list (up to
        // ten items), not by one item picked from it nor by the remarks
        // after it ("Start with these").
        let only_list = section.blocks.iter().take(2).all(|b| b.kind == BlockKind::Item) && section.blocks.len() > 1;
        // A multiple-choice question's marked answer is its answer; the
        // options and any remarks are context.
        let marked: Vec<usize> = idxs.iter().copied().filter(|&k| sents[k].marked).take(2).collect();
        let only_list = only_list && marked.is_empty();
        let mut chosen = if !marked.is_empty() {
            marked
        } else if only_list {
            idxs.iter().copied().take_while(|&k| sents[k].item).collect()
        } else {
            choose_answer(&sents, &idxs, &questions[i], &whole, &scores, &idf)
        };
        // A sentence that goes on after code is half of one: its opening
        // part, which brings the code, comes with it.
        for at in (0..chosen.len()).rev() {
            let k = chosen[at];
            if sents[k].resumes && k > 0 && idxs.contains(&(k - 1)) && !chosen.contains(&(k - 1)) {
                chosen.insert(at, k - 1);
            }
        }
        // "How do I renew my permit?" is answered by the numbered steps,
        // not by the remark before or after them, unless the sentence
        // chosen already brings them ("Then:").
        let steps = (whole.procedural && !only_list && !chosen.iter().any(|&k| sents[k].leads.is_some()))
            .then(|| numbered_steps(&section.blocks))
            .flatten();
        if let Some(run) = &steps {
            let lines = run.start..run.end;
            chosen = idxs
                .iter()
                .copied()
                .filter(|&k| sents[k].item && lines.contains(&sents[k].line))
                .collect();
        }
        // An item of a list that a chosen sentence brings along ("See:")
        // is in the answer once, in its list.
        let brought = |k: usize| {
            chosen.iter().any(|&j| {
                j < k
                    && (j + 1..=k).all(|m| sents[m].item && sents[m].section == Some(i))
                    && sents[j]
                        .leads
                        .as_ref()
                        .is_some_and(|list| list.contains(&sents[k].text))
            })
        };
        let chosen: Vec<usize> = chosen.iter().copied().filter(|&k| !brought(k)).collect();
        let max = scores.iter().copied().fold(0.0, f64::max);
        for (&k, sc) in idxs.iter().zip(&scores) {
            relevance[k] = if max > 0.0 { sc / max } else { 0.0 };
        }
        if unwritten(section) {
            continue;
        }
        let context = section.answer_text().trim().to_string();
        let answer = if chosen.is_empty() {
            first_words(&context, 60)
        } else if only_list {
            introduced(&section.blocks).unwrap_or_default()
        } else if let Some(run) = &steps {
            run.text.clone()
        } else {
            let mut joined = String::new();
            let mut after_block = false;
            let mut prev: Option<&Sent> = None;
            // One item alone answers without its bullet.
            let alone = chosen
                .iter()
                .all(|&j| sents[j].item && sents[j].line == sents[chosen[0]].line && sents[j].leads.is_none());
            for &k in &chosen {
                // After the list or code a sentence brings, the next one
                // starts a line of its own: "```" closes a block alone. So
                // does a bulleted item after another block ("See" over "* a"
                // and "* b").
                let bulleted = |x: &Sent| x.item && x.text.starts_with(['*', '-', '+', '•']);
                // So does a sentence after a fragment of another block
                // ("`glxext.h`: the GLX extensions header"), which a space
                // would run on into it.
                let item_edge = prev.is_some_and(|p| {
                    p.line != sents[k].line
                        && (bulleted(p)
                            || bulleted(&sents[k])
                            || !p.text.ends_with(['.', '!', '?', ':', ';', ',', ')', '"', '”']))
                });
                if !joined.is_empty() {
                    joined.push(if after_block || item_edge { '\n' } else { ' ' });
                }
                joined.push_str(if alone {
                    article::strip_bullet(&sents[k].text).unwrap_or(&sents[k].text)
                } else {
                    &sents[k].text
                });
                prev = Some(&sents[k]);
                after_block = sents[k].leads.is_some();
                if let Some(what) = &sents[k].leads {
                    joined.push('\n');
                    joined.push_str(what);
                }
            }
            joined.trim().to_string()
        };
        // Sentences of nothing but invisible characters trim to nothing.
        let answer = if answer.is_empty() {
            first_words(&context, 60)
        } else {
            answer
        };
        // A table or a short code block right under the question is what
        // it asks for ("What are the prices?"); the sentences only add to it.
        let answer = match section.blocks.first() {
            Some(b)
                if b.kind == BlockKind::Code && b.text.lines().count() <= 12 && !only_list && !chosen.is_empty() =>
            {
                format!("{}\n{answer}", b.text)
            }
            _ => answer,
        };
        let question = section.question.trim().to_string();
        if answer.trim().is_empty() || question.is_empty() {
            continue;
        }
        let qterms: HashSet<u32> = questions[i].iter().flat_map(|a| a.terms.iter().copied()).collect();
        // A list the answer introduces is part of it: its items' terms count.
        let mut answer_sents = chosen.clone();
        for &k in &chosen {
            if sents[k].leads.is_some() {
                answer_sents.extend((k + 1..sents.len()).take_while(|&j| sents[j].item && sents[j].section == Some(i)));
            }
        }
        let keypoints = keypoints(&sents, &terms, &answer_sents, &idxs, &qterms, &capitalised);
        // A multiple-choice question is answered by the option chosen, and
        // its other options are the wrong answers to offer beside it; what
        // the answer line adds stays in the context.
        let (answer, distractors) = match marked_option(&section.blocks) {
            Some((right, wrong)) => (right, wrong),
            None => (answer, Vec::new()),
        };
        let mut tags = vec![format!("q{}", i + 1)];
        tags.extend(section.category.as_deref().and_then(category_tag));
        cards.push((
            i + 1,
            0,
            0,
            Card {
                id: String::new(),
                body: CardBody::Qa {
                    question,
                    answer: answer.trim().to_string(),
                    context: (!context.is_empty()).then_some(context),
                    keypoints,
                    distractors,
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
    let pool = Pool::new(&sents, &terms, &capitalised);
    dense.set(&article_centroid);
    for (k, term) in choose_clozes(&sents, &terms, wanted, &dense, &relevance) {
        let s = &sents[k];
        let answer = &s.text[term.start..term.end];
        // A card is seen alone: a list item's number ("4) Because ...")
        // numbers nothing there.
        let number = if s.item { article::item_number_len(&s.text) } else { 0 };
        let from = if term.start >= number { number } else { 0 };
        let text = format!("{}{{{{{}}}}}{}", &s.text[from..term.start], answer, &s.text[term.end..]);
        let section_no = s.section.map_or(0, |i| i + 1);
        let mut tags = vec![s.section.map_or_else(|| "intro".to_string(), |i| format!("q{}", i + 1))];
        tags.extend(
            s.section
                .and_then(|i| article.sections[i].category.as_deref())
                .and_then(category_tag),
        );
        cards.push((
            section_no,
            1,
            k,
            Card {
                id: String::new(),
                body: CardBody::Cloze {
                    text,
                    accept: accept_forms(answer),
                    distractors: pool.distractors(&term, &s.tokens, &s.text),
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
        title: if title.trim().is_empty() {
            "Untitled deck".to_string()
        } else {
            title.trim().to_string()
        },
        source,
        generator: Some(opts.generator.clone()),
        // English goes unsaid, as in every deck written by hand.
        language: (an.language() != extract::Language::English).then(|| an.language().code().to_string()),
        cards,
    }
}

/// The tag of a category heading: its slug, unless it only says that
/// questions follow ("FAQ", "Questions").
fn category_tag(category: &str) -> Option<String> {
    let slug = slug::slugify(category);
    (!slug.is_empty() && !crate::article::only_announces_questions(category)).then_some(slug)
}

/// A section's first run of numbered list items: the lines it spans
/// (`start..end`) and its text, up to ten items.
struct Steps {
    start: usize,
    end: usize,
    text: String,
}

fn numbered_steps(blocks: &[crate::article::Block]) -> Option<Steps> {
    let numbered =
        |b: &crate::article::Block| b.kind == BlockKind::Item && b.text.starts_with(|c: char| c.is_ascii_digit());
    let first = blocks.iter().position(numbered)?;
    let run: Vec<&crate::article::Block> = blocks[first..].iter().take_while(|b| numbered(b)).take(10).collect();
    let last = run.last()?;
    (run.len() >= 2).then(|| Steps {
        start: run[0].line,
        end: last.line + 1,
        text: run.iter().map(|b| b.text.as_str()).collect::<Vec<_>>().join("\n"),
    })
}

/// The option a multiple-choice question's answer line chooses, and the
/// other options: `None` when the section has no answer line after two or
/// more lettered options, or the line names none of them.
fn marked_option(blocks: &[crate::article::Block]) -> Option<(String, Vec<String>)> {
    let answer = blocks.iter().find(|b| b.kind == BlockKind::Answer)?;
    let options: Vec<&str> = blocks
        .iter()
        .take_while(|b| b.kind != BlockKind::Answer)
        .filter(|b| b.kind == BlockKind::Item)
        .filter_map(|b| crate::article::option_letter(&b.text).map(|(_, text)| text))
        .filter(|text| !text.is_empty())
        .collect();
    if options.len() < 2 {
        return None;
    }
    // "Newton. Force is measured in newtons." chooses "Newton", and
    // "In the lower course, where ..." the longer of two options it opens
    // with.
    let said = answer.text.trim();
    let opens_with = |option: &str| {
        let option = option.trim_end_matches(['.', '!']);
        said.get(..option.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(option))
            && !said[option.len()..].starts_with(char::is_alphanumeric)
    };
    let right = options
        .iter()
        .copied()
        .filter(|o| opens_with(o))
        .max_by_key(|o| o.len())?;
    let wrong = options
        .iter()
        .filter(|o| !o.eq_ignore_ascii_case(right))
        .map(|o| o.to_string())
        .collect();
    Some((right.to_string(), wrong))
}

/// The list items (up to ten) or the code block right after a sentence
/// that ends in `:`.
fn introduced(next: &[crate::article::Block]) -> Option<String> {
    let first = next.first()?;
    match first.kind {
        // A long listing is context, not something to recall.
        BlockKind::Code => (first.text.lines().count() <= 12).then(|| first.text.clone()),
        BlockKind::Item => Some(
            next.iter()
                .take_while(|b| b.kind == BlockKind::Item)
                .take(10)
                .map(|b| b.text.as_str())
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        BlockKind::Prose | BlockKind::Answer => None,
    }
}

/// Whether a section's answer is not written yet: one short paragraph
/// that is only a note to its writers.
pub fn unwritten(section: &article::Section) -> bool {
    matches!(section.blocks.as_slice(), [b] if is_placeholder(&b.text))
}

/// An answer not written yet: "TODO", "TBD (needs a benchmark)", "Coming
/// soon." Nothing in it is worth learning.
fn is_placeholder(text: &str) -> bool {
    let text = text.trim();
    if text.len() > 80 {
        return false;
    }
    let first = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // Written in capitals, these are notes to the writers; "Todo" may be a
    // name.
    if ["TODO", "TBD", "TBA", "FIXME", "WIP"].contains(&first) {
        return true;
    }
    let bare = text.trim_matches(|c: char| !c.is_alphanumeric());
    [
        "coming soon",
        "to be written",
        "to be done",
        "work in progress",
        "to do",
    ]
    .iter()
    .any(|p| p.eq_ignore_ascii_case(bare))
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
fn answer_score(s: &Sent, question: &Question, idf: &[f64], lead: bool) -> f64 {
    let full = &question.all;
    let q = &question.terms;
    let q_weight = question.weight;
    // The vector's entries are the sentence's distinct content terms.
    let own = || s.vec.entries.iter().map(|&(t, _)| t);
    let own_weight = s.weight;
    if own_weight == 0.0 {
        return 0.0;
    }
    let shared: f64 = own().filter(|t| q.contains(t)).map(|t| idf[t as usize]).sum();
    // "What happens if the ferry is cancelled?" asks what follows: the
    // question's words name the condition, not the answer, and a sentence
    // about the cancelling itself ("Cancellations are posted ...") is none.
    let rel = match question.cue {
        Cue::Consequence => 0.3 * if shared > 0.0 { 0.6 } else { 1.0 },
        _ if q_weight > 0.0 => shared / q_weight,
        _ => 0.0,
    };
    let novelty = (own_weight - shared) / own_weight;
    let cent = s.cent;
    let len_factor = match s.tokens.len() {
        // "Symptoms include:" is as long as the list it introduces.
        _ if s.leads.is_some() => 1.0,
        0..=4 => 0.3,
        5..=7 => 0.8,
        8..=40 => 1.0,
        41..=60 => 0.8,
        _ => 0.5,
    };
    // A code span may open a sentence: "`pg_dump` reads every row ...". So
    // may a name the question asks about written in lower case ("How is
    // ripgrep licensed?" "ripgrep is dual licensed ..."), though asked what
    // to do, such a sentence more often says what the thing does than
    // what the reader should.
    let starts_well = s
        .text
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '`'))
        || (!question.procedural
            && s.text.ends_with(['.', '!'])
            && s.tokens.first().is_some_and(|t| {
                // Not a command line or a message: "stat(/var/db): No such
                // file", "sed 's/x//' file".
                let after = &s.text[t.end..];
                t.start == 0
                    && !t.stop
                    && question.all.contains(&t.term)
                    && (after.starts_with(' ') || after.starts_with("'s ") || after.starts_with("’s "))
            }));
    let mut score = (0.15 + rel.min(0.6)) * (0.2 + novelty) * (0.5 + cent) * len_factor;
    if !starts_well && !s.resumes {
        score *= 0.5;
    }
    // "This usually happens when ..." leans on the sentence before it,
    // which says more on its own.
    if !lead && opens_with_pronoun(s) {
        score *= 0.7;
    }
    // "You can also set ...": an addition to the answer given before it.
    if !lead
        && s.tokens
            .iter()
            .take(4)
            .any(|t| s.text[t.start..t.end].eq_ignore_ascii_case("also"))
    {
        score *= 0.7;
    }
    // "Additionally, ...", "Indeed, ...": a sentence that links itself to
    // the one before it goes on from an answer given there.
    if !lead
        && opens_with_any(
            &s.text,
            &[
                "additionally,",
                "indeed,",
                "moreover,",
                "furthermore,",
                "in addition,",
                "likewise,",
                "similarly,",
            ],
        )
    {
        score *= 0.7;
    }
    // "For example, `...`" shows what the sentence before it says; the
    // example alone leaves the student to guess what it shows.
    if !lead && is_example(&s.text) {
        score *= 0.4;
    }
    // "Then why is it also slower on many lines?": a question the answer
    // raises answers nothing itself.
    if s.text.ends_with('?') {
        score *= 0.4;
    }
    // "Note: ...", "Tip: ..." is an aside to the answer, not the answer.
    if is_aside(&s.text) {
        score *= 0.35;
    }
    // "For details, refer to the manual." sends the reader elsewhere for
    // what the answer should say, unless where to look is what was asked.
    if is_pointer(&s.text) && !matches!(question.cue, Cue::Place | Cue::Contact) {
        score *= 0.5;
    }
    // A list item is part of an answer; the sentence introducing the list
    // carries the whole of it. So is a step written into a paragraph
    // ("Step 3: we send a new bill.").
    if s.item || is_step(&s.text) {
        score *= 0.5;
    }
    // A sentence that ends in `:` is only an answer with what it introduces.
    // Opening a section, it introduces the answer itself ("Symptoms
    // include:" and the list).
    if s.text.ends_with(':') {
        score *= match (&s.leads, lead) {
            (Some(_), true) => 2.5,
            (Some(_), false) => 1.3,
            (None, _) => 0.4,
        };
    }
    // An instruction ("Raise your hand when you want to get off") is a
    // remedy, not the cause a "why" asks for ("Buses stop only on
    // request"), whatever cue words it holds.
    let remedy = question.cue == Cue::Cause && is_instruction(&s.text, &s.tokens);
    let cue_hit = !remedy && q_cue(s, question);
    if cue_hit {
        // Saying what a thing is, or what to do, answers outright; the
        // other cues only point to where an answer may be.
        let outright = question.cue == Cue::Definition
            || ((question.procedural || question.cue == Cue::Needs) && is_instruction(&s.text, &s.tokens))
            || (question.cue == Cue::Place && has_path(&s.text))
            || (question.cue == Cue::Contact && has_address(s))
            || (matches!(question.cue, Cue::Duration | Cue::Frequency) && has_period(s));
        score *= if outright { 2.0 } else { 1.4 };
    }
    if remedy {
        score *= 0.6;
    }
    // "What can I put in it?" is not answered by what must stay out.
    if question.cue == Cue::Things && negated(s) {
        score *= 0.6;
    }
    // A section's opening sentence that restates much of the question
    // without giving what it asks for is a lead-in ("X has been a topic of
    // debate"), not the answer. Counted, not weighted: the question's own
    // rare words would dominate. A yes/no question's restatement is its
    // verdict ("Do I need a permit?" – "You need no permit for ...").
    // A sentence that names a command, a file or a value in a code span
    // gives something, whatever it restates ("Only `main` builds on every
    // push").
    if lead && !question.polar && !cue_hit && s.leads.is_none() && !full.is_empty() && !s.text.contains('`') && {
        // One shared word is no restatement of a short question ("Who
        // can get a library card?" answered "Anyone ... can get a
        // card"), nor are two of one that names little more than its
        // subject ("What fuel do the club stoves use?" answered "All club
        // stoves burn ...").
        let restated = own().filter(|t| full.contains(t)).count();
        restated >= if full.len() <= 4 { 3 } else { 2 } && restated * 5 >= full.len() * 2
    } {
        score *= 0.5;
    }
    // "What drives evaporation?": a sentence that names something new
    // before the question's verb names what drives it.
    if let Some(verb) = question.agent
        && let Some(at) = s.tokens.iter().position(|t| t.term == verb)
        && s.tokens[..at].iter().any(|t| !t.stop && !full.contains(&t.term))
    {
        score *= 1.6;
    }
    // Answers tend to lead with what was asked about: "China tends to ...".
    if s.tokens.first().is_some_and(|t| !t.stop && q.contains(&t.term)) {
        score *= 1.5;
    }
    score
}

/// Whether a sentence gives a span of time as a figure and a unit: "6
/// minutes", "three weeks".
fn has_period(s: &Sent) -> bool {
    s.tokens.windows(2).any(|w| {
        (w[0].num || w[0].flags & cloze::flag::NUMBER_WORD != 0) && TIME_UNITS.contains(&&s.text[w[1].start..w[1].end])
    })
}

/// Whether a sentence gives a way to get in touch: an e-mail address, a
/// web address or a telephone number.
fn has_address(s: &Sent) -> bool {
    let text = &s.text;
    let email = text.contains('@')
        && text.split_whitespace().any(|w| {
            w.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.trim_end_matches(['.', ',', ')']).contains('.'))
        });
    let web = text.contains("http://") || text.contains("https://") || text.contains("www.");
    let phone = || (0..s.tokens.len()).any(|i| cloze::telephone_end(text, &s.tokens, i).is_some());
    email || web || phone()
}

/// Whether a sentence opens as a numbered step: "Step 2: ...", "Step 3 –".
fn is_step(text: &str) -> bool {
    text.get(..5).is_some_and(|head| head.eq_ignore_ascii_case("step "))
        && text[5..].starts_with(|c: char| c.is_ascii_digit())
}

/// Whether a sentence opens with the label of an aside: "Note:", "Tip:".
fn is_aside(text: &str) -> bool {
    opens_with_any(text, &["note:", "info:", "tip:", "hint:", "see also:"])
}

/// Whether a sentence opens by sending the reader elsewhere for more.
fn is_pointer(text: &str) -> bool {
    // By the first letter: every sentence of every section comes here.
    let openings: &[&str] = match text.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b'f') => &[
            "for details",
            "for more details",
            "for further details",
            "for more information",
            "for further information",
            "for more info",
        ],
        Some(b'm') => &["more information", "more details"],
        Some(b'r') => &["refer to"],
        Some(b'p') => &["please refer to"],
        _ => return false,
    };
    opens_with_any(text, openings)
}

/// Whether a sentence opens as an example of what was said before it.
fn is_example(text: &str) -> bool {
    opens_with_any(text, &["for example", "for instance", "e.g.", "as an example"])
}

/// Whether `text` opens with one of `openings`, in any case.
fn opens_with_any(text: &str, openings: &[&str]) -> bool {
    openings
        .iter()
        .any(|o| text.get(..o.len()).is_some_and(|head| head.eq_ignore_ascii_case(o)))
}

/// Whether a sentence says what is not: "do not", "never", "no".
fn negated(s: &Sent) -> bool {
    s.text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .any(|w| {
            ["not", "never", "no", "cannot"]
                .iter()
                .any(|n| w.eq_ignore_ascii_case(n))
                || w.ends_with("n't")
                || w.ends_with("n’t")
        })
}

/// Whether a text names a file path: `/etc/app.toml`, `~/.config/app`,
/// `C:\\Users`.
fn has_path(text: &str) -> bool {
    // Most sentences have no slash at all.
    if !text.contains(['/', '\\']) {
        return false;
    }
    text.split_whitespace().any(|w| {
        let w = w.trim_matches(['`', '"', '“', '”', '(', ')', ',', '.']);
        w.starts_with(['/', '~']) && w.len() > 2 && w[1..].contains(['/', '.']) || w.contains(":\\")
    })
}

/// Whether a sentence opens as an instruction: a content word and then an
/// object ("Run the cycle", "Connect your phone", "Bring one document",
/// "Allow two days"), which in English is a verb in the imperative.
fn is_instruction(text: &str, tokens: &[Token]) -> bool {
    use cloze::flag::{NUMBER_WORD, OBJECT_LEAD, PLURAL, UI_VERB};
    let word = |t: &Token| &text[t.start..t.end];
    // "Top up the pressure", "Switch off the power": a verb's particle
    // before its object.
    let particle = |t: &Token| {
        ["up", "off", "out", "back", "away", "down"]
            .iter()
            .any(|p| word(t).eq_ignore_ascii_case(p))
    };
    if let [verb, p, object, ..] = tokens
        && !verb.stop
        && !verb.num
        && verb.flags & PLURAL == 0
        && particle(p)
        && object.flags & OBJECT_LEAD != 0
    {
        return true;
    }
    matches!(tokens, [verb, object, _, ..]
        if !verb.stop && !verb.num
            && (object.flags & (OBJECT_LEAD | NUMBER_WORD) != 0
                || ["one", "each", "every"].iter().any(|w| word(object).eq_ignore_ascii_case(w))
                // "Use fine-tipped tweezers": a verb that only opens
                // instructions, before a word that is no plural noun
                // ("Search results are ...", "Email addresses ...").
                || (verb.flags & UI_VERB != 0 && !object.cap && !object.num && object.flags & PLURAL == 0)
                // "Pass `--units metric`", "Run `lanterna doctor`".
                || text[verb.end..].starts_with(" `")))
}

/// Whether a sentence says what to do: an instruction, or advice to the
/// reader ("You can challenge your band ...", "You should keep ...").
fn is_advice(s: &Sent) -> bool {
    const OPENINGS: &[&str] = &[
        "you can ",
        "you could ",
        "you should ",
        "you must ",
        "you need to ",
        "you'll need to ",
        "you’ll need to ",
        "you will need to ",
        "you may want to ",
        "we recommend ",
        "we suggest ",
    ];
    is_instruction(&s.text, &s.tokens)
        || OPENINGS
            .iter()
            .any(|o| s.text.get(..o.len()).is_some_and(|head| head.eq_ignore_ascii_case(o)))
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
    /// "How long": a figure or a unit of time.
    Duration,
    /// "How often": a figure, a unit of time, or a frequency ("twice",
    /// "weekly"), which says nothing of how long ("if you turn it down
    /// twice" answers no "how long").
    Frequency,
    /// "Can I ...?", "Am I allowed to ...?": a sentence that allows or
    /// forbids.
    Permission,
    /// "Where ...?": a path, or a place named after "in", "at", "on".
    Place,
    /// "What happens if the ferry is cancelled?": what follows, not more
    /// of the condition.
    Consequence,
    /// "What can I put in it?": things, listed, and not what is ruled out.
    Things,
    /// "What do I need to join?": what to bring or do ("Bring one
    /// document ..."), or what is required of everyone.
    Needs,
    /// "Who should I contact if ...?", "How do I reach you?": an address,
    /// a number, or the office or team to turn to.
    Contact,
    /// "Who looks after the farm?": a sentence that names someone (a
    /// person, a team, a name) near its start, and is no instruction.
    Person,
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
    let contact_verb = has(&[
        "contact", "call", "email", "phone", "ring", "ask", "speak", "talk", "write", "report", "reach",
    ]) || q.contains("get in touch");
    if contact_verb && (words.first() == Some(&"who") || q.contains("contact") || q.contains("get in touch")) {
        Cue::Contact
    } else if matches!(words.first(), Some(&("who" | "whom"))) {
        Cue::Person
    } else if matches!(
        words.as_slice(),
        [
            "what",
            "happens" | "happened",
            "if" | "when" | "after" | "once" | "unless",
            ..
        ] | [
            "what",
            "will" | "would" | "should",
            "happen",
            "if" | "when" | "after" | "once" | "unless",
            ..
        ]
    ) {
        Cue::Consequence
    } else if has(&[
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
    } else if q.contains("how long") {
        Cue::Duration
    } else if q.contains("how often") {
        Cue::Frequency
    } else if q.contains("how many") || q.contains("how much") || q.contains("how old") {
        Cue::Quantity
    } else if has(&["where"]) {
        Cue::Place
    } else if matches!(words.first(), Some(&("what" | "which"))) && has(NEED_WORDS) {
        Cue::Needs
    } else if matches!(
        words.as_slice(),
        ["what" | "which", "can" | "should" | "may" | "must" | "do", "i" | "we" | "you", verb, ..] if *verb != "do"
    ) || matches!(words.as_slice(), ["what" | "which", _, "can" | "may", "go" | "be", ..])
    {
        // "What can I put in it?", "Which plastics can go in the bin?"
        Cue::Things
    } else if has(&["when", "year", "date", "time", "times", "duration"]) {
        Cue::Time
    } else if has(&[
        "how", "approach", "method", "methods", "way", "ways", "strategy", "means",
    ]) {
        Cue::Means
    } else if matches!(words.as_slice(), ["can" | "may" | "could", "i" | "we", ..])
        || matches!(words.first(), Some(&("am" | "are" | "is"))) && has(&["allowed", "permitted"])
    {
        Cue::Permission
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
    "quarter",
    "third",
];

/// Units of time and words of frequency: they answer "how often" and "how
/// long" as well as figures do ("every week", "a year or more").
const TIME_UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];
const FREQUENCY_WORDS: &[&str] = &[
    "once", "twice", "every", "hourly", "daily", "nightly", "weekly", "monthly", "yearly", "annually",
];

/// Words that name who does something: "The platform team owns ...",
/// "Anyone over 18 can apply".
const PERSON_WORDS: &[&str] = &[
    "team",
    "teams",
    "staff",
    "office",
    "department",
    "committee",
    "council",
    "board",
    "manager",
    "managers",
    "owner",
    "owners",
    "teacher",
    "teachers",
    "tutor",
    "tutors",
    "officer",
    "officers",
    "volunteer",
    "volunteers",
    "member",
    "members",
    "administrator",
    "administrators",
    "admin",
    "admins",
    "group",
    "desk",
    "librarian",
    "nurse",
    "doctor",
    "engineer",
    "engineers",
    "secretary",
    "chair",
    "landlord",
    "landlords",
    "tenant",
    "tenants",
    "parent",
    "parents",
    "student",
    "students",
    "trustees",
    "people",
    "person",
    "anyone",
    "everyone",
    "nobody",
    "only",
    "whoever",
    "applicants",
    "residents",
    "customers",
    "users",
    "you",
];

/// Who to turn to, the answer to "Who should I contact?".
const CONTACT_WORDS: &[&str] = &[
    "office",
    "team",
    "desk",
    "helpline",
    "hotline",
    "department",
    "email",
    "e-mail",
    "call",
    "phone",
    "contact",
    "reception",
];

/// Words that allow or forbid, the answer to "Can I ...?".
const PERMISSION_WORDS: &[&str] = &[
    "allowed",
    "welcome",
    "permitted",
    "permission",
    "forbidden",
    "prohibited",
    "banned",
    "accepted",
    "accept",
    "cannot",
    "can't",
];

/// Phrases that mark a contrast, a cause or a means, as substrings, not
/// words: real text glues words together ("hashowever").
const CONTRAST_PHRASES: &[&str] = &[
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
];
const CAUSE_PHRASES: &[&str] = &[
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
    // "No manifest exists yet, so every file counts as new."
    ", so ",
    // "The heap is too wet": an excess is what goes wrong.
    " too ",
];
const MEANS_PHRASES: &[&str] = &[
    " through ",
    " by ",
    " via ",
    " using ",
    " with the help of",
    " by means of",
    // "How is my bill worked out?": what it depends on.
    " depends on ",
    " depend on ",
    " based on ",
    " according to ",
];
const WORD_NUMBER: u8 = 1;
const WORD_TIME: u8 = 2;
const WORD_FREQUENCY: u8 = 4;
const WORD_PERMISSION: u8 = 8;

/// Each word of the lists above with its `WORD_*` bits: a sentence's words
/// are looked up once each, not compared with every list word.
static CUE_WORDS: LazyLock<HashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut map: HashMap<&'static str, u8> = HashMap::default();
    for (words, class) in [
        (NUMBER_WORDS, WORD_NUMBER),
        (TIME_UNITS, WORD_TIME),
        (FREQUENCY_WORDS, WORD_FREQUENCY),
        (PERMISSION_WORDS, WORD_PERMISSION),
    ] {
        for &w in words {
            *map.entry(w).or_default() |= class;
        }
    }
    map
});

/// The `WORD_*` bits of the words of a lowercased sentence.
fn word_classes(lower: &str) -> u8 {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .fold(0, |m, w| m | CUE_WORDS.get(w).copied().unwrap_or(0))
}

const CUE_CONTRAST: u8 = 1;
const CUE_CAUSE: u8 = 2;
const CUE_MEANS: u8 = 4;

/// All cue phrases in one automaton: a sentence is read once for all three
/// kinds, not once per phrase per question asked of it.
static CUE_FINDER: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(CONTRAST_PHRASES.iter().chain(CAUSE_PHRASES).chain(MEANS_PHRASES)).ok());

/// The [`CUE_CONTRAST`], [`CUE_CAUSE`] and [`CUE_MEANS`] bits of a
/// lowercased sentence.
fn cue_mask(lower: &str) -> u8 {
    let bit = |pattern: usize| {
        if pattern < CONTRAST_PHRASES.len() {
            CUE_CONTRAST
        } else if pattern < CONTRAST_PHRASES.len() + CAUSE_PHRASES.len() {
            CUE_CAUSE
        } else {
            CUE_MEANS
        }
    };
    match CUE_FINDER.as_ref() {
        Some(finder) => {
            let mut mask = 0;
            for m in finder.find_overlapping_iter(lower) {
                mask |= bit(m.pattern().as_usize());
                if mask == CUE_CONTRAST | CUE_CAUSE | CUE_MEANS {
                    break;
                }
            }
            mask
        }
        // Building an automaton of a few dozen short phrases does not
        // fail; were it to, the phrases are looked for one by one.
        None => [CONTRAST_PHRASES, CAUSE_PHRASES, MEANS_PHRASES]
            .iter()
            .zip([CUE_CONTRAST, CUE_CAUSE, CUE_MEANS])
            .filter(|(ws, _)| ws.iter().any(|w| lower.contains(w)))
            .fold(0, |m, (_, b)| m | b),
    }
}

fn q_cue(s: &Sent, question: &Question) -> bool {
    let lower = || s.lower.get_or_init(|| s.text.to_lowercase());
    let cues = || *s.cues.get_or_init(|| cue_mask(lower()));
    let has_word = |class: u8| *s.words.get_or_init(|| word_classes(lower())) & class != 0;
    let digits = || s.tokens.iter().any(|tok| tok.num);
    match question.cue {
        Cue::None | Cue::Consequence => false,
        Cue::Definition => {
            let opens_with_term = s
                .tokens
                .iter()
                .take(4)
                .any(|tok| !tok.stop && question.terms.contains(&tok.term));
            opens_with_term && {
                let head: String = lower().chars().take(80).collect();
                [" is ", " are ", " means ", " refers to ", " was "]
                    .iter()
                    .any(|w| head.contains(w))
            }
        }
        Cue::Contrast => cues() & CUE_CONTRAST != 0,
        Cue::Cause => cues() & CUE_CAUSE != 0,
        // "How do I book one?" is answered by what to do: "Write your
        // name on the sheet".
        Cue::Means => cues() & CUE_MEANS != 0 || (question.procedural && is_instruction(&s.text, &s.tokens)),
        Cue::Quantity => digits() || has_word(WORD_NUMBER | WORD_TIME | WORD_FREQUENCY),
        // A count in words says nothing of when: "We review applications in
        // three rounds" is no answer to "When is the deadline?".
        Cue::Time => {
            digits()
                || has_word(WORD_TIME | WORD_FREQUENCY)
                || s.tokens.iter().any(|t| t.flags & cloze::flag::MONTH != 0)
        }
        Cue::Duration => digits() || has_word(WORD_TIME),
        Cue::Frequency => digits() || has_word(WORD_TIME | WORD_FREQUENCY),
        Cue::Permission => has_word(WORD_PERMISSION),
        Cue::Contact => {
            has_address(s)
                || s.tokens.iter().any(|t| {
                    let w = &s.text[t.start..t.end];
                    CONTACT_WORDS.iter().any(|c| c.eq_ignore_ascii_case(w))
                })
        }
        Cue::Things => s.text.matches(", ").count() >= 2 && !negated(s),
        // "Raise a ticket in the PLAT project" says what to do, not who.
        Cue::Person => {
            !is_instruction(&s.text, &s.tokens)
                && s.tokens.iter().take(6).enumerate().any(|(i, t)| {
                    let named = t.cap && !t.stop && !t.num && (i > 0 || s.tokens.get(1).is_some_and(|n| n.cap));
                    named
                        || PERSON_WORDS
                            .iter()
                            .any(|w| s.text[t.start..t.end].eq_ignore_ascii_case(w))
                })
        }
        // "Children under 16 need a parent ..." is a special case, not what
        // everyone needs: a need counts when it is the reader's.
        Cue::Needs => {
            is_instruction(&s.text, &s.tokens)
                || [
                    "you need",
                    "you'll need",
                    "you’ll need",
                    "you will need",
                    " must ",
                    "required",
                ]
                .iter()
                .any(|p| lower().contains(p))
        }
        Cue::Place => {
            has_path(&s.text)
                || s.tokens.windows(2).any(|w| {
                    w[1].cap && ["in", "at", "on", "near", "inside", "under"].contains(&&s.text[w[0].start..w[0].end])
                })
        }
    }
}

/// Words that say what kind of answer "What do I need to ...?" asks for.
const NEED_WORDS: &[&str] = &["need", "needs", "needed", "require", "required", "requirements"];

/// One question of a question line, as asked: its text, its content
/// terms, and the verb whose subject it asks for, if it asks for one.
struct Asked {
    text: String,
    terms: Vec<u32>,
    agent: Option<u32>,
}

/// A question as asked. Its content terms leave out the words of its form:
/// in "What do I need to join?" the subject is joining, and "need" is how
/// it asks, so "Children under 16 need a parent ..." shares nothing asked.
fn asked(an: &Analyzer, vocab: &mut Vocab, q: &str) -> Asked {
    let tokens = extract::tokenize(an, vocab, q);
    let need_word = |t: &Token| NEED_WORDS.iter().any(|w| q[t.start..t.end].eq_ignore_ascii_case(w));
    // Most questions hold no such word: the cue is asked of the few that do.
    let needs = tokens.iter().any(need_word) && cue_of(q) == Cue::Needs;
    let terms = tokens
        .iter()
        .filter(|t| !(t.stop || needs && need_word(t)))
        .map(|t| t.term)
        .collect();
    Asked {
        text: q.to_string(),
        terms,
        agent: agent_verb(q, &tokens),
    }
}

/// The verb of "What drives evaporation?", "Who decides the fees?",
/// "What caused the delay?": a question that asks for the subject of its
/// verb, which an answer names before the same verb ("Heat from the Sun
/// drives evaporation"). Taken when the word after the wh-word reads as a
/// verb (`-s`, `-ed`) and no auxiliary follows it ("What fuel do the
/// stoves use?" asks for an object).
fn agent_verb(q: &str, tokens: &[Token]) -> Option<u32> {
    let word = |t: &Token| &q[t.start..t.end];
    let [wh, verb, next, ..] = tokens else {
        return None;
    };
    // "Which" is nearly always followed by a noun ("Which branches build
    // ...?").
    let wh_subject = ["what", "who"].iter().any(|w| word(wh).eq_ignore_ascii_case(w));
    let v = word(verb);
    let verb_shaped = (v.ends_with('s') && !v.ends_with("ss") || v.ends_with("ed")) && v.len() > 3;
    const AUX: &[&str] = &[
        "do", "does", "did", "is", "are", "was", "were", "can", "could", "should", "will", "would", "has", "have",
        "had", "may", "might", "must",
    ];
    let aux_next = AUX.iter().any(|a| word(next).eq_ignore_ascii_case(a));
    (wh_subject && verb_shaped && !verb.stop && !verb.num && !verb.cap && !aux_next).then_some(verb.term)
}

/// One (sub-)question of a question line, as the answer scorer sees it.
struct Question {
    terms: HashSet<u32>,
    /// The summed IDF of `terms`.
    weight: f64,
    /// Terms of the whole line.
    all: HashSet<u32>,
    cue: Cue,
    /// A yes/no question ([`is_polar`]).
    polar: bool,
    /// Asks what to do ([`is_procedural`]).
    procedural: bool,
    /// The verb whose subject is asked for ([`agent_verb`]).
    agent: Option<u32>,
}

/// A question asking what to do: "How do I …?", "How can we …?", "How to
/// …?", "What can I do?".
fn is_procedural(q: &str) -> bool {
    let lower = q.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(4)
        .collect();
    matches!(
        words.as_slice(),
        ["how", "to", ..]
            | [
                "how",
                "do" | "can" | "should" | "would" | "could" | "must",
                "i" | "you" | "we",
                ..
            ]
            | ["what", "can" | "should" | "do" | "must", "i" | "we", "do", ..]
    )
}

/// The sentence of a question line that asks: "What can I do?" of "I
/// think my band is wrong. What can I do?", whose first sentence only sets
/// the scene. The whole line when it is one sentence.
fn asking_part(q: &str) -> &str {
    let q = q.trim();
    if !q.ends_with('?') {
        return q;
    }
    let body = &q[..q.len() - 1];
    match body.rfind(['.', '!']).filter(|&at| body[at + 1..].starts_with(' ')) {
        Some(at) if body[at + 1..].trim_start().starts_with(|c: char| c.is_uppercase()) => q[at + 1..].trim_start(),
        _ => q,
    }
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

impl Question {
    /// The question asked by `text`, of `terms`, on a line of `all`.
    fn new(text: &str, terms: HashSet<u32>, all: HashSet<u32>, agent: Option<u32>, idf: &[f64]) -> Self {
        // Summed once here, not for each sentence scored against it.
        let weight = terms.iter().map(|&t| idf[t as usize]).sum();
        let asks = asking_part(text);
        Question {
            terms,
            weight,
            all,
            cue: cue_of(asks),
            polar: is_polar(asks),
            procedural: is_procedural(asks),
            agent,
        }
    }
}

fn whole_question(questions: &[Asked], idf: &[f64]) -> Question {
    let all: HashSet<u32> = questions.iter().flat_map(|a| a.terms.iter().copied()).collect();
    let text = questions.iter().map(|a| a.text.as_str()).collect::<Vec<_>>().join(" ");
    let agent = match questions {
        [one] => one.agent,
        _ => None,
    };
    Question::new(&text, all.clone(), all, agent, idf)
}

/// One sentence per question asked on the line (at most two), else the
/// best one, plus a close runner-up when it is short enough to stay concise.
fn choose_answer(
    sents: &[Sent],
    idxs: &[usize],
    questions: &[Asked],
    whole: &Question,
    whole_scores: &[f64],
    idf: &[f64],
) -> Vec<usize> {
    if idxs.is_empty() {
        return Vec::new();
    }
    let all: HashSet<u32> = questions.iter().flat_map(|a| a.terms.iter().copied()).collect();
    let lead = idxs[0];
    let best = |scored: &mut dyn Iterator<Item = (f64, usize)>, chosen: &[usize]| {
        scored
            .filter(|(_, k)| !chosen.contains(k))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
    };
    let rank = |q: &Question, chosen: &[usize]| {
        best(
            &mut idxs.iter().map(|&k| (answer_score(&sents[k], q, idf, k == lead), k)),
            chosen,
        )
    };
    // No sentence of the section says any word of the question ("How is
    // it treated?" – "Most people recover fully after a course of
    // antibiotics ..."): the opening sentence is then the best guess, as
    // answers lead with what was asked.
    let unmatched = idxs.len() > 1
        && !whole.terms.is_empty()
        && idxs
            .iter()
            .all(|&k| !sents[k].vec.entries.iter().any(|(t, _)| whole.terms.contains(t)));
    // The whole line's scores are known already.
    let rank_whole = |chosen: &[usize], lead_boost: f64| {
        let mut boosted = whole_scores
            .iter()
            .zip(idxs)
            .map(|(&sc, &k)| (if k == lead { sc * lead_boost } else { sc }, k));
        best(&mut boosted, chosen)
    };
    let mut chosen: Vec<usize> = Vec::new();
    // "Is X a problem?" answered "No. ...": the verdict and the sentence
    // after it.
    let polar = questions.first().is_some_and(|a| is_polar(&a.text));
    let yes_no = |k: usize| {
        let text = article::strip_bullet(&sents[k].text).unwrap_or(&sents[k].text);
        let first_word = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        first_word.eq_ignore_ascii_case("yes") || first_word.eq_ignore_ascii_case("no")
    };
    // A verdict in other words is as short: "Not necessarily.", "It
    // depends.", "Sometimes."
    let short_verdict = sents[lead].tokens.len() <= 3 && !sents[lead].text.ends_with([':', '?']);
    if polar && (yes_no(lead) || short_verdict) {
        // "Yes, but less well." says too little alone, and a line that
        // asks two things ("Can we ...? Can we ...?") has two replies.
        return if (sents[lead].tokens.len() <= 5 || questions.len() >= 2) && idxs.len() > 1 {
            vec![idxs[0], idxs[1]]
        } else {
            vec![idxs[0]]
        };
    }
    if questions.len() >= 2 {
        for a in questions.iter().take(2) {
            let q = Question::new(&a.text, a.terms.iter().copied().collect(), all.clone(), a.agent, idf);
            if let Some((_, k)) = rank(&q, &chosen) {
                chosen.push(k);
            }
        }
    } else {
        if let Some((_, k)) = rank_whole(&chosen, if unmatched { 1.5 } else { 1.0 }) {
            chosen.push(k);
            // Unboosted: the opening sentence's place makes it the answer,
            // not a reason to leave out the next best.
            let raw = |k: usize| whole_scores[k - lead];
            if let Some((second, k2)) = rank_whole(&chosen, 1.0) {
                let words = sents[k].tokens.len() + sents[k2].tokens.len();
                // A question the answer goes on to raise adds nothing to it.
                if second >= 0.85 * raw(k) && words <= 45 && !sents[k2].text.ends_with('?') {
                    chosen.push(k2);
                }
            }
        }
        // "Riders must be at least 16." opens the section with the kind of
        // answer asked for, which the sentence chosen for sharing more of
        // the question's words ("Riders aged 14 and 15 can hire a bike if
        // ...") only qualifies: the two answer together.
        // So does a cause ("One of the dependencies builds a C extension.")
        // before the remedy chosen for a "why" ("Install a compiler first:").
        // "How do I get a library card?" – "Bring a photo ID ... to any
        // branch.": what to do opens the section, whatever the remark chosen
        // for sharing the question's words ("The card is free ..."), and
        // may be longer.
        let opening = &sents[lead];
        let instruction = |s: &Sent| is_instruction(&s.text, &s.tokens);
        if let Some(&k) = chosen.first()
            && k != lead
            && opening.tokens.len() + sents[k].tokens.len() <= 45
            && !opening.text.ends_with([':', '?'])
            && !is_aside(&opening.text)
        {
            let alone = chosen.len() == 1;
            let short = opening.tokens.len() <= 10;
            // "What can I do?" – "You can challenge your band ...": advice
            // too; and the first of two instructions is the first step.
            let procedure_first = alone && whole.procedural && is_advice(opening);
            let kind_asked = short && alone && whole.cue != Cue::None && q_cue(opening, whole);
            let cause_of_remedy =
                short && alone && whole.cue == Cue::Cause && instruction(&sents[k]) && !instruction(opening);
            // "Is there parking nearby?" – "The museum has no car park of
            // its own.": a verdict in other words, before the best sentence.
            // "What about plastic bags?" asks for one too: "Never use them."
            let what_about = questions.first().is_some_and(|a| {
                a.text
                    .get(..10)
                    .is_some_and(|head| head.eq_ignore_ascii_case("what about"))
            });
            // "What happens at an audition?" – "There is no audition.":
            // a denial of what the question takes for granted.
            let denial = opening.vec.entries.iter().any(|(t, _)| whole.terms.contains(t));
            // "Can I bring my dog?" – "Only on trips marked dog-friendly.":
            // a verdict that restricts.
            let only = opening.text.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("only "));
            let verdict = short && ((polar || what_about || denial) && negated(opening) || polar && only);
            // "When may you use hazard lights?" – "Only on a motorway, to
            // warn drivers behind ...": the restriction is the answer, of
            // any length.
            let asks_when = questions
                .first()
                .is_some_and(|a| a.text.get(..5).is_some_and(|head| head.eq_ignore_ascii_case("when ")));
            let only_when = alone && asks_when && only;
            // "Who can take food?" – "Anyone.": a reply of a few words
            // opening the section is the answer, the sentence after it
            // the reason.
            let terse = alone && (1..=4).contains(&opening.tokens.len());
            // "What happens if I miss the English requirement?" – "You can
            // still get a conditional offer.": what follows, in no word of
            // the condition, before how the condition is met; so does what
            // to do, of any length ("Photograph the damage and email it to
            // us within 48 hours.").
            let consequence = alone
                && whole.cue == Cue::Consequence
                && (short && !opening.vec.entries.iter().any(|(t, _)| whole.terms.contains(t)) || instruction(opening));
            if kind_asked || cause_of_remedy || verdict || procedure_first || terse || only_when || consequence {
                chosen.truncate(1);
                chosen.push(lead);
            }
        }
    }
    // "Who should I contact if ...?" – "Email the admissions office at
    // …": the address is the answer, whatever the sentence chosen for
    // sharing the question's words ("We can send your referee a reminder").
    if whole.cue == Cue::Contact
        && !chosen.is_empty()
        && !chosen.iter().any(|&k| has_address(&sents[k]))
        && let Some(&k) = idxs.iter().find(|&&k| has_address(&sents[k]))
    {
        chosen.truncate(1);
        chosen.push(k);
    }
    // A bare "No." after a note or a table still goes with the sentence it
    // is the verdict of.
    if polar {
        for i in 0..chosen.len() {
            let k = chosen[i];
            if k > lead && sents[k - 1].tokens.len() <= 2 && yes_no(k - 1) && !chosen.contains(&(k - 1)) {
                chosen.push(k - 1);
            }
        }
    }
    chosen.sort_unstable();
    chosen
}

/// Whether a key point of these content terms names something: a term the
/// question does not already say, and none a key point already took.
/// "a hydrometer" is graded as "hydrometer".
fn without_article(name: &str) -> &str {
    ["a ", "an ", "the "]
        .iter()
        .find_map(|article| {
            name.get(..article.len())
                .filter(|head| head.eq_ignore_ascii_case(article))
                .map(|_| &name[article.len()..])
        })
        .unwrap_or(name)
}

fn names_new(content: &[u32], q: &HashSet<u32>, used: &HashSet<u32>) -> bool {
    !content.is_empty() && !content.iter().all(|t| q.contains(t)) && !content.iter().any(|t| used.contains(t))
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
    capitalised: &[bool],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut used: HashSet<u32> = HashSet::default();
    // A list of "Evaporation: the Sun heats ..." items names its key
    // terms before the colons.
    for &k in chosen.iter().filter(|&&k| sents[k].item) {
        let s = &sents[k];
        let Some(colon) = label_colon(&s.text) else {
            // "Tomatoes", "French beans": a bulleted item of a few words
            // names a key term whole (a numbered one is a step).
            let Some(name) = crate::article::strip_bullet(&s.text) else {
                continue;
            };
            let name = without_article(name.trim_end_matches(['.', ',', ';']).trim());
            let content: Vec<u32> = s.tokens.iter().filter(|t| !t.stop).map(|t| t.term).collect();
            if out.len() < 6
                && s.tokens.len() <= 3
                && s.tokens.first().is_some_and(|t| t.flags & cloze::flag::UI_VERB == 0)
                && names_new(&content, q, &used)
            {
                used.extend(content);
                out.push(name.to_string());
            }
            continue;
        };
        let label: Vec<&Token> = s.tokens.iter().take_while(|t| t.end <= colon).collect();
        let content: Vec<u32> = label.iter().filter(|t| !t.stop).map(|t| t.term).collect();
        // "Step 2:", "Note:", "Tip:" name no term.
        let Some(first) = label.first() else {
            continue;
        };
        let generic = label.iter().any(|t| t.num) || generic_label(&s.text[first.start..colon]);
        if out.len() >= 6 || generic || label.len() > 4 || !names_new(&content, q, &used) {
            continue;
        }
        used.extend(content);
        out.push(s.text[first.start..colon].trim().to_string());
    }
    // A multiple-choice answer names its option ("In the lower course,
    // where ..."): the option is the key term, though the question holds
    // its words ("What does a force meter measure?" "Force.").
    for &k in chosen.iter().filter(|&&k| sents[k].marked) {
        let said = sents[k].text.to_lowercase();
        let option = section.iter().find_map(|&j| {
            let (_, text) = crate::article::option_letter(&sents[j].text).filter(|_| sents[j].item)?;
            let text = text.trim_end_matches(['.', ',', ';']).trim();
            (!text.is_empty() && said.starts_with(&text.to_lowercase())).then_some((j, text))
        });
        if let Some((j, text)) = option {
            let content: Vec<u32> = sents[j].tokens.iter().filter(|t| !t.stop).map(|t| t.term).collect();
            // No question's words to leave out: the option answers in them.
            if out.len() < 6 && names_new(&content, &HashSet::default(), &used) {
                used.extend(content);
                out.push(without_article(text).to_string());
            }
        }
    }
    // "60 mph.", "Python 3.9 to 3.13.": a figure replied in a few words is
    // a key term whole, though no blank would be over half its sentence.
    for &k in chosen
        .iter()
        .filter(|&&k| !sents[k].item && sents[k].tokens.len() <= 4 && sents[k].tokens.iter().any(|t| t.num))
    {
        let s = &sents[k];
        let content: Vec<u32> = s.tokens.iter().filter(|t| !t.stop).map(|t| t.term).collect();
        if out.len() < 6
            && !s.text.ends_with([':', '?'])
            && s.tokens.first().is_some_and(|t| t.flags & cloze::flag::UI_VERB == 0)
            && names_new(&content, q, &used)
        {
            used.extend(content);
            out.push(s.text.trim_end_matches(['.', '!', ',', ';']).trim().to_string());
        }
    }
    // (sentence, start, end) of each span taken: "March" is inside "March
    // 2027", though a figure's own terms are only its digits.
    let mut spans: Vec<(usize, usize, usize)> = Vec::new();
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
            let toks = &sents[k].tokens;
            // "1 million" and "5 million" are two figures: a figure's unit
            // is shared, its digits are what count.
            let own = || {
                toks[t.tokens.0..=t.tokens.1]
                    .iter()
                    .filter(|x| !x.stop && (t.kind != TermKind::Number || x.num))
                    .map(|x| x.term)
            };
            let text = &sents[k].text[t.start..t.end];
            // "two weeks" twice: a figure in words has no digits to count.
            if t.terms(toks).all(|x| q.contains(&x))
                || own().any(|x| used.contains(&x))
                || spans.iter().any(|&(j, a, b)| j == k && t.start < b && a < t.end)
                || out.iter().any(|o| o.eq_ignore_ascii_case(text))
            {
                continue;
            }
            // The verb of an instruction ("Open the lid", "Run the cycle")
            // is no key term, nor a label ("Note:"), which is taken above
            // when it names one; a noun opening a sentence ("Propane burns
            // hotter") may well be.
            let label = sents[k].text[t.end..].starts_with(':');
            // "at a time", "at all times", "on time": an idiom, no term.
            let idiom = t.tokens.0 == t.tokens.1
                && t.tokens.0 > 0
                && ["time", "times"].iter().any(|w| text.eq_ignore_ascii_case(w))
                && ["a", "all", "any", "same", "on", "in"].iter().any(|w| {
                    let before = &toks[t.tokens.0 - 1];
                    sents[k].text[before.start..before.end].eq_ignore_ascii_case(w)
                });
            // "Short answer: not always.": the label's words say nothing.
            let in_label = sents[k].text[t.end..]
                .split_once(':')
                .is_some_and(|(rest, _)| generic_label(&sents[k].text[..t.end + rest.len()]));
            // "Go to the sign-in page": an interface's verb opens the
            // instruction.
            let ui_verb = t.tokens == (0, 0) && toks[0].flags & cloze::flag::UI_VERB != 0;
            if lone_capital(t, toks, capitalised) && (is_instruction(&sents[k].text, toks) || label)
                || ui_verb
                || in_label
                || idiom
            {
                continue;
            }
            used.extend(own());
            spans.push((k, t.start, t.end));
            out.push(text.to_string());
        }
    };
    take(chosen, 6, &mut out);
    if out.len() < 3 {
        let rest: Vec<usize> = section.iter().copied().filter(|k| !chosen.contains(k)).collect();
        take(&rest, 3, &mut out);
    }
    out
}

/// Where a label ends in "Evaporation: the Sun heats ...": the first colon
/// outside code (`nu_protocol::ParseError` names no label) that ends a word.
fn label_colon(text: &str) -> Option<usize> {
    let code = if text.contains('`') {
        cloze::code_spans(text)
    } else {
        Vec::new()
    };
    text.match_indices(':').map(|(at, _)| at).find(|&at| {
        !code.iter().any(|&(s, e)| s <= at && at < e) && !text[at + 1..].starts_with(|c: char| !c.is_whitespace())
    })
}

/// Whether the text before a colon is a label that names nothing: "Note",
/// "Step", "Short answer", "In short".
fn generic_label(label: &str) -> bool {
    matches!(
        label.trim().to_lowercase().as_str(),
        "note"
            | "tip"
            | "warning"
            | "caution"
            | "important"
            | "example"
            | "step"
            | "option"
            | "answer"
            | "short answer"
            | "the short answer"
            | "long answer"
            | "the long answer"
            | "in short"
            | "in brief"
            | "tl;dr"
            | "tldr"
            | "bottom line"
            | "summary"
            | "update"
    )
}

/// Whether a sentence opens with a word that leans on the sentence before:
/// "It", "This", "They".
fn opens_with_pronoun(s: &Sent) -> bool {
    s.tokens.first().is_some_and(|t| t.flags & cloze::flag::PRONOUN != 0)
}

/// The `wanted` most central eligible sentences (document order kept in the
/// deck), each with its best blank; when more cards are wanted than there
/// are sentences, further blanks come from the same sentences, never the
/// same span twice.
fn choose_clozes(
    sents: &[Sent],
    terms: &[Vec<Term>],
    wanted: usize,
    article: &DenseVec,
    relevance: &[f64],
) -> Vec<(usize, Term)> {
    if wanted == 0 {
        return Vec::new();
    }
    let mut seen_text: HashSet<&str> = HashSet::default();
    let mut ranked: Vec<(f64, usize)> = Vec::new();
    for (k, s) in sents.iter().enumerate() {
        let words = s.tokens.len();
        let eligible = (6..=50).contains(&words)
            && !s.text.ends_with(['?', ':'])
            && (words > 16 || !is_stamp(&s.text))
            && !s.text.contains("{{")
            && !s.text.contains("}}")
            && s.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '"' || c == '“')
            && !terms[k].is_empty();
        if !eligible || !seen_text.insert(s.text.as_str()) {
            continue;
        }
        let specific = terms[k].iter().any(|t| t.kind != TermKind::Phrase);
        let mut score = 0.5 * relevance[k]
            + 0.35 * article.cosine(&s.vec)
            + if specific { 0.1 } else { 0.0 }
            + 0.03 * terms[k][0].score.min(5.0);
        // A card is seen alone: "It goes to the Hollins Lane site" leaves the
        // student to guess what "it" is.
        if opens_with_pronoun(s) {
            score *= 0.6;
        }
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

/// Whether a sentence only says when the page last changed ("Richard
/// Jones Last modified: Sun Jan 30 08:18:57 GMT 2000"): nothing to learn.
fn is_stamp(text: &str) -> bool {
    // Most sentences hold no "last" at all: found without lowercasing.
    let b = text.as_bytes();
    let has_last =
        memchr::memchr2_iter(b'l', b'L', b).any(|i| b.get(i..i + 5).is_some_and(|w| w.eq_ignore_ascii_case(b"last ")));
    if !has_last {
        return false;
    }
    let lower = text.to_lowercase();
    [
        "last modified",
        "last updated",
        "last changed",
        "last revised",
        "last edited",
    ]
    .iter()
    .any(|p| lower.contains(p))
        && lower.split_whitespace().count() <= 12
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
    if let Some(figure) = answer.strip_prefix(cloze::CURRENCY) {
        out.push(figure.to_string());
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

/// Whether a candidate is a lone capitalised word opening its sentence and
/// never capitalised elsewhere, nor an acronym: "Noise", "Adults",
/// "Please", "Check" are most often ordinary words, not names.
fn lone_capital(t: &Term, tokens: &[Token], capitalised: &[bool]) -> bool {
    t.kind == TermKind::Proper
        && t.tokens == (0, 0)
        && tokens[0].flags & cloze::flag::ACRONYM == 0
        && !capitalised.get(tokens[0].term as usize).copied().unwrap_or(false)
}

/// Every candidate term of the article, best per spelling, grouped by kind
/// and word count, best first: built once, searched for each cloze.
/// Candidates looked at per distractor size (best first).
const DISTRACTOR_CANDIDATES: usize = 200;

/// A candidate's score, sentence and place among the sentence's candidates.
type Scored = (f64, usize, usize);

struct Pool<'a> {
    sents: &'a [Sent],
    terms: &'a [Vec<Term>],
    /// (sentence, candidate) positions, best first.
    groups: HashMap<(TermKind, usize), Vec<(usize, usize)>>,
    max_words: usize,
    /// Spellings ([`lowercase_hash`]) of the names the article puts after
    /// "in", "at", "near", ...: places, offered for places first.
    places: HashSet<u64>,
    /// The candidates in `groups` that are places.
    place_at: HashSet<(usize, usize)>,
}

/// Words that put a place after them ("in England", "at Minsterworth",
/// "up the River Severn"); not "to" and "from", which put people there as
/// often ("write to Anna").
const LOCATIVES: &[&str] = &[
    "in",
    "at",
    "near",
    "into",
    "across",
    "around",
    "outside",
    "throughout",
    "up",
    "down",
    "along",
    "via",
];

/// Whether the name at tokens `a` of a sentence follows a locative, with
/// "the" between or not.
fn after_locative(text: &str, tokens: &[Token], a: usize) -> bool {
    let word = |k: usize| &text[tokens[k].start..tokens[k].end];
    let mut k = a;
    if k > 0 && word(k - 1).eq_ignore_ascii_case("the") {
        k -= 1;
    }
    k > 0 && LOCATIVES.iter().any(|l| word(k - 1).eq_ignore_ascii_case(l))
}

impl<'a> Pool<'a> {
    fn new(sents: &'a [Sent], terms: &'a [Vec<Term>], capitalised: &[bool]) -> Self {
        // Keyed by a hash of the lowercased spelling, computed without
        // allocating for ASCII: thousands of candidates per article, a few
        // dozen used.
        let spelling = lowercase_hash;
        // The best score is kept with its position: looking it up again
        // would touch a term anywhere in the article for every candidate.
        let mut best: HashMap<(TermKind, u64), (usize, usize, f64)> = HashMap::default();
        let mut places: HashSet<u64> = HashSet::default();
        for (k, ts) in terms.iter().enumerate() {
            for (i, t) in ts.iter().enumerate() {
                let place = t.kind == TermKind::Proper && after_locative(&sents[k].text, &sents[k].tokens, t.tokens.0);
                // As a wrong answer beside a real name, an ordinary word
                // gives the game away.
                let unfit = lone_capital(t, &sents[k].tokens, capitalised) || noun_then_verb(t, &sents[k].tokens);
                if unfit && !place {
                    continue;
                }
                let spelled = spelling(&sents[k].text[t.start..t.end]);
                if place {
                    places.insert(spelled);
                }
                if unfit {
                    continue;
                }
                let key = (t.kind, spelled);
                let e = best.entry(key).or_insert((k, i, t.score));
                if t.score > e.2 {
                    *e = (k, i, t.score);
                }
            }
        }
        // Scores ride along for the sort, which would otherwise fetch each
        // from its sentence's candidates at every comparison.
        let mut scored: HashMap<(TermKind, usize), Vec<Scored>> = HashMap::default();
        let mut max_words = 0;
        let mut place_at: HashSet<(usize, usize)> = HashSet::default();
        for ((kind, spelled), (k, i, score)) in best {
            if places.contains(&spelled) {
                place_at.insert((k, i));
            }
            let words = terms[k][i].words;
            max_words = max_words.max(words);
            scored.entry((kind, words)).or_default().push((score, k, i));
        }
        let mut groups: HashMap<(TermKind, usize), Vec<(usize, usize)>> = HashMap::default();
        for (key, mut g) in scored {
            // Only the best are ever looked at; positions make the order
            // total, so selecting them first changes nothing.
            let order = |a: &Scored, b: &Scored| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2)));
            if g.len() > DISTRACTOR_CANDIDATES {
                g.select_nth_unstable_by(DISTRACTOR_CANDIDATES, order);
                g.truncate(DISTRACTOR_CANDIDATES);
            }
            g.sort_unstable_by(order);
            groups.insert(key, g.into_iter().map(|(_, k, i)| (k, i)).collect());
        }
        Pool {
            sents,
            terms,
            groups,
            max_words,
            places,
            place_at,
        }
    }

    /// Up to three terms of the answer's kind, nearest in length first,
    /// then best; none equal to, inside or containing the answer or each
    /// other, none sharing a stem with the answer.
    /// `sentence` is the answer's: a wrong answer printed in it, beside the
    /// blank, would be ruled out at a glance.
    fn distractors(&self, answer: &Term, answer_tokens: &[Token], sentence: &str) -> Vec<String> {
        let answer_text = &sentence[answer.start..answer.end];
        let (before, after) = (&sentence[..answer.start], &sentence[answer.end..]);
        let lower = answer_text.to_lowercase();
        let mut out: Vec<(String, String)> = Vec::new();
        // (sentence, start, end) of each one taken.
        let mut taken: Vec<(usize, usize, usize)> = Vec::new();
        // "7 percent" is inside "97 percent" but no repeat of it.
        let number = answer.kind == TermKind::Number;
        let clash = |a: &str, b: &str| {
            if number {
                a == b
            } else {
                a.contains(b) || b.contains(a) || (answer.kind == TermKind::Proper && same_root(a, b))
            }
        };
        // Whether every token of a span, or any, has a flag.
        let all =
            |tokens: &[Token], t: &Term, flag: u16| tokens[t.tokens.0..=t.tokens.1].iter().all(|x| x.flags & flag != 0);
        let any =
            |tokens: &[Token], t: &Term, flag: u16| tokens[t.tokens.0..=t.tokens.1].iter().any(|x| x.flags & flag != 0);
        // A date for a date, a year for a year, an ordinal for an ordinal:
        // "1 October" is no wrong answer to "how many pounds", nor "200
        // towns" to "founded in 1143".
        let shape = |tokens: &[Token], t: &Term, text: &str| {
            if any(tokens, t, cloze::flag::MONTH) {
                NumberShape::Date
            } else if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) && ("1000".."2100").contains(&text) {
                NumberShape::Year
            } else if text.starts_with(|c: char| c.is_alphabetic()) && !text.contains(' ') {
                NumberShape::Code
            } else if text.ends_with(|c: char| c.is_alphabetic()) && !text.contains(' ') {
                NumberShape::Ordinal
            } else {
                NumberShape::Figure
            }
        };
        // Numbers with the answer's unit ("86 percent" for "97 percent")
        // make the best distractors; units are shared words, so the stem
        // rule does not apply to numbers. "£48" and "£26" share a currency
        // as "86 percent" and "97 percent" share a unit.
        fn unit(text: &str) -> &str {
            match text.chars().next() {
                Some(c) if cloze::CURRENCY.contains(&c) => &text[..c.len_utf8()],
                _ => text.rsplit(' ').next().unwrap_or(""),
            }
        }
        let currency = answer_text.starts_with(cloze::CURRENCY);
        let answer_unit = (answer.words > 1 || currency).then(|| unit(answer_text));
        let same_unit = |&(k, i): &(usize, usize)| {
            let t: &Term = &self.terms[k][i];
            let text = &self.sents[k].text[t.start..t.end];
            let unit = (t.words > 1 || text.starts_with(cloze::CURRENCY)).then(|| unit(text));
            match (answer_unit, unit) {
                (Some(a), Some(b)) => same_lowercase(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
        };
        let answer_shape = shape(answer_tokens, answer, answer_text);
        let answer_date = answer_shape == NumberShape::Date;
        let same_shape = |&(k, i): &(usize, usize)| {
            let t = &self.terms[k][i];
            shape(&self.sents[k].tokens, t, &self.sents[k].text[t.start..t.end]) == answer_shape
        };
        // An acronym for an acronym: "GP" against "NHS", not "Leeds" (a
        // name may have an acronym for a rival: "Markdown", "HTML").
        let is_acronym = |tokens: &[Token], t: &Term| all(tokens, t, cloze::flag::ACRONYM);
        let answer_acronym = is_acronym(answer_tokens, answer);
        // A place for a place, and no place for a person or a body.
        let answer_place = answer.kind == TermKind::Proper && self.places.contains(&lowercase_hash(answer_text));
        // A month for a month: "March" is no wrong answer to "GP".
        let answer_month = all(answer_tokens, answer, cloze::flag::MONTH);
        // Names of the answer's kind (place or not) of any length go
        // before the others.
        let passes: &[bool] = if answer.kind == TermKind::Proper {
            &[true, false]
        } else {
            &[false]
        };
        for (&alike_only, d) in passes.iter().flat_map(|p| std::iter::repeat(p).zip(0..=self.max_words)) {
            let mut sizes = vec![answer.words + d];
            if d > 0 && answer.words > d {
                sizes.insert(0, answer.words - d);
            }
            for size in sizes {
                let Some(group) = self.groups.get(&(answer.kind, size)) else {
                    continue;
                };
                // Only the best candidates are looked at: an article with
                // tens of thousands of numbers would otherwise cost that
                // much per card.
                let best = &group[..group.len().min(DISTRACTOR_CANDIDATES)];
                let ordered: Vec<(usize, usize)> = if answer_acronym {
                    let mut ordered: Vec<(usize, usize)> = best.to_vec();
                    ordered.sort_by_key(|&(k, i)| !is_acronym(&self.sents[k].tokens, &self.terms[k][i]));
                    ordered
                } else {
                    best.to_vec()
                };
                for c in ordered {
                    if out.len() == 3 {
                        break;
                    }
                    // "About 9 a.m. of caffeine" is no wrong answer to "About
                    // 100 mg of caffeine": only figures of the answer's unit
                    // (or dates for a date) stand in for it. Asked only of
                    // those looked at, which are few.
                    if number && !(same_shape(&c) && (answer_date || same_unit(&c))) {
                        continue;
                    }
                    let (k, i) = c;
                    let t = &self.terms[k][i];
                    if answer.kind == TermKind::Proper
                        && all(&self.sents[k].tokens, t, cloze::flag::MONTH) != answer_month
                    {
                        continue;
                    }
                    if alike_only && self.place_at.contains(&c) != answer_place {
                        continue;
                    }
                    if answer.kind != TermKind::Number
                        && t.terms(&self.sents[k].tokens)
                            .any(|x| answer.terms(answer_tokens).any(|y| x == y))
                    {
                        continue;
                    }
                    let text = &self.sents[k].text[t.start..t.end];
                    // "Russia’s" is offered as "Russia".
                    let text = match answer.kind {
                        TermKind::Proper => text
                            .strip_suffix("’s")
                            .or_else(|| text.strip_suffix("'s"))
                            .unwrap_or(text),
                        _ => text,
                    };
                    if answer.kind == TermKind::Code && code_shape(text) != code_shape(answer_text) {
                        continue;
                    }
                    let l = text.to_lowercase();
                    // "county public", "public health", "health team": cuts
                    // of one phrase, overlapping or side by side, are no
                    // two wrong answers.
                    let overlaps = taken
                        .iter()
                        .any(|&(j, a, b)| j == k && t.start <= b + 1 && a <= t.end + 1);
                    if clash(&l, &lower)
                        || out.iter().any(|(_, o)| clash(o, &l))
                        || overlaps
                        || before.contains(text)
                        || after.contains(text)
                    {
                        continue;
                    }
                    taken.push((k, t.start, t.end));
                    out.push((text.to_string(), l));
                }
            }
        }
        // Too few figures of the kind in the article: the answer's own
        // figure, changed, keeps its unit and its form.
        if number && !answer_date {
            for v in number_variants(answer_text) {
                if out.len() == 3 {
                    break;
                }
                let l = v.to_lowercase();
                if l != lower && !out.iter().any(|(_, o)| *o == l) {
                    out.push((v, l));
                }
            }
        }
        out.into_iter().map(|(text, _)| text).collect()
    }
}

/// Whether a phrase runs on from a plural into the word after it, which
/// English makes its verb ("Permits arrive", "Lessons run"): marked down
/// as a blank, and no wrong answer at all beside a noun phrase.
fn noun_then_verb(t: &Term, tokens: &[Token]) -> bool {
    t.kind == TermKind::Phrase
        && tokens[t.tokens.0..t.tokens.1]
            .iter()
            .any(|x| x.flags & cloze::flag::PLURAL != 0)
}

/// What a code span names, so that a wrong answer names the same kind of
/// thing: an option for an option (`--db`), a path for a path, a command
/// for a command, a file for a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CodeShape {
    Option,
    Path,
    Command,
    File,
    Name,
    Email,
}

fn code_shape(code: &str) -> CodeShape {
    if code.contains('@') && !code.contains(' ') {
        CodeShape::Email
    } else if code.starts_with('-') {
        CodeShape::Option
    } else if code.contains(' ') {
        CodeShape::Command
    } else if code.contains(['/', '\\']) {
        CodeShape::Path
    } else if code.starts_with('.')
        || code.rsplit_once('.').is_some_and(|(stem, ext)| {
            !ext.is_empty() && ext.len() <= 5 && ext.bytes().all(|b| b.is_ascii_alphanumeric()) && !stem.contains('(')
        })
    {
        CodeShape::File
    } else {
        CodeShape::Name
    }
}

/// Whether two names share a word's root: "Russia" and "Russians",
/// "Ukraine" and "Ukrainian", "China" and "Chinese". One is no wrong answer
/// for the other.
fn same_root(a: &str, b: &str) -> bool {
    fn words(s: &str) -> Vec<&str> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect()
    }
    let (wa, wb) = (words(a), words(b));
    wa.iter().any(|x| {
        wb.iter().any(|y| {
            let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
            let shorter = x.chars().count().min(y.chars().count());
            common >= 4 && common + 1 >= shorter
        })
    })
}

/// [`number_variants`] of a count in words with its unit ("five hours"
/// gives "six hours", "seven hours", "four hours"), in the count's case;
/// none for a range or a fraction ("seven to nine hours", "two thirds").
fn word_number_variants(answer: &str) -> Vec<String> {
    const WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let position = |w: &str| WORDS.iter().position(|n| n.eq_ignore_ascii_case(w));
    let Some((first, rest)) = answer.split_once(' ') else {
        return Vec::new();
    };
    let Some(at) = position(first) else {
        return Vec::new();
    };
    // "one to two weeks", "two or three days": a range moves as one.
    let range = rest
        .split_once(' ')
        .filter(|(link, _)| matches!(*link, "to" | "or"))
        .and_then(|(link, rest)| {
            let (upper, unit) = rest.split_once(' ')?;
            position(upper).filter(|&up| up > at).map(|up| (link, up, unit))
        });
    let next = rest.split(' ').next().unwrap_or("").to_ascii_lowercase();
    const NOT_A_UNIT: &[&str] = &[
        "to", "or", "and", "half", "third", "thirds", "quarter", "quarters", "hundred", "thousand", "million",
        "billion", "dozen",
    ];
    // "one week" alone is no figure ("one" is mostly a stop word).
    if range.is_none() && (at == 0 || NOT_A_UNIT.contains(&next.as_str())) {
        return Vec::new();
    }
    let capital = first.starts_with(|c: char| c.is_uppercase());
    let word = |i: usize| {
        let mut word = WORDS[i].to_string();
        if capital && let Some(f) = word.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        word
    };
    [1, 2, -1]
        .into_iter()
        .filter_map(|shift: isize| {
            let lo = at.checked_add_signed(shift).filter(|&i| i < WORDS.len())?;
            Some(match range {
                Some((link, up, unit)) => {
                    let hi = up.checked_add_signed(shift).filter(|&i| i < WORDS.len())?;
                    format!("{} {link} {} {unit}", word(lo), WORDS[hi])
                }
                // "one metres": a plural unit wants two or more.
                None if lo == 0 => return None,
                None => format!("{} {rest}", word(lo)),
            })
        })
        .collect()
}

/// What a number blank stands for, as far as its spelling tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NumberShape {
    Date,
    Year,
    /// "12th", "3rd", also "30-litre": a figure fused with a word.
    Ordinal,
    /// "amd64", "N9", "B12": a name with digits in it, no quantity.
    Code,
    Figure,
}

/// Plausible wrong figures for a number answer: the answer's text with its
/// one figure replaced by nearby values (halved and doubled, a year a few
/// years off, a small count one off), in the figure's own form (decimals,
/// thousands separators). A range ("10 to 25 per cent") moves as a whole.
/// None for text with no figure or with several that are no range.
fn number_variants(answer: &str) -> Vec<String> {
    if let Some(times) = clock_variants(answer) {
        return times;
    }
    if let Some(decades) = decade_variants(answer) {
        return decades;
    }
    let b = answer.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len()
                && (b[i].is_ascii_digit()
                    || (matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
            {
                i += 1;
            }
            runs.push(start..i);
        } else {
            i += 1;
        }
    }
    let range = match runs.as_slice() {
        [] => return word_number_variants(answer),
        [_] => false,
        [lo, hi] if matches!(&answer[lo.end..hi.start], " to " | " and ") => true,
        _ => return Vec::new(),
    };
    // (value, decimals, thousands separators) of each figure.
    let mut figures = Vec::new();
    for run in &runs {
        let figure = &answer[run.clone()];
        // Past 15 significant digits a figure is an identifier, not a quantity.
        match figure.replace(',', "").parse::<f64>() {
            Ok(value) if value.is_finite() && figure.len() <= 15 => figures.push((
                value,
                figure.split_once('.').map_or(0, |(_, d)| d.len()),
                figure.contains(','),
            )),
            _ => return Vec::new(),
        }
    }
    let (first, last) = (&runs[0], &runs[runs.len() - 1]);
    let (before, after) = (&answer[..first.start], &answer[last.end..]);
    // "amd64", "N9": digits in a name count nothing.
    if before.ends_with(char::is_alphabetic) {
        return Vec::new();
    }
    let unit = after.trim_start().to_lowercase();
    let percent = after.starts_with('%') || unit.starts_with("percent") || unit.starts_with("per cent");
    let era = matches!(unit.trim_end(), "" | "bc" | "ad" | "bce" | "ce");
    // "1991", "500 BC"; "400" alone is a count ("400 homes").
    let digits = if unit.trim_end().is_empty() { 4..=4 } else { 3..=4 };
    let year = era
        && before.is_empty()
        && runs.iter().zip(&figures).all(|(run, &(value, decimals, commas))| {
            decimals == 0 && !commas && digits.contains(&run.len()) && value <= 2100.0
        });
    // A bare figure may be a count, a version or a model number; only a
    // year among them has an obvious neighbourhood.
    if !range && before.is_empty() && after.trim().is_empty() && !year {
        return Vec::new();
    }
    let small = figures
        .iter()
        .all(|&(value, decimals, _)| decimals == 0 && value <= 10.0);
    let change = |k: usize, v: f64| {
        if year {
            [v - 3.0, v + 2.0, v - 6.0][k]
        } else if small {
            [v + 1.0, v + 2.0, v - 1.0][k]
        } else if percent {
            [v / 2.0, (v + 100.0) / 2.0, v * 0.75][k]
        } else {
            [v * 2.0, v / 2.0, v * 1.5][k]
        }
    };
    let mut out: Vec<String> = Vec::new();
    'variant: for k in 0..3 {
        let mut text = before.to_string();
        let mut previous = None;
        for (n, (run, &(value, decimals, commas))) in runs.iter().zip(&figures).enumerate() {
            let scale = 10f64.powi(decimals as i32);
            let v = (change(k, value) * scale).round() / scale;
            // Never negative or zero, no share over 100, and a range
            // still runs upwards.
            if v <= 0.0 || (percent && v > 100.0) || previous.is_some_and(|p| v <= p) {
                continue 'variant;
            }
            previous = Some(v);
            if n > 0 {
                text.push_str(&answer[runs[n - 1].end..run.start]);
            }
            text.push_str(&figure_text(v, decimals, commas));
        }
        text.push_str(after);
        if text != answer && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// Other decades for a decade ("1950s", "the 60s"): ten and twenty years
/// later and ten earlier, written alike.
fn decade_variants(answer: &str) -> Option<Vec<String>> {
    let digits = answer.len() - answer.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let suffix = &answer[digits..];
    if !matches!(digits, 2 | 4) || !matches!(suffix, "s" | "'s" | "’s") || !answer[..digits].ends_with('0') {
        return None;
    }
    let year: u32 = answer[..digits].parse().ok()?;
    let top = if digits == 2 { 90 } else { 2100 };
    Some(
        [10i64, 20, -10]
            .iter()
            .filter_map(|&shift| {
                let y = i64::from(year) + shift;
                (0..=i64::from(top))
                    .contains(&y)
                    .then(|| format!("{y:0digits$}{suffix}"))
            })
            .filter(|v| v.len() == answer.len())
            .collect(),
    )
}

/// Other times of day for a time of day ("05:00", "7:30 pm"): an hour and
/// two later and an hour earlier, on the same clock and written alike.
fn clock_variants(answer: &str) -> Option<Vec<String>> {
    // "10 am": a whole hour, with no minutes.
    let (hour, minutes, suffix) = match answer.split_once(':') {
        Some((hour, rest)) => (
            hour,
            rest.get(..2).filter(|m| m.bytes().all(|b| b.is_ascii_digit()))?,
            &rest[2..],
        ),
        None => {
            let digits = answer.bytes().take_while(u8::is_ascii_digit).count();
            let suffix = &answer[digits..];
            if digits == 0 || suffix.trim().is_empty() {
                return None;
            }
            (&answer[..digits], "", suffix)
        }
    };
    let lower_suffix = suffix.trim().to_ascii_lowercase();
    let twelve = match lower_suffix.as_str() {
        "" => false,
        "am" | "pm" | "a.m." | "p.m." => true,
        _ => return None,
    };
    let pm = lower_suffix.starts_with('p');
    if hour.is_empty() || hour.len() > 2 || !hour.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let h: u32 = hour.parse().ok()?;
    let m: u32 = if minutes.is_empty() { 0 } else { minutes.parse().ok()? };
    let valid = if twelve { (1..=12).contains(&h) } else { h <= 23 };
    if !valid || m > 59 {
        return None;
    }
    // "05:00" and "23:30" pad to two digits; "7:45 pm" and "12:15 am" do not.
    let width = if hour.len() == 2 && (hour.starts_with('0') || !twelve) {
        2
    } else {
        1
    };
    let colon = if minutes.is_empty() { "" } else { ":" };
    let out = [1i32, 2, -1]
        .iter()
        .map(|&d| {
            if !twelve {
                let v = (h as i32 + d).rem_euclid(24);
                return format!("{v:0width$}{colon}{minutes}{suffix}");
            }
            // Across noon or midnight the half of the day turns: two hours
            // after 10 am is 12 pm, not 12 am.
            let day = (h % 12 + if pm { 12 } else { 0 }) as i32;
            let v = (day + d).rem_euclid(24);
            let shown = (v + 11) % 12 + 1;
            let suffix = if (v >= 12) == pm {
                suffix.to_string()
            } else {
                flip_half(suffix)
            };
            format!("{shown:0width$}{colon}{minutes}{suffix}")
        })
        .collect();
    Some(out)
}

/// "am" for "pm" and back, in the same letters and case ("P.M." for
/// "A.M."), with the same space before it.
fn flip_half(suffix: &str) -> String {
    suffix
        .chars()
        .map(|c| match c {
            'a' => 'p',
            'p' => 'a',
            'A' => 'P',
            'P' => 'A',
            c => c,
        })
        .collect()
}

/// `v` with `decimals` decimals, its thousands separated by commas when
/// `commas`.
fn figure_text(v: f64, decimals: usize, commas: bool) -> String {
    let digits = format!("{v:.decimals$}");
    if !commas {
        return digits;
    }
    let (int, frac) = digits.split_once('.').unwrap_or((digits.as_str(), ""));
    let mut grouped = String::new();
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if !frac.is_empty() {
        grouped.push('.');
        grouped.push_str(frac);
    }
    grouped
}

/// A hash of `text` lowercased, without allocating for ASCII: the same
/// values either way, so spellings that lowercase alike hash alike
/// ("\u{212a}m" and "KM" are both "km").
fn lowercase_hash(text: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    if text.is_ascii() {
        for b in text.bytes() {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
        }
    } else {
        for c in text.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
    }
    h.finish()
}

/// Whether two strings lowercase alike, without allocating for ASCII.
fn same_lowercase(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

#[cfg(test)]
mod tests;
