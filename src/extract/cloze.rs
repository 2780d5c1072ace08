//! Cloze term choice: the spans of a sentence worth blanking (proper-noun
//! phrases, numbers and dates, content-word phrases) and how informative
//! each is. Pure; scores depend only on the sentence and article statistics.

use super::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKind {
    Proper,
    Number,
    Phrase,
    /// A code span's text (`` `--config PATH` ``): a command, path or
    /// option, learnt whole.
    Code,
}

/// A candidate blank: byte span in the sentence, kind, score.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub start: usize,
    pub end: usize,
    pub kind: TermKind,
    pub words: usize,
    pub score: f64,
    /// First and last token of the span in its sentence.
    pub tokens: (usize, usize),
}

impl Term {
    /// Stem ids of the content words in the span; `tokens` are its
    /// sentence's.
    pub fn terms<'a>(&self, tokens: &'a [Token]) -> impl Iterator<Item = u32> + 'a {
        let (a, b) = self.tokens;
        tokens[a..=b].iter().filter(|t| !t.stop).map(|t| t.term)
    }
}

/// Currency signs written before a figure.
pub const CURRENCY: &[char] = &['$', '£', '€', '¥', '₹', '₩'];

/// Candidate spans kept per sentence, best first.
pub const MAX_CANDIDATES: usize = 12;

/// Article-level facts the scoring needs.
pub struct TermContext<'a> {
    pub idf: &'a [f64],
    /// By term id: seen in lowercase somewhere in the article: a capitalised
    /// sentence-initial word among them is no proper noun.
    pub lowercase: &'a [bool],
    /// By term id: seen capitalised in mid-sentence.
    pub capitalised: &'a [bool],
    /// By term id: terms of the title and terms in a large share of sentences: the
    /// article's topic, too easy to guess to be worth a blank.
    pub topic: &'a [bool],
}

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const SCALE: &[&str] = &[
    "percent",
    "per cent",
    "million",
    "billion",
    "thousand",
    "hundred",
    "trillion",
    "years",
    "year",
    "days",
    "hours",
    "minutes",
    "km",
    "kilometres",
    "kilometers",
    "metres",
    "meters",
    "miles",
    "kg",
    "tonnes",
    "degrees",
    "mb",
    "gb",
    "ms",
    "seconds",
    "bc",
    "ad",
    "bce",
    "ce",
    "weeks",
    "months",
    "cm",
    "mm",
    "litres",
    "liters",
    "ml",
    "grams",
    "euros",
    "dollars",
    "pounds",
    "cents",
    "pence",
    "psi",
    "knots",
    "calories",
    "kwh",
    "kw",
    "kwp",
    "mw",
    "mwh",
    "watts",
    "volts",
    "amps",
    "mah",
    "lumens",
    "hz",
    "khz",
    "mhz",
    "ghz",
    "kb",
    "tb",
    "mbps",
    "gbps",
    "feet",
    "inches",
    "acres",
    "hectares",
    "ounces",
    "gallons",
    "mph",
    "kph",
    "mg",
    "mcg",
    "g",
    "kcal",
    "bpm",
    "lb",
    "lbs",
    "oz",
    "ft",
    "yards",
    "a.m",
    "p.m",
    "am",
    "pm",
    "centimetres",
    "centimeters",
    "millimetres",
    "millimeters",
    "kilograms",
    "kilogram",
    "gram",
    "bar",
    // Singulars: "1 hour", "1 mile", "a 24 hour day".
    "hour",
    "minute",
    "day",
    "week",
    "month",
    "mile",
    "metre",
    "meter",
    "kilometre",
    "kilometer",
    "litre",
    "liter",
    "foot",
    "inch",
    "acre",
    "hectare",
    "ounce",
    "gallon",
    "euro",
    "dollar",
    "degree",
    "tonne",
    "tons",
];
/// Figures written as words ("one" is a stop word, "second" mostly a unit).
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen", "half",
    "third", "thirds", "quarter", "quarters",
];
/// Words that lean on what was said before (apostrophes are straight here).
const PRONOUNS: &[&str] = &[
    "it", "its", "it's", "they", "they're", "them", "their", "this", "these", "those", "that", "that's", "he", "he's",
    "she", "she's", "his", "her", "such",
];
const CONNECTORS: &[&str] = &["of", "the", "de", "von", "van", "la", "del", "da", "and", "&"];
/// Modifiers that say little on their own: a blank led by one of them
/// ("possible implications") teaches less than the noun it qualifies.
const VAGUE: &[&str] = &[
    "possible",
    "various",
    "different",
    "certain",
    "several",
    "recent",
    "current",
    "main",
    "principal",
    "major",
    "new",
    "good",
    "great",
    "greater",
    "important",
    "many",
    "other",
    "first",
    "last",
    "next",
    "whole",
    "entire",
    "real",
    "general",
    "specific",
    "particular",
    "similar",
    "able",
    "likely",
    "sure",
    "clear",
    "enviable",
    "close",
    // Counted, they count nothing worth learning: "three kinds".
    "kinds",
    "types",
    "sorts",
    "ways",
    "parts",
    "steps",
    "options",
    "reasons",
    "examples",
    "factors",
];
/// Words a verb follows far more often than a noun: auxiliaries, subject
/// and relative pronouns, and adverbs that stand before verbs ("when it
/// lives on the counter", "which burns").
const VERB_LEADS: &[&str] = &[
    "to",
    "will",
    "would",
    "can",
    "could",
    "should",
    "must",
    "may",
    "might",
    "shall",
    "did",
    "does",
    "do",
    "it",
    "they",
    "he",
    "she",
    "we",
    "i",
    "you",
    "which",
    "who",
    "not",
    "also",
    "often",
    "usually",
    "always",
    "never",
    "sometimes",
    "rarely",
    "then",
];
/// Words after which a word in -s is a verb ("the tool prints the
/// result"), not a plural noun.
const OBJECT_LEADS: &[&str] = &[
    "the", "a", "an", "your", "its", "their", "this", "these", "those", "it", "them", "my", "our",
];
/// Verbs that open instructions naming a control or a screen by its label
/// ("Open Settings", "Tap Profile"): no part of the name after them.
const UI_VERBS: &[&str] = &[
    "open", "click", "tap", "select", "choose", "go", "press", "enter", "type", "use", "set", "add", "remove",
    "delete", "check", "visit", "sign", "log", "install", "download", "restart", "turn", "enable", "disable", "pick",
    "hit", "find", "search", "navigate", "scroll", "swipe", "drag", "call", "contact", "email",
];
/// Words in -s (of four letters or more) that are not plurals, or are
/// plurals that modify a noun.
const NOT_PLURAL: &[&str] = &["news", "series", "species", "sales", "sports", "lens"];

