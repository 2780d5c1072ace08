//! Article parsing: the text of a Q&A article (plain text or Markdown; HTML
//! arrives already converted to Markdown by `html`) becomes a title, an intro
//! and question sections with their answer blocks.
//!
//! Owns the decision of which lines are questions, made from the shape of the
//! whole document (numbering continuity, indentation, heading level, what
//! follows a line), not from one line alone. Pure: no I/O, no clock, and it
//! knows nothing of sentences, cards or YAML.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

mod markup;

pub use markup::latex_to_markdown;

/// How to read the text: Markdown adds indented code blocks, backslash
/// escapes and inline markup that plain text does not have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    /// reStructuredText: headings underlined (and overlined) with any
    /// punctuation, `::` literal blocks, directives.
    Rst,
    /// AsciiDoc: `=` headings, `----` and `....` blocks, attribute lines.
    AsciiDoc,
    /// Org mode: `*` headlines, `#+TITLE:`, `#+BEGIN_SRC` blocks, drawers.
    Org,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub title: Option<Located>,
    /// Text under no question: before the first, what a part heading has
    /// before its first question, and what closes the article (after a
    /// final rule, under a "Footnotes" heading).
    pub intro: Vec<Block>,
    pub sections: Vec<Section>,
}

/// A piece of text with the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub text: String,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The question verbatim: trimmed, inner whitespace collapsed, markup removed.
    pub question: String,
    /// 1-based line of the question.
    pub line: usize,
    /// The numbering as written (`1`, `1.2`), when the question had one.
    pub number: Option<String>,
    /// The category heading the section stands under, if any.
    pub category: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A paragraph of running text.
    Prose,
    /// A list item (its marker kept).
    Item,
    /// A code block, verbatim; never scanned for questions or sentences.
    Code,
    /// What the article marks as the answer to a multiple-choice question,
    /// after its lettered options (`Answer: b) Newton`), without the letter.
    Answer,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    pub line: usize,
}

impl Section {
    /// The whole answer as text: blocks separated by blank lines.
    pub fn answer_text(&self) -> String {
        join_blocks(&self.blocks)
    }
}

pub fn join_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    let mut prev: Option<BlockKind> = None;
    for b in blocks {
        if let Some(p) = prev {
            // Consecutive list items stay one list.
            out.push_str(if p == BlockKind::Item && b.kind == BlockKind::Item {
                "\n"
            } else {
                "\n\n"
            });
        }
        out.push_str(&b.text);
        prev = Some(b.kind);
    }
    out
}

impl Article {
    pub fn word_count(&self) -> usize {
        let count = |bs: &[Block]| {
            bs.iter()
                .filter(|b| b.kind != BlockKind::Code)
                .map(|b| words_in(&b.text))
                .sum::<usize>()
        };
        count(&self.intro) + self.sections.iter().map(|s| count(&s.blocks)).sum::<usize>()
    }
}

/// Whether a heading only announces questions ("Frequently Asked
/// Questions", "FAQ", "Q&A", "Help"): no category, and no title when the
/// page names more.
/// Whether a text's first line tells Emacs to edit it in Org or outline
/// mode (`-*- outline -*-`, `-*- mode: org -*-`): its `*` lines are
/// headings, as in Org files.
pub fn org_mode_line(text: &str) -> bool {
    let first = text.lines().next().unwrap_or("");
    mode_line(first).is_some_and(|(_, vars, _)| {
        vars.split(';').any(|v| {
            let v = v.trim();
            let mode = v.strip_prefix("mode:").map_or(v, str::trim);
            mode.eq_ignore_ascii_case("org") || mode.eq_ignore_ascii_case("outline")
        })
    })
}

/// Whether plain text is AsciiDoc, sectioned by `== Heading` lines open
/// at the end (a wiki closes its headings with as many marks): three
/// sections or more, or a `= Title` over one.
pub fn looks_like_asciidoc(text: &str) -> bool {
    let section = |l: &str| {
        let marks = l.bytes().take_while(|&b| b == b'=').count();
        (2..=6).contains(&marks)
            && l[marks..].starts_with(' ')
            && !l[marks..].trim().is_empty()
            && !l.trim_end().ends_with('=')
    };
    // Only lines that open with `==` can be sections: found by search,
    // not by reading every line of every plain-text article.
    let line_at = |i: usize| text[i..].split('\n').next().unwrap_or("");
    let sections = std::iter::once(0)
        .filter(|_| text.starts_with("=="))
        .chain(memchr::memmem::find_iter(text.as_bytes(), b"\n==").map(|i| i + 1))
        .filter(|&i| section(line_at(i)))
        .take(3)
        .count();
    let titled = text
        .lines()
        .find(|l| !l.trim().is_empty())
        .is_some_and(|l| l.starts_with("= ") && !l.trim_end().ends_with('='));
    sections >= 3 || (titled && sections >= 1)
}

/// The text without the Emacs mode line on its first line (`CCZE FAQ
/// -*- outline -*-`), which is for the editor; a line that only speaks to
/// Emacs ("Emacs will be in -*- Mode: text -*-") goes whole. Line numbers
/// stay as they were.
fn without_mode_line(text: &str) -> Cow<'_, str> {
    let end = text.find('\n').unwrap_or(text.len());
    match mode_line(&text[..end]) {
        Some((before, _, after)) => {
            let rest = if before.to_lowercase().contains("emacs") {
                String::new()
            } else {
                format!("{}{}", before.trim_end(), after)
            };
            Cow::Owned(format!("{rest}{}", &text[end..]))
        }
        None => Cow::Borrowed(text),
    }
}

/// A line's Emacs mode line: the text before it, its variables, the text
/// after it.
fn mode_line(line: &str) -> Option<(&str, &str, &str)> {
    let (before, rest) = line.split_once("-*-")?;
    let (vars, after) = rest.split_once("-*-")?;
    Some((before, vars, after))
}

pub fn only_announces_questions(heading: &str) -> bool {
    matches!(
        slug::slugify(heading).as_str(),
        "faq"
            | "faqs"
            | "frequently-asked-questions"
            | "frequently-asked-questions-faq"
            | "frequently-asked-questions-faqs"
            | "questions"
            | "answers"
            | "questions-and-answers"
            | "q-a"
            | "qa"
            | "help"
            | "help-centre"
            | "help-center"
    )
}

/// `text.split_whitespace().count()`, a byte at a time for ASCII (the
/// count is taken for every article generated).
fn words_in(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut words = 0;
    let mut in_space = true;
    for &b in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` accepts.
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        words += usize::from(in_space && !space);
        in_space = space;
    }
    words
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Deco {
    Plain,
    Heading(u8),
    Bold,
}

/// What a line's opening says about it.
#[derive(Debug, Clone, Default)]
struct Marker {
    heading: Option<u8>,
    bold: bool,
    bullet: bool,
    /// `Q1.`, `Question 1:`: numbered and explicitly a question.
    q_prefix: bool,
    /// `Q: ...` without a number.
    qa: bool,
    number: Option<Vec<u32>>,
    /// Numbered in Roman numerals (`IV.`): a style of its own.
    roman: bool,
    /// Numbered in brackets (`(1)`, `[1]`): a style of its own.
    paren: bool,
    lettered: bool,
    /// A plain-text outline's heading (`*** 3. Q`), wrapped as prose is.
    outline: bool,
    text: String,
    inline_answer: Option<String>,
}

impl Marker {
    fn deco(&self) -> Deco {
        match (self.heading, self.bold) {
            (Some(l), _) => Deco::Heading(l),
            (None, true) => Deco::Bold,
            _ => Deco::Plain,
        }
    }
    fn is_list_item(&self) -> bool {
        self.heading.is_none() && !self.bold && (self.bullet || self.lettered || self.number.is_some())
    }
    fn ends_with_q(&self) -> bool {
        self.text.ends_with('?') || self.text.ends_with('？')
    }
}

struct Line<'a> {
    /// The line as written (code keeps its indentation).
    raw: &'a str,
    /// Trimmed, Markdown escapes resolved; `raw` for code.
    text: Cow<'a, str>,
    indent: usize,
    code: bool,
    blank: bool,
    /// A rule line between entries (`********`), blanked.
    separator: bool,
    /// In a Markdown blockquote (its `>` marks gone from `text`).
    quoted: bool,
}

/// Parses an article. Never fails: text with no recognisable questions gives
/// an article with an intro and no sections.
pub fn parse(text: &str, format: Format) -> Article {
    let text = &*without_mode_line(text);
    let (converted, format) = markup::to_markdown(text, format);
    let text = converted.as_deref().unwrap_or(text);
    let mut lines = scan_lines(text, format);
    if format == Format::Markdown {
        blank_myst_comments(&mut lines);
    }
    bracket_labels(&mut lines);
    join_lone_labels(&mut lines);
    strip_numbered_answer_labels(&mut lines);
    let compounds = compounds(text, format);
    let (title, body_start) = find_title(&lines, format);
    let markers: Vec<Option<Marker>> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            // In plain text a `#` line indented as far as code is a
            // comment in a sample ("        # Revision 1.2"), no heading.
            let comment = format == Format::Text && l.indent >= 4 && l.text.starts_with('#');
            if i < body_start || l.code || l.blank || comment {
                None
            } else {
                parse_marker(&l.text, format)
            }
        })
        .collect();

    let mut cands: Vec<Cand> = Vec::new();
    for (i, m) in markers.iter().enumerate() {
        let Some(m) = m else { continue };
        // A plain bullet is a list item, unless it carries a `Q:` label.
        if m.lettered || (m.bullet && m.number.is_none() && m.heading.is_none() && !m.bold && !m.qa) {
            continue;
        }
        if footnotes_heading(m) {
            continue;
        }
        if let Some(t) = &title {
            // The HTML <title> and the page's <h1> often repeat each other.
            if m.heading == Some(1) && m.text == t.text {
                continue;
            }
        }
        let mut c = Cand {
            line: i,
            end: i,
            indent: lines[i].indent,
            marker: m.clone(),
            prev_blank: i == body_start || i == 0 || lines[i - 1].blank,
            answered: false,
        };
        join_continuation(&mut c, &lines, &markers, compounds.as_ref());
        cands.push(c);
    }
    let answered: Vec<bool> = cands.iter().map(|c| has_answer(c, &lines, &markers)).collect();
    for (c, a) in cands.iter_mut().zip(answered) {
        c.answered = a;
    }

    let mut accepted = select_questions(&cands, &lines, &markers);
    // Entries that hang over their indented answers, as pod2text and man
    // pages lay them out and as reStructuredText's definition lists do,
    // outnumber what else reads as questions there (the numbered steps
    // inside those answers, the terms that ask among those that state).
    if matches!(format, Format::Text | Format::Rst) {
        let hanging = hanging_questions(&lines, body_start, format);
        if hanging.len() > accepted.len() {
            accepted = (cands.len()..cands.len() + hanging.len()).collect();
            cands.extend(hanging);
        } else if let Some(first) = accepted.iter().map(|&k| cands[k].line).min()
            && first > body_start
        {
            // A part of such entries before the labelled or numbered
            // questions ("WHAT IS FINGER?" ... then "Q. Why ...?") is
            // the same FAQ's.
            // Only those that ask: the headings that state there may
            // name the parts of an introduction.
            let before: Vec<Cand> = hanging_questions(&lines[..first], body_start, format)
                .into_iter()
                .filter(|c| c.marker.ends_with_q())
                .collect();
            if before.len() >= 2 {
                accepted.extend(cands.len()..cands.len() + before.len());
                cands.extend(before);
            }
        }
    }
    // Paragraphs each over a quoted answer, statements among them.
    if format == Format::Markdown && lines.iter().any(|l| l.quoted) {
        let answered = quote_answered_questions(&lines, body_start);
        let at: Vec<usize> = answered.iter().map(|c| c.line).collect();
        if answered.len() > accepted.len() && accepted.iter().all(|&k| at.contains(&cands[k].line)) {
            accepted = (cands.len()..cands.len() + answered.len()).collect();
            cands.extend(answered);
        }
    }
    // Questions quoted as a letter quotes them, each over its reply.
    if format == Format::Text && lines.iter().any(|l| !l.code && l.text.starts_with('>')) {
        let quoted = quoted_questions(&lines, body_start);
        if quoted.len() > accepted.len() {
            accepted = (cands.len()..cands.len() + quoted.len()).collect();
            cands.extend(quoted);
        }
    }
    if accepted.is_empty() {
        let mut more = lettered_questions(&lines, body_start, format);
        if more.is_empty() {
            more = bulleted_questions(&lines, &markers);
        }
        if more.is_empty() {
            more = ruled_questions(&lines, body_start, compounds.as_ref());
        }
        accepted = (cands.len()..cands.len() + more.len()).collect();
        cands.extend(more);
    } else if markers.iter().flatten().any(|m| m.bullet && m.number.is_none()) {
        // Bullets that ask over their answers outnumber the lines that
        // read as questions elsewhere (a contents list's first line).
        let bulleted = bulleted_questions(&lines, &markers);
        if bulleted.len() > accepted.len() {
            accepted = (cands.len()..cands.len() + bulleted.len()).collect();
            cands.extend(bulleted);
        }
    }
    // Entries opening right under rule lines, with numbered points inside
    // their answers (`#1.`, `#2.` under "What is Gopher?"): the entries are
    // the questions, the points theirs.
    if !accepted.is_empty() && lines.iter().any(|l| l.separator) {
        let ruled = ruled_questions(&lines, body_start, compounds.as_ref());
        let opens: Vec<usize> = ruled.iter().map(|c| c.line).collect();
        let within = |k: usize| {
            let (first, end) = (cands[k].line, cands[k].end);
            opens.first().is_some_and(|&o| first > o) && !opens.iter().any(|&o| (first..=end).contains(&o))
        };
        // Unless the entries are labelled (`Q1.` under a date line opening
        // each), which says where their questions are.
        let labelled = accepted.len() >= 3 && accepted.iter().all(|&k| cands[k].marker.qa || cands[k].marker.q_prefix);
        if ruled.len() >= 3 && ruled.len() > accepted.len() && !labelled && accepted.iter().all(|&k| within(k)) {
            accepted = (cands.len()..cands.len() + ruled.len()).collect();
            cands.extend(ruled);
        } else if labelled && ruled.len() >= 3 {
            // The line that heads each entry over its question (the day it
            // was asked) belongs to no answer.
            let asked: HashSet<usize> = accepted.iter().map(|&k| cands[k].line).collect();
            for c in &ruled {
                if !asked.contains(&c.line) && next_nonblank(&lines, c.end + 1).is_some_and(|j| asked.contains(&j)) {
                    for l in &mut lines[c.line..=c.end] {
                        l.blank = true;
                        l.text = Cow::Borrowed("");
                    }
                }
            }
        }
    }
    // The page's own heading may say it when its <title> names the site
    // ("IceS v2.0 Documentation" over "# Frequently Asked Questions").
    let faq_page = || {
        title.as_ref().is_some_and(|t| names_faq(&t.text))
            || cands
                .iter()
                .any(|c| c.marker.heading == Some(1) && names_faq(&c.marker.text))
    };
    if accepted.is_empty() && faq_page() {
        accepted = faq_headings(&cands);
    }
    // Steps numbered inside one entry of an FAQ whose headings ask nothing
    // ("Windows command prompt appears briefly" over "1. Freeze your
    // application ..." and "2. Alternatively, ..."): the headings are the
    // entries, the steps one answer's.
    let statements = |k: &usize| {
        let m = &cands[*k].marker;
        m.number.is_some() && m.heading.is_none() && !m.qa && !m.q_prefix && !m.ends_with_q()
    };
    if !accepted.is_empty() && accepted.iter().all(statements) && faq_page() {
        let headings = faq_headings(&cands);
        let mut at: Vec<usize> = headings.iter().map(|&h| cands[h].line).collect();
        at.sort_unstable();
        // The heading each line is under, 0 for none.
        let under = |k: usize| at.partition_point(|&h| h < cands[k].line);
        let one_entry = under(accepted[0]) > 0 && accepted.iter().all(|&k| under(k) == under(accepted[0]));
        if headings.len() >= 3 && headings.len() > accepted.len() && one_entry {
            accepted = headings;
        }
    }
    // `## What does this message mean?` straight over `### Type error`,
    // `### Clock error`, …, beside `## Troubleshooting` over more: headings
    // that ask only to group the entries under them. In an FAQ whose every
    // question is such a group, the entries are the headings under them.
    if !accepted.is_empty() && accepted.iter().all(|&k| groups_only(&cands[k], &lines, &markers)) && faq_page() {
        let entries: Vec<usize> = faq_headings(&cands)
            .into_iter()
            .filter(|&k| !groups_only(&cands[k], &lines, &markers))
            .collect();
        if entries.len() > accepted.len() {
            accepted = entries;
        }
    }
    let reading = Reading {
        format,
        compounds: compounds.as_ref(),
    };
    let mut article = build(&lines, &markers, &cands, &accepted, title, body_start, reading);
    drop_contents(&mut article);
    // "QUESTIONS AND ANSWERS" over the first question, which only says
    // they follow, is no part of the intro.
    article
        .intro
        .retain(|b| !(b.kind == BlockKind::Prose && words_in(&b.text) <= 4 && only_announces_questions(&b.text)));
    quote_messages(&mut article);
    if format == Format::Markdown {
        resolve_shortcut_links(&mut article, &lines);
    }
    article
}

/// A question that breaks off at a colon over the message it asks about
/// ("When I run it I get:" over `must be owned by uid 0`) takes the
/// message in, as code: FAQs of errors ask several so, told apart only by
/// their messages. Only a short message with an answer after it.
fn quote_messages(article: &mut Article) {
    for s in &mut article.sections {
        let [first, second, ..] = s.blocks.as_slice() else {
            continue;
        };
        // "PCM reports" over the message and "How to fix it?": the line
        // after the message ends the question.
        let ends_after = !s.question.ends_with(['.', '?', '!', ':', ')', '"', '”'])
            && second.kind == BlockKind::Prose
            && second.text.ends_with('?')
            && words_in(&second.text) <= 12
            && s.blocks.len() > 2;
        if !(s.question.ends_with(':') || ends_after) || first.kind != BlockKind::Code || second.kind == BlockKind::Code
        {
            continue;
        }
        // Inside its fences, if it has them.
        let code = match first.text.split_once('\n') {
            Some((open, rest)) if open.starts_with("```") || open.starts_with("~~~") => {
                rest.rsplit_once('\n').map_or(rest, |(body, _)| body)
            }
            _ => first.text.as_str(),
        };
        let lines = code.lines().filter(|l| !l.trim().is_empty()).count();
        let message = collapse_ws(code);
        if lines > 3 || message.len() > 240 || message.contains("``") {
            continue;
        }
        // A message that quotes with backticks (`` `STR???' undeclared ``)
        // takes a longer fence.
        s.question = if message.contains('`') {
            format!("{} `` {message} ``", s.question)
        } else {
            format!("{} `{message}`", s.question)
        };
        if ends_after {
            s.question = format!("{} {}", s.question, second.text);
            s.blocks.remove(0);
        }
        s.blocks.remove(0);
    }
}

/// Markdown's shortcut references, `[Windows Terminal]` over a
/// `[windows terminal]: https://...` definition, as their text.
fn resolve_shortcut_links(article: &mut Article, lines: &[Line<'_>]) {
    let labels: HashSet<String> = lines
        .iter()
        .map(|l| l.raw.trim())
        .filter(|t| is_link_definition(t))
        .filter_map(|t| {
            t[1..]
                .split_once("]:")
                .map(|(label, _)| collapse_ws(label).to_lowercase())
        })
        .collect();
    if labels.is_empty() {
        return;
    }
    let resolve = |text: &mut String| {
        if text.contains('[') {
            *text = shortcut_links(text, &labels);
        }
    };
    if let Some(t) = &mut article.title {
        resolve(&mut t.text);
    }
    for b in article
        .intro
        .iter_mut()
        .chain(article.sections.iter_mut().flat_map(|s| s.blocks.iter_mut()))
    {
        if b.kind != BlockKind::Code {
            resolve(&mut b.text);
        }
    }
    for s in &mut article.sections {
        resolve(&mut s.question);
    }
}

/// `s` with each `[label]` (or `[label][]`) that `labels` defines as the
/// label's text; code spans stay as they are.
fn shortcut_links(s: &str, labels: &HashSet<String>) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut code = false;
    while let Some(i) = rest.find(['[', '`']) {
        out.push_str(&rest[..i]);
        if rest.as_bytes()[i] == b'`' {
            code = !code;
            out.push('`');
            rest = &rest[i + 1..];
            continue;
        }
        let inner_end = rest[i + 1..].find([']', '[', '`']).map(|e| i + 1 + e);
        match inner_end {
            Some(e)
                if !code
                    && rest.as_bytes()[e] == b']'
                    && labels.contains(&collapse_ws(&rest[i + 1..e]).to_lowercase()) =>
            {
                let after = &rest[e + 1..];
                if after.starts_with(['(', ':']) || (after.starts_with('[') && !after.starts_with("[]")) {
                    out.push('[');
                    rest = &rest[i + 1..];
                } else {
                    out.push_str(&rest[i + 1..e]);
                    rest = after.strip_prefix("[]").unwrap_or(after);
                }
            }
            _ => {
                out.push('[');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes a table of contents: a list whose every item is the question of
/// a section ("- [Do you bake gluten-free bread?](#...)"), as the section
/// of a "Contents" heading or in the intro, and paragraphs of the intro
/// made of questions. Its questions are asked where they are answered.
fn drop_contents(article: &mut Article) {
    if article.sections.len() < 2 {
        return;
    }
    let key = |s: &str| {
        let s = s.trim().trim_end_matches('?');
        if s.contains('`') {
            collapse_ws(&s.replace('`', "")).to_lowercase()
        } else {
            collapse_ws(s).to_lowercase()
        }
    };
    let keys: Vec<String> = article.sections.iter().map(|s| key(&s.question)).collect();
    let questions: HashSet<&str> = keys.iter().map(String::as_str).collect();
    // "Q: How do I encode?", "- Q. Why the name?": the label asks nothing,
    // nor does the number of "* 1.2. Why the name?".
    fn unlabelled(t: &str) -> &str {
        let t = t
            .strip_prefix("Q:")
            .or_else(|| t.strip_prefix("Q. "))
            .map_or(t, str::trim_start);
        parse_number(t).map_or(t, |(_, rest)| rest)
    }
    let listed = |b: &Block| {
        b.kind == BlockKind::Item
            && list_marker_len(&b.text)
                .is_some_and(|n| n > 0 && questions.contains(key(unlabelled(&b.text[n..])).as_str()))
    };
    // Items may group the questions under short labels ("- Quick start",
    // "- FAQ", "- Compile and Install", "- General Questions, How to Get
    // It") that name no section.
    let label = |b: &Block| {
        b.kind == BlockKind::Item
            && list_marker_len(&b.text).is_some_and(|n| words_in(&b.text[n..]) <= 8 && !b.text.ends_with(['?', '.']))
    };
    // Under a question asked again, a line of its own may list a question
    // ("Q: How do I encode?"), and a short one is a group's label too
    // ("**8.3. General questions**").
    let listed_line = |b: &Block| {
        let t = b.text.trim_end_matches(':');
        b.kind == BlockKind::Prose && questions.contains(key(unlabelled(t)).as_str())
    };
    let heading = |b: &Block| {
        b.kind == BlockKind::Prose
            && words_in(&b.text) <= 8
            && !b.text.ends_with(['?', '.', '!'])
            && !b.text.contains('\n')
    };
    // Under a question asked again, a numbered entry that asks on a line
    // of its own ("3.1a Why do I get strange warnings?") lists one too,
    // asked below as it may be worded otherwise.
    let numbered_entry = |b: &Block| {
        let (number, rest) = b.text.split_once(' ').unwrap_or_default();
        number.starts_with(|c: char| c.is_ascii_digit())
            && number.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'.')
            && rest.ends_with('?')
            && !b.text.contains('\n')
    };
    let contents = |blocks: &[Block], items_only: bool, least: usize| {
        let mut n = 0;
        for b in blocks.iter().filter(|b| !items_only || b.kind == BlockKind::Item) {
            if listed(b) || least == 0 && (listed_line(b) || numbered_entry(b)) {
                n += 1;
            } else if !(label(b) || least == 0 && heading(b)) {
                return false;
            }
        }
        n >= least
    };
    // The last item of a group in the list may read as a question over the
    // labels and items of the next groups: it is asked again where it is
    // answered, and its items alone tell it for what it is.
    let mut last_asked: HashMap<&str, usize> = HashMap::new();
    for (i, k) in keys.iter().enumerate() {
        last_asked.insert(k, i);
    }
    // Whether a longer question goes on from this one, as a wrapped entry's
    // first line does: a search in the sorted questions, not a comparison
    // with each.
    let mut sorted: Vec<&str> = keys.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    let continued = |k: &str| {
        let at = sorted.partition_point(|q| *q <= k);
        sorted[at..]
            .iter()
            .take_while(|q| q.starts_with(k))
            .any(|q| !q.as_bytes()[k.len()].is_ascii_alphanumeric())
    };
    // Counted only where some question is asked twice.
    let repeats = last_asked.len() < keys.len();
    let words: Vec<usize> = if repeats {
        let count = |s: &Section| s.blocks.iter().map(|b| words_in(&b.text)).sum();
        article.sections.iter().map(count).collect()
    } else {
        vec![0; keys.len()]
    };
    let mut next = 0;
    article.sections.retain(|s| {
        let at = next;
        next += 1;
        let again = last_asked.get(keys[at].as_str()).copied().filter(|&last| last > at);
        // Over a contents list's next label and entry ("LINUX:" and "[Q] -
        // Do I need a sound card?"), or a rule, a few words are no answer
        // to a question answered in full where it is asked again.
        let stray = again.is_some_and(|last| {
            words[at] <= 12
                && words[at] < words[last]
                && !s
                    .blocks
                    .iter()
                    .any(|b| b.text.trim_end().ends_with(['.', '!', ';', ')']))
        });
        // A contents entry wrapped over two lines, its second read as its
        // answer: with it the entry is a question asked below ("… loading
        // a shared" over "library.").
        let wrapped = s.blocks.first().is_some_and(|b| {
            b.kind == BlockKind::Prose && continued(&keys[at]) && {
                let whole = key(&format!("{} {}", s.question, b.text));
                questions.contains(whole.as_str())
            }
        });
        let blocks = &s.blocks[usize::from(wrapped)..];
        !stray && !contents(blocks, false, if again.is_some() || wrapped { 0 } else { 2 })
    });
    if contents(&article.intro, true, 2) {
        // Its heading goes with it: "Contents", "On this page:".
        if let Some(first) = article.intro.iter().position(|b| listed(b) || label(b))
            && first > 0
            && article.intro[first - 1].kind == BlockKind::Prose
            && words_in(&article.intro[first - 1].text) <= 4
            && !article.intro[first - 1].text.ends_with('.')
        {
            article.intro.remove(first - 1);
        }
        article.intro.retain(|b| !listed(b) && !label(b));
    }
    // A contents list written as lines of links, which read as one
    // paragraph: "R1. Fetchmail isn't working ... R2. When I try ...".
    // It opens with a question, after at most a label: only a paragraph
    // that does is searched for the rest.
    const OPENING: usize = 16;
    let long_keys: Vec<&str> = questions.into_iter().filter(|k| k.len() >= OPENING).collect();
    let openings: HashSet<&str> = long_keys.iter().map(|k| prefix_within(k, OPENING)).collect();
    let opens_with_question = |b: &Block| {
        let lower = prefix_within(&b.text, 64).to_lowercase();
        let after_label = lower.split_once(' ').map_or("", |(_, rest)| rest);
        [lower.as_str(), after_label]
            .iter()
            .any(|t| t.len() >= OPENING && openings.contains(prefix_within(t, OPENING)))
    };
    let listing: Vec<bool> = article
        .intro
        .iter()
        .map(|b| b.kind == BlockKind::Prose && opens_with_question(b))
        .collect();
    if long_keys.len() < 2 || !listing.contains(&true) {
        return;
    }
    let Ok(finder) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&long_keys)
    else {
        return;
    };
    let mut listing = listing.into_iter();
    article.intro.retain(|b| {
        if !listing.next().unwrap_or(false) {
            return true;
        }
        let lower = b.text.to_lowercase();
        let (found, covered) = finder
            .find_iter(&lower)
            .fold((0, 0), |(n, len), m| (n + 1, len + m.len()));
        !(found >= 2 && covered * 10 >= lower.len() * 7)
    });
}

/// The longest prefix of `s` of at most `max` bytes that ends on a
/// character boundary.
fn prefix_within(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// How an answer's lines read into blocks: the format, and the compounds
/// of a text that breaks words at line ends ([`compounds`]).
#[derive(Clone, Copy)]
struct Reading<'a> {
    format: Format,
    compounds: Option<&'a HashSet<String>>,
}

/// The hyphenated words of a plain text that breaks words across lines
/// (`sys-` / `tem`, as text copied from a PDF does), lowercased: where a
/// line ends in a hyphen, the document's own spelling tells a compound
/// (`well-known`) from a word broken in two.
fn compounds(text: &str, format: Format) -> Option<HashSet<String>> {
    if format != Format::Text || !(text.contains("-\n") || text.contains("-\r\n")) {
        return None;
    }
    let words = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| {
            w.contains('-')
                && !w.starts_with('-')
                && w.split('-')
                    .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
        })
        .map(str::to_lowercase)
        .collect();
    Some(words)
}

/// Appends a wrapped line to the text before it: after a space or, in a
/// text that breaks words at line ends ([`compounds`]), joined into one
/// word again (keeping the hyphen of a compound the text spells so).
fn push_wrapped(buf: &mut String, next: &str, compounds: Option<&HashSet<String>>) {
    if let Some(compounds) = compounds
        && buf.ends_with('-')
    {
        let left: String = buf
            .strip_suffix('-')
            .map(|b| {
                let word = b.len() - b.trim_end_matches(char::is_alphabetic).len();
                b[b.len() - word..].to_lowercase()
            })
            .unwrap_or_default();
        let right: &str = next.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        if !left.is_empty() && right.starts_with(char::is_lowercase) {
            if !compounds.contains(&format!("{left}-{right}")) {
                buf.pop();
            }
            buf.push_str(next);
            return;
        }
    }
    buf.push(' ');
    buf.push_str(next);
}

fn scan_lines(text: &str, format: Format) -> Vec<Line<'_>> {
    let mut out: Vec<Line<'_>> = Vec::new();
    let mut fence: Option<(char, usize)> = None;
    // The quote levels of the line that opened the fence.
    let mut fence_quotes = 0;
    // Inside a Markdown `<!-- ... -->` comment spanning lines.
    let mut comment = false;
    // Plain text's wiki headings take levels in order of first use: a
    // MediaWiki page opens at `==`, a DokuWiki one at `======`.
    let mut wiki_levels: Vec<usize> = Vec::new();
    // An AsciiDoc labelled list that mostly asks is a list of entries.
    // reStructuredText substitutions (`.. |name| replace:: text`), read in
    // place of their references (`|name|`, `|name|_`).
    let subs = if format == Format::Rst && text.contains(".. |") {
        rst_substitutions(text)
    } else {
        Vec::new()
    };
    let asking_terms = format == Format::AsciiDoc && {
        let terms = text.lines().map(str::trim).filter(|t| asciidoc_term(t).is_some());
        let (all, asking) = terms.fold((0, 0), |(n, q), t| (n + 1, q + usize::from(t.ends_with("?::"))));
        all >= 3 && asking * 2 >= all
    };
    let mut related = false;
    // The line before was a link definition whose address is on the next.
    let mut bare_definition = false;
    // The fence of an open MyST box of text (` ```{note} `), and whether
    // the open fence is a MyST directive with nothing to read.
    let mut myst_box: Option<(char, usize)> = None;
    let mut myst_hidden = false;
    // Whether a line of text has been read: a breadcrumb trail comes first.
    let mut seen_text = false;
    // The columns the bodies of open MkDocs admonitions (`!!! note`) are
    // indented to: their text is prose, not indented code.
    let mut admonitions: Vec<usize> = Vec::new();
    // Markup counts a tab to the next multiple of 4 columns; plain text as
    // terminals and `man` lay it out, of 8 (`\t   code` under text indented
    // by 7 spaces is deeper).
    let tab = if format == Format::Text { 8 } else { 4 };
    // An admonition's label, waiting for the first line of its text.
    let mut label: Option<String> = None;
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // Code fenced inside a quote is quoted line by line, to as many
        // levels as its fence; deeper marks are the code's own (`>>> x`).
        let (raw, quoted) = if format != Format::Markdown {
            (raw, false)
        } else if fence.is_none() {
            let (line, levels) = unquote_levels(raw, usize::MAX);
            fence_quotes = levels;
            (line, levels > 0)
        } else {
            (unquote_levels(raw, fence_quotes).0, false)
        };
        let column = indent_width(raw, 4);
        if !raw.trim().is_empty() {
            while admonitions.last().is_some_and(|&c| column < c) {
                admonitions.pop();
            }
        }
        let raw = dedent(raw, 4 * admonitions.len());
        let indent = indent_width(raw, tab);
        let trimmed = raw.trim();
        let mut code = false;
        let mut delimiter = false;
        // A line of MyST's markup, read as nothing.
        let mut unread = false;
        // A fence line to write without its directive.
        let mut bare_fence: Option<(char, usize)> = None;
        let closes_fence = |ch: char, n: usize| {
            trimmed.chars().take_while(|&c| c == ch).count() >= n && trimmed.chars().all(|c| c == ch)
        };
        if fence.is_none()
            && let Some((ch, n)) = myst_box
            && closes_fence(ch, n)
        {
            myst_box = None;
            unread = true;
        } else if let Some((ch, n)) = fence {
            code = !myst_hidden;
            unread = myst_hidden;
            let closes = if format == Format::Org {
                starts_with_ignore_case(trimmed, "#+end_")
            } else {
                closes_fence(ch, n)
            };
            if closes {
                fence = None;
                delimiter = true;
                myst_hidden = false;
            }
        } else if let Some((ch, n)) = fence_open(trimmed, format).filter(|_| format == Format::Markdown)
            && let Some(directive) = myst_directive(trimmed)
        {
            // MyST's directives (Sphinx pages in Markdown): a box of text
            // (` ```{note} `) reads as its label and its text, one with
            // nothing to read (` ```{contents} `) as nothing.
            unread = true;
            match directive {
                Myst::Box(name) => {
                    myst_box = Some((ch, n));
                    label = Some(name);
                }
                Myst::Hidden => {
                    fence = Some((ch, n));
                    myst_hidden = true;
                }
                Myst::Code => {
                    unread = false;
                    code = true;
                    fence = Some((ch, n));
                    delimiter = true;
                    bare_fence = Some((ch, n));
                }
            }
        } else if myst_box.is_some() && label.is_some() && rst_field(trimmed).is_some() {
            // A box's options (`:class: tip`) before its text.
            unread = true;
        } else if let Some((ch, n)) = fence_open(trimmed, format).filter(|&(ch, _)| match format {
            Format::Markdown | Format::Org => true,
            // A two-line section title's underline is as long as the
            // title, give or take one: `Credentials` over `-----------`.
            Format::AsciiDoc => out.last().is_none_or(|l: &Line<'_>| {
                let title = l.raw.trim().chars().count();
                l.blank || l.code || title.abs_diff(trimmed.chars().count()) > 1
            }),
            // reStructuredText has no fences; plain text underlines with `~`.
            Format::Rst => false,
            Format::Text => ch == '`' || out.last().is_none_or(|l: &Line<'_>| l.blank || l.code),
        }) {
            code = true;
            fence = Some((ch, n));
            delimiter = true;
        }
        // AsciiDoc's `----` reads as a rule; answers are Markdown. So does
        // a MyST code directive's fence (` ```{code-block} shell `).
        let raw = if delimiter && matches!(format, Format::AsciiDoc | Format::Org) {
            "```"
        } else if let Some((ch, n)) = bare_fence {
            let run = if ch == '~' {
                "~~~~~~~~~~~~~~~~"
            } else {
                "````````````````"
            };
            &run[..n.min(run.len())]
        } else {
            raw
        };
        // A help centre's "Related articles" block runs to the next blank
        // line: links to other pages.
        if trimmed.is_empty() {
            related = false;
        }
        let web = matches!(format, Format::Text | Format::Markdown) && !code;
        if web && !related && is_related_heading(trimmed) {
            related = true;
        }
        let text = if unread {
            Cow::Borrowed("")
        } else if code {
            Cow::Borrowed(raw)
        } else if web && (related || is_web_furniture(trimmed) || (!seen_text && is_breadcrumb(trimmed))) {
            Cow::Borrowed("")
        } else {
            match format {
                // Running headers and footers of text copied from a PDF.
                Format::Text if is_page_furniture(trimmed) || is_man_furniture(trimmed) => Cow::Borrowed(""),
                Format::Text => match wiki_heading(trimmed) {
                    Some((n, heading)) => {
                        let level = wiki_levels.iter().position(|&l| l == n).unwrap_or_else(|| {
                            wiki_levels.push(n);
                            wiki_levels.len() - 1
                        });
                        Cow::Owned(format!("{} {heading}", "#".repeat((level + 1).min(6))))
                    }
                    None => Cow::Borrowed(trimmed),
                },
                // A definition's address may wrap onto the next line.
                Format::Markdown
                    if bare_definition && !trimmed.is_empty() && !trimmed.contains(char::is_whitespace) =>
                {
                    Cow::Borrowed("")
                }
                Format::Markdown => {
                    let (visible, open) = strip_html_noise(trimmed, comment);
                    comment = open;
                    match visible {
                        Cow::Borrowed(t) => markdown_line(t),
                        Cow::Owned(t) => Cow::Owned(markdown_line(&t).into_owned()),
                    }
                }
                Format::Rst if !subs.is_empty() && trimmed.contains('|') && !trimmed.starts_with(".. ") => {
                    Cow::Owned(rst_inline(&rst_substituted(trimmed, &subs)).into_owned())
                }
                Format::Rst => rst_inline(trimmed),
                Format::AsciiDoc => asciidoc_line(trimmed, asking_terms),
                Format::Org => org_line(trimmed),
            }
        };
        let text = match (format, code) {
            (Format::Markdown, false) => match container_marker(&text) {
                Some((marker, indented)) => {
                    if indented {
                        admonitions.push(column + 4);
                    }
                    label = None;
                    match marker {
                        Container::Heading(title) => Cow::Owned(format!("**{title}**")),
                        Container::Tab(title) => Cow::Owned(title),
                        Container::Label(l) => {
                            label = Some(l);
                            Cow::Borrowed("")
                        }
                        Container::Close => Cow::Borrowed(""),
                    }
                }
                None if text.trim().is_empty() => text,
                None => match label.take() {
                    Some(l) => Cow::Owned(format!("{l} {text}")),
                    None => text,
                },
            },
            _ => text,
        };
        bare_definition = format == Format::Markdown
            && !code
            && trimmed.starts_with('[')
            && trimmed.ends_with("]:")
            && is_link_definition(trimmed);
        let blank = !code && text.trim().is_empty();
        seen_text |= !blank;
        out.push(Line {
            raw,
            text,
            indent,
            code,
            blank,
            separator: false,
            quoted,
        });
    }
    match format {
        Format::Markdown => {
            join_html_headings(&mut out);
            join_bare_labels(&mut out);
            mark_indented_code(&mut out);
        }
        Format::Rst => mark_rst_blocks(&mut out),
        Format::Text => {
            unbox(&mut out);
            mark_text_literals(&mut out);
            mark_manual_sections(&mut out);
        }
        Format::AsciiDoc | Format::Org => {}
    }
    mark_underlines(&mut out, format);
    mark_qa_tables(&mut out);
    out
}

