//! Decks in other tools' formats: Anki's plain-text notes (both ways) and
//! CSV. The only importer of csv and html-escape.
//!
//! Pure: text in, text out; the caller reads and writes the files.
//!
//! Anki's format is a delimited file with `#key:value` header lines
//! (`#separator:tab`, `#html:true`, `#guid column:1`, ...), one note per
//! line. quizdeck writes qa cards as `Basic` notes (Front, Back) and cloze
//! cards as `Cloze` notes (Text with `{{c1::...}}`, Back Extra), with the
//! card id as the note's GUID so that importing an updated export updates
//! the notes in place. A qa card's context follows its answer in a
//! `<div class="quizdeck-context">`, which import reads back.

use std::collections::BTreeMap;

use crate::deck::{self, CardBody, Deck, RawCard, RawDeck};

const CONTEXT_OPEN: &str = "<div class=\"quizdeck-context\">";
const CONTEXT_CLOSE: &str = "</div>";

/// A field as Anki reads it with `#html:true`: HTML special characters and
/// quotes as entities, line breaks as `<br>`, tabs as `&#9;`, so that no
/// field needs quoting.
fn html_field(s: &str) -> String {
    html_escape::encode_double_quoted_attribute(s)
        .replace("\r\n", "\n")
        .replace(['\r', '\n'], "<br>")
        .replace('\t', "&#9;")
}

