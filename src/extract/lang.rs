//! The languages articles are analysed in: the Snowball stemmer and the
//! NLTK stop-word list of each, the articles and pronouns a language
//! elides before a vowel (`l'inscription`, `dell'anno`), and recognising an
//! article's language from its text (whatlang, the only importer of it).
//!
//! Pure: no I/O. Recognition is deterministic: the same text gives the same
//! language.

use rust_stemmers::Algorithm;
use whatlang::Lang;

/// A language with both a Snowball stemmer and an NLTK stop-word list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    Arabic,
    Danish,
    Dutch,
    English,
    Finnish,
    French,
    German,
    Greek,
    Hungarian,
    Italian,
    Norwegian,
    Portuguese,
    Romanian,
    Russian,
    Spanish,
    Swedish,
    Tamil,
    Turkish,
}

/// Each language's ISO 639-1 code, English name, stemmer and whatlang id.
const LANGUAGES: [(Language, &str, &str, Algorithm, Lang); 18] = [
    (Language::Arabic, "ar", "Arabic", Algorithm::Arabic, Lang::Ara),
    (Language::Danish, "da", "Danish", Algorithm::Danish, Lang::Dan),
    (Language::Dutch, "nl", "Dutch", Algorithm::Dutch, Lang::Nld),
    (Language::English, "en", "English", Algorithm::English, Lang::Eng),
    (Language::Finnish, "fi", "Finnish", Algorithm::Finnish, Lang::Fin),
    (Language::French, "fr", "French", Algorithm::French, Lang::Fra),
    (Language::German, "de", "German", Algorithm::German, Lang::Deu),
    (Language::Greek, "el", "Greek", Algorithm::Greek, Lang::Ell),
    (Language::Hungarian, "hu", "Hungarian", Algorithm::Hungarian, Lang::Hun),
    (Language::Italian, "it", "Italian", Algorithm::Italian, Lang::Ita),
    (Language::Norwegian, "no", "Norwegian", Algorithm::Norwegian, Lang::Nob),
    (
        Language::Portuguese,
        "pt",
        "Portuguese",
        Algorithm::Portuguese,
        Lang::Por,
    ),
    (Language::Romanian, "ro", "Romanian", Algorithm::Romanian, Lang::Ron),
    (Language::Russian, "ru", "Russian", Algorithm::Russian, Lang::Rus),
    (Language::Spanish, "es", "Spanish", Algorithm::Spanish, Lang::Spa),
    (Language::Swedish, "sv", "Swedish", Algorithm::Swedish, Lang::Swe),
    (Language::Tamil, "ta", "Tamil", Algorithm::Tamil, Lang::Tam),
    (Language::Turkish, "tr", "Turkish", Algorithm::Turkish, Lang::Tur),
];

/// How much prose recognition reads: a few paragraphs tell a language as
/// surely as the whole article, at a fraction of the cost.
pub const SAMPLE_BYTES: usize = 2048;

/// English words common in any English text and rare in the other
/// languages' ("of", "is", "in" are Dutch too).
const ENGLISH_MARKERS: &[&str] = &[
    "the", "and", "you", "your", "that", "this", "with", "for", "are", "what", "how", "can", "it's", "don't",
];

impl Language {
    fn row(self) -> &'static (Language, &'static str, &'static str, Algorithm, Lang) {
        // Every variant has its row: the table lists them all.
        LANGUAGES.iter().find(|row| row.0 == self).unwrap_or(&LANGUAGES[3])
    }

    /// The ISO 639-1 code: `en`, `fr`.
    pub fn code(self) -> &'static str {
        self.row().1
    }

    pub fn name(self) -> &'static str {
        self.row().2
    }

    /// The language of an ISO 639-1 code or an English name, in any case:
    /// `fr`, `FR`, `French`.
    pub fn from_code(code: &str) -> Option<Language> {
        LANGUAGES
            .iter()
            .find(|row| row.1.eq_ignore_ascii_case(code) || row.2.eq_ignore_ascii_case(code))
            .map(|row| row.0)
    }

    /// Every language's code, for messages: `ar, da, …`.
    pub fn codes() -> String {
        LANGUAGES.iter().map(|row| row.1).collect::<Vec<_>>().join(", ")
    }

    pub(crate) fn stemmer(self) -> Algorithm {
        self.row().3
    }

    pub(crate) fn stop_words(self) -> &'static [&'static str] {
        stop_words::lookup(self.code()).unwrap_or_default()
    }

    /// The words this language writes elided before a vowel, with the
    /// apostrophe (`l'`, `qu'`): a word after one is read without it.
    pub(crate) fn elisions(self) -> &'static [&'static str] {
        match self {
            Language::French => &[
                "l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'",
            ],
            Language::Italian => &[
                "l'", "d'", "dell'", "all'", "dall'", "nell'", "sull'", "coll'", "un'", "quest'", "quell'", "c'",
            ],
            _ => &[],
        }
    }
}

/// The language an article's prose is written in, among those analysed;
/// English when recognition is unsure (a short or mixed text).
pub fn detect(text: &str) -> Language {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    // Prose where one word in sixteen is one of English's commonest is
    // English, the usual case, known without the detector's costlier
    // count of letter triples.
    let (mut words, mut markers) = (0usize, 0usize);
    // A hundred words are evidence enough.
    for w in sample.split_whitespace().take(100) {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        words += 1;
        markers += usize::from(ENGLISH_MARKERS.iter().any(|m| m.eq_ignore_ascii_case(w)));
    }
    if markers * 16 >= words && markers >= 3 {
        return Language::English;
    }
    let detector = whatlang::Detector::with_allowlist(LANGUAGES.iter().map(|row| row.4).collect());
    detector
        .detect(sample)
        .filter(whatlang::Info::is_reliable)
        .and_then(|info| LANGUAGES.iter().find(|row| row.4 == info.lang()))
        .map_or(Language::English, |row| row.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_name_one_language_each() {
        for row in &LANGUAGES {
            assert_eq!(Language::from_code(row.1), Some(row.0));
            assert_eq!(Language::from_code(&row.2.to_uppercase()), Some(row.0));
            assert_eq!(row.0.code(), row.1);
            assert!(!row.0.stop_words().is_empty(), "{} has stop words", row.2);
        }
        assert_eq!(Language::from_code("xx"), None);
    }

    #[test]
    fn prose_is_recognised_and_unsure_text_is_english() {
        let fr = "La médiathèque municipale prête des livres, des films et des jeux à tous les habitants de la commune. L'inscription se fait à l'accueil, sur présentation d'une pièce d'identité.";
        let de = "Die Stadtbibliothek verleiht Bücher, Filme und Spiele an alle Einwohner der Gemeinde. Die Anmeldung erfolgt an der Information gegen Vorlage eines Ausweises.";
        let en = "The city library lends books, films and games to everyone who lives in the town. You can join at the front desk with a photo ID.";
        assert_eq!(detect(fr), Language::French);
        assert_eq!(detect(de), Language::German);
        assert_eq!(detect(en), Language::English);
        assert_eq!(detect("42"), Language::English);
        assert_eq!(detect(""), Language::English);
    }
}
