//! The deck file format (YAML, schema version 1): the only importer of
//! serde_yaml (with its `emit` submodule), so swapping the YAML crate
//! touches nothing else.
//!
//! Reads text into a validated [`Deck`] with `line:col` positions for every
//! problem, and writes decks deterministically. No file I/O here.

mod emit;

use super::{Deck, Problem, RawDeck, validate};

/// A problem in a deck file, with a 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot write deck as YAML: {0}")]
pub struct WriteError(#[from] serde_yaml::Error);

/// Parses and validates a deck. On failure, every problem found, in file
/// order.
pub fn from_str(text: &str) -> Result<Deck, Vec<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(vec![Diagnostic {
            line: 1,
            col: 1,
            message: "deck file is empty".into(),
        }]);
    }
    let raw: RawDeck = match serde_yaml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let mut message = e.to_string();
            if let Some(at) = message.find(" at line ") {
                message.truncate(at);
            }
            return Err(vec![Diagnostic { line, col, message }]);
        }
    };
    validate(&raw).map_err(|problems| {
        let map = Positions::scan(text);
        let mut diags: Vec<Diagnostic> = problems.iter().map(|p| map.locate(p)).collect();
        diags.sort_by_key(|d| (d.line, d.col));
        diags
    })
}

/// Parses any other YAML document quizdeck reads (the config file), with
/// the position of the first problem.
pub fn from_str_any<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return serde_yaml::from_str("{}").map_err(|e| Diagnostic {
            line: 1,
            col: 1,
            message: e.to_string(),
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (line, col) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let mut message = e.to_string();
        if let Some(at) = message.find(" at line ") {
            message.truncate(at);
        }
        Diagnostic { line, col, message }
    })
}

/// Writes a deck: fields in schema order, empty optional fields left out,
/// so the same deck always gives the same bytes.
pub fn to_string(deck: &Deck) -> Result<String, WriteError> {
    Ok(emit::write(&deck.to_raw())?)
}

/// Where keys stand in the text. serde_yaml reports no positions for values
/// that parse but fail validation, so the text is scanned for them: the
/// top-level keys and, under `cards:`, each sequence item and its keys.
/// A key and its 1-based line and column.
type KeyAt = (String, usize, usize);

struct Positions {
    top: Vec<KeyAt>,
    /// Each card's first line and its keys.
    cards: Vec<(usize, Vec<KeyAt>)>,
}

impl Positions {
    fn scan(text: &str) -> Self {
        let mut top = Vec::new();
        let mut cards: Vec<(usize, Vec<KeyAt>)> = Vec::new();
        let mut in_cards = false;
        let mut item_indent: Option<usize> = None;
        for (i, line) in text.lines().enumerate() {
            let ln = i + 1;
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let indent = line.len() - trimmed.len();
            if indent == 0 && !trimmed.starts_with('-') {
                if let Some(key) = key_of(trimmed) {
                    in_cards = key == "cards";
                    top.push((key.to_string(), ln, 1));
                }
                continue;
            }
            if !in_cards {
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix('-').filter(|r| r.is_empty() || r.starts_with(' '))
                && item_indent.is_none_or(|ii| indent <= ii)
            {
                item_indent = Some(indent);
                cards.push((ln, Vec::new()));
                let rest_trim = rest.trim_start();
                if let Some(key) = key_of(rest_trim) {
                    let col = line.len() - rest_trim.len() + 1;
                    if let Some(c) = cards.last_mut() {
                        c.1.push((key.to_string(), ln, col));
                    }
                }
                continue;
            }
            if let (Some(key), Some(c)) = (key_of(trimmed), cards.last_mut())
                && item_indent.is_some_and(|ii| {
                    indent == ii + 2 || indent > ii && c.1.iter().all(|(_, _, col)| *col == indent + 1)
                })
            {
                c.1.push((key.to_string(), ln, indent + 1));
            }
        }
        Positions { top, cards }
    }

    fn locate(&self, p: &Problem) -> Diagnostic {
        let find = |keys: &[KeyAt], field: &str| keys.iter().find(|(k, _, _)| k == field).map(|&(_, l, c)| (l, c));
        let (line, col) = match (p.card, p.field) {
            (Some(i), field) => match self.cards.get(i) {
                Some((start, keys)) => field
                    .and_then(|f| find(keys, f))
                    .unwrap_or((*start, 1 + 2 * usize::from(*start > 0))),
                None => find(&self.top, "cards").unwrap_or((1, 1)),
            },
            (None, Some(field)) => find(&self.top, field).unwrap_or((1, 1)),
            (None, None) => (1, 1),
        };
        Diagnostic {
            line,
            col,
            message: p.message.clone(),
        }
    }
}

fn key_of(s: &str) -> Option<&str> {
    let colon = s.find(':')?;
    let key = &s[..colon];
    let after = &s[colon + 1..];
    (!key.is_empty()
        && (after.is_empty() || after.starts_with(' '))
        && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
    .then_some(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_problem_positions() {
        let text = "version: 1\ntitle: T\ncards:\n  - id: a\n    kind: qa\n    question: Q?\n    answer: ''\n  - id: a\n    kind: cloze\n    text: no blank here\n";
        let diags = from_str(text).unwrap_err();
        let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            vec![
                "7:5: card \"a\" has an empty `answer`",
                "8:5: duplicate id \"a\" (first used by card 1)",
                "10:5: card \"a\": cloze text has no {{blank}}",
            ]
        );
    }

    #[test]
    fn syntax_errors_carry_serde_positions() {
        let diags = from_str("version: 1\ntitle: [unclosed\n").unwrap_err();
        assert_eq!(diags.len(), 1);
        assert!(diags[0].line >= 2, "{diags:?}");
    }

    #[test]
    fn unknown_fields_are_named() {
        let diags = from_str("version: 1\ntitle: T\ncards:\n  - id: a\n    kind: qa\n    qestion: Q?\n    answer: A\n")
            .unwrap_err();
        assert!(diags[0].message.contains("unknown field `qestion`"), "{diags:?}");
        assert_eq!(diags[0].line, 6);
    }

    #[test]
    fn newer_schema_is_refused_with_advice() {
        let diags = from_str("version: 2\ntitle: T\ncards: []\n").unwrap_err();
        assert_eq!(diags[0].line, 1);
        assert!(diags[0].message.contains("upgrade quizdeck"));
    }

    #[test]
    fn minimal_hand_written_deck_loads() {
        let deck = from_str("version: 1\ntitle: Capitals\ncards:\n- id: fr\n  kind: qa\n  question: Capital of France?\n  answer: Paris\n- id: x\n  kind: cloze\n  text: The capital of Italy is {{Rome}}.\n").unwrap();
        assert_eq!(deck.cards.len(), 2);
        assert_eq!(deck.cards[1].id, "x");
    }

    #[test]
    fn written_decks_read_back_identically() {
        let deck = from_str("version: 1\ntitle: T\ncards:\n- id: a\n  kind: qa\n  question: \"Q: with colon?\"\n  answer: |-\n    line one\n    line two\n  tags: [q1]\n").unwrap();
        let text = to_string(&deck).unwrap();
        assert_eq!(from_str(&text).unwrap(), deck);
    }
}