/// Per-word facts the scoring asks for, computed once per distinct word
/// when it is interned (see [`super::Vocab`]), never per occurrence.
pub mod flag {
    pub const LY: u16 = 1;
    pub const ING_ED: u16 = 1 << 1;
    pub const VAGUE: u16 = 1 << 2;
    pub const VERB_LEAD: u16 = 1 << 3;
    pub const MONTH: u16 = 1 << 4;
    pub const SCALE: u16 = 1 << 5;
    pub const CONNECTOR: u16 = 1 << 6;
    pub const SHORT: u16 = 1 << 7;
    pub const LEN3: u16 = 1 << 8;
    pub const ACRONYM: u16 = 1 << 9;
    /// Looks like a plural noun or a verb in -s.
    pub const PLURAL: u16 = 1 << 10;
    /// In [`super::OBJECT_LEADS`].
    pub const OBJECT_LEAD: u16 = 1 << 11;
    /// Ends in -ing.
    pub const ING: u16 = 1 << 12;
    /// A figure in words: "seven", "twenty", "thirds".
    pub const NUMBER_WORD: u16 = 1 << 13;
    /// A pronoun that leans on an earlier sentence: "it", "this", "they".
    pub const PRONOUN: u16 = 1 << 14;
    /// In [`super::UI_VERBS`].
    pub const UI_VERB: u16 = 1 << 15;
}

/// The flags of a word, from its lowercase and original forms.
pub fn word_flags(lower: &str, word: &str) -> u16 {
    let chars = lower.chars().count();
    let mut f = 0;
    let mut set = |cond: bool, bit: u16| {
        if cond {
            f |= bit;
        }
    };
    set(lower.ends_with("ly"), flag::LY);
    set(lower.ends_with("ing") || lower.ends_with("ed"), flag::ING_ED);
    set(VAGUE.contains(&lower), flag::VAGUE);
    set(VERB_LEADS.contains(&lower), flag::VERB_LEAD);
    set(MONTHS.contains(&lower), flag::MONTH);
    set(SCALE.contains(&lower), flag::SCALE);
    set(CONNECTORS.contains(&lower), flag::CONNECTOR);
    set(chars < 5, flag::SHORT);
    set(chars >= 3, flag::LEN3);
    set(
        chars >= 4
            && lower.ends_with('s')
            && !["ss", "us", "is", "ics", "'s", "’s"].iter().any(|e| lower.ends_with(e))
            && !NOT_PLURAL.contains(&lower),
        flag::PLURAL,
    );
    set(OBJECT_LEADS.contains(&lower), flag::OBJECT_LEAD);
    set(UI_VERBS.contains(&lower), flag::UI_VERB);
    set(lower.ends_with("ing"), flag::ING);
    set(NUMBER_WORDS.contains(&lower), flag::NUMBER_WORD);
    set(PRONOUNS.contains(&lower), flag::PRONOUN);
    set(
        word.len() >= 2
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && word.chars().any(char::is_alphabetic),
        flag::ACRONYM,
    );
    f
}

/// Whether a per-term flag array marks `term`.
fn flagged(set: &[bool], term: u32) -> bool {
    set.get(term as usize).copied().unwrap_or(false)
}