/// A raw (non-HTML) column, quoted as CSV when it could be misread: a
/// leading `#` (a header line) or a separator, quote or line break.
fn raw_field(s: &str) -> String {
    if s.starts_with('#') || s.contains(['\t', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Anki tags: space-separated, so spaces inside a tag become `_`.
fn anki_tags(tags: &[String]) -> String {
    tags.iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The decks as one Anki import file. `prefix` puts every deck under a
/// parent deck (`prefix::title`).
pub fn to_anki(decks: &[&Deck], prefix: Option<&str>) -> String {
    let mut out = String::from(
        "#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n",
    );
    for d in decks {
        let name = match prefix {
            Some(p) => format!("{p}::{}", d.title),
            None => d.title.clone(),
        };
        for c in &d.cards {
            let (notetype, first, second) = match &c.body {
                CardBody::Qa {
                    question,
                    answer,
                    context,
                    ..
                } => {
                    let mut back = html_field(answer);
                    if let Some(ctx) = context {
                        back.push_str(&format!("<br><br>{CONTEXT_OPEN}{}{CONTEXT_CLOSE}", html_field(ctx)));
                    }
                    ("Basic", html_field(question), back)
                }
                CardBody::Cloze { text, .. } => {
                    let text = match deck::cloze_parts(text) {
                        Ok(p) => format!(
                            "{}{{{{c1::{}}}}}{}",
                            html_field(p.before),
                            html_field(p.answer),
                            html_field(p.after)
                        ),
                        Err(_) => html_field(text),
                    };
                    ("Cloze", text, String::new())
                }
            };
            let row = [
                raw_field(&c.id),
                notetype.to_string(),
                raw_field(&html_field(&name)),
                first,
                second,
                raw_field(&anki_tags(&c.tags)),
            ];
            out.push_str(&row.join("\t"));
            out.push('\n');
        }
    }
    out
}

/// One row per card: id, deck, kind, question (or cloze text), answer (or
/// the blanked term), tags (space-separated).
pub fn to_csv(decks: &[&Deck]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["id", "deck", "kind", "question", "answer", "tags"])?;
    for d in decks {
        for c in &d.cards {
            let (question, answer) = match &c.body {
                CardBody::Qa { question, answer, .. } => (question.clone(), answer.clone()),
                CardBody::Cloze { text, .. } => (
                    text.clone(),
                    deck::cloze_parts(text)
                        .map(|p| p.answer.to_string())
                        .unwrap_or_default(),
                ),
            };
            w.write_record([
                c.id.as_str(),
                d.title.as_str(),
                c.body.kind(),
                &question,
                &answer,
                &c.tags.join(" "),
            ])?;
        }
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A problem with an Anki file, at a line when there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("{l}: ")).unwrap_or_default())]
pub struct ImportError {
    pub line: Option<u64>,
    pub message: String,
}

/// What an import made: decks by Anki deck name, and what was left out.
#[derive(Debug, Default)]
pub struct Imported {
    pub decks: Vec<Deck>,
    /// `line: message` for notes skipped or changed.
    pub warnings: Vec<String>,
}

/// Header settings of an Anki text file.
struct Header {
    separator: u8,
    html: bool,
    guid: Option<usize>,
    notetype: Option<usize>,
    deck: Option<usize>,
    tags: Option<usize>,
    fixed_notetype: Option<String>,
    fixed_deck: Option<String>,
    extra_tags: Vec<String>,
}

fn parse_header(text: &str) -> Result<(Header, usize, u64), ImportError> {
    let mut h = Header {
        separator: b'\t',
        html: false,
        guid: None,
        notetype: None,
        deck: None,
        tags: None,
        fixed_notetype: None,
        fixed_deck: None,
        extra_tags: Vec::new(),
    };
    let mut offset = 0;
    let mut line_no = 0u64;
    for line in text.split_inclusive('\n') {
        let Some(rest) = line.trim_end_matches(['\r', '\n']).strip_prefix('#') else {
            break;
        };
        line_no += 1;
        offset += line.len();
        let Some((key, value)) = rest.split_once(':') else {
            continue;
        };
        let err = |m: String| ImportError {
            line: Some(line_no),
            message: m,
        };
        let column = |v: &str| {
            v.trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= 1)
                .map(|n| n - 1)
                .ok_or_else(|| err(format!("`#{key}` wants a column number from 1, not `{v}`")))
        };
        match key.trim() {
            "separator" => {
                h.separator = match value.trim() {
                    "tab" | "Tab" => b'\t',
                    "comma" | "Comma" => b',',
                    "semicolon" | "Semicolon" => b';',
                    "pipe" | "Pipe" => b'|',
                    "space" | "Space" => b' ',
                    "colon" | "Colon" => b':',
                    v if v.len() == 1 => v.as_bytes()[0],
                    v => return Err(err(format!("unknown separator `{v}`"))),
                }
            }
            "html" => h.html = value.trim().eq_ignore_ascii_case("true"),
            "guid column" => h.guid = Some(column(value)?),
            "notetype column" => h.notetype = Some(column(value)?),
            "deck column" => h.deck = Some(column(value)?),
            "tags column" => h.tags = Some(column(value)?),
            "notetype" => h.fixed_notetype = Some(value.trim().to_string()),
            "deck" => h.fixed_deck = Some(value.trim().to_string()),
            "tags" => h.extra_tags = value.split_whitespace().map(str::to_string).collect(),
            // Columns and settings quizdeck has no use for.
            _ => {}
        }
    }
    Ok((h, offset, line_no))
}

/// Field HTML as text: line breaks kept, tags dropped, entities decoded.
fn html_to_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            // A lone `<` is text.
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let tag = rest[open + 1..open + close].trim().to_ascii_lowercase();
        let name = tag.trim_start_matches('/').split([' ', '/']).next().unwrap_or("");
        // Every <br> is a line break; a block starts a line of its own.
        if name == "br" || (matches!(name, "div" | "p" | "li" | "tr") && !out.is_empty() && !out.ends_with('\n')) {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out).into_owned();
    decoded
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_string()
}

/// The deletions `{{cN::text}}` / `{{cN::text::hint}}` of a cloze note:
/// (start, end, number, text), in order.
fn deletions(text: &str) -> Vec<(usize, usize, u32, String)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find("{{c") {
        let start = from + i;
        let body = &text[start + 3..];
        let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
        let Some(after) = body[digits.len()..].strip_prefix("::") else {
            from = start + 3;
            continue;
        };
        let Some(end) = after.find("}}") else { break };
        let Ok(n) = digits.parse() else {
            from = start + 3;
            continue;
        };
        let inner = &after[..end];
        let answer = inner.split("::").next().unwrap_or(inner).to_string();
        let stop = start + 3 + digits.len() + 2 + end + 2;
        out.push((start, stop, n, answer));
        from = stop;
    }
    out
}