/// An HTML heading a README spreads over lines (`<h1 align="center">`, a
/// logo, `JavaScript Standard Style`, `</h1>`): one heading of its text.
fn join_html_headings(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        let l = &lines[i];
        let level = l.text.len();
        if l.code || !(1..=6).contains(&level) || l.text.bytes().any(|b| b != b'#') {
            continue;
        }
        let close = format!("</h{level}>");
        let raw = l.raw.trim_start();
        if !raw.starts_with("<h") || raw.contains(close.as_str()) {
            continue;
        }
        let Some(end) = (i + 1..lines.len().min(i + 9)).find(|&j| lines[j].raw.contains(close.as_str())) else {
            continue;
        };
        if lines[i + 1..=end].iter().any(|l| l.code) {
            continue;
        }
        let mut text = "#".repeat(level);
        for l in &lines[i + 1..=end] {
            let t = l.text.trim();
            if !t.is_empty() {
                text.push(' ');
                text.push_str(t);
            }
        }
        lines[i].text = Cow::Owned(text);
        lines[i].blank = lines[i].text.len() == level;
        for l in &mut lines[i + 1..=end] {
            l.text = Cow::Borrowed("");
            l.blank = true;
        }
    }
}

/// A `Q:` or `A:` label in a paragraph of its own (a DocBook FAQ's table
/// cells turned Markdown: `**Q:**`, then the question as the next
/// paragraph) opens the paragraph after it, as it does on one line.
fn join_bare_labels(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        let t = lines[i].text.trim();
        let bare = t.trim_matches('*');
        let label = matches!(bare, "Q:" | "A:" | "Q" | "A") && t.len() - bare.len() >= 2 || matches!(t, "Q:" | "A:");
        if lines[i].code || !label {
            continue;
        }
        let Some(j) = next_nonblank(lines, i + 1).filter(|&j| j <= i + 2 && !lines[j].code) else {
            continue;
        };
        let next = lines[j].text.trim();
        if next.trim_matches('*').len() <= 2 || next.starts_with('#') {
            continue;
        }
        lines[j].text = Cow::Owned(format!("{t} {next}"));
        lines[i].text = Cow::Borrowed("");
        lines[i].blank = true;
    }
}

/// A manual page's section names as `man` and pod2text print them, in
/// capitals at the margin over their indented text (`DESCRIPTION`,
/// `LOADING AND FIRING`): headings. A numbered one (`SECTION 37 -
/// UNICODE` over a table of contents) is no such name.
fn mark_manual_sections(lines: &mut [Line<'_>]) {
    for i in 0..lines.len().saturating_sub(1) {
        let (l, next) = (&lines[i], &lines[i + 1]);
        let t = l.text.trim();
        let named = l.indent == 0
            && !l.code
            && !next.blank
            && !next.code
            && next.indent > 0
            && t.split_whitespace().count() <= 5
            && t.chars().any(|c| c.is_alphabetic())
            && t.chars()
                .all(|c| c.is_uppercase() || matches!(c, ' ' | '&' | '-' | '/' | ','));
        if named {
            lines[i].text = Cow::Owned(format!("# {t}"));
        }
    }
}

/// A row of a Markdown table (written so, or converted from HTML).
fn is_table_row(l: &Line<'_>) -> bool {
    !l.code && !l.blank && l.text.trim_start().starts_with('|')
}

/// A table whose header reads Question | Answer is a FAQ: each row reads
/// as `**question** answer` (the bold question with its answer on one
/// line), and the header and its separator as nothing. So is a glossary
/// (Term | Definition) and a troubleshooting table (Problem | Cause |
/// Solution), whose row answers with its further cells as sentences:
/// "Blocked filter. Rinse the filter." (a "Cause:" label would hide that
/// each opens a sentence: "Cause: {{Blocked}} filter").
fn mark_qa_tables(lines: &mut [Line<'_>]) {
    let cells = |t: &str| -> Vec<String> {
        let t = t.trim().trim_start_matches('|');
        let t = t.strip_suffix('|').unwrap_or(t);
        t.split('|').map(|c| c.trim().to_string()).collect()
    };
    let mut i = 0;
    while i + 1 < lines.len() {
        if !is_table_row(&lines[i]) {
            i += 1;
            continue;
        }
        let header = cells(&lines[i].text);
        let named = |k: usize, names: &[&str]| {
            header.get(k).is_some_and(|c| {
                let c = c.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                names.contains(&c.as_str())
            })
        };
        let separator = is_table_row(&lines[i + 1])
            && lines[i + 1]
                .text
                .chars()
                .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
        let faq = named(0, &["question", "questions", "q", "faq"]) && named(1, &["answer", "answers", "a", "response"])
            || named(0, &["term", "word", "abbreviation", "acronym"])
                && named(1, &["definition", "meaning", "description", "explanation"]);
        let trouble = header.len() >= 2
            && named(
                0,
                &[
                    "problem",
                    "problems",
                    "symptom",
                    "symptoms",
                    "issue",
                    "fault",
                    "error",
                    "error message",
                    "error code",
                ],
            );
        if !((faq || trouble) && separator) {
            i += 1;
            continue;
        }
        for l in &mut lines[i..i + 2] {
            l.blank = true;
            l.text = Cow::Borrowed("");
        }
        let mut j = i + 2;
        while j < lines.len() && is_table_row(&lines[j]) {
            let row = cells(&lines[j].text);
            let q = row.first().map_or("", String::as_str);
            let a = if trouble {
                let mut a = String::new();
                for cell in row.iter().skip(1).filter(|c| !c.is_empty()) {
                    let stop = if cell.ends_with(['.', '!', '?']) { "" } else { "." };
                    a.push_str(&format!("{cell}{stop} "));
                }
                a
            } else {
                row.get(1..).map(|r| r.join(" ")).unwrap_or_default()
            };
            lines[j].text = Cow::Owned(if q.is_empty() {
                String::new()
            } else if trouble || !q.ends_with('?') {
                // "Dishes come out cloudy", "E24": no question mark to
                // tell them from a bold lead-in, so labelled.
                format!("Q: **{q}** A: {}", a.trim())
            } else {
                format!("**{q}** {}", a.trim())
            });
            lines[j].blank = q.is_empty();
            j += 1;
        }
        i = j;
    }
}

/// Headings written as a line of text underlined (Setext, reStructuredText,
/// plain-text habit) become ATX headings, and their rule lines blank: the
/// rules are no part of any answer. Markdown underlines with `=` (level 1)
/// or `-` (level 2); reStructuredText and plain text with a run of any one
/// punctuation character at least as long as the text, a style's level
/// being its order of first use (an overline makes a style of its own).
fn mark_underlines(lines: &mut [Line<'_>], format: Format) {
    // The character of a line made of one punctuation character repeated.
    let rule = |l: &Line<'_>| -> Option<char> {
        let t = l.text.trim();
        let c = t.chars().next()?;
        (!l.code && t.len() >= 2 && c.is_ascii_punctuation() && t.chars().all(|x| x == c)).then_some(c)
    };
    let rule_char = |l: &Line<'_>| {
        rule(l).filter(|&c| match format {
            Format::Markdown => matches!(c, '=' | '-'),
            Format::Text | Format::Rst => "=-~^\"'`#*+_:.".contains(c) && l.text.trim().len() >= 3,
            // Two-line section titles; the same lines of other lengths
            // delimit blocks (see `fits`).
            Format::AsciiDoc => matches!(c, '=' | '-' | '~' | '^' | '+'),
            Format::Org => false,
        })
    };
    // Front matter's `---` lines are find_title's to read.
    let start = match lines.first().map(|l| l.text.as_ref()) {
        Some(open @ ("---" | "+++")) if format == Format::Markdown => lines
            .iter()
            .skip(1)
            .take(200)
            .position(|l| l.text == open)
            .map_or(0, |end| end + 2),
        _ => 0,
    };
    let mut styles: Vec<(char, bool)> = Vec::new();
    for i in start.max(1)..lines.len() {
        let Some(c) = rule_char(&lines[i]) else { continue };
        let (above, heading) = (&lines[i - 1], i - 1);
        if above.blank || above.code || rule_char(above).is_some() || list_marker_len(&above.text).is_some() {
            continue;
        }
        let width = above.text.chars().count();
        let rule_len = lines[i].text.trim().chars().count();
        // A Markdown `-` under a paragraph line is Setext only when the line
        // opens its paragraph; elsewhere the rule must span the text.
        let opens = heading == 0 || lines[heading - 1].blank || rule_char(&lines[heading - 1]).is_some();
        let fits = match format {
            Format::Markdown => opens,
            Format::Rst | Format::Org => opens && rule_len * 5 >= width * 4,
            Format::AsciiDoc => opens && rule_len.abs_diff(width) <= 1,
            // Plain text also draws rules between entries: an underline
            // is about as long as its text, which reads as no sentence.
            Format::Text => {
                opens
                    && rule_len * 5 >= width * 4
                    && rule_len <= width * 3 / 2 + 3
                    && !above.text.ends_with(['.', ',', ';', ':'])
            }
        };
        if !fits {
            continue;
        }
        let over = heading > 0 && rule_char(&lines[heading - 1]) == Some(c);
        let level = if format == Format::Markdown {
            if c == '=' { 1 } else { 2 }
        } else {
            let style = (c, over);
            let k = styles.iter().position(|&s| s == style).unwrap_or_else(|| {
                styles.push(style);
                styles.len() - 1
            });
            (k + 1).min(6)
        };
        // A wiki heading boxed in rules (`= FAQ =` between `=====` lines)
        // is one heading.
        let above = strip_heading(&lines[heading].text)
            .filter(|_| format == Format::Text)
            .map_or(&*lines[heading].text, |(_, t)| t);
        let text = format!("{} {above}", "#".repeat(level));
        lines[heading].text = Cow::Owned(text);
        for k in [Some(i), over.then(|| heading - 1)].into_iter().flatten() {
            lines[k].blank = true;
            lines[k].text = Cow::Borrowed("");
        }
    }
    // Any other rule is a separator: blank. So is a spaced one, `* * *`,
    // which is no bullet (`------ ------` underlines a table's columns).
    let spaced_rule = |l: &Line<'_>| {
        let t = l.text.trim();
        // Checked by bytes first: every line comes here.
        if l.code || !matches!(t.as_bytes(), [b'*' | b'-' | b'_', b' ' | b'\t', ..]) {
            return false;
        }
        let mut marks = t.split_whitespace();
        matches!(marks.next(), Some(m @ ("*" | "-" | "_")) if marks.clone().count() >= 2 && marks.all(|x| x == m))
    };
    for l in &mut lines[start..] {
        if (rule(l).is_some_and(|c| "-=~*_".contains(c)) && l.text.trim().len() >= 3) || spaced_rule(l) {
            l.blank = true;
            l.separator = true;
            l.text = Cow::Borrowed("");
        }
    }
}

/// reStructuredText inline markup reduced to what readers see:
/// ``` ``code`` ``` as `` `code` ``, `` :role:`text` `` and
/// `` `text <url>`_ `` as their text.
fn rst_inline(s: &str) -> Cow<'_, str> {
    if s.contains("\\ ") {
        return Cow::Owned(rst_marked_up(&without_escaped_spaces(s)));
    }
    if !s.contains('`') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(rst_marked_up(s))
}

/// [`rst_inline`] of a line that may hold backticks.
fn rst_marked_up(s: &str) -> String {
    let mut out = rst_default_role(s).replace("``", "`");
    rst_links(&mut out);
    if !out.contains(":`") {
        return out;
    }
    rst_roles(&out)
}

/// `:role:`text``: the text, as code for names (`:func:`, `:class:`) and
/// as words for cross-references (`:doc:`, `:ref:`, `:term:`); a title
/// given before the target (`Legacy databases </howto/legacy>`) is the
/// text, `~` shows a name's last part. Lines are read one at a time, so a
/// paragraph asks again for roles broken over two lines.
fn rst_roles(out: &str) -> String {
    let mut rest = out;
    let mut plain = String::with_capacity(out.len());
    while let Some(p) = rest.find(":`") {
        let head = &rest[..p];
        let name: usize = head
            .chars()
            .rev()
            .take_while(|&c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+' | ':'))
            .map(char::len_utf8)
            .sum();
        let role = &head[head.len() - name..];
        let close = rest[p + 2..].find('`').map(|c| p + 2 + c);
        match close {
            // A role opens after no backtick: `:numbered:` is code.
            Some(close) if role.len() > 1 && role.starts_with(':') && !head[..head.len() - name].ends_with('`') => {
                plain.push_str(&head[..head.len() - name]);
                let content = &rest[p + 2..close];
                let titled = content
                    .strip_suffix('>')
                    .and_then(|c| c.rsplit_once(" <"))
                    .map(|(title, _)| title.trim());
                // Role names ignore case (`:RFC:`2396``).
                let kind = role.rsplit(':').next().unwrap_or("").to_ascii_lowercase();
                let text = match titled {
                    Some(title) => title,
                    None => shown_name(content, PYTHON_ROLES.contains(&kind.as_str())),
                };
                match kind.as_str() {
                    "pep" => plain.push_str(&format!("PEP {text}")),
                    "rfc" => plain.push_str(&format!("RFC {text}")),
                    // A label or a path with no title is a name.
                    "term" | "abbr" | "dfn" | "guilabel" | "menuselection" | "emphasis" | "strong"
                    | "title-reference" => plain.push_str(text),
                    _ if titled.is_some() => plain.push_str(text),
                    _ => {
                        plain.push('`');
                        plain.push_str(text);
                        plain.push('`');
                    }
                }
                rest = &rest[close + 1..];
            }
            _ => {
                plain.push_str(&rest[..p + 1]);
                rest = &rest[p + 1..];
            }
        }
    }
    plain.push_str(rest);
    plain
}

/// reStructuredText drops an escaped space, which only separates markup
/// from a word (`` ``x``\ s ``, `` `a`/\ `b` ``); in code it is code.
fn without_escaped_spaces(s: &str) -> String {
    outside_code(s, |piece| piece.replace("\\ ", ""))
}

/// `t` with `f` applied to the text between its code spans, each run of
/// backticks opening or closing one.
fn outside_code(t: &str, f: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(t.len());
    let mut code = false;
    let mut rest = t;
    while !rest.is_empty() {
        let at = memchr::memchr(b'`', rest.as_bytes()).unwrap_or(rest.len());
        let ticks = rest[at..].bytes().take_while(|&b| b == b'`').count();
        if code {
            out.push_str(&rest[..at]);
        } else {
            out.push_str(&f(&rest[..at]));
        }
        out.push_str(&rest[at..at + ticks]);
        code ^= ticks > 0;
        rest = &rest[at + ticks..];
    }
    out
}

/// The substitution definitions of a reStructuredText document: a
/// `replace::` one by its text, any other (an image, raw HTML) by nothing.
fn rst_substitutions(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|l| {
            let rest = l.trim_start().strip_prefix(".. |")?;
            let (name, directive) = rest.split_once("| ")?;
            let (kind, value) = directive.trim_start().split_once("::")?;
            let value = match kind {
                "replace" => value.trim().to_string(),
                // After ` .. ` comes a comment.
                "unicode" => value
                    .split_whitespace()
                    .take_while(|&w| w != "..")
                    .map(unicode_code)
                    .collect(),
                _ => String::new(),
            };
            (!name.is_empty()).then(|| (name.to_string(), value))
        })
        .collect()
}

/// A character code of a `unicode::` substitution (`U+2013`, `0x2014`,
/// `x2026`, `&#x2018;`, `169`) as its character; other text as itself.
fn unicode_code(code: &str) -> String {
    let hex = ["U+", "u+", "0x", "0X", "\\u", "\\x", "x", "&#x"]
        .iter()
        .find_map(|p| code.strip_prefix(p))
        .map(|h| u32::from_str_radix(h.trim_end_matches(';'), 16));
    let n = match hex {
        Some(n) => n.ok(),
        None => code.parse().ok(),
    };
    n.and_then(char::from_u32)
        .map_or_else(|| code.to_string(), String::from)
}

/// `|name|`, `|name|_` and `|name|__` as the text substituted, outside
/// code (`` ``|x|`` `` is what it shows).
fn rst_substituted(t: &str, subs: &[(String, String)]) -> String {
    outside_code(t, |piece| {
        let mut piece = piece.to_string();
        for (name, value) in subs {
            let reference = format!("|{name}|");
            if piece.contains(&reference) {
                for suffix in ["__", "_", ""] {
                    piece = piece.replace(&format!("{reference}{suffix}"), value);
                }
            }
        }
        piece
    })
}

/// Sphinx's roles for Python objects, whose targets may open with a `.`
/// that only says where to look the name up.
const PYTHON_ROLES: &[&str] = &["func", "meth", "class", "attr", "exc", "data", "const", "obj", "mod"];

/// A cross-reference target as Sphinx shows it: `!` (no link) goes, a
/// Python name's leading `.` goes, and `~` shows its last part only
/// (`~list.append` is "append").
fn shown_name(target: &str, python: bool) -> &str {
    let bare = target.trim_start_matches('!');
    let bare = if python { bare.trim_start_matches('.') } else { bare };
    match bare.strip_prefix('~') {
        Some(name) => name.rsplit('.').next().unwrap_or(name),
        None => bare,
    }
}

/// `` `.Session.flush` ``, `` `~conn.commit()` ``, `` `!Frob` ``: a name in
/// single backticks takes Sphinx's default role, which most projects set to
/// Python objects, and reads as that role shows it. Anything else in single
/// backticks (`` `~/.bashrc` ``) is left as written.
fn rst_default_role(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(open) = memchr::memchr(b'`', &b[i..]).map(|p| i + p) {
        let Some(close) = memchr::memchr(b'`', &b[open + 1..]).map(|p| open + 1 + p) else {
            break;
        };
        let single = b.get(open + 1) != Some(&b'`')
            && (open == 0 || !matches!(b[open - 1], b'`' | b':'))
            && !matches!(b.get(close + 1), Some(b'`' | b'_'));
        if !single {
            // Past a whole ``literal``, whose backticks pair among themselves.
            i = close + 1;
            while b.get(i) == Some(&b'`') {
                i += 1;
            }
            continue;
        }
        let content = &s[open + 1..close];
        let name = |n: &str| {
            let n = n.strip_suffix("()").unwrap_or(n);
            n.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
                && n.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
        };
        // `` `string tutorial <string_tutorial>` ``: a title before its
        // target, shown as the title.
        let titled = content
            .strip_suffix('>')
            .and_then(|c| c.rsplit_once(" <"))
            .map(|(title, _)| title.trim());
        if let Some(title) = titled.filter(|t| !t.is_empty()) {
            out.push_str(&s[copied..open]);
            out.push_str(title);
            copied = close + 1;
        } else if content.starts_with(['!', '.', '~']) && name(content.trim_start_matches(['!', '.', '~'])) {
            out.push_str(&s[copied..=open]);
            out.push_str(shown_name(content, true));
            copied = close;
        }
        i = close + 1;
    }
    if copied == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
}

/// `text <url>`_ (and __) as the text. Lines are read one at a time, so a
/// paragraph asks again for links broken over two lines.
fn rst_links(out: &mut String) {
    let mut from = 0;
    while let Some(gt) = out[from..].find(">`_").map(|q| from + q) {
        // A link is short: looking back no further keeps a paragraph of
        // many `>`_` marks linear.
        let mut window = gt.saturating_sub(2048).max(from);
        while !out.is_char_boundary(window) {
            window += 1;
        }
        let lt = out[window..gt].rfind(" <").map(|l| window + l);
        let tick = lt.and_then(|lt| out[window..lt].rfind('`').map(|t| window + t));
        let (Some(lt), Some(tick)) = (lt, tick) else {
            from = gt + 3;
            continue;
        };
        let end = gt + 3 + usize::from(out[gt + 3..].starts_with('_'));
        let label = out[tick + 1..lt].to_string();
        out.replace_range(tick..end, &label);
        from = tick + label.len();
    }
}

