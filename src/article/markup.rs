//! Markup of other systems in articles, read as the Markdown it stands
//! for, line for line, so that every line number stays the source's:
//! BBCode forum posts, Perl's POD (perlfaq and the manuals written like
//! it), the wiki markup of Textile, Redmine and Jira (`h2. Heading`),
//! and LaTeX (course and project FAQs, exam sheets).
//!
//! Pure text-to-text functions: they know nothing of questions and
//! answers, only of markup.

use super::Format;

/// `text` as Markdown when it is written in one of these markups, and the
/// format to parse what is returned as; `None` when it is not, and the
/// text is parsed as it is.
pub(super) fn to_markdown(text: &str, format: Format) -> (Option<String>, Format) {
    match format {
        Format::Text => match sniff(text) {
            Some(Markup::Pod) => (Some(pod_to_markdown(text)), Format::Markdown),
            Some(Markup::Textile) => (Some(textile_to_markdown(text)), Format::Markdown),
            Some(Markup::Latex) => (Some(latex_to_markdown(text)), Format::Markdown),
            Some(Markup::AsciiDoc) => (None, Format::AsciiDoc),
            Some(Markup::Rst) => (None, Format::Rst),
            None => (bbcode_to_markdown(text, format), format),
        },
        Format::Markdown => (bbcode_to_markdown(text, format), format),
        Format::Rst | Format::AsciiDoc | Format::Org => (None, format),
    }
}

enum Markup {
    Pod,
    Textile,
    Latex,
    AsciiDoc,
    Rst,
}

/// Which of POD, Textile, LaTeX and AsciiDoc a plain text is written in,
/// if any: POD with two `=head` lines, or one and `=pod` or `=cut`;
/// Textile with two `hN.` headings; LaTeX with `\documentclass` or
/// `\begin{document}`, two sectioning lines, or one and two lines of body
/// commands (a chapter kept in a file of its own); AsciiDoc with two
/// labelled-list questions (`How do I …?::`, as Git's `.txt` pages have);
/// reStructuredText with two lines of explicit markup, directives
/// (`.. contents::`) or link targets (`.. _faq:`), as lxml's and Django's
/// `.txt` pages have, or a title between rules over one such line or an
/// inline literal (``` ``code`` ```), as projects' `FAQ` files have. Every
/// article asks, so lines are looked at only where they open with a mark
/// these use, and `?::` is found by one fast search.
fn sniff(text: &str) -> Option<Markup> {
    let b = text.as_bytes();
    let (mut pod_headings, mut pod_marked, mut textile) = (0, false, 0);
    let (mut latex_opened, mut latex_sections, mut latex_body) = (false, 0, 0);
    let mut rst_markup = 0;
    for start in std::iter::once(0).chain(memchr::memchr_iter(b'\n', b).map(|i| i + 1)) {
        let line = || {
            let end = memchr::memchr(b'\n', &b[start..]).map_or(b.len(), |e| start + e);
            text[start..end].trim_end_matches('\r')
        };
        match b.get(start) {
            Some(b'=') => {
                let line = line();
                pod_headings += usize::from(pod_heading(line).is_some());
                pod_marked |= matches!(line.trim_end(), "=pod" | "=cut");
            }
            Some(b'h' | b' ' | b'\t') => textile += usize::from(textile_heading(line().trim_start()).is_some()),
            Some(b'.') => rst_markup += usize::from(rst_explicit_markup(line())),
            Some(b'\\') => {
                let kind = latex_line_kind(line());
                latex_opened |= kind == LatexLine::Opens;
                latex_sections += usize::from(kind == LatexLine::Section);
                latex_body += usize::from(kind == LatexLine::Body);
            }
            _ => {}
        }
    }
    let asciidoc_questions = memchr::memmem::find_iter(b, b"?::")
        .filter(|&at| matches!(b.get(at + 3), None | Some(b'\n' | b'\r')))
        .take(2)
        .count();
    if pod_headings >= 2 || pod_headings == 1 && pod_marked {
        Some(Markup::Pod)
    } else if textile >= 2 {
        Some(Markup::Textile)
    } else if latex_opened || latex_sections >= 2 || latex_sections == 1 && latex_body >= 2 {
        Some(Markup::Latex)
    } else if asciidoc_questions >= 2 {
        Some(Markup::AsciiDoc)
    } else if rst_markup >= 2 || boxed_title(text) && (rst_markup == 1 || rst_literal(text)) {
        Some(Markup::Rst)
    } else {
        None
    }
}

