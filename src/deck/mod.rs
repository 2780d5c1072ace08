//! Decks and cards: the types every command shares, stable card ids,
//! validation of decks written by hand, and merging a regenerated deck into
//! an edited one.
//!
//! Pure. The on-disk YAML form lives in `deck::yaml`, the only importer of
//! serde_yaml, and the binary form of the start-up cache in `deck::cache`;
//! this module only derives serde traits.

pub mod cache;
pub mod yaml;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::{Deserialize, Serialize};

/// The deck schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    pub title: String,
    pub source: Option<Source>,
    pub generator: Option<String>,
    /// The ISO 639-1 code of the language the cards are in, when not
    /// English: typed answers are graded in it.
    pub language: Option<String>,
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub path: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Card {
    pub id: String,
    pub body: CardBody,
    pub tags: Vec<String>,
    /// 1-based line of the card's origin in the source article.
    pub line: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CardBody {
    Qa {
        question: String,
        answer: String,
        context: Option<String>,
        keypoints: Vec<String>,
        /// Wrong answers offered beside `answer` in multiple choice: a
        /// multiple-choice question's other options.
        distractors: Vec<String>,
    },
    Cloze {
        /// The sentence with exactly one `{{blank}}`.
        text: String,
        accept: Vec<String>,
        distractors: Vec<String>,
    },
}

impl CardBody {
    pub fn kind(&self) -> &'static str {
        match self {
            CardBody::Qa { .. } => "qa",
            CardBody::Cloze { .. } => "cloze",
        }
    }

    /// The text the id is derived from.
    fn identity(&self) -> &str {
        match self {
            CardBody::Qa { question, .. } => question,
            CardBody::Cloze { text, .. } => text,
        }
    }
}

// ---------------------------------------------------------------- ids

/// FNV-1a, 64 bit: a fixed, documented function, so ids stay the same
/// across Rust releases and platforms (unlike `DefaultHasher`).
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    fnv1a64_on(0xcbf2_9ce4_8422_2325, bytes)
}

/// FNV-1a continued from `h` over more bytes.
fn fnv1a64_on(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Lowercase, whitespace collapsed: edits of case and spacing keep the id.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    each_normalised(s, |c| out.push(c));
    out
}

/// The characters of [`normalise`]`(s)`, one by one: ids hash them as
/// they come instead of building the string.
fn each_normalised(s: &str, mut out: impl FnMut(char)) {
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            out(' ');
        }
        if w.is_ascii() {
            w.bytes().for_each(|b| out(char::from(b.to_ascii_lowercase())));
        } else {
            // Whole words: a final sigma lowercases by its place in the word.
            w.to_lowercase().chars().for_each(&mut out);
        }
    }
}

/// `qa-` or `cz-` and 8 hex digits of FNV-1a over `kind`, a unit separator
/// (0x1F) and the normalised question or cloze text.
///
/// ```
/// use quizdeck::deck::{CardBody, card_id};
/// let body = |q: &str| CardBody::Qa {
///     question: q.into(),
///     answer: "a".into(),
///     context: None,
///     keypoints: vec![],
///     distractors: vec![],
/// };
/// assert_eq!(card_id(&body("What is FSRS?")), card_id(&body("what is  fsrs?")));
/// assert!(card_id(&body("What is FSRS?")).starts_with("qa-"));
/// ```
pub fn card_id(body: &CardBody) -> String {
    let kind = body.kind();
    let mut h = fnv1a64(kind.as_bytes());
    let mut write = |bytes: &[u8]| h = fnv1a64_on(h, bytes);
    write(&[0x1f]);
    each_normalised(body.identity(), |c| write(c.encode_utf8(&mut [0; 4]).as_bytes()));
    let prefix = if kind == "qa" { "qa" } else { "cz" };
    format!("{prefix}-{:08x}", (h >> 32) as u32 ^ h as u32)
}

/// Gives every card its content id; the second and later cards with the
/// same id get `-2`, `-3`, ... in deck order.
pub fn assign_ids(cards: &mut [Card]) {
    let mut seen: HashMap<String, u32> = HashMap::default();
    let mut taken: HashSet<String> = HashSet::default();
    for c in cards.iter_mut() {
        let base = card_id(&c.body);
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        let mut id = if *n == 1 { base.clone() } else { format!("{base}-{n}") };
        while !taken.insert(id.clone()) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        c.id = id;
    }
}

// ---------------------------------------------------------------- cloze

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClozeParts<'a> {
    pub before: &'a str,
    pub answer: &'a str,
    pub after: &'a str,
}