/// reStructuredText references read as what they name: `` `phrase`_ ``
/// and `name_` (`__` for anonymous ones) as the phrase or the name, with
/// no mark; footnote and citation marks (`[1]_`, `[#note]_`, `[CIT2002]_`)
/// go. Code spans stay as they are.
fn rst_references(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Bytes of the trailing `_` or `__` at `i`, when what follows ends the
    // reference (no word character goes on).
    let marks = |i: usize| {
        let n = b[i..].iter().take(2).take_while(|&&c| c == b'_').count();
        let ends = n > 0
            && s[i + n..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        if ends { n } else { 0 }
    };
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        match b[i] {
            b'`' => {
                let Some(close) = s[i + 1..].find('`').map(|c| i + 1 + c) else {
                    break;
                };
                let n = marks(close + 1);
                // _`Message.reject doesn't work?`: an inline target, shown
                // as its text.
                let target = i > copied
                    && b[i - 1] == b'_'
                    && (i == 1 || b[i - 2].is_ascii_whitespace() || matches!(b[i - 2], b'(' | b'"' | b'\''));
                if n > 0 && close > i + 1 {
                    out.push_str(&s[copied..i]);
                    out.push_str(&s[i + 1..close]);
                    copied = close + 1 + n;
                } else if target && close > i + 1 {
                    out.push_str(&s[copied..i - 1]);
                    out.push_str(&s[i + 1..close]);
                    copied = close + 1;
                }
                i = close + 1;
            }
            b'[' => {
                // A mark's label is short: looking no further keeps a run of
                // `[` linear.
                let window = &b[i + 1..b.len().min(i + 34)];
                let label = window.iter().position(|&c| c == b']').map(|c| (i + 1, i + 1 + c));
                match label {
                    Some((from, to))
                        if to > from
                            && to - from <= 30
                            && s[from..to]
                                .chars()
                                .all(|c| c.is_alphanumeric() || matches!(c, '#' | '*' | '-' | '_' | '.'))
                            && marks(to + 1) == 1 =>
                    {
                        out.push_str(s[copied..i].trim_end());
                        copied = to + 2;
                        i = to + 2;
                    }
                    _ => i += 1,
                }
            }
            b'_' if i > 0 && s[..i].chars().next_back().is_some_and(char::is_alphanumeric) => {
                let n = marks(i);
                // The name runs back over letters, digits and single inner
                // `-_.:+`; it must open on a letter or digit, after a space
                // or an opening mark (not `__init__`, not a path's end).
                // A name is short: looking back no further keeps `a_a_a_…`
                // linear (a longer run is no name).
                let back = s[..i]
                    .char_indices()
                    .rev()
                    .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '+'))
                    .take(65);
                let mut name_start = i;
                let mut length = 0;
                for (k, _) in back {
                    name_start = k;
                    length += 1;
                }
                if length > 64 {
                    i += 1;
                    continue;
                }
                let name = &s[name_start..i];
                let isolated = !name
                    .chars()
                    .zip(name.chars().skip(1))
                    .any(|(a, b)| !a.is_alphanumeric() && !b.is_alphanumeric());
                let opens = s[..name_start]
                    .chars()
                    .next_back()
                    .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '“' | '‘' | '['));
                if n > 0 && opens && isolated && name.starts_with(char::is_alphanumeric) {
                    out.push_str(&s[copied..i]);
                    copied = i + n;
                    i += n;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    out.push_str(&s[copied..]);
    out
}

/// reStructuredText blocks: the indented block after a line ending in `::`
/// or after a code directive is code; comments and the directives that
/// hold no text to read (`.. index::`) go with their indented bodies;
/// other directive lines (`.. note::`) go, their indented text stays.
fn mark_rst_blocks(lines: &mut [Line<'_>]) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].code || lines[i].blank {
            i += 1;
            continue;
        }
        let t = lines[i].text.trim_end().to_string();
        // Explicit markup opens with `.. ` (an ellipsis is text).
        let directive = t == ".." || t.starts_with(".. ");
        let what = t.get(2..).unwrap_or("").trim_start();
        let code_directive = directive
            && [
                "code-block::",
                "code::",
                "sourcecode::",
                "literalinclude::",
                "doctest::",
                "testcode::",
                "testoutput::",
            ]
            .iter()
            .any(|d| what.starts_with(d));
        // A comment (explicit markup that is no directive, footnote,
        // target or substitution), and a directive whose body is no text
        // to read, go with all of their indented body.
        let is_directive = what.split_once("::").is_some_and(|(name, _)| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '+' | '.'))
        });
        // A footnote or citation, `.. [1] text`; one that only gives an
        // address is a link's target, as `.. _name: url` is.
        let footnote = what
            .strip_prefix('[')
            .and_then(|rest| rest.split_once("] "))
            .map(|(_, text)| text.trim())
            .filter(|text| {
                let address = text.starts_with("http://") || text.starts_with("https://");
                let wraps = lines.get(i + 1).is_some_and(|l| !l.blank && l.indent > lines[i].indent);
                directive && !(address && !text.contains(' ') && !wraps)
            });
        let comment = directive && !is_directive && !what.starts_with(['_', '|']) && footnote.is_none();
        let hidden = directive
            && [
                "index::",
                "toctree::",
                "raw::",
                "meta::",
                "highlight::",
                "image::",
                "include::",
                "testsetup::",
                "testcleanup::",
                "contents::",
                "sectnum::",
            ]
            .iter()
            .any(|d| what.starts_with(d));
        // A hyperlink target (`.. _name: url`, `__ url`) is where a link
        // goes, however its address wraps: no text to read.
        let target = (directive && what.starts_with('_')) || t.starts_with("__ ");
        if comment || hidden || target {
            let base = lines[i].indent;
            // `..` alone over a blank line comments nothing more.
            let empty = what.is_empty() && lines.get(i + 1).is_none_or(|l| l.blank);
            let mut j = i + 1;
            while !empty && j < lines.len() && (lines[j].blank || lines[j].indent > base) {
                j += 1;
            }
            for l in &mut lines[i..j] {
                l.blank = true;
                l.code = false;
                l.text = Cow::Borrowed("");
            }
            i = j.max(i + 1);
            continue;
        }
        // A footnote or citation (`.. [1] text`, `.. [#note] text`) reads
        // as its text, the lines set in under it its own. Its label goes,
        // as the references to it (`[1]_`) do.
        if let Some(text) = footnote {
            let base = lines[i].indent;
            lines[i].text = Cow::Owned(text.to_string());
            let mut j = i + 1;
            while j < lines.len() && !lines[j].blank && lines[j].indent > base {
                lines[j].indent = base;
                j += 1;
            }
            i = j;
            continue;
        }
        let literal = !directive && t.ends_with("::");
        if directive {
            // An admonition's label stays, opening its text: "Note:
            // Polling faster ..." reads as the aside it is.
            match admonition(&t) {
                Some((label, inline)) if !inline.is_empty() => {
                    lines[i].text = Cow::Owned(format!("{label} {inline}"));
                }
                found => {
                    lines[i].blank = true;
                    lines[i].text = Cow::Borrowed("");
                    let base = lines[i].indent;
                    let body = lines[i + 1..]
                        .iter_mut()
                        .take_while(|l| l.blank || l.indent > base)
                        .find(|l| !l.blank);
                    if let (Some((label, _)), Some(l)) = (found, body) {
                        l.text = Cow::Owned(format!("{label} {}", l.text));
                    }
                }
            }
        } else if literal {
            // `Run this::` reads `Run this:`; `Run this ::` and a lone `::`
            // lose the marker.
            let body = &t[..t.len() - 2];
            let text = if body.ends_with(char::is_whitespace) || body.is_empty() {
                body.trim_end().to_string()
            } else {
                format!("{body}:")
            };
            lines[i].blank = text.is_empty();
            lines[i].text = Cow::Owned(text);
        }
        if !(code_directive || literal) {
            i += 1;
            continue;
        }
        let base = lines[i].indent;
        let mut j = i + 1;
        while j < lines.len() && (lines[j].blank || lines[j].indent > base) {
            j += 1;
        }
        let mut end = j;
        while end > i + 1 && lines[end - 1].blank {
            end -= 1;
        }
        // A code directive's options (`:linenos:`) are no part of the code.
        let mut first = i + 1;
        while code_directive && first < end && lines[first].text.starts_with(':') {
            lines[first].blank = true;
            lines[first].text = Cow::Borrowed("");
            first += 1;
        }
        while first < end && lines[first].blank {
            first += 1;
        }
        for l in &mut lines[first..end] {
            l.code = true;
            l.blank = false;
            l.text = Cow::Borrowed(l.raw);
        }
        i = end.max(i + 1);
    }
}

/// The label of a reStructuredText admonition directive (`.. note::`) and
/// any text on the directive's own line.
fn admonition(line: &str) -> Option<(&'static str, &str)> {
    let rest = line.strip_prefix("..")?.trim_start();
    let (name, inline) = rest.split_once("::")?;
    Some((aside_label(name)?, inline.trim()))
}

/// A Markdown blockquote line without its `>` markers (nested ones too):
/// answers are often quoted, and the quote marks are no part of them.
///
/// Up to `most` markers go; with them, how many went.
fn unquote_levels(raw: &str, most: usize) -> (&str, usize) {
    let mut s = raw;
    let mut levels = 0;
    while levels < most
        && let Some(rest) = s.trim_start().strip_prefix('>')
    {
        s = rest.strip_prefix(' ').unwrap_or(rest);
        levels += 1;
    }
    (s, levels)
}

fn fence_open(trimmed: &str, format: Format) -> Option<(char, usize)> {
    let ch = trimmed.chars().next()?;
    let n = trimmed.chars().take_while(|&c| c == ch).count();
    match ch {
        // "```fusermount -u <path>```" is code inline: a backtick fence's
        // info string holds no backtick.
        '`' => (n >= 3 && !trimmed[n..].contains('`')).then_some((ch, n)),
        '~' => (n >= 3).then_some((ch, n)),
        // AsciiDoc's listing and literal blocks: a line of four or more.
        '-' | '.' if format == Format::AsciiDoc && n >= 4 && n == trimmed.len() => Some((ch, n)),
        // Org's source and example blocks; `#+END_…` closes them.
        '#' if format == Format::Org
            && (starts_with_ignore_case(trimmed, "#+begin_src")
                || starts_with_ignore_case(trimmed, "#+begin_example")) =>
        {
            Some((ch, 0))
        }
        _ => None,
    }
}

/// What a MyST directive fence (` ```{name} `) holds.
enum Myst {
    /// An admonition's text, under its label ("Note:").
    Box(String),
    /// Nothing to read: a table of contents, an included file, an image.
    Hidden,
    /// Code, or anything else: kept verbatim.
    Code,
}

/// The directive a fence line opens, when it opens one: ` ```{note} `,
/// ` ````{admonition} Title `.
fn myst_directive(trimmed: &str) -> Option<Myst> {
    let info = trimmed.trim_start_matches(['`', '~']).trim_start();
    let (name, rest) = info.strip_prefix('{')?.split_once('}')?;
    let name = name.trim().to_ascii_lowercase();
    let label = |l: &str| {
        let mut cs = l.chars();
        cs.next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(cs).collect::<String>())
    };
    Some(match name.as_str() {
        "note" | "tip" | "hint" | "important" | "warning" | "caution" | "attention" | "danger" | "error"
        | "seealso" | "versionadded" | "versionchanged" | "deprecated" => Myst::Box(format!("{}:", label(&name))),
        "admonition" if !rest.trim().is_empty() => Myst::Box(format!("{}:", rest.trim())),
        "contents" | "toctree" | "include" | "literalinclude" | "image" | "figure" | "index" | "only" | "raw"
        | "meta" | "tableofcontents" => Myst::Hidden,
        _ => Myst::Code,
    })
}

/// The HTML disclosure widget READMEs write FAQs with, in Markdown:
/// `<summary>Q?</summary>` reads as the bold line `**Q?**` (tags inside
/// dropped), `<details>` and `</details>` as nothing.
fn details_line(line: &str) -> Option<Cow<'_, str>> {
    if !line.starts_with('<') {
        return None;
    }
    // `<details><summary>Q?</summary>` on one line, as often as not.
    let mut t = line;
    while t.get(..8).is_some_and(|head| head.eq_ignore_ascii_case("<details")) {
        t = t[t.find('>')? + 1..].trim_start();
    }
    let opened = t.len() < line.len();
    let lower = t.to_ascii_lowercase();
    if lower == "</details>" || lower.is_empty() {
        return Some(Cow::Borrowed(""));
    }
    if !lower
        .strip_prefix("<summary")
        .is_some_and(|r| r.starts_with(['>', ' ']))
    {
        return opened.then_some(Cow::Borrowed(t));
    }
    let (open_end, close) = (t.find('>')? + 1, lower.find("</summary>")?);
    let inner = t.get(open_end..close)?;
    // `<summary>Q?</summary>The answer.</details>` on one line: the answer
    // follows the bold question, as in `**Q?** The answer.`
    let after = t.get(close + "</summary>".len()..)?.trim();
    let after = inline_html(after).map_or(Cow::Borrowed(after), Cow::Owned);
    let mut text = String::with_capacity(inner.len());
    let mut in_tag = false;
    for c in inner.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text.trim();
    Some(Cow::Owned(match (text.is_empty(), after.is_empty()) {
        (true, _) => after.into_owned(),
        (false, true) => format!("**{text}**"),
        (false, false) => format!("**{text}** {after}"),
    }))
}

/// Whether `t` opens with `:key:` (an AsciiDoc attribute entry, an Org
/// drawer line), the key of ASCII letters, digits and `extra`.
fn opens_with_key(t: &str, extra: &[char]) -> bool {
    t.len() > 2
        && t.starts_with(':')
        && t[1..].find(':').is_some_and(|end| {
            end > 0
                && t[1..=end]
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || extra.contains(&c))
        })
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|h| h.eq_ignore_ascii_case(prefix))
}

/// An Org line as the Markdown-minded parser reads it: `#+TITLE: T` as
/// `# T`, a headline as a heading one level down (without its TODO keyword
/// and tags), a whole-line `*bold*` as `**bold**`; other `#+` keywords,
/// comments and drawer lines (`:PROPERTIES:`, `:END:`) as nothing; links
/// as their text and `=verbatim=`/`~code~` as code.
fn org_line(t: &str) -> Cow<'_, str> {
    if let Some(title) = t
        .get(..8)
        .filter(|h| h.eq_ignore_ascii_case("#+title:"))
        .map(|_| t[8..].trim())
    {
        return Cow::Owned(format!("# {title}"));
    }
    let drawer = opens_with_key(t, &['_', '-']);
    if t.starts_with("#+") || t == "#" || t.starts_with("# ") || drawer {
        return Cow::Borrowed("");
    }
    let stars = t.bytes().take_while(|&b| b == b'*').count();
    if stars > 0 && t[stars..].starts_with(' ') {
        let mut head = t[stars..].trim();
        // Trailing tags, `:faq:setup:`.
        if let Some((rest, tags)) = head.rsplit_once(char::is_whitespace)
            && tags.len() > 2
            && tags.starts_with(':')
            && tags.ends_with(':')
            && !tags.contains(' ')
        {
            head = rest.trim_end();
        }
        for keyword in ["TODO ", "DONE "] {
            head = head.strip_prefix(keyword).unwrap_or(head);
        }
        return Cow::Owned(format!("{} {}", "#".repeat((stars + 1).min(6)), org_inline(head)));
    }
    if t.len() > 2 && t.starts_with('*') && t.ends_with('*') && !t.starts_with("**") {
        return Cow::Owned(format!("**{}**", org_inline(&t[1..t.len() - 1])));
    }
    org_inline(t)
}

/// Org inline markup as Markdown reads it: `[[url][text]]` as `text`,
/// `[[url]]` as `url`, `=x=` and `~x~` as `` `x` ``.
fn org_inline(s: &str) -> Cow<'_, str> {
    if !s.contains("[[") && !s.contains('=') && !s.contains('~') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("[[") {
        let Some(end) = rest[at..].find("]]") else { break };
        out.push_str(&rest[..at]);
        let link = &rest[at + 2..at + end];
        out.push_str(link.split_once("][").map_or(link, |(_, text)| text));
        rest = &rest[at + end + 2..];
    }
    out.push_str(rest);
    // Verbatim: a marker after a space or at the start, closed by one
    // before a space, punctuation or the end.
    let mut code = String::with_capacity(out.len());
    let chars: Vec<char> = out.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let opens = matches!(c, '=' | '~')
            && (i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(')
            && chars.get(i + 1).is_some_and(|n| !n.is_whitespace());
        if opens
            && let Some(len) = chars[i + 1..].iter().position(|&x| x == c).filter(|&len| {
                len > 0
                    && !chars[i + len].is_whitespace()
                    && chars
                        .get(i + len + 2)
                        .is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation())
            })
        {
            code.push('`');
            code.extend(&chars[i + 1..=i + len]);
            code.push('`');
            i += len + 2;
            continue;
        }
        code.push(c);
        i += 1;
    }
    Cow::Owned(code)
}

/// The term of an AsciiDoc labelled list line, `Term::` alone.
fn asciidoc_term(t: &str) -> Option<&str> {
    let term = t.strip_suffix("::")?.trim_end();
    (!term.is_empty() && !term.ends_with(':') && !t.starts_with("//")).then_some(term)
}

/// An AsciiDoc line as the Markdown-minded parser reads it: `== Q` as
/// `## Q`, a `Q?::` list term or a `*Q?*` line as bold, and attribute
/// entries (`:toc:`), block attributes (`[source,python]`, `[[id]]`) and
/// `+` continuations as nothing. In a list of terms that mostly ask
/// (`asking_terms`), every term is an entry's heading, as a definition
/// list's terms are in HTML: "I'm on Windows and my text files are
/// detected as binary.::" states its problem.
fn asciidoc_line(t: &str, asking_terms: bool) -> Cow<'_, str> {
    if let Some((eqs, heading)) = wiki_heading(t) {
        return Cow::Owned(format!("{} {heading}", "#".repeat(eqs)));
    }
    let eqs = t.bytes().take_while(|&b| b == b'=').count();
    if (1..=6).contains(&eqs) && t[eqs..].starts_with(' ') {
        return Cow::Owned(format!("{} {}", "#".repeat(eqs), t[eqs..].trim()));
    }
    let attribute = opens_with_key(t, &['-', '_', '!']);
    let block_attribute = t.starts_with('[') && t.ends_with(']') && !t.contains("](");
    if attribute || block_attribute || t == "+" {
        return Cow::Borrowed("");
    }
    if asking_terms && let Some(term) = asciidoc_term(t) {
        return Cow::Owned(format!("###### {term}"));
    }
    if let Some(term) = t.strip_suffix("::").filter(|q| q.ends_with('?')) {
        return Cow::Owned(format!("**{term}**"));
    }
    if t.len() > 2 && t.starts_with('*') && t.ends_with("?*") && !t.starts_with("**") {
        return Cow::Owned(format!("*{t}*"));
    }
    Cow::Borrowed(t)
}

/// A page number line of text copied from a PDF: `Page 3`, `Page 3 of 9`,
/// `- 3 -`, alone or at the end of a running footer set off by a wide gap.
fn is_page_furniture(t: &str) -> bool {
    // Nearly every line ends otherwise: it costs one comparison.
    if !t.ends_with(|c: char| c.is_ascii_digit() || c == '-') {
        return false;
    }
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some(n) = t.strip_prefix('-').and_then(|r| r.strip_suffix('-')) {
        return number(n.trim());
    }
    let Some(at) = t.to_ascii_lowercase().rfind("page ") else {
        return false;
    };
    let (before, page) = t.split_at(at);
    let mut words = page.split_whitespace().skip(1);
    let numbered = match (words.next(), words.next(), words.next(), words.next()) {
        (Some(n), None, None, None) => number(n),
        (Some(n), Some(of), Some(m), None) => number(n) && of.eq_ignore_ascii_case("of") && number(m),
        _ => false,
    };
    numbered && (before.is_empty() || before.ends_with("  ") || before.ends_with('\t') || before.ends_with("| "))
}

/// A manual page's running header or footer as `man` prints it,
/// `PERLFAQ1(1)   Perl Programmers Reference Guide   PERLFAQ1(1)` and
/// `perl v5.36.0   2026-09-29   PERLFAQ1(1)`: words set apart by wide
/// gaps, ending in the page's name and section.
fn is_man_furniture(t: &str) -> bool {
    if !t.ends_with(')') || !(t.contains("  ") || t.contains('\t')) {
        return false;
    }
    let mut words = t.split_whitespace();
    words.next().is_some() && words.next_back().is_some_and(|last| man_name(last).is_some())
}

/// The name of a manual page reference (`gitfaq(7)`, `PERLFAQ1(1)`).
fn man_name(s: &str) -> Option<&str> {
    let (name, section) = s.strip_suffix(')')?.split_once('(')?;
    let man = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | ':'))
        && section.starts_with(|c: char| c.is_ascii_digit())
        && section.chars().all(|c| c.is_ascii_alphanumeric());
    man.then_some(name)
}

/// Whether a line heads a web page's list of links to other pages.
fn is_related_heading(t: &str) -> bool {
    let t = t.trim_end_matches(':');
    [
        "related articles",
        "related questions",
        "related topics",
        "related links",
        "more articles",
        "popular articles",
        "in this section",
    ]
    .iter()
    .any(|h| t.eq_ignore_ascii_case(h))
}

/// A line of a web page's furniture copied with its text: "Back to top",
/// "Was this article helpful? Yes No", "Updated 3 days ago", "Still need
/// help? Contact us".
fn is_web_furniture(t: &str) -> bool {
    // A forum's note under an edited post: "Last edited by Sam on 2
    // March 2026, edited 3 times in total."
    let unemphasised = t.trim_start_matches(['*', '_']);
    if unemphasised
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("last edited by "))
        && t.len() <= 120
    {
        return true;
    }
    // Who wrote an answer, as perlfaq credits them: "(contributed by brian
    // d foy)".
    if t.len() <= 100
        && t.ends_with(')')
        && [
            "(contributed by ",
            "(answer contributed by ",
            "(written by ",
            "(submitted by ",
        ]
        .iter()
        .any(|p| t.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)))
    {
        return true;
    }
    // Nearly every line is longer than any of these.
    if t.len() > 60 {
        return false;
    }
    // A line that is one link reads as its text: "[Back to top](#top)".
    let t = t
        .strip_prefix('[')
        .filter(|_| t.ends_with(')'))
        .and_then(|r| r.split_once("]("))
        .map_or(t, |(text, _)| text);
    let lower = t.to_lowercase();
    let lower = lower
        .trim_start_matches(['↑', '^', '⬆', ' '])
        .trim_end_matches(['.', '!', ' ']);
    // "Top" and "Contents" alone are words of a heading, not a link back up.
    if (!matches!(lower, "top" | "contents" | "toc") && leads_back_up(lower))
        || matches!(lower, "share this article" | "print this page")
    {
        return true;
    }
    // "Was this article helpful?", "Did this answer your question?", but
    // not a question about a product: "Is this app useful offline?".
    let mut words = lower.split_whitespace();
    let helpful = matches!(words.next(), Some("was" | "did" | "is"))
        && words.next() == Some("this")
        && matches!(
            words.next(),
            Some("article" | "page" | "answer" | "information" | "content" | "post" | "reply" | "help" | "faq")
        )
        && words.count() <= 7;
    let updated = (lower.starts_with("updated ") || lower.starts_with("last updated "))
        && lower.ends_with(" ago")
        && lower.split_whitespace().count() <= 5;
    let still = lower.starts_with("still need help") || lower.starts_with("can't find what you");
    // A site's credit to its software: "Powered by Atlassian Confluence".
    let powered = (lower.starts_with("powered by ") || lower.starts_with("proudly powered by "))
        && lower.split_whitespace().count() <= 6;
    // Under a shop's customer answers: "14 of 15 people found this
    // helpful", and who answered when, "By Tom on 3 April 2026".
    let found_helpful = lower.ends_with(" found this helpful") && lower.starts_with(|c: char| c.is_ascii_digit());
    let byline = ["by ", "answered by ", "asked by ", "posted by "]
        .iter()
        .any(|b| lower.starts_with(b))
        && lower
            .rsplit_once(" on ")
            .is_some_and(|(_, date)| date.contains(|c: char| c.is_ascii_digit()))
        && lower.split_whitespace().count() <= 9;
    helpful || updated || still || found_helpful || byline || powered
}

/// "Help Center > Account > FAQ": three or more short parts between `>`,
/// `›` or `»`, none a sentence. Only above the text: below, such a line is
/// a path through menus ("Settings > Privacy > Delete account").
fn is_breadcrumb(t: &str) -> bool {
    if t.len() > 90 || memchr::memchr3(b'>', 0xBA, 0xBB, t.as_bytes()).is_none() || t.ends_with(['.', '?', '!', ':']) {
        return false;
    }
    let parts: Vec<&str> = t.split(['>', '›', '»']).map(str::trim).collect();
    parts.len() >= 3 && parts.iter().all(|p| !p.is_empty() && p.split_whitespace().count() <= 5)
}

/// A Markdown line as the parser reads it: `<summary>` as a bold line,
/// `: answer` under a term (a definition list) as the answer, escapes
/// resolved.
fn markdown_line(t: &str) -> Cow<'_, str> {
    if let Some(label) = alert_label(t) {
        return Cow::Borrowed(label);
    }
    if is_link_definition(t) {
        return Cow::Borrowed("");
    }
    match details_line(t) {
        Some(line) => line,
        None => {
            let t = t.strip_prefix(": ").unwrap_or(t);
            let t = match inline_html(t) {
                Some(md) => Cow::Owned(unescape_markdown(&md).into_owned()),
                None => unescape_markdown(t),
            };
            if t.contains("```") {
                Cow::Owned(single_ticked(&t))
            } else {
                t
            }
        }
    }
}

/// Code inline between triple backticks (`` ```cmd``` ``) as a span of
/// single ones: the same code, written as the rest of the text writes it.
fn single_ticked(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(open) = rest.find("```") {
        let after = &rest[open + 3..];
        match after.find('`') {
            Some(close) if close > 0 && after[close..].starts_with("```") && !after[close + 3..].starts_with('`') => {
                out.push_str(&rest[..open]);
                out.push('`');
                out.push_str(&after[..close]);
                out.push('`');
                rest = &after[close + 3..];
            }
            _ => {
                out.push_str(&rest[..open + 3]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A Markdown line's HTML as the Markdown it stands for, as READMEs write
/// headings and bold questions in HTML (`<h3 id="sync">Q?</h3>`,
/// `<b>Q?</b><br>`, `<p><strong>Q:</strong> …</p>`): headings as `#`
/// headings, `<b>`/`<strong>` as `**`, `<em>`/`<i>` as `*`, `<code>` as a
/// code span, a list item as `- `, and the tags that only wrap or link
/// (`<p>`, `<div>`, `<a>`, `<span>`, `<br>`) and images as nothing; entities
/// decoded. `None` when the line has neither tags nor entities. Code spans
/// and tags it does not know (`<your-file>`) stay as written.
fn inline_html(t: &str) -> Option<String> {
    if !t.contains('<') && !t.contains('&') {
        return None;
    }
    let mut out = String::with_capacity(t.len());
    let mut changed = false;
    let mut rest = t;
    let mut in_code = false;
    while let Some(at) = rest.find(['<', '`']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with('`') {
            in_code = !in_code;
            out.push('`');
            rest = &rest[1..];
            continue;
        }
        // `\<b>` is the text "<b>".
        let tag = (!in_code && !out.ends_with('\\')).then(|| html_tag(rest)).flatten();
        let Some((len, closing, name)) = tag else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let line_start = out.trim().is_empty();
        let with: &str = match name.as_str() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if !closing && line_start => {
                out.clear();
                ["# ", "## ", "### ", "#### ", "##### ", "###### "][usize::from(name.as_bytes()[1] - b'1')]
            }
            "li" if !closing && line_start => {
                out.clear();
                "- "
            }
            "b" | "strong" => "**",
            "i" | "em" => "*",
            "code" | "kbd" => "`",
            "br" => " ",
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "p" | "div" | "span" | "a" | "img" | "center" | "u"
            | "small" | "sup" | "sub" | "font" | "ul" | "ol" | "section" | "details" => "",
            _ => {
                out.push('<');
                rest = &rest[1..];
                continue;
            }
        };
        out.push_str(with);
        rest = &rest[len..];
        changed = true;
    }
    out.push_str(rest);
    let decoded = if out.contains('&') {
        html_escape::decode_html_entities(&out)
    } else {
        Cow::Borrowed(out.as_str())
    };
    if matches!(decoded, Cow::Owned(_)) {
        changed = true;
    }
    changed.then(|| decoded.trim().to_string())
}

/// An HTML tag opening `s`: its length, whether it closes, and its name in
/// lower case.
fn html_tag(s: &str) -> Option<(usize, bool, String)> {
    let inner = s.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name_len = inner.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(inner.len());
    let name = &inner[..name_len];
    let after = &inner[name_len..];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) || !after.starts_with([' ', '>', '/']) {
        return None;
    }
    let end = s.find('>')?;
    Some((end + 1, closing, name.to_ascii_lowercase()))
}

/// The label a GitHub alert's marker line (`> [!NOTE]`) shows readers,
/// which then opens the alert's text: "Note: Polling faster ...".
fn alert_label(t: &str) -> Option<&'static str> {
    aside_label(t.strip_prefix("[!")?.strip_suffix(']')?)
}

/// The label readers see on a note, tip or warning box, whichever syntax
/// wrote it (reStructuredText and MkDocs admonitions, `:::` containers,
/// GitHub alerts).
fn aside_label(kind: &str) -> Option<&'static str> {
    Some(match kind.to_ascii_lowercase().as_str() {
        "note" => "Note:",
        "info" => "Info:",
        "tip" => "Tip:",
        "hint" => "Hint:",
        "important" => "Important:",
        "warning" => "Warning:",
        "caution" => "Caution:",
        "attention" => "Attention:",
        "danger" => "Danger:",
        "seealso" => "See also:",
        _ => return None,
    })
}

/// What a container marker line makes of itself and the text after it.
#[derive(Debug, PartialEq, Eq)]
enum Container {
    /// `??? question "Why ...?"`, `:::details Why ...?`: a disclosure whose
    /// title is what the reader asks, read as a bold line.
    Heading(String),
    /// `!!! note`, `:::tip`: the box's label, which opens its text.
    Label(String),
    /// `=== "Setuptools"`: a content tab (pymdownx.tabbed), read as its
    /// title over its text.
    Tab(String),
    /// `:::` alone, closing a container.
    Close,
}

/// A Markdown container's marker line: MkDocs admonitions (`!!! note`,
/// `??? question "Title"`, `???+ tip`, whose body is indented: the bool)
/// and the `:::` containers of Docusaurus, VuePress and Pandoc.
fn container_marker(t: &str) -> Option<(Container, bool)> {
    // `=== "Tab"`, `===+ "Tab"`, `===! "Tab"`; `===` alone underlines a
    // heading.
    if let Some(rest) = t.strip_prefix("===") {
        let rest = rest.strip_prefix(['+', '!']).unwrap_or(rest);
        let title = rest.strip_prefix(" \"")?.strip_suffix('"')?.trim();
        return (!title.is_empty() && !title.contains('"')).then(|| (Container::Tab(format!("{title}:")), true));
    }
    let (kind, title, collapsible, indented) = if let Some(rest) = t.strip_prefix("!!!").or(t.strip_prefix("???")) {
        let collapsible = t.starts_with('?');
        let rest = if collapsible {
            rest.strip_prefix('+').unwrap_or(rest)
        } else {
            rest
        };
        let rest = rest.strip_prefix(' ')?.trim();
        let kind_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        // `!!! note "Title"`, `!!! info inline end "Title"`, `!!! note ""`.
        let title = match (rest.find('"'), rest.rfind('"')) {
            (Some(a), Some(b)) if b > a => rest[a + 1..b].trim(),
            _ => "",
        };
        (&rest[..kind_end], title, collapsible, true)
    } else {
        let rest = t.strip_prefix(":::")?.trim_start_matches(':').trim();
        if rest.is_empty() {
            return Some((Container::Close, false));
        }
        // `::: {.callout-tip}` (Pandoc, Quarto), `:::tip[Title]`
        // (Docusaurus), `::: details Title` (VuePress).
        if let Some(attrs) = rest.strip_prefix('{') {
            let class = attrs.split(['}', ' ']).find_map(|a| a.strip_prefix('.')).unwrap_or("");
            (class.strip_prefix("callout-").unwrap_or(class), "", false, false)
        } else {
            let kind_end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            let after = rest[kind_end..].trim();
            let title = match after.strip_prefix('[') {
                Some(t) => t.split(']').next().unwrap_or(""),
                None => after,
            };
            (&rest[..kind_end], title.trim(), false, false)
        }
    };
    if kind.is_empty() || !kind.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '_') {
        return None;
    }
    let asks = ["question", "faq", "help", "details"]
        .iter()
        .any(|k| kind.eq_ignore_ascii_case(k));
    let marker = if !title.is_empty() && (asks || collapsible) {
        Container::Heading(title.to_string())
    } else if let Some(label) = aside_label(kind) {
        Container::Label(label.to_string())
    } else if !title.is_empty() {
        Container::Label(format!("{title}:"))
    } else if asks {
        // `!!! question` with no title shows only "Question".
        Container::Label(String::new())
    } else {
        let mut chars = kind.chars();
        let first = chars
            .next()
            .map(|c| c.to_uppercase().collect::<String>())
            .unwrap_or_default();
        Container::Label(format!("{first}{}:", chars.as_str()))
    };
    Some((marker, indented))
}

