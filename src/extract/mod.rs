//! Text analysis for generation: sentences, word tokens with stems and
//! stop-word flags, TF-IDF weights over an article's sentences, and the
//! ranking of sentences as answers and as cloze material.
//!
//! Pure and deterministic: no I/O, no clock, no randomness, no hash-order
//! dependence in any result. It knows nothing of articles' layout or YAML.

pub mod cloze;
pub mod lang;
pub mod segment;

use std::cell::{Cell, RefCell};

use rustc_hash::{FxHashMap, FxHashSet};

use rust_stemmers::Stemmer;
use unicode_segmentation::UnicodeSegmentation;

pub use lang::Language;

/// Shared language data: a language's Snowball stemmer and NLTK stop-word
/// list, plus the interning of every word seen to a stem id, so a batch of
/// articles lowercases, stems and classifies each distinct word once
/// (stemming dominates tokenising) and an occurrence costs one lookup.
pub struct Analyzer {
    language: Language,
    stemmer: Stemmer,
    stop: FxHashSet<&'static str>,
    interned: RefCell<Interned>,
    /// A [`Vocab`]'s map from stem ids to its own, all zeros, kept between
    /// vocabs so that each need not allocate and zero one.
    spare: RefCell<Vec<u32>>,
    /// How many times interning started afresh: the stem ids of a
    /// [`Vocab`] made before the last time are no longer valid.
    epoch: Cell<u32>,
}

#[derive(Default)]
struct Interned {
    words: FxHashMap<Box<str>, Analysed>,
    stems: FxHashMap<Box<str>, u32>,
}

/// What a word is, once: its stem's id among all stems this analyzer has
/// seen, and the facts tokens carry.
#[derive(Clone, Copy)]
struct Analysed {
    stem: u32,
    stop: bool,
    flags: u16,
    cap: bool,
    num: bool,
    /// Bytes of an elided article or pronoun opening the word (3 for
    /// "qu'" in "qu'il"), 0 for none.
    elided: u8,
}

/// Past this many distinct words, interning starts afresh: a bound on
/// memory for endless batches. Checked only when a [`Vocab`] is made; an
/// analyzer serves one vocab at a time (an article, a typed answer), so ids
/// never change under one.
const MAX_INTERNED: usize = 1_000_000;

/// Added to the NLTK list: contractions lose their apostrophe in
/// tokenising, and these words carry no content in questions and answers
/// alike (the list lacks many prepositions: "portable {{across}}"; a
/// supposition opens an example: "{{Suppose}} we want ...").
const MORE_STOP_WORDS: &str = "\
also however may might would could one us like many much even still yet get got thing things way \
ways lot well really just often since although though must shall another every without within per \
via etc e.g i.e s t don can it’s it's that’s that's never cannot always usually sometimes ever \
rather quite almost already perhaps least twice across along among amongst around behind beside besides beyond \
despite toward towards upon onto near unlike inside outside throughout underneath alongside please unless \
something anything everything nothing someone anyone everyone somebody anybody everybody nobody somewhere \
anywhere everywhere nowhere suppose supposing imagine assume assuming";

