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

/// [`sb`] and [`wb`] of each ASCII byte, looked up instead of matched.
static SB_ASCII: [Sb; 128] = {
    let mut t = [Sb::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = sb_ascii(i as u8);
        i += 1;
    }
    t
};
static WB_ASCII: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = wb_ascii(i as u8);
        i += 1;
    }
    t
};

/// Whether each ASCII byte is a letter, a digit or `_`.
static WORDISH_ASCII: [bool; 128] = {
    let mut t = [false; 128];
    let mut i = 0;
    while i < 128 {
        t[i] = matches!(wb_ascii(i as u8), Wb::Letter | Wb::Numeric | Wb::ExtendNumLet);
        i += 1;
    }
    t
};

const fn sb_ascii(c: u8) -> Sb {
    match c {
        b'\r' => Sb::Cr,
        b'\n' => Sb::Lf,
        b'\t' | 0x0b | 0x0c | b' ' => Sb::Sp,
        b'a'..=b'z' => Sb::Lower,
        b'A'..=b'Z' => Sb::Upper,
        b'0'..=b'9' => Sb::Numeric,
        b'.' => Sb::ATerm,
        b'!' | b'?' => Sb::STerm,
        b',' | b'-' | b':' | b';' => Sb::SContinue,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Sb::Close,
        _ => Sb::Other,
    }
}

const fn wb_ascii(c: u8) -> Wb {
    match c {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Numeric,
        b':' => Wb::MidLetter,
        b'.' | b'\'' => Wb::MidNumLet,
        b',' | b';' => Wb::MidNum,
        b'_' => Wb::ExtendNumLet,
        _ => Wb::Other,
    }
}

fn sb(c: char) -> Sb {
    match c {
        c if c.is_ascii() => SB_ASCII[c as usize],
        '\u{a0}' => Sb::Sp,
        '—' | '–' => Sb::SContinue,
        '’' | '‘' | '“' | '”' => Sb::Close,
        c if c.is_lowercase() => Sb::Lower,
        c if c.is_uppercase() => Sb::Upper,
        _ => Sb::Other,
    }
}

fn wb(c: char) -> Wb {
    match c {
        c if c.is_ascii() => WB_ASCII[c as usize],
        '‘' | '’' => Wb::MidNumLet,
        c if c.is_alphabetic() => Wb::Letter,
        _ => Wb::Other,
    }
}

/// The words of `text` with their byte offsets: what
/// `UnicodeSegmentation::unicode_word_indices` gives.
pub fn word_indices(text: &str) -> Vec<(usize, &str)> {
    // ASCII (most text) is classed byte by byte, in place.
    if text.is_ascii() {
        return ascii_words(text);
    }
    if !text.chars().all(known) {
        return text.unicode_word_indices().collect();
    }
    let chars: Vec<(usize, Wb)> = text.char_indices().map(|(i, c)| (i, wb(c))).collect();
    words_over(text, chars.len(), |k| chars[k].1, |k| chars[k].0)
}

/// [`words_over`] for ASCII text, byte by byte with no per-byte closure:
/// the same rules, at a few instructions a byte.
fn ascii_words(text: &str) -> Vec<(usize, &str)> {
    let b = text.as_bytes();
    let class = |c: u8| WB_ASCII[usize::from(c & 0x7f)];
    let wordish = |c: u8| WORDISH_ASCII[usize::from(c & 0x7f)];
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut k = 0;
    while k < b.len() {
        if !wordish(b[k]) {
            k += 1;
            continue;
        }
        let start = k;
        let mut alnum = false;
        loop {
            // The run of word characters, then whether it held more than `_`.
            let run = b[k..].iter().position(|&c| !wordish(c)).unwrap_or(b.len() - k);
            alnum |= b[k..k + run].iter().any(|&c| c != b'_');
            k += run;
            let joins = match (b.get(k - 1), b.get(k), b.get(k + 1)) {
                (Some(&p), Some(&m), Some(&x)) => matches!(
                    (class(p), class(m), class(x)),
                    (Wb::Letter, Wb::MidLetter | Wb::MidNumLet, Wb::Letter)
                        | (Wb::Numeric, Wb::MidNum | Wb::MidNumLet, Wb::Numeric)
                ),
                _ => false,
            };
            if !joins {
                break;
            }
            k += 2;
        }
        if alnum {
            out.push((start, &text[start..k]));
        }
    }
    out
}

