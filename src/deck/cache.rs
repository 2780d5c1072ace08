//! The binary form of a validated deck, kept in the database so that
//! decks unchanged since the last run need not be parsed and validated
//! again (YAML parsing dominates start-up on large collections).
//!
//! The only importer of postcard. Pure: the caller decides when an entry is
//! still valid (file size and modification time) and where it is stored.

use super::Deck;

/// Names the encoding and the build that wrote it: an entry written by
/// another build is never decoded, since the types may have changed.
pub const FORMAT: &str = concat!("postcard-2 quizdeck-", env!("CARGO_PKG_VERSION"));

pub fn encode(deck: &Deck) -> Vec<u8> {
    // Serialising plain owned data into a Vec cannot fail; an empty entry
    // would only be a cache miss later.
    postcard::to_stdvec(deck).unwrap_or_default()
}

/// `None` for bytes that are not a deck in this format (a damaged entry
/// is a cache miss, not an error).
pub fn decode(bytes: &[u8]) -> Option<Deck> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::yaml;

    #[test]
    fn round_trips_a_deck_with_every_field() {
        let text = "version: 1\ntitle: T\nsource: {path: a.txt, sha256: ab}\ngenerator: g\ncards:\n- id: q1\n  kind: qa\n  question: Q?\n  answer: A.\n  context: C\n  keypoints: [k]\n  tags: [t]\n  line: 3\n- id: c1\n  kind: cloze\n  text: The {{sky}} is blue.\n  accept: [skies]\n  distractors: [sea, grass, rock]\n";
        let deck = yaml::from_str(text).unwrap();
        assert_eq!(decode(&encode(&deck)), Some(deck));
    }

    #[test]
    fn damaged_bytes_are_a_miss() {
        let deck =
            yaml::from_str("version: 1\ntitle: T\ncards:\n- {id: q1, kind: qa, question: Q?, answer: A.}\n").unwrap();
        let bytes = encode(&deck);
        assert_eq!(decode(&bytes[..bytes.len() / 2]), None);
        assert_eq!(decode(b""), None);
    }
}
