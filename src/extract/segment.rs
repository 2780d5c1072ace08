//! Unicode word and sentence boundaries (UAX #29) at the speed generation
//! needs. unicode-segmentation decides them for any text, but looks every
//! character up in its tables; for text made only of the characters of
//! everyday English prose (ASCII, Latin-1 letters, typographic quotes and
//! dashes, no-break space) the rules reduce to a few comparisons. Those
//! texts are segmented here, everything else by the crate, and the tests
//! check the two agree on texts built from exactly those characters.
//!
//! Pure functions over `&str`; nothing here knows about articles.

use unicode_segmentation::UnicodeSegmentation;

/// Sentence_Break classes of the characters segmented here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sb {
    Cr,
    Lf,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    SContinue,
    Close,
    Other,
}

/// Word_Break classes of the characters segmented here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Numeric,
    /// `:`
    MidLetter,
    /// `.`, `'`, `‘`, `’`
    MidNumLet,
    /// `,`, `;`
    MidNum,
    /// `_`
    ExtendNumLet,
    Other,
}

/// Whether `c` is one of the characters this module segments itself.
fn known(c: char) -> bool {
    c.is_ascii()
        || matches!(c, '’' | '‘' | '“' | '”' | '—' | '–' | '\u{a0}')
        || (('\u{c0}'..='\u{ff}').contains(&c) && c != '×' && c != '÷')
}

fn sb(c: char) -> Sb {
    match c {
        '\r' => Sb::Cr,
        '\n' => Sb::Lf,
        '\t' | '\u{b}' | '\u{c}' | ' ' | '\u{a0}' => Sb::Sp,
        'a'..='z' => Sb::Lower,
        'A'..='Z' => Sb::Upper,
        '0'..='9' => Sb::Numeric,
        '.' => Sb::ATerm,
        '!' | '?' => Sb::STerm,
        ',' | '-' | ':' | ';' | '—' | '–' => Sb::SContinue,
        '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}' | '’' | '‘' | '“' | '”' => Sb::Close,
        c if !c.is_ascii() && c.is_lowercase() => Sb::Lower,
        c if !c.is_ascii() && c.is_uppercase() => Sb::Upper,
        _ => Sb::Other,
    }
}

fn wb(c: char) -> Wb {
    match c {
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Numeric,
        ':' => Wb::MidLetter,
        '.' | '\'' | '‘' | '’' => Wb::MidNumLet,
        ',' | ';' => Wb::MidNum,
        '_' => Wb::ExtendNumLet,
        c if !c.is_ascii() && c.is_alphabetic() => Wb::Letter,
        _ => Wb::Other,
    }
}

/// The words of `text` with their byte offsets: what
/// `UnicodeSegmentation::unicode_word_indices` gives.
pub fn word_indices(text: &str) -> Vec<(usize, &str)> {
    if !text.chars().all(known) {
        return text.unicode_word_indices().collect();
    }
    let chars: Vec<(usize, Wb)> = text.char_indices().map(|(i, c)| (i, wb(c))).collect();
    let class = |k: usize| chars.get(k).map(|&(_, w)| w);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let first = chars[k].1;
        if !matches!(first, Wb::Letter | Wb::Numeric | Wb::ExtendNumLet) {
            k += 1;
            continue;
        }
        let start = k;
        let mut alnum = first != Wb::ExtendNumLet;
        let mut last = first;
        k += 1;
        while let Some(w) = class(k) {
            match (last, w) {
                // WB5, WB8, WB9, WB10, WB13a, WB13b.
                (Wb::Letter | Wb::Numeric | Wb::ExtendNumLet, Wb::Letter | Wb::Numeric | Wb::ExtendNumLet) => {
                    alnum |= w != Wb::ExtendNumLet;
                    last = w;
                    k += 1;
                }
                // WB6/WB7: a letter, one mid character, a letter.
                (Wb::Letter, Wb::MidLetter | Wb::MidNumLet) if class(k + 1) == Some(Wb::Letter) => {
                    last = Wb::Letter;
                    k += 2;
                }
                // WB11/WB12: a digit, one mid character, a digit.
                (Wb::Numeric, Wb::MidNum | Wb::MidNumLet) if class(k + 1) == Some(Wb::Numeric) => {
                    last = Wb::Numeric;
                    k += 2;
                }
                _ => break,
            }
        }
        if alnum {
            let (a, _) = chars[start];
            let b = chars.get(k).map_or(text.len(), |&(i, _)| i);
            out.push((a, &text[a..b]));
        }
    }
    out
}