/// A Markdown link reference definition (`[docs]: https://... "Title"`),
/// which readers never see. A footnote's (`[^1]: ...`) is text.
fn is_link_definition(t: &str) -> bool {
    let Some(rest) = t.strip_prefix('[') else {
        return false;
    };
    let Some((label, dest)) = rest.split_once("]:") else {
        return false;
    };
    let dest = dest.trim();
    let (url, title) = dest.split_once(char::is_whitespace).unwrap_or((dest, ""));
    // An empty address here is on the next line.
    !label.is_empty()
        && !label.starts_with('^')
        && !label.contains(['[', ']'])
        && (title.is_empty() || title.trim_start().starts_with(['"', '\'', '(']))
        && (!url.is_empty() || title.is_empty())
}

/// `raw` without up to `columns` columns of indentation.
fn dedent(raw: &str, columns: usize) -> &str {
    let mut width = 0;
    for (i, c) in raw.char_indices() {
        if width >= columns {
            return &raw[i..];
        }
        match c {
            ' ' => width += 1,
            '\t' => width += 4 - width % 4,
            _ => return &raw[i..],
        }
    }
    &raw[raw.len()..]
}

/// A Markdown line without its HTML comments and empty anchors
/// (`<a id="sync"></a>`, `<a name="faq"/>`), which readers never see;
/// `open` says a comment is open from an earlier line, and the result
/// whether one still is at the end of this one.
fn strip_html_noise(t: &str, open: bool) -> (Cow<'_, str>, bool) {
    if !open && !t.contains('<') {
        return (Cow::Borrowed(t), false);
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    let mut open = open;
    loop {
        if open {
            match rest.find("-->") {
                Some(end) => {
                    rest = &rest[end + 3..];
                    open = false;
                }
                None => return (Cow::Owned(out), true),
            }
        }
        let Some(at) = rest.find('<') else { break };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with("<!--") {
            rest = &rest[4..];
            open = true;
            continue;
        }
        let anchor = ["<a ", "<span "].iter().find(|p| rest.starts_with(**p)).and_then(|p| {
            let tag = &p[1..p.len() - 1];
            let end = rest.find('>')?;
            if rest[..end].ends_with('/') {
                return Some(end + 1);
            }
            let close = format!("</{tag}>");
            rest[end + 1..].starts_with(&close).then(|| end + 1 + close.len())
        });
        match anchor {
            Some(len) => rest = &rest[len..],
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    if out.len() == t.len() {
        return (Cow::Borrowed(t), false);
    }
    (Cow::Owned(out.trim().to_string()), false)
}

/// A heading between runs of `=` as wikis write them (`== Fees ==`), also
/// AsciiDoc's symmetric form: the run's length and the text.
fn wiki_heading(t: &str) -> Option<(usize, &str)> {
    let n = t.bytes().take_while(|&b| b == b'=').count();
    let closing = t.bytes().rev().take_while(|&b| b == b'=').count();
    if !(1..=6).contains(&n) || closing != n || t.len() <= 2 * n {
        return None;
    }
    let heading = t[n..t.len() - n].trim();
    (!heading.is_empty()).then_some((n, heading))
}

/// Markdown's indented code: a run indented by four or more after a blank
/// line, unless it continues a list item (whose text is indented too).
/// Plain text sets a command's output or a sample apart by indenting it
/// deeper than the prose on both sides ("If `make test` produces
/// something like" / `   example.o: undefined reference` / "check
/// that ..."): such a block is kept as code, never read as sentences.
/// Lists and numbered lines are no such block, and the prose before it
/// must be a paragraph, not a question.
/// Text framed in a box of stars, as some FAQs frame their questions
/// (`*****` rules over and under `* I get strange errors ... *` lines):
/// the text without the frame, as one line, a heading as the frame makes
/// it, its rules left to read as rules.
fn unbox(lines: &mut [Line<'_>]) {
    let rule = |l: &Line<'_>| {
        let t = l.text.trim();
        !l.code && t.len() >= 10 && t.bytes().all(|b| b == b'*')
    };
    let mut i = 0;
    while i < lines.len() {
        if !rule(&lines[i]) {
            i += 1;
            continue;
        }
        let width = lines[i].text.trim().len();
        let framed = |l: &Line<'_>| {
            let t = l.text.trim();
            !l.code && t.len() >= 2 && t.starts_with('*') && t.ends_with('*') && t.len().abs_diff(width) <= 1
        };
        let mut j = i + 1;
        while j < lines.len() && !rule(&lines[j]) && framed(&lines[j]) {
            j += 1;
        }
        if j == i + 1 || !lines.get(j).is_some_and(rule) {
            i += 1;
            continue;
        }
        // One paragraph, on the box's first line: a question wrapped in
        // its frame reads as one.
        let text = lines[i + 1..j]
            .iter()
            .map(|l| {
                let t = l.text.trim();
                t[1..t.len() - 1].trim()
            })
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        for l in &mut lines[i + 2..j] {
            l.blank = true;
            l.text = Cow::Borrowed("");
        }
        lines[i + 1].blank = text.is_empty();
        lines[i + 1].text = Cow::Owned(if text.is_empty() { text } else { format!("# {text}") });
        // The frame's rules part entries, as any rule does.
        for k in [i, j] {
            lines[k].blank = true;
            lines[k].separator = true;
            lines[k].text = Cow::Borrowed("");
        }
        i = j;
    }
}

fn mark_text_literals(lines: &mut [Line<'_>]) {
    // Paragraphs as (first line, end, least indent).
    let mut paras: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].blank || lines[i].code {
            i += 1;
            continue;
        }
        let start = i;
        let mut indent = usize::MAX;
        while i < lines.len() && !lines[i].blank && !lines[i].code {
            indent = indent.min(lines[i].indent);
            i += 1;
        }
        paras.push((start, i, indent));
    }
    // The indent most lines of text have: the answers' own, never a
    // sample's. Counted only when a paragraph stands deeper than the text
    // before it, as few do.
    let mut prose_indent: Option<Option<usize>> = None;
    let mut w = 1;
    while w < paras.len() {
        let (b_start, _, b_indent) = paras[w];
        // The text right before it: a paragraph's last line ("FIRING" over
        // an entry and its indented answer stands no deeper than the
        // answer).
        let (p_start, p_end, _) = paras[w - 1];
        let p_indent = lines[p_end - 1].indent;
        // Most paragraphs are no deeper than the one before.
        if b_indent < p_indent + 2 {
            w += 1;
            continue;
        }
        let prose_indent = *prose_indent.get_or_insert_with(|| {
            let mut lines_at: HashMap<usize, usize> = HashMap::new();
            for l in lines.iter().filter(|l| !l.blank && !l.code) {
                *lines_at.entry(l.indent).or_default() += 1;
            }
            lines_at
                .into_iter()
                .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
                .map(|(indent, _)| indent)
        });
        // A sample set apart by blank lines, all at one indent, is one
        // ("sub foo ..." / "bar_1( ... );"), unless that is where the
        // text itself stands.
        let mut z = w;
        while paras.get(z + 1).is_some_and(|q| q.2 == b_indent) && prose_indent != Some(b_indent) {
            z += 1;
        }
        // Paragraphs of sentences are a quotation set in, not a sample.
        let sentences = |&(start, end, _): &(usize, usize, usize)| {
            let last = lines[end - 1].text.trim_end();
            lines[start].text.starts_with(char::is_uppercase)
                && last.ends_with(['.', '?', '!'])
                && lines[start..end]
                    .iter()
                    .map(|l| l.text.split_whitespace().count())
                    .sum::<usize>()
                    >= 6
        };
        if z > w && paras[w..=z].iter().any(sentences) {
            z = w;
        }
        let b_end = paras[z].1;
        let next = z + 1;
        w = next;
        // Deeper than the text after it too.
        if paras.get(next).is_some_and(|a| b_indent < a.2 + 2) {
            continue;
        }
        let prose_before = {
            let first = lines[p_start].text.trim();
            let last = lines[p_end - 1].text.trim();
            // `Answer:` alone labels the text under it, which is prose.
            let label = first.strip_suffix(':').is_some_and(|l| {
                ["question", "answer", "q", "a"]
                    .iter()
                    .any(|w| w.eq_ignore_ascii_case(l))
            });
            // A question may end in a remark: "... illegal" over
            // "characters?  The line looks fine to me.\"". One that leads
            // on ("? First, use this file:") brings a sample.
            let asks = last.ends_with('?')
                || last
                    .split_once("? ")
                    .is_some_and(|(_, rest)| rest.trim_start().starts_with(char::is_uppercase) && !rest.ends_with(':'));
            // Nor is a heading alone (a framed question) over its text.
            let heading = p_end - p_start == 1 && strip_heading(first).is_some();
            list_marker_len(first).is_none() && !asks && parse_q_number(first).is_none() && !label && !heading
        };
        let literal = (b_start..b_end).all(|j| lines[j].blank || list_marker_len(lines[j].text.trim()).is_none());
        if prose_before && literal {
            for l in lines[b_start..b_end].iter_mut().filter(|l| !l.blank) {
                l.code = true;
                l.text = Cow::Borrowed(l.raw);
            }
        }
    }
}

fn mark_indented_code(lines: &mut [Line<'_>]) {
    let mut i = 0;
    let mut in_list = false;
    while i < lines.len() {
        let l = &lines[i];
        if l.code || l.blank {
            i += 1;
            continue;
        }
        if l.indent < 4 {
            in_list = list_marker_len(&l.text).is_some();
            i += 1;
            continue;
        }
        let after_blank = i > 0 && lines[i - 1].blank;
        if after_blank && !in_list {
            let mut j = i;
            while j < lines.len() && (lines[j].blank || lines[j].indent >= 4) && !lines[j].code {
                j += 1;
            }
            // Trailing blank lines are not part of the block.
            let mut end = j;
            while end > i && lines[end - 1].blank {
                end -= 1;
            }
            for l in &mut lines[i..end] {
                l.code = true;
                l.blank = false;
                l.text = Cow::Borrowed(l.raw);
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

fn indent_width(raw: &str, tab: usize) -> usize {
    let mut w = 0;
    for c in raw.chars() {
        match c {
            ' ' => w += 1,
            '\t' => w += tab - w % tab,
            '\u{a0}' | '\u{3000}' => w += 1,
            _ => break,
        }
    }
    w
}

/// CommonMark backslash escapes (`1\.` as HTML converters write it),
/// outside code spans, where a backslash is itself. `\*` and `\_` stay
/// escaped until [`clean_inline`] has taken the emphasis out: escaped,
/// they are no emphasis (`\_\_init\_\_`).
fn unescape_markdown(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return Cow::Borrowed(s);
    }
    Cow::Owned(unescape_where(s, |n| {
        n.is_ascii_punctuation() && !matches!(n, '*' | '_')
    }))
}

/// `\*` and `\_` outside code spans as the characters themselves.
fn resolve_escaped_emphasis(s: &str) -> String {
    if crate::extract::gnu_quoted(s) {
        // Its backticks open no code: every escape is one.
        return s.replace("\\*", "*").replace("\\_", "_");
    }
    unescape_where(s, |n| matches!(n, '*' | '_'))
}

/// `s` without the backslash before each character outside code spans
/// that `escaped` picks.
fn unescape_where(s: &str, escaped: impl Fn(char) -> bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    let mut code = false;
    while let Some(c) = chars.next() {
        if c == '`' {
            code = !code;
        } else if c == '\\'
            && !code
            && let Some(n) = chars.next_if(|&n| escaped(n))
        {
            // An escaped backtick opens no code span.
            out.push(n);
            continue;
        }
        out.push(c);
    }
    out
}

/// A reStructuredText field line, `:name: value` or a bare `:orphan:`: the
/// name and the value.
fn rst_field(t: &str) -> Option<(&str, &str)> {
    let rest = t.strip_prefix(':')?;
    let (name, value) = match rest.split_once(": ") {
        Some(field) => field,
        None => (rest.trim_end().strip_suffix(':')?, ""),
    };
    let named = !name.is_empty()
        && name.len() <= 30
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_'));
    named.then(|| (name, value.trim()))
}

fn find_title(lines: &[Line<'_>], format: Format) -> (Option<Located>, usize) {
    let mut start = 0;
    let mut front_title = None;
    // Front matter: YAML between `---` lines, or TOML between `+++` lines
    // (Hugo).
    let toml = lines.first().is_some_and(|l| l.text == "+++");
    if format == Format::Markdown
        && lines.first().is_some_and(|l| l.text == "---" || toml)
        && let Some(end) = lines.iter().skip(1).take(200).position(|l| {
            if toml {
                l.text == "+++"
            } else {
                l.text == "---" || l.text == "..."
            }
        })
    {
        let end = end + 1;
        for (i, l) in lines[1..end].iter().enumerate() {
            let value = if toml {
                l.text
                    .strip_prefix("title")
                    .and_then(|v| v.trim_start().strip_prefix('='))
            } else {
                l.text.strip_prefix("title:")
            };
            if let Some(v) = value {
                let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                if !v.is_empty() {
                    front_title = Some(Located {
                        text: collapse_ws(v),
                        line: i + 2,
                    });
                }
            }
        }
        start = end + 1;
    }
    let Some(mut t) = (start..lines.len()).find(|&i| !lines[i].blank && !lines[i].code) else {
        return (front_title, lines.len());
    };
    // reStructuredText's metadata fields before the title (`:title: S3
    // FAQ`, `:category: S3`), as Sphinx pages carry them.
    if format == Format::Rst {
        let fields = lines[t..].iter().take_while(|l| rst_field(&l.text).is_some()).count();
        if fields > 0 {
            if let Some((i, v)) = lines[t..t + fields].iter().enumerate().find_map(|(i, l)| {
                rst_field(&l.text)
                    .filter(|(k, v)| *k == "title" && !v.is_empty())
                    .map(|(_, v)| (i, v))
            }) {
                front_title = Some(Located {
                    text: collapse_ws(v),
                    line: t + i + 1,
                });
            }
            start = t + fields;
            match (start..lines.len()).find(|&i| !lines[i].blank && !lines[i].code) {
                Some(next) => t = next,
                None => return (front_title, lines.len()),
            }
        }
    }
    // A mail or news header block (`Archive-name: ...`, `Last-modified: ...`)
    // before the title.
    // Posted FAQs may carry two (the mail's, then `Archive-name:` ...);
    // the mail's `Subject:` names the FAQ when no title line follows.
    let mut subject = None;
    loop {
        let headers = lines[t..].iter().take_while(|l| is_header_line(&l.text)).count();
        if headers < 2 {
            break;
        }
        subject = subject.or_else(|| {
            lines[t..t + headers].iter().enumerate().find_map(|(k, l)| {
                l.text.strip_prefix("Subject: ").map(|v| Located {
                    text: collapse_ws(v.trim()),
                    line: t + k + 1,
                })
            })
        });
        // A `Title:` field names it outright.
        front_title = front_title.or_else(|| {
            lines[t..t + headers].iter().enumerate().find_map(|(k, l)| {
                l.text
                    .strip_prefix("Title: ")
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| Located {
                        text: collapse_ws(v.trim()),
                        line: t + k + 1,
                    })
            })
        });
        match (t + headers..lines.len()).find(|&i| !lines[i].blank && !lines[i].code) {
            Some(next) => t = next,
            None => break,
        }
    }
    // A page printed by a text browser opens with its navigation bar, a
    // list of a few short links ("* Home", "* FAQ"): the page's heading
    // under it names the page.
    let nav = lines[t..]
        .iter()
        .take_while(|l| l.blank || strip_bullet(&l.text).is_some_and(|r| r.split_whitespace().count() <= 3))
        .count();
    if lines[t..t + nav].iter().filter(|l| !l.blank).count() >= 2
        && let Some(next) = (t + nav..lines.len()).find(|&i| !lines[i].blank && !lines[i].code)
    {
        t = next;
        start = next;
    }
    // A banner drawn in characters (`| (__| |_| |`) spells no title, nor
    // does a version control keyword (`$Id: FAQ 165 2008-10-19 $`, as a
    // comment too: `-- $Id: ... $`) or an SCCS what-string (`@(#)FAQ 8.13`).
    let keyword = |l: &Line<'_>| {
        let t = l.text.trim().trim_start_matches(['-', '#', '*', '/', ';', '%', ' ']);
        (t.len() > 4 && t.starts_with('$') && t.ends_with('$') && t[1..].starts_with(char::is_alphabetic))
            || t.starts_with("@(#)")
    };
    // Nor does a line saying where the latest copy is ("The latest version
    // of this FAQ is available at" over the address).
    // Nor a sentence saying what the file is ("This is a list of
    // "frequently" asked questions.").
    let pointer = |l: &Line<'_>| {
        let lower = l.text.trim().to_lowercase();
        lower.starts_with("the latest version")
            || lower.ends_with(" available at")
            || lower.ends_with(" found at")
            || (["this is ", "this file ", "this document "]
                .iter()
                .any(|p| lower.starts_with(p))
                && lower.ends_with('.'))
    };
    // Nor does the date the file was last changed ("Last modified
    // 2019/11/24").
    let stamp = |l: &Line<'_>| {
        let lower = l.text.trim().to_lowercase();
        [
            "last modified",
            "last updated",
            "last changed",
            "last revised",
            "updated:",
            "modified:",
        ]
        .iter()
        .any(|s| lower.starts_with(s))
            && lower.contains(|c: char| c.is_ascii_digit())
            && lower.split_whitespace().count() <= 8
            // "A snapshot of the FAQ (updated 13.4.2019):" over its text.
            || lower.contains("(updated ") && lower.ends_with(':') && lower.contains(|c: char| c.is_ascii_digit())
    };
    // Nor does a licence notice ("# This file is distributed under the
    // Berkeley 4-part license").
    let legal = |l: &Line<'_>| {
        let lower = l
            .text
            .trim_start_matches(['#', '-', '*', '/', ';', '%', ' '])
            .to_lowercase();
        // "Copyright FAQ" names a page about copyright.
        !names_faq(&lower)
            && (["copyright", "(c) ", "©"].iter().any(|s| lower.starts_with(s))
                || ["distributed under", "licensed under", "all rights reserved"]
                    .iter()
                    .any(|s| lower.contains(s)))
    };
    // A banner may be drawn in one letter too (`OooooooooooO`).
    let letters = |l: &Line<'_>| {
        let t = l.text.trim();
        let mut kinds: Vec<char> = t.chars().map(|c| c.to_ascii_lowercase()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        t.len() >= 10 && kinds.len() <= 2 && !t.contains(char::is_whitespace)
    };
    // A block comment opening the file (`/* Copyright ... */`, a banner
    // drawn in one) is no part of the page: a banner of its own.
    let mut banner = None;
    if lines[t].text.trim_start().starts_with("/*")
        && let Some(end) = (t..lines.len()).find(|&i| lines[i].text.contains("*/"))
        && let Some(next) = (end + 1..lines.len()).find(|&i| !lines[i].blank && !lines[i].code)
    {
        banner = Some(end);
        t = next;
        start = next;
    }
    // So is a run of comment lines opening with a version keyword or a
    // copyright (`-- $Id: FAQ,v 3.0 …`, `--  You may redistribute …`,
    // `-- $Log …` and the revisions it logs).
    let leader = ["--", ";;", "//"].into_iter().find(|c| lines[t].text.starts_with(c));
    if let Some(leader) = leader
        && (keyword(&lines[t]) || legal(&lines[t]))
        && let Some(next) = (t + 1..lines.len()).find(|&i| !lines[i].blank && !lines[i].text.starts_with(leader))
        && !lines[next].code
    {
        banner = Some(next - 1);
        t = next;
        start = next;
    }
    // A remark in brackets ("[This FAQ written for inclusion in …]") is
    // about the page.
    let remark = |l: &Line<'_>| {
        let t = l.text.trim();
        t.strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .is_some_and(|inner| {
                !inner.contains(['[', ']'])
                    && inner.split_whitespace().count() >= 4
                    && inner
                        .split_whitespace()
                        .any(|w| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_lowercase()))
            })
    };
    while (!lines[t].text.contains(char::is_alphanumeric)
        || remark(&lines[t])
        || keyword(&lines[t])
        || pointer(&lines[t])
        || stamp(&lines[t])
        || legal(&lines[t])
        || letters(&lines[t]))
        && let Some(next) = (t + 1..lines.len()).find(|&i| !lines[i].blank && !lines[i].code)
    {
        banner = Some(t);
        t = next;
        start = next;
    }
    // Under a banner, the line set far in names the page ("The CFINGERD
    // FAQ version 1.0.2"), though its indent reads as a sample's.
    if front_title.is_none()
        && let Some(b) = banner
        && let Some(c) = (b + 1..t).find(|&i| !lines[i].blank)
        && lines[c].code
        && lines[c].indent >= 16
        && lines[c].text.contains(char::is_alphabetic)
        && lines[c].text.trim().len() <= 80
    {
        let text = collapse_ws(lines[c].text.trim());
        return (Some(Located { text, line: c + 1 }), start);
    }
    // A manual page as `man` or pod2text prints it opens with its NAME
    // section: the line under it names and describes the page
    // ("perlfaq1 - General Questions About Perl").
    if lines[t].text.trim_start_matches('#').trim() == "NAME"
        && let Some(n) = next_nonblank(lines, t + 1)
        && !lines[n].code
        && lines[n].text.contains(" - ")
    {
        let text = clean_inline(&lines[n].text, format);
        return (Some(Located { text, line: n + 1 }), n + 1);
    }
    let text: &str = &lines[t].text;
    // `|  |___|  |    GNU GLOBAL source code tagging system`: the name
    // beside a banner's line.
    let text = match text.rfind("   ") {
        Some(gap) if !text[..gap].contains(char::is_alphanumeric) && text[gap..].contains(char::is_alphabetic) => {
            text[gap..].trim()
        }
        _ => text,
    };
    let marker = parse_marker(text, format);
    // The opening line of a paragraph of prose is no title ("This file
    // tries to summarize the questions that I've been responding over" /
    // "and over."): the file's name serves better.
    if front_title.is_none() && marker.is_none() && opens_wrapped_prose(lines, t) {
        return (subject, t);
    }
    // Nor is a label over the first labelled question ("sh/bash/zsh/csh:"
    // over `Q: ...`), which names its part.
    if front_title.is_none()
        && text.ends_with(':')
        && !names_faq(text)
        && next_nonblank(lines, t + 1).is_some_and(|n| {
            !lines[n].code
                && (parse_qa_prefix(&lines[n].text).is_some()
                    || numbered_label(&lines[n].text, &["question", "q"]).is_some())
        })
    {
        return (None, t);
    }
    // Nor is the heading of a contents list that opens the file.
    if front_title.is_none()
        && ["contents", "table of contents"]
            .iter()
            .any(|c| text.trim().trim_end_matches(':').eq_ignore_ascii_case(c))
    {
        return (None, t + 1);
    }
    // A page whose questions are its top headings opens with the first of
    // them (as `man` prints a page without a NAME section): no title, but
    // the name in the page's running header, if any.
    // So does plain text whose questions hang over their answers.
    let hangs_asking = |i: usize| {
        !lines[i].code
            && lines[i].text.ends_with('?')
            && next_nonblank(lines, i + 1).is_some_and(|n| !lines[n].code && lines[n].indent > lines[i].indent)
    };
    let heading_asks = marker.as_ref().is_some_and(|m| m.heading == Some(1) && m.ends_with_q());
    let top_question = if heading_asks {
        lines[t + 1..]
            .iter()
            .filter(|l| !l.code && l.text.starts_with("# ") && l.text.ends_with('?'))
            .nth(1)
            .is_some()
    } else {
        format == Format::Text
            && marker
                .as_ref()
                .is_none_or(|m| m.heading.is_none() && m.number.is_none() && !m.qa)
            && hangs_asking(t)
            && (t + 1..lines.len())
                .filter(|&i| lines[i].indent == lines[t].indent && lines[i - 1].blank && hangs_asking(i))
                .nth(1)
                .is_some()
    };
    if top_question && front_title.is_none() {
        let header = lines[..t]
            .iter()
            .map(|l| l.raw.trim())
            .find(|r| is_man_furniture(r))
            .and_then(|r| r.split_whitespace().next().and_then(man_name))
            .map(|name| Located {
                text: name.to_lowercase(),
                line: 1,
            });
        return (header, t);
    }
    // Under a title in its metadata, a page's first heading may be the
    // first of the parts that group its questions (`# Beginner FAQs`
    // straight over `## Why ...?`, and `# General syntax` further on).
    let groups = || {
        let heading = |i: usize| parse_marker(&lines[i].text, format).and_then(|m| m.heading);
        next_nonblank(lines, t + 1).and_then(heading).is_some_and(|l| l > 1)
            && (t + 1..lines.len()).any(|i| !lines[i].code && !lines[i].blank && heading(i) == Some(1))
    };
    if let Some(m) = &marker
        && m.heading == Some(1)
        // A page titled in its metadata may open with a question heading.
        && !(front_title.is_some() && (m.qa || m.q_prefix || m.ends_with_q() || groups()))
    {
        let named = man_page_name(&m.text, lines, t + 1, format);
        let body = if format == Format::Rst {
            after_docinfo(lines, t + 1)
        } else {
            t + 1
        };
        return (
            Some(named.unwrap_or(Located {
                text: undecorated(&m.text).to_string(),
                line: t + 1,
            })),
            body,
        );
    }
    if front_title.is_some() {
        return (front_title, start);
    }
    // Nor does a bullet that asks.
    if let Some(m) = &marker
        && (m.number.is_some() || m.qa || m.q_prefix || m.heading.is_some() || (m.bullet && m.ends_with_q()))
    {
        return (None, start);
    }
    let text = marker.map_or_else(|| clean_inline(text, format), |m| m.text);
    let text = undecorated(&text);
    // `Title: Unicon FAQ/Information`, over more such fields.
    let text = text
        .strip_prefix("Title:")
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .unwrap_or(text);
    let text = without_byline(text);
    // `FREQUENTLY ASKED QUESTIONS ABOUT:` over the name of what they are
    // about.
    let lower = text.to_lowercase();
    if [" about:", " for:", " on:"].iter().any(|e| lower.ends_with(e))
        && let Some(next) = lines.get(t + 1).filter(|n| !n.blank && !n.code && n.text.len() <= 80)
    {
        let named = format!("{text} {}", clean_inline(next.text.trim(), format));
        return (
            Some(Located {
                text: named,
                line: t + 1,
            }),
            t + 2,
        );
    }
    let text = text.to_string();
    (Some(Located { text, line: t + 1 }), t + 1)
}

/// A title without the author's name and address after it (`openCryptoki
/// FAQ - Kent Yoder <kent@host.example>`).
fn without_byline(text: &str) -> &str {
    let Some(open) = text
        .rfind('<')
        .filter(|&o| text.ends_with('>') && text[o..].contains('@'))
    else {
        return text;
    };
    let before = text[..open].trim_end();
    let before = match before.rsplit_once(" - ") {
        Some((title, name))
            if name.split_whitespace().count() <= 4
                && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase)) =>
        {
            title.trim_end()
        }
        _ => before,
    };
    if before.is_empty() { text } else { before }
}