/// Splits a cloze text at its one `{{blank}}`.
pub fn cloze_parts(text: &str) -> Result<ClozeParts<'_>, String> {
    let opens = text.matches("{{").count();
    let closes = text.matches("}}").count();
    if opens == 0 {
        return Err("cloze text has no {{blank}}".into());
    }
    if opens > 1 || closes > 1 {
        return Err(format!(
            "cloze text has {} blanks; exactly one {{{{blank}}}} is allowed",
            opens.max(closes)
        ));
    }
    let o = text.find("{{").unwrap_or(0);
    let Some(c) = text.find("}}") else {
        return Err("cloze blank is not closed with }}".into());
    };
    if c < o {
        return Err("cloze blank closes before it opens".into());
    }
    let answer = text[o + 2..c].trim();
    if answer.is_empty() {
        return Err("cloze blank is empty".into());
    }
    Ok(ClozeParts {
        before: &text[..o],
        answer,
        after: &text[c + 2..],
    })
}

// ---------------------------------------------------------------- raw form

/// A deck as written on disk, every field optional so that validation can
/// report all that is missing at once instead of the first serde error.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeck {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cards: Option<Vec<RawCard>>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCard {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keypoints: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distractors: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

/// A validation problem: which card (index) and field it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub card: Option<usize>,
    pub field: Option<&'static str>,
    pub message: String,
}

impl Problem {
    fn deck(field: &'static str, message: impl Into<String>) -> Self {
        Problem {
            card: None,
            field: Some(field),
            message: message.into(),
        }
    }
    fn card(card: usize, field: Option<&'static str>, message: impl Into<String>) -> Self {
        Problem {
            card: Some(card),
            field,
            message: message.into(),
        }
    }
}

