use super::*;

fn qa(q: &str, a: &str) -> Card {
    Card {
        id: String::new(),
        body: CardBody::Qa {
            question: q.into(),
            answer: a.into(),
            context: None,
            keypoints: vec![],
            distractors: vec![],
        },
        tags: vec![],
        line: None,
    }
}

#[test]
fn fnv1a_matches_the_published_test_vectors() {
    assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
}

#[test]
fn ids_are_stable_and_ignore_case_and_spacing() {
    let a = card_id(&qa("What is  FSRS?", "x").body);
    let b = card_id(&qa("what is fsrs?", "y").body);
    assert_eq!(a, b);
    assert!(a.starts_with("qa-") && a.len() == 11, "{a}");
    let cz = card_id(&CardBody::Cloze {
        text: "What is fsrs?".into(),
        accept: vec![],
        distractors: vec![],
    });
    assert!(cz.starts_with("cz-"));
    assert_ne!(cz[3..], a[3..], "kind is part of the hash");
}

#[test]
fn duplicate_ids_get_deterministic_suffixes() {
    let mut cards = vec![qa("Same?", "1"), qa("Other?", "2"), qa("same?", "3"), qa("SAME?", "4")];
    assign_ids(&mut cards);
    let base = card_id(&cards[0].body);
    assert_eq!(cards[0].id, base);
    assert_eq!(cards[2].id, format!("{base}-2"));
    assert_eq!(cards[3].id, format!("{base}-3"));
}

#[test]
fn cloze_blanks() {
    let p = cloze_parts("The sky is {{blue}} today.").unwrap();
    assert_eq!((p.before, p.answer, p.after), ("The sky is ", "blue", " today."));
    assert!(cloze_parts("no blank").unwrap_err().contains("no {{blank}}"));
    assert!(cloze_parts("{{a}} and {{b}}").unwrap_err().contains("2 blanks"));
    assert!(cloze_parts("empty {{ }} blank").unwrap_err().contains("empty"));
    assert!(cloze_parts("open {{ only").is_err());
    assert!(cloze_parts("}} backwards {{").is_err());
}

#[test]
fn validation_lists_every_problem() {
    let raw = RawDeck {
        version: Some(1),
        title: Some(" ".into()),
        cards: Some(vec![
            RawCard {
                id: Some("a".into()),
                kind: Some("qa".into()),
                question: Some("Q?".into()),
                ..RawCard::default()
            },
            RawCard {
                id: Some("a".into()),
                kind: Some("cloze".into()),
                text: Some("{{x}} and {{y}}".into()),
                ..RawCard::default()
            },
            RawCard {
                kind: Some("essay".into()),
                ..RawCard::default()
            },
        ]),
        ..RawDeck::default()
    };
    let problems = validate(&raw).unwrap_err();
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "missing or empty `title`",
            "card \"a\" has an empty `answer`",
            "duplicate id \"a\" (first used by card 1)",
            "card \"a\": cloze text has 2 blanks; exactly one {{blank}} is allowed",
            "card 3 has no `id`",
            "card 3 has unknown kind \"essay\" (expected qa or cloze)",
        ]
    );
}

#[test]
fn merge_keeps_edits_adds_new_and_reports_stale() {
    let mut old_cards = vec![qa("Kept?", "edited by the user"), qa("Gone?", "old")];
    assign_ids(&mut old_cards);
    let old = Deck {
        title: "Old".into(),
        source: None,
        generator: None,
        language: None,
        cards: old_cards.clone(),
    };
    let mut fresh_cards = vec![qa("Kept?", "generated"), qa("New?", "n")];
    assign_ids(&mut fresh_cards);
    let fresh = Deck {
        title: "New".into(),
        source: None,
        generator: None,
        language: None,
        cards: fresh_cards.clone(),
    };
    let (merged, report) = merge(&old, &fresh, false);
    assert_eq!(
        merged.cards,
        vec![old_cards[0].clone(), fresh_cards[1].clone(), old_cards[1].clone()]
    );
    assert_eq!(report.kept, 1);
    assert_eq!(report.added, vec![fresh_cards[1].id.clone()]);
    assert_eq!(report.stale, vec![old_cards[1].id.clone()]);
    let (pruned, _) = merge(&old, &fresh, true);
    assert_eq!(pruned.cards.len(), 2);
    assert_eq!(pruned.title, "New");
}

proptest::proptest! {
    /// Ids stay what they were before the ASCII fast path: every word
    /// lowercased whole, single spaces.
    #[test]
    fn normalise_lowercases_words_and_collapses_spaces(s in "[ A-Za-z\t\nΣσ\u{212a}İÉ.]{0,30}") {
        let reference = s.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ");
        proptest::prop_assert_eq!(normalise(&s), reference);
    }
}

#[test]
fn a_qa_card_keeps_its_own_wrong_options_through_yaml() {
    let mut card = qa("Where does a river begin?", "The source");
    card.id = "r1".into();
    if let CardBody::Qa { distractors, .. } = &mut card.body {
        *distractors = vec!["The mouth".into(), "The delta".into()];
    }
    let deck = Deck {
        title: "Rivers".into(),
        source: None,
        generator: None,
        language: None,
        cards: vec![card],
    };
    let text = yaml::to_string(&deck).unwrap();
    assert!(
        text.contains("  answer: The source\n  distractors:\n  - The mouth\n  - The delta\n"),
        "{text}"
    );
    assert_eq!(yaml::from_str(&text).unwrap(), deck);
}
