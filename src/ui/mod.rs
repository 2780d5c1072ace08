//! Terminal presentation: `render` (the only importer of colored) formats,
//! `charts` draws, `progress` (the only importer of indicatif) shows long work,
//! `plain` and `terminal` (the only importer of inquire) implement the
//! session's `Prompter`. Card text may come from strangers: everything shown
//! passes through [`clean`].

pub mod charts;
pub mod plain;
pub mod progress;
pub mod render;
pub mod terminal;

/// Card text made safe to print: escape sequences (CSI, OSC such as
/// hyperlinks or clipboard writes, and the rest) removed, other control
/// characters and bidirectional overrides replaced by U+FFFD, carriage
/// returns and backspaces included. Newlines and tabs stay.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.peek() {
                // CSI: parameters, then one final byte in @..~.
                Some('[') => {
                    chars.next();
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC, DCS, SOS, PM, APC: up to BEL or ST (ESC \).
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    while let Some(c) = chars.next() {
                        if c == '\u{7}' || c == '\u{9c}' {
                            break;
                        }
                        if c == '\u{1b}' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                Some(_) => {
                    chars.next();
                }
                None => {}
            },
            '\n' | '\t' => out.push(c),
            c if c.is_control() => out.push('\u{fffd}'),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}' => {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::clean;

    #[test]
    fn escape_sequences_and_controls_are_neutralised() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("\u{1b}]8;;http://evil\u{7}link\u{1b}]8;;\u{7}"), "link");
        assert_eq!(clean("\u{1b}]52;c;aGk=\u{1b}\\x"), "x");
        assert_eq!(clean("over\rwrite\u{8}"), "over\u{fffd}write\u{fffd}");
        assert_eq!(clean("abc\u{202e}fed"), "abc\u{fffd}fed");
        assert_eq!(clean("tab\tnew\nline"), "tab\tnew\nline");
        assert_eq!(clean("\u{9b}31m"), "\u{fffd}31m");
        assert_eq!(clean("trailing \u{1b}"), "trailing ");
    }
}
