//! HTML articles: converted to Markdown so that one parser serves every
//! format. The only importer of htmd. Definition terms (`<dt>`) and
//! `<summary>` become bold lines, the form the parser knows as questions;
//! `<title>` becomes the title heading. A page's schema.org `FAQPage` data
//! (JSON-LD) can be read as questions too, for pages whose visible FAQ is
//! drawn by scripts.
//!
//! Pure: text in, text out.

use std::sync::{Arc, OnceLock};

use htmd::{Element, HtmlToMarkdown, element_handler::Handlers};

#[derive(Debug, thiserror::Error)]
#[error("cannot read HTML: {0}")]
pub struct HtmlError(#[from] std::io::Error);

/// Whether the text is HTML rather than Markdown or plain text.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(256).collect::<String>().to_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || (head.starts_with('<') && head.contains("<body"))
}

pub fn to_markdown(html: &str) -> Result<String, HtmlError> {
    // The `<title>` as written, kept to choose the deck title once the
    // page's `<h1>` is known.
    let title = Arc::new(OnceLock::new());
    let title_seen = Arc::clone(&title);
    let text_of = |h: &dyn Handlers, e: &Element| {
        h.walk_children(e.node)
            .content
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let converter = HtmlToMarkdown::builder()
        .skip_tags(vec![
            "script", "style", "nav", "footer", "noscript", "template", "svg", "form",
        ])
        // Accordion FAQs put each question in the button that opens its
        // answer; other buttons ("Menu", "Accept") are page furniture.
        .add_handler(vec!["button"], move |h: &dyn Handlers, e: Element| {
            let t = text_of(h, &e);
            Some(if opens_a_panel(&e, &t) { t } else { String::new() }.into())
        })
        // Site furniture drawn in plain `<div>`s rather than `<footer>` or
        // `<nav>`: "Powered by ...", breadcrumbs, "Created by ..., last
        // modified on ...".
        .add_handler(vec!["div", "section", "aside"], |h: &dyn Handlers, e: Element| {
            if is_furniture_block(&e) {
                return Some(String::new().into());
            }
            // `<div class="faq-title">`: a plain block its page names as a
            // question is an entry heading, as a term is. Converted once,
            // as nested blocks would otherwise be walked again and again.
            let question = e.tag == "div" && names_a_question(&e);
            let converted = h.fallback(e)?;
            if question {
                let t = converted.content.split_whitespace().collect::<Vec<_>>().join(" ");
                if !t.is_empty() && t.len() <= 300 {
                    return Some(format!("\n\n###### {t}\n\n").into());
                }
            }
            Some(converted)
        })
        // htmd fences `<pre><code>` only; a bare `<pre>` (Sphinx's
        // highlighted samples, hand-written pages) would read as prose.
        .add_handler(vec!["pre"], |h: &dyn Handlers, e: Element| {
            let converted = h.fallback(e)?;
            let text = converted.content.trim_matches('\n');
            if text.starts_with("```")
                || text.starts_with("~~~")
                || text.trim().is_empty()
                || is_preformatted_page(text)
            {
                return Some(converted);
            }
            let fence = "`".repeat(longest_run(text, '`').max(2) + 1);
            Some(format!("\n\n{fence}\n{text}\n{fence}\n\n").into())
        })
        // A heading's permalink ("¶", "#") is no part of the heading, and a
        // footnote's mark ("[1]") no part of the sentence.
        .add_handler(vec!["a"], |h: &dyn Handlers, e: Element| {
            if is_footnote_mark(&e) {
                Some(FOOTNOTE_MARK.to_string().into())
            } else if is_permalink(h, &e) {
                Some(String::new().into())
            } else {
                let converted = h.fallback(e)?;
                Some(match heading_in_link(&converted.content) {
                    Some(heading) => format!("\n\n{heading}\n\n").into(),
                    None => converted,
                })
            }
        })
        // A raised arrow marks a link that opens elsewhere ("page ↗"), a
        // raised dagger a footnote: neither is read.
        .add_handler(vec!["sup"], |h: &dyn Handlers, e: Element| {
            let converted = h.fallback(e)?;
            if matches!(converted.content.trim(), "↗" | "⧉" | "†" | "‡") {
                Some(FOOTNOTE_MARK.to_string().into())
            } else {
                Some(converted)
            }
        })
        .add_handler(vec!["title"], move |h: &dyn Handlers, e: Element| {
            let t = text_of(h, &e);
            let _ = title_seen.set(t.clone());
            Some(
                if t.is_empty() {
                    String::new()
                } else {
                    format!("\n\n# {t}\n\n")
                }
                .into(),
            )
        })
        // A term is an entry heading: one that states rather than asks
        // ("My files show as binary.") is still an entry when its list
        // asks elsewhere, as a heading is at the level of questions. A term
        // that only links into the page is a contents entry (DocBook's).
        .add_handler(vec!["dt", "summary"], move |h: &dyn Handlers, e: Element| {
            let t = text_of(h, &e);
            Some(
                if t.is_empty() {
                    String::new()
                } else if e.tag == "dt" && !is_contents_entry(&t) {
                    format!("\n\n###### {t}\n\n")
                } else {
                    format!("\n\n**{t}**\n\n")
                }
                .into(),
            )
        })
        // A heading that is wholly a link to itself, as Asciidoctor writes
        // them (`<h2 id="x"><a class="link" href="#x">1. Q</a></h2>`), is
        // its text: the link is there to be copied.
        .add_handler(
            vec!["h1", "h2", "h3", "h4", "h5", "h6"],
            |h: &dyn Handlers, e: Element| {
                let id = e
                    .attrs
                    .iter()
                    .find(|a| &*a.name.local == "id")
                    .map(|a| a.value.to_string());
                let converted = h.fallback(e)?;
                let Some(id) = id else {
                    return Some(converted);
                };
                let md = converted.content.trim();
                let hashes = md.len() - md.trim_start_matches('#').len();
                let text = md[hashes..]
                    .trim()
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(&format!("](#{id})")))
                    .filter(|t| !t.contains("](") && !t.trim().is_empty());
                Some(match text {
                    Some(text) => format!("\n\n{} {}\n\n", &md[..hashes], text.trim()).into(),
                    None => converted,
                })
            },
        )
        // Bold around a code block (`<b><pre>`) would wrap its fences in
        // `**`, where they fence nothing: the code stays code unbolded.
        // Converted once: walking the children again here would double
        // the work at each level of nested bold.
        .add_handler(vec!["b", "strong"], |h: &dyn Handlers, e: Element| {
            let converted = h.fallback(e)?;
            let md = converted.content.trim();
            match md.strip_prefix("**").and_then(|m| m.strip_suffix("**")) {
                Some(inner) if inner.lines().any(|l| l.trim_start().starts_with("```")) => {
                    Some(format!("\n\n{}\n\n", inner.trim_matches('\n')).into())
                }
                _ => Some(converted),
            }
        })
        .add_handler(vec!["dd"], |h: &dyn Handlers, e: Element| {
            Some(format!("\n\n{}\n\n", h.walk_children(e.node).content.trim()).into())
        })
        .build();
    let mut md = converter.convert(html)?;
    if md.contains(FOOTNOTE_MARK) {
        md = without_footnote_marks(&md);
    }
    Ok(match title.get() {
        Some(full) => retitle(md, full),
        None => md,
    })
}

