//! HTML articles: converted to Markdown so that one parser serves every
//! format. The only importer of htmd. Definition terms (`<dt>`) and
//! `<summary>` become bold lines, the form the parser knows as questions;
//! `<title>` becomes the title heading.
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
        .add_handler(vec!["dt", "summary"], move |h: &dyn Handlers, e: Element| {
            let t = text_of(h, &e);
            Some(
                if t.is_empty() {
                    String::new()
                } else {
                    format!("\n\n**{t}**\n\n")
                }
                .into(),
            )
        })
        .add_handler(vec!["dd"], |h: &dyn Handlers, e: Element| {
            Some(format!("\n\n{}\n\n", h.walk_children(e.node).content.trim()).into())
        })
        .build();
    let md = converter.convert(html)?;
    Ok(match title.get() {
        Some(full) => retitle(md, full),
        None => md,
    })
}

/// Settles the title heading `# <title>` (the first heading; `<head>` comes
/// first): a title that names the site as well ("Harbor Bikes | Support")
/// gives way to the page's own `<h1>`, or without one loses the site name.
fn retitle(md: String, full: &str) -> String {
    let page = page_title(full);
    let mut headings = md
        .lines()
        .enumerate()
        .filter_map(|(i, l)| l.strip_prefix("# ").map(|t| (i, t)));
    let Some((at, _)) = headings.next() else {
        return md;
    };
    let h1 = headings.next().map(|(_, h1)| h1.trim());
    // With a plain hyphen, only the `<h1>` tells which part is the page's.
    let hyphenated = h1.is_some_and(|h1| full.split(" - ").any(|part| part.trim().eq_ignore_ascii_case(h1)));
    if page == full && !hyphenated {
        return md;
    }
    let chosen = h1.unwrap_or(page);
    md.lines()
        .enumerate()
        .map(|(i, l)| if i == at { format!("# {chosen}") } else { l.to_string() })
        .collect::<Vec<_>>()
        .join("\n")
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
    }

    #[test]
    fn headings_and_definitions_become_markdown() {
        let md = to_markdown("<html><head><title>Tea FAQ</title></head><body><h2>1. What is tea?</h2><p>A drink.</p><dl><dt>Is it hot?</dt><dd>Usually.</dd></dl></body></html>").unwrap();
        assert!(md.contains("# Tea FAQ"), "{md}");
        assert!(
            md.contains("## 1\\. What is tea?") || md.contains("## 1. What is tea?"),
            "{md}"
        );
        assert!(md.contains("**Is it hot?**"), "{md}");
        assert!(md.contains("Usually."), "{md}");
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
    fn detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(!looks_like_html("# Markdown\n<br>"));
    }
}