fn non_empty(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Checks a raw deck against schema version 1 and builds the deck, or lists
/// every problem found.
pub fn validate(raw: &RawDeck) -> Result<Deck, Vec<Problem>> {
    let mut problems = Vec::new();
    match raw.version {
        None => problems.push(Problem::deck(
            "version",
            "missing `version` (this build reads version 1)",
        )),
        Some(SCHEMA_VERSION) => {}
        Some(v) if v > SCHEMA_VERSION => problems.push(Problem::deck(
            "version",
            format!("deck schema version {v} is newer than this quizdeck reads (1); upgrade quizdeck"),
        )),
        Some(v) => problems.push(Problem::deck(
            "version",
            format!("unknown deck schema version {v} (this build reads version 1)"),
        )),
    }
    if non_empty(&raw.title).is_none() {
        problems.push(Problem::deck("title", "missing or empty `title`"));
    }
    if let Some(code) = &raw.language
        && crate::extract::Language::from_code(code.trim()).is_none()
    {
        problems.push(Problem::deck(
            "language",
            format!(
                "unknown `language` \"{code}\" (one of: {})",
                crate::extract::Language::codes()
            ),
        ));
    }
    let Some(raw_cards) = &raw.cards else {
        problems.push(Problem::deck("cards", "missing `cards`"));
        return Err(problems);
    };
    let mut cards = Vec::with_capacity(raw_cards.len());
    let mut ids: HashMap<&str, usize> = HashMap::default();
    for (i, rc) in raw_cards.iter().enumerate() {
        let n = problems.len();
        let id = non_empty(&rc.id);
        match id {
            None => problems.push(Problem::card(i, Some("id"), format!("card {} has no `id`", i + 1))),
            Some(id) => {
                if let Some(first) = ids.insert(id, i) {
                    problems.push(Problem::card(
                        i,
                        Some("id"),
                        format!("duplicate id \"{id}\" (first used by card {})", first + 1),
                    ));
                    ids.insert(id, first);
                }
            }
        }
        let name = id.map_or_else(|| format!("card {}", i + 1), |id| format!("card \"{id}\""));
        let body = match rc.kind.as_deref().map(str::trim) {
            Some("qa") => {
                for (field, value) in [("question", &rc.question), ("answer", &rc.answer)] {
                    if non_empty(value).is_none() {
                        problems.push(Problem::card(i, Some(field), format!("{name} has an empty `{field}`")));
                    }
                }
                for (field, present) in [("text", rc.text.is_some()), ("accept", !rc.accept.is_empty())] {
                    if present {
                        problems.push(Problem::card(
                            i,
                            Some(field),
                            format!("{name}: `{field}` belongs to cloze cards, not qa"),
                        ));
                    }
                }
                CardBody::Qa {
                    question: rc.question.clone().unwrap_or_default().trim().to_string(),
                    answer: rc.answer.clone().unwrap_or_default().trim().to_string(),
                    context: non_empty(&rc.context).map(str::to_string),
                    keypoints: rc.keypoints.clone(),
                    distractors: rc.distractors.clone(),
                }
            }
            Some("cloze") => {
                match non_empty(&rc.text) {
                    None => problems.push(Problem::card(i, Some("text"), format!("{name} has an empty `text`"))),
                    Some(t) => {
                        if let Err(e) = cloze_parts(t) {
                            problems.push(Problem::card(i, Some("text"), format!("{name}: {e}")));
                        }
                    }
                }
                for (field, present) in [
                    ("question", rc.question.is_some()),
                    ("answer", rc.answer.is_some()),
                    ("context", rc.context.is_some()),
                    ("keypoints", !rc.keypoints.is_empty()),
                ] {
                    if present {
                        problems.push(Problem::card(
                            i,
                            Some(field),
                            format!("{name}: `{field}` belongs to qa cards, not cloze"),
                        ));
                    }
                }
                CardBody::Cloze {
                    text: rc.text.clone().unwrap_or_default().trim().to_string(),
                    accept: rc.accept.clone(),
                    distractors: rc.distractors.clone(),
                }
            }
            Some(other) => {
                problems.push(Problem::card(
                    i,
                    Some("kind"),
                    format!("{name} has unknown kind \"{other}\" (expected qa or cloze)"),
                ));
                continue;
            }
            None => {
                problems.push(Problem::card(
                    i,
                    Some("kind"),
                    format!("{name} has no `kind` (qa or cloze)"),
                ));
                continue;
            }
        };
        for (field, list) in [
            ("keypoints", &rc.keypoints),
            ("accept", &rc.accept),
            ("distractors", &rc.distractors),
            ("tags", &rc.tags),
        ] {
            if list.iter().any(|s| s.trim().is_empty()) {
                problems.push(Problem::card(
                    i,
                    Some(field),
                    format!("{name} has an empty entry in `{field}`"),
                ));
            }
        }
        if problems.len() == n {
            cards.push(Card {
                id: id.unwrap_or_default().to_string(),
                body,
                tags: rc.tags.clone(),
                line: rc.line,
            });
        }
    }
    if problems.is_empty() {
        Ok(Deck {
            title: non_empty(&raw.title).unwrap_or_default().to_string(),
            source: raw.source.clone(),
            generator: raw.generator.clone(),
            language: raw.language.as_ref().map(|l| l.trim().to_string()),
            cards,
        })
    } else {
        Err(problems)
    }
}

impl Deck {
    pub fn to_raw(&self) -> RawDeck {
        RawDeck {
            version: Some(SCHEMA_VERSION),
            title: Some(self.title.clone()),
            source: self.source.clone(),
            generator: self.generator.clone(),
            language: self.language.clone(),
            cards: Some(self.cards.iter().map(Card::to_raw).collect()),
        }
    }
}

impl Card {
    pub fn to_raw(&self) -> RawCard {
        let mut rc = RawCard {
            id: Some(self.id.clone()),
            kind: Some(self.body.kind().to_string()),
            tags: self.tags.clone(),
            line: self.line,
            ..RawCard::default()
        };
        match &self.body {
            CardBody::Qa {
                question,
                answer,
                context,
                keypoints,
                distractors,
            } => {
                rc.question = Some(question.clone());
                rc.answer = Some(answer.clone());
                rc.context = context.clone();
                rc.keypoints = keypoints.clone();
                rc.distractors = distractors.clone();
            }
            CardBody::Cloze {
                text,
                accept,
                distractors,
            } => {
                rc.text = Some(text.clone());
                rc.accept = accept.clone();
                rc.distractors = distractors.clone();
            }
        }
        rc
    }
}

// ---------------------------------------------------------------- merge

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Cards already in the deck (kept as the user left them).
    pub kept: usize,
    pub added: Vec<String>,
    /// Ids in the old deck that the article no longer produces.
    pub stale: Vec<String>,
    pub pruned: bool,
}

/// Merges a freshly generated deck into an existing one: cards the user has
/// (matched by id) stay as they are, new cards are added in article order,
/// and cards the article no longer yields are kept at the end unless
/// `prune`.
pub fn merge(existing: &Deck, fresh: &Deck, prune: bool) -> (Deck, MergeReport) {
    let old: HashMap<&str, &Card> = existing.cards.iter().map(|c| (c.id.as_str(), c)).collect();
    let new_ids: HashSet<&str> = fresh.cards.iter().map(|c| c.id.as_str()).collect();
    let mut report = MergeReport {
        pruned: prune,
        ..MergeReport::default()
    };
    let mut cards = Vec::with_capacity(fresh.cards.len());
    for c in &fresh.cards {
        if let Some(o) = old.get(c.id.as_str()) {
            report.kept += 1;
            cards.push((*o).clone());
        } else {
            report.added.push(c.id.clone());
            cards.push(c.clone());
        }
    }
    for c in &existing.cards {
        if !new_ids.contains(c.id.as_str()) {
            report.stale.push(c.id.clone());
            if !prune {
                cards.push(c.clone());
            }
        }
    }
    let deck = Deck {
        title: fresh.title.clone(),
        source: fresh.source.clone(),
        generator: fresh.generator.clone(),
        language: fresh.language.clone(),
        cards,
    };
    (deck, report)
}

#[cfg(test)]
mod tests;