/// The pieces of `text` between sentence boundaries, with their byte
/// offsets: what `UnicodeSegmentation::split_sentence_bound_indices` gives.
pub fn sentence_bound_indices(text: &str) -> Vec<(usize, &str)> {
    if !text.chars().all(known) {
        return text.split_sentence_bound_indices().collect();
    }
    let chars: Vec<(usize, Sb)> = text.char_indices().map(|(i, c)| (i, sb(c))).collect();
    let para_sep = |s: Sb| matches!(s, Sb::Cr | Sb::Lf);
    let mut out = Vec::new();
    let mut piece = 0;
    // After `SATerm Close* Sp*`: whether the terminator was an ATerm and
    // whether spaces followed it.
    let mut after_term: Option<(bool, bool)> = None;
    for k in 1..chars.len() {
        let (prev, cur) = (chars[k - 1].1, chars[k].1);
        after_term = match (after_term, prev) {
            (_, Sb::ATerm) => Some((true, false)),
            (_, Sb::STerm) => Some((false, false)),
            (Some((a, false)), Sb::Close) => Some((a, false)),
            (Some((a, _)), Sb::Sp) => Some((a, true)),
            _ => None,
        };
        // SB6 and SB7: `3.5` and `U.S.A` stay whole.
        let sb6 = prev == Sb::ATerm && cur == Sb::Numeric;
        let sb7 = prev == Sb::ATerm && cur == Sb::Upper && k >= 2 && matches!(chars[k - 2].1, Sb::Upper | Sb::Lower);
        let brk = if prev == Sb::Cr && cur == Sb::Lf {
            false // SB3
        } else if para_sep(prev) {
            true // SB4
        } else if sb6 || sb7 {
            false
        } else if let Some((aterm, spaces)) = after_term {
            let sb8a = matches!(cur, Sb::SContinue | Sb::ATerm | Sb::STerm);
            let sb9 = !spaces && cur == Sb::Close;
            let sb10 = matches!(cur, Sb::Sp) || para_sep(cur);
            // SB8 looks ahead, so it is asked last: the look ends at the
            // next letter, separator or terminator.
            let sb8 = || {
                aterm
                    && chars[k..]
                        .iter()
                        .map(|&(_, s)| s)
                        .find(|&s| matches!(s, Sb::Upper | Sb::Lower | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm))
                        == Some(Sb::Lower)
            };
            !(sb8a || sb9 || sb10 || sb8()) // SB11 otherwise
        } else {
            false // SB998
        };
        if brk {
            let at = chars[k].0;
            out.push((piece, &text[piece..at]));
            piece = at;
        }
    }
    if piece < text.len() {
        out.push((piece, &text[piece..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Characters from every class above, the rules' hard cases among them;
    /// all of them segmented here, so the crate is never asked instead.
    const ALPHABET: &[&str] = &[
        "a", "b", "z", "A", "Q", "Z", "0", "7", ".", "!", "?", ",", "-", ":", ";", "'", "\"", "(", ")", "[", "]", "{",
        "}", " ", "  ", "\t", "\n", "\r", "\r\n", "_", "#", "%", "&", "*", "/", "@", "~", "`", "|", "\u{b}", "\u{c}",
        "\u{0}", "\u{7f}", "’", "‘", "“", "”", "—", "–", "\u{a0}", "é", "É", "ß", "ÿ", "Ø", "ñ", "e.g.", "U.S.", "3.5",
        "1,000", "Dr.", "word",
    ];

    fn text() -> impl Strategy<Value = String> {
        proptest::collection::vec(proptest::sample::select(ALPHABET), 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn words_agree_with_unicode_segmentation(t in text()) {
            prop_assert!(t.chars().all(known));
            let ours = word_indices(&t);
            let theirs: Vec<(usize, &str)> = t.unicode_word_indices().collect();
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sentences_agree_with_unicode_segmentation(t in text()) {
            let ours = sentence_bound_indices(&t);
            let theirs: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            prop_assert_eq!(ours, theirs);
        }
    }

    /// Every non-ASCII character segmented here, in each position the
    /// classes are told apart by.
    #[test]
    fn every_known_character_agrees_in_context() {
        let extra = ['’', '‘', '“', '”', '—', '–', '\u{a0}'];
        let chars = ('\u{c0}'..='\u{ff}').chain(extra).filter(|&c| known(c));
        for c in chars {
            for pattern in [
                "x. {c}y",
                "x.{c}Y",
                "x.{c}",
                "A{c}. b",
                "a {c}.b",
                "3{c}5",
                "a{c}b",
                "{c}. {c}",
                "Hi.{c} {c}x",
                "x?{c} a",
                "a.{c} 1",
                "{c}{c}.A",
            ] {
                let t = pattern.replace("{c}", &c.to_string());
                let words: Vec<(usize, &str)> = t.unicode_word_indices().collect();
                assert_eq!(word_indices(&t), words, "words of {t:?}");
                let sentences: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
                assert_eq!(sentence_bound_indices(&t), sentences, "sentences of {t:?}");
            }
        }
    }
}
