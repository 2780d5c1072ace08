//! Decoding an article's bytes into text: UTF-8 (with or without BOM),
//! UTF-16 with a BOM, line endings normalised to `\n`. Refuses empty and
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
    Ok(normalise_newlines(&text))
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