/// The singular of a plural whose Snowball stem differs from its
/// singular's: irregular ones, and -es after a short syllable ("buses"
/// stems to "buse"). A `match`, not a table: every new word asks.
fn irregular_singular(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "children" => "child",
        "people" => "person",
        "men" => "man",
        "women" => "woman",
        "feet" => "foot",
        "teeth" => "tooth",
        "mice" => "mouse",
        "geese" => "goose",
        "knives" => "knife",
        "wives" => "wife",
        "halves" => "half",
        "shelves" => "shelf",
        "wolves" => "wolf",
        "thieves" => "thief",
        "loaves" => "loaf",
        "calves" => "calf",
        "analyses" => "analysis",
        "crises" => "crisis",
        "theses" => "thesis",
        "diagnoses" => "diagnosis",
        "criteria" => "criterion",
        "phenomena" => "phenomenon",
        "buses" => "bus",
        "busses" => "bus",
        "gases" => "gas",
        "quizzes" => "quiz",
        _ => return None,
    })
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// English.
    pub fn new() -> Self {
        Self::for_language(Language::English)
    }

    pub fn for_language(language: Language) -> Self {
        let mut stop: FxHashSet<&'static str> = language.stop_words().iter().copied().collect();
        if language == Language::English {
            stop.extend(MORE_STOP_WORDS.split_whitespace());
        }
        Analyzer {
            language,
            stemmer: Stemmer::create(language.stemmer()),
            stop,
            interned: RefCell::new(Interned::default()),
            spare: RefCell::new(Vec::new()),
            epoch: Cell::new(0),
        }
    }

    fn analyse(&self, word: &str) -> Analysed {
        if let Some(&a) = self.interned.borrow().words.get(word) {
            return a;
        }
        let lower = word.to_lowercase().replace('’', "'");
        // "l'inscription" is "inscription", "d'un" the stop word "un".
        let elision = self
            .language
            .elisions()
            .iter()
            .find(|e| lower.len() > e.len() && lower.starts_with(**e));
        let core = elision.map_or(lower.as_str(), |e| &lower[e.len()..]);
        // In the word as written, where the apostrophe may be a typographic one.
        let elided = elision.map_or(0, |_| {
            word.char_indices()
                .find(|&(_, c)| c == '\'' || c == '’')
                .map_or(0, |(i, c)| i + c.len_utf8())
        });
        let stop = self.is_stop(core) || core.chars().count() < 2 && !core.chars().any(|c| c.is_ascii_digit());
        let stem_text = if stop { core.to_string() } else { self.stem(core) };
        let mut interned = self.interned.borrow_mut();
        let next = interned.stems.len() as u32;
        let stem = match interned.stems.get(stem_text.as_str()) {
            Some(&id) => id,
            None => {
                interned.stems.insert(stem_text.into_boxed_str(), next);
                next
            }
        };
        let a = Analysed {
            stem,
            stop,
            flags: cloze::word_flags(&lower, word),
            cap: word.chars().next().is_some_and(char::is_uppercase),
            num: word.chars().any(|c| c.is_ascii_digit()),
            elided: u8::try_from(elided).unwrap_or(0),
        };
        interned.words.insert(Box::from(word), a);
        a
    }

    pub fn language(&self) -> Language {
        self.language
    }

    pub fn is_stop(&self, lower: &str) -> bool {
        self.stop.contains(lower)
    }

    /// The Snowball stem, of the singular for the plurals it cannot see
    /// through ("children", "buses"), so that "Can children ride?" finds
    /// "Each child ...".
    pub fn stem(&self, lower: &str) -> String {
        let base = match self.language {
            Language::English => irregular_singular(lower).unwrap_or(lower),
            _ => lower,
        };
        self.stemmer.stem(base).into_owned()
    }
}

/// One [`Analyzer`] per language met, each made when first needed: a batch
/// of articles in one language pays for one.
#[derive(Default)]
pub struct Analyzers {
    made: Vec<Analyzer>,
}

impl Analyzers {
    pub fn get(&mut self, language: Language) -> &Analyzer {
        let at = match self.made.iter().position(|a| a.language == language) {
            Some(at) => at,
            None => {
                self.made.push(Analyzer::for_language(language));
                self.made.len() - 1
            }
        };
        &self.made[at]
    }

    /// The analyzer of a language already made.
    pub fn find(&self, language: Language) -> Option<&Analyzer> {
        self.made.iter().find(|a| a.language == language)
    }
}

/// A word in a sentence: byte span within the sentence and its term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Stem id in the article's [`Vocab`].
    pub term: u32,
    pub stop: bool,
    /// [`cloze::flag`] bits of the word.
    pub flags: u16,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Contains a digit.
    pub num: bool,
    /// Bytes of an elided article opening the word (`l'` of
    /// `l'inscription`): no part of a blank or key point.
    pub elided: u8,
}