/// Whether line `t` opens a paragraph of wrapped prose: a long line that
/// breaks off mid-sentence, the next going on in lower case at its indent.
fn opens_wrapped_prose(lines: &[Line<'_>], t: usize) -> bool {
    let l = &lines[t];
    let Some(next) = lines.get(t + 1) else {
        return false;
    };
    !next.blank
        && !next.code
        && next.indent == l.indent
        && next.text.starts_with(|c: char| c.is_lowercase())
        && l.text.split_whitespace().count() >= 8
        && !l.text.ends_with(['.', '?', '!', ':', ';'])
}

/// A title set between runs of rule characters, `----- Frequently Asked
/// Questions -----`, `-= The Gringotts FAQ =-` or `-MAELSTROM FAQ-----`,
/// without them.
fn undecorated(t: &str) -> &str {
    const RULE: [char; 7] = ['-', '=', '*', '~', '_', '+', '#'];
    let Some(c) = t.chars().next().filter(|c| RULE.contains(c)) else {
        return t;
    };
    let after_open = t.trim_start_matches(c);
    let inner = after_open.trim_end_matches(c);
    let (open, close) = (t.len() - after_open.len(), after_open.len() - inner.len());
    let name = inner.trim();
    if open >= 3 && close >= 3 && inner.starts_with(' ') && inner.ends_with(' ') && !name.is_empty() {
        return name;
    }
    // A name tabbed on a rule: `-MAELSTROM FAQ---------`.
    if (1..=2).contains(&open) && close >= 8 && name.contains(char::is_alphabetic) {
        return name;
    }
    // Runs of two kinds of mark, mirrored.
    let after_open = t.trim_start_matches(RULE);
    let inner = after_open.trim_end_matches(RULE);
    let (open, close) = (t.len() - after_open.len(), after_open.len() - inner.len());
    let mixed = |run: &str| run.chars().any(|x| x != c);
    let name = inner.trim();
    if open >= 2
        && close >= 2
        && mixed(&t[..open])
        && inner.starts_with(' ')
        && inner.ends_with(' ')
        && !name.is_empty()
    {
        name
    } else {
        t
    }
}

/// Where the text after a reStructuredText title starts: past the field
/// list that may follow it (`:Author:`, `:Date: $Date: ... $`,
/// `:Revision:`), which is the document's record, not its text.
fn after_docinfo(lines: &[Line<'_>], from: usize) -> usize {
    let Some(first) = (from..lines.len()).find(|&i| !lines[i].blank) else {
        return from;
    };
    let mut end = first;
    // `:Q:` and `:A:` fields hold the questions and answers, no record.
    let record = |t: &str| rst_field(t).is_some() && parse_qa_prefix(t).is_none() && parse_answer_prefix(t).is_none();
    while end < lines.len() && !lines[end].code && record(&lines[end].text) {
        let base = lines[end].indent;
        end += 1;
        // A value wrapped onto indented lines.
        while end < lines.len() && !lines[end].blank && lines[end].indent > base {
            end += 1;
        }
    }
    if end == first { from } else { end }
}

/// A manual page's NAME line ("gitfaq - Frequently asked questions about
/// using Git") for a title that is only its name and section
/// (`gitfaq(7)`), when a `NAME` heading follows it.
fn man_page_name(title: &str, lines: &[Line<'_>], from: usize, format: Format) -> Option<Located> {
    let name = man_name(title)?;
    let mut next = (from..lines.len()).filter(|&i| !lines[i].blank && !lines[i].code);
    let heading = next.next()?;
    let named = parse_marker(&lines[heading].text, format)
        .is_some_and(|m| m.heading.is_some() && m.text.eq_ignore_ascii_case("name"));
    let line = next.next().filter(|_| named)?;
    let text = clean_inline(&lines[line].text, format);
    (text.starts_with(name) && text.len() > name.len()).then(|| Located { text, line: line + 1 })
}

/// `Key: value` of a mail or news header: a key of letters and hyphens,
/// never a question or answer label.
fn is_header_line(text: &str) -> bool {
    let Some((key, value)) = text.split_once(": ") else {
        return false;
    };
    key.len() >= 3
        && key.starts_with(|c: char| c.is_ascii_uppercase())
        && key.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
        && !["question", "answer"].iter().any(|l| key.eq_ignore_ascii_case(l))
        && !value.trim().is_empty()
}

// ---------------------------------------------------------------- markers

/// An outline's heading in plain text, two stars or more (`*** 1. I get
/// the error`), as Emacs's outline mode writes them; one star is a bullet,
/// and bold closes its stars (`**Q?**`).
fn outline_heading(s: &str) -> Option<(u8, &str)> {
    let n = s.bytes().take_while(|&b| b == b'*').count();
    let rest = s[n..].strip_prefix(' ')?.trim();
    ((2..=6).contains(&n) && !rest.is_empty() && !rest.ends_with('*')).then_some((n as u8, rest))
}

fn strip_heading(s: &str) -> Option<(u8, &str)> {
    let n = s.bytes().take_while(|&b| b == b'#').count();
    if n == 0 || n > 6 {
        return None;
    }
    let rest = &s[n..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = without_top_link(strip_attributes(rest.trim()));
    // Closing hashes of an ATX heading are decoration.
    let rest = rest.trim_end_matches('#').trim_end();
    Some((n as u8, rest))
}

/// A heading without the link back up the page that ends it (`"Bad
/// Credentials" Error [Top ▲](#table-of-contents)`).
fn without_top_link(s: &str) -> &str {
    let Some(inner) = s.strip_suffix(')') else {
        return s;
    };
    match inner.rfind("](#") {
        Some(close) if !inner[close..].contains(' ') => match inner[..close].rfind('[') {
            Some(open) if open > 0 && leads_back_up(&inner[open + 1..close]) => inner[..open].trim_end(),
            _ => s,
        },
        _ => s,
    }
}

/// A line without the link back up the page that opens it (`[^](#top)
/// **1.** *Q?*`).
fn after_top_link(s: &str) -> &str {
    let Some(inner) = s.strip_prefix('[') else {
        return s;
    };
    match inner.split_once("](#") {
        Some((text, rest)) if leads_back_up(text) => match rest.split_once(')') {
            Some((target, after)) if !target.contains(' ') && !after.trim().is_empty() => after.trim_start(),
            _ => s,
        },
        _ => s,
    }
}

/// The text of a link back up the page: "Back to top", "Top ▲", "↑".
fn leads_back_up(text: &str) -> bool {
    const ARROWS: [char; 7] = ['↑', '^', '⬆', '▲', '△', '⇧', '🔝'];
    if text.contains(ARROWS) && text.chars().all(|c| ARROWS.contains(&c) || c == ' ') {
        return true;
    }
    let bare = text.trim_matches(|c: char| ARROWS.contains(&c) || matches!(c, '[' | ']' | '.' | '!' | ' '));
    // The longest is short: most lines are ruled out by their length.
    bare.len() <= 17
        && [
            "top",
            "back to top",
            "back to the top",
            "return to top",
            "go to top",
            "to top",
            "top of page",
            "back to contents",
            "contents",
            "toc",
            "back to toc",
            "back to questions",
        ]
        .iter()
        .any(|p| p.eq_ignore_ascii_case(bare))
}

/// A heading without a trailing attribute block of Pandoc, kramdown or
/// Markdown Extra (`{#cost}`, `{: .faq}`, `{#id .class}`): markup for
/// links and styles, never part of the question.
fn strip_attributes(s: &str) -> &str {
    let Some(inner) = s.strip_suffix('}') else {
        return s;
    };
    match inner.rfind('{') {
        Some(open) if open > 0 && inner[open + 1..].trim_start().starts_with(['#', '.', ':']) => {
            let before = &inner[..open];
            if before.ends_with([' ', '\t']) {
                before.trim_end()
            } else {
                s
            }
        }
        _ => s,
    }
}

/// The text after a bullet (`* `, `- `, `+ `, `• `), if the line has one.
pub(crate) fn strip_bullet(s: &str) -> Option<&str> {
    for b in ["* ", "- ", "+ ", "• ", "*\t", "-\t", "+\t"] {
        if let Some(r) = s.strip_prefix(b) {
            return Some(r.trim_start());
        }
    }
    None
}

/// `**inner** rest` or `__inner__ rest`.
fn strip_bold(s: &str) -> Option<(&str, &str)> {
    let delim = if s.starts_with("**") {
        "**"
    } else if s.starts_with("__") {
        "__"
    } else {
        // A whole line in italics that asks something reads like a bold one.
        let inner = s.strip_prefix(['*', '_'])?;
        let inner = inner.strip_suffix(&s[..1])?.trim();
        return (inner.ends_with('?') && !inner.starts_with(['*', '_'])).then_some((inner, ""));
    };
    // `***Q?***`, bold and italic: the closing run is three long.
    let (open, delim) = match s.strip_prefix(delim).and_then(|r| r.strip_prefix(&delim[..1])) {
        Some(_) if s.len() > 3 => (3, &s[..3]),
        _ => (2, delim),
    };
    let close = s[open..].find(delim)? + open;
    let inner = s[open..close].trim();
    // `**_Q?_**`: italics inside the bold.
    let inner = match inner.strip_prefix(['*', '_']) {
        Some(rest) if inner.len() > 2 && rest.ends_with(&inner[..1]) => rest[..rest.len() - 1].trim(),
        _ => inner,
    };
    if inner.is_empty() {
        return None;
    }
    Some((inner, s[close + delim.len()..].trim()))
}

/// The text of a line wholly in single emphasis, `*text*` or `_text_`.
fn whole_italic(s: &str) -> Option<&str> {
    let mark = s.chars().next().filter(|&c| c == '*' || c == '_')?;
    let inner = s[1..].strip_suffix(mark)?.trim();
    (!inner.is_empty() && !inner.contains(mark) && !inner.starts_with(['*', '_'])).then_some(inner)
}

/// `1.`, `1)`, `(1)`, `1:`, `1.2.`, `1.2`, `1.2.3`: the numbering, then the
/// rest after the delimiter and whitespace.
fn parse_number(s: &str) -> Option<(Vec<u32>, &str)> {
    if let Some(roman) = parse_roman(s) {
        return Some(roman);
    }
    let b = s.as_bytes();
    // `No. 1 Q`, `Nº 1 Q`: the label is the delimiter.
    let mut i = number_sign(s);
    let signed = i > 0;
    // `(1)` and `[1]`.
    let close = match b.get(i) {
        Some(b'(') => Some(b')'),
        Some(b'[') => Some(b']'),
        _ => None,
    };
    let paren = close.is_some() && !signed;
    if paren {
        i += 1;
    }
    let mut path = Vec::new();
    loop {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() && i - start < 4 {
            i += 1;
        }
        if i == start || (i < b.len() && b[i].is_ascii_digit()) {
            return None;
        }
        path.push(s[start..i].parse().ok()?);
        if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() && path.len() < 6 {
            i += 1;
            continue;
        }
        break;
    }
    // `4b. Q`: a question put in after 4, as `4.2` would be (up to `h`:
    // a wrapped line may open with "11i.").
    if !paren
        && !signed
        && path.len() == 1
        && let [letter @ b'a'..=b'h', b'.' | b')', b' ', ..] = b[i..]
    {
        path.push(u32::from(letter - b'a') + 1);
        i += 1;
    }
    let delimited = if paren {
        if b.get(i) != close.as_ref() {
            return None;
        }
        i += 1;
        // `(1): Q`.
        if b.get(i) == Some(&b':') {
            i += 1;
        }
        true
    } else if let Some(ordinal) = ["°", "º"].iter().find(|o| s[i..].starts_with(**o)) {
        // `1°`, `2º`: Spanish and Italian FAQs number with ordinals.
        i += ordinal.len();
        if matches!(b.get(i), Some(b'.' | b')' | b':')) {
            i += 1;
        }
        true
    } else if signed {
        if matches!(b.get(i), Some(b'.' | b')' | b':')) {
            i += 1;
        }
        true
    } else if matches!(b.get(i), Some(b'.' | b')' | b':' | b'/')) {
        i += 1;
        // `1.)`, and `1.-` as Spanish FAQs number; `1. )` too.
        if b.get(i - 1) == Some(&b'.') && matches!(b.get(i), Some(b')' | b'-')) {
            i += 1;
        } else if b.get(i - 1) == Some(&b'.') && s[i..].starts_with(" ) ") {
            i += 2;
        }
        true
    } else if let Some(after) = dash_after(&s[i..]).filter(|_| path.len() == 1 && i <= 3) {
        // `1 - Q`: a dash between spaces after a short number.
        i = s.len() - after.len();
        true
    } else {
        false
    };
    let rest = &s[i..];
    if !rest.starts_with([' ', '\t', '\u{a0}']) {
        return None;
    }
    if !delimited && path.len() < 2 {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix("- ").unwrap_or(rest).trim_start();
    (!rest.is_empty()).then_some((path, rest))
}

/// Width of a number sign before a number at the start of `s` (`No. `,
/// `No `, `Nº`, `N°`, `N.º `), or 0.
fn number_sign(s: &str) -> usize {
    let Some(after) = ["No.", "No", "Nº", "N°", "N.º"].iter().find_map(|p| s.strip_prefix(p)) else {
        return 0;
    };
    let digits = after.trim_start_matches([' ', '\u{a0}']);
    // `No 1` needs the space; `No.1` and `Nº1` do not.
    let spaced = digits.len() < after.len();
    let bare = s.starts_with("No") && !s.starts_with("No.");
    if digits.starts_with(|c: char| c.is_ascii_digit()) && (spaced || !bare) {
        s.len() - digits.len()
    } else {
        0
    }
}

/// `IV. Q` or `IV) Q`: a Roman numeral up to 39 (the numbering of some
/// formal FAQs), followed by a capital so that initials (`I. e.`) are not
/// taken for one.
fn parse_roman(s: &str) -> Option<(Vec<u32>, &str)> {
    let len = s.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X')).count();
    let (numeral, rest) = s.split_at(len);
    let rest = rest.strip_prefix(['.', ')'])?;
    let text = rest.strip_prefix([' ', '\t'])?.trim_start();
    if !text.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let value = |c: u8| match c {
        b'I' => 1,
        b'V' => 5,
        _ => 10,
    };
    let digits: Vec<u32> = numeral.bytes().map(value).collect();
    let mut n = 0;
    for (k, &d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|&next| next > d) {
            n -= d as i64;
        } else {
            n += d as i64;
        }
    }
    // Only the canonical spelling: `IIII` or `VX` is no numeral.
    let canonical = |mut n: i64| {
        let mut out = String::new();
        for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= v {
                out.push_str(r);
                n -= v;
            }
        }
        out
    };
    ((1..40).contains(&n) && canonical(n) == numeral).then(|| (vec![n as u32], text))
}

/// What follows ` - `, ` – ` or ` — ` at the start of `s`, from the space
/// after the dash.
fn dash_after(s: &str) -> Option<&str> {
    let t = s.strip_prefix([' ', '\t'])?.trim_start_matches([' ', '\t']);
    let t = t.strip_prefix(['-', '–', '—'])?;
    t.starts_with([' ', '\t']).then_some(t)
}

/// `Q1.`, `Q1:`, `Q 1)`, `Q1 -`, `Question 1:`, `FAQ 1.` followed by the
/// question.
fn parse_q_number(s: &str) -> Option<(Vec<u32>, &str)> {
    let lower_starts =
        |p: &str| s.len() >= p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p);
    let after = if lower_starts("question") {
        &s[8..]
    } else if lower_starts("faq") {
        &s[3..]
    } else if s.starts_with(['Q', 'q']) {
        &s[1..]
    } else if let Some(after) = s.strip_prefix('#') {
        // `#1:`; a `#` with a space after it opens a comment or a heading
        // (`# 09-26-96 Bob - first version`).
        if !after.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        after
    } else if let [b'[', l @ b'A'..=b'Z', b'.', d, ..] = s.as_bytes()
        && d.is_ascii_digit()
    {
        // `[G.1]`, `[P.2]`: numbered within lettered parts, in brackets.
        let (digits, after) = s[3..].split_once(']')?;
        let number: u32 = digits.parse().ok()?;
        let rest = after.trim();
        let part = u32::from(l - b'A') + 1;
        return (after.starts_with(' ') && !rest.is_empty()).then(|| (vec![part, number], rest));
    } else if let [l @ b'A'..=b'Z', d, ..] = s.as_bytes()
        && d.is_ascii_digit()
    {
        // `A1.`, `B2)`: numbered within lettered parts, read as `1.1`, `2.2`;
        // only with a delimiter (`A4 paper` is no number).
        let digits = &s[1..];
        let after_digits = digits.trim_start_matches(|c: char| c.is_ascii_digit());
        if !after_digits.starts_with(['.', ')', ':']) {
            return None;
        }
        let number: u32 = digits[..digits.len() - after_digits.len()].parse().ok()?;
        let rest = after_digits[1..].trim();
        let part = u32::from(l - b'A') + 1;
        return (!rest.is_empty()).then(|| (vec![part, number], rest));
    } else {
        return None;
    };
    let after = after.trim_start_matches([' ', '#', '\u{a0}']);
    // `Q-1:`.
    let after = after
        .strip_prefix('-')
        .filter(|a| a.starts_with(|c: char| c.is_ascii_digit()))
        .unwrap_or(after);
    // `Q.1`, but not `Q. 5 ways to …`.
    let after = match after.strip_prefix('.') {
        Some(a) if a.starts_with(|c: char| c.is_ascii_digit()) => a,
        _ => after,
    };
    if !after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let digits_end = after
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(after.len());
    let num = after[..digits_end].trim_end_matches('.');
    let path: Option<Vec<u32>> = num.split('.').map(|p| p.parse().ok()).collect();
    let mut path = path?;
    let mut digits_end = digits_end;
    // `Q 2.1a`, `Q 2.1b`: questions put in after 2.1, as `4b.` is.
    if let [letter @ b'a'..=b'f', b' ' | b'.' | b')' | b':', ..] = after.as_bytes()[digits_end..]
        && !after[..digits_end].ends_with('.')
    {
        path.push(u32::from(letter - b'a') + 1);
        digits_end += 1;
    }
    let rest = after[digits_end..].trim_start_matches([')', ':', '-', '–', '—', '.']);
    if rest.len() == after[digits_end..].len() && !after[..digits_end].ends_with('.') && !rest.starts_with([' ', '\t'])
    {
        return None;
    }
    let rest = rest.trim();
    // `Q1 - Q`, `Q1 : Q`: the mark was kept by the trim above, which stops
    // at spaces.
    let rest = match rest.strip_prefix(['-', '–', '—', ':']) {
        Some(r) if r.starts_with([' ', '\t']) => r.trim_start(),
        _ => rest,
    };
    (!rest.is_empty()).then_some((path, rest))
}

/// The number and the text after a numbered label such as `Q1)`, `A1:`,
/// `Answer 1.`: one of `labels`, a number, and `)`, `:` or `.`.
fn numbered_label<'a>(s: &'a str, labels: &[&str]) -> Option<(u32, &'a str)> {
    let (number, after) = label_number(s, labels)?;
    Some((number, after.strip_prefix([')', ':', '.'])?.trim()))
}

/// One of `labels` and a number (`Question 3`, `Q12`): the number and what
/// follows it.
fn label_number<'a>(s: &'a str, labels: &[&str]) -> Option<(u32, &'a str)> {
    labels.iter().find_map(|label| {
        let n = label.len();
        if !(s.is_char_boundary(n) && s.len() > n && s[..n].eq_ignore_ascii_case(label)) {
            return None;
        }
        let after = s[n..].trim_start_matches(' ');
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        Some((after[..digits].parse().ok()?, &after[digits..]))
    })
}

/// A label alone on its line, `Question 1`, `Q3:`, with its number.
fn lone_label(s: &str, labels: &[&str]) -> Option<u32> {
    let (number, after) = label_number(s, labels)?;
    matches!(after, "" | ")" | ":" | ".").then_some(number)
}

/// A number alone on its line (`**2.1.**`) over a bold line, as DocBook's
/// question-and-answer tables put the number and the question in cells of
/// their own: read as `**2.1. <question>**`.
fn join_lone_numbers(lines: &mut [Line<'_>]) {
    for i in 0..lines.len() {
        let l = &lines[i];
        if l.code || l.blank || l.text.len() > 16 {
            continue;
        }
        // `*A.1.*` alone over the question's paragraph and an empty `**`
        // over its answer: DocBook's question-and-answer set as text.
        if let Some(joined) = italic_label_over_question(lines, i) {
            lines[i].text = Cow::Owned(joined);
            continue;
        }
        let t = lines[i].text.trim();
        let number = strip_bold(t).map_or(t, |(inner, _)| inner);
        let digits = number.trim_end_matches('.');
        let is_number = !digits.is_empty()
            && digits
                .split('.')
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        if !is_number {
            continue;
        }
        let Some(j) = (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].blank) else {
            continue;
        };
        let Some((question, "")) = strip_bold(lines[j].text.trim()).filter(|_| !lines[j].code) else {
            continue;
        };
        if parse_number(question).is_some() {
            continue;
        }
        let joined = format!("**{digits}. {question}**");
        lines[j].text = Cow::Borrowed("");
        lines[j].blank = true;
        lines[i].text = Cow::Owned(joined);
    }
}

/// The question under a lone `*A.1.*` label, read as `**1. <question>**`,
/// its lines and the empty `**` label under it made blank: a paragraph
/// of at most four lines, then `**` alone.
fn italic_label_over_question(lines: &mut [Line<'_>], i: usize) -> Option<String> {
    let t = lines[i].text.trim();
    let inner = t
        .strip_prefix('*')?
        .strip_suffix('*')?
        .trim_end_matches('.')
        .to_string();
    let number = inner
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .and_then(|r| r.strip_prefix('.'))
        .unwrap_or(&inner);
    if number.is_empty()
        || !number
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let first = (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].blank)?;
    let end = (first..lines.len().min(first + 4))
        .take_while(|&j| !lines[j].blank && !lines[j].code)
        .last()?;
    let label = next_nonblank(lines, end + 1)?;
    if lines[label].text.trim() != "**" || lines[first].text.trim().starts_with('*') {
        return None;
    }
    let mut question = String::new();
    for l in &mut lines[first..=end] {
        push_wrapped(&mut question, l.text.trim(), None);
        l.text = Cow::Borrowed("");
        l.blank = true;
    }
    lines[label].text = Cow::Borrowed("");
    lines[label].blank = true;
    // The appendix's letter goes: the numbers order the questions.
    Some(format!("**{number}. {}**", collapse_ws(&question)))
}

/// `Question 1` alone on its line with the question on the next, and
/// `Answer` alone above the answer (quizzes, exam papers): read as
/// `Question 1: <question>` and the answer's text.
fn join_lone_labels(lines: &mut [Line<'_>]) {
    join_lone_numbers(lines);
    let mut joined = false;
    for i in 0..lines.len() {
        if lines[i].code || lines[i].blank {
            continue;
        }
        // `## Q8` as a heading of its own over the question.
        let label = strip_heading(&lines[i].text).map_or(&*lines[i].text, |(_, rest)| rest);
        // `Question:` alone over the question, which may wrap.
        let unnumbered = label.len() <= 9
            && label
                .strip_suffix(':')
                .is_some_and(|l| l.eq_ignore_ascii_case("question") || l.eq_ignore_ascii_case("q"));
        // `Q` bare, as the term of a definition list over the question
        // set in under it (reStructuredText), answered by an `A` term.
        let bare = label == "Q" || label.eq_ignore_ascii_case("question");
        let n = lone_label(label, &["question", "q"]);
        if n.is_none() && !unnumbered && !bare {
            continue;
        }
        // The question may follow after one blank line.
        let next = (i + 1..lines.len().min(i + 3)).find(|&j| !lines[j].blank);
        let Some(j) = next.filter(|&j| {
            !lines[j].code
                && lone_label(&lines[j].text, &["question", "q"]).is_none()
                && (!bare || lines[j].indent > lines[i].indent)
        }) else {
            continue;
        };
        let unnumbered = unnumbered || bare;
        let mut question = std::mem::take(&mut lines[j].text).into_owned();
        lines[j].blank = true;
        if unnumbered {
            for k in j + 1..lines.len().min(j + 6) {
                if lines[k].blank || lines[k].code {
                    break;
                }
                question.push(' ');
                question.push_str(&std::mem::take(&mut lines[k].text));
                lines[k].blank = true;
            }
        }
        lines[i].text = Cow::Owned(match n {
            Some(n) => format!("Question {n}: {question}"),
            None => format!("Question: {question}"),
        });
        joined = true;
    }
    if !joined {
        return;
    }
    for l in lines.iter_mut().filter(|l| !l.code && !l.blank) {
        // `A` at the margin over its answer set in reads as a manual
        // page's section name (`# A`), as `Q` did.
        let label = strip_heading(&l.text).map_or(&*l.text, |(_, rest)| rest);
        let label = label.trim_end_matches([':', '.']);
        if ["answer", "ans", "a"].iter().any(|a| a.eq_ignore_ascii_case(label))
            || lone_label(&l.text, &["answer", "ans", "a"]).is_some()
        {
            l.text = Cow::Borrowed("");
            l.blank = true;
        }
    }
}

/// `Q) How do I report bugs?` over `A) Mail the list.`: labels closed by
/// a bracket, read as `Q:` and `A:`. Only where questions so labelled are
/// answered so, twice or more, and no `A)` comes before the first `Q)`:
/// alone, `A)` opens an option or a list item. An answer may go on under
/// a second `A)`.
fn bracket_labels(lines: &mut [Line<'_>]) {
    let label = |l: &Line<'_>| {
        if l.code {
            None
        } else if l.text.starts_with("Q) ") {
            Some(true)
        } else if l.text.starts_with("A) ") {
            Some(false)
        } else {
            None
        }
    };
    let mut answered = 0;
    let mut after_q = false;
    let mut asked = false;
    for l in lines.iter() {
        match label(l) {
            Some(true) => {
                after_q = true;
                asked = true;
            }
            Some(false) if after_q => {
                answered += 1;
                after_q = false;
            }
            Some(false) if !asked => return,
            Some(false) | None => {}
        }
    }
    if answered < 2 {
        return;
    }
    for l in lines.iter_mut() {
        if let Some(q) = label(l) {
            l.text = Cow::Owned(format!("{}: {}", if q { "Q" } else { "A" }, &l.text[3..]));
        }
    }
}

/// The labels of a numbered answer, `A1:` or `R1:` (a reply, réponse).
const NUMBERED_ANSWER_LABELS: &[&str] = &["answer", "ans", "a", "r"];

/// `Q1) Can I light a fire?` answered on `A1) Fires are ...`: where a
/// question is labelled with a number, an answer labelled with the same
/// number is its text, not a question of a lettered part (`A1.`, `B2.`).
/// Where questions are labelled with no number (`Q) Can I ...?`), numbered
/// answers are the parts of one (`A1) Yes, indirectly.`, `A2) If you ...`).
fn strip_numbered_answer_labels(lines: &mut [Line<'_>]) {
    let asked: Vec<u32> = lines
        .iter()
        .filter(|l| !l.code)
        .filter_map(|l| {
            numbered_label(&l.text, &["question", "q"]).map(|(n, _)| n).or_else(|| {
                // `1. Q. How?` over `A1.`, `A2.`: the parts of its answer.
                if !(l.text.starts_with(|c: char| c.is_ascii_digit()) && l.text.contains(" Q")) {
                    return None;
                }
                let (path, rest) = parse_number(&l.text)?;
                parse_qa_prefix(rest)?;
                path.first().copied()
            })
        })
        .collect();
    let unnumbered = asked.is_empty() && lines.iter().any(|l| !l.code && l.text.starts_with("Q: "));
    if asked.is_empty() && !unnumbered {
        return;
    }
    for l in lines.iter_mut().filter(|l| !l.code) {
        if let Some((n, rest)) = numbered_label(&l.text, NUMBERED_ANSWER_LABELS)
            && (unnumbered || asked.contains(&n))
            && !rest.is_empty()
        {
            l.text = Cow::Owned(rest.to_string());
        }
    }
}

/// `s` without the pictographs and symbols that open it (emoji with their
/// variation selectors and joiners, arrows, shapes, stars, check marks,
/// bullets), and the spaces after them.
fn strip_symbols(s: &str) -> &str {
    let symbol = |c: char| {
        matches!(c,
            '\u{2022}' | '\u{2023}' | '\u{2043}' | '\u{200d}' | '\u{fe0f}'
            | '\u{2190}'..='\u{21ff}' // arrows
            | '\u{2300}'..='\u{23ff}' // technical: ⌛ ⏰
            | '\u{25a0}'..='\u{27bf}' // shapes, symbols, dingbats: ▶ ★ ✅ ❓ ➤
            | '\u{2b00}'..='\u{2bff}' // arrows and stars: ⭐
            | '\u{1f000}'..='\u{1faff}' // emoji
        )
    };
    // Arrows drawn in ASCII: "-> Why this name?", "=> Why not ...?".
    if let Some(rest) = s.strip_prefix("-> ").or_else(|| s.strip_prefix("=> ")) {
        return rest.trim_start();
    }
    if !s.starts_with(symbol) {
        return s;
    }
    s.trim_start_matches(symbol).trim_start()
}

/// `Q: ...`, `Q. ...`, `Question: ...` without a number.
fn parse_qa_prefix(s: &str) -> Option<&str> {
    if let Some(rest) = bracketed_label(s, &["question", "q"]) {
        return Some(rest);
    }
    // `:Q:`, a reStructuredText field named for the question.
    let s = s.strip_prefix(':').filter(|r| r.contains(':')).unwrap_or(s);
    strip_label(s, &["question", "q"])
}

/// `[Q] - What is it?`, `[A] - A game.`: a label in brackets, then the text.
fn bracketed_label<'a>(s: &'a str, labels: &[&str]) -> Option<&'a str> {
    let (label, rest) = s.strip_prefix('[')?.split_once(']')?;
    if !labels.iter().any(|l| l.eq_ignore_ascii_case(label)) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = rest.strip_prefix(['-', '–', ':']).unwrap_or(rest).trim();
    (!rest.is_empty()).then_some(rest)
}