/// Whether the text opens with a title set between two rules of one
/// character and length, as reStructuredText's document title is, and
/// plain text's sometimes: only with other reStructuredText is it that.
fn boxed_title(text: &str) -> bool {
    let mut head = text.lines().map(str::trim_end).skip_while(|l| l.is_empty());
    let rule = |l: &str| {
        let c = l.chars().next().filter(|c| "=-~*#+^".contains(*c));
        c.filter(|&c| l.len() >= 3 && l.chars().all(|x| x == c))
    };
    match (head.next(), head.next(), head.next()) {
        (Some(over), Some(title), Some(under)) => {
            rule(over).is_some()
                && rule(over) == rule(under)
                && over.len() == under.len()
                && !title.trim().is_empty()
                && title.len() <= over.len()
        }
        _ => false,
    }
}

/// Whether the text holds an inline literal (``` ``code`` ```), closed on
/// its line and not by TeX's `''` (``` ``quoted'' ```).
fn rst_literal(text: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), b"``").any(|i| {
        let line = text[i + 2..].split('\n').next().unwrap_or("");
        line.starts_with(|c: char| !c.is_whitespace() && c != '`')
            && line.find("``").is_some_and(|end| !line[end + 2..].starts_with('\''))
    })
}

/// Whether a line is a reStructuredText directive (`.. note::`) or link
/// target (`.. _install:`), which no plain text opens a line with.
fn rst_explicit_markup(line: &str) -> bool {
    let Some(rest) = line.strip_prefix(".. ") else {
        return false;
    };
    if let Some(label) = rest.strip_prefix('_') {
        return label.trim_end().ends_with(':') || label.contains(": ");
    }
    rest.split_once("::").is_some_and(|(name, _)| {
        !name.is_empty()
            && name
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':'))
    })
}

/// A forum post in BBCode (`[b]1. Q?[/b]`, `[url=…]text[/url]`, `[*]`)
/// as the Markdown it stands for, line for line; `None` for text with no
/// closing BBCode tag, which is left alone.
fn bbcode_to_markdown(text: &str, format: Format) -> Option<String> {
    // Plain text reads no `*emphasis*`; Markdown does, and asks it whole.
    let italic = if format == Format::Markdown { "*" } else { "" };
    const CLOSERS: &[&[u8]] = &[
        b"[/b]",
        b"[/i]",
        b"[/url]",
        b"[/size]",
        b"[/color]",
        b"[/quote]",
        b"[/list]",
    ];
    let bytes = text.as_bytes();
    let has_closer = memchr::memmem::find_iter(bytes, b"[/").any(|at| {
        CLOSERS
            .iter()
            .any(|c| bytes.get(at..at + c.len()).is_some_and(|b| b.eq_ignore_ascii_case(c)))
    });
    if !has_closer {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        // `[code]` alone on its line fences what follows, as Markdown does.
        let alone = line.trim();
        if alone.eq_ignore_ascii_case("[code]") || alone.eq_ignore_ascii_case("[/code]") {
            out.push_str("```");
            continue;
        }
        let mut rest = line;
        let mut skipping_image = false;
        while let Some(open) = rest.find('[') {
            let Some(close) = rest[open..].find(']').map(|c| open + c) else {
                break;
            };
            if !skipping_image {
                out.push_str(&rest[..open]);
            }
            let tag = &rest[open + 1..close];
            let closing = tag.starts_with('/');
            let name = tag
                .trim_start_matches('/')
                .split('=')
                .next()
                .unwrap_or("")
                .to_ascii_lowercase();
            let replacement = match name.as_str() {
                "b" | "strong" => Some("**"),
                "i" | "em" => Some(italic),
                "*" if !closing => Some("- "),
                "u" | "s" | "size" | "color" | "colour" | "font" | "center" | "left" | "right" | "quote" | "list"
                | "url" | "spoiler" | "indent" | "highlight" | "code" | "*" => Some(""),
                "img" => {
                    skipping_image = !closing;
                    Some("")
                }
                _ => None,
            };
            match replacement {
                Some(r) if !skipping_image || name == "img" => out.push_str(r),
                Some(_) => {}
                None if !skipping_image => out.push_str(&rest[open..=close]),
                None => {}
            }
            rest = &rest[close + 1..];
        }
        if !skipping_image {
            out.push_str(rest);
        }
    }
    Some(out)
}

// ---------------------------------------------------------------- POD

/// The level and text of a POD heading (`=head2 How do I ...?`).
fn pod_heading(line: &str) -> Option<(usize, &str)> {
    let rest = line.strip_prefix("=head")?;
    let level = rest.bytes().next().filter(|b| (b'1'..=b'6').contains(b))?;
    let text = rest[1..].strip_prefix([' ', '\t'])?.trim();
    (!text.is_empty()).then_some((usize::from(level - b'0'), text))
}

