//! Writing a deck's YAML at generation speed, byte for byte what
//! serde_yaml writes, except that the words YAML 1.1 readers (PyYAML,
//! Ruby, Go's yaml.v2) take for booleans are quoted: a key point "Yes"
//! stays text for every tool that reads a deck.
//!
//! serde_yaml's emitter (libyaml) looks at every character of every scalar
//! through several layers and writes about 25 MB/s, slower than the whole
//! rest of generation. A deck has one fixed shape, and nearly all of its
//! strings are either plain one-liners or plain multi-line text that libyaml
//! writes as a `|-` block; those are written here directly. Any string
//! whose style or escaping takes more judgement (quotes, tabs, a `: `, a
//! leading space, a word YAML would read as a bool, ...) is handed to
//! serde_yaml in a small document of the same shape, and what it writes for
//! that string is copied in.
//! The tests compare the whole output with serde_yaml's on random decks
//! built from exactly those hard cases.

use super::super::{RawCard, RawDeck};

/// The deck as serde_yaml would write it, YAML 1.1 booleans quoted.
pub fn write(deck: &RawDeck) -> Result<String, serde_yaml::Error> {
    let mut w = Emitter {
        out: String::with_capacity(4096),
    };
    if let Some(v) = deck.version {
        w.out.push_str(&format!("version: {v}\n"));
    }
    if let Some(t) = &deck.title {
        w.field(0, "title", t)?;
    }
    if let Some(s) = &deck.source {
        w.out.push_str("source:\n");
        w.field(2, "path", &s.path)?;
        w.field(2, "sha256", &s.sha256)?;
    }
    if let Some(g) = &deck.generator {
        w.field(0, "generator", g)?;
    }
    if let Some(l) = &deck.language {
        w.field(0, "language", l)?;
    }
    match &deck.cards {
        Some(cards) if cards.is_empty() => w.out.push_str("cards: []\n"),
        Some(cards) => {
            w.out.push_str("cards:\n");
            for c in cards {
                w.card(c)?;
            }
        }
        None => {}
    }
    if w.out.is_empty() {
        w.out.push_str("{}\n");
    }
    Ok(w.out)
}

struct Emitter {
    out: String,
}

impl Emitter {
    fn card(&mut self, c: &RawCard) -> Result<(), serde_yaml::Error> {
        // The first key shares the line of the sequence's `- `.
        let start = self.out.len();
        let strings = [
            ("id", &c.id),
            ("kind", &c.kind),
            ("question", &c.question),
            ("answer", &c.answer),
            ("context", &c.context),
        ];
        for (key, value) in strings {
            if let Some(v) = value {
                self.field(2, key, v)?;
            }
        }
        self.list(2, "keypoints", &c.keypoints)?;
        if let Some(t) = &c.text {
            self.field(2, "text", t)?;
        }
        self.list(2, "accept", &c.accept)?;
        self.list(2, "distractors", &c.distractors)?;
        self.list(2, "tags", &c.tags)?;
        if let Some(l) = c.line {
            self.out.push_str(&format!("  line: {l}\n"));
        }
        if self.out.len() == start {
            self.out.push_str("- {}\n");
        } else {
            self.out.replace_range(start..start + 2, "- ");
        }
        Ok(())
    }

    fn list(&mut self, indent: usize, key: &str, items: &[String]) -> Result<(), serde_yaml::Error> {
        if items.is_empty() {
            return Ok(());
        }
        self.pad(indent);
        self.out.push_str(key);
        self.out.push_str(":\n");
        for item in items {
            if let Some(style) = one_line(item) {
                self.pad(indent);
                self.out.push_str("- ");
                self.scalar(item, style);
            } else {
                self.fallback(indent, key, item, true)?;
            }
        }
        Ok(())
    }

    fn field(&mut self, indent: usize, key: &str, value: &str) -> Result<(), serde_yaml::Error> {
        if let Some(style) = one_line(value) {
            self.pad(indent);
            self.out.push_str(key);
            self.out.push_str(": ");
            self.scalar(value, style);
        } else if literal(value) {
            self.pad(indent);
            self.out.push_str(key);
            self.out.push_str(": |-\n");
            for line in value.split('\n') {
                if !line.is_empty() {
                    self.pad(indent + 2);
                    self.out.push_str(line);
                }
                self.out.push('\n');
            }
        } else {
            self.fallback(indent, key, value, false)?;
        }
        Ok(())
    }

