//! Grading typed and chosen answers: normalised comparison with typo
//! tolerance for cloze answers, a character diff for feedback, key-point
//! coverage (stemmed) for typed qa answers, and the rating each suggests.
//!
//! Pure: no I/O; the caller shows the results.

use similar::{ChangeTag, TextDiff};
use unicode_normalization::UnicodeNormalization;

use crate::extract::{self, Analyzer, Vocab};
use crate::schedule::Rating;

/// Lowercase, accents removed, punctuation dropped, whitespace collapsed.
pub fn normalise(s: &str) -> String {
    let stripped: String = s
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| {
            if c.is_alphanumeric() || c.is_whitespace() {
                c
            } else {
                ' '
            }
        })
        .collect();
    stripped.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Edits allowed for an answer of this many characters: none for short
/// words, then about one per six characters.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        8..=12 => 2,
        n => n / 6,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClozeGrade {
    pub correct: bool,
    /// Correct, but only within the typo budget.
    pub typo: bool,
    /// Which accepted answer matched (or was nearest).
    pub expected: String,
}

/// Grades a typed cloze answer against the blank and its `accept` list.
pub fn grade_cloze(typed: &str, answer: &str, accept: &[String]) -> ClozeGrade {
    let t = normalise(typed);
    let mut best: Option<(usize, &str)> = None;
    for candidate in std::iter::once(answer).chain(accept.iter().map(String::as_str)) {
        let c = normalise(candidate);
        // Optimal string alignment: a swapped pair of letters is one typo.
        let d = strsim::osa_distance(&t, &c);
        if d == 0 {
            return ClozeGrade {
                correct: true,
                typo: false,
                expected: candidate.to_string(),
            };
        }
        // Typos are forgiven in words, never in numbers.
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        let within = !t.is_empty() && d <= typo_budget(c.chars().count()) && digits(&t) == digits(&c);
        if within && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate));
        }
    }
    match best {
        Some((_, c)) => ClozeGrade {
            correct: true,
            typo: true,
            expected: c.to_string(),
        },
        None => ClozeGrade {
            correct: false,
            typo: false,
            expected: answer.to_string(),
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffPart {
    Same,
    /// Typed but not expected.
    Extra,
    /// Expected but not typed.
    Missing,
}

/// A character diff of typed against expected, for showing what was wrong.
pub fn char_diff(typed: &str, expected: &str) -> Vec<(DiffPart, String)> {
    let diff = TextDiff::from_chars(typed, expected);
    let mut out: Vec<(DiffPart, String)> = Vec::new();
    for change in diff.iter_all_changes() {
        let part = match change.tag() {
            ChangeTag::Equal => DiffPart::Same,
            ChangeTag::Delete => DiffPart::Extra,
            ChangeTag::Insert => DiffPart::Missing,
        };
        match out.last_mut() {
            Some((p, s)) if *p == part => s.push_str(change.value()),
            _ => out.push((part, change.value().to_string())),
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// Each key point and whether the typed answer covers it.
    pub points: Vec<(String, bool)>,
    pub share: f64,
    pub suggested: Rating,
}

/// Which key points a typed qa answer covers: a key point counts when
/// every content word of it appears in the answer (compared by stem). With
/// no key points, the answer's own content words serve.
pub fn coverage(an: &Analyzer, typed: &str, keypoints: &[String], answer: &str) -> Coverage {
    let mut vocab = Vocab::new(an);
    let typed_terms: std::collections::HashSet<u32> = extract::content_terms(&extract::tokenize(an, &mut vocab, typed))
        .into_iter()
        .collect();
    let points: Vec<String> = if keypoints.is_empty() {
        let mut seen = std::collections::HashSet::new();
        extract::tokenize(an, &mut vocab, answer)
            .iter()
            .filter(|t| !t.stop && seen.insert(t.term))
            .map(|t| answer[t.start..t.end].to_string())
            .take(6)
            .collect()
    } else {
        keypoints.to_vec()
    };
    let covered: Vec<(String, bool)> = points
        .iter()
        .map(|p| {
            let terms = extract::content_terms(&extract::tokenize(an, &mut vocab, p));
            let hit = !terms.is_empty() && terms.iter().all(|t| typed_terms.contains(t));
            (p.clone(), hit)
        })
        .collect();
    let share = if covered.is_empty() {
        0.0
    } else {
        covered.iter().filter(|(_, h)| *h).count() as f64 / covered.len() as f64
    };
    Coverage {
        points: covered,
        share,
        suggested: suggest_from_share(share),
    }
}

/// All key points: Easy; most: Good; some: Hard; few: Again.
pub fn suggest_from_share(share: f64) -> Rating {
    if share >= 0.999 {
        Rating::Easy
    } else if share >= 0.6 {
        Rating::Good
    } else if share >= 0.3 {
        Rating::Hard
    } else {
        Rating::Again
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation_ignores_case_accents_punctuation_spacing() {
        assert_eq!(normalise("  Café-au-LAIT!  "), "cafe au lait");
        assert_eq!(normalise("Ångström’s"), "angstrom s");
    }

    #[test]
    fn cloze_grading_with_typos_and_accept_list() {
        assert!(grade_cloze("diplomatic channels", "diplomatic channels", &[]).correct);
        let typo = grade_cloze("diplomatc chanels", "diplomatic channels", &[]);
        assert!(typo.correct && typo.typo);
        assert!(!grade_cloze("military force", "diplomatic channels", &[]).correct);
        assert!(grade_cloze("Madird", "Madrid", &[]).typo, "a swapped pair is one typo");
        assert!(
            !grade_cloze("cat", "car", &[]).correct,
            "no typos allowed in short words"
        );
        assert!(grade_cloze("United States", "the United States", &["United States".into()]).correct);
        assert!(!grade_cloze("", "x", &[]).correct);
        assert!(grade_cloze("1945", "1945", &[]).correct);
        assert!(!grade_cloze("1946", "1945", &[]).correct, "numbers must be exact");
    }

    #[test]
    fn diff_marks_missing_and_extra_characters() {
        let d = char_diff("chanels", "channels");
        assert!(d.contains(&(DiffPart::Missing, "n".into())), "{d:?}");
        let d = char_diff("cats", "cat");
        assert_eq!(d.last(), Some(&(DiffPart::Extra, "s".into())));
    }

    #[test]
    fn keypoint_coverage_by_stem() {
        let an = Analyzer::new();
        let kp = vec![
            "diplomatic channels".to_string(),
            "pro-Russian separatists".to_string(),
            "war".to_string(),
        ];
        let c = coverage(
            &an,
            "China uses diplomacy through diplomatic channel; Russia went to war",
            &kp,
            "",
        );
        assert_eq!(
            c.points.iter().map(|(_, h)| *h).collect::<Vec<_>>(),
            [true, false, true]
        );
        assert_eq!(c.suggested, Rating::Good);
        assert_eq!(coverage(&an, "no idea", &kp, "").suggested, Rating::Again);
        let fallback = coverage(&an, "Paris", &[], "Paris");
        assert_eq!(fallback.suggested, Rating::Easy);
    }
}