/// Whether the gap between two tokens keeps them in one phrase: only
/// whitespace or a single hyphen.
/// The last token of the telephone number that token `i` opens ("01632
/// 960 118", "555-0199"): groups of digits joined by spaces or hyphens,
/// seven digits or more in all.
pub fn telephone_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let digits = |k: usize| {
        text.as_bytes()[tokens[k].start..tokens[k].end]
            .iter()
            .all(u8::is_ascii_digit)
    };
    if !(tokens[i].num && digits(i)) {
        return None;
    }
    let mut j = i;
    while j + 1 < tokens.len() && digits(j + 1) && gap_is_space(&text[tokens[j].end..tokens[j + 1].start]) {
        j += 1;
    }
    (j > i && tokens[j].end - tokens[i].start - (j - i) >= 7).then_some(j)
}

fn gap_is_space(gap: &str) -> bool {
    let space = if gap.is_ascii() {
        gap.bytes().all(|c| matches!(c, b'\t'..=b'\r' | b' '))
    } else {
        gap.chars().all(char::is_whitespace)
    };
    space || matches!(gap, "-" | "‐")
}

/// Buffers [`candidates_in`] reuses from one sentence to the next: an
/// article has tens of thousands of sentences, and two allocations each
/// showed in the profile.
#[derive(Default)]
pub struct Scratch {
    facts: Vec<u8>,
    out: Vec<Term>,
}

// Each token's facts in a sentence, once: spans ask for them many times.
const PROPER: u8 = 1;
const SPACE_BEFORE: u8 = 2;
const HYPHEN_BEFORE: u8 = 4;

/// All candidate blanks of one sentence, best first.
pub fn candidates(text: &str, tokens: &[Token], ctx: &TermContext<'_>) -> Vec<Term> {
    candidates_in(&mut Scratch::default(), text, tokens, ctx)
}