/// What interning a word gives: its stem id, whether it is a stop word,
/// and its [`cloze::flag`] bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    pub term: u32,
    pub stop: bool,
    pub flags: u16,
}

/// Per-article stem ids, dense from 0 in order of first use (they index
/// the article's TF-IDF arrays), over the [`Analyzer`]'s interning.
pub struct Vocab<'a> {
    an: &'a Analyzer,
    /// Indexed by the analyzer's stem id: 1 + the id here, 0 for none yet.
    /// An array rather than a map: every token looks its stem up.
    local: Vec<u32>,
    /// The analyzer's stem id of each id here.
    stems: Vec<u32>,
    /// The analyzer's epoch when this vocab was made.
    epoch: u32,
}

impl<'a> Vocab<'a> {
    pub fn new(an: &'a Analyzer) -> Self {
        let mut interned = an.interned.borrow_mut();
        if interned.words.len() > MAX_INTERNED {
            *interned = Interned::default();
            an.epoch.set(an.epoch.get().wrapping_add(1));
        }
        Vocab {
            an,
            // Empty when another vocab holds it: that one keeps it.
            local: std::mem::take(&mut *an.spare.borrow_mut()),
            stems: Vec::new(),
            epoch: an.epoch.get(),
        }
    }

    pub fn term(&mut self, an: &Analyzer, word: &str) -> WordInfo {
        self.token(an, word).0
    }

    fn token(&mut self, an: &Analyzer, word: &str) -> (WordInfo, bool, bool, u8) {
        debug_assert!(std::ptr::eq(an, self.an), "a vocab used with another analyzer");
        debug_assert_eq!(self.epoch, an.epoch.get(), "interning restarted under a live vocab");
        let a = an.analyse(word);
        let g = a.stem as usize;
        if g >= self.local.len() {
            self.local.resize((g + 1).max(self.local.len() * 2), 0);
        }
        let term = match self.local[g] {
            0 => {
                self.stems.push(a.stem);
                let id = self.stems.len() as u32;
                self.local[g] = id;
                id - 1
            }
            id => id - 1,
        };
        (
            WordInfo {
                term,
                stop: a.stop,
                flags: a.flags,
            },
            a.cap,
            a.num,
            a.elided,
        )
    }

    pub fn len(&self) -> usize {
        self.stems.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stems.is_empty()
    }
}

impl Drop for Vocab<'_> {
    /// Hands the map back, zeroed where this vocab wrote to it.
    fn drop(&mut self) {
        for &g in &self.stems {
            self.local[g as usize] = 0;
        }
        let mut spare = self.an.spare.borrow_mut();
        if spare.len() < self.local.len() {
            *spare = std::mem::take(&mut self.local);
        }
    }
}

/// Splits text into words, keeping hyphenated and apostrophe-joined words
/// and decimal numbers and fractions whole (`pro-Russian`, `China’s`, `3.5`,
/// `2026/27`).
pub fn tokenize(an: &Analyzer, vocab: &mut Vocab, text: &str) -> Vec<Token> {
    let words = segment::word_indices(text);
    let mut out: Vec<Token> = Vec::with_capacity(words.len());
    let mut words = words.into_iter().peekable();
    while let Some((start, w)) = words.next() {
        let mut end = start + w.len();
        // Join across an apostrophe or a decimal point. Hyphenated words
        // stay apart so that `China-Russia` matches `China`; cloze spans
        // join them again.
        while let Some(&(ns, nw)) = words.peek() {
            let gap = &text[end..ns];
            // "3.5", and "2026/27", "24/7", "1/2": one figure each.
            // An e-mail address is one word: "pgadmit@example.ac.uk".
            let joins = matches!(gap, "'" | "’" | "@")
                || (matches!(gap, "." | "/")
                    && text[..end].ends_with(|c: char| c.is_ascii_digit())
                    && nw.starts_with(|c: char| c.is_ascii_digit()))
                || (gap == ","
                    && text[..end].ends_with(|c: char| c.is_ascii_digit())
                    && nw.len() == 3
                    && nw.chars().all(|c| c.is_ascii_digit()))
                // "05:00", "7:30": a time of day is one figure.
                || (gap == ":"
                    && text[..end].ends_with(|c: char| c.is_ascii_digit())
                    && nw.len() == 2
                    && nw.chars().all(|c| c.is_ascii_digit()));
            if !joins {
                break;
            }
            end = ns + nw.len();
            words.next();
        }
        // Trailing apostrophes hold no letter or digit: the facts of the
        // trimmed word are the word's.
        let (info, cap, num, elided) = vocab.token(an, text[start..end].trim_end_matches(['’', '\'']));
        out.push(Token {
            start,
            end,
            term: info.term,
            stop: info.stop,
            flags: info.flags,
            cap,
            num,
            elided,
        });
    }
    out
}