    /// Has serde_yaml write one string in the same place of a document of
    /// the same shape (a top-level field, a field of `source` or of a card,
    /// an item of a card's list), and appends what it wrote for it.
    fn fallback(&mut self, indent: usize, key: &str, value: &str, item: bool) -> Result<(), serde_yaml::Error> {
        use serde_yaml::{Mapping, Value};
        let one = |k: &str, v: Value| Value::Mapping(Mapping::from_iter([(Value::from(k), v)]));
        let mut v = Value::from(value);
        if item {
            v = Value::Sequence(vec![v]);
        }
        v = one(key, v);
        // What serde_yaml writes before the part that is ours, and what our
        // part lacks of its line's start.
        let (skip, lead) = if indent == 0 {
            (String::new(), "")
        } else if matches!(key, "path" | "sha256") && !item {
            // `source` is the only mapping at this depth that is not a card.
            v = one("source", v);
            ("source:\n".to_string(), "")
        } else {
            v = one("cards", Value::Sequence(vec![v]));
            if item {
                (format!("cards:\n- {key}:\n"), "")
            } else {
                ("cards:\n- ".to_string(), "  ")
            }
        };
        let written = serde_yaml::to_string(&v)?;
        debug_assert!(written.starts_with(&skip), "{written:?}");
        self.out.push_str(lead);
        self.out.push_str(written.get(skip.len()..).unwrap_or(&written));
        Ok(())
    }

    /// A one-line string in its [`Style`], and its line end.
    fn scalar(&mut self, s: &str, style: Style) {
        match style {
            Style::Plain => self.out.push_str(s),
            Style::Single => {
                self.out.push('\'');
                for (i, part) in s.split('\'').enumerate() {
                    if i > 0 {
                        self.out.push_str("''");
                    }
                    self.out.push_str(part);
                }
                self.out.push('\'');
            }
        }
        self.out.push('\n');
    }

    fn pad(&mut self, n: usize) {
        for _ in 0..n {
            self.out.push(' ');
        }
    }
}

/// Characters libyaml writes as they are: printable, and no line break.
fn printable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}')
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// How serde_yaml writes a one-line string, when that is plain to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    /// `'...'`, a `'` doubled.
    Single,
}

/// The style serde_yaml gives a one-line string, or `None` to ask it.
///
/// It opens with a letter, `(`, `$` or a non-ASCII character (no YAML
/// indicator, no number) or is digits (quoted lest they read back as a
/// number) or a digit-led string with a space (a number has none), and
/// holds only printable characters: then it is plain unless it is a word
/// YAML reads as null or a bool, or holds a `: ` or ` #`, or ends in `:` or
/// a space, which make it single-quoted.
fn one_line(s: &str) -> Option<Style> {
    let b = s.as_bytes();
    let first = *b.first()?;
    if b.iter().all(u8::is_ascii_digit) {
        return Some(Style::Single);
    }
    let opens_well = first.is_ascii_alphabetic()
        || matches!(first, b'(' | b'$')
        || first >= 0x80
        || first.is_ascii_digit() && b.contains(&b' ');
    // Control characters (tabs, line breaks, DEL) take double quotes; a
    // fold, not an early exit, so the check runs on whole vectors.
    if !opens_well || b.iter().fold(false, |bad, &c| bad | (c < b' ') | (c == 0x7f)) {
        return None;
    }
    if !(s.is_ascii() || s.chars().all(printable)) {
        return None;
    }
    if matches!(
        s,
        "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
    ) || YAML11_BOOLS.contains(&s)
        || b.last() == Some(&b' ')
    {
        return Some(Style::Single);
    }
    for i in memchr::memchr2_iter(b':', b'#', b) {
        match b[i] {
            b':' if b.get(i + 1).is_none_or(|&n| n == b' ') => return Some(Style::Single),
            b'#' if i > 0 && b[i - 1] == b' ' => return Some(Style::Single),
            _ => {}
        }
    }
    Some(Style::Plain)
}

/// Plain words that YAML 1.2 (serde_yaml) reads as text and YAML 1.1 as
/// booleans; serde_yaml leaves them plain, they are quoted here.
const YAML11_BOOLS: &[&str] = &[
    "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
];

/// A multi-line string serde_yaml writes as a `|-` block with no
/// indentation indicator: printable lines, no space before a line break or
/// at either end, no line break at either end.
fn literal(s: &str) -> bool {
    let b = s.as_bytes();
    let edge = |c: Option<&u8>| matches!(c, Some(b' ' | b'\n'));
    if !s.contains('\n') || edge(b.first()) || edge(b.last()) || s.contains(" \n") {
        return false;
    }
    if s.is_ascii() {
        return !b
            .iter()
            .fold(false, |bad, &c| bad | (c < b' ' && c != b'\n') | (c == 0x7f));
    }
    s.chars().all(|c| c == '\n' || printable(c))
}

#[cfg(test)]
mod tests {
    use super::super::super::Source;
    use super::*;
    use proptest::prelude::*;