/// Words over `n` characters, `class(k)` the k-th one's class and `at(k)`
/// its byte offset: runs of letters, digits and `_` (WB5, WB8-10, WB13a/b),
/// joined across one mid character (WB6/7, WB11/12), kept when they hold a
/// letter or digit.
fn words_over(text: &str, n: usize, class: impl Fn(usize) -> Wb, at: impl Fn(usize) -> usize) -> Vec<(usize, &str)> {
    let wordish = |k: usize| matches!(class(k), Wb::Letter | Wb::Numeric | Wb::ExtendNumLet);
    let offset = |k: usize| if k < n { at(k) } else { text.len() };
    let mut out = Vec::with_capacity(n / 5);
    let mut k = 0;
    while k < n {
        if !wordish(k) {
            k += 1;
            continue;
        }
        let start = k;
        let mut alnum = false;
        loop {
            while k < n && wordish(k) {
                alnum |= class(k) != Wb::ExtendNumLet;
                k += 1;
            }
            let joins = k + 1 < n
                && matches!(
                    (class(k - 1), class(k), class(k + 1)),
                    (Wb::Letter, Wb::MidLetter | Wb::MidNumLet, Wb::Letter)
                        | (Wb::Numeric, Wb::MidNum | Wb::MidNumLet, Wb::Numeric)
                );
            if !joins {
                break;
            }
            k += 2;
        }
        if alnum {
            let (a, b) = (offset(start), offset(k));
            out.push((a, &text[a..b]));
        }
    }
    out
}

/// The pieces of `text` between sentence boundaries, with their byte
/// offsets: what `UnicodeSegmentation::split_sentence_bound_indices` gives.
pub fn sentence_bound_indices(text: &str) -> Vec<(usize, &str)> {
    if text.is_ascii() {
        let b = text.as_bytes();
        return sentences_over(text, b.len(), |k| SB_ASCII[usize::from(b[k] & 0x7f)], |k| k);
    }
    if !text.chars().all(known) {
        return text.split_sentence_bound_indices().collect();
    }
    let chars: Vec<(usize, Sb)> = text.char_indices().map(|(i, c)| (i, sb(c))).collect();
    sentences_over(text, chars.len(), |k| chars[k].1, |k| chars[k].0)
}

/// Sentence pieces over `n` characters, `class(k)` the k-th one's class and
/// `at(k)` its byte offset. Boundaries fall only after a line break or
/// after a terminator with its closing quotes and spaces, so only those
/// places are looked at.
fn sentences_over(
    text: &str,
    n: usize,
    class: impl Fn(usize) -> Sb,
    at: impl Fn(usize) -> usize,
) -> Vec<(usize, &str)> {
    let mut cuts: Vec<usize> = Vec::new();
    let mut p = 0;
    while p < n {
        match class(p) {
            // SB3, SB4: after a line break (CR LF as one).
            Sb::Cr if p + 1 < n && class(p + 1) == Sb::Lf => p += 1,
            Sb::Cr | Sb::Lf => {
                p += 1;
                if p < n {
                    cuts.push(p);
                }
            }
            term @ (Sb::ATerm | Sb::STerm) => {
                let aterm = term == Sb::ATerm;
                let mut q = p + 1;
                while q < n && class(q) == Sb::Close {
                    q += 1;
                }
                while q < n && class(q) == Sb::Sp {
                    q += 1;
                }
                // SB9/SB10 keep a following line break; SB8a a following
                // terminator or continuation, which is looked at in turn.
                let next = if q < n { class(q) } else { Sb::Other };
                let keep = q == n
                    || matches!(next, Sb::Cr | Sb::Lf | Sb::SContinue | Sb::ATerm | Sb::STerm)
                    // SB6 and SB7: `3.5` and `U.S.A` stay whole.
                    || (aterm && q == p + 1 && next == Sb::Numeric)
                    || (aterm && q == p + 1 && next == Sb::Upper && p > 0 && matches!(class(p - 1), Sb::Upper | Sb::Lower))
                    // SB8: a lowercase word after the next letters keeps it.
                    || (aterm
                        && (q..n)
                            .map(&class)
                            .find(|&s| matches!(s, Sb::Upper | Sb::Lower | Sb::Cr | Sb::Lf | Sb::ATerm | Sb::STerm))
                            == Some(Sb::Lower));
                if !keep {
                    cuts.push(q);
                }
                p = q;
            }
            _ => p += 1,
        }
    }
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut piece = 0;
    for cut in cuts {
        let cut = at(cut);
        out.push((piece, &text[piece..cut]));
        piece = cut;
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

    /// ASCII only, for the byte-level paths.
    fn ascii_text() -> impl Strategy<Value = String> {
        let ascii: Vec<&str> = ALPHABET.iter().copied().filter(|p| p.is_ascii()).collect();
        proptest::collection::vec(proptest::sample::select(ascii), 0..40).prop_map(|v| v.concat())
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
        fn ascii_words_agree_with_unicode_segmentation(t in ascii_text()) {
            let theirs: Vec<(usize, &str)> = t.unicode_word_indices().collect();
            prop_assert_eq!(word_indices(&t), theirs);
        }

        #[test]
        fn ascii_sentences_agree_with_unicode_segmentation(t in ascii_text()) {
            let theirs: Vec<(usize, &str)> = t.split_sentence_bound_indices().collect();
            prop_assert_eq!(sentence_bound_indices(&t), theirs);
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
