//! Decoding an article's bytes into text: UTF-8 (with or without BOM),
//! UTF-16 with a BOM, line endings normalised to `\n`, a manual page's
//! overstrikes resolved to their letters. Refuses empty and
//! binary input and reports where invalid UTF-8 starts.
//!
//! Pure: the caller reads the bytes and enforces the size limit.

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("file is empty")]
    Empty,
    #[error("file looks binary (NUL byte at offset {offset}); expected a text, Markdown or HTML article")]
    Binary { offset: usize },
    #[error("invalid UTF-8 at byte offset {offset} (use --lossy to replace invalid bytes)")]
    InvalidUtf8 { offset: usize },
    #[error("invalid UTF-16 text")]
    InvalidUtf16,
}

/// Decodes article bytes. With `lossy`, invalid UTF-8 becomes U+FFFD instead
/// of an error.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<String, DecodeError> {
    let text: Cow<'_, str> = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Cow::Owned(utf16(rest, u16::from_le_bytes)?)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        Cow::Owned(utf16(rest, u16::from_be_bytes)?)
    } else {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if let Some(offset) = bytes.iter().position(|&b| b == 0) {
            return Err(DecodeError::Binary { offset });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(_) if lossy => String::from_utf8_lossy(bytes),
            Err(e) => {
                return Err(DecodeError::InvalidUtf8 {
                    offset: e.valid_up_to(),
                });
            }
        }
    };
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        return Err(DecodeError::Binary { offset });
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(without_overstrikes(normalise_newlines(&text)))
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::InvalidUtf16)
}

/// CRLF and lone CR become LF.
fn normalise_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// A manual page saved without `col -b` prints bold as `N\bN` and
/// underlines as `_\bN`: as on paper, the letter is what remains.
fn without_overstrikes(s: String) -> String {
    if !s.contains('\u{8}') {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\u{8}' {
            out.push(c);
            continue;
        }
        let Some(&next) = chars.peek() else { break };
        // Struck over a line break there is nothing to strike.
        if next == '\n' || out.ends_with('\n') || out.is_empty() {
            continue;
        }
        chars.next();
        let under = out.pop();
        // An underline under a letter leaves the letter, whichever came first.
        out.push(if next == '_' { under.unwrap_or(next) } else { next });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_and_crlf() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\rc", false).unwrap(), "a\nb\nc");
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        le.extend("Hi?\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&le, false).unwrap(), "Hi?\n");
        let mut be = vec![0xFE, 0xFF];
        be.extend("Hé".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(decode(&be, false).unwrap(), "Hé");
    }

    #[test]
    fn manual_page_overstrikes_leave_their_letters() {
        let page = "N\u{8}NA\u{8}AM\u{8}ME\u{8}E\n   _\u{8}f_\u{8}i_\u{8}l_\u{8}e and x\u{8}_ y\n\u{8}z";
        assert_eq!(decode(page.as_bytes(), false).unwrap(), "NAME\n   file and x y\nz");
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(b"", false), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n", false), Err(DecodeError::Empty));
        assert_eq!(decode(b"ab\0cd", false), Err(DecodeError::Binary { offset: 2 }));
        assert_eq!(
            decode(b"abc\xFFdef", false),
            Err(DecodeError::InvalidUtf8 { offset: 3 })
        );
        assert_eq!(decode(b"abc\xFFdef", true).unwrap(), "abc\u{FFFD}def");
    }
}