const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "st.", "vs.", "etc.", "e.g.", "i.e.", "no.", "fig.", "jr.", "sr.", "inc.",
    "ltd.", "co.", "approx.", "ca.", "cf.", "u.s.", "u.k.", "a.m.", "p.m.", "jan.", "feb.", "aug.", "sept.", "oct.",
    "nov.", "dec.", "mt.", "gen.", "col.", "lt.", "sgt.",
];

/// Sentences of a paragraph (Unicode sentence boundaries, then rejoined
/// where a boundary fell after an abbreviation or an initial).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    // "`Killed process ... (gunicorn)`", "`.IOLoop`", "`println!`": a period
    // or mark inside code ends nothing. A whole command line is longer than
    // a span of code in a sentence.
    let code: Vec<(usize, usize)> = if memchr::memchr(b'`', text.as_bytes()).is_some() {
        let spans = cloze::code_spans(text);
        if quotes_gnu_style(text, &spans) {
            Vec::new()
        } else {
            spans.into_iter().filter(|&(s, e)| e - s <= 200).collect()
        }
    } else {
        Vec::new()
    };
    for (start, s) in segment::sentence_bound_indices(text) {
        let end = start + s.len();
        if let Some(last) = out.last_mut() {
            if code.iter().any(|&(s, e)| s <= start && start <= e) {
                last.1 = end;
                continue;
            }
            let prev = text[last.0..last.1].trim_end();
            // "(e.g. ~/.cache)": the bracket is no part of the word.
            let word = prev
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .trim_start_matches(['(', '[', '"', '“']);
            // ASCII words (nearly all) are compared without lowercasing a copy.
            let lowered;
            let last_word = if word.is_ascii() {
                word
            } else {
                lowered = word.to_lowercase();
                lowered.as_str()
            };
            // "No. 5" is a number; "No. We stopped ..." a verdict.
            let number_follows = s.trim_start().starts_with(|c: char| c.is_ascii_digit());
            let abbreviation = (number_follows || !last_word.eq_ignore_ascii_case("no."))
                && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(last_word));
            // "R.", and chained ones: "G.R. (Fred) Walter".
            let initial = !last_word.is_empty() && last_word.len() <= 12 && {
                let mut cs = last_word.chars();
                loop {
                    match (cs.next(), cs.next()) {
                        (None, _) => break true,
                        (Some(l), Some('.')) if l.is_alphabetic() => {}
                        _ => break false,
                    }
                }
            };
            let next_lower = s
                .trim_start()
                .starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
            if abbreviation || initial || (next_lower && !prev.ends_with(['?', '!'])) {
                last.1 = end;
                continue;
            }
        }
        out.push((start, end));
    }
    out.into_iter()
        .map(|(a, b)| text[a..b].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Whether text quotes GNU-style, a backtick closed by an apostrophe
/// ("`foo' and `bar'", `` `Redisplay': `` as compilers print it): between
/// two of its backticks there is an apostrophe before no letter or digit.
/// Its backticks pair with apostrophes, so none of them opens code.
pub fn gnu_quoted(text: &str) -> bool {
    quotes_gnu_style(text, &cloze::code_spans(text))
}

/// [`gnu_quoted`], given the text's pairs of backticks.
fn quotes_gnu_style(text: &str, spans: &[(usize, usize)]) -> bool {
    spans.iter().any(|&(s, e)| {
        let inner = &text[s..e];
        inner
            .match_indices('\'')
            .any(|(i, _)| !inner[i + 1..].starts_with(char::is_alphanumeric))
    })
}

/// Inverse document frequency of each term over the article's sentences.
pub fn idf(doc_freq: &[u32], n_docs: usize) -> Vec<f64> {
    doc_freq
        .iter()
        .map(|&df| ((n_docs as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0)
        .collect()
}

/// A sparse TF-IDF vector, sorted by term id, with its norm computed once
/// (centroids are compared with every sentence).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVec {
    pub entries: Vec<(u32, f64)>,
    norm: f64,
}

impl SparseVec {
    /// The vector of the content words among `tokens`.
    pub fn from_tokens(tokens: &[Token], idf: &[f64]) -> Self {
        let mut sorted: Vec<u32> = tokens.iter().filter(|t| !t.stop).map(|t| t.term).collect();
        sorted.sort_unstable();
        let mut v: Vec<(u32, f64)> = Vec::with_capacity(sorted.len());
        for t in sorted {
            match v.last_mut() {
                Some((lt, w)) if *lt == t => *w += idf[t as usize],
                _ => v.push((t, idf[t as usize])),
            }
        }
        Self::new(v)
    }

    fn new(entries: Vec<(u32, f64)>) -> Self {
        let norm = entries.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        SparseVec { entries, norm }
    }

    pub fn norm(&self) -> f64 {
        self.norm
    }

    pub fn dot(&self, other: &SparseVec) -> f64 {
        let (a, b) = (&self.entries, &other.entries);
        // A sentence against a huge centroid (a section with thousands of
        // sentences): look each of the few terms up instead of walking the
        // many.
        let (small, big) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        if small.len() * 16 < big.len() {
            return small
                .iter()
                .filter_map(|&(t, w)| big.binary_search_by_key(&t, |e| e.0).ok().map(|j| w * big[j].1))
                .sum();
        }
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    }

    pub fn cosine(&self, other: &SparseVec) -> f64 {
        let d = self.norm * other.norm;
        if d == 0.0 { 0.0 } else { self.dot(other) / d }
    }
}

/// Sums of sparse vectors over a vocabulary, one after another, through a
/// dense buffer kept between sums: each costs a pass over the vectors and
/// a sort of the distinct terms they touch, never a pass over the whole
/// vocabulary (an article of 50,000 questions has as many sections and
/// tens of thousands of terms).
pub struct Summer {
    dense: Vec<f64>,
    seen: Vec<bool>,
    touched: Vec<u32>,
}

impl Summer {
    pub fn new(dims: usize) -> Self {
        Summer {
            dense: vec![0.0; dims],
            seen: vec![false; dims],
            touched: Vec::new(),
        }
    }

    /// The sum of `vecs`. Each term's weights are added in the vectors'
    /// order, which fixes the last bit of every sum; terms that sum to
    /// zero are left out.
    pub fn sum<'a>(&mut self, vecs: impl IntoIterator<Item = &'a SparseVec>) -> SparseVec {
        for v in vecs {
            for &(t, w) in &v.entries {
                let i = t as usize;
                if !self.seen[i] {
                    self.seen[i] = true;
                    self.touched.push(t);
                }
                self.dense[i] += w;
            }
        }
        self.touched.sort_unstable();
        let entries = self
            .touched
            .iter()
            .filter(|&&t| self.dense[t as usize] != 0.0)
            .map(|&t| (t, self.dense[t as usize]))
            .collect();
        for &t in &self.touched {
            self.dense[t as usize] = 0.0;
            self.seen[t as usize] = false;
        }
        self.touched.clear();
        SparseVec::new(entries)
    }
}

/// One vector held densely over the vocabulary, for many cosines against
/// it: each costs a lookup per term of the other vector instead of a walk
/// or a search through this one. The buffer is reused from one vector to
/// the next ([`DenseVec::set`], [`DenseVec::clear`]).
pub struct DenseVec {
    weights: Vec<f64>,
    norm: f64,
}

impl DenseVec {
    pub fn zeros(dims: usize) -> Self {
        DenseVec {
            weights: vec![0.0; dims],
            norm: 0.0,
        }
    }

    /// Holds `v`; the buffer must be all zeros (new or cleared).
    pub fn set(&mut self, v: &SparseVec) {
        for &(t, w) in &v.entries {
            self.weights[t as usize] = w;
        }
        self.norm = v.norm;
    }

    /// Back to all zeros after holding `v`.
    pub fn clear(&mut self, v: &SparseVec) {
        for &(t, _) in &v.entries {
            self.weights[t as usize] = 0.0;
        }
        self.norm = 0.0;
    }

    /// `v.cosine(held)`, to the last bit: the products are summed in `v`'s
    /// term order, and a term missing here adds an exact zero.
    pub fn cosine(&self, v: &SparseVec) -> f64 {
        let d = v.norm * self.norm;
        if d == 0.0 {
            return 0.0;
        }
        let dot = v
            .entries
            .iter()
            .fold(0.0, |s, &(t, w)| s + w * self.weights[t as usize]);
        dot / d
    }
}

/// Content terms (not stop words) of a token list.
pub fn content_terms(tokens: &[Token]) -> Vec<u32> {
    tokens.iter().filter(|t| !t.stop).map(|t| t.term).collect()
}

/// Splits a question line holding several questions (`... crisis What are
/// ...?`) at a capitalised question word in mid-line or after a `?`.
pub fn split_questions(q: &str) -> Vec<&str> {
    const STARTERS: &[&str] = &[
        "What", "How", "Why", "Which", "Who", "When", "Where", "Is", "Are", "Do", "Does", "Can", "Should", "Will",
    ];
    let mut cuts = vec![0];
    let words: Vec<(usize, &str)> = q.split_word_bound_indices().collect();
    for (k, &(pos, w)) in words.iter().enumerate() {
        if pos == 0 || !STARTERS.contains(&w) {
            continue;
        }
        let before = q[..pos].trim_end();
        let after_q = before.ends_with('?');
        // A capitalised starter after a lowercase word with no punctuation
        // is a second question run into the first.
        let run_in = before.ends_with(|c: char| c.is_lowercase()) && k + 2 < words.len();
        if after_q || run_in {
            cuts.push(pos);
        }
    }
    cuts.push(q.len());
    cuts.windows(2)
        .map(|w| q[w[0]..w[1]].trim())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sparse(entries: &[(u32, f64)]) -> SparseVec {
        let mut e: Vec<(u32, f64)> = entries.to_vec();
        e.sort_by_key(|&(t, _)| t);
        e.dedup_by_key(|&mut (t, _)| t);
        SparseVec::new(e)
    }

    #[test]
    fn a_period_inside_code_ends_no_sentence() {
        assert_eq!(
            sentences("If the log says `Out of memory ... Killed (kiln)`, raise the limit. Then retry."),
            vec![
                "If the log says `Out of memory ... Killed (kiln)`, raise the limit.",
                "Then retry."
            ]
        );
        assert_eq!(
            sentences("It hands control back to the `.Loop` at once. Others run."),
            vec!["It hands control back to the `.Loop` at once.", "Others run."]
        );
        // A mark that ends code ends no sentence either.
        assert_eq!(
            sentences("Never call `panic!`, return an error instead. It is kinder."),
            vec!["Never call `panic!`, return an error instead.", "It is kinder."]
        );
        // GNU-style quoting pairs a backtick with an apostrophe: the text
        // between two of its backticks is no code.
        assert_eq!(
            sentences("Run `fire'. Then `vent' it."),
            vec!["Run `fire'.", "Then `vent' it."]
        );
    }

    #[test]
    fn sentences_end_at_a_verdict_but_not_after_an_abbreviation() {
        assert_eq!(
            sentences("No. We stopped charging fees in 2022."),
            ["No.", "We stopped charging fees in 2022."]
        );
        assert_eq!(
            sentences("It is in room No. 5 on the left."),
            ["It is in room No. 5 on the left."]
        );
        // In brackets too.
        assert_eq!(
            sentences("Some builds link other libraries (e.g. OpenSSL) as well. Check them."),
            [
                "Some builds link other libraries (e.g. OpenSSL) as well.",
                "Check them."
            ]
        );
        assert_eq!(
            sentences("Ask Dr. Jones about it. She knows e.g. the rules."),
            ["Ask Dr. Jones about it.", "She knows e.g. the rules."]
        );
        // Initials, one or chained, end no sentence.
        assert_eq!(
            sentences("It was built by J. Smith and G.R. (Fred) Walter. Then É. Roux ran it."),
            [
                "It was built by J. Smith and G.R. (Fred) Walter.",
                "Then É. Roux ran it."
            ]
        );
    }

    #[test]
    fn plurals_the_stemmer_misses_share_their_singular_stem() {
        let an = Analyzer::new();
        for (plural, singular) in [
            ("children", "child"),
            ("buses", "bus"),
            ("women", "woman"),
            ("gases", "gas"),
        ] {
            assert_eq!(an.stem(plural), an.stem(singular), "{plural}");
        }
        // The rest stem as Snowball says.
        assert_eq!(an.stem("rises"), an.stem("rise"));
        assert_ne!(an.stem("uses"), an.stem("us"));
    }

    /// A vocab's ids run from 0 in order of first use whatever vocabs
    /// came before it or live beside it: the stem map is handed from one
    /// to the next, never shared.
    #[test]
    fn vocabs_number_their_own_stems() {
        let an = Analyzer::new();
        let ids = |v: &mut Vocab, words: &[&str]| words.iter().map(|w| v.term(&an, w).term).collect::<Vec<_>>();
        let mut first = Vocab::new(&an);
        assert_eq!(ids(&mut first, &["river", "rivers", "bank"]), [0, 0, 1]);
        let mut beside = Vocab::new(&an);
        assert_eq!(ids(&mut beside, &["bank", "money", "river"]), [0, 1, 2]);
        assert_eq!(ids(&mut first, &["money", "bank"]), [2, 1]);
        drop(first);
        drop(beside);
        let mut after = Vocab::new(&an);
        assert_eq!(ids(&mut after, &["money", "river", "money"]), [0, 1, 0]);
        assert_eq!(after.len(), 2);
    }

    #[test]
    fn elided_articles_are_read_through_in_the_languages_that_elide() {
        let an = Analyzer::for_language(Language::French);
        let mut vocab = Vocab::new(&an);
        let text = "L’inscription d'un enfant se fait à l'accueil, comme l'inscription d’un adulte.";
        let tokens = tokenize(&an, &mut vocab, text);
        let word = |w: &str| {
            tokens
                .iter()
                .find(|t| &text[t.start..t.end] == w)
                .copied()
                .unwrap_or_else(|| panic!("a token {w}"))
        };
        // "L’inscription" and "l'inscription" are one term, "inscription",
        // and "d'un" is the stop word "un".
        assert_eq!(word("L’inscription").term, word("l'inscription").term);
        assert_eq!(word("L’inscription").elided, "L’".len() as u8);
        assert_eq!(word("l'accueil").elided, 2);
        assert!(word("d'un").stop && word("d’un").stop);
        assert!(!word("l'accueil").stop);
        // English keeps its apostrophes: "it's" is a stop word whole.
        let en = Analyzer::new();
        let mut vocab = Vocab::new(&en);
        let tokens = tokenize(&en, &mut vocab, "d'Artagnan's sword");
        assert_eq!(tokens[0].elided, 0);
    }

    #[test]
    fn figures_stay_whole_words_keep_their_apostrophes() {
        let an = Analyzer::new();
        let mut vocab = Vocab::new(&an);
        let text = "For 2026/27 the fee is £12,400, open 24/7 from 05:00, 3.5 times China’s, pro-Russian, 16:9.";
        let words: Vec<&str> = tokenize(&an, &mut vocab, text)
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(
            words,
            [
                "For",
                "2026/27",
                "the",
                "fee",
                "is",
                "12,400",
                "open",
                "24/7",
                "from",
                "05:00",
                "3.5",
                "times",
                "China’s",
                "pro",
                "Russian",
                "16",
                "9"
            ]
        );
    }

    proptest! {
        /// The dense cosine is the sparse one to the last bit, for small
        /// and large vectors on either side (both paths of `dot`), and the
        /// buffer is all zeros again after `clear`.
        #[test]
        fn dense_cosine_is_the_sparse_cosine(
            a in proptest::collection::vec((0u32..300, 0.1f64..9.0), 0..40),
            bs in proptest::collection::vec(proptest::collection::vec((0u32..300, 0.1f64..9.0), 0..300), 1..4),
        ) {
            let a = sparse(&a);
            let mut dense = DenseVec::zeros(300);
            for b in &bs {
                let b = sparse(b);
                dense.set(&b);
                let (want, got) = (a.cosine(&b), dense.cosine(&a));
                prop_assert!(want == got && (want == 0.0 || want.to_bits() == got.to_bits()), "{want} vs {got}");
                dense.clear(&b);
                prop_assert!(dense.weights.iter().all(|&w| w == 0.0));
            }
        }

        /// Each sum is the sum taken term by term in the vectors' order,
        /// to the last bit, however many sums came before it.
        #[test]
        fn sums_are_exact_and_independent(
            groups in proptest::collection::vec(
                proptest::collection::vec(proptest::collection::vec((0u32..200, -3.0f64..9.0), 0..30), 0..6),
                1..5,
            ),
        ) {
            let mut summer = Summer::new(200);
            for group in &groups {
                let vecs: Vec<SparseVec> = group.iter().map(|v| sparse(v)).collect();
                let mut want: std::collections::BTreeMap<u32, f64> = Default::default();
                for v in &vecs {
                    for &(t, w) in &v.entries {
                        want.entry(t).and_modify(|s| *s += w).or_insert(w);
                    }
                }
                want.retain(|_, w| *w != 0.0);
                let got = summer.sum(&vecs);
                let want: Vec<(u32, u64)> = want.into_iter().map(|(t, w)| (t, w.to_bits())).collect();
                let got_bits: Vec<(u32, u64)> = got.entries.iter().map(|&(t, w)| (t, w.to_bits())).collect();
                prop_assert_eq!(got_bits, want);
            }
        }

        /// Buffers kept from one sentence to the next change nothing.
        #[test]
        fn reused_candidate_buffers_give_fresh_results(
            sentences in proptest::collection::vec("[A-Z][a-z]{1,8}( [A-Za-z0-9-]{1,9}){2,20}\\.", 1..6),
        ) {
            let an = Analyzer::new();
            let mut vocab = Vocab::new(&an);
            let tokens: Vec<Vec<Token>> = sentences.iter().map(|s| tokenize(&an, &mut vocab, s)).collect();
            let n = vocab.len();
            let idf: Vec<f64> = (0..n).map(|t| 1.0 + (t % 7) as f64 / 3.0).collect();
            let (lowercase, capitalised, topic): (Vec<bool>, Vec<bool>, Vec<bool>) =
                ((0..n).map(|t| t % 2 == 0).collect(), (0..n).map(|t| t % 3 == 0).collect(), (0..n).map(|t| t % 5 == 0).collect());
            let ctx = cloze::TermContext { idf: &idf, lowercase: &lowercase, capitalised: &capitalised, topic: &topic };
            let mut scratch = cloze::Scratch::default();
            for (s, t) in sentences.iter().zip(&tokens) {
                prop_assert_eq!(cloze::candidates_in(&mut scratch, s, t, &ctx), cloze::candidates(s, t, &ctx));
            }
        }
    }
}