/// A POD document (`=head1 NAME` ... `=cut`) as Markdown: headings,
/// `=item` list items, verbatim paragraphs fenced (the blank lines around
/// them become the fences), formatting codes resolved, and the Perl code
/// around the POD dropped.
fn pod_to_markdown(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    // Outside POD (Perl code before the first command or after `=cut`),
    // inside `=begin`..`=end` (another formatter's text), inside a
    // verbatim run; the next paragraph names the document (after
    // `=head1 NAME`) or is an item's text (after a bare `=item *`).
    let (mut in_pod, mut skipping, mut verbatim) = (false, false, false);
    let (mut name_next, mut item_next) = (false, false);
    let mut verbatim_indent = 0;
    // Where the open verbatim run's fence is.
    let mut fence_at = 0;
    // A labelled `=item`'s line and label, until its paragraph comes.
    let mut item_label: Option<(usize, String)> = None;
    for line in text.lines() {
        let blank = line.trim().is_empty();
        let command = line.starts_with('=') && line[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        if verbatim && !blank && !line.starts_with([' ', '\t']) {
            verbatim = false;
            // The first blank line after the run closes it. With none (a
            // malformed page), the run is indented code instead, which
            // needs no closing line: a line added would move every line
            // after it.
            let last_code = out.iter().rposition(|l| !l.trim().is_empty()).unwrap_or(0);
            match out.get_mut(last_code + 1) {
                Some(l) => *l = "```".to_string(),
                None => {
                    for l in &mut out[fence_at..] {
                        *l = if l == "```" { String::new() } else { format!("    {l}") };
                    }
                }
            }
        }
        if command {
            // An item with no paragraph of its own stays where it was.
            if let Some((at, label)) = item_label.take() {
                out[at] = format!("- {label}");
                item_next = false;
            }
            let word = line[1..].split_whitespace().next().unwrap_or("");
            in_pod = word != "cut";
            if skipping {
                skipping = word != "end";
                out.push(String::new());
                continue;
            }
            out.push(match pod_heading(line) {
                Some((1, "NAME")) => {
                    name_next = true;
                    String::new()
                }
                Some((level, heading)) => format!("{} {}", "#".repeat(level), pod_inline(heading)),
                None if word == "item" => {
                    let label = line["=item".len()..].trim();
                    let label = label.trim_start_matches('*').trim_start();
                    let digits = label.bytes().take_while(u8::is_ascii_digit).count();
                    let label = if digits > 0 {
                        label[digits..].trim_start_matches(['.', ')']).trim_start()
                    } else {
                        label
                    };
                    let label = pod_inline(label);
                    // perlfaq's way: `=item How do I ...?` over its answer
                    // asks, as a definition list's term does.
                    if label.ends_with('?') {
                        format!("**{label}**")
                    } else {
                        // The item's paragraph, if one follows, carries
                        // it: `- label: text`.
                        item_next = true;
                        if !label.is_empty() {
                            item_label = Some((out.len(), label));
                        }
                        String::new()
                    }
                }
                None => {
                    skipping = word == "begin";
                    String::new()
                }
            });
            continue;
        }
        if !in_pod || skipping {
            out.push(String::new());
            continue;
        }
        if verbatim || blank {
            out.push(if blank {
                String::new()
            } else {
                dedented(line, verbatim_indent).to_string()
            });
            continue;
        }
        let paragraph_start = out.last().is_none_or(|l| l.trim().is_empty());
        if paragraph_start && line.starts_with([' ', '\t']) {
            verbatim = true;
            // Code reads at the indent of its first line.
            verbatim_indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            let line = dedented(line, verbatim_indent);
            fence_at = out.len().saturating_sub(1);
            match out.last_mut() {
                // The blank line before the paragraph opens the fence.
                Some(l) => {
                    *l = "```".to_string();
                    out.push(line.to_string());
                }
                // Never so: a command opened the POD, and its line is here.
                None => out.push(line.to_string()),
            }
            continue;
        }
        let text = pod_inline(line.trim());
        out.push(if name_next {
            name_next = false;
            format!("# {text}")
        } else if item_next && paragraph_start {
            item_next = false;
            match item_label.take() {
                Some((_, label)) => format!("- {label}: {text}"),
                None => format!("- {text}"),
            }
        } else {
            text
        });
    }
    if verbatim {
        out.push("```".to_string());
    }
    out.join("\n")
}

/// `line` without up to `indent` bytes of leading spaces and tabs.
fn dedented(line: &str, indent: usize) -> &str {
    let n = line
        .bytes()
        .take(indent)
        .take_while(|&b| b == b' ' || b == b'\t')
        .count();
    &line[n..]
}

/// POD's formatting codes (`B<bold>`, `C<< $a <=> $b >>`, `L<text|url>`,
/// `E<gt>`) as Markdown's, or as their text.
fn pod_inline(s: &str) -> String {
    pod_inline_within(s, 0)
}

/// Codes nested deeper than this read as text: real pages nest two or
/// three, and a hostile one must not exhaust the stack.
const MAX_NESTING: usize = 8;

fn pod_inline_within(s: &str, depth: usize) -> String {
    if depth > MAX_NESTING {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((at, code)) = next_pod_code(rest) {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let opens = after.bytes().take_while(|&b| b == b'<').count();
        let (inner, len) = if opens >= 2 && after[opens..].starts_with([' ', '\t']) {
            // `C<< a > b >>`: the code ends at a space and as many `>`.
            let close = " ".to_string() + &">".repeat(opens);
            match after[opens..].find(&close) {
                Some(end) => (after[opens..opens + end].trim(), opens + end + close.len()),
                None => (after[opens..].trim(), after.len()),
            }
        } else {
            // `B<I<x>>`: codes nest.
            let body = &after[1..];
            let mut depth = 0usize;
            let mut end = body.len();
            let bytes = body.as_bytes();
            for (i, &b) in bytes.iter().enumerate() {
                match b {
                    b'<' if i > 0 && b"BCEFILSXZ".contains(&bytes[i - 1]) => depth += 1,
                    b'>' if depth == 0 => {
                        end = i;
                        break;
                    }
                    b'>' => depth -= 1,
                    _ => {}
                }
            }
            (&body[..end], 1 + (end + 1).min(body.len()))
        };
        let inner_md = || pod_inline_within(inner, depth + 1);
        match code {
            b'B' => out.push_str(&format!("**{}**", inner_md())),
            b'I' => out.push_str(&format!("*{}*", inner_md())),
            b'C' => out.push_str(&format!("`{inner}`")),
            b'F' | b'S' => out.push_str(&inner_md()),
            b'L' => {
                let shown = match inner.split_once('|') {
                    Some((text, _)) => text,
                    None => inner.trim_start_matches('/'),
                };
                out.push_str(&pod_inline_within(shown.trim_matches('"'), depth + 1));
            }
            b'E' => out.push_str(&pod_escape(inner)),
            // `X<index entry>` and `Z<>` show nothing.
            _ => {}
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    out
}

/// Where the next formatting code opens in `s`, and its letter: a code
/// letter right before `<`, inside a word too (`E<lt>timeE<gt>`), as
/// POD reads it.
fn next_pod_code(s: &str) -> Option<(usize, u8)> {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'<', &b[from..]).map(|i| from + i) {
        if i > 0 && b"BCEFILSXZ".contains(&b[i - 1]) {
            return Some((i - 1, b[i - 1]));
        }
        from = i + 1;
    }
    None
}

/// The character `E<...>` names.
fn pod_escape(name: &str) -> String {
    let named = match name {
        // Escaped: `E<lt>br/E<gt>` is text, not a tag.
        "lt" => return "\\<".to_string(),
        "gt" => Some('>'),
        "verbar" => Some('|'),
        "sol" => Some('/'),
        _ => None,
    };
    let numbered = || match name.strip_prefix("0x") {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => name.parse::<u32>().ok(),
    };
    match named.or_else(|| numbered().and_then(char::from_u32)) {
        Some(c) => c.to_string(),
        None => html_escape::decode_html_entities(&format!("&{name};")).into_owned(),
    }
}

// ---------------------------------------------------------------- Textile and Jira

/// The level and text of a Textile or Jira heading (`h2. Heading`,
/// `h3(#anchor). Heading`).
fn textile_heading(line: &str) -> Option<(usize, &str)> {
    let rest = line.strip_prefix('h')?;
    let level = rest.bytes().next().filter(|b| (b'1'..=b'6').contains(b))?;
    let mut rest = &rest[1..];
    // Attributes: `(class#id)`, `{style}`, `[lang]`, alignment.
    while let Some(c) = rest.chars().next() {
        let close = match c {
            '(' => ')',
            '{' => '}',
            '[' => ']',
            '<' | '>' | '=' => {
                rest = &rest[1..];
                continue;
            }
            _ => break,
        };
        rest = &rest[rest.find(close)? + 1..];
    }
    let text = rest.strip_prefix(". ")?.trim();
    (!text.is_empty()).then_some((usize::from(level - b'0'), text))
}

/// A page in Textile (Redmine) or Jira wiki markup as Markdown: headings,
/// `#` numbered and `*` bulleted lists, `{code}` and `{noformat}` blocks,
/// `bq.` quotes and inline `*bold*`, `_italic_`, `@code@`, `{{code}}` and
/// links.
fn textile_to_markdown(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut code = false;
    // The number of the next `#` item at each depth.
    let mut numbers: Vec<usize> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        let lower = t.to_ascii_lowercase();
        if (lower.starts_with("{code") || lower.starts_with("{noformat")) && t.ends_with('}') && !t[1..].contains('{') {
            code = !code;
            out.push("```".to_string());
            continue;
        }
        if code {
            out.push(line.to_string());
            continue;
        }
        // A macro alone on its line (`{toc}`, `{info:title=Note}`) shows
        // no text of its own; what it wraps does.
        if t.starts_with('{') && t.ends_with('}') && !t[1..].contains('{') && !t.contains(' ') {
            out.push(String::new());
            continue;
        }
        let hashes = t.bytes().take_while(|&b| b == b'#').count();
        if hashes > 0 && t[hashes..].starts_with(' ') {
            numbers.resize(hashes, 0);
            numbers[hashes - 1] += 1;
            out.push(format!(
                "{}{}. {}",
                "   ".repeat(hashes - 1),
                numbers[hashes - 1],
                textile_inline(t[hashes..].trim())
            ));
            continue;
        }
        numbers.clear();
        let stars = t.bytes().take_while(|&b| b == b'*').count();
        let md = if let Some((level, heading)) = textile_heading(t) {
            format!("{} {}", "#".repeat(level), textile_inline(heading))
        } else if stars > 0 && t[stars..].starts_with(' ') {
            format!("{}- {}", "  ".repeat(stars - 1), textile_inline(t[stars..].trim()))
        } else if let Some(quote) = t.strip_prefix("bq. ") {
            format!("> {}", textile_inline(quote))
        } else if let Some(block) = t.strip_prefix("bc. ") {
            format!("`{}`", block.trim())
        } else {
            textile_inline(t.strip_prefix("p. ").unwrap_or(t))
        };
        out.push(md);
    }
    out.join("\n")
}

/// Textile's and Jira's inline markup as Markdown's.
fn textile_inline(s: &str) -> String {
    textile_inline_within(s, 0)
}

/// How far a span's closing mark is looked for: real spans are short, and
/// looking to the end of a long line for each opening would cost the
/// square of its length.
const MAX_SPAN: usize = 300;

/// The start of `s`, up to `MAX_SPAN` bytes.
fn window(s: &str) -> &str {
    super::prefix_within(s, MAX_SPAN)
}

fn textile_inline_within(s: &str, depth: usize) -> String {
    if depth > MAX_NESTING {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let rest = &s[i + c.len_utf8()..];
        let near = window(rest);
        // `*bold*`, `_italic_`, `@code@`: a marker after a boundary and
        // before a non-space, closed by the same before a boundary.
        if matches!(c, '*' | '_' | '@')
            && boundary(s[..i].chars().next_back())
            && rest.chars().next().is_some_and(|n| !n.is_whitespace() && n != c)
            && let Some(j) = near.char_indices().skip(1).map(|(j, _)| j).find(|&j| {
                near[j..].starts_with(c)
                    && !near[..j].ends_with(char::is_whitespace)
                    && boundary(rest[j + 1..].chars().next())
            })
        {
            let (mark, inner) = match c {
                '*' => ("**", textile_inline_within(&rest[..j], depth + 1)),
                '_' => ("*", textile_inline_within(&rest[..j], depth + 1)),
                _ => ("`", rest[..j].to_string()),
            };
            out.push_str(mark);
            out.push_str(&inner);
            out.push_str(mark);
            i += 1 + j + 1;
            continue;
        }
        // `{{monospace}}` (Jira).
        if c == '{'
            && let Some(body) = near.strip_prefix('{')
            && let Some(end) = body.find("}}")
        {
            out.push('`');
            out.push_str(&body[..end]);
            out.push('`');
            i += 2 + end + 2;
            continue;
        }
        // `[text|url]` (Jira): the text.
        if c == '['
            && let Some(end) = near.find(']')
            && let Some((shown, _)) = near[..end].split_once('|')
        {
            out.push_str(shown);
            i += 1 + end + 1;
            continue;
        }
        // `"text":url` (Textile): the text.
        if c == '"'
            && let Some(end) = near.find("\":")
            && !near[..end].contains('"')
            && rest[end + 2..].starts_with(|n: char| n.is_ascii_alphanumeric() || n == '/')
        {
            out.push_str(&rest[..end]);
            let address = &rest[end + 2..];
            let url = address.find(char::is_whitespace).unwrap_or(address.len());
            // A sentence's full stop after the address is no part of it.
            let url = address[..url].trim_end_matches(['.', ',', ';', ':', '!', '?', ')']);
            i += 1 + end + 2 + url.len();
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

// ---------------------------------------------------------------- LaTeX

/// Sectioning commands, outermost first: their Markdown heading level.
const LATEX_SECTIONS: &[(&str, usize)] = &[
    ("part", 1),
    ("chapter", 2),
    ("section", 2),
    ("subsection", 3),
    ("subsubsection", 4),
    ("paragraph", 5),
    ("subparagraph", 6),
];

/// List environments.
const LATEX_LISTS: &[&str] = &["itemize", "enumerate", "description"];

/// Environments whose lines are code, kept as written.
const LATEX_VERBATIM: &[&str] = &["verbatim", "Verbatim", "lstlisting", "minted", "alltt", "comment"];

/// A command at the start of `line` (`\section*[short]{Long}`): its name,
/// whether it is starred, and the rest after the name.
fn latex_command(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix('\\')?;
    let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    (name_len > 0).then(|| {
        (
            &rest[..name_len],
            rest[name_len..].strip_prefix('*').unwrap_or(&rest[name_len..]),
        )
    })
}

/// The `{...}` argument at the start of `s`, after an optional `[...]`
/// one, when it closes on the same line: its text and what follows it.
fn latex_argument(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_start();
    let s = match s.strip_prefix('[') {
        Some(opt) => &opt[window(opt).find(']')? + 1..],
        None => s,
    };
    let body = s.trim_start().strip_prefix('{')?;
    let close = matching_brace(body)?;
    Some((&body[..close], &body[close + 1..]))
}

/// How far an argument's closing brace is looked for: real arguments on
/// one line are shorter, and each unclosed `{` of a hostile line must not
/// cost a scan to its end.
const MAX_ARGUMENT: usize = 4096;

/// Where the `}` that closes an opened `{` is in `s`, braces escaped with
/// a backslash aside.
fn matching_brace(s: &str) -> Option<usize> {
    let b = &s.as_bytes()[..s.len().min(MAX_ARGUMENT)];
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'{' => depth += 1,
            b'}' if depth == 0 => return Some(i),
            b'}' => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    None
}

/// What a line opening with a backslash says of a LaTeX document.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LatexLine {
    /// `\documentclass`, `\begin{document}`.
    Opens,
    /// `\section{...}` and the like.
    Section,
    /// A command common in a document's body (`\textbf{`, `\item`).
    Body,
    Other,
}

fn latex_line_kind(line: &str) -> LatexLine {
    match latex_command(line) {
        Some(("documentclass", _)) => LatexLine::Opens,
        Some(("begin", rest)) if rest.starts_with("{document}") => LatexLine::Opens,
        Some((name, rest)) if LATEX_SECTIONS.iter().any(|(n, _)| *n == name) => {
            if rest.trim_start().starts_with(['{', '[']) {
                LatexLine::Section
            } else {
                LatexLine::Other
            }
        }
        Some(("item" | "begin" | "end" | "label" | "textbf" | "emph" | "textit" | "noindent" | "question", _)) => {
            LatexLine::Body
        }
        _ => LatexLine::Other,
    }
}

/// A LaTeX document as Markdown: `\title` and the sectioning commands as
/// headings, `itemize`, `enumerate` and `description` lists as lists
/// (`\item[Q?] answer` as a bold question and its answer), verbatim
/// environments fenced, exam-class `\question`s numbered, the common text
/// commands resolved, and the preamble, comments and layout commands
/// dropped.
pub fn latex_to_markdown(text: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    // With no `\begin{document}`, a fragment: all of it is the body.
    let mut in_body = !text.contains("\\begin{document}");
    let mut verbatim: Option<&str> = None;
    // Open lists: (environment, the number of the next item).
    let mut lists: Vec<(&str, usize)> = Vec::new();
    let mut questions = 0;
    let title_at = latex_title_section(text);
    for (at, raw) in text.lines().enumerate() {
        if let Some(env) = verbatim {
            let t = raw.trim();
            if t.strip_prefix("\\end{")
                .and_then(|r| r.strip_prefix(env))
                .is_some_and(|r| r.starts_with('}'))
            {
                verbatim = None;
                out.push("```".to_string());
            } else {
                out.push(raw.to_string());
            }
            continue;
        }
        let line = strip_latex_comment(raw).trim();
        let command = latex_command(line);
        let md = match command {
            Some(("title", rest)) => match latex_argument(rest) {
                Some((title, _)) => format!("# {}", latex_inline(title)),
                None => String::new(),
            },
            _ if !in_body => {
                in_body = matches!(command, Some(("begin", rest)) if rest.starts_with("{document}"));
                String::new()
            }
            Some(("begin", rest)) => match latex_argument(rest) {
                Some(("document", _)) => String::new(),
                Some((env, _)) if LATEX_VERBATIM.contains(&env) => {
                    verbatim = LATEX_VERBATIM.iter().copied().find(|v| *v == env);
                    "```".to_string()
                }
                Some((env, _)) => {
                    if let Some(kind) = LATEX_LISTS.iter().find(|k| **k == env) {
                        lists.push((kind, 1));
                    }
                    String::new()
                }
                None => String::new(),
            },
            Some(("end", rest)) => {
                match latex_argument(rest) {
                    Some(("document", _)) => in_body = false,
                    Some((env, _)) if LATEX_LISTS.contains(&env) => {
                        lists.pop();
                    }
                    _ => {}
                }
                String::new()
            }
            Some(("item", rest)) => {
                let indent = "  ".repeat(lists.len().saturating_sub(1));
                let (label, text) = match rest.trim_start().strip_prefix('[') {
                    Some(opt) => {
                        let close = opt.find(']').unwrap_or(opt.len());
                        (Some(&opt[..close]), opt.get(close + 1..).unwrap_or(""))
                    }
                    None => (None, rest),
                };
                let text = latex_inline(text.trim());
                let label = label.map(latex_inline).filter(|l| !l.is_empty());
                match (lists.last_mut(), label) {
                    (_, Some(label)) => format!("{indent}- **{label}** {text}").trim_end().to_string(),
                    (Some(("enumerate", n)), None) => {
                        *n += 1;
                        format!("{indent}{}. {text}", *n - 1)
                    }
                    _ => format!("{indent}- {text}"),
                }
            }
            Some(("question", rest)) => {
                questions += 1;
                let rest = rest.trim_start();
                let rest = match rest.strip_prefix('[') {
                    Some(opt) => opt.find(']').map_or(rest, |c| &opt[c + 1..]),
                    None => rest,
                };
                format!("{questions}. {}", latex_inline(rest.trim()))
            }
            Some((name, rest)) if LATEX_SECTIONS.iter().any(|(n, _)| *n == name) => {
                let level = LATEX_SECTIONS.iter().find(|(n, _)| *n == name).map_or(2, |(_, l)| *l);
                match latex_argument(rest) {
                    Some((heading, after)) => {
                        let heading = latex_inline(heading);
                        let after = latex_inline(after.trim());
                        // `\paragraph{Q?} The answer ...`: a run-in heading.
                        if title_at == Some(at) {
                            format!("# {heading}")
                        } else if after.is_empty() {
                            format!("{} {heading}", "#".repeat(level))
                        } else {
                            format!("**{heading}** {after}")
                        }
                    }
                    None => latex_inline(line),
                }
            }
            _ => latex_inline(line),
        };
        out.push(md);
    }
    // An environment left open stays code to the end: a closing fence
    // would add a line.
    out.join("\n")
}

/// With no `\title`, the line of a sectioning command that titles the
/// document: the only one at the outermost level used, before any other
/// (`\section*{Course FAQ}` over `\subsection`s).
fn latex_title_section(text: &str) -> Option<usize> {
    let mut sections: Vec<(usize, usize)> = Vec::new();
    for (at, line) in text.lines().enumerate() {
        match latex_command(line.trim_start()) {
            Some(("title", _)) => return None,
            Some((name, _)) => {
                if let Some((_, level)) = LATEX_SECTIONS.iter().find(|(n, _)| *n == name) {
                    sections.push((at, *level));
                }
            }
            None => {}
        }
    }
    let top = sections.iter().map(|s| s.1).min()?;
    let mut outermost = sections.iter().filter(|s| s.1 == top);
    let (first, _) = outermost.next()?;
    (outermost.next().is_none() && sections[0].0 == *first).then_some(*first)
}

/// `line` without its comment: from the first `%` not escaped.
fn strip_latex_comment(line: &str) -> &str {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'%' => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

/// LaTeX's ligatures and specials as the characters they print, longest
/// first.
const LATEX_SPECIALS: &[(&str, &str)] = &[
    ("``", "“"),
    ("`", "‘"),
    ("''", "”"),
    ("---", "—"),
    ("--", "–"),
    ("~", " "),
];

/// Commands whose argument is not shown as text.
const LATEX_HIDDEN: &[&str] = &[
    "label",
    "ref",
    "eqref",
    "pageref",
    "cite",
    "citep",
    "citet",
    "footnote",
    "index",
    "vspace",
    "hspace",
    "includegraphics",
    "caption",
    "usepackage",
    "documentclass",
    "author",
    "date",
    "thanks",
    "newcommand",
    "renewcommand",
    "setlength",
    "bibliography",
    "bibliographystyle",
    "hypersetup",
];

/// LaTeX's text commands and special characters as Markdown and text.
fn latex_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    latex_inline_into(s, 0, &mut out);
    // Runs of spaces left by dropped commands.
    let mut tidy = String::with_capacity(out.len());
    for word in out.split(' ').filter(|w| !w.is_empty()) {
        if !tidy.is_empty() {
            tidy.push(' ');
        }
        tidy.push_str(word);
    }
    tidy
}

fn latex_inline_into(s: &str, depth: usize, out: &mut String) {
    if depth > MAX_NESTING {
        out.push_str(s);
        return;
    }
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let rest = &s[i + c.len_utf8()..];
        if let Some((from, to)) = LATEX_SPECIALS.iter().find(|(from, _)| s[i..].starts_with(from)) {
            out.push_str(to);
            i += from.len();
            continue;
        }
        match c {
            '\\' => {
                let name_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
                if name_len == 0 {
                    // `\%`, `\&`, `\\`, `\,`: a character or a space.
                    match rest.chars().next() {
                        Some(e @ ('%' | '&' | '$' | '#' | '_' | '{' | '}')) => {
                            out.push(e);
                            i += 1 + e.len_utf8();
                        }
                        Some(e) => {
                            out.push(' ');
                            i += 1 + e.len_utf8();
                        }
                        None => i += 1,
                    }
                    continue;
                }
                let name = &rest[..name_len];
                let after = rest[name_len..].strip_prefix('*').unwrap_or(&rest[name_len..]);
                // `\verb|x|`, `\lstinline|x|`: code up to the same delimiter.
                if matches!(name, "verb" | "lstinline")
                    && let Some(d) = after.chars().next().filter(|d| !d.is_alphanumeric() && *d != ' ')
                {
                    let body = &after[d.len_utf8()..];
                    let close = if d == '{' { '}' } else { d };
                    let end = window(body).find(close).unwrap_or(body.len());
                    out.push('`');
                    out.push_str(&body[..end]);
                    out.push('`');
                    i = s.len() - body[(end + close.len_utf8()).min(body.len())..].len();
                    continue;
                }
                let mut args: Vec<&str> = Vec::new();
                let mut tail = after;
                while args.len() < 2
                    && let Some((arg, next)) = latex_argument(tail)
                {
                    args.push(arg);
                    tail = next;
                }
                i = s.len() - tail.len();
                let inner = |arg: &str, out: &mut String| latex_inline_into(arg, depth + 1, out);
                match (name, args.as_slice()) {
                    ("textbf", [arg, ..]) => {
                        out.push_str("**");
                        inner(arg, out);
                        out.push_str("**");
                    }
                    ("emph" | "textit" | "textsl" | "underline", [arg, ..]) => {
                        out.push('*');
                        inner(arg, out);
                        out.push('*');
                    }
                    ("texttt" | "code" | "path" | "file" | "cmd" | "url" | "nolinkurl", [arg, ..]) => {
                        out.push('`');
                        out.push_str(&latex_unescape(arg));
                        out.push('`');
                    }
                    ("href", [_, text]) => inner(text, out),
                    (hidden, _) if LATEX_HIDDEN.contains(&hidden) => {
                        // `et al.~\cite{x}.`: no space, nor a second full
                        // stop, where the citation was.
                        if s[i..].starts_with(['.', ',', ';', ':', ')', '?', '!']) && out.ends_with(' ') {
                            out.pop();
                        }
                        if s[i..].starts_with('.') && out.trim_end_matches('*').ends_with('.') {
                            i += 1;
                        }
                    }
                    ("ldots" | "dots" | "textellipsis", _) => out.push('…'),
                    ("LaTeX", _) => out.push_str("LaTeX"),
                    ("TeX", _) => out.push_str("TeX"),
                    ("textendash", _) => out.push('–'),
                    ("textdegree", _) => out.push('°'),
                    ("textemdash", _) => out.push('—'),
                    (_, [.., last]) => inner(last, out),
                    // A command with no argument changes layout: dropped.
                    (_, []) => {}
                }
                // The space that ends a command's name is no space in
                // the text (`\noindent Read`, `10\,\textdegree C`).
                if args.is_empty() && s[i..].starts_with(' ') {
                    i += 1;
                }
            }
            '{' | '}' | '$' => i += 1,
            _ => {
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
}

/// Code's text: escaped characters as themselves, nothing else changed.
fn latex_unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&e) = chars.peek()
            && matches!(e, '%' | '&' | '$' | '#' | '_' | '{' | '}')
        {
            out.push(e);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}