/// `A: ...`, `Answer: ...`, `A. ...`.
fn parse_answer_prefix(s: &str) -> Option<&str> {
    let s = match strip_bold(s) {
        Some((inner, rest)) if strip_label(&format!("{inner} "), &["answer", "ans", "a"]).is_some() => {
            return Some(rest);
        }
        // `***A***: So.`, the colon outside.
        Some((inner, rest))
            if rest.starts_with(':') && strip_label(&format!("{inner}: "), &["answer", "ans", "a"]).is_some() =>
        {
            return Some(rest[1..].trim_start());
        }
        _ => s,
    };
    if let Some(rest) = bracketed_label(s, &["answer", "a"]) {
        return Some(rest);
    }
    let s = s.strip_prefix(':').filter(|r| r.contains(':')).unwrap_or(s);
    strip_label(s, &["answer", "ans", "a"])
}

fn strip_label<'a>(s: &'a str, labels: &[&str]) -> Option<&'a str> {
    for label in labels {
        let n = label.len();
        if s.len() > n && s.is_char_boundary(n) && s[..n].eq_ignore_ascii_case(label) {
            let rest = &s[n..];
            let rest = rest
                .strip_prefix(':')
                .or_else(|| rest.strip_prefix(" :"))
                // `A.`, and `Ans.` as exam notes abbreviate it.
                .or_else(|| rest.strip_prefix(". ").filter(|_| n == 1 || *label == "ans"))
                .or_else(|| rest.strip_prefix(" -"))
                .or_else(|| rest.strip_prefix(" –"))
                // `Answer- Light bends ...`.
                .or_else(|| rest.strip_prefix(['-', '–']).filter(|r| n > 1 && r.starts_with(' ')))?;
            return Some(rest.trim());
        }
    }
    None
}

/// The answer a multiple-choice question gives on a labelled line after
/// its lettered options (`Answer: b) Newton. Force is ...`, `Correct
/// answer: B`), `rest` being the line after its label: the text without
/// the letter, or the option's text when the line gives the letter alone.
fn chosen_option<'a>(rest: &str, before: impl Iterator<Item = &'a Block>) -> Option<String> {
    let (letter, said) = option_letter(rest)?;
    let options: Vec<&Block> = before
        .filter(|b| b.kind == BlockKind::Item && option_letter(&b.text).is_some())
        .collect();
    if options.len() < 2 {
        return None;
    }
    if !said.trim_matches(|c: char| c.is_ascii_punctuation()).is_empty() {
        return Some(said.to_string());
    }
    options.iter().find_map(|b| {
        let (l, text) = option_letter(&b.text)?;
        l.eq_ignore_ascii_case(&letter).then(|| text.to_string())
    })
}

/// Bytes of the number opening a numbered list item (`4) `, `2.1. `,
/// `iv. `), 0 for none. A bare figure (`3.4 FCS and VxFS 3.4 ...`) is
/// the item's own text.
pub fn item_number_len(s: &str) -> usize {
    parse_number(s)
        .map(|(_, rest)| s.len() - rest.len())
        .filter(|&n| s[..n].trim_end().ends_with(['.', ')', ':']))
        .unwrap_or(0)
}

/// The letter of an option (`b) Newton`, `(B) Newton`, `b. Newton`, `B`)
/// and the text after it.
pub fn option_letter(s: &str) -> Option<(char, &str)> {
    let open = s.starts_with('(');
    let s = if open { &s[1..] } else { s };
    let mut chars = s.chars();
    let letter = chars.next().filter(char::is_ascii_alphabetic)?;
    let rest = chars.as_str();
    let rest = match rest.chars().next() {
        Some(')') => &rest[1..],
        Some('.') if !open => &rest[1..],
        None if !open => rest,
        _ => return None,
    };
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| (letter, rest.trim()))
}

/// `a)`, `a.`, `(a)`, `iv.`: lettered or roman items, never questions.
fn is_lettered(s: &str) -> bool {
    let s = s.strip_prefix('(').unwrap_or(s);
    let head: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if head.is_empty() {
        return false;
    }
    let rest = &s[head.len()..];
    let delim = rest.starts_with(". ") || rest.starts_with(") ") || rest.starts_with(".\t") || rest.starts_with(")\t");
    let roman = head.len() <= 4 && head.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'));
    delim && (head.len() == 1 || roman)
}

/// Width of a list marker at the start of `s`, if it opens with one.
fn list_marker_len(s: &str) -> Option<usize> {
    if let Some(r) = strip_bullet(s) {
        return Some(s.len() - r.len());
    }
    if let Some((_, r)) = parse_number(s) {
        return Some(s.len() - r.len());
    }
    is_lettered(s).then_some(0)
}

/// A heading that asks without its question mark: "How Do I Make an
/// Author an Editor", "How to unmount my device"; not the stem of the
/// questions under it ("How do I ...").
fn asks_unmarked(text: &str) -> bool {
    if text.ends_with("...") || text.ends_with('…') {
        return false;
    }
    let mut words = text.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    first.eq_ignore_ascii_case("how")
        && ["do", "does", "can", "to", "should"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(second))
}

const QUESTION_WORDS: &[&str] = &[
    "what", "how", "why", "when", "where", "who", "whom", "whose", "which", "can", "could", "do", "does", "did", "is",
    "are", "was", "were", "should", "will", "would", "may", "might", "must", "have", "has", "shall", "am", "if", "in",
    "i", "my",
];

fn parse_marker(line: &str, format: Format) -> Option<Marker> {
    let mut m = Marker::default();
    let unlabelled: String;
    let mut s = line;
    if let Some((level, rest)) = strip_heading(s) {
        if rest.is_empty() {
            return None;
        }
        m.heading = Some(level);
        s = rest;
    } else if format == Format::Text
        && let Some((level, rest)) = outline_heading(s)
    {
        m.heading = Some(level);
        m.outline = true;
        s = rest;
    }
    if m.heading.is_none()
        && let Some(rest) = strip_bullet(s)
    {
        m.bullet = true;
        s = rest;
    }
    // `❓ **Q?**`, `👉 Q?`: a symbol before a question is decoration.
    s = strip_symbols(s);
    // `[^](#top) **1.** *Q?*`: so is a link back up the page.
    s = after_top_link(s);
    // Usenet FAQs head each entry `Subject: 1.2) Q`.
    if let Some(rest) = strip_label(s, &["subject"]).filter(|r| !r.is_empty()) {
        s = rest;
    }
    // `**Q:** How?`, `**A:** So.`, and `***Q***: How?` with its colon
    // outside: a bold label, read as the label.
    if let Some((inner, rest)) = strip_bold(s)
        && !rest.is_empty()
        && (inner.ends_with([':', '.']) || rest.starts_with(':'))
        && {
            let probe = format!("{inner}{} x", if rest.starts_with(':') { ":" } else { "" });
            parse_qa_prefix(&probe).is_some()
                || parse_answer_prefix(&probe).is_some()
                || parse_q_number(&probe).is_some()
                // `**1.** *Q?*`
                || (inner.ends_with('.') && parse_number(&probe).is_some())
        }
    {
        unlabelled = if rest.starts_with(':') {
            format!("{inner}{rest}")
        } else {
            format!("{inner} {rest}")
        };
        s = &unlabelled;
    }
    let mut rest_after_bold: Option<String> = None;
    if let Some((inner, rest)) = strip_bold(s) {
        let inner_q = inner.ends_with('?') || inner.ends_with('？');
        if rest.is_empty() || rest == ":" || inner_q || parse_number(inner).is_some() || parse_q_number(inner).is_some()
        {
            m.bold = true;
            s = inner;
            if !rest.is_empty() && rest != ":" {
                rest_after_bold = Some(rest.to_string());
            }
        }
    }
    if parse_answer_prefix(s).is_some() {
        return None;
    }
    let mut body: &str;
    if let Some((path, rest)) = parse_q_number(s) {
        m.q_prefix = true;
        m.number = Some(path);
        body = rest;
    } else if let Some(rest) = parse_qa_prefix(s) {
        m.qa = true;
        body = rest;
    } else if let Some((path, rest)) = parse_number(s) {
        m.roman = parse_roman(s).is_some();
        m.paren = s.starts_with(['(', '[']);
        m.number = Some(path);
        body = rest;
    } else if is_lettered(s) {
        m.lettered = true;
        body = s;
    } else {
        body = s;
    }
    // `1. #### Q`: a heading inside a list item (HTML `<li><h4>`).
    if m.heading.is_none()
        && (m.number.is_some() || m.bullet)
        && let Some((level, rest)) = strip_heading(body)
        && !rest.is_empty()
    {
        m.heading = Some(level);
        body = rest;
    }
    // Most lines are prose: without a marker's shape, only a question mark
    // could make one a question, and cleaning adds none.
    if m.heading.is_none()
        && !m.bold
        && !m.bullet
        && !m.lettered
        && m.number.is_none()
        && !m.qa
        && !line.contains('?')
        && !line.contains('？')
    {
        return None;
    }
    let mut body = body.to_string();
    if !m.bold
        && m.heading.is_none()
        && let Some((inner, rest)) = strip_bold(&body)
        && (rest.is_empty() || inner.ends_with('?'))
    {
        m.bold = m.number.is_some() || m.qa;
        let inner = inner.to_string();
        if !rest.is_empty() {
            rest_after_bold = Some(rest.to_string());
        }
        body = inner;
    } else if (m.number.is_some() || m.bullet)
        && !m.bold
        && m.heading.is_none()
        && let Some((inner, rest)) = strip_bold(&body)
        && rest.ends_with('?')
        && rest.starts_with(char::is_uppercase)
        && !inner.ends_with(['?', '.', ':', '!', ','])
        && !inner.contains(':')
        && words_in(inner) <= 4
    {
        // `3. **Win32 Pathnames** Why don't backslashes work?`: a bold
        // label before the question names its topic, as a label does.
        body = format!("{inner}: {rest}");
    } else if m.number.is_some()
        && !m.bold
        && m.heading.is_none()
        && let Some(inner) = whole_italic(&body)
    {
        // `1. *Troubles compiling*` beside `3. *Is there a C++ API?*`: a
        // numbered line set in italics is emphasised whether or not it
        // asks, as a bold one is, so that the numbering is one style.
        m.bold = true;
        body = inner.to_string();
    }
    // `Q: How? A: Like this.` on one line.
    if let Some(pos) = find_inline_answer_label(&body) {
        let answer = body[pos..].to_string();
        let answer = parse_answer_prefix(&answer).unwrap_or(&answer).to_string();
        body.truncate(pos);
        if !answer.is_empty() {
            m.inline_answer = Some(answer);
        }
    }
    if let Some(r) = rest_after_bold.as_deref() {
        let r = parse_answer_prefix(r).unwrap_or(r);
        m.inline_answer = Some(r.to_string());
    }
    // `1. Q: How …?`, `1. **Q: How …?**`: the label after the number is
    // no part of the question.
    if m.number.is_some()
        && !m.qa
        && let Some(rest) = parse_qa_prefix(&body).filter(|r| !r.is_empty())
    {
        // Numbered and labelled, it is read as `Q1.` is.
        m.q_prefix = true;
        body = rest.to_string();
    }
    m.text = clean_inline(&body, format);
    if m.text.is_empty() {
        return None;
    }
    // `1. What is X? X is a thing that ...`: the question ends at its last
    // question mark when what follows reads as an answer, not another question.
    // Emphasis around the whole question marks where it ends.
    if (m.number.is_some() || m.qa)
        && !m.bold
        && m.inline_answer.is_none()
        && !m.ends_with_q()
        && let Some(q) = m.text.rfind("? ")
    {
        // "Who can buy one? - Anyone who ...": a dash parts the two.
        let after = m.text[q + 2..].trim();
        let after = after
            .strip_prefix(['-', '–', '—'])
            .filter(|r| r.starts_with(' '))
            .unwrap_or(after)
            .trim()
            .to_string();
        // "Why do my aliases fail? (Plus other pitfalls.)": a remark in
        // brackets is the question's own.
        let remark = after.starts_with('(') && after.trim_end_matches('.').ends_with(')');
        // `"Why is there toybox? What was wrong with busybox?"`: quoted
        // whole, the second question is no answer.
        let asks_too = after.trim_end_matches(['"', '”', '\'', '’', ')']).ends_with('?');
        // `"Why can't I...? Why won't...work?" What to do`: a `?` inside a
        // quotation ends nothing.
        let quoting = m.text[..q].matches('"').count() % 2 == 1;
        if after.split_whitespace().count() >= 3 && !remark && !asks_too && !quoting {
            m.text.truncate(q + 1);
            m.inline_answer = Some(after);
        }
    }
    let plain_question = m.ends_with_q() && !m.bullet;
    if m.heading.is_some() || m.bold || m.number.is_some() || m.qa || m.lettered || m.bullet || plain_question {
        Some(m)
    } else {
        None
    }
}

fn find_inline_answer_label(s: &str) -> Option<usize> {
    for pat in [" A: ", " A. ", " Answer: ", " **A:**", " **Answer:**"] {
        if let Some(p) = s.find(pat)
            && s[..p].trim_end().ends_with(['?', '.', '!', '*'])
        {
            return Some(p + 1);
        }
    }
    None
}

// ------------------------------------------------------------ candidates

#[derive(Debug, Clone)]
struct Cand {
    line: usize,
    /// Last line of the question (wrapped questions span lines).
    end: usize,
    indent: usize,
    marker: Marker,
    prev_blank: bool,
    answered: bool,
}