/// Reads an Anki plain-text export into decks: one per Anki deck (or
/// `default_title` without one), cards in file order.
pub fn from_anki(text: &str, default_title: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (h, offset, header_lines) = parse_header(text)?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(h.separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(&text.as_bytes()[offset..]);
    let mut by_deck: BTreeMap<String, (usize, Vec<RawCard>)> = BTreeMap::new();
    let mut warnings = Vec::new();
    let field_text = |s: &str| {
        if h.html { html_to_text(s) } else { s.trim().to_string() }
    };
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ImportError {
            line: e.position().map(|p| p.line() + header_lines),
            message: format!("cannot read this note: {e}"),
        })?;
        let line = record.position().map_or(i as u64 + 1, |p| p.line()) + header_lines;
        let meta = [h.guid, h.notetype, h.deck, h.tags];
        let get = |c: Option<usize>| c.and_then(|c| record.get(c)).map(str::trim);
        let fields: Vec<&str> = record
            .iter()
            .enumerate()
            .filter(|(c, _)| !meta.contains(&Some(*c)))
            .map(|(_, f)| f)
            .collect();
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let guid = get(h.guid).filter(|g| !g.is_empty()).map(str::to_string);
        let notetype = get(h.notetype)
            .map(str::to_string)
            .or_else(|| h.fixed_notetype.clone())
            .unwrap_or_default();
        let deck_name = get(h.deck)
            .map(|d| html_escape::decode_html_entities(d).into_owned())
            .or_else(|| h.fixed_deck.clone())
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| default_title.to_string());
        let mut tags: Vec<String> = get(h.tags)
            .map(|t| t.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default();
        tags.extend(h.extra_tags.iter().cloned());
        let is_cloze = notetype.to_ascii_lowercase().starts_with("cloze")
            || (notetype.is_empty() && fields.first().is_some_and(|f| !deletions(f).is_empty()));
        let order = by_deck.len();
        let entry = by_deck.entry(deck_name).or_insert_with(|| (order, Vec::new()));
        let cards = &mut entry.1;
        if is_cloze {
            let raw = fields.first().copied().unwrap_or("");
            let dels = deletions(raw);
            if dels.is_empty() {
                warnings.push(format!(
                    "{line}: cloze note without a {{{{c1::...}}}} deletion; skipped"
                ));
                continue;
            }
            let mut numbers: Vec<u32> = dels.iter().map(|d| d.2).collect();
            numbers.sort_unstable();
            numbers.dedup();
            for &n in &numbers {
                // The first deletion numbered n is the blank; every other
                // deletion shows its text (quizdeck asks one blank a card).
                let first = dels.iter().position(|d| d.2 == n).unwrap_or(0);
                if dels.iter().filter(|d| d.2 == n).count() > 1 {
                    warnings.push(format!(
                        "{line}: c{n} deletes more than one span; the first becomes the blank"
                    ));
                }
                let mut s = String::new();
                let mut at = 0;
                for (k, (start, end, _, answer)) in dels.iter().enumerate() {
                    s.push_str(&field_text_keep_space(&field_text, &raw[at..*start]));
                    let shown = field_text(answer);
                    if k == first {
                        s.push_str(&format!("{{{{{shown}}}}}"));
                    } else {
                        s.push_str(&shown);
                    }
                    at = *end;
                }
                s.push_str(&field_text_keep_space(&field_text, &raw[at..]));
                let id = match (&guid, numbers.len()) {
                    (Some(g), 1) => Some(g.clone()),
                    (Some(g), _) => Some(format!("{g}-c{n}")),
                    (None, _) => None,
                };
                cards.push(RawCard {
                    id,
                    kind: Some("cloze".into()),
                    text: Some(s.split_whitespace().collect::<Vec<_>>().join(" ")),
                    tags: tags.clone(),
                    ..RawCard::default()
                });
            }
        } else {
            if !notetype.is_empty() && !notetype.to_ascii_lowercase().starts_with("basic") {
                warnings.push(format!("{line}: note type `{notetype}` read as Front/Back"));
            }
            let front = fields.first().copied().unwrap_or("");
            let back = fields.get(1).copied().unwrap_or("");
            let (answer, context) = match back.find(CONTEXT_OPEN) {
                Some(i) => {
                    let ctx = &back[i + CONTEXT_OPEN.len()..];
                    let ctx = ctx.rfind(CONTEXT_CLOSE).map_or(ctx, |j| &ctx[..j]);
                    (&back[..i], Some(ctx))
                }
                None => (back, None),
            };
            let (question, answer) = (field_text(front), field_text(answer));
            if question.is_empty() || answer.is_empty() {
                warnings.push(format!("{line}: note without a front or a back; skipped"));
                continue;
            }
            cards.push(RawCard {
                id: guid,
                kind: Some("qa".into()),
                question: Some(question),
                answer: Some(answer),
                context: context.map(&field_text).filter(|c| !c.is_empty()),
                tags,
                ..RawCard::default()
            });
        }
    }
    let mut decks: Vec<(usize, String, Vec<RawCard>)> = by_deck
        .into_iter()
        .map(|(name, (order, cards))| (order, name, cards))
        .collect();
    decks.sort_by_key(|d| d.0);
    let mut out = Imported {
        decks: Vec::new(),
        warnings,
    };
    for (_, title, mut cards) in decks {
        if cards.is_empty() {
            continue;
        }
        // Notes without a GUID get quizdeck's content ids once validated;
        // until then a placeholder that cannot clash.
        let missing: Vec<usize> = (0..cards.len()).filter(|&i| cards[i].id.is_none()).collect();
        for &i in &missing {
            cards[i].id = Some(format!("\u{1f}{i}"));
        }
        let raw = RawDeck {
            version: Some(deck::SCHEMA_VERSION),
            title: Some(title.clone()),
            source: None,
            generator: None,
            language: None,
            cards: Some(cards),
        };
        let mut d = deck::validate(&raw).map_err(|problems| ImportError {
            line: None,
            message: format!(
                "deck \"{title}\": {}",
                problems
                    .iter()
                    .map(|p| p.message.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        })?;
        let mut taken: std::collections::HashSet<String> = d.cards.iter().map(|c| c.id.clone()).collect();
        for &i in &missing {
            let base = deck::card_id(&d.cards[i].body);
            let mut id = base.clone();
            let mut n = 1;
            while taken.contains(&id) {
                n += 1;
                id = format!("{base}-{n}");
            }
            taken.insert(id.clone());
            d.cards[i].id = id;
        }
        out.decks.push(d);
    }
    Ok(out)
}

fn field_text_keep_space(f: &dyn Fn(&str) -> String, s: &str) -> String {
    let t = f(s);
    let lead = if s.starts_with(char::is_whitespace) && !t.is_empty() {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) && !t.is_empty() {
        " "
    } else {
        ""
    };
    format!("{lead}{t}{trail}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::Card;

    fn qa(id: &str, q: &str, a: &str, ctx: Option<&str>, tags: &[&str]) -> Card {
        Card {
            id: id.into(),
            body: CardBody::Qa {
                question: q.into(),
                answer: a.into(),
                context: ctx.map(Into::into),
                keypoints: vec![],
                distractors: vec![],
            },
            tags: tags.iter().map(|t| t.to_string()).collect(),
            line: None,
        }
    }

    fn cloze(id: &str, text: &str) -> Card {
        Card {
            id: id.into(),
            body: CardBody::Cloze {
                text: text.into(),
                accept: vec![],
                distractors: vec![],
            },
            tags: vec![],
            line: None,
        }
    }

    fn deck(title: &str, cards: Vec<Card>) -> Deck {
        Deck {
            title: title.into(),
            source: None,
            generator: None,
            language: None,
            cards,
        }
    }

    #[test]
    fn anki_fields_are_escaped_and_read_back() {
        let hostile = deck(
            "Tricky \"deck\"",
            vec![
                qa(
                    "#1",
                    "Is a < b && \"c\"\tok?",
                    "Line one\nline two <b>not bold</b>",
                    Some("Said so\r\nhere"),
                    &["two words", "x"],
                ),
                cloze("cz-1", "Tabs\tand <tags> around the {{a&b}} term."),
            ],
        );
        let text = to_anki(&[&hostile], Some("Parent"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "#separator:tab");
        assert_eq!(lines.len(), 8, "one line per note, whatever the text holds:\n{text}");
        let first: Vec<&str> = lines[6].split('\t').collect();
        assert_eq!(first.len(), 6, "{first:?}");
        assert_eq!(first[0], "\"#1\"", "a leading # is quoted, never a header line");
        assert_eq!(first[2], "Parent::Tricky &quot;deck&quot;");
        assert_eq!(first[3], "Is a &lt; b &amp;&amp; &quot;c&quot;&#9;ok?");
        assert!(
            first[4].starts_with("Line one<br>line two &lt;b&gt;not bold&lt;/b&gt;<br><br><div class"),
            "{}",
            first[4]
        );
        assert_eq!(first[5], "two_words x");
        let second: Vec<&str> = lines[7].split('\t').collect();
        assert_eq!(second[1], "Cloze");
        assert_eq!(second[3], "Tabs&#9;and &lt;tags&gt; around the {{c1::a&amp;b}} term.");

        let back = from_anki(&text, "x").unwrap();
        assert!(back.warnings.is_empty(), "{:?}", back.warnings);
        let d = &back.decks[0];
        assert_eq!(d.title, "Parent::Tricky \"deck\"");
        assert_eq!(d.cards[0].id, "#1");
        match &d.cards[0].body {
            CardBody::Qa {
                question,
                answer,
                context,
                ..
            } => {
                assert_eq!(question, "Is a < b && \"c\"\tok?");
                assert_eq!(answer, "Line one\nline two <b>not bold</b>");
                assert_eq!(context.as_deref(), Some("Said so\nhere"));
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(d.cards[0].tags, ["two_words", "x"]);
        match &d.cards[1].body {
            CardBody::Cloze { text, .. } => assert_eq!(text, "Tabs and <tags> around the {{a&b}} term."),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn anki_exports_of_other_shapes_import() {
        // Comma-separated, note type fixed in the header, no GUIDs, HTML,
        // two deletions (one with a hint) and a repeated number.
        let text = "#separator:comma\n#html:true\n#notetype:Cloze\n#deck:Geo::Europe\n#tags:geo\n\
                    \"The capital of <b>France</b> is {{c1::Paris}}, of Italy {{c2::Rome::city}}.\",extra\n\
                    \"{{c1::Bern}} and {{c1::Zurich}} are Swiss.\",\n";
        let got = from_anki(text, "x").unwrap();
        assert_eq!(got.decks.len(), 1);
        let d = &got.decks[0];
        assert_eq!(d.title, "Geo::Europe");
        let texts: Vec<String> = d
            .cards
            .iter()
            .map(|c| match &c.body {
                CardBody::Cloze { text, .. } => text.clone(),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "The capital of France is {{Paris}}, of Italy Rome.",
                "The capital of France is Paris, of Italy {{Rome}}.",
                "{{Bern}} and Zurich are Swiss."
            ]
        );
        assert!(d.cards.iter().all(|c| c.id.starts_with("cz-") && c.tags == ["geo"]));
        assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
        assert!(got.warnings[0].contains("c1 deletes more than one span"));

        // GUIDs on a two-deletion note: one card per deletion, numbered.
        let text = "#separator:tab\n#guid column:1\n#notetype column:2\nG1\tCloze\t{{c1::a}} {{c2::b}}\t\n";
        let ids: Vec<String> = from_anki(text, "T").unwrap().decks[0]
            .cards
            .iter()
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(ids, ["G1-c1", "G1-c2"]);

        // Plain text, other note types read as front/back, empty notes skipped.
        let text =
            "#separator:semicolon\n#notetype column:1\nBasic (and reversed card);Q?;A.\nMy type;Q2?;A2.\nBasic;;\n";
        let got = from_anki(text, "Plain").unwrap();
        assert_eq!(got.decks[0].title, "Plain");
        assert_eq!(got.decks[0].cards.len(), 2);
        assert_eq!(got.warnings.len(), 1, "{:?}", got.warnings);
    }

    #[test]
    fn bad_anki_files_name_the_line() {
        let e = from_anki("#separator:tab\n#guid column:zero\nx\ty\n", "T").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(
            e.to_string().starts_with("2: `#guid column` wants a column number"),
            "{e}"
        );
        let e = from_anki("#separator:tab\n#guid column:1\nA\tQ?\tA.\nA\tQ2?\tA2.\n", "T").unwrap_err();
        assert!(e.to_string().contains("duplicate id \"A\""), "{e}");
    }

    #[test]
    fn csv_has_a_row_per_card() {
        let d = deck(
            "D",
            vec![
                qa("q1", "Q, with comma?", "A \"quoted\"", None, &["t"]),
                cloze("c1", "The {{sky}} is blue."),
            ],
        );
        let text = to_csv(&[&d]).unwrap();
        assert_eq!(
            text,
            "id,deck,kind,question,answer,tags\nq1,D,qa,\"Q, with comma?\",\"A \"\"quoted\"\"\",t\nc1,D,cloze,The {{sky}} is blue.,sky,\n"
        );
    }
}