/// [`candidates`] with buffers kept between calls.
pub fn candidates_in(scratch: &mut Scratch, text: &str, tokens: &[Token], ctx: &TermContext<'_>) -> Vec<Term> {
    let n = tokens.len();
    let has = |i: usize, f: u16| tokens[i].flags & f != 0;
    // "Open Settings", "Tap Profile": the verb is neither part of the
    // label's name nor a term.
    let command = n > 1 && has(0, flag::UI_VERB) && tokens[1].cap;
    let facts = &mut scratch.facts;
    facts.clear();
    facts.extend((0..n).map(|i| {
        let t = &tokens[i];
        let proper = !t.stop
            && !t.num
            && t.cap
            && (i > 0 || !flagged(ctx.lowercase, t.term) || has(i, flag::ACRONYM))
            && (i > 0 || !command);
        let mut f = if proper { PROPER } else { 0 };
        if i > 0 {
            let gap = &text[tokens[i - 1].end..t.start];
            if gap == " " || gap_is_space(gap) {
                f |= SPACE_BEFORE;
            }
            if matches!(gap, "-" | "‐") {
                f |= HYPHEN_BEFORE;
            }
        }
        f
    }));
    let facts = &*facts;
    let is_proper = |i: usize| facts[i] & PROPER != 0;
    // Between tokens `k - 1` and `k`.
    let joined = |k: usize| facts[k] & SPACE_BEFORE != 0;
    let ascii = text.is_ascii();
    let span = Span {
        text,
        tokens,
        facts,
        ctx,
        ascii,
        sentence_chars: if ascii { text.len() } else { text.chars().count() }.max(1),
    };
    let word_is = |k: usize, ws: &[&str]| {
        let w = &text[tokens[k].start..tokens[k].end];
        ws.iter().any(|x| x.eq_ignore_ascii_case(w))
    };
    let out = &mut scratch.out;
    out.clear();
    let mut i = 0;
    // The last token of the hyphenated word `k` opens ("e-books").
    let compound_end = |k: usize| {
        let mut c = k;
        while c + 1 < n && facts[c + 1] & HYPHEN_BEFORE != 0 {
            c += 1;
        }
        c
    };
    // "Zone C", "Plan B": a capital letter alone ends a name.
    let letter = |k: usize| {
        let w = &text.as_bytes()[tokens[k].start..tokens[k].end];
        w.len() == 1 && w[0].is_ascii_uppercase()
    };
    while i < n {
        if is_proper(i) {
            let mut j = i;
            loop {
                if j + 1 < n && is_proper(j + 1) && joined(j + 1) {
                    j += 1;
                } else if j + 2 < n
                    && has(j + 1, flag::CONNECTOR)
                    && is_proper(j + 2)
                    && joined(j + 1)
                    && joined(j + 2)
                    // "From November to February the Tuesday group": a
                    // month is no part of a longer name.
                    && !has(j, flag::MONTH)
                    && !has(j + 2, flag::MONTH)
                    // "Residents of Zone C": a word that only ever opens a
                    // sentence names nothing with what follows.
                    && (j > 0 || flagged(ctx.capitalised, tokens[0].term))
                {
                    j += 2;
                } else {
                    break;
                }
            }
            if j + 1 < n && letter(j + 1) && joined(j + 1) && !has(j, flag::MONTH) {
                j += 1;
            }
            // "ID-11", "COVID-19": a number joined by a hyphen is part of
            // the name.
            if j + 1 < n && tokens[j + 1].num && facts[j + 1] & HYPHEN_BEFORE != 0 && !has(j, flag::MONTH) {
                j += 1;
            }
            span.push(out, i, j, TermKind::Proper);
            i = j + 1;
            continue;
        }
        // "01632 960 118", "555-0199": one telephone number, never three
        // figures.
        if let Some(j) = telephone_end(text, tokens, i) {
            span.push(out, i, j, TermKind::Number);
            i = j + 1;
            continue;
        }
        if tokens[i].num {
            let mut a = i;
            let mut b = i;
            if i > 0 && has(i - 1, flag::MONTH) && joined(i) {
                a = i - 1;
            }
            // "10 to 25 per cent", "between 6 and 18 months": a range is
            // one figure, its unit after the second number.
            if b + 2 < n
                && tokens[b + 2].num
                && joined(b + 1)
                && joined(b + 2)
                && (word_is(b + 1, &["to"]) || (a > 0 && word_is(b + 1, &["and"]) && word_is(a - 1, &["between"])))
            {
                b += 2;
            }
            if b + 1 < n && has(b + 1, flag::MONTH) && joined(b + 1) {
                b += 1;
                if b + 1 < n && tokens[b + 1].num && joined(b + 1) {
                    b += 1;
                }
            } else if b + 1 < n && has(b + 1, flag::SCALE) && joined(b + 1) {
                b += 1;
            } else if b + 2 < n
                && joined(b + 1)
                && joined(b + 2)
                && word_is(b + 1, &["per"])
                && word_is(b + 2, &["cent"])
            {
                b += 2;
            } else if b + 2 < n
                && has(b + 2, flag::SCALE)
                && joined(b + 1)
                && joined(b + 2)
                && !tokens[b + 1].stop
                && !tokens[b + 1].num
                && !tokens[b + 1].cap
            {
                // "5 working days", "3 square metres": the unit's modifier
                // is part of it.
                b += 2;
            } else if b + 1 < n && facts[b + 1] & HYPHEN_BEFORE != 0 && !tokens[b + 1].stop && !tokens[b + 1].num {
                // "30-litre", "5-day": one word.
                b += 1;
            }
            span.push(out, a, b, TermKind::Number);
            i = b + 1;
            continue;
        }
        // "two weeks", "seven to nine hours", "two thirds": a figure in
        // words is one with its unit; without a unit ("four great posts")
        // it is no figure worth a blank.
        // "one to two weeks": "one" opens a range, though alone it is a
        // stop word ("one of the ...").
        let one_to = || {
            i + 2 < n
                && tokens[i].stop
                && has(i + 2, flag::NUMBER_WORD)
                && word_is(i, &["one"])
                && word_is(i + 1, &["to", "or"])
                && joined(i + 1)
                && joined(i + 2)
        };
        if has(i, flag::NUMBER_WORD) || one_to() {
            let mut b = i;
            if b + 2 < n
                && has(b + 2, flag::NUMBER_WORD)
                && joined(b + 1)
                && joined(b + 2)
                && word_is(b + 1, &["to", "or", "and"])
            {
                b += 2;
            }
            let unit = if b + 1 < n && joined(b + 1) && has(b + 1, flag::SCALE | flag::NUMBER_WORD) {
                Some(b + 1)
            } else if b + 2 < n
                && joined(b + 1)
                && joined(b + 2)
                && has(b + 2, flag::SCALE)
                && !tokens[b + 1].stop
                && !tokens[b + 1].num
            {
                Some(b + 2)
            } else {
                // "eight students", "ten e-books": a count of a plural
                // noun, the answer to "how many".
                (b + 1 < n && joined(b + 1)).then(|| compound_end(b + 1)).filter(|&c| {
                    has(c, flag::PLURAL)
                        && !has(c, flag::VAGUE)
                        && !word_is(b, &["half", "third", "thirds", "quarter", "quarters"])
                        // "e-books", "t-shirts": a letter before a hyphen
                        // is no stop word.
                        && (!tokens[b + 1].stop || c > b + 1)
                        && !tokens[b + 1].num
                        && !is_proper(b + 1)
                })
            };
            if let Some(end) = unit {
                span.push(out, i, end, TermKind::Number);
                i = end + 1;
                continue;
            }
        }
        let content = |k: usize| {
            let verb = k == 0 && command;
            !tokens[k].stop
                && !tokens[k].num
                && !is_proper(k)
                && has(k, flag::LEN3)
                && !has(k, flag::NUMBER_WORD)
                && !verb
        };
        // `pro-Russian`: a hyphen binds whatever follows into the phrase.
        let hyphen = |k: usize| facts[k] & HYPHEN_BEFORE != 0;
        if content(i) {
            let mut j = i;
            while j + 1 < n && (content(j + 1) || (hyphen(j + 1) && !tokens[j + 1].stop)) && joined(j + 1) {
                j += 1;
            }
            for a in i..=j {
                for b in a..=j.min(a + 2) {
                    // Never cut a hyphenated word in two.
                    if hyphen(a) || (b + 1 < n && hyphen(b + 1)) {
                        continue;
                    }
                    span.push(out, a, b, TermKind::Phrase);
                }
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    // A command, path or option is learnt whole: its code span is one
    // candidate, and nothing in part of it or across its edge is.
    let code = if memchr::memchr(b'`', text.as_bytes()).is_some() {
        code_spans(text)
    } else {
        Vec::new()
    };
    if !code.is_empty() {
        out.retain(|t| !code.iter().any(|&(s, e)| t.start < e + 1 && s - 1 < t.end));
        for &(s, e) in &code {
            let inside = |t: &Token| t.start >= s && t.end <= e;
            if let (Some(a), Some(b)) = (tokens.iter().position(inside), tokens.iter().rposition(inside)) {
                span.push_code(out, a, b, s, e);
            }
        }
    }
    // An e-mail address (one token) is learnt whole, as code is, and is
    // offered only other addresses.
    if memchr::memchr(b'@', text.as_bytes()).is_some() {
        for (k, t) in tokens.iter().enumerate() {
            if text[t.start..t.end].contains('@') && !code.iter().any(|&(s, e)| t.start < e && s < t.end) {
                out.retain(|x| x.end <= t.start || x.start >= t.end);
                span.push_code(out, k, k, t.start, t.end);
            }
        }
    }
    // The `https` of an address is no term.
    if memchr::memchr(b':', text.as_bytes()).is_some() && text.contains("://") {
        out.retain(|t| !text[t.end..].starts_with("://"));
    }
    // Spans are unique, so the order is total: selecting the best first
    // and sorting only those gives what sorting them all would.
    let order = |a: &Term, b: &Term| {
        b.score
            .total_cmp(&a.score)
            .then(a.start.cmp(&b.start))
            .then(a.end.cmp(&b.end))
    };
    // Blanks, key points and distractors come from the first few; keeping
    // every span of every sentence made memory grow to 30 times the
    // article.
    if out.len() > MAX_CANDIDATES {
        out.select_nth_unstable_by(MAX_CANDIDATES - 1, order);
        out.truncate(MAX_CANDIDATES);
    }
    out.sort_unstable_by(order);
    out.to_vec()
}

/// The longest code span taken as a blank, in bytes: a whole command line
/// is more than a card can ask to be recalled verbatim.
const MAX_CODE: usize = 40;

/// The byte ranges inside each pair of single backticks (`` `x` ``).
pub(crate) fn code_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut ticks = memchr::memchr_iter(b'`', text.as_bytes());
    while let (Some(open), Some(close)) = (ticks.next(), ticks.next()) {
        if close > open + 1 {
            out.push((open + 1, close));
        }
    }
    out
}

/// What scoring a span needs of its sentence.
struct Span<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// [`PROPER`], [`SPACE_BEFORE`], [`HYPHEN_BEFORE`] of each token.
    facts: &'a [u8],
    ctx: &'a TermContext<'a>,
    ascii: bool,
    sentence_chars: usize,
}

impl Span<'_> {
    /// Whether only whitespace stands between tokens `k - 1` and `k`.
    fn space_before(&self, k: usize) -> bool {
        self.facts[k] & SPACE_BEFORE != 0
    }

    /// Whether `start..end` is a blank's size: two characters at least,
    /// half the sentence at most.
    fn fits(&self, start: usize, end: usize) -> bool {
        let chars = if self.ascii {
            end - start
        } else {
            self.text[start..end].chars().count()
        };
        chars >= 2 && chars * 2 <= self.sentence_chars
    }

    /// The mean IDF of the content words of tokens `a..=b` and the share of
    /// them that are the article's topic words; `None` without any. One
    /// pass, in token order (the order of the sum fixes its last bit).
    fn weight(&self, a: usize, b: usize) -> Option<(f64, f64)> {
        let idf_of = |t: u32| self.ctx.idf.get(t as usize).copied().unwrap_or(1.0);
        let (mut n_terms, mut sum, mut topical) = (0usize, 0.0, 0usize);
        for t in self.tokens[a..=b].iter().filter(|t| !t.stop) {
            n_terms += 1;
            sum += idf_of(t.term);
            topical += usize::from(flagged(self.ctx.topic, t.term));
        }
        (n_terms > 0).then(|| (sum / n_terms as f64, topical as f64 / n_terms as f64))
    }

    /// Scores the code span `start..end`, holding tokens `a..=b`, as a
    /// blank: rated as a name is, by its words' weight.
    fn push_code(&self, out: &mut Vec<Term>, a: usize, b: usize, start: usize, end: usize) {
        if end - start > MAX_CODE || !self.fits(start, end) {
            return;
        }
        let Some((mean, topic_share)) = self.weight(a, b) else {
            return;
        };
        let score = mean * 1.4 * (1.0 - 0.5 * topic_share);
        out.push(Term {
            start,
            end,
            kind: TermKind::Code,
            words: 1,
            score,
            tokens: (a, b),
        });
    }

    /// Scores tokens `a..=b` as a blank of `kind` and keeps it unless it is
    /// under two characters or over half the sentence.
    fn push(&self, out: &mut Vec<Term>, a: usize, b: usize, kind: TermKind) {
        let (text, tokens, ctx) = (self.text, self.tokens, self.ctx);
        let mut end = tokens[b].end;
        if kind == TermKind::Number && text[end..].starts_with('%') {
            end += 1;
        }
        // "9 a.m.": the abbreviation's own last dot (also the sentence's).
        if kind == TermKind::Number
            && tokens[b].flags & flag::SCALE != 0
            && text[tokens[b].start..end].contains('.')
            && text[end..].starts_with('.')
        {
            end += 1;
        }
        // "l'accueil" blanks "accueil": the article is no part of the term.
        let mut start = tokens[a].start + usize::from(tokens[a].elided);
        // "£48", "$1.5 million": the currency is part of the figure.
        if kind == TermKind::Number
            && let Some(c) = text[..start].chars().next_back().filter(|c| CURRENCY.contains(c))
        {
            start -= c.len_utf8();
        }
        // "Children under 8 must ...": one digit is a figure worth knowing,
        // unless it numbers a list item ("1. Open the lid").
        let digit = kind == TermKind::Number && a > 0 && end - start == 1 && text.as_bytes()[start].is_ascii_digit();
        if !digit && !self.fits(start, end) {
            return;
        }
        let Some((mean, topic_share)) = self.weight(a, b) else {
            return;
        };
        let words = b - a + 1;
        let mut score = mean * (1.0 + 0.2 * (words.min(3) - 1) as f64);
        let has = |k: usize, f: u16| tokens[k].flags & f != 0;
        match kind {
            // A lone capitalised word that opens the sentence may be an
            // ordinary word; only other evidence (capitals elsewhere) makes
            // it certain.
            TermKind::Proper if a == 0 && b == 0 && !flagged(ctx.capitalised, tokens[a].term) => score *= 0.6,
            TermKind::Proper => score *= 1.25,
            TermKind::Number => score = (score + 1.0) * 1.4,
            // Scored by `push_code`.
            TermKind::Code => {}
            TermKind::Phrase => {
                // Without a part-of-speech tagger, suffixes and the word
                // before tell adverbs and verbs from the nouns worth
                // learning.
                for k in a..=b {
                    if has(k, flag::LY) {
                        score *= 0.4;
                    }
                }
                if a > 0 && has(a - 1, flag::VERB_LEAD) {
                    score *= 0.5;
                }
                // English puts no noun right after a plural inside a noun
                // phrase ("folders belong", "stoves burn oxygen"): the word
                // after one starts the verb.
                if (a..b).any(|k| has(k, flag::PLURAL)) {
                    score *= 0.4;
                }
                if a > 0 && has(a - 1, flag::PLURAL) && !tokens[a - 1].stop && self.space_before(a) {
                    score *= 0.5;
                }
                // "tool prints the result", "butane stops vaporising",
                // "and order a new one": a word right before an object or
                // an -ing form ends a verb phrase.
                let next = |f: u16| b + 1 < tokens.len() && self.space_before(b + 1) && has(b + 1, f);
                if next(flag::OBJECT_LEAD) || (has(b, flag::PLURAL) && next(flag::ING)) {
                    score *= if b > a { 0.4 } else { 0.5 };
                }
                // "annual ticket costs 65 pounds", "phosphorus suits most
                // cats": an -s word before a figure or a quantifier is the
                // verb after a singular noun ("all" and "each" float after
                // a plural: "garden trimmings all compost well").
                let quantity = || {
                    b + 1 < tokens.len()
                        && self.space_before(b + 1)
                        && (tokens[b + 1].num
                            || has(b + 1, flag::NUMBER_WORD)
                            // Stop words all but "several", which is vague.
                            || (tokens[b + 1].stop || has(b + 1, flag::VAGUE))
                                && ["most", "many", "some", "every", "no", "several"]
                                    .iter()
                                    .any(|w| text[tokens[b + 1].start..tokens[b + 1].end].eq_ignore_ascii_case(w)))
                };
                let after_noun = || a > 0 && !tokens[a - 1].stop && !tokens[a - 1].num && self.space_before(a);
                if has(b, flag::PLURAL) && (b > a || after_noun()) && quantity() {
                    score *= 0.4;
                }
                if has(b, flag::ING_ED) {
                    score *= 0.7;
                }
                // "possible implications", and "a machine close to": a
                // vague word leads a phrase or trails it as an adjective
                // after the noun.
                if has(a, flag::VAGUE) || (b > a && has(b, flag::VAGUE)) {
                    score *= 0.6;
                }
                if words == 1 && has(a, flag::SHORT) {
                    score *= 0.6;
                }
            }
        }
        if topic_share > 0.0 {
            score *= 1.0 - 0.5 * topic_share;
        }
        // A lone digit is a key point, but a blank anyone could guess.
        if digit {
            score *= 0.4;
        }
        out.push(Term {
            start,
            end,
            kind,
            words,
            score,
            tokens: (a, b),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Analyzer, Vocab, tokenize};

    /// Every candidate of `sentence` with its score, all words weighted
    /// alike so that only the span rules tell them apart.
    fn scored(sentence: &str) -> Vec<(String, f64)> {
        let an = Analyzer::new();
        let mut vocab = Vocab::new(&an);
        let tokens = tokenize(&an, &mut vocab, sentence);
        let n = vocab.len();
        let (idf, no) = (vec![2.0; n], vec![false; n]);
        let ctx = TermContext {
            idf: &idf,
            lowercase: &no,
            capitalised: &no,
            topic: &no,
        };
        candidates(sentence, &tokens, &ctx)
            .into_iter()
            .map(|t| (sentence[t.start..t.end].to_string(), t.score))
            .collect()
    }

    fn score(cands: &[(String, f64)], span: &str) -> f64 {
        cands.iter().find(|(s, _)| s == span).map_or(0.0, |&(_, sc)| sc)
    }

    #[test]
    fn the_scheme_of_an_address_is_no_blank() {
        let cands = scored("Download the glaze charts from https://ceramics.example.org today.");
        assert!(cands.iter().all(|(s, _)| !s.starts_with("https")), "{cands:?}");
        assert!(score(&cands, "glaze charts") > 0.0, "{cands:?}");
    }

    /// Spans that run from a noun into its verb lose to the noun phrase
    /// alone: nothing but word shapes and the words around tell them apart.
    #[test]
    fn blanks_stop_where_the_verb_starts() {
        for (sentence, better, worse) in [
            (
                "Build outputs and dependency folders belong in a separate file.",
                "dependency folders",
                "dependency folders belong",
            ),
            (
                "An annual ticket costs 650 pounds at the office.",
                "annual ticket",
                "annual ticket costs",
            ),
            (
                "A diet low in phosphorus suits most older cats.",
                "older cats",
                "phosphorus suits",
            ),
            (
                "New tanks turn cloudy while bacteria colonies grow.",
                "bacteria colonies",
                "tanks turn cloudy",
            ),
            (
                "In the tent, stoves burn oxygen and give off carbon monoxide.",
                "carbon monoxide",
                "burn oxygen",
            ),
            (
                "Then the reporting tool prints the result twice.",
                "reporting tool",
                "reporting tool prints",
            ),
            (
                "Meanwhile plain butane stops vaporising near freezing.",
                "plain butane",
                "plain butane stops",
            ),
            (
                "Use 4 bar for our city tyres, depending on your weight.",
                "city tyres",
                "city",
            ),
            (
                "Feed the starter daily when it lives on the kitchen counter.",
                "kitchen counter",
                "lives",
            ),
            (
                "Run the dump from a machine close to the database server.",
                "database server",
                "machine close",
            ),
        ] {
            let cands = scored(sentence);
            let (b, w) = (score(&cands, better), score(&cands, worse));
            assert!(
                b > 0.0 && b > w,
                "{sentence}: {better:?} {b} vs {worse:?} {w} in {cands:?}"
            );
        }
    }

    /// A plural head noun is still a good blank, and so are the words in
    /// -s that are no plurals.
    #[test]
    fn plural_heads_and_words_in_s_keep_their_score() {
        let cands = scored("After a blast, volcanic eruptions release sulphur dioxide into the stratosphere.");
        assert!(score(&cands, "volcanic eruptions") > score(&cands, "eruptions release"));
        assert!(score(&cands, "volcanic eruptions") > score(&cands, "volcanic"));
        let flags = |w: &str| word_flags(&w.to_lowercase(), w);
        for w in ["physics", "glass", "virus", "analysis", "news", "series", "China's"] {
            assert_eq!(flags(w) & flag::PLURAL, 0, "{w}");
        }
        for w in ["folders", "stops", "prints", "tanks"] {
            assert_ne!(flags(w) & flag::PLURAL, 0, "{w}");
        }
    }

    /// A figure's blank takes its unit along: money, volume, length,
    /// pressure and time alike.
    #[test]
    fn no_blank_ends_in_a_preposition() {
        let cands = scored("Logical backups stay portable across major versions and among clusters.");
        assert!(
            cands
                .iter()
                .all(|(s, _)| !s.ends_with("across") && !s.ends_with("among")),
            "{cands:?}"
        );
    }

    #[test]
    fn a_supposition_opening_an_example_is_no_blank() {
        let cands = scored("Suppose we want to delete two blank lines before the footer.");
        assert!(cands.iter().all(|(s, _)| !s.contains("Suppose")), "{cands:?}");
        assert!(cands.iter().any(|(s, _)| s.contains("blank lines")), "{cands:?}");
    }

    #[test]
    fn a_count_of_vague_words_or_a_share_is_no_figure() {
        for (sentence, not) in [
            ("There are three kinds of starter in the shop.", "three kinds"),
            ("Half plots come free more often than full ones.", "Half plots"),
        ] {
            let cands = scored(sentence);
            assert!(cands.iter().all(|(s, _)| s != not), "{sentence}: {cands:?}");
        }
    }

    #[test]
    fn a_month_is_no_part_of_a_longer_name() {
        let cands = scored("From November to February the Tuesday group meets at the Old Mill.");
        assert!(cands.iter().all(|(s, _)| !s.contains("February the")), "{cands:?}");
        assert!(cands.iter().any(|(s, _)| s == "Old Mill"), "{cands:?}");
    }

    #[test]
    fn a_number_joined_to_a_name_by_a_hyphen_is_part_of_it() {
        for (sentence, name) in [
            ("We keep ID-11 and Rodinal for black and white film.", "ID-11"),
            ("The clinic gives COVID-19 boosters on Fridays.", "COVID-19"),
        ] {
            let cands = scored(sentence);
            assert!(cands.iter().any(|(s, _)| s == name), "{sentence}: {cands:?}");
            assert!(
                !cands.iter().any(|(s, _)| s == "11" || s == "19"),
                "{sentence}: {cands:?}"
            );
        }
    }

    #[test]
    fn figures_keep_their_units() {
        for (sentence, blank) in [
            ("The joining fee is 25 euros for adults.", "25 euros"),
            ("A full kettle of 1.7 litres boils quickly.", "1.7 litres"),
            ("Sailings stop when the wind passes 45 knots today.", "45 knots"),
            ("Road tyres run at about 100 psi normally.", "100 psi"),
            ("Feed the starter again after two weeks or 3 weeks.", "3 weeks"),
            ("Buy a 30-litre bucket with a tight lid.", "30-litre"),
            ("A full plot costs £48 a year on this site.", "£48"),
            ("A 4 kWp system on a south-facing roof is enough.", "4 kWp"),
            ("Free plans include 5 GB of storage for each user.", "5 GB"),
            ("About 100 mg of caffeine is one cup of coffee.", "100 mg"),
            // The abbreviation keeps its last dot, also the sentence's.
            ("The clinic opens at 9 a.m. on weekdays only.", "9 a.m."),
            ("The last ferry leaves the island at 6 p.m.", "6 p.m."),
            ("Refunds arrive within 5 working days of the return.", "5 working days"),
            ("Collections run every two weeks from March to November.", "two weeks"),
            (
                "Most ales ferment in one to two weeks at room heat.",
                "one to two weeks",
            ),
            (
                "Adults need seven to nine hours of sleep in every day.",
                "seven to nine hours",
            ),
            (
                "China has around two thirds of global electric car sales.",
                "two thirds",
            ),
            ("The target rate is 4 per cent a year for members.", "4 per cent"),
            // A range is one figure with its unit.
            ("A strong hive gives 20 to 30 kilograms of honey.", "20 to 30 kilograms"),
            ("Road tyres usually run between 80 and 100 psi.", "80 and 100 psi"),
            ("On a dull day output falls to 10 to 25 per cent.", "10 to 25 per cent"),
            ("The walk to the summit takes 1 hour each way.", "1 hour"),
            // A count of a plural noun answers "how many".
            ("Classes are capped at eight students for each tutor.", "eight students"),
            // A telephone number is one, in groups or not.
            (
                "Phone the bookings secretary on 01632 960 118 after six.",
                "01632 960 118",
            ),
            ("Call 555-0199 to book a table for tonight.", "555-0199"),
            // A hyphenated noun counts whole, a lone letter before its
            // hyphen and all.
            ("Members can borrow up to ten e-books at a time.", "ten e-books"),
            ("Water only when the top two centimetres are dry.", "two centimetres"),
            (
                "Your sticker arrives within ten working days by post.",
                "ten working days",
            ),
        ] {
            let cands = scored(sentence);
            assert!(cands.iter().any(|(s, _)| s == blank), "{sentence}: {cands:?}");
        }
    }

    #[test]
    fn a_code_span_is_one_blank_and_nothing_cuts_into_it() {
        let sentence = "Set the `CINDERLOG_CONFIG` variable or pass `--config PATH` to read another file.";
        let cands = scored(sentence);
        for whole in ["CINDERLOG_CONFIG", "--config PATH"] {
            assert!(cands.iter().any(|(s, _)| s == whole), "{whole}: {cands:?}");
        }
        for (s, _) in &cands {
            assert!(
                !matches!(s.as_str(), "PATH" | "config" | "config PATH" | "PATH to"),
                "{s}: {cands:?}"
            );
        }
        // Too long to recall verbatim, or most of the sentence: no blank.
        let long = "Run `docker run --rm -v /srv/data:/data -p 8080:80 registry/app:latest` once.";
        assert!(
            !scored(long).iter().any(|(s, _)| s.starts_with("docker")),
            "{:?}",
            scored(long)
        );
    }

    #[test]
    fn a_capital_letter_ends_a_name_and_an_opening_word_joins_none() {
        let cands = scored("Residents of Zone C can apply for two parking permits.");
        assert!(cands.iter().any(|(s, _)| s == "Zone C"), "{cands:?}");
        assert!(!cands.iter().any(|(s, _)| s.starts_with("Residents of")), "{cands:?}");
        // In mid-sentence, names still join over "of".
        let cands = scored("Most visitors come from the University of Leeds by bus.");
        assert!(cands.iter().any(|(s, _)| s == "University of Leeds"), "{cands:?}");
    }

    #[test]
    fn an_interface_verb_is_no_part_of_the_label_it_opens() {
        let cands = scored("Open Settings and choose Delete Account at the bottom.");
        assert!(cands.iter().any(|(s, _)| s == "Settings"), "{cands:?}");
        assert!(!cands.iter().any(|(s, _)| s.starts_with("Open")), "{cands:?}");
    }
}