impl Cand {
    /// A question found by shape alone (lettered, bulleted, between rules)
    /// on lines `line..=end`, answered by what follows.
    fn found(lines: &[Line<'_>], line: usize, end: usize, marker: Marker) -> Self {
        Cand {
            line,
            end,
            indent: lines[line].indent,
            marker,
            prev_blank: line == 0 || lines[line - 1].blank,
            answered: true,
        }
    }
}

/// Plain-text FAQs wrap long questions; join a numbered line with the lines
/// right under it when they end the question with a question mark.
fn join_continuation(
    c: &mut Cand,
    lines: &[Line<'_>],
    markers: &[Option<Marker>],
    compounds: Option<&HashSet<String>>,
) {
    let m = &c.marker;
    if (m.heading.is_some() && !m.outline) || m.bold {
        return;
    }
    if m.number.is_none() && !m.qa {
        return;
    }
    let mut text = m.text.clone();
    // `Q:` over a wrapped paragraph, then `A:`: the whole paragraph asks,
    // however its lines begin, and after a `?` too ("Why is it so slow?
    // Even the init" / "string pauses."). So does `Q1:` over `A1:` or
    // `R1:` (as written: the label is gone from the text by now).
    let labelled_answer = |k: usize| {
        parse_answer_prefix(&lines[k].text).is_some()
            || (m.q_prefix && numbered_label(lines[k].raw.trim(), NUMBERED_ANSWER_LABELS).is_some())
    };
    if m.qa || m.q_prefix {
        let last = (c.line + 1..lines.len().min(c.line + 12))
            .take_while(|&j| !lines[j].blank && !lines[j].code && !labelled_answer(j))
            .last();
        // What follows a `?` on the label's line is more of the question
        // then, not its answer: where the label is a `Q` (`A1. Who pays?`
        // numbers a lettered part's question, `A2.` the next).
        let end = last.unwrap_or(c.line);
        let asked = !(m.ends_with_q() || m.inline_answer.is_some())
            || lines[c.line]
                .raw
                .trim_start_matches(|ch: char| !ch.is_alphanumeric())
                .starts_with(['Q', 'q']);
        // A first line that breaks off mid-sentence goes on to the end of
        // its paragraph when more paragraphs come before the labelled
        // answer: the question told at length ("… in a single noweb" /
        // "project. …"), or the output it quotes after "like this:".
        let breaks_off = || {
            m.inline_answer.is_none()
                && !m.text.ends_with(['.', '!', '?', ':', ';'])
                && (end + 1..lines.len().min(c.line + 40))
                    .filter(|&j| !lines[j].blank && !lines[j].code)
                    .find(|&j| {
                        labelled_answer(j)
                            || parse_qa_prefix(&lines[j].text).is_some()
                            || parse_q_number(&lines[j].text).is_some()
                    })
                    .is_some_and(labelled_answer)
        };
        if asked
            && (last.is_some() || m.inline_answer.is_some())
            && (next_nonblank(lines, end + 1).is_some_and(labelled_answer) || last.is_some() && breaks_off())
        {
            if let Some(more) = &m.inline_answer {
                text.push(' ');
                text.push_str(more);
            }
            for l in &lines[c.line + 1..=end] {
                push_wrapped(&mut text, l.text.trim(), compounds);
            }
            c.marker.text = collapse_ws(&text);
            c.marker.inline_answer = None;
            c.end = end;
            return;
        }
        // "Q. How do I make a directory structure like" over, set apart,
        // "Artist/Album/01 - Song.mp3?" and then the answer.
        if last.is_none()
            && m.inline_answer.is_none()
            && !m.text.ends_with(['.', '!', '?', ':', ';'])
            && let Some(j) = next_nonblank(lines, c.line + 1)
            && !lines[j].code
            && lines[j].text.ends_with('?')
            && lines.get(j + 1).is_none_or(|n| n.blank)
            && !labelled_answer(j)
            && next_nonblank(lines, j + 1).is_some_and(labelled_answer)
        {
            push_wrapped(&mut text, lines[j].text.trim(), compounds);
            c.marker.text = collapse_ws(&text);
            c.end = j;
            return;
        }
    }
    if m.ends_with_q() || m.inline_answer.is_some() {
        return;
    }
    // "4.1. My program uses the C++ STL. Valgrind reports" over "'still
    // reachable' leaks at exit, but there should be none.": a line that
    // breaks off mid-sentence, continued in lower case up to the blank
    // line, is a question put as a statement.
    // `... fail with "setgid` over `failed: Operation not permitted"`: a
    // quotation left open goes on, whatever its next line opens with.
    let open_quote = text.matches('"').count() % 2 == 1;
    let mut unfinished = !text.ends_with(['.', '!', ':', ';']) || open_quote;
    for j in c.line + 1..(c.line + 6).min(lines.len()) {
        let l = &lines[j];
        // The last line of a wrapped question reads as a plain `...?` line.
        let plain = markers[j]
            .as_ref()
            .is_none_or(|n| n.deco() == Deco::Plain && n.number.is_none() && !n.qa && !n.bullet && !n.lettered);
        // "1. Issues and problems" over "a. How do I report a bug?": a
        // lettered line is an item of its own, not the number's text.
        if l.blank || l.code || !plain || text.len() > 400 || is_lettered(l.text.trim()) {
            return;
        }
        let next = l.text.trim();
        unfinished &= open_quote || !next.starts_with(char::is_uppercase);
        push_wrapped(&mut text, next, compounds);
        let paragraph_ends = lines.get(j + 1).is_none_or(|n| n.blank);
        // An error message quoted at the end: `saying: "Cannot mail."`,
        // `fail with "no such user"`.
        let ending = text.trim_end_matches(['"', '”', '\'', '’', ')']);
        let quoted = text.ends_with(['"', '”']) && text.matches('"').count().is_multiple_of(2);
        if text.ends_with('?') || unfinished && paragraph_ends && (ending.ends_with(['.', '!', ':']) || quoted) {
            c.marker.text = collapse_ws(&text);
            c.end = j;
            return;
        }
    }
}

fn next_nonblank(lines: &[Line<'_>], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&j| !lines[j].blank)
}

/// Whether `next` may come right after `prev` in a numbered sequence:
/// the next sibling, the first child, or the next item of an ancestor.
fn follows(prev: &[u32], next: &[u32]) -> bool {
    let n = next.len();
    if n == prev.len() + 1 && next[..prev.len()] == *prev && next[n - 1] == 1 {
        return true;
    }
    (0..prev.len().min(n))
        .any(|k| next[..k] == prev[..k] && next[k] == prev[k] + 1 && next[k + 1..].iter().all(|&x| x == 1))
}

/// [`follows`], allowing the gap of a deleted question or two.
fn follows_with_gap(prev: &[u32], next: &[u32]) -> bool {
    (0..=2).any(|gap| {
        let mut n = next.to_vec();
        match n.last_mut() {
            Some(last) if *last > gap => {
                *last -= gap;
                follows(prev, &n)
            }
            _ => false,
        }
    })
}

/// A question opens a section followed by answer text; a line followed at
/// once by the next question (a table of contents, a category) does not.
fn has_answer(c: &Cand, lines: &[Line<'_>], markers: &[Option<Marker>]) -> bool {
    if c.marker.inline_answer.is_some() {
        return true;
    }
    let Some(j) = next_nonblank(lines, c.end + 1) else {
        return false;
    };
    if lines[j].code {
        return true;
    }
    if parse_answer_prefix(&lines[j].text).is_some() {
        return true;
    }
    let Some(n) = &markers[j] else {
        return true;
    };
    if n.lettered || (n.bullet && n.number.is_none() && !n.bold) {
        return true;
    }
    // A question heading whose answer is in parts under sub-headings that
    // ask nothing (`### If your file predates 6.3.0`).
    // So is a `Q:` line's (`**Q**: How to migrate?` over `### Build
    // system`).
    let level = c.marker.heading.or(c.marker.qa.then_some(0));
    if let (Some(sub), Some(level)) = (n.heading, level)
        && sub > level
        && n.number.is_none()
        && !n.ends_with_q()
        && (c.marker.ends_with_q() || c.marker.number.is_some() || c.marker.qa)
        && next_nonblank(lines, j + 1).is_some_and(|k| markers[k].as_ref().is_none_or(|m| m.heading.is_none()))
    {
        return true;
    }
    if n.heading.is_some() || n.qa || n.q_prefix {
        return false;
    }
    if let Some(np) = &n.number {
        return match &c.marker.number {
            Some(cp) => !(follows_with_gap(cp, np) || (np.len() > cp.len() && np[..cp.len()] == cp[..])),
            None => !n.ends_with_q(),
        };
    }
    if n.bold {
        return c.marker.deco() != Deco::Bold && !n.ends_with_q();
    }
    // A plain line ending with `?` right after a plain question reads as the
    // next question; after anything else it is answer text. So is one that
    // says something before it asks ("It's a play on words: caDAVer.
    // Gettit?").
    let says_first = n
        .text
        .match_indices(". ")
        .any(|(at, _)| !n.text[..at].ends_with('.') && n.text[at + 2..].starts_with(|ch: char| ch.is_uppercase()));
    says_first || !(c.marker.deco() == Deco::Plain && c.marker.number.is_none() && !c.marker.qa)
}

fn weight(c: &Cand, min_indent: usize, lines: &[Line<'_>], markers: &[Option<Marker>]) -> f64 {
    let m = &c.marker;
    let mut w = 1.0;
    if m.ends_with_q() {
        w += 0.6;
    }
    let first = m
        .text
        .split(|ch: char| !ch.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    if QUESTION_WORDS.contains(&first.as_str()) {
        w += 0.3;
    }
    if c.prev_blank || m.heading.is_some() {
        w += 0.3;
    }
    if m.q_prefix {
        w += 2.0;
    }
    w -= 0.4 * ((c.indent.saturating_sub(min_indent)) as f64 / 2.0).min(3.0);
    // An item in a tight list (the line above is another list item) is a
    // step, not a question.
    if c.line > 0
        && !lines[c.line - 1].blank
        && let Some(p) = &markers[c.line - 1]
        && p.is_list_item()
    {
        w -= 0.8;
    }
    w
}

/// Picks the question lines. Returns candidate indices.
fn select_questions(cands: &[Cand], lines: &[Line<'_>], markers: &[Option<Marker>]) -> Vec<usize> {
    let mut accepted: Vec<usize> = Vec::new();

    // Unambiguous: `Q: ...` and `Q1.` lines that have an answer. A `Q3.`
    // whose number is asked again over a labelled answer (`A3.`) while it
    // has none is an entry of the list of questions before them, as
    // reworded there as it may be.
    let labelled = |c: &Cand| {
        c.marker.q_prefix
            && next_nonblank(lines, c.end + 1).is_some_and(|j| {
                !lines[j].code && numbered_label(lines[j].raw.trim(), NUMBERED_ANSWER_LABELS).is_some()
            })
    };
    let answered_numbers: Vec<&[u32]> = cands
        .iter()
        .filter(|c| labelled(c))
        .filter_map(|c| c.marker.number.as_deref())
        .collect();
    for (k, c) in cands.iter().enumerate() {
        let listed = answered_numbers.len() >= 2
            && c.marker
                .number
                .as_deref()
                .is_some_and(|n| answered_numbers.contains(&n))
            && !labelled(c);
        // `- Q. Frank Xia (qx@…)` last in a list of names: an initial, as
        // the other items are labelled with none.
        let initial = c.marker.bullet
            && c.marker.qa
            && (0..c.line)
                .rev()
                .find(|&p| !lines[p].blank)
                .and_then(|p| markers[p].as_ref())
                .is_some_and(|p| p.bullet && !p.qa && !p.ends_with_q());
        if c.answered && (c.marker.qa || c.marker.q_prefix) && !listed && !initial {
            accepted.push(k);
        }
    }

    // Numbered lines: per style, the best-scoring chain of numbers that
    // continue each other through the document. Lists inside answers restart
    // their numbering, so they cannot extend the chain of questions.
    let mut families: HashMap<(Deco, bool, bool, bool), Vec<usize>> = HashMap::new();
    for (k, c) in cands.iter().enumerate() {
        if c.marker.number.is_some() && !c.marker.q_prefix && c.answered {
            families
                .entry((c.marker.deco(), c.marker.bullet, c.marker.roman, c.marker.paren))
                .or_default()
                .push(k);
        }
    }
    // Lines that open a part of the document (a heading or a Roman-numbered
    // line that asks nothing), counted up to each line: numbering may
    // start again in each part.
    // So does a numbered line over questions numbered from 1 again and
    // set in deeper, as a text browser prints nested lists (` 2. Pascal
    // language` over `     1. Considerations in porting ...`).
    // Only the outermost such lines: deeper ones are questions answered by
    // steps (`14. Getting more information when it crashes` over `1. ...`).
    let nests = |i: usize, m: &Marker| {
        m.number.as_ref().is_some_and(|n| n.len() == 1)
            && !m.ends_with_q()
            // A few lines of the part's own may come first.
            && (i + 1..lines.len().min(i + 8))
                .find(|&j| markers[j].is_some())
                .is_some_and(|j| {
                    lines[j].indent > lines[i].indent
                        && markers[j].as_ref().is_some_and(|n| n.number.as_deref() == Some(&[1]))
                })
    };
    let outermost = markers
        .iter()
        .enumerate()
        .filter(|(i, m)| m.as_ref().is_some_and(|m| nests(*i, m)))
        .map(|(i, _)| lines[i].indent)
        .min();
    let over_nested = |i: usize, m: &Marker| Some(lines[i].indent) == outermost && nests(i, m);
    let opens_part: Vec<bool> = markers
        .iter()
        .zip(lines)
        .enumerate()
        .map(|(i, (m, l))| {
            m.as_ref()
                .is_some_and(|m| ((m.heading.is_some() || m.roman) && !m.ends_with_q()) || over_nested(i, m))
                || (m.is_none() && !l.code && part_label(&l.text).is_some())
        })
        .collect();
    let mut parts_before = Vec::with_capacity(lines.len() + 1);
    parts_before.push(0usize);
    for &opens in &opens_part {
        parts_before.push(parts_before.last().copied().unwrap_or(0) + usize::from(opens));
    }
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut keys: Vec<_> = families.keys().copied().collect();
    keys.sort_by_key(|(d, b, r, p)| (format!("{d:?}"), *b, *r, *p));
    for key in keys {
        let members = &families[&key];
        let min_indent = members.iter().map(|&k| cands[k].indent).min().unwrap_or(0);
        let chain = best_chain(cands, members, min_indent, lines, markers, &parts_before);
        if chain.0 >= 1.0 && best.as_ref().is_none_or(|b| chain.0 > b.0) {
            best = Some(chain);
        }
    }
    let numbered_found = best.is_some();
    let mut chain = best.map(|(_, chain)| chain).unwrap_or_default();
    // A chain of `1.1` to `6.2` that ends on a lone `7.` has run on into
    // a list after the last answer: no question before used that depth.
    let depth = |k: usize| cands[k].marker.number.as_ref().map_or(0, Vec::len);
    while let [.., before, last] = chain[..]
        && chain.len() >= 4
        && depth(last) < depth(before)
        && !chain[..chain.len() - 1].iter().any(|&k| depth(k) == depth(last))
    {
        chain.pop();
    }
    // "1. Issues and problems" over the contents of its part ("a. How do I
    // report a bug?"), its questions numbered under it further on (`1a.`):
    // a part's heading, no question.
    let heads_part: Vec<bool> = chain
        .iter()
        .map(|&k| {
            let c = &cands[k];
            if markers[c.line].as_ref().is_some_and(|m| over_nested(c.line, m)) {
                return true;
            }
            let Some(n) = c.marker.number.as_ref().filter(|_| !c.marker.ends_with_q()) else {
                return false;
            };
            let lists =
                next_nonblank(lines, c.end + 1).is_some_and(|j| !lines[j].code && is_lettered(lines[j].text.trim()));
            lists
                && chain.iter().any(|&j| {
                    cands[j]
                        .marker
                        .number
                        .as_ref()
                        .is_some_and(|m| m.len() > n.len() && m[..n.len()] == n[..])
                })
        })
        .collect();
    let mut heads = heads_part.iter();
    chain.retain(|_| heads.next() == Some(&false));

    // Unnumbered headings: the level whose headings are questions with answers.
    let mut levels: HashMap<u8, (f64, usize)> = HashMap::new();
    for c in cands {
        if let (Some(l), None, false) = (c.marker.heading, &c.marker.number, c.marker.qa)
            && c.answered
        {
            let e = levels.entry(l).or_default();
            e.0 += if c.marker.ends_with_q() { 2.0 } else { 1.0 };
            e.1 += usize::from(c.marker.ends_with_q());
        }
    }
    let level = levels
        .iter()
        .filter(|(_, (_, q))| *q > 0)
        .max_by(|a, b| a.1.0.total_cmp(&b.1.0).then(b.0.cmp(a.0)))
        .map(|(l, _)| *l);
    // Headings of other levels that ask something and are answered are
    // questions too (a sub-question under a question).
    // A heading that asks nothing under one that asks and is answered
    // (`### Tips` under `## How do I glaze?`) names a part of that answer.
    if let Some(level) = level {
        // The last heading seen at each level: (asks and is answered).
        let mut above: Vec<Option<bool>> = vec![None; 8];
        for (k, c) in cands.iter().enumerate() {
            let m = &c.marker;
            let Some(l) = m.heading else { continue };
            let l = usize::from(l).min(7);
            let asking = c.answered && m.ends_with_q() && m.number.is_none() && !m.qa;
            let in_answer = !m.ends_with_q() && above[..l].iter().rev().flatten().next() == Some(&true);
            above[l] = Some(asking);
            above[l + 1..].fill(None);
            if c.answered
                && (usize::from(level) == l || m.ends_with_q() || asks_unmarked(&m.text))
                && m.number.is_none()
                && !m.qa
                && !in_answer
            {
                accepted.push(k);
            }
        }
        // A group heading answered itself, with no questions under it,
        // amid groups of questions (`## Container startup issues` over its
        // text, between `## General issues` and `## Networking issues`
        // with their `###` questions) is an entry of its own.
        let heading_at = |k: usize| {
            let m = &cands[k].marker;
            m.heading.filter(|_| m.number.is_none() && !m.qa)
        };
        let mut is_accepted = vec![false; cands.len()];
        for &k in &accepted {
            is_accepted[k] = true;
        }
        let question_at = |k: usize| heading_at(k) == Some(level) && is_accepted[k];
        // The next group heading after `k`.
        let group_end = |k: usize| {
            (k + 1..cands.len())
                .find(|&j| heading_at(j).is_some_and(|l| l < level))
                .unwrap_or(cands.len())
        };
        let group_start = |k: usize| (0..k).rev().find(|&j| heading_at(j).is_some_and(|l| l < level));
        let mut entries = Vec::new();
        for k in 0..cands.len() {
            if heading_at(k) != Some(level.saturating_sub(1)) || !cands[k].answered || cands[k].marker.ends_with_q() {
                continue;
            }
            let end = group_end(k);
            let empty = (k + 1..end).all(|j| heading_at(j).is_none());
            // Only one such heading between two groups that ask: a run of
            // them is a part of the page of another kind.
            let mut before = group_start(k).map_or(0, |j| j + 1)..k;
            let mut after = (end + 1).min(cands.len())..group_end(end);
            if empty && before.any(question_at) && after.any(question_at) {
                entries.push(k);
            }
        }
        accepted.extend(entries);
    }

    // Unnumbered bold lines (and HTML <dt>, <summary>) that ask something.
    for (k, c) in cands.iter().enumerate() {
        let m = &c.marker;
        if c.answered && m.bold && m.heading.is_none() && m.number.is_none() && !m.qa && m.ends_with_q() {
            accepted.push(k);
        }
    }

    // Numbered lines that ask nothing, all inside the answer of one of the
    // questions already found (unnumbered ones that ask, `G3.`-labelled ones),
    // with more of those after them ("1) Use INSTALL_BASE", "2) Use
    // PREFIX" under "How do I get both tools to install to the same
    // place?"), are a list in that answer.
    // A heading taken as a question owns its answer whether or not it asks
    // ("What you might do if you're clever" over "1. Add it to
    // `package.json`").
    let mut asking: Vec<usize> = accepted
        .iter()
        .map(|&k| &cands[k])
        .filter(|c| {
            let m = &c.marker;
            m.qa || m.q_prefix || (m.number.is_none() && (m.ends_with_q() || m.heading.is_some()))
        })
        .map(|c| c.line)
        .collect();
    asking.sort_unstable();
    // So are such lines spread over several answers ("1) By returning a
    // tuple" under one question, "3) By passing a dict" under the next),
    // each under its question with no part heading between.
    let owner = |line: usize| asking.partition_point(|&q| q < line);
    // A heading deeper than the question's (`##### Example` under `### How
    // can I debug remotely?`) opens a part of its answer, not a new part.
    let owned = |k: usize| {
        let line = cands[k].line;
        let o = owner(line);
        o > 0 && {
            let q = asking[o - 1];
            let level = markers[q].as_ref().and_then(|m| m.heading).unwrap_or(u8::MAX);
            parts_before[q + 1] == parts_before[line]
                || (q + 1..line)
                    .all(|i| !opens_part[i] || markers[i].as_ref().and_then(|m| m.heading).is_some_and(|h| h > level))
        }
    };
    // A list that a line of one answer leads into ("Approximate flow:") is
    // that answer's, even when its items ask ("1. Are you in a command?").
    let led_in = |k: usize| {
        let line = cands[k].line;
        (0..line)
            .rev()
            .find(|&p| !lines[p].blank)
            .is_some_and(|p| markers[p].is_none() && !lines[p].code && lines[p].text.ends_with(':'))
    };
    // Each answer's run of the chain is judged alone: a list of steps
    // under one question and a led-in list under another make one chain
    // of numbers.
    let runs: Vec<&[usize]> = chain
        .chunk_by(|&a, &b| owner(cands[a].line) == owner(cands[b].line))
        .collect();
    let spread = chain.first().zip(chain.last()).is_some_and(|(&a, &b)| {
        let (first, last) = (owner(cands[a].line), owner(cands[b].line));
        first < last || last < asking.len()
    });
    let in_answers = asking.len() >= 2
        && !runs.is_empty()
        && runs.iter().all(|run| run.iter().all(|&k| owned(k)))
        && (runs
            .iter()
            .all(|run| led_in(run[0]) || (spread && run.iter().all(|&k| !cands[k].marker.ends_with_q()))));
    // Numbered lines set in deeper than every labelled question (`Q2:` at
    // the margin over `    1) KDE`, `    2) fusesmb -- http://...`) are
    // lists in their answers.
    let labelled: Vec<usize> = accepted
        .iter()
        .map(|&k| &cands[k])
        .filter(|c| c.marker.qa || c.marker.q_prefix)
        .map(|c| c.indent)
        .collect();
    let set_in = labelled.len() >= 2
        && labelled
            .iter()
            .max()
            .is_some_and(|&deepest| chain.iter().all(|&k| cands[k].indent > deepest));
    if !in_answers && !set_in {
        accepted.extend(chain);
    }

    // Last resort: standalone lines ending with a question mark.
    if accepted.is_empty() && !numbered_found {
        for (k, c) in cands.iter().enumerate() {
            let m = &c.marker;
            if c.answered
                && m.deco() == Deco::Plain
                && m.number.is_none()
                && !m.qa
                && !m.bullet
                && c.prev_blank
                && c.indent <= 3
                && m.text.len() < 300
            {
                accepted.push(k);
            }
        }
    }
    accepted.sort_unstable();
    accepted.dedup();
    accepted
}

/// MyST's comments, `%` at the margin (`% Copyright (c) ...` over the
/// page's `# ` title), which the page never shows. Without a `# ` heading,
/// `%` lines opening the page are Pandoc's title block instead: kept.
fn blank_myst_comments(lines: &mut [Line<'_>]) {
    let is_comment = |l: &Line<'_>| !l.code && l.indent == 0 && (l.text == "%" || l.text.starts_with("% "));
    if !lines.iter().any(is_comment) || !lines.iter().any(|l| !l.code && l.text.starts_with("# ")) {
        return;
    }
    for l in lines.iter_mut().filter(|l| is_comment(l)) {
        l.text = Cow::Borrowed("");
        l.blank = true;
    }
}

/// A heading over a page's footnotes, which answers nothing.
fn footnotes_heading(m: &Marker) -> bool {
    m.heading.is_some() && m.number.is_none() && m.text.eq_ignore_ascii_case("footnotes")
}

/// The name a labelled part line gives, as FAQ generators write them
/// (`Category: /Advanced_Topics_/Branching/`, `Section: Installing`).
fn part_label(t: &str) -> Option<&str> {
    // The label is a short word: no need to look along a long line.
    let name = ["category", "section", "part", "chapter", "topic"]
        .iter()
        .find_map(|l| {
            let (label, rest) = t.split_at_checked(l.len())?;
            label.eq_ignore_ascii_case(l).then_some(rest)?.strip_prefix(": ")
        })?;
    let name = name.trim();
    (!name.is_empty() && name.split_whitespace().count() <= 8 && !name.ends_with(['.', '?'])).then_some(name)
}

/// Questions lettered instead of numbered (`A. Q?`, `(b) Q?`), for an
/// article where nothing else reads as a question: lettered lines are
/// usually options and steps. A run of one style's letters in order from
/// `a`, each line standing alone after a blank line with text under it
/// that is no lettered line, at least half of them asking; the style with
/// the most such lines wins.
fn lettered_questions(lines: &[Line<'_>], body_start: usize, format: Format) -> Vec<Cand> {
    // (opens with `(`, upper case, the byte after the letter).
    type Style = (bool, bool, Option<u8>);
    let letter_of = |t: &str| -> Option<(Style, u32, String)> {
        let t = t.trim();
        let t = match strip_bold(t) {
            Some((inner, "")) => inner,
            _ => t,
        };
        let (letter, rest) = option_letter(t)?;
        if rest.is_empty() {
            return None;
        }
        let open = t.starts_with('(');
        let style = (
            open,
            letter.is_ascii_uppercase(),
            t.as_bytes().get(usize::from(open) + 1).copied(),
        );
        let index = u32::from(letter.to_ascii_lowercase() as u8 - b'a') + 1;
        Some((style, index, rest.to_string()))
    };
    let mut open_runs: HashMap<Style, Vec<Cand>> = HashMap::new();
    let mut runs: Vec<(Style, Vec<Cand>)> = Vec::new();
    for (i, l) in lines.iter().enumerate().skip(body_start) {
        if l.blank || l.code || l.indent > 3 || (i > body_start && !lines[i - 1].blank) {
            continue;
        }
        let Some((style, index, rest)) = letter_of(&l.text) else {
            continue;
        };
        let answered = next_nonblank(lines, i + 1).is_some_and(|j| letter_of(&lines[j].text).is_none());
        let text = clean_inline(&rest, format);
        if !answered || text.is_empty() {
            continue;
        }
        let cand = Cand::found(
            lines,
            i,
            i,
            Marker {
                text,
                ..Marker::default()
            },
        );
        let run = open_runs.entry(style).or_default();
        if index == 1 {
            let done = std::mem::replace(run, vec![cand]);
            runs.push((style, done));
        } else if run.len() == index as usize - 1 && !run.is_empty() {
            run.push(cand);
        }
    }
    runs.extend(open_runs);
    let mut by_style: Vec<(Style, Vec<Cand>)> = Vec::new();
    for (style, run) in runs.into_iter().filter(|(_, r)| r.len() >= 2) {
        match by_style.iter_mut().find(|(s, _)| *s == style) {
            Some((_, all)) => all.extend(run),
            None => by_style.push((style, run)),
        }
    }
    // Most lines first; ties by the first line, so the choice is stable.
    let Some((_, mut best)) = by_style
        .into_iter()
        .max_by_key(|(_, all)| (all.len(), std::cmp::Reverse(all.iter().map(|c| c.line).min())))
    else {
        return Vec::new();
    };
    let asking = best.iter().filter(|c| c.marker.ends_with_q()).count();
    if asking * 2 < best.len() {
        return Vec::new();
    }
    best.sort_by_key(|c| c.line);
    best
}

/// Entries that hang over their answers: a short paragraph with the next
/// line under it indented deeper, as pod2text and man pages set out
/// headings (`   How do I start it?` over `    Run ...`), and as text
/// browsers print a page's headings over its text (an entry wrapped at its
/// own indent over two or three lines). Of the entries at one indent (the
/// one with the most that ask), three or more, at least half of them
/// asking (a third when five or more do), and no more other lines there
/// than entries; the statements
/// among them are entries too ("   Mouse paste no longer works.").
fn hanging_questions(lines: &[Line<'_>], body_start: usize, format: Format) -> Vec<Cand> {
    // The last line of the entry that opens at `i`.
    let entry_end = |i: usize| -> Option<usize> {
        let l = &lines[i];
        let opens = !l.blank
            && !l.code
            && (i == body_start || lines[i - 1].blank || lines[i - 1].indent < l.indent)
            && list_marker_len(&l.text).is_none()
            && parse_q_number(&l.text).is_none();
        if !opens {
            return None;
        }
        let mut chars = 0;
        for j in i..lines.len().min(i + 3) {
            let m = &lines[j];
            if m.blank || m.code || m.indent != l.indent || (j > i && list_marker_len(&m.text).is_some()) {
                return None;
            }
            chars += m.text.len();
            if chars >= 300 {
                return None;
            }
            // The line under it may have gone (a "(contributed by ...)"
            // credit).
            if next_nonblank(lines, j + 1).is_some_and(|n| !lines[n].code && lines[n].indent > l.indent) {
                return Some(j);
            }
            if lines.get(j + 1).is_none_or(|n| n.blank) {
                return None;
            }
        }
        None
    };
    // Per indent: (entries as first and last line, asking, other lines).
    type Tally = (Vec<(usize, usize)>, usize, usize);
    let mut by_indent: HashMap<usize, Tally> = HashMap::new();
    let mut i = body_start;
    while i < lines.len() {
        let l = &lines[i];
        if l.blank || l.code {
            i += 1;
            continue;
        }
        let e = by_indent.entry(l.indent).or_default();
        match entry_end(i) {
            Some(end) => {
                e.0.push((i, end));
                e.1 += usize::from(lines[end].text.trim_end().ends_with('?'));
                i = end + 1;
            }
            None => {
                e.2 += 1;
                i += 1;
            }
        }
    }
    let best = by_indent
        .into_values()
        .filter(|(entries, asking, others)| {
            // A FAQ of problems states most of them: a third asking will
            // do when five or more do.
            let enough = asking * 2 >= entries.len() || (*asking >= 5 && asking * 3 >= entries.len());
            entries.len() >= 3 && enough && *others <= entries.len()
        })
        .max_by_key(|(entries, asking, _)| (*asking, std::cmp::Reverse(entries.first().copied())));
    let Some((entries, _, _)) = best else {
        return Vec::new();
    };
    entries
        .into_iter()
        .map(|(i, mut end)| {
            let mut text = lines[i].text.trim().to_string();
            for l in &lines[i + 1..=end] {
                text.push(' ');
                text.push_str(l.text.trim());
            }
            // `man` wraps a long heading onto the indent of its text: "What
            // are all these signs, and how do I know when to use" over
            // "them?".
            if !text.ends_with(['.', '?', '!', ':'])
                && let Some(next) = lines.get(end + 1)
                && !next.blank
                && next.text.ends_with('?')
                && next.text.len() <= 80
            {
                text.push(' ');
                text.push_str(next.text.trim());
                end += 1;
            }
            Cand::found(
                lines,
                i,
                end,
                Marker {
                    text: clean_inline(&text, format),
                    ..Marker::default()
                },
            )
        })
        .collect()
}

/// Questions quoted as if from the letters that asked them, each over its
/// reply after a blank line, as mailing-list FAQs set them out: `> Where
/// can I get binaries for machines other than those` over `> available
/// at the site?`. A quote may hold the error it asks about. Three such
/// quotes or more, at least half of them asking (a third when five or
/// more do); a quote inside a quote (`>> ...`) is a letter's history, no
/// question.
fn quoted_questions(lines: &[Line<'_>], body_start: usize) -> Vec<Cand> {
    let quoted = |l: &Line<'_>| !l.code && !l.blank && l.text.starts_with('>') && !l.text.starts_with(">>");
    let replied = |_, end: usize| next_nonblank(lines, end + 1).is_some_and(|n| !lines[n].text.starts_with('>'));
    let (out, asking) = paragraphs_over(lines, body_start, quoted, replied, |quote| {
        let text = quote
            .iter()
            .map(|l| l.text.trim_start_matches('>').trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        // A quoted error keeps its stars (`*** Error code 1`).
        let text = collapse_ws(&text);
        let asks = text.contains('?');
        (text, asks)
    });
    // A FAQ of problems states many of them: a third asking will do when
    // five or more do.
    let enough = asking * 2 >= out.len() || (asking >= 5 && asking * 3 >= out.len());
    if out.len() < 3 || !enough {
        return Vec::new();
    }
    out
}

/// The paragraphs of `member` lines that open after a blank line (or the
/// body's start) and end on one, each taken where `answered(first line,
/// last line)`, as questions of the text `read` makes of their lines (and
/// whether it asks); with how many ask.
fn paragraphs_over(
    lines: &[Line<'_>],
    body_start: usize,
    member: impl Fn(&Line<'_>) -> bool,
    answered: impl Fn(usize, usize) -> bool,
    read: impl Fn(&[Line<'_>]) -> (String, bool),
) -> (Vec<Cand>, usize) {
    let mut out = Vec::new();
    let mut asking = 0;
    let mut i = body_start;
    while i < lines.len() {
        if !member(&lines[i]) || (i > body_start && !lines[i - 1].blank) {
            i += 1;
            continue;
        }
        let mut end = i;
        while lines.get(end + 1).is_some_and(&member) {
            end += 1;
        }
        if lines.get(end + 1).is_some_and(|l| l.blank) && answered(i, end) {
            let (text, asks) = read(&lines[i..=end]);
            asking += usize::from(asks);
            out.push(Cand::found(
                lines,
                i,
                end,
                Marker {
                    text,
                    ..Marker::default()
                },
            ));
        }
        i = end + 1;
    }
    (out, asking)
}

/// Paragraphs of Markdown each over the quote that answers it, as some
/// FAQs set their answers off: "My notebook scrolls back to the top." over
/// `> Since version 4, ...`. Three or more, at least half of them asking;
/// a paragraph of a line or two, after a blank line or a heading.
fn quote_answered_questions(lines: &[Line<'_>], body_start: usize) -> Vec<Cand> {
    let plain = |l: &Line<'_>| !l.code && !l.blank && !l.quoted;
    // A paragraph of a line or two, no heading.
    let answered = |first: usize, end: usize| {
        end - first < 2
            && strip_heading(&lines[first].text).is_none()
            && next_nonblank(lines, end + 1).is_some_and(|n| lines[n].quoted && !lines[n].code)
    };
    let (out, asking) = paragraphs_over(lines, body_start, plain, answered, |paragraph| {
        let text = paragraph.iter().map(|l| l.text.trim()).collect::<Vec<_>>().join(" ");
        (clean_inline(&collapse_ws(&text), Format::Markdown), text.ends_with('?'))
    });
    if out.len() < 3 || asking * 2 < out.len() {
        return Vec::new();
    }
    out
}

/// Whether a heading has no text of its own: a deeper heading follows it.
fn groups_only(c: &Cand, lines: &[Line<'_>], markers: &[Option<Marker>]) -> bool {
    let Some(level) = c.marker.heading else {
        return false;
    };
    next_nonblank(lines, c.end + 1)
        .and_then(|j| markers[j].as_ref())
        .and_then(|m| m.heading)
        .is_some_and(|l| l > level)
}

/// Whether a title says its page is an FAQ: "FAQ", "Vpnc FAQ",
/// "Frequently Asked Questions (FAQ)".
fn names_faq(title: &str) -> bool {
    let lower = title.to_lowercase();
    lower.contains("frequently asked")
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "faq" || w == "faqs")
}

/// The headings of an FAQ none of whose entries asks ("Use the client with
/// Nortel Contivity", "Suddenly client stops"): the answered headings of
/// the level most of them are at, the shallower of two as many. Called only
/// for a page that names itself an FAQ.
fn faq_headings(cands: &[Cand]) -> Vec<usize> {
    let heading = |c: &Cand| {
        c.marker
            .heading
            .filter(|_| c.answered && c.marker.number.is_none() && !c.marker.qa)
    };
    let mut count = [0usize; 8];
    for c in cands {
        if let Some(l) = heading(c) {
            count[usize::from(l).min(7)] += 1;
        }
    }
    let level = (1..8).rev().max_by_key(|&l| count[l]).filter(|&l| count[l] >= 1);
    let entries: Vec<usize> = level.map_or_else(Vec::new, |level| {
        (0..cands.len())
            .filter(|&k| heading(&cands[k]).is_some_and(|l| usize::from(l).min(7) == level))
            .collect()
    });
    // One alone is an entry only where the page names itself an FAQ
    // above it, and names no more than that the questions follow.
    match entries[..] {
        [k] if cands[k].marker.heading == Some(1) || only_announces_questions(&cands[k].marker.text) => Vec::new(),
        _ => entries,
    }
}

/// Entries set apart by rule lines (`********`, `-----`), each opening
/// with a short paragraph that states a problem or asks and more text
/// under it, as lists of known problems are written: the opening
/// paragraphs are the questions, for an article where nothing else reads
/// as one. Two thirds of three or more entries must open so.
fn ruled_questions(lines: &[Line<'_>], body_start: usize, compounds: Option<&HashSet<String>>) -> Vec<Cand> {
    let rules: Vec<usize> = (body_start..lines.len()).filter(|&i| lines[i].separator).collect();
    let mut out = Vec::new();
    for (k, &r) in rules.iter().enumerate() {
        let end = rules.get(k + 1).copied().unwrap_or(lines.len());
        let Some(first) = next_nonblank(lines, r + 1).filter(|&f| f < end && !lines[f].code) else {
            continue;
        };
        let last = (first..end)
            .take_while(|&j| !lines[j].blank && !lines[j].code)
            .last()
            .unwrap_or(first);
        let more = next_nonblank(lines, last + 1).is_some_and(|j| j < end);
        let mut text = String::new();
        for l in &lines[first..=last] {
            if text.is_empty() {
                text.push_str(l.text.trim());
            } else {
                push_wrapped(&mut text, l.text.trim(), compounds);
            }
        }
        // A paragraph that leads into what is under it ("... please
        // e-mail me:" over the address) states no problem.
        if !more || last - first >= 4 || text.len() > 300 || list_marker_len(&text).is_some() || text.ends_with(':') {
            continue;
        }
        // `PROBLEM:` over the problem labels it, as `CAUSE:` and
        // `SOLUTION:` label the text under it.
        let text = strip_label(&text, &["problem", "symptom", "issue"])
            .filter(|rest| !rest.is_empty())
            .unwrap_or(&text);
        out.push(Cand::found(
            lines,
            first,
            last,
            Marker {
                text: collapse_ws(text),
                ..Marker::default()
            },
        ));
    }
    if out.len() < 2 || out.len() * 3 < rules.len().max(3) * 2 {
        return Vec::new();
    }
    out
}

/// Questions as bullets with their answers nested under them (Notion's
/// toggle lists exported as Markdown, outlines), for an article where
/// nothing else reads as a question: elsewhere a bullet that asks is an
/// item of a list. Top-level bullets ending with `?` whose next line is
/// indented deeper.
fn bulleted_questions(lines: &[Line<'_>], markers: &[Option<Marker>]) -> Vec<Cand> {
    // (first line, last line, the question) of each bullet that asks,
    // wrapped over up to six lines ("* What types of function can we
    // use? Can we use a volatile sampling" / "function, for example?").
    let asking: Vec<(usize, usize, String, bool)> = (0..lines.len())
        .filter_map(|i| {
            let m = markers[i]
                .as_ref()
                .filter(|m| m.bullet && m.number.is_none() && m.heading.is_none() && !m.bold && !m.qa)?;
            // The whole paragraph, which may go on to say why it asks
            // ("Does it include Daylight Saving Time? There is a similar
            // mechanism in ..."). A last line that asks reads as a plain
            // `...?` line.
            let plain = |j: usize| {
                markers[j]
                    .as_ref()
                    .is_none_or(|n| n.deco() == Deco::Plain && n.number.is_none() && !n.qa && !n.bullet && !n.lettered)
            };
            let end = (i + 1..lines.len().min(i + 6))
                .take_while(|&j| !lines[j].blank && !lines[j].code && lines[j].indent <= lines[i].indent && plain(j))
                .last()
                .unwrap_or(i);
            let mut text = m.text.clone();
            for l in &lines[i + 1..=end] {
                push_wrapped(&mut text, &l.text, None);
            }
            if !text.ends_with('?') && !text.contains("? ") {
                return None;
            }
            let j = next_nonblank(lines, end + 1)?;
            // Answered under it, or by a paragraph flush with it after a
            // blank line, as plain-text FAQs bullet their questions.
            let flush = j > end + 1 && lines[j].indent <= lines[i].indent && !lines[j].code && plain(j);
            (lines[j].indent > lines[i].indent || flush).then_some((i, end, text, flush))
        })
        .collect();
    // Flush answers only where two questions or more are answered so: one
    // bullet that asks over a paragraph is a list's item or an aside.
    let flush = asking.iter().filter(|a| a.3).count();
    let asking: Vec<(usize, usize, String)> = asking
        .into_iter()
        .filter(|a| !a.3 || flush >= 2)
        .map(|(i, end, text, _)| (i, end, text))
        .collect();
    let Some(top) = asking.iter().map(|&(i, _, _)| lines[i].indent).min() else {
        return Vec::new();
    };
    asking
        .into_iter()
        .filter(|&(i, _, _)| lines[i].indent == top)
        .filter_map(|(i, end, text)| {
            let mut marker = markers[i].clone()?;
            marker.text = text;
            Some(Cand::found(lines, i, end, marker))
        })
        .collect()
}

/// Longest-path over the numbered candidates of one style: each candidate
/// extends the best chain that ends with a number it can follow, or, when
/// it starts again at 1 in a new part of the document (`parts_before`
/// counts part openings up to each line), any chain that ended before the
/// part began.
fn best_chain(
    cands: &[Cand],
    members: &[usize],
    min_indent: usize,
    lines: &[Line<'_>],
    markers: &[Option<Marker>],
    parts_before: &[usize],
) -> (f64, Vec<usize>) {
    // Best chain ending at a path with this prefix: (score, member position).
    let mut under: HashMap<Vec<u32>, (f64, usize)> = HashMap::new();
    let mut exact: HashMap<Vec<u32>, (f64, usize)> = HashMap::new();
    let mut score = vec![0.0; members.len()];
    let mut back: Vec<Option<usize>> = vec![None; members.len()];
    // The best chain ending at or before each member: (score, position).
    let mut best_upto: Vec<(f64, usize)> = Vec::with_capacity(members.len());
    for (pos, &k) in members.iter().enumerate() {
        let c = &cands[k];
        let Some(path) = &c.marker.number else {
            best_upto.push(best_upto.last().copied().unwrap_or((f64::NEG_INFINITY, pos)));
            continue;
        };
        let w = weight(c, min_indent, lines, markers);
        let mut best_prev: Option<(f64, usize)> = None;
        let mut consider = |p: Option<&(f64, usize)>, penalty: f64| {
            if let Some(&(s, i)) = p
                && best_prev.is_none_or(|b| s - penalty > b.0)
            {
                best_prev = Some((s - penalty, i));
            }
        };
        let n = path.len();
        // A group's first question or two may be gone too ("4. Running
        // Problems" over "4.2"): the path stands where its first would.
        let first_gone = (n > 1 && (2..=3).contains(&path[n - 1])).then(|| {
            let mut v = path.clone();
            v[n - 1] = 1;
            (v, 0.8 * f64::from(path[n - 1] - 1))
        });
        let this = (path.as_slice(), 0.0);
        for (path, price) in std::iter::once(this).chain(first_gone.as_ref().map(|(v, p)| (v.as_slice(), *p))) {
            if path[n - 1] == 1 && n > 1 {
                consider(exact.get(&path[..n - 1]), price);
            }
            for kk in 0..n {
                // 1 after 0, when the numbering starts at 0.
                if path[kk] == 1 && path[kk + 1..].iter().all(|&x| x == 1) {
                    let mut p = path[..kk].to_vec();
                    p.push(0);
                    consider(under.get(&p), price);
                }
                if path[kk] > 1 && path[kk + 1..].iter().all(|&x| x == 1) {
                    // A question deleted from an article leaves a gap in
                    // the numbering: allowed, at a price per missing
                    // number. Some FAQs skip to the next ten for a new
                    // group ("4.3." then "4.10."): a longer jump costs
                    // what three missing do.
                    for gap in 1..=path[kk].saturating_sub(1).min(9) {
                        let mut p = path[..kk].to_vec();
                        p.push(path[kk] - gap);
                        consider(under.get(&p), price + (0.8 * f64::from(gap - 1)).min(2.4));
                    }
                }
            }
        }
        if path.iter().all(|&x| x == 1) {
            // Members that ended before the part this one is in began.
            let part = parts_before[c.line];
            let before = members[..pos].partition_point(|&m| parts_before[cands[m].line + 1] < part);
            if part > 0 && before > 0 {
                consider(best_upto.get(before - 1), 0.0);
            }
        }
        let start = if path.iter().all(|&x| x == 1) { 0.0 } else { -1.5 };
        let (s, b) = match best_prev {
            Some((s, i)) if s > start => (s + w, Some(i)),
            _ => (start + w, None),
        };
        score[pos] = s;
        back[pos] = b;
        for d in 1..=n {
            let e = under.entry(path[..d].to_vec()).or_insert((f64::NEG_INFINITY, pos));
            if s > e.0 {
                *e = (s, pos);
            }
        }
        let e = exact.entry(path.clone()).or_insert((f64::NEG_INFINITY, pos));
        if s > e.0 {
            *e = (s, pos);
        }
        let prev = best_upto.last().copied().unwrap_or((f64::NEG_INFINITY, pos));
        best_upto.push(if s > prev.0 { (s, pos) } else { prev });
    }
    let Some((end, &total)) = score
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
    else {
        return (f64::NEG_INFINITY, Vec::new());
    };
    let mut chain = Vec::new();
    let mut cur = Some(end);
    while let Some(p) = cur {
        chain.push(members[p]);
        cur = back[p];
    }
    chain.reverse();
    (total, chain)
}

// ---------------------------------------------------------------- build

enum Event<'c> {
    Question(&'c Cand),
    /// A part's name, and the last line it takes.
    Category(String, usize),
    /// A rule after the last answer, or a heading over footnotes: what
    /// follows closes the article.
    Outro,
}

fn build(
    lines: &[Line<'_>],
    markers: &[Option<Marker>],
    cands: &[Cand],
    accepted: &[usize],
    title: Option<Located>,
    body_start: usize,
    reading: Reading<'_>,
) -> Article {
    let format = reading.format;
    let qlines: std::collections::HashSet<usize> = accepted.iter().map(|&k| cands[k].line).collect();
    let min_q_heading = accepted.iter().filter_map(|&k| cands[k].marker.heading).min();
    let mut events: Vec<(usize, Event<'_>)> = accepted
        .iter()
        .map(|&k| (cands[k].line, Event::Question(&cands[k])))
        .collect();
    let qtexts: std::collections::HashSet<&str> = accepted.iter().map(|&k| cands[k].marker.text.as_str()).collect();
    // Lines that are not questions but stand over them (a category heading,
    // a `1. General` line above `1.1`) end the previous answer.
    for c in cands {
        if qlines.contains(&c.line) {
            continue;
        }
        let next = next_nonblank(lines, c.end + 1);
        // A line over a list of the questions themselves ("Contents")
        // heads a table of contents, not the questions.
        let over_toc = next.is_some_and(|j| {
            !qlines.contains(&j) && markers[j].as_ref().is_some_and(|m| qtexts.contains(m.text.as_str()))
        });
        // Nor does a contents entry, a link that repeats a question, the
        // last of them standing right over the first question.
        let unnumbered = c
            .marker
            .text
            .trim_start_matches(|ch: char| ch.is_ascii_digit() || ch == '.')
            .trim_start();
        let toc_entry = c.marker.heading.is_none() && lines[c.line].text.contains("](") && qtexts.contains(unnumbered);
        if over_toc || toc_entry {
            continue;
        }
        // A heading or Roman-numbered line over questions that number from
        // 1 again opens a part: `II. Borrowing`, then `1. How many ...?`.
        // Accepted questions are in line order.
        let next_q = accepted
            .get(accepted.partition_point(|&k| cands[k].line <= c.line))
            .map(|&k| &cands[k]);
        let restarts = next_q.is_some_and(|q| q.marker.number.as_ref().is_some_and(|p| p.iter().all(|&x| x == 1)));
        let over_question = next.is_some_and(|j| qlines.contains(&j));
        // So does a numbered line at the margin over questions set in
        // deeper (` 2. Pascal language` over `     1. ...`).
        let outer = c.marker.number.is_some()
            && next_q.is_some_and(|q| {
                q.indent > c.indent
                    && markers
                        .get(c.end + 1..q.line)
                        .is_some_and(|between| between.iter().all(Option::is_none))
            });
        if (c.marker.heading.is_some() || c.marker.roman || (outer && restarts))
            && !c.marker.ends_with_q()
            && (restarts || (c.marker.roman && over_question))
        {
            events.push((c.line, Event::Category(c.marker.text.clone(), c.end)));
            continue;
        }
        // A numbered line names a category when the question after it is
        // numbered under it (`1. General`, then `1.1`), or is unnumbered
        // and the line stands alone. The last item of a list that ends an
        // answer does neither, nor a note that only gives an address
        // (`[1] https://…`).
        if c.marker.number.is_some()
            && c.marker.heading.is_none()
            && !c.marker.text.trim().contains(' ')
            && c.marker.text.contains("://")
        {
            continue;
        }
        if let Some(cp) = &c.marker.number
            && c.marker.heading.is_none()
            && !c.marker.bold
        {
            let next_number = next.and_then(|j| markers[j].as_ref()).and_then(|m| m.number.as_ref());
            // The last item of a list whose items have paragraphs under
            // them: the item before it, past their text, numbers just
            // before it and is no question.
            let before = (0..c.line).rev().find(|&p| markers[p].is_some());
            let in_list = (0..c.line)
                .rev()
                .find(|&p| !lines[p].blank)
                .is_some_and(|p| markers[p].as_ref().is_some_and(|m| m.number.is_some()))
                || before.is_some_and(|p| {
                    !qlines.contains(&p)
                        && markers[p]
                            .as_ref()
                            .and_then(|m| m.number.as_ref())
                            .is_some_and(|pp| pp.len() == cp.len() && follows(pp, cp))
                });
            let heads = match next_number {
                Some(np) => np.len() > cp.len() && np[..cp.len()] == cp[..],
                None => !in_list,
            };
            if !heads {
                continue;
            }
        }
        let next_is_question = next_nonblank(lines, c.end + 1)
            .is_some_and(|j| qlines.contains(&j) || markers[j].as_ref().is_some_and(|m| m.heading.is_some()));
        // A heading ends the answer it stands in only at or above its
        // question's level: `### If your file predates 6.3.0` under `## F1.
        // Why does my old file no longer work?` is part of the answer.
        let prev_q = accepted[..accepted.partition_point(|&k| cands[k].line < c.line)]
            .last()
            .map(|&k| &cands[k]);
        let heading_boundary = match (c.marker.heading, prev_q.map(|q| q.marker.heading)) {
            (Some(l), Some(Some(q))) => l <= q,
            (Some(l), _) => min_q_heading.is_some_and(|q| l <= q),
            _ => false,
        };
        let structural = c.marker.heading.is_some() || c.marker.bold || (c.marker.number.is_some() && !c.answered);
        if (structural && next_is_question) || heading_boundary {
            events.push((c.line, Event::Category(c.marker.text.clone(), c.end)));
        }
    }
    // `A. Membership`, `B) Swimming`: a lettered line alone over a question
    // names its part. One in a run of lettered lines is an option or a
    // list item, and one right under a question labels its answer (`A.`).
    for (i, l) in lines.iter().enumerate() {
        if l.blank || l.code || l.indent > 0 || i < body_start || qlines.contains(&i) {
            continue;
        }
        let Some((_, name)) = option_letter(l.text.trim()) else {
            continue;
        };
        let alone = i > 0 && lines[i - 1].blank && lines.get(i + 1).is_some_and(|l| l.blank);
        let before = (0..i).rev().find(|&p| !lines[p].blank);
        let after_letter_or_question =
            before.is_some_and(|p| qlines.contains(&p) || option_letter(lines[p].text.trim()).is_some());
        if alone
            && !after_letter_or_question
            && !name.is_empty()
            && !name.ends_with(['.', '?', '!', ':'])
            && name.split_whitespace().count() <= 6
            && next_nonblank(lines, i + 1).is_some_and(|j| qlines.contains(&j))
        {
            events.push((i, Event::Category(clean_inline(name, format), i)));
        }
    }
    // `Category: /Installing/`, as FAQ generators label their parts.
    for (i, l) in lines.iter().enumerate().skip(body_start) {
        if !l.blank
            && !l.code
            && markers[i].is_none()
            && !qlines.contains(&i)
            && let Some(name) = part_label(&l.text)
        {
            events.push((i, Event::Category(clean_inline(name, format), i)));
        }
    }
    // A short line alone over a question and less indented than it names
    // its part, as pod2text sets `  Keyboard Issues` over `   Why ...?`.
    for &k in accepted {
        let q = cands[k].line;
        let Some(p) = q.checked_sub(1).filter(|&p| p >= body_start) else {
            continue;
        };
        let l = &lines[p];
        let name = l.text.trim();
        if !l.blank
            && !l.code
            && l.indent < lines[q].indent
            && !qlines.contains(&p)
            && markers[p].is_none()
            && (p == body_start || lines[p - 1].blank)
            && name.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && !name.ends_with(['.', ',', ';', ':', '?', '!'])
            && (1..=8).contains(&name.split_whitespace().count())
        {
            events.push((p, Event::Category(clean_inline(name, format), p)));
        }
    }
    // In plain text, a rule after the last answer sets off what closes
    // the article ("If you have a question for this FAQ, please e-mail
    // me: ..."), no part of that answer.
    let last_q = accepted.iter().map(|&k| cands[k].end).max();
    if format == Format::Text
        && let Some(last) = last_q
        && let Some(rule) = (last + 1..lines.len()).find(|&i| lines[i].separator)
        && (last + 1..rule).any(|i| !lines[i].blank)
        && !events.iter().any(|(l, _)| *l > rule)
        // More numbered lines or headings after it are more of the FAQ.
        && !cands
            .iter()
            .any(|c| c.line > rule && (c.marker.number.is_some() || c.marker.heading.is_some()))
    {
        events.push((rule, Event::Outro));
    }
    // The notes that close a page ("Footnotes" over `[1] ...`) are
    // no part of the last answer.
    for (i, m) in markers.iter().enumerate() {
        if m.as_ref().is_some_and(footnotes_heading) {
            events.push((i, Event::Outro));
        }
    }
    events.sort_by_key(|e| e.0);

    let first = events.first().map_or(lines.len(), |e| e.0);
    let mut intro = blocks(lines, body_start, first, reading);
    let mut sections = Vec::new();
    let mut category: Option<String> = None;
    // The level of the category's heading, when it is one, and whether a
    // question under it has stood deeper than it.
    let mut category_level: Option<u8> = None;
    let mut deeper = false;
    // The last category that a question goes on from ("How do I…"), kept
    // while a question set as high as it stands beside it: "…report a
    // bug?" so set, and the questions under that, still go on from it.
    let mut stem: Option<String> = None;
    for (idx, (line, ev)) in events.iter().enumerate() {
        let until = events.get(idx + 1).map_or(lines.len(), |e| e.0);
        match ev {
            Event::Category(t, end) => {
                let part = match events.get(idx + 1) {
                    Some((_, Event::Question(q))) => q.marker.number.as_deref(),
                    _ => None,
                };
                category = Some(without_part_number(t, part).to_string());
                stem = category.clone().filter(|c| c.ends_with("...") || c.ends_with('…'));
                category_level = markers[*line].as_ref().and_then(|m| m.heading);
                deeper = false;
                // What a part says before its first question is no answer,
                // but it is the article's text all the same.
                intro.extend(blocks(lines, end + 1, until, reading));
            }
            Event::Outro => intro.extend(blocks(lines, line + 1, until, reading)),
            Event::Question(c) => {
                // A question heading as high as the category's, in a page
                // whose groups hold deeper ones, stands beside its group,
                // not in it.
                match c.marker.heading.zip(category_level) {
                    Some((l, cl)) if l > cl => deeper = true,
                    Some(_) if deeper => {
                        category = None;
                        category_level = None;
                    }
                    _ => {}
                }
                let mut bs = Vec::new();
                let mut after = blocks(lines, c.end + 1, until, reading).into_iter().peekable();
                if let Some(a) = &c.marker.inline_answer {
                    let mut text = clean_inline(a, format);
                    // `**Q?** The answer, wrapped` over `onto the next line.`:
                    // one paragraph.
                    if let Some(next) = after.next_if(|b| b.kind == BlockKind::Prose && b.line == c.end + 2) {
                        push_wrapped(&mut text, &next.text, reading.compounds);
                    }
                    bs.push(Block {
                        kind: BlockKind::Prose,
                        text,
                        line: line + 1,
                    });
                }
                bs.extend(after);
                // Answer text can vanish between questions that were chosen
                // together (blank lines only): no answer, no section.
                if bs.is_empty() {
                    continue;
                }
                let goes_on_from_stem = stem.is_some()
                    && category.is_none()
                    && (c.marker.text.starts_with("...") || c.marker.text.starts_with('…'));
                if goes_on_from_stem {
                    category.clone_from(&stem);
                }
                sections.push(Section {
                    question: goes_on(&c.marker.text, category.as_deref()),
                    line: line + 1,
                    number: c
                        .marker
                        .number
                        .as_ref()
                        .map(|p| p.iter().map(u32::to_string).collect::<Vec<_>>().join(".")),
                    category: category.clone(),
                    blocks: bs,
                });
            }
        }
    }
    Article { title, intro, sections }
}

/// A question that goes on from its part heading, as "... get section
/// numbers?" under "How do I...", asks whole: "How do I get section
/// numbers?". Seen alone on a card, its second half asks nothing.
/// A part's name without the number its questions number under: "1
/// Flying" over `1.1 How much wind ...?` is "Flying".
fn without_part_number<'t>(name: &'t str, question: Option<&[u32]>) -> &'t str {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = name[digits..].strip_prefix([' ', '.']) else {
        return name;
    };
    let under = question.is_some_and(|q| q.len() > 1 && name[..digits].parse() == Ok(q[0]));
    if under && !rest.trim().is_empty() {
        rest.trim()
    } else {
        name
    }
}

fn goes_on(question: &str, category: Option<&str>) -> String {
    let rest = question.strip_prefix("...").or_else(|| question.strip_prefix('…'));
    let stem = category.and_then(|c| c.strip_suffix("...").or_else(|| c.strip_suffix('…')));
    match (rest.map(str::trim_start), stem.map(str::trim_end)) {
        (Some(rest), Some(stem)) if !rest.is_empty() && !stem.is_empty() => format!("{stem} {rest}"),
        _ => question.to_string(),
    }
}

/// `line` with each tab as the spaces up to the next multiple of `tab`
/// columns.
fn expand_tabs(line: &str, tab: usize) -> String {
    let mut out = String::with_capacity(line.len() + tab);
    let mut column = 0;
    for c in line.chars() {
        if c == '\t' {
            let n = tab - column % tab;
            out.extend(std::iter::repeat_n(' ', n));
            column += n;
        } else {
            out.push(c);
            column += 1;
        }
    }
    out
}

fn blocks(lines: &[Line<'_>], from: usize, to: usize, reading: Reading<'_>) -> Vec<Block> {
    let Reading { format, compounds } = reading;
    let mut out: Vec<Block> = Vec::new();
    let mut cur: Option<Block> = None;
    let flush = |cur: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(mut b) = cur.take() {
            if b.kind != BlockKind::Code {
                b.text = clean_inline(&b.text, format);
            }
            if !b.text.trim().is_empty() {
                out.push(b);
            }
        }
    };
    let end = to.min(lines.len());
    // A table (two or more `|` rows, Markdown's or converted HTML's) is
    // kept verbatim like code: joined into a paragraph its cells read as
    // one long sentence of pipes.
    let row = |j: usize| j < end && is_table_row(&lines[j]);
    let mut i = from;
    while i < end {
        let l = &lines[i];
        let code = l.code;
        if code || (row(i) && row(i + 1)) {
            flush(&mut cur, &mut out);
            let start = i;
            let in_run = |j: usize| if code { j < end && lines[j].code } else { row(j) };
            let mut rows: Vec<&str> = Vec::new();
            while in_run(i) {
                rows.push(if code { &lines[i].text } else { lines[i].text.trim() });
                i += 1;
            }
            // A fence indented under a list item: the code reads at the
            // fence's indent, or the Markdown shows its backticks.
            let fence_indent = rows.first().map_or(0, |r| {
                let t = r.trim_start_matches([' ', '\t']);
                if t.starts_with("```") || t.starts_with("~~~") {
                    r.len() - t.len()
                } else {
                    0
                }
            });
            if fence_indent > 0 {
                for r in &mut rows {
                    let ws = r.len() - r.trim_start_matches([' ', '\t']).len();
                    *r = &r[ws.min(fence_indent)..];
                }
            }
            // Plain text's tabs stop every 8 columns, which the reader of a
            // deck need not know: spaces keep the sample as it was seen.
            let text = if format == Format::Text && rows.iter().any(|r| r.contains('\t')) {
                rows.iter().map(|r| expand_tabs(r, 8)).collect::<Vec<_>>().join("\n")
            } else {
                rows.join("\n")
            };
            out.push(Block {
                kind: BlockKind::Code,
                text,
                line: start + 1,
            });
            continue;
        }
        if l.blank {
            flush(&mut cur, &mut out);
            i += 1;
            continue;
        }
        let mut text: &str = &l.text;
        if let Some((_, rest)) = strip_heading(text) {
            flush(&mut cur, &mut out);
            // A heading inside an answer names the part under it: "If you
            // joined later:" reads on into that part, not as a sentence.
            let named = rest.trim_end();
            let text = if named.ends_with(|c: char| c.is_alphanumeric() || matches!(c, ')' | '`' | '*' | '_')) {
                format!("{named}:")
            } else {
                named.to_string()
            };
            cur = Some(Block {
                kind: BlockKind::Prose,
                text,
                line: i + 1,
            });
            flush(&mut cur, &mut out);
            i += 1;
            continue;
        }
        let labelled = parse_answer_prefix(text);
        if let Some(answer) = labelled
            .or_else(|| strip_label(text, &["correct answer", "right answer"]))
            .and_then(|rest| chosen_option(rest, out.iter().chain(&cur)))
        {
            flush(&mut cur, &mut out);
            cur = Some(Block {
                kind: BlockKind::Answer,
                text: answer,
                line: i + 1,
            });
            i += 1;
            continue;
        }
        // "A. Round" over "B. Triangular" is an option, not an answer.
        let first_option = || {
            option_letter(text).is_some_and(|(l, _)| l.eq_ignore_ascii_case(&'a'))
                && lines[i + 1..end]
                    .iter()
                    .find(|l| !l.blank)
                    .and_then(|l| option_letter(&l.text))
                    .is_some_and(|(l, _)| l.eq_ignore_ascii_case(&'b'))
        };
        if let Some(rest) = labelled.filter(|_| !first_option()) {
            text = rest;
        }
        let is_item = list_marker_len(text).is_some();
        if is_item {
            flush(&mut cur, &mut out);
            cur = Some(Block {
                kind: BlockKind::Item,
                text: text.to_string(),
                line: i + 1,
            });
        } else if let Some(b) = cur.as_mut().filter(|b| {
            // Org ends a list item at a line no deeper than its bullet;
            // Markdown lets a paragraph continue lazily.
            let outdented = b.kind == BlockKind::Item && l.indent <= lines[b.line - 1].indent;
            // So does a reStructuredText definition, at its next term.
            let next_term = format == Format::Rst && rst_term(lines, i, from) && l.indent < lines[i - 1].indent;
            !(outdented
                && (format == Format::Org || format == Format::Text && ends_item(&b.text, &lines[i - 1].text, text)))
                && !next_term
        }) {
            // A reStructuredText definition list's term, its definition
            // set in under it: "`keys` subdirectory: All your keys ...".
            let term = format == Format::Rst
                && b.kind == BlockKind::Prose
                && b.line == i
                && rst_term(lines, i - 1, from)
                && l.indent > lines[i - 1].indent;
            if term {
                b.text.push(':');
            }
            push_wrapped(&mut b.text, text, compounds);
        } else {
            flush(&mut cur, &mut out);
            cur = Some(Block {
                kind: BlockKind::Prose,
                text: text.to_string(),
                line: i + 1,
            });
        }
        i += 1;
    }
    flush(&mut cur, &mut out);
    out
}

/// Whether line `i` can be a reStructuredText definition list's term: a
/// short line opening a paragraph (after a blank line, or after the last
/// definition, set in deeper), that is no list item and ends no sentence.
fn rst_term(lines: &[Line<'_>], i: usize, from: usize) -> bool {
    let t = lines[i].text.trim();
    let opens = i == from || lines[i - 1].blank || lines[i - 1].indent > lines[i].indent;
    opens
        && !lines[i].code
        && t.chars().count() <= 60
        && list_marker_len(t).is_none()
        && !t.starts_with("#.")
        // "Note: Remember to disable" is an aside's label over its text.
        && !t.contains(": ")
        && !t.ends_with(['.', ',', ':', ';', '?', '!'])
}

// ---------------------------------------------------------------- text

/// Whether a plain-text line no deeper than a list item's bullet starts
/// a paragraph after the item rather than continuing it: it opens with a
/// capital, and the item's last line is short or ends a sentence, and
/// ends with a word that neither leads on ("from", "and") nor is part of
/// a name ("the Council / Tax office"). "• your bank details" over
/// "Claims without proof …" is a list and a paragraph.
fn ends_item(item: &str, last_line: &str, next: &str) -> bool {
    const LEADS_ON: &[&str] = &[
        "a", "an", "the", "and", "or", "of", "from", "to", "for", "with", "in", "on", "by", "at", "as", "your", "our",
    ];
    let last_word = item.trim_end().rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let ends_sentence = last_word.ends_with(['.', '!', '?', ';']);
    let word = last_word.trim_end_matches(|c: char| !c.is_alphanumeric());
    next.starts_with(|c: char| c.is_uppercase())
        && (ends_sentence || last_line.trim().chars().count() < 60)
        && !item.trim_end().ends_with([',', '-', ':'])
        && !word.starts_with(|c: char| c.is_uppercase())
        && !LEADS_ON.iter().any(|w| word.eq_ignore_ascii_case(w))
}

pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        let b = s.as_bytes();
        // Most text is clean already: single spaces only, none at the ends.
        let breaks = b.iter().fold(false, |any, &c| any | matches!(c, b'\t'..=b'\r'));
        if !breaks && b.first() != Some(&b' ') && b.last() != Some(&b' ') && memchr::memmem::find(b, b"  ").is_none() {
            out.push_str(s);
            return out;
        }
        // The ASCII characters `char::is_whitespace` accepts; words are
        // copied whole.
        let space = |i: usize| matches!(b[i], b'\t'..=b'\r' | b' ');
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && space(i) {
                i += 1;
            }
            let start = i;
            while i < b.len() && !space(i) {
                i += 1;
            }
            if start < i {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&s[start..i]);
            }
        }
        return out;
    }
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Removes inline markup (emphasis, links, images) and collapses whitespace.
/// Plain text keeps its underscores and asterisks except `**bold**`.
/// `s` without `mark` outside code spans: "**`__init__`**" is
/// "`__init__`".
fn remove_outside_code(s: &str, mark: &str) -> String {
    if !s.contains('`') {
        return s.replace(mark, "");
    }
    let parts: Vec<&str> = s.split('`').collect();
    // An unclosed backtick opens no code.
    let closed = if parts.len().is_multiple_of(2) {
        parts.len() - 1
    } else {
        parts.len()
    };
    let mut out = String::with_capacity(s.len());
    for (k, part) in parts.iter().enumerate() {
        if k > 0 {
            out.push('`');
        }
        if k % 2 == 1 && k < closed {
            out.push_str(part);
        } else {
            out.push_str(&part.replace(mark, ""));
        }
    }
    out
}

pub fn clean_inline(s: &str, format: Format) -> String {
    let mut s = Cow::Borrowed(s);
    if s.contains("**") {
        s = Cow::Owned(remove_outside_code(&s, "**"));
    }
    if format == Format::Markdown {
        if s.contains('[') {
            s = Cow::Owned(strip_links(&s));
        }
        if s.contains("__") {
            s = Cow::Owned(strip_strong_underscores(&s));
        }
        if s.contains("[^") {
            s = Cow::Owned(strip_footnotes(&s));
        }
    }
    // Markdown, AsciiDoc and Org emphasise so; reStructuredText only
    // with stars (`__init__` and `name_` are its text and its links).
    if format != Format::Text && s.contains(['*', '_']) {
        s = Cow::Owned(strip_emphasis(&s, format != Format::Rst));
    }
    if format == Format::Rst && s.contains(">`_") {
        let mut joined = s.into_owned();
        rst_links(&mut joined);
        s = Cow::Owned(joined);
    }
    if format == Format::Rst && s.contains(":`") {
        s = Cow::Owned(rst_roles(&s));
    }
    if format == Format::Rst && s.contains('_') {
        s = Cow::Owned(rst_references(&s));
    }
    if format == Format::Markdown && s.contains("\\") {
        s = Cow::Owned(resolve_escaped_emphasis(&s));
    }
    // reStructuredText escapes any character: `apply\*` is `apply*`.
    if format == Format::Rst && s.contains("\\") {
        s = Cow::Owned(unescape_where(&s, |n| n.is_ascii_punctuation()));
    }
    collapse_ws(&s)
}

/// `__strong__` as its text, as CommonMark reads it: a pair of `__` runs,
/// the first after no word character and before a non-space, the second
/// the other way round. Inside a word (`_Name__spam`), alone (`__z`) or in
/// a code span, `__` is the characters.
fn strip_strong_underscores(s: &str) -> String {
    let b = s.as_bytes();
    let word_at = |i: usize| s[i..].chars().next().is_some_and(char::is_alphanumeric);
    let word_before = |i: usize| s[..i].chars().next_back().is_some_and(char::is_alphanumeric);
    let space_at = |i: usize| s[i..].chars().next().is_none_or(char::is_whitespace);
    let space_before = |i: usize| s[..i].chars().next_back().is_none_or(char::is_whitespace);
    // Byte offsets of the `__` runs that pair, in twos.
    let mut cut: Vec<usize> = Vec::new();
    let mut pending: Option<usize> = None;
    let mut code = false;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'`' => {
                code = !code;
                pending = None;
                i += 1;
            }
            b'_' if !code => {
                let run = b[i..].iter().take_while(|&&c| c == b'_').count();
                if run == 2 {
                    let opens = !word_before(i) && !space_at(i + 2);
                    let closes = !space_before(i) && !word_at(i + 2);
                    match pending {
                        Some(o) if closes => {
                            cut.extend([o, i]);
                            pending = None;
                        }
                        _ if opens => pending = Some(i),
                        _ => {}
                    }
                }
                i += run;
            }
            _ => i += 1,
        }
    }
    if cut.is_empty() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut from = 0;
    for at in cut {
        out.push_str(&s[from..at]);
        from = at + 2;
    }
    out.push_str(&s[from..]);
    out
}

/// Footnote references (`[^1]`) as nothing, and a footnote's definition
/// (`[^1]: text`) as its text.
fn strip_footnotes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find("[^") {
        let label_end = rest[open..].find(']').map(|e| open + e);
        match label_end {
            Some(end) if end > open + 2 && !rest[open + 2..end].contains([' ', '[']) => {
                out.push_str(&rest[..open]);
                rest = &rest[end + 1..];
                if out.trim().is_empty() {
                    rest = rest.strip_prefix(':').unwrap_or(rest);
                }
            }
            _ => {
                out.push_str(&rest[..open + 2]);
                rest = &rest[open + 2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `*word*` and `_word_` emphasis as its text. Code spans, `snake_case`,
/// `2 * 3` and lone stars stay as written: a delimiter opens only before a
/// non-space and after a non-word character, and closes only the other way
/// round, before any code span starts.
fn strip_emphasis(s: &str, underscores: bool) -> String {
    if !s.contains(['*', '_']) {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let word = |k: Option<&char>| k.is_some_and(|c| c.is_alphanumeric());
    let space = |k: Option<&char>| k.is_none_or(|c| c.is_whitespace());
    // From each position, the first `*` and `_` that can close and the
    // first backtick: looking ahead from every opening delimiter instead
    // would cost the square of the line's length.
    let mut ahead = vec![[usize::MAX; 3]; chars.len() + 1];
    for j in (1..chars.len()).rev() {
        let mut next = ahead[j + 1];
        // One of a run (`__`) closes nothing: the run is no single mark.
        let lone = chars[j - 1] != chars[j] && chars.get(j + 1) != Some(&chars[j]);
        if lone && !space(chars.get(j - 1)) && chars[j - 1] != '\\' && !word(chars.get(j + 1)) {
            match chars[j] {
                '*' => next[0] = j,
                '_' => next[1] = j,
                _ => {}
            }
        }
        if chars[j] == '`' {
            next[2] = j;
        }
        ahead[j] = next;
    }
    // Backticks before each position: emphasis may wrap whole code spans
    // (`` *`C++14`* ``), never part of one.
    let mut ticks = Vec::with_capacity(chars.len() + 1);
    ticks.push(0usize);
    for &c in &chars {
        ticks.push(ticks.last().copied().unwrap_or(0) + usize::from(c == '`'));
    }
    let mut out = String::with_capacity(s.len());
    let mut code = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            code = !code;
        }
        let before = i.checked_sub(1).and_then(|p| chars.get(p));
        let opens = !code
            && (c == '*' || (c == '_' && underscores))
            && !word(before)
            && before != Some(&'\\')
            && before != Some(&c)
            && !space(chars.get(i + 1))
            && chars.get(i + 1) != Some(&c);
        if opens {
            let next = ahead[(i + 2).min(chars.len())];
            let j = next[usize::from(c == '_')];
            if j < next[2] || (j < chars.len() && (ticks[j] - ticks[i + 1]) % 2 == 0) {
                out.extend(&chars[i + 1..j]);
                i = j + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// `[text](url)` becomes `text`; `![alt](src)` is dropped.
fn strip_links(s: &str) -> String {
    strip_links_within(s, 0)
}

fn strip_links_within(s: &str, depth: usize) -> String {
    // Link text may hold brackets in pairs (`[a_tuple[i] += 1](#q)`): each
    // `[` with the `]` that closes it, found in one pass.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut open_at: Vec<usize> = Vec::new();
    for (i, b) in s.bytes().enumerate() {
        match b {
            b'[' => open_at.push(i),
            b']' => {
                if let Some(o) = open_at.pop() {
                    pairs.push((o, i));
                }
            }
            _ => {}
        }
    }
    pairs.sort_unstable();
    let closing = |at: usize| pairs.binary_search_by_key(&at, |p| p.0).ok().map(|k| pairs[k].1);
    // The first `)` at or after a position: searches start further on each
    // time, so the last answer serves until it is passed.
    let mut paren: Option<Option<usize>> = None;
    let mut paren_from = 0;
    let mut next_paren = |from: usize| -> Option<usize> {
        let known = paren.filter(|found| from >= paren_from && found.is_none_or(|p| p >= from));
        let found = known.unwrap_or_else(|| s[from..].find(')').map(|p| from + p));
        paren = Some(found);
        paren_from = from;
        found
    };
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    while let Some(open) = s[at..].find('[').map(|o| at + o) {
        let image = s[..open].ends_with('!');
        // `[text](url)` and `[text][ref]`, `[text][]`; `[text]` alone may
        // be no link at all, and an unpaired `[` none either.
        let target = closing(open).and_then(|close| match s.as_bytes().get(close + 1) {
            Some(b'(') => next_paren(close + 1).map(|end| (close, end)),
            Some(b'[') => closing(close + 1)
                .filter(|&end| end - close <= 1000 && !s[close + 2..end].contains('['))
                .map(|end| (close, end)),
            _ => None,
        });
        let Some((close, end)) = target else {
            out.push_str(&s[at..=open]);
            at = open + 1;
            continue;
        };
        out.push_str(&s[at..if image { open - 1 } else { open }]);
        if !image {
            let label = &s[open + 1..close];
            // A linked image (`[![logo](l.png)](/)`) is its alt text's
            // nothing; a few levels are all real pages nest.
            if label.contains('[') && depth < 4 {
                out.push_str(&strip_links_within(label, depth + 1));
            } else {
                out.push_str(label);
            }
        }
        at = end + 1;
    }
    out.push_str(&s[at..]);
    out
}

#[cfg(test)]
mod tests;