/// The questions and answers of a page's schema.org `FAQPage` data (the
/// JSON-LD search engines read), as `## question` sections of Markdown;
/// `None` when the page has none.
pub fn faq_from_json_ld(html: &str) -> Option<String> {
    // ASCII lowercasing keeps byte offsets.
    let lower = html.to_ascii_lowercase();
    let mut out = String::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("application/ld+json") {
        let start = from + at;
        let Some(body) = lower[start..].find('>').map(|e| start + e + 1) else {
            break;
        };
        let Some(end) = lower[body..].find("</script").map(|e| body + e) else {
            break;
        };
        from = end;
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(&html[body..end]) {
            questions_in(&value, &mut out);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Appends each `Question` with an accepted answer found anywhere in `v`,
/// in document order (arrays keep theirs).
fn questions_in(v: &serde_json::Value, out: &mut String) {
    use serde_json::Value;
    match v {
        Value::Array(items) => items.iter().for_each(|item| questions_in(item, out)),
        Value::Object(map) => {
            let question = match map.get("@type") {
                Some(Value::String(t)) => t == "Question",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "Question"),
                _ => false,
            };
            if !question {
                map.values().for_each(|item| questions_in(item, out));
                return;
            }
            let answer = match map.get("acceptedAnswer") {
                Some(Value::Array(answers)) => answers.first(),
                other => other,
            };
            let name = map
                .get("name")
                .and_then(Value::as_str)
                .map(|q| q.split_whitespace().collect::<Vec<_>>().join(" "));
            let text = answer.and_then(|a| a.get("text")).and_then(Value::as_str);
            if let (Some(name), Some(text)) = (name.filter(|q| !q.is_empty()), text) {
                // Answers are HTML more often than not.
                let text = to_markdown(text).unwrap_or_else(|_| text.to_string());
                out.push_str(&format!("## {name}\n\n{}\n\n", text.trim()));
            }
        }
        _ => {}
    }
}

/// Settles the title heading `# <title>` (the first heading; `<head>` comes
/// first): a title that names the site as well ("Harbor Bikes | Support")
/// gives way to the page's own `<h1>`, or without one loses the site name.
fn retitle(mut md: String, full: &str) -> String {
    let page = page_title(full);
    // The first two `# ` lines: (byte range of the text, the text).
    let mut heads: Vec<(std::ops::Range<usize>, &str)> = Vec::new();
    let mut offset = 0;
    for l in md.split_inclusive('\n') {
        if let Some(t) = l.trim_end_matches(['\n', '\r']).strip_prefix("# ") {
            heads.push((offset + 2..offset + 2 + t.len(), t.trim()));
            if heads.len() == 2 {
                break;
            }
        }
        offset += l.len();
    }
    let Some((at, _)) = heads.first().cloned() else {
        return md;
    };
    let h1 = heads.get(1).map(|(_, h1)| *h1);
    // With a plain hyphen, only the `<h1>` tells which part is the page's.
    let hyphenated = h1.is_some_and(|h1| full.split(" - ").any(|part| part.trim().eq_ignore_ascii_case(h1)));
    if page == full && !hyphenated {
        return md;
    }
    // "Frequently asked questions" names no page: "FAQ | Northgate
    // Swimming Pool" says whose they are.
    let chosen = match h1.unwrap_or(page) {
        own if crate::article::only_announces_questions(own) => full,
        own => own,
    }
    .to_string();
    md.replace_range(at, &chosen);
    md
}

/// A `<title>` without the site's name after it ("Shipping FAQ | Acme"):
/// a bar or a spaced dash sets the name off. A plain hyphen is left alone,
/// being as likely part of the title.
fn page_title(title: &str) -> &str {
    [" | ", " – ", " — "]
        .iter()
        .filter_map(|sep| title.rfind(sep))
        .max()
        .map(|at| title[..at].trim())
        .filter(|page| !page.is_empty())
        .unwrap_or(title)
}

/// A block a site names as its footer, sidebar, breadcrumbs, page
/// metadata, cookie notice or help popup by its `id` or one of its
/// classes.
fn is_furniture_block(e: &Element) -> bool {
    const NAMES: &[&str] = &[
        "footer",
        "site-footer",
        "page-footer",
        "global-footer",
        "sidebar",
        "breadcrumb",
        "breadcrumbs",
        "breadcrumb-section",
        "page-metadata",
        "cookie-banner",
        "cookie-consent",
        "cookie-notice",
        // Sphinx's classic theme.
        "sphinxsidebar",
        // mdBook's keyboard help, hidden until asked for.
        "mdbook-help-container",
    ];
    e.attrs.iter().any(|a| match &*a.name.local {
        "id" | "class" => a.value.split_whitespace().any(|token| NAMES.contains(&token)),
        // The ARIA landmarks a page's own text never is.
        "role" => matches!(
            &*a.value,
            "navigation" | "contentinfo" | "banner" | "complementary" | "search"
        ),
        _ => false,
    })
}

/// A block whose class says it holds an FAQ entry's question.
fn names_a_question(e: &Element) -> bool {
    const CLASSES: &[&str] = &[
        "question",
        "faq-title",
        "faq-question",
        "faq_question",
        "faqquestion",
        "faq-q",
        "question-title",
    ];
    e.attrs
        .iter()
        .any(|a| &*a.name.local == "class" && a.value.split_whitespace().any(|c| CLASSES.contains(&c)))
}

/// Converted text that is only a link into the page, after at most a
/// number: `3\. [Valgrind aborts](faq.html#faq.abort)`.
fn is_contents_entry(md: &str) -> bool {
    let t = md.trim();
    let t = match t.split_once(' ') {
        Some((number, rest)) if number.starts_with(|c: char| c.is_ascii_digit()) => rest.trim_start(),
        _ => t,
    };
    t.starts_with('[') && t.ends_with(')') && t.rsplit_once("](").is_some_and(|(_, target)| target.contains('#'))
}

/// A whole FAQ kept as preformatted text (a text file served as a page)
/// rather than a sample: three or more lines that ask.
fn is_preformatted_page(text: &str) -> bool {
    text.lines().filter(|l| l.trim_end().ends_with('?')).nth(2).is_some()
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// A link to the heading it stands in, which site generators add for
/// readers to copy: Sphinx's and MkDocs' `headerlink`, markdown-it's
/// `header-anchor`, Docusaurus' `hash-link`, any in-page link that is
/// only a mark, and one hidden from screen readers (texi2any's "TOC" back
/// to the contents, `aria-hidden="true"`).
fn is_permalink(h: &dyn Handlers, e: &Element) -> bool {
    const CLASSES: &[&str] = &[
        "headerlink",
        "header-anchor",
        "heading-anchor",
        "anchor-link",
        "anchorjs-link",
        "hash-link",
    ];
    let (mut in_page, mut hidden) = (false, false);
    for a in e.attrs {
        match &*a.name.local {
            "class" if a.value.split_whitespace().any(|c| CLASSES.contains(&c)) => return true,
            "href" => in_page = a.value.starts_with('#'),
            "aria-hidden" => hidden = &*a.value == "true",
            _ => {}
        }
    }
    in_page && (hidden || matches!(h.walk_children(e.node).content.trim(), "¶" | "#" | "§" | "🔗" | ""))
}

/// The heading a link wraps whole (`<a href="#toc"><h3>1.1 Q?</h3></a>`,
/// as old pages link each question back to the contents): a heading, not
/// a link.
fn heading_in_link(md: &str) -> Option<&str> {
    let inner = md.trim().strip_prefix('[')?.strip_suffix(')')?;
    let (text, href) = inner.rsplit_once("](")?;
    let text = text.trim();
    let hashes = text.len() - text.trim_start_matches('#').len();
    ((1..=6).contains(&hashes) && text[hashes..].starts_with(' ') && !href.contains(char::is_whitespace))
        .then_some(text)
}

/// Stands where a footnote's mark was, until the space before it goes too.
const FOOTNOTE_MARK: char = '\u{FFFF}';

/// `md` without the places of footnote marks, and without the space a mark
/// stood after when punctuation or another space follows ("`config.fish`
/// [1], creating" as "`config.fish`, creating").
fn without_footnote_marks(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    let mut parts = md.split(FOOTNOTE_MARK).peekable();
    while let Some(part) = parts.next() {
        out.push_str(part);
        let Some(next) = parts.peek() else { break };
        if next.starts_with([',', '.', ';', ':', ')', ']', '!', '?']) {
            let kept = out.trim_end_matches(' ').len();
            out.truncate(kept);
        } else if next.starts_with(' ') && out.ends_with(' ') {
            out.pop();
        }
    }
    out
}

/// A link to a footnote (`role="doc-noteref"`, Sphinx's and Pandoc's
/// `footnote-reference`/`footnote-ref`).
fn is_footnote_mark(e: &Element) -> bool {
    e.attrs.iter().any(|a| match &*a.name.local {
        "role" => &*a.value == "doc-noteref",
        "class" => a
            .value
            .split_whitespace()
            .any(|c| c == "footnote-reference" || c == "footnote-ref"),
        _ => false,
    })
}

/// Whether a button shows or hides a panel (ARIA disclosure attributes,
/// a collapse toggle, an accordion or FAQ class) or asks a question.
fn opens_a_panel(e: &Element, text: &str) -> bool {
    text.ends_with('?')
        || e.attrs.iter().any(|a| {
            let (name, value) = (&*a.name.local, &*a.value);
            matches!(name, "aria-expanded" | "aria-controls")
                || (matches!(name, "data-toggle" | "data-bs-toggle") && value == "collapse")
                || (name == "class"
                    && ["accordion", "faq", "question", "toggle", "collapsible"]
                        .iter()
                        .any(|c| value.contains(c)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faq_structured_data_gives_the_questions() {
        let html = r#"<html><head><title>Ferry</title>
<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
 {"@type":"Question","name":"Can I bring a car?","acceptedAnswer":{"@type":"Answer","text":"<p>Yes, up to <b>5 m</b> long.</p>"}},
 {"@type":"Question","name":"Are  dogs allowed?","acceptedAnswer":[{"@type":"Answer","text":"On deck only."}]},
 {"@type":"Question","name":"No answer here"}]}</script>
<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Question"],"name":"Is there a cafe?","acceptedAnswer":{"text":"Until 8 pm."}}]}</script>
<script type="application/ld+json">not json</script>
</head><body><div id="app"></div></body></html>"#;
        assert_eq!(
            faq_from_json_ld(html).as_deref(),
            Some(
                "## Can I bring a car?\n\nYes, up to **5 m** long.\n\n## Are dogs allowed?\n\nOn deck only.\n\n## Is there a cafe?\n\nUntil 8 pm.\n\n"
            )
        );
        assert_eq!(faq_from_json_ld("<html><body><p>No data.</p></body></html>"), None);
    }

    #[test]
    fn page_titles_lose_the_site_name() {
        assert_eq!(page_title("Shipping FAQ | Bramble & Oak"), "Shipping FAQ");
        assert_eq!(page_title("Help – Returns — Acme Ltd"), "Help – Returns");
        assert_eq!(
            page_title("Wi-Fi - Frequently asked questions"),
            "Wi-Fi - Frequently asked questions"
        );
        assert_eq!(page_title("| Acme"), "| Acme");
        let md = to_markdown("<html><head><title>Tea FAQ | The Tea Room</title></head><body><p>x</p></body></html>")
            .unwrap();
        assert!(md.starts_with("# Tea FAQ\n"), "{md}");
        // The page's own heading is the better title when there is one.
        let md = to_markdown("<html><head><title>Harbor Bikes | Support</title></head><body><h1>Harbor Bikes Support</h1><p>x</p></body></html>").unwrap();
        assert!(md.starts_with("# Harbor Bikes Support\n"), "{md}");
        let md = to_markdown(
            "<html><head><title>Bee Basics - Hill Apiary</title></head><body><h1>Bee Basics</h1><p>x</p></body></html>",
        )
        .unwrap();
        assert!(md.starts_with("# Bee Basics\n"), "{md}");
        let md =
            to_markdown("<html><head><title>Tea FAQ</title></head><body><h1>Tea</h1><p>x</p></body></html>").unwrap();
        assert!(md.starts_with("# Tea FAQ\n"), "{md}");
        // A heading that only says "FAQ" gives way to the title naming whose.
        let md = to_markdown("<html><head><title>FAQ | Northgate Pool</title></head><body><h1>Frequently asked questions</h1><p>x</p></body></html>").unwrap();
        assert!(md.starts_with("# FAQ | Northgate Pool\n"), "{md}");
        let md = to_markdown(
            "<html><head><title>Help | Corner Bakery</title></head><body><h1>Help</h1><p>x</p></body></html>",
        )
        .unwrap();
        assert!(md.starts_with("# Help | Corner Bakery\n"), "{md}");
    }

    #[test]
    fn a_heading_linked_to_itself_is_its_text() {
        let html = "<html><body><h2 id=\"_slow\"><a class=\"link\" href=\"#_slow\">1. The kiln is slow</a></h2><p>Check the elements.</p><h3 id=\"b\"><a href=\"#c\">Another place</a></h3><p>x</p></body></html>";
        let md = to_markdown(html).unwrap();
        assert!(md.contains("## 1\\. The kiln is slow\n"), "{md}");
        // A link to somewhere else in the page stays a link.
        assert!(md.contains("### [Another place](#c)\n"), "{md}");
    }

    #[test]
    fn code_set_in_bold_stays_fenced_code() {
        let html = "<html><body><h2>How do I build it?</h2><blockquote><b><pre>make distclean\nmake</pre></b></blockquote><p>Then <b>install</b> it.</p><h2>Is it fast?</h2><p>Yes.</p></body></html>";
        let md = to_markdown(html).unwrap();
        assert!(!md.contains("**```") && !md.contains("```**"), "{md}");
        assert!(md.contains("**install**"), "{md}");
        let a = crate::article::parse(&md, crate::article::Format::Markdown);
        let questions: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
        assert_eq!(questions, ["How do I build it?", "Is it fast?"]);
    }

    #[test]
    fn deeply_nested_bold_and_question_blocks_convert_whole() {
        // Each level is converted once: walked twice, thirty levels would
        // take a billion walks.
        let html = format!(
            "<html><body>{}deep{}<p>after</p>{}<p>Is it nested?</p>{}</body></html>",
            "<b>x ".repeat(30),
            "</b>".repeat(30),
            "<div class=\"question\">".repeat(30),
            "</div>".repeat(30)
        );
        let md = to_markdown(&html).unwrap();
        assert!(md.contains("deep") && md.contains("after"), "{md}");
        assert!(md.contains("###### Is it nested?"), "{md}");
    }

    #[test]
    fn a_block_classed_as_a_question_is_an_entry_heading() {
        let html = "<html><body><div class=\"faq-title\" id=\"a\">I'd like prices in euros.</div><div class=\"faq-body\"><p>Switch the currency in the settings.</p></div><div class=\"question answer\"><p>A whole entry in one block is too long to be a heading: it holds the question, then a long answer that goes on well past what any question would say, over several sentences and more than three hundred characters, so that it reads as the body it is. It mentions settings, currencies, prices, rounding, invoices, and receipts.</p></div></body></html>";
        let md = to_markdown(html).unwrap();
        assert!(md.contains("###### I'd like prices in euros.\n"), "{md}");
        assert!(!md.contains("###### A whole entry"), "{md}");
        assert!(md.contains("Switch the currency in the settings."), "{md}");
    }

    #[test]
    fn headings_and_definitions_become_markdown() {
        let md = to_markdown("<html><head><title>Tea FAQ</title></head><body><h2>1. What is tea?</h2><p>A drink.</p><dl><dt>Is it hot?</dt><dd>Usually.</dd></dl></body></html>").unwrap();
        assert!(md.contains("# Tea FAQ"), "{md}");
        assert!(
            md.contains("## 1\\. What is tea?") || md.contains("## 1. What is tea?"),
            "{md}"
        );
        assert!(md.contains("###### Is it hot?"), "{md}");
        assert!(md.contains("Usually."), "{md}");
        // A contents entry that only links into the page stays bold.
        let md = to_markdown("<html><body><dl><dt>3. <a href=\"faq.html#abort\">Tea goes cold</a></dt><dd>3.1. <a href=\"#cold\">Why?</a></dd></dl></body></html>").unwrap();
        assert!(md.contains("**3\\. [Tea goes cold](faq.html#abort)**"), "{md}");
    }

    #[test]
    fn a_definition_list_faq_asks_its_stated_terms_too() {
        let html = "<html><head><title>Tea FAQ</title></head><body><h2>Brewing</h2><dl><dt>How long should green tea steep?</dt><dd><p>Two minutes at most.</p></dd><dt>My tea tastes bitter.</dt><dd><p>The water was too hot; let it cool to 80 degrees.</p></dd><dt>Can I brew it twice?</dt><dd><p>Yes, add a minute the second time.</p></dd></dl></body></html>";
        let md = to_markdown(html).unwrap();
        let a = crate::article::parse(&md, crate::article::Format::Markdown);
        let questions: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
        assert_eq!(
            questions,
            [
                "How long should green tea steep?",
                "My tea tastes bitter.",
                "Can I brew it twice?"
            ]
        );
    }

    #[test]
    fn accordion_buttons_keep_their_question_other_buttons_go() {
        let md = to_markdown(
            "<html><body><button>Menu</button><h2><button class=\"accordion-button\" aria-expanded=\"true\">Can I freeze my plan</button></h2><div>Yes, for three months.</div><button type=\"button\">Is there a fee?</button><div>No.</div></body></html>",
        )
        .unwrap();
        assert!(md.contains("## Can I freeze my plan"), "{md}");
        assert!(md.contains("Is there a fee?"), "{md}");
        assert!(!md.contains("Menu"), "{md}");
    }

    #[test]
    fn footers_sidebars_and_breadcrumbs_in_plain_divs_go_their_content_stays() {
        let md = to_markdown(
            "<html><body><div id=\"breadcrumb-section\"><a>Dashboard</a> / <a>People</a></div><div class=\"page-metadata\">Created by Mira, last modified on Oct 02</div><div id=\"main-content\" class=\"wiki-content\"><h2>When are payslips out?</h2><div class=\"expand-content\"><p>On the last working day.</p></div></div><aside class=\"sidebar\">Popular pages</aside><section class=\"site-footer footer-dark\">Powered by Confluence</section><div class=\"card-footer-note\">Kept.</div><div id=\"mdbook-help-container\"><h2>Keyboard shortcuts</h2></div></body></html>",
        )
        .unwrap();
        assert!(md.contains("## When are payslips out?"), "{md}");
        assert!(md.contains("On the last working day."), "{md}");
        assert!(md.contains("Kept."), "{md}");
        for gone in [
            "Dashboard",
            "Created by",
            "Popular pages",
            "Powered by",
            "Keyboard shortcuts",
        ] {
            assert!(!md.contains(gone), "{gone}: {md}");
        }
    }

    #[test]
    fn permalinks_and_landmarks_go() {
        let md = to_markdown(
            "<html><body><div role=\"navigation\"><h3>Navigation</h3><a href=\"i.html\">index</a></div><h2><a class=\"toc-backref\" href=\"#id1\">Why is it slow?</a><a class=\"headerlink\" href=\"#why\" title=\"Permalink\">¶</a></h2><p>It <a href=\"#cache\">caches</a> nothing.</p><h2>Is it safe?<a href=\"#safe\">#</a></h2><h2>Can I pay?<a class=\"header-anchor\" href=\"#pay\">§</a></h2><h2>Do you ship?<span><a class=\"anchor\" href=\"#toc-ship\" aria-hidden=\"true\">TOC</a></span></h2><p>Yes, by post <a class=\"footnote-reference brackets\" href=\"#f1\" role=\"doc-noteref\"><span>[</span>1<span>]</span></a>, or <a role=\"doc-noteref\" href=\"#f2\">2</a> courier.</p><div class=\"sphinxsidebar\">This Page</div><div role=\"contentinfo\">Built with care</div></body></html>",
        )
        .unwrap();
        for heading in [
            "## [Why is it slow?](#id1)",
            "## Is it safe?",
            "## Can I pay?",
            "## Do you ship?",
        ] {
            assert!(md.lines().any(|l| l == heading), "{heading}: {md}");
        }
        assert!(md.contains("[caches](#cache)"), "{md}");
        assert!(md.contains("Yes, by post, or courier."), "{md}");
        for gone in ["¶", "§", "Navigation", "index", "This Page", "Built with", "TOC"] {
            assert!(!md.contains(gone), "{gone}: {md}");
        }
    }

    #[test]
    fn raised_link_and_footnote_marks_go() {
        let md = to_markdown(
            "<html><body><h2>Where is it?</h2><p>See the <a href=\"https://example.org/map\" target=\"_blank\">map <sup>↗</sup></a> first. Kilns run hot<sup>†</sup>. Ca<sup>2+</sup> stays.</p></body></html>",
        )
        .unwrap();
        assert!(md.contains("See the [map](https://example.org/map) first."), "{md}");
        assert!(md.contains("Kilns run hot."), "{md}");
        assert!(md.contains("Ca2+ stays."), "{md}");
    }

    #[test]
    fn preformatted_samples_are_code() {
        let md = to_markdown(
            "<html><body><p>Run:</p><pre><span class=\"gp\">$ </span>kiln <span>fire</span>\nkiln cool</pre><pre><code>a = 1</code></pre><pre>uses ``` inside</pre></body></html>",
        )
        .unwrap();
        assert!(md.contains("```\n$ kiln fire\nkiln cool\n```"), "{md}");
        assert!(md.contains("```\na = 1\n```") && !md.contains("```\n```"), "{md}");
        assert!(md.contains("````\nuses ``` inside\n````"), "{md}");
        // A whole FAQ kept in one `<pre>` is the page, not a sample.
        let md = to_markdown(
            "<html><body><pre>Kiln FAQ\n\n1. How hot?\nVery.\n\n2. How long?\nA day.\n\n3. How much?\nTen pounds.</pre></body></html>",
        )
        .unwrap();
        assert!(!md.contains("```"), "{md}");
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(!looks_like_html("# Markdown\n<br>"));
    }
}