    /// Pieces that steer libyaml's choice of style.
    const PIECES: &[&str] = &[
        "a",
        "word",
        "Z",
        "x y",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\r",
        ":",
        ": ",
        "#",
        " #",
        "-",
        "- ",
        "?",
        ",",
        "[",
        "]",
        "{",
        "}",
        "&",
        "*",
        "!",
        "|",
        ">",
        "'",
        "\"",
        "%",
        "@",
        "`",
        "~",
        "---",
        "...",
        "0",
        "7",
        "1.5",
        "0x1F",
        "012",
        "true",
        "null",
        "NULL",
        "False",
        "yes",
        "Yes",
        "No",
        "off",
        "Y",
        "é",
        "’",
        "中",
        "😀",
        "\u{85}",
        "\u{2028}",
        "\u{feff}",
        "\u{a0}",
        "\\",
        "\u{0}",
        "\u{7f}",
        "{{blank}}",
        ".inf",
        "-1",
        "1e5",
        "2005",
        "0o17",
        "0b1",
        "1_000",
        "5.",
        "inf",
        "NaN",
        "(",
        "$",
        "“",
        "''",
        "é:",
    ];

    /// `text` with the YAML 1.1 booleans that make a whole scalar written
    /// plain, as serde_yaml writes them.
    fn unquote_yaml11(text: &str) -> String {
        text.split_inclusive('\n')
            .map(|line| {
                for w in YAML11_BOOLS {
                    for sep in [": ", "- "] {
                        if let Some(head) = line.strip_suffix(&format!("{sep}'{w}'\n")) {
                            return format!("{head}{sep}{w}\n");
                        }
                    }
                }
                line.to_string()
            })
            .collect()
    }

    #[test]
    fn yaml11_booleans_are_quoted_and_read_back_as_text() {
        let card = RawCard {
            id: Some("c1".into()),
            keypoints: vec!["Yes".into(), "off".into(), "Yesterday".into()],
            answer: Some("No".into()),
            ..RawCard::default()
        };
        let d = RawDeck {
            cards: Some(vec![card]),
            ..RawDeck::default()
        };
        let text = write(&d).unwrap();
        assert!(text.contains("  answer: 'No'\n"), "{text}");
        assert!(text.contains("  - 'Yes'\n  - 'off'\n  - Yesterday\n"), "{text}");
        let back: RawDeck = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back.cards.unwrap()[0].keypoints, ["Yes", "off", "Yesterday"]);
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(PIECES), 0..8).prop_map(|v| v.concat())
    }

    fn strings() -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec(text(), 0..3)
    }

    fn card() -> impl Strategy<Value = RawCard> {
        (
            (
                proptest::option::of(text()),
                proptest::option::of(text()),
                proptest::option::of(text()),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            (
                strings(),
                proptest::option::of(text()),
                strings(),
                strings(),
                strings(),
                proptest::option::of(any::<u64>()),
            ),
        )
            .prop_map(
                |((id, kind, question, answer, context), (keypoints, text, accept, distractors, tags, line))| RawCard {
                    id,
                    kind,
                    question,
                    answer,
                    context,
                    keypoints,
                    text,
                    accept,
                    distractors,
                    tags,
                    line,
                },
            )
    }

    fn deck() -> impl Strategy<Value = RawDeck> {
        (
            proptest::option::of(any::<u32>()),
            proptest::option::of(text()),
            proptest::option::of((text(), text())),
            proptest::option::of(text()),
            proptest::option::of(text()),
            proptest::option::of(proptest::collection::vec(card(), 0..4)),
        )
            .prop_map(|(version, title, source, generator, language, cards)| RawDeck {
                version,
                title,
                source: source.map(|(path, sha256)| Source { path, sha256 }),
                generator,
                language,
                cards,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]

        #[test]
        fn writes_what_serde_yaml_writes(d in deck()) {
            prop_assert_eq!(unquote_yaml11(&write(&d).unwrap()), serde_yaml::to_string(&d).unwrap());
        }
    }

    #[test]
    fn usual_text_takes_the_fast_paths() {
        let plain = |s: &str| one_line(s) == Some(Style::Plain);
        let single = |s: &str| one_line(s) == Some(Style::Single);
        assert!(plain("China tends to prefer {{diplomatic channels}}, mostly."));
        assert!(plain("Why is the sky blue? It’s scattering") && plain("“Quoted,” she said."));
        assert!(literal("A list:\n\n  - one\n  - two"));
        assert!(single("true") && single("Note: this") && single("a #tag") && single("2005") && single("it's: x"));
        assert_eq!(one_line("tab\there"), None);
        assert!(!literal(" leading space\nx") && !literal("trailing space \nx") && !literal("tab\tx\ny"));
    }
}
