use std::collections::HashSet;

use super::*;
use crate::article::{Format, parse};
use crate::deck::cloze_parts;

const OIL: &str = "Oil Wealth in Two Countries

Norway and Venezuela both found large oil reserves in the twentieth century. Their paths since then could hardly differ more, and economists use them as a classic comparison.

1. What strategy does Norway use for its oil income What sets it apart from Venezuela?

The way Norway and Venezuela manage oil income has been widely discussed in recent decades because of the contrast between their economies. Norway saves its oil income through a sovereign wealth fund that invests abroad. Venezuela however spent most of its revenue on current budgets and fuel subsidies. Both countries depend on the price of crude oil.

2. How large is the Norwegian fund?

The Government Pension Fund Global was worth more than 1,700 billion US dollars in 2024. It owns about 1.5 percent of all listed shares in the world. Parliament limits how much the government may spend from it each year.
";

fn build_text(text: &str, cloze: Option<usize>) -> Deck {
    build_as(text, Format::Text, cloze)
}

fn build_markdown(text: &str, cloze: Option<usize>) -> Deck {
    build_as(text, Format::Markdown, cloze)
}

/// The deck of `text` read as `format`, titled by its own title.
fn build_as(text: &str, format: Format, cloze: Option<usize>) -> Deck {
    let an = Analyzer::new();
    let article = parse(text, format);
    let title = article.title.as_ref().map(|t| t.text.clone()).unwrap_or_default();
    build(
        &an,
        &article,
        &title,
        None,
        &Options {
            cloze,
            generator: "quizdeck test".into(),
        },
    )
}

/// The keypoints of the deck's first qa card.
fn first_keypoints(deck: &Deck) -> Vec<String> {
    qa_keypoints(deck).into_iter().next().expect("a qa card")
}

/// The distractors of the cloze card that blanks `blank`.
fn distractors_of(deck: &Deck, blank: &str) -> Vec<String> {
    let marked = format!("{{{{{blank}}}}}");
    deck.cards
        .iter()
        .find_map(|c| match &c.body {
            CardBody::Cloze { text, distractors, .. } if text.contains(&marked) => Some(distractors.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a cloze on {blank}"))
}

/// The keypoints of each qa card, in order.
fn qa_keypoints(deck: &Deck) -> Vec<Vec<String>> {
    deck.cards
        .iter()
        .filter_map(|c| match &c.body {
            CardBody::Qa { keypoints, .. } => Some(keypoints.clone()),
            CardBody::Cloze { .. } => None,
        })
        .collect()
}

fn qa_questions(deck: &Deck) -> Vec<String> {
    deck.cards
        .iter()
        .filter_map(|c| match &c.body {
            CardBody::Qa { question, .. } => Some(question.clone()),
            CardBody::Cloze { .. } => None,
        })
        .collect()
}

fn qa_answers(deck: &Deck) -> Vec<String> {
    deck.cards
        .iter()
        .filter_map(|c| match &c.body {
            CardBody::Qa { answer, .. } => Some(answer.clone()),
            CardBody::Cloze { .. } => None,
        })
        .collect()
}

/// The text of each cloze card, blank marks and all.
fn cloze_texts(deck: &Deck) -> Vec<String> {
    deck.cards
        .iter()
        .filter_map(|c| match &c.body {
            CardBody::Cloze { text, .. } => Some(text.clone()),
            CardBody::Qa { .. } => None,
        })
        .collect()
}

#[test]
fn two_questions_on_one_line_get_one_sentence_each_not_the_lead_in() {
    let deck = build_text(OIL, None);
    let answers = qa_answers(&deck);
    assert_eq!(
        answers[0],
        "Norway saves its oil income through a sovereign wealth fund that invests abroad. Venezuela however spent most of its revenue on current budgets and fuel subsidies."
    );
}

#[test]
fn an_opening_sentence_sharing_one_word_with_a_short_question_may_answer_it() {
    let text = "Library FAQ\n\nThe city library lends books to anyone with a card.\n\n1. Who can get a library card?\n\nAnyone who lives, works or studies in the city can get a card for free. Visitors can buy a temporary card for five euros.\n";
    let answers = qa_answers(&build_text(text, None));
    assert!(answers[0].starts_with("Anyone who lives"), "{answers:?}");
}

#[test]
fn an_example_is_no_answer_without_what_it_illustrates() {
    let text = "Shell FAQ\n\nAnswers about the kiln shell.\n\n1. How do I check whether a variable is not empty?\n\nUse `kiln len -q -- $var`. For example, `if kiln len -q -- $var; echo not empty; end`. Note that `kiln len` reads a list as a disjunction.\n\nFor example, `if test -n \"$var\"; echo not empty; end`.\n\n2. How do I clear a variable?\n\nRun `kiln erase var` and it is gone.\n";
    let answers = qa_answers(&build_text(text, None));
    assert!(answers[0].starts_with("Use `kiln len -q -- $var`."), "{answers:?}");
}

#[test]
fn quantity_question_gets_the_sentence_with_the_figure() {
    let deck = build_text(OIL, None);
    assert!(
        qa_answers(&deck)[1].contains("1,700 billion"),
        "{:?}",
        qa_answers(&deck)
    );
}

#[test]
fn qa_cards_carry_question_context_keypoints_tags_and_line() {
    let deck = build_text(OIL, None);
    let CardBody::Qa {
        question,
        context,
        keypoints,
        ..
    } = &deck.cards.iter().find(|c| c.tags == ["q2"]).unwrap().body
    else {
        panic!("first q2 card is the qa card");
    };
    assert_eq!(question, "How large is the Norwegian fund?");
    assert!(
        context
            .as_deref()
            .unwrap()
            .starts_with("The Government Pension Fund Global")
    );
    assert!((3..=6).contains(&keypoints.len()), "{keypoints:?}");
    let kp: HashSet<String> = keypoints.iter().map(|k| k.to_lowercase()).collect();
    assert!(
        !kp.contains("norwegian") && !kp.contains("fund"),
        "question words are not key points: {keypoints:?}"
    );
    assert_eq!(deck.cards.iter().find(|c| c.tags == ["q2"]).unwrap().line, Some(9));
}

#[test]
fn cloze_cards_blank_one_informative_verbatim_span() {
    let deck = build_text(OIL, Some(6));
    let clozes: Vec<&Card> = deck.cards.iter().filter(|c| c.body.kind() == "cloze").collect();
    assert_eq!(clozes.len(), 6);
    let an = Analyzer::new();
    let mut seen = HashSet::new();
    for c in &clozes {
        let CardBody::Cloze { text, .. } = &c.body else {
            unreachable!()
        };
        let p = cloze_parts(text).unwrap();
        let sentence = format!("{}{}{}", p.before, p.answer, p.after);
        assert!(
            OIL.contains(&sentence),
            "blank restores the article's sentence: {sentence}"
        );
        assert!(!an.is_stop(&p.answer.to_lowercase()), "stop word blanked: {text}");
        assert!(
            p.answer.chars().count() * 2 <= sentence.chars().count(),
            "blank is most of the sentence: {text}"
        );
        assert!(
            seen.insert((sentence.clone(), p.answer.to_string())),
            "same sentence and blank twice: {text}"
        );
    }
}

#[test]
fn a_cloze_from_a_numbered_item_drops_the_items_number() {
    let text = "# Kiln FAQ\n\n## Why did the glaze crawl?\n\nOne of two reasons:\n\n1. ) The bisque ware carried a film of dust from the Wednesday workshop.\n\n2) The glaze layer dried thicker than the recommended 0.8 millimetres overnight.\n\n## Who loads the kiln?\n\nThe duty technician loads it every Friday.\n";
    let deck = build_markdown(text, Some(3));
    let clozes = cloze_texts(&deck);
    assert!(
        clozes
            .iter()
            .any(|t| t.starts_with("The bisque") || t.starts_with("The glaze")),
        "{clozes:?}"
    );
    assert!(
        clozes.iter().all(|t| !t.starts_with(|c: char| c.is_ascii_digit())),
        "{clozes:?}"
    );
    // A figure opening an item is its text.
    assert_eq!(article::item_number_len("3.4 FCS lacks the headers."), 0);
    assert_eq!(article::item_number_len("2.1. The headers."), 5);
}

#[test]
fn cloze_count_defaults_to_about_one_per_hundred_words_and_zero_disables() {
    let article = parse(OIL, Format::Text);
    let expected = ((article.word_count() as f64) / 100.0).round() as usize;
    let deck = build_text(OIL, None);
    assert_eq!(
        deck.cards.iter().filter(|c| c.body.kind() == "cloze").count(),
        expected.max(1)
    );
    let none = build_text(OIL, Some(0));
    assert!(none.cards.iter().all(|c| c.body.kind() == "qa"));
}

#[test]
fn numbers_and_names_are_preferred_blanks() {
    let deck = build_text(OIL, Some(2));
    let blanks: Vec<String> = deck
        .cards
        .iter()
        .filter_map(|c| match &c.body {
            CardBody::Cloze { text, .. } => Some(cloze_parts(text).unwrap().answer.to_string()),
            CardBody::Qa { .. } => None,
        })
        .collect();
    assert!(
        blanks
            .iter()
            .any(|b| b.chars().any(|c| c.is_ascii_digit()) || b.starts_with(char::is_uppercase)),
        "{blanks:?}"
    );
}

#[test]
fn distractors_are_same_kind_and_differ_from_the_answer() {
    let deck = build_text(OIL, Some(8));
    for c in &deck.cards {
        if let CardBody::Cloze { text, distractors, .. } = &c.body {
            let answer = cloze_parts(text).unwrap().answer.to_lowercase();
            assert!(distractors.len() <= 3);
            for d in distractors {
                assert_ne!(d.to_lowercase(), answer);
                let numeric = |s: &str| s.chars().any(|c| c.is_ascii_digit());
                assert_eq!(numeric(d), numeric(&answer), "{d} vs {answer}");
            }
        }
    }
}

#[test]
fn ids_unique_and_generation_deterministic() {
    let a = build_text(OIL, None);
    let b = build_text(OIL, None);
    assert_eq!(a, b);
    let ids: HashSet<&str> = a.cards.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), a.cards.len());
}

#[test]
fn article_without_questions_still_gets_clozes() {
    let deck = build_text(
        "Rivers\n\nThe Nile flows north through eleven countries into the Mediterranean Sea. The Amazon carries more water than any other river on Earth.\n",
        None,
    );
    assert!(deck.cards.iter().all(|c| c.body.kind() == "cloze"));
    assert_eq!(deck.cards.len(), 1);
}

#[test]
fn list_introduced_by_a_colon_is_part_of_the_answer() {
    let text = "Cycle\n\n1. What are the stages of the cycle?\n\nThe cycle has three stages:\n\n- Heating, when water warms.\n- Rising, when vapour climbs.\n- Falling, when rain drops.\n\nIt repeats forever in every ocean.\n\n2. Why?\n\nBecause the Sun shines.\n";
    let deck = build_text(text, Some(0));
    assert_eq!(
        qa_answers(&deck)[0],
        "The cycle has three stages:\n- Heating, when water warms.\n- Rising, when vapour climbs.\n- Falling, when rain drops."
    );
}

#[test]
fn an_item_of_a_list_the_answer_brings_is_in_it_once() {
    // Each question on the line takes a sentence: "See:", which brings the
    // whole list, and the item on the sawmill.
    let text = "Pottery\n\n1. How do I glaze my pots? Where can I find wood ash?\n\nSee:\n\n- The glazing guide, for every clay body.\n- The sawmill page, on wood ash from the local sawmill.\n\n2. Why?\n\nBecause the kiln fires.\n";
    let deck = build_text(text, Some(0));
    assert_eq!(
        qa_answers(&deck)[0],
        "See:\n- The glazing guide, for every clay body.\n- The sawmill page, on wood ash from the local sawmill."
    );
}

#[test]
fn a_yes_no_question_is_answered_by_the_sentence_that_restates_it() {
    // The opening sentence restates the question, which for a wh-question
    // marks a lead-in; here it is the verdict.
    let text = "Tiny Houses\n\nWe build tiny houses.\n\n1. Do I need planning permission for a tiny house?\n\nOn a trailer, a tiny house counts as a caravan, so you usually need no planning permission for short stays. Living in one full time on your own land needs permission in most areas.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("On a trailer"), "{answers:?}");
}

#[test]
fn a_why_question_is_answered_by_the_cause_before_the_remedy() {
    let text = "Printers\n\nMost printer problems have simple causes.\n\n1. Why are my prints streaky?\n\nThe print head is clogged. Run the cleaning cycle from the maintenance menu twice, then print a test page.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("The print head is clogged."), "{answers:?}");
    let an = Analyzer::new();
    let mut vocab = crate::extract::Vocab::new(&an);
    let mut instruction = |s: &str| is_instruction(s, &crate::extract::tokenize(&an, &mut vocab, s));
    for yes in [
        "Run the cleaning cycle.",
        "Connect your phone to it.",
        "Descale it with acid.",
        "Top up the pressure to 1.5 bar.",
        "Bleed each radiator with a key.",
    ] {
        assert!(instruction(yes), "{yes}");
    }
    for no in [
        "The print head is clogged.",
        "Limescale on the element fools it.",
        "Faded prints mean low toner.",
        "Water in the tank goes stale.",
        "Prices went up the same year.",
    ] {
        assert!(!instruction(no), "{no}");
    }
}

#[test]
fn a_why_question_is_answered_by_the_cause_even_when_the_remedy_says_when() {
    // "when" marks a cause in "It fails when ..."; in an instruction it
    // only says when to act.
    let text = "Night Buses\n\nNight buses run all night.\n\n1. Why did my bus not stop?\n\nNight buses stop only on request at most stops. Raise your hand clearly as the bus approaches, and press the bell once when you want to get off.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert_eq!(answers[0], "Night buses stop only on request at most stops.");
}

#[test]
fn an_opening_that_restates_the_question_but_names_a_value_in_code_is_the_answer() {
    let text = "# Build farm\n\nThe farm builds every project.\n\n## Which branches build on every push?\n\nOnly main and branches named `release/*` build on every push. Other branches build nightly at 02:00 UTC.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(
        answers[0].starts_with("Only main and branches named `release/*`"),
        "{answers:?}"
    );
}

#[test]
fn a_who_question_is_answered_by_whom_the_section_names_not_by_what_to_do() {
    let text = "Build Farm\n\nTwelve agents build every project.\n\n1. Who looks after the farm?\n\nThe platform team owns the farm. Raise a ticket in the PLAT project, or ask in the #build-farm channel during office hours.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(
        answers[0].starts_with("The platform team owns the farm."),
        "{answers:?}"
    );
    assert_eq!(cue_of("Who looks after the farm?"), Cue::Person);
    assert_eq!(cue_of("Who should I contact about a fault?"), Cue::Contact);
}

#[test]
fn how_something_is_worked_out_is_answered_by_what_it_depends_on() {
    let text = "Council Tax\n\nCouncil Tax pays for local services.\n\n1. How is my Council Tax worked out?\n\nYour bill depends on the valuation band of your home. The agency puts every home in one of eight bands. The council then sets the charge for each band every February.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(
        answers[0].starts_with("Your bill depends on the valuation band"),
        "{answers:?}"
    );
}

#[test]
fn what_can_i_do_after_a_complaint_is_answered_by_the_advice_that_opens_the_section() {
    let text = "Council Tax\n\nCouncil Tax pays for local services.\n\n1. I think my band is wrong. What can I do?\n\nYou can challenge your band with the Valuation Office Agency, not the council. Keep paying your current bill while the challenge is looked at, because any refund will be paid back to you if the band is lowered.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("You can challenge your band"), "{answers:?}");
    assert_eq!(
        asking_part("I think my band is wrong. What can I do?"),
        "What can I do?"
    );
    assert_eq!(asking_part("What is Wi-Fi 6E?"), "What is Wi-Fi 6E?");
    assert_eq!(
        asking_part("Is it free, e.g. for students?"),
        "Is it free, e.g. for students?"
    );
    assert!(is_procedural("What should we do?"));
    assert!(!is_procedural("What can I bring?"));
}

#[test]
fn a_sentence_after_the_code_an_answer_brings_starts_its_own_line() {
    let text = "# tidyfs\n\nFinds duplicate files.\n\n## Can I exclude folders?\n\nYes, with `--exclude`:\n\n```sh\ntidyfs scan ~/Photos --exclude node_modules\n```\n\nPatterns use gitignore syntax.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert_eq!(
        answers[0],
        "Yes, with `--exclude`:\n```sh\ntidyfs scan ~/Photos --exclude node_modules\n```\nPatterns use gitignore syntax."
    );
}

#[test]
fn a_cause_given_with_so_answers_why_though_it_restates_the_question() {
    let text = "Mirrors\n\nThe tool mirrors a folder to storage.\n\n1. Why does the tool upload every file on the first run?\n\nThe first run has no manifest to compare against, so every file counts as new. Later runs read the manifest from the bucket and skip unchanged files.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("The first run has no manifest"), "{answers:?}");
}

#[test]
fn can_i_is_answered_by_what_allows_or_forbids() {
    let text = "Kayak Hire\n\nWe hire kayaks and canoes.\n\n1. CAN I BRING MY DOG?\n\nDogs are welcome in open canoes but not in kayaks. Bring a lead, and keep the dog in the middle of the canoe so it does not tip.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("Dogs are welcome"), "{answers:?}");
    assert_eq!(cue_of("Can I bring my dog?"), Cue::Permission);
    assert_eq!(cue_of("Are dogs allowed on board?"), Cue::Permission);
    assert_eq!(cue_of("Can the app sync?"), Cue::None);
}

#[test]
fn yes_no_questions_keep_the_verdict() {
    let text = "Tea\n\n1. Is green tea caffeinated?\n\nYes. A cup holds about 30 milligrams of caffeine, less than coffee.\n\nShade-grown teas hold more.\n\n2. Why?\n\nBecause.\n";
    assert_eq!(
        qa_answers(&build_text(text, Some(0)))[0],
        "Yes. A cup holds about 30 milligrams of caffeine, less than coffee."
    );
}

#[test]
fn a_list_of_labelled_items_gives_its_labels_as_keypoints() {
    let text = "# Water\n\nWater moves.\n\n## What are the stages of the water cycle?\n\n- Evaporation: the Sun heats surface water, which turns into vapour.\n- Condensation: rising vapour cools and forms clouds.\n- Step 3: droplets fall as rain.\n- Note: this repeats.\n";
    let deck = build_markdown(text, None);
    let keypoints = first_keypoints(&deck);
    assert_eq!(keypoints[..2], ["Evaporation", "Condensation"]);
    assert!(
        !keypoints.iter().any(|k| k.starts_with("Step") || k == "Note"),
        "{keypoints:?}"
    );
}

#[test]
fn a_keypoint_never_repeats_part_of_another() {
    let text = "Tax\n\nPanels save money.\n\n1. Is there VAT to pay on panels?\n\nNo. Solar panels on homes are zero-rated for VAT until March 2027.\n";
    let keypoints = first_keypoints(&build_text(text, Some(0)));
    assert!(keypoints.contains(&"March 2027".to_string()), "{keypoints:?}");
    assert!(!keypoints.contains(&"March".to_string()), "{keypoints:?}");
}

#[test]
fn a_verdict_after_a_note_goes_with_its_sentence() {
    let text = "# Solar\n\nPanels make power.\n\n## Is there any VAT to pay on panels?\n\n> **Note:** This changes in April 2027.\n\nNo. Solar panels on homes are zero-rated for VAT until March 2027.\n";
    assert_eq!(
        qa_answers(&build_markdown(text, Some(0)))[0],
        "No. Solar panels on homes are zero-rated for VAT until March 2027."
    );
}

#[test]
fn a_section_opening_with_a_lead_in_to_a_list_is_answered_by_the_list() {
    let text = "# Hay fever\n\nHay fever is an allergy to pollen.\n\n## What are the symptoms of hay fever?\n\nSymptoms include:\n\n- sneezing and coughing\n- itchy, red or watery eyes\n\nUnlike a cold, hay fever does not cause a high temperature, and it lasts for weeks or months rather than days.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(answers[0].starts_with("Symptoms include:\n"), "{answers:?}");
    assert!(answers[0].contains("watery eyes"), "{answers:?}");
}

#[test]
fn where_is_answered_by_a_path_or_a_named_place() {
    let text = "# Cinderlog\n\nCinderlog ships logs.\n\n## Where does Cinderlog look for its configuration file?\n\nIt reads `/etc/cinderlog/cinderlog.toml` by default. Set the `CINDERLOG_CONFIG` environment variable to use another file.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(
        answers[0].starts_with("It reads `/etc/cinderlog/cinderlog.toml`"),
        "{answers:?}"
    );
    assert_eq!(cue_of("Where do we meet?"), Cue::Place);
    assert!(has_path("It reads `/etc/app.toml` first."));
    assert!(has_path("See ~/.config/app for it."));
    assert!(!has_path("Use 1/2 cup, and/or sugar."));
}

#[test]
fn what_can_i_is_answered_by_what_is_allowed_not_what_is_ruled_out() {
    let text = "Garden Waste\n\nThe council collects garden waste.\n\n1. What can I put in my garden waste bin?\n\nGrass cuttings, hedge trimmings, leaves, flowers and small branches. Please do not include soil, stones, food waste or plastic plant pots.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("Grass cuttings"), "{answers:?}");
    assert_eq!(cue_of("What can I put in my bin?"), Cue::Things);
    assert_eq!(cue_of("What should I do?"), Cue::None);
}

#[test]
fn a_short_verdict_brings_the_sentence_after_it() {
    let text = "Solar\n\nPanels make power.\n\n1. Do panels work on cloudy days?\n\nYes, but less well. On an overcast day a system makes a quarter of its clear-sky output. Snow is another matter.\n";
    assert_eq!(
        qa_answers(&build_text(text, Some(0)))[0],
        "Yes, but less well. On an overcast day a system makes a quarter of its clear-sky output."
    );
}

#[test]
fn keypoints_keep_two_figures_of_one_unit() {
    let text = "Oil\n\nCars use oil.\n\n1. How much oil do electric cars replace?\n\nElectric cars displaced 1 million barrels a day in 2024, and the agency expects 5 million barrels a day by 2030.\n";
    let deck = build_text(text, Some(0));
    let keypoints = first_keypoints(&deck);
    for figure in ["1 million", "5 million"] {
        assert!(
            keypoints.iter().any(|k| k.starts_with(figure)),
            "{figure}: {keypoints:?}"
        );
    }
}

#[test]
fn a_verdict_in_other_words_is_kept_too() {
    for verdict in ["Not yet.", "Not necessarily.", "It depends.", "Usually not."] {
        let text = format!(
            "Notes\n\nThe app syncs notes.\n\n1. Is there an API for the notes?\n\n{verdict} A read-only HTTP API is planned for version 3.0 of the notes app.\n"
        );
        assert_eq!(
            qa_answers(&build_text(&text, Some(0)))[0],
            format!("{verdict} A read-only HTTP API is planned for version 3.0 of the notes app.")
        );
    }
}

#[test]
fn split_questions_on_run_in_lines() {
    assert_eq!(
        crate::extract::split_questions("What approach is X using What are the differences from Y?"),
        ["What approach is X using", "What are the differences from Y?"]
    );
    assert_eq!(
        crate::extract::split_questions("Is it safe? How do I know?"),
        ["Is it safe?", "How do I know?"]
    );
    assert_eq!(crate::extract::split_questions("What is What?"), ["What is What?"]);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn faq_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                "[1-9]\\. (What|How|Why) [A-Za-z ]{0,30}\\?",
                "[A-Z][a-z]{2,8}( [a-zA-Z0-9]{1,9}){3,15}\\.( [A-Z][a-z]{1,8}( [a-z0-9]{1,9}){3,12}\\.){0,3}",
                "- [a-z ]{0,20}",
                "## [A-Za-z ?]{1,20}",
                "\\PC{0,40}",
            ],
            1..30,
        )
        .prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn generation_is_deterministic_and_clozes_are_well_formed(text in faq_text()) {
            let a = build_text(&text, None);
            let b = build_text(&text, None);
            prop_assert_eq!(&a, &b);
            prop_assert_eq!(crate::deck::yaml::to_string(&a).unwrap(), crate::deck::yaml::to_string(&b).unwrap());
            let ids: HashSet<&str> = a.cards.iter().map(|c| c.id.as_str()).collect();
            prop_assert_eq!(ids.len(), a.cards.len());
            for c in &a.cards {
                match &c.body {
                    CardBody::Cloze { text, .. } => {
                        let p = cloze_parts(text).unwrap();
                        prop_assert!(!p.answer.is_empty());
                    }
                    CardBody::Qa { question, answer, .. } => {
                        prop_assert!(!question.is_empty());
                        prop_assert!(!answer.trim().is_empty(), "empty answer for {:?}", question);
                    }
                }
            }
            // What is written reads back as a valid deck.
            let yaml = crate::deck::yaml::to_string(&a).unwrap();
            let back = crate::deck::yaml::from_str(&yaml);
            prop_assert!(back.is_ok(), "{:?}", back.err());
        }

        /// Changed figures are new, distinct, of the answer's unit and never
        /// negative, whatever the answer looks like.
        #[test]
        fn changed_figures_differ_and_keep_the_rest(
            before in "(£|\\$|about )?",
            figure in "[0-9]{1,6}(\\.[0-9]{1,3})?|[0-9]{1,3}(,[0-9]{3}){1,3}",
            after in "( mg| percent|%| km| BC| years)?",
            junk in "\\PC{0,12}",
        ) {
            for answer in [format!("{before}{figure}{after}"), junk.clone()] {
                let variants = number_variants(&answer);
                prop_assert!(variants.len() <= 3);
                let distinct: HashSet<&String> = variants.iter().collect();
                prop_assert_eq!(distinct.len(), variants.len());
                for v in &variants {
                    prop_assert_ne!(v, &answer);
                    if answer != junk {
                        prop_assert!(!v.contains('-'), "{} from {}", v, answer);
                        prop_assert!(v.starts_with(before.as_str()) && v.ends_with(after.as_str()), "{} from {}", v, answer);
                    }
                }
            }
        }
    }
}

#[test]
fn cue_mask_finds_every_phrase_of_each_kind() {
    let naive = |lower: &str| {
        [CONTRAST_PHRASES, CAUSE_PHRASES, MEANS_PHRASES]
            .iter()
            .zip([CUE_CONTRAST, CUE_CAUSE, CUE_MEANS])
            .filter(|(ws, _)| ws.iter().any(|w| lower.contains(w)))
            .fold(0, |m, (_, b)| m | b)
    };
    let mut sentences: Vec<String> = [CONTRAST_PHRASES, CAUSE_PHRASES, MEANS_PHRASES]
        .concat()
        .iter()
        .map(|p| format!("x{p}y"))
        .collect();
    sentences.extend([
        "it rained, so that the river rose by means of runoff, whereas the lake fell".to_string(),
        "no cue here at all".to_string(),
        "by contrast".to_string(),
        String::new(),
    ]);
    for s in &sentences {
        assert_eq!(cue_mask(s), naive(s), "{s:?}");
    }
    assert_eq!(cue_mask("whereas because via"), CUE_CONTRAST | CUE_CAUSE);
}

#[test]
fn spellings_hash_alike_exactly_when_they_lowercase_alike() {
    let hash = lowercase_hash;
    // Every ASCII character at every position up to 16: equal to its
    // lowercase form, and apart from every other character (`@` and
    // `` ` ``, `[` and `{` sit 0x20 apart too).
    for lane in 0..16 {
        let mut seen = HashSet::new();
        for b in 0u8..128 {
            let s = format!("{}{}", "x".repeat(lane), char::from(b));
            let lower = s.to_ascii_lowercase();
            assert_eq!(hash(&s), hash(&lower), "{s:?}");
            seen.insert(hash(&lower));
        }
        assert_eq!(seen.len(), 128 - 26, "lane {lane}");
    }
    assert_eq!(hash("\u{212a}M"), hash("km"));
    assert_eq!(hash("Éclair Factory"), hash("éclair factory"));
    assert_ne!(hash("Paris"), hash("Parks"));
    assert_ne!(hash("a"), hash("a\0"));
}

#[test]
fn how_often_is_answered_by_the_sentence_with_the_frequency() {
    let text = "Aquarium FAQ\n\nFish keeping starts with clean water.\n\nQ: How often should I change the water?\nChange a quarter of the water every week. Larger changes stress the fish.\n";
    let answers = qa_answers(&build_text(text, None));
    assert_eq!(answers, ["Change a quarter of the water every week."]);
}

#[test]
fn how_long_prefers_a_unit_of_time_to_a_mere_count() {
    let text = "Contributing\n\nNew contributors ask this on the list.\n\n1. How long does a review take?\n\nMost patches get a first review within a week. Large changes can take longer, because two maintainers must approve them.\n";
    let answers = qa_answers(&build_text(text, None));
    assert!(
        answers[0].starts_with("Most patches get a first review within a week."),
        "{answers:?}"
    );
}

const ADMISSIONS: &str = "Postgraduate admissions\n\nFor applicants to taught courses.\n\n1. When is the application deadline?\n\nWe review applications in three rounds. The final deadline is 30 June for courses starting in September, but popular courses can fill in the first round.\n\n2. Who should I contact if my referee has not responded?\n\nEmail the admissions office at pgadmit@example.ac.uk with your full name and application number. We can send your referee a reminder, or accept a reference sent straight from their university email account.\n\n3. Which courses fill first?\n\nGeology and climate science fill first. Write to geo@example.ac.uk for the latest numbers, kept in `intake.csv`.\n";

#[test]
fn when_is_not_answered_by_a_count_in_words() {
    let answers = qa_answers(&build_text(ADMISSIONS, None));
    assert!(answers[0].starts_with("The final deadline is 30 June"), "{answers:?}");
}

#[test]
fn what_drives_x_is_answered_by_what_comes_before_the_verb() {
    let text = "Weather\n\nFrom our course.\n\n1. What drives the trade winds?\n\nThe trade winds blow steadily towards the equator in both hemispheres. Air rising over the hot equator and sinking near 30 degrees latitude drives them, and the rotation of the Earth bends them westward.\n\n2. What makes a cloud rain?\n\nClouds are made of droplets far too small to fall. Droplets grow by colliding and merging until they are heavy enough to fall, which makes the cloud rain.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("Air rising over the hot equator"), "{answers:?}");
    assert!(answers[1].starts_with("Droplets grow by colliding"), "{answers:?}");
    // Only a question that asks for its verb's subject has one.
    let an = Analyzer::new();
    let mut vocab = Vocab::new(&an);
    let verb = |q: &str, vocab: &mut Vocab| asked(&an, vocab, q).agent.is_some();
    for (q, agent) in [
        ("What drives the trade winds?", true),
        ("Who decides the fees?", true),
        ("What caused the delay?", true),
        ("What fuel do the stoves use?", false),
        ("What documents does it need?", false),
        ("Which branches build on every push?", false),
        ("What is a trade wind?", false),
        ("How does it work?", false),
    ] {
        assert_eq!(verb(q, &mut vocab), agent, "{q}");
    }
}

#[test]
fn a_step_written_into_a_paragraph_is_no_runner_up() {
    let text = "Council Tax Reduction – Frequently Asked Questions\n\nThis page explains how the council decides who gets a reduction and how to apply.\n\nQ. Who can get a reduction?\nA. You may get a reduction if you are on a low income or claim certain benefits. Savings over £16,000 usually stop a claim, unless you get the guarantee part of Pension Credit.\n\nQ. What do I need to apply?\nA. Have these ready before you start:\n• your National Insurance number\n• proof of income for the last two months\n• your bank details\nClaims without proof of income are put on hold for 28 days.\n\nQ. How long does a decision take?\nA. Most claims are decided within 14 days. Step 1: we check your details. Step 2: we work out the reduction. Step 3: we send a new bill.\n\nQ. Can I appeal?\nA. Yes – write to us within one month of the decision. If we do not change it, you can go to the Valuation Tribunal, which is independent of the council.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert_eq!(answers[2], "Most claims are decided within 14 days.");
}

#[test]
fn a_sentence_broken_off_over_short_code_brings_it_and_bulleted_items_keep_their_lines() {
    let text = "# FTP FAQ\n\nAbout the client.\n\n## How do I send binary files?\n\nTo transfer files without translation the client provides the `binary` method\n\n```\n$ftp->binary;\n```\n\n## Where is the DLL?\n\nSee\n\n- the web site at example.org\n- the file win32/DLL_FAQ.txt in the archive\n\n## What does it print?\n\nA report follows, like\n\n```\nline 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nline 8\nline 9\nline 10\nline 11\nline 12\nline 13\n```\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert_eq!(
        answers[0],
        "To transfer files without translation the client provides the `binary` method\n```\n$ftp->binary;\n```"
    );
    assert!(
        answers[1].ends_with("\n- the file win32/DLL_FAQ.txt in the archive"),
        "{answers:?}"
    );
    // A listing longer than a card can hold stays in the context.
    assert_eq!(answers[2], "A report follows, like");
}

#[test]
fn a_sentence_that_goes_on_after_code_comes_with_its_opening() {
    let text = "Kiln library FAQ\n\nQuestions about the kiln control library.\n\n 8. I think I found a bug.\n\n    Most reports turn out to be misuse of the library. Please cut the problem down to a short program first.\n\n 9. Why do I get \"undefined symbol kiln_open\"?\n\n    If the test build prints something like\n\n       demo.o(.text+0x2a): undefined symbol `kiln_open'\n\n    make sure no stale copies of libkiln.* remain in /usr/lib, /usr/local/lib or\n    /opt/lib. Delete the old copies, then run \"make install\".\n\n10. Can it drive two kilns?\n\n    Not by itself. See the examples directory in the source tree.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert_eq!(
        answers[1],
        "If the test build prints something like\n       demo.o(.text+0x2a): undefined symbol `kiln_open'\nmake sure no stale copies of libkiln.* remain in /usr/lib, /usr/local/lib or /opt/lib."
    );
    // Chosen for what it says, the sentence brings its opening and code.
    let dos = "Batch FAQ\n\nAbout batch files.\n\n1. Why does copying every file fail under DOS?\n\n    Use two batch files instead. Do not run a command like\n\n       for %%f in (*.txt) do copy %%f OUT\\%%f\n\n    under DOS, because DOS makes the output file before it expands the variable, so every copy fails.\n\n2. Can I loop over folders?\n\n    Yes, with the /D switch.\n";
    let answers = qa_answers(&build_text(dos, Some(0)));
    assert!(answers[0].contains("Do not run a command like\n"), "{answers:?}");
    assert!(answers[0].ends_with("so every copy fails."), "{answers:?}");
}

#[test]
fn who_to_contact_is_answered_by_the_address() {
    let deck = build_text(ADMISSIONS, Some(8));
    let answers = qa_answers(&deck);
    assert!(
        answers[1].starts_with("Email the admissions office at pgadmit@example.ac.uk"),
        "{answers:?}"
    );
    // The address is one key point and one blank, whose wrong answers are
    // addresses.
    let keypoints = &qa_keypoints(&deck)[1];
    assert!(
        keypoints.contains(&"pgadmit@example.ac.uk".to_string()),
        "{keypoints:?}"
    );
    assert_eq!(distractors_of(&deck, "pgadmit@example.ac.uk"), ["geo@example.ac.uk"]);
}

#[test]
fn a_restriction_answers_when_and_a_short_figure_is_a_key_point() {
    let text = "Driving Test Questions\n\nPractice questions for the theory test.\n\n1. What is the national speed limit on a single carriageway road?\n\n60 mph. The limit is lower for vans, buses and cars towing trailers.\n\n2. When may you use hazard warning lights while driving?\n\nOnly on a motorway or dual carriageway, to warn drivers behind you of a hazard ahead. Switch them off as soon as the drivers behind have seen the warning.\n";
    let deck = build_text(text, Some(0));
    let answers = qa_answers(&deck);
    assert!(answers[1].starts_with("Only on a motorway"), "{answers:?}");
    assert_eq!(first_keypoints(&deck)[0], "60 mph");
}

#[test]
fn how_long_is_not_answered_by_how_often() {
    // "twice" answers a "how often", never a "how long".
    let text = "# Allotments\n\nPlots by the river.\n\n## How long is the waiting list?\n\nThe waiting list is currently about eighteen months long. Half plots come up faster, because fewer people ask for them.\n\nJoining the list costs nothing. We write to you when a plot is free; if you turn it down twice, you go back to the end of the list.\n";
    let answers = qa_answers(&build_markdown(text, None));
    assert_eq!(answers, ["The waiting list is currently about eighteen months long."]);
}

#[test]
fn a_section_that_is_only_a_list_is_answered_by_the_list() {
    let text = "# Moving FAQ\n\nPlan six weeks ahead.\n\n## What should I pack first?\n\n* Books and out-of-season clothes.\n* Decorations and spare bedding.\n\n## When do I book movers?\n\nFour weeks ahead.\n";
    let deck = build_markdown(text, None);
    assert_eq!(
        qa_answers(&deck)[0],
        "* Books and out-of-season clothes.\n* Decorations and spare bedding."
    );
}

#[test]
fn a_list_that_opens_a_section_answers_it_not_the_remark_after() {
    let text = "# Brewing FAQ\n\nStart small.\n\n## What equipment should I buy first?\n\n* A fermenting bucket with an airlock.\n* A hydrometer.\n\nStart with these; a boiler can wait until you brew all-grain.\n";
    let deck = build_markdown(text, None);
    assert_eq!(
        qa_answers(&deck)[0],
        "* A fermenting bucket with an airlock.\n* A hydrometer."
    );
}

#[test]
fn how_do_i_is_answered_by_what_to_do() {
    let text = "Project FAQ\n\nThe project is run by volunteers.\n\n1. How do I report a bug?\n\nOpen an issue on the tracker with the smallest script that shows the problem. Security problems go to the private security address instead.\n";
    assert_eq!(
        qa_answers(&build_text(text, None)),
        ["Open an issue on the tracker with the smallest script that shows the problem."]
    );
    assert!(is_procedural("How do I report a bug?") && is_procedural("How to report a bug?"));
    assert!(!is_procedural("How does the tracker work?") && !is_procedural("How many bugs are open?"));
}

#[test]
fn naming_the_subject_of_a_short_question_is_no_lead_in() {
    let text = "CAMPING STOVE FAQ\n\nFor new members.\n\nWHAT FUEL DO THE CLUB STOVES USE?\nAll four club stoves burn isobutane-propane mix from screw-on canisters. Do not refill canisters; the club buys new ones from the outdoor shop on Mill Lane.\n";
    assert_eq!(
        qa_answers(&build_text(text, None)),
        ["All four club stoves burn isobutane-propane mix from screw-on canisters."]
    );
}

#[test]
fn a_figure_gets_figures_of_its_unit_then_its_own_changed_never_dates_or_other_units() {
    let text = "Allotment FAQ\n\nFor new plot holders.\n\n1. How much does a plot cost?\n\nA full plot costs £48 a year and a half plot £26. Rent is due on 1 October and includes water.\n\n2. What may I build?\n\nOne shed of up to 2.4 by 1.8 metres and one greenhouse.\n";
    let deck = build_text(text, Some(12));
    let distractors = distractors_of(&deck, "£48");
    // Not "1 October", "2.4" nor "1.8 metres": each is plainly no price;
    // nor "£26", printed beside the blank.
    assert_eq!(distractors, ["£96", "£24", "£72"]);
}

#[test]
fn an_answer_may_open_with_a_code_span() {
    let text = "# Git stash\n\nStashing is handy.\n\n## What does git stash do?\n\n`git stash` saves your uncommitted changes and cleans the working tree. Git stash is handy before you pull changes into a dirty working tree.\n";
    let deck = build_markdown(text, None);
    let answers = qa_answers(&deck);
    assert!(
        answers[0].starts_with("`git stash` saves your uncommitted changes"),
        "{answers:?}"
    );
}

#[test]
fn a_cloze_avoids_a_sentence_that_opens_with_a_pronoun() {
    let text = "Garden waste\n\nWestbrook Council collects garden waste every two weeks from March to November. The service costs £52 a year.\n\n1. Where does my garden waste go?\n\nIt goes to the Hollins Lane composting site, where it is composted in open windrows for about 12 weeks. The finished compost is sold to local farmers.\n\n2. Can I get a refund?\n\nRefunds are given only if you cancel within 14 days of subscribing.\n";
    let deck = build_text(text, Some(2));
    let clozes = cloze_texts(&deck);
    assert_eq!(clozes.len(), 2);
    assert!(clozes.iter().all(|t| !t.starts_with("It ")), "{clozes:?}");
}

#[test]
fn the_verb_of_an_instruction_is_no_keypoint_a_noun_opening_a_sentence_may_be() {
    let text = "Kettle care\n\nHard water leaves scale.\n\n1. How do I descale the kettle?\n\nOpen the lid and fill the kettle with white vinegar. Limescale dissolves within an hour.\n";
    let deck = build_text(text, Some(0));
    let keypoints = first_keypoints(&deck);
    assert!(!keypoints.iter().any(|k| k == "Open"), "{keypoints:?}");
    assert!(keypoints.iter().any(|k| k == "white vinegar"), "{keypoints:?}");
}

#[test]
fn an_answer_sentence_leaning_on_the_one_before_does_not_stand_alone() {
    let text = "Tomato troubles\n\nTomatoes are easy to grow.\n\n1. Why are the bottoms of my tomatoes black?\n\nThat is blossom end rot, a calcium deficiency in the fruit. It is almost always caused by uneven watering rather than a lack of calcium in the soil. Water deeply twice a week instead of a little every day.\n";
    let deck = build_text(text, Some(0));
    let answers = qa_answers(&deck);
    assert!(answers[0].starts_with("That is blossom end rot"), "{answers:?}");
}

#[test]
fn changed_figures_keep_their_unit_and_form() {
    assert_eq!(number_variants("100 mg"), ["200 mg", "50 mg", "150 mg"]);
    assert_eq!(
        number_variants("1,700 billion"),
        ["3,400 billion", "850 billion", "2,550 billion"]
    );
    assert_eq!(
        number_variants("1.5 percent"),
        ["0.8 percent", "50.8 percent", "1.1 percent"]
    );
    assert_eq!(number_variants("97%"), ["49%", "99%", "73%"]);
    assert_eq!(
        number_variants("97 per cent"),
        ["49 per cent", "99 per cent", "73 per cent"]
    );
    // Not a share: "per day" may pass 100.
    assert_eq!(
        number_variants("150 per day"),
        ["300 per day", "75 per day", "225 per day"]
    );
    assert_eq!(number_variants("3 cups"), ["4 cups", "5 cups", "2 cups"]);
    // A time of day moves by the hour, on its own clock.
    assert_eq!(number_variants("05:00"), ["06:00", "07:00", "04:00"]);
    // A decade moves by tens.
    assert_eq!(number_variants("1950s"), ["1960s", "1970s", "1940s"]);
    assert_eq!(number_variants("80s"), ["90s", "70s"]);
    assert_eq!(number_variants("23:30"), ["00:30", "01:30", "22:30"]);
    assert_eq!(number_variants("7:45 pm"), ["8:45 pm", "9:45 pm", "6:45 pm"]);
    // Across noon and midnight the half of the day turns.
    assert_eq!(number_variants("12:15 am"), ["1:15 am", "2:15 am", "11:15 pm"]);
    assert_eq!(number_variants("11:30 pm"), ["12:30 am", "1:30 am", "10:30 pm"]);
    assert_eq!(number_variants("10 am"), ["11 am", "12 pm", "9 am"]);
    assert_eq!(number_variants("10 A.M."), ["11 A.M.", "12 P.M.", "9 A.M."]);
    assert_eq!(number_variants("1pm"), ["2pm", "3pm", "12pm"]);
    assert!(number_variants("25:00").is_empty());
    assert_eq!(number_variants("1991"), ["1988", "1993", "1985"]);
    assert_eq!(number_variants("500 BC"), ["497 BC", "502 BC", "494 BC"]);
    // Three digits alone are a count ("400 homes"), not a year.
    assert!(number_variants("400").is_empty());
    // Digits in a name ("amd64") count nothing.
    assert!(number_variants("amd64").is_empty());
    // A bare figure may be a count, a version, a model: no neighbourhood.
    assert!(number_variants("80").is_empty());
    assert!(number_variants("3.13").is_empty());
    // Two figures that are no range (a size): no one figure to change.
    assert!(number_variants("2.4 by 1.8 metres").is_empty());
    // A range moves as a whole and keeps running upwards.
    assert_eq!(
        number_variants("10 to 25 per cent"),
        ["5 to 13 per cent", "55 to 63 per cent", "8 to 19 per cent"]
    );
    assert_eq!(
        number_variants("3 and 5 bar"),
        ["4 and 6 bar", "5 and 7 bar", "2 and 4 bar"]
    );
    assert_eq!(
        number_variants("2019 to 2021"),
        ["2016 to 2018", "2021 to 2023", "2013 to 2015"]
    );
    // A count in words changes in words, in its own case.
    assert_eq!(
        number_variants("five hours"),
        ["six hours", "seven hours", "four hours"]
    );
    assert_eq!(
        number_variants("Two working days"),
        ["Three working days", "Four working days"]
    );
    // A range in words moves as one, and may start at "one".
    assert_eq!(
        number_variants("seven to nine hours"),
        ["eight to ten hours", "nine to eleven hours", "six to eight hours"]
    );
    assert_eq!(
        number_variants("one to two weeks"),
        ["two to three weeks", "three to four weeks"]
    );
    assert_eq!(number_variants("two metres"), ["three metres", "four metres"]);
    assert!(number_variants("one week").is_empty());
    assert!(number_variants("two thirds").is_empty());
    // An account or part number is no quantity.
    assert!(number_variants("12345678901234567890 kg").is_empty());
}

#[test]
fn a_name_of_the_same_root_is_no_wrong_answer_and_possessives_are_dropped() {
    assert!(same_root("russia", "russians"));
    assert!(same_root("ukrainian", "ukraine"));
    assert!(same_root("china", "chinese"));
    assert!(same_root("russia-china", "russians"));
    assert!(!same_root("austria", "australia"));
    assert!(!same_root("leeds", "london"));
    let text = "Trade\n\nLeeds trades with the Russia-China corridor, and Ukraine trades with Leeds too. Norway sells fish to Leeds and to Russia’s ports.\n\n1. Who lives there?\n\nMany ethnic Russians live in Ukraine and Norway today.\n";
    let deck = build_text(text, Some(5));
    let distractors = distractors_of(&deck, "Russians");
    assert!(distractors.iter().all(|d| !d.starts_with("Russia")), "{distractors:?}");
    assert!(distractors.contains(&"Leeds".to_string()), "{distractors:?}");
    // Any name offered is offered bare.
    let offered: Vec<String> = deck
        .cards
        .iter()
        .flat_map(|c| match &c.body {
            CardBody::Cloze { distractors, .. } => distractors.clone(),
            CardBody::Qa { .. } => Vec::new(),
        })
        .collect();
    assert!(offered.iter().all(|d| !d.ends_with("’s")), "{offered:?}");
    let text = "Ports\n\nThe fleet sails from Bergen in spring. Cargo from Riga reaches Lisbon’s harbour in May.\n\n1. Where does the fleet winter?\n\nThe fleet winters in Hamburg, where the docks are deep.\n";
    let distractors = distractors_of(&build_text(text, Some(6)), "Hamburg");
    assert!(distractors.contains(&"Lisbon".to_string()), "{distractors:?}");
}

#[test]
fn a_month_is_offered_only_for_a_month_and_a_code_only_codes() {
    let text = "Hay Fever\n\nIt lasts from March to September in the UK, and most of all in June in Wales.\n\n1. When should I see a GP?\n\nSee a GP if medicines from the pharmacy in Leeds or the NHS in Wales do not help.\n\n2. Which chips are supported?\n\nBuilds exist for amd64 on every release.\n\n3. What else?\n\nSince version 12 there are arm64 and riscv64 builds, tested on 500 machines by Acme with 64 cores.\n";
    let deck = build_text(text, Some(20));
    let months = ["March", "September", "June"];
    for d in distractors_of(&deck, "GP") {
        assert!(!months.contains(&d.as_str()), "{d}");
    }
    let codes = distractors_of(&deck, "amd64");
    assert!(!codes.is_empty());
    for d in codes {
        assert!(d.starts_with(char::is_alphabetic), "{d}");
    }
}

#[test]
fn an_acronym_gets_acronyms_and_a_lone_capital_opening_a_sentence_is_no_distractor() {
    let text = "Night shifts

Noise keeps day sleepers awake. Adults need seven hours of sleep.

1. Whom should I see?

See your GP if poor sleep lasts three months. The NHS runs a sleep clinic in Leeds, and the RCN trains its nurses.
";
    let deck = build_text(text, Some(8));
    let distractors = distractors_of(&deck, "GP");
    assert_eq!(distractors[..2], ["NHS", "RCN"]);
    assert!(
        !distractors.iter().any(|d| d == "Noise" || d == "Adults"),
        "{distractors:?}"
    );
}

#[test]
fn no_cloze_from_a_sentence_that_only_introduces_what_follows() {
    let text = "# Permits\n\nPermits are issued by the town hall.\n\n## What does a permit cost?\n\nPrices depend on the car's engine size:\n\n- small engines pay 90 euros\n- large engines pay 140 euros\n";
    let deck = build_markdown(text, Some(5));
    for c in &deck.cards {
        if let CardBody::Cloze { text, .. } = &c.body {
            assert!(!text.ends_with(':'), "{text}");
        }
    }
}

#[test]
fn a_currency_is_blanked_with_its_figure_and_may_be_left_out_when_typed() {
    let text = "Allotments\n\nThe society runs forty plots.\n\n1. How much does a plot cost?\n\nA full plot costs £48 a year and a half plot costs £26 a year.\n";
    let deck = build_text(text, Some(1));
    let cloze = deck.cards.iter().find_map(|c| match &c.body {
        CardBody::Cloze {
            text,
            accept,
            distractors,
        } => Some((text.clone(), accept.clone(), distractors.clone())),
        CardBody::Qa { .. } => None,
    });
    let (text, accept, distractors) = cloze.expect("a cloze card");
    assert!(text.contains("{{£48}}") || text.contains("{{£26}}"), "{text}");
    assert!(accept.iter().any(|a| a == "48" || a == "26"), "{accept:?}");
    assert!(
        distractors.first().is_some_and(|d| d.starts_with('£')),
        "{distractors:?}"
    );
}

#[test]
fn a_table_stays_a_table_and_leads_the_answer_it_opens() {
    let text = "# Pool FAQ\n\nThe pool opens at 7 am.\n\n## What are the entry prices?\n\n| Ticket | Price |\n| --- | --- |\n| Adult | 6 euros |\n| Child | 3 euros |\n\nFamilies of four pay 15 euros together.\n\n## What does a permit cost?\n\nPrices depend on engine size:\n\n| Engine | Price |\n| --- | --- |\n| Small | 90 euros |\n\n## Is there a sauna?\n\n```\nsauna --open\n```\n";
    let deck = build_markdown(text, None);
    let answers = qa_answers(&deck);
    assert_eq!(
        answers[0],
        "| Ticket | Price |\n| --- | --- |\n| Adult | 6 euros |\n| Child | 3 euros |\nFamilies of four pay 15 euros together."
    );
    assert_eq!(
        answers[1],
        "Prices depend on engine size:\n| Engine | Price |\n| --- | --- |\n| Small | 90 euros |"
    );
    // A section of nothing but code is answered once, not twice.
    assert_eq!(answers[2].matches("sauna --open").count(), 1, "{:?}", answers[2]);
    // No cloze is made of table cells.
    for c in &deck.cards {
        if let CardBody::Cloze { text, .. } = &c.body {
            assert!(!text.contains('|'), "{text}");
        }
    }
}

#[test]
fn headings_that_only_announce_questions_are_no_category_tags() {
    assert_eq!(category_tag("Frequently Asked Questions"), None);
    assert_eq!(category_tag("FAQ"), None);
    assert_eq!(category_tag("Q&A"), None);
    assert_eq!(category_tag("Billing & Payments").as_deref(), Some("billing-payments"));
}

#[test]
fn a_need_is_answered_by_what_to_bring_not_by_a_special_case_that_says_need() {
    // "need" is how the question asks; "Children under 16 need ..." shares
    // the word but answers only for some readers.
    let text = "Library membership\n\nAnyone who lives in the borough can join.\n\nQuestion: What do I need to join?\nAnswer: Bring one document with your name and address, such as a utility bill. Children under 16 need a parent or carer to sign the form.\n\nQuestion: What equipment is required for the boats?\nAnswer: The club lends buoyancy aids in all sizes, and helmets are provided for the older group. Every sailor must wear a buoyancy aid on the water.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert_eq!(
        answers[0],
        "Bring one document with your name and address, such as a utility bill."
    );
    // No word of the second question is in its section, so the opening
    // sentence comes too.
    assert!(
        answers[1].ends_with("Every sailor must wear a buoyancy aid on the water."),
        "{answers:?}"
    );
}

#[test]
fn a_note_is_an_aside_and_how_often_is_answered_by_a_figure_with_its_unit() {
    // The note shares both of the question's words; the answer shares
    // neither, but gives the period asked for.
    let text = "# Tidewatch\n\nTidewatch stores tide readings.\n\n## How often are gauges polled?\n\nEvery 6 minutes by default, which matches the sampling interval of most national tide networks.\n\n> [!NOTE]\n> Polling faster than the gauge samples only stores the same reading twice.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert_eq!(
        answers,
        ["Every 6 minutes by default, which matches the sampling interval of most national tide networks."]
    );
}

#[test]
fn code_is_offered_wrong_answers_of_its_own_kind() {
    assert_eq!(code_shape("--db"), CodeShape::Option);
    assert_eq!(code_shape("-j 4"), CodeShape::Option);
    assert_eq!(code_shape("pip install tidewatch"), CodeShape::Command);
    assert_eq!(code_shape("~/.local/share/app.db"), CodeShape::Path);
    assert_eq!(code_shape(".tidepoolignore"), CodeShape::File);
    assert_eq!(code_shape("cinderlog.toml"), CodeShape::File);
    assert_eq!(code_shape("poll_interval"), CodeShape::Name);
    let text = "# Tidewatch\n\nTidewatch polls tide gauges and stores each reading.\n\n## Where are readings stored?\n\nReadings are stored in one database file unless the `--db` option names another file. The `poll_interval` setting sets the pace.\n\n## How do I see more?\n\nThe `--verbose` option prints every reading, and the `--quiet` option prints only errors. The `crcmod` module checks each frame.\n";
    let deck = build_markdown(text, Some(3));
    assert_eq!(distractors_of(&deck, "--db"), ["--verbose", "--quiet"]);
}

#[test]
fn a_short_opening_answer_goes_before_the_qualification_chosen_for_its_words() {
    let text = "Bike hire\n\nGreenway rents city bikes from six stations.\n\n1. How old do I have to be to hire a bike?\n\nRiders must be at least 16. Riders aged 14 and 15 can hire a city bike if an adult on the same account is riding with them.\n\n2. Can I take photographs of the bikes?\n\nPhotography without flash is allowed everywhere. Some loaned bikes in the museum hall cannot be photographed; these are marked with a camera symbol.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(
        answers[0].starts_with("Riders must be at least 16. Riders aged 14"),
        "{answers:?}"
    );
    assert!(
        answers[1].starts_with("Photography without flash is allowed everywhere. Some"),
        "{answers:?}"
    );
}

#[test]
fn an_interface_verb_opening_an_answer_is_no_key_point() {
    for text in [
        "Account\n\nAbout accounts.\n\n1. How do I reset my password?\n\nGo to the sign-in page and choose \"Forgot password\". We email a reset link that works for 30 minutes. If the email does not arrive, check your spam folder.\n",
        "Orders\n\nAbout orders.\n\n1. Why was my order cancelled?\n\nCall the shop on 0161 555 0199 if the payment failed. Orders are cancelled after 48 hours without payment.\n",
    ] {
        let keypoints = first_keypoints(&build_text(text, Some(0)));
        assert!(!keypoints.is_empty(), "{text}");
        assert!(!keypoints.iter().any(|k| k == "Go" || k == "Call"), "{keypoints:?}");
    }
}

#[test]
fn how_do_i_is_answered_by_the_numbered_steps_not_the_remarks_around_them() {
    let text = "# Permits\n\nResidents can apply online.\n\n## How do I renew my permit?\n\nYou can renew up to 30 days before your permit expires.\n\n1. Sign in to your council account.\n2. Choose Renew permit and check your vehicle details.\n3. Pay the fee by card.\n\nYour new permit is valid from the day the old one expires.\n\n## Why was my permit refused?\n\nThe vehicle was not registered at your address. Check these:\n\n1. The address on the logbook.\n2. The address on your account.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert_eq!(
        answers[0],
        "1. Sign in to your council account.\n2. Choose Renew permit and check your vehicle details.\n3. Pay the fee by card."
    );
    // Not a "how do I": the list stays with the sentence that brings it.
    assert!(answers[1].starts_with("The vehicle was not registered"), "{answers:?}");
}

#[test]
fn a_why_answered_by_a_remedy_keeps_the_cause_that_opens_the_section() {
    let text = "# Tidewatch\n\nTidewatch stores readings.\n\n## Why does the install fail with a compiler error?\n\nOne of the dependencies builds a C extension. Install a compiler first:\n\n```\nsudo apt install build-essential\n```\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(
        answers[0].starts_with("One of the dependencies builds a C extension. Install a compiler first:"),
        "{answers:?}"
    );
}

#[test]
fn a_yes_no_question_keeps_a_verdict_in_other_words_that_opens_the_section() {
    let text = "City Museum\n\nThe City Museum shows maritime art.\n\n1. Is there parking nearby?\n\nThe museum has no car park of its own. The nearest public car park is on Dock Street, a five-minute walk away, and charges £2 per hour. Blue Badge holders can park free in the three bays outside the main entrance.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(
        answers[0].starts_with("The museum has no car park of its own. The nearest public car park"),
        "{answers:?}"
    );
    let text = "Compost\n\nThe scheme collects food waste.\n\n1. What about plastic bags?\n\nNever use plastic bags. Line the caddy with newspaper or a certified compostable liner.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert_eq!(
        answers,
        ["Never use plastic bags. Line the caddy with newspaper or a certified compostable liner."]
    );
}

#[test]
fn how_do_i_keeps_the_instruction_that_opens_its_section() {
    let text = "Library cards\n\nWhat people ask at the front desk of the library.\n\n1. How do I get a library card?\n\nBring a photo ID and something with your current address, such as a utility bill, to any branch. The card is free and is printed while you wait.\n\n2. What if I lose my card?\n\nReport it at once so nobody else can use it. A replacement costs two pounds.\n\n3. How long can I keep a book?\n\nLoans last three weeks. You can renew a book twice online unless someone else has reserved it.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("Bring a photo ID"), "{answers:?}");
}

#[test]
fn words_for_anyone_or_anything_are_no_key_points() {
    let text = "Gym\n\nAbout the gym.\n\n1. Is there a joining fee?\n\nThe joining fee is 25 euros, waived for students and for anyone who signs up in January. Everyone gets a free towel on their first visit.\n";
    let keypoints = first_keypoints(&build_text(text, Some(0)));
    assert!(keypoints.iter().any(|k| k == "25 euros"), "{keypoints:?}");
    assert!(
        !keypoints
            .iter()
            .any(|k| k.eq_ignore_ascii_case("anyone") || k.eq_ignore_ascii_case("everyone")),
        "{keypoints:?}"
    );
}

#[test]
fn with_no_word_of_the_question_in_its_section_the_opening_sentence_answers() {
    let text = "# Lyme disease\n\nLyme disease is an infection spread by ticks.\n\n## How is it treated?\n\nMost people recover fully after a course of antibiotics, usually doxycycline for two to three weeks. Treatment works best when it starts early. A small number of patients have tiredness or joint pain for months after treatment; doctors call this post-treatment Lyme disease syndrome.\n\n## Who is most at risk?\n\nPeople who walk in long grass between April and October are most at risk. Children are bitten more often than adults.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(answers[0].starts_with("Most people recover fully"), "{answers:?}");
}

#[test]
fn a_short_denial_of_what_the_question_assumes_opens_its_answer() {
    let text = "Choir\n\nQuestions new singers ask.\n\n1. What happens at an audition?\n\nThere is no audition. New members sing with their section for a few weeks, and the musical director checks that the part suits their range.\n\n2. When are the concerts?\n\nWe give two concerts a year, in December and in June. Rehearsals run on Tuesday evenings.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(
        answers[0].starts_with("There is no audition. New members"),
        "{answers:?}"
    );
}

#[test]
fn a_label_such_as_short_answer_gives_no_key_points() {
    let text = "Shoes\n\nAbout running shoes.\n\n1. Are expensive shoes worth it?\n\nShort answer: not always. Shoes over 150 pounds often have carbon plates or racing foam that help in races but wear out faster.\n";
    let keypoints = first_keypoints(&build_text(text, Some(0)));
    assert!(keypoints.iter().any(|k| k == "150 pounds"), "{keypoints:?}");
    assert!(
        !keypoints
            .iter()
            .any(|k| k.eq_ignore_ascii_case("short") || k.eq_ignore_ascii_case("answer")),
        "{keypoints:?}"
    );
}

#[test]
fn an_interface_verb_opens_an_instruction_without_an_article() {
    let text = "# Ticks\n\nTicks live in long grass.\n\n## How do I remove a tick?\n\nUse fine-tipped tweezers or a tick remover. Grip the tick as close to the skin as you can and pull upwards slowly and steadily. Do not squeeze, burn or twist the tick. Clean the bite with soap and water afterwards.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(
        answers[0].starts_with("Use fine-tipped tweezers or a tick remover."),
        "{answers:?}"
    );
}

#[test]
fn wrong_answers_are_no_cuts_of_one_phrase_nor_a_noun_running_into_its_verb() {
    let text = "# Ticks\n\nThe county public health team answers questions about ticks every spring. Permits arrive by post within a week.\n\n## How do I remove a tick?\n\nUse fine-tipped tweezers or a tick remover. Grip the tick close to the skin and pull upwards steadily.\n";
    let wrong = distractors_of(&build_markdown(text, Some(3)), "pull upwards");
    assert!(!wrong.is_empty());
    let cuts = [
        "county public",
        "public health",
        "health team",
        "county public health",
        "public health team",
    ];
    assert!(
        wrong.iter().filter(|w| cuts.contains(&w.as_str())).count() <= 1,
        "{wrong:?}"
    );
    let text = "# Parking Permit FAQ\n\nResidents can park in their zone with a permit.\n\n## How much does a permit cost?\n\nPrices depend on the car's engine size. Electric cars park free of charge.\n\n## How do I apply?\n\nApply online with your vehicle registration and a proof of address. Permits arrive by post within ten days.\n";
    let wrong = distractors_of(&build_markdown(text, Some(4)), "vehicle registration");
    assert!(!wrong.is_empty());
    assert!(!wrong.iter().any(|w| w == "Permits arrive"), "{wrong:?}");
}

#[test]
fn short_bulleted_items_are_key_points_whole() {
    let text = "# Seed library\n\nThe library lends seeds to anyone in the parish.\n\n## Which crops are easiest to save seed from?\n\nStart with these self-pollinating crops:\n\n- Tomatoes\n- French beans\n- a lettuce\n\nAvoid squash at first: it crosses with neighbours' plants.\n";
    let keypoints = first_keypoints(&build_markdown(text, Some(0)));
    assert_eq!(keypoints[..3], ["Tomatoes", "French beans", "lettuce"], "{keypoints:?}");
}

#[test]
fn a_reply_of_a_few_words_opening_the_section_is_kept() {
    let text = "Community fridge\n\nThe fridge shares food that would be thrown away.\n\nQ1 - Who can take food?\nAnyone. You do not need to register or explain why, and there is no limit, though we ask people to leave some for others.\n\nQ2 - Who cleans it?\nA rota of twelve volunteers cleans the fridge twice a day.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(answers[0].starts_with("Anyone. You do not need"), "{answers:?}");
}

#[test]
fn software_answers_keep_the_versions_and_the_option_to_pass() {
    let text = "# FAQ\n\n## Installation\n\n**Q: Which Python versions are supported?**\n\nPython 3.9 to 3.13. Older versions lack the `zoneinfo` module that tidepool needs for time zones.\n\n## Usage\n\n**Q: How do I change the units?**\n\nPass `--units metric` or `--units imperial`. The default comes from your locale. You can also set `units = \"metric\"` in `~/.config/tidepool/config.toml`.\n\n**Q: Can tidepool predict tides for any harbour?**\n\nOnly for the 3,000 stations in its harmonic constants database.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(answers[0].starts_with("Python 3.9 to 3.13. Older"), "{answers:?}");
    assert_eq!(answers[1], "Pass `--units metric` or `--units imperial`.");
}

#[test]
fn which_things_can_go_is_answered_by_the_list_not_what_cannot() {
    let text = "Recycling questions\n\nAbout the blue bin.\n\n1. Which plastics can go in the blue bin?\n\nPlastic bottles, pots, tubs and trays. Please rinse them and leave the lids on.\n\nPlastic bags and film cannot be recycled at the kerbside; take them to a supermarket collection point.\n\n2. Can I get a bigger bin?\n\nHouseholds of six or more people can ask for a 360-litre bin.\n";
    let answers = qa_answers(&build_text(text, Some(0)));
    assert!(
        answers[0].starts_with("Plastic bottles, pots, tubs and trays."),
        "{answers:?}"
    );
}

#[test]
fn a_sentence_that_adds_with_also_does_not_answer_alone() {
    let text = "# Notes app\n\nAbout the app.\n\n## Where are my notes stored?\n\nEach note is a Markdown file in the notes folder in your home directory. You can also store notes in any synced folder, such as a Dropbox folder, by choosing it in Settings.\n\n## Is it free?\n\nYes, for personal use.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(answers[0].starts_with("Each note is a Markdown file"), "{answers:?}");
}

#[test]
fn a_yes_no_question_keeps_a_verdict_that_restricts() {
    let text = "# Camping club\n\nTwelve weekend trips a year.\n\n## Can I bring my dog?\n\nOnly on trips marked dog-friendly. Dogs must stay on a lead on the campsite at all times.\n\n## What does a trip cost?\n\nA weekend costs £45, which covers the campsite fee and shared food.\n";
    let answers = qa_answers(&build_markdown(text, Some(0)));
    assert!(
        answers[0].starts_with("Only on trips marked dog-friendly. Dogs"),
        "{answers:?}"
    );
}

#[test]
fn at_a_time_and_at_all_times_give_no_key_point() {
    let text = "Library\n\nAbout borrowing.\n\n1. Can I borrow e-books?\n\nYes. Members can borrow up to ten e-books at a time through the Libby app.\n\n2. Are dogs allowed?\n\nDogs are welcome but must be kept on a lead at all times.\n";
    let deck = build_text(text, Some(0));
    let keypoints: Vec<String> = deck
        .cards
        .iter()
        .flat_map(|c| match &c.body {
            CardBody::Qa { keypoints, .. } => keypoints.clone(),
            _ => Vec::new(),
        })
        .collect();
    assert!(keypoints.iter().any(|k| k == "ten e-books"), "{keypoints:?}");
    assert!(!keypoints.iter().any(|k| k == "time" || k == "times"), "{keypoints:?}");
}

#[test]
fn a_multiple_choice_question_is_answered_by_its_marked_option() {
    let deck = build_text(
        "Forces Quiz\n\nRevise for the test with these.\n\n1. What is the unit of force?\na) Joule\nb) Newton\nc) Watt\nAnswer: b) Newton. Force is measured in newtons, named after Isaac Newton.\n\n2. What does a force meter measure?\na) Mass\nb) Force\nc) Speed\nAnswer: b\n",
        Some(0),
    );
    // The option chosen is the answer, the other options its wrong answers,
    // and the rest of the answer line stays in the context.
    assert_eq!(qa_answers(&deck), ["Newton", "Force"]);
    let qa: Vec<(&Vec<String>, &Option<String>)> = deck
        .cards
        .iter()
        .filter_map(|c| match &c.body {
            CardBody::Qa {
                distractors, context, ..
            } => Some((distractors, context)),
            CardBody::Cloze { .. } => None,
        })
        .collect();
    assert_eq!(qa[0].0, &["Joule", "Watt"]);
    assert_eq!(qa[1].0, &["Mass", "Speed"]);
    assert!(
        qa[0]
            .1
            .as_deref()
            .is_some_and(|c| c.ends_with("Newton. Force is measured in newtons, named after Isaac Newton.")),
        "{:?}",
        qa[0].1
    );
    // The option is the key point, though the question names it.
    let keys = qa_keypoints(&deck);
    assert_eq!(keys[0].first().map(String::as_str), Some("Newton"), "{keys:?}");
    assert_eq!(keys[1], ["Force"]);
}

#[test]
fn a_figure_in_words_is_one_key_point_however_often_it_is_said() {
    let deck = build_text(
        "Brewing FAQ\n\nNotes for new members.\n\n1. How long does beer take to brew?\n\nMost ales ferment for two weeks and then need two weeks in the bottle to carbonate. Lagers take longer.\n",
        Some(0),
    );
    let keys = qa_keypoints(&deck);
    assert_eq!(keys[0].first().map(String::as_str), Some("two weeks"), "{keys:?}");
    let mut seen = keys[0].clone();
    seen.dedup();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), keys[0].len(), "{keys:?}");
}

#[test]
fn what_happens_if_is_answered_by_what_follows_not_by_more_of_the_condition() {
    let deck = build_text(
        "Island Ferry FAQ\n\nAnswers for passengers on the island ferry.\n\n1. What happens if the ferry is cancelled?\n\nYour ticket is refunded in full, or moved to the next sailing at no charge. Cancellations are posted on the harbour noticeboard by 7am.\n\n2. What happens when I miss the language requirement?\n\nYou can still get a conditional offer. The condition is met by taking our six-week summer language course, which ends with a test that counts as meeting the requirement.\n\n3. What happens if a parcel arrives damaged?\n\nPhotograph the damage and email the pictures to us within 48 hours. We repair small marks on site and replace anything bigger at no cost.\n",
        Some(0),
    );
    assert_eq!(
        qa_answers(&deck),
        [
            "Your ticket is refunded in full, or moved to the next sailing at no charge.",
            "You can still get a conditional offer. The condition is met by taking our six-week summer language course, which ends with a test that counts as meeting the requirement.",
            "Photograph the damage and email the pictures to us within 48 hours. We repair small marks on site and replace anything bigger at no cost.",
        ]
    );
}

#[test]
fn an_excess_answers_why_before_the_remedy() {
    let deck = build_text(
        "Compost FAQ\n\nNotes from the allotment compost bays.\n\n1. Why does my heap smell?\n\nA smelly heap is usually too wet or has too much green material in it. Mix in brown material such as cardboard, straw or dry leaves, and turn the heap to let air in. A healthy heap smells of damp earth.\n",
        Some(0),
    );
    let answers = qa_answers(&deck);
    assert!(
        answers[0].starts_with("A smelly heap is usually too wet"),
        "{answers:?}"
    );
}

#[test]
fn a_place_gets_places_for_wrong_answers_and_a_person_gets_none() {
    let text = "# The Severn Bore\n\nThe Severn Bore is a tidal wave that runs up the River Severn in England. Surfers have ridden it since the 1950s, and in 2006 Steve King rode one wave for 12.2 kilometres. Crowds gather at Minsterworth, where the river is narrow. The Environment Agency rates each bore from one to five stars. Attenborough filmed it, and Ofcom listed the film. Many also travel across Wales to watch.\n";
    let deck = build_markdown(text, Some(20));
    let places = ["Minsterworth", "Wales"];
    let wrong = distractors_of(&deck, "England");
    assert_eq!(wrong[..2], places, "{wrong:?}");
    // A body gets the other names first (only two here), places last.
    let wrong = distractors_of(&deck, "Environment Agency");
    assert!(
        !wrong[..2]
            .iter()
            .any(|w| places.contains(&w.as_str()) || w == "England"),
        "{wrong:?}"
    );
}

#[test]
fn a_lone_digit_is_a_key_point_but_no_step_number_and_seldom_a_blank() {
    let deck = build_text(
        "Pool FAQ\n\nRead before your visit.\n\n1. Can children swim alone?\n\nChildren under 8 must be in the water with an adult at all times.\n\n2. How do I book a lane?\n\n1. Open the booking page.\n2. Pick a lane and a time.\n",
        Some(1),
    );
    let keys = qa_keypoints(&deck);
    assert!(keys[0].iter().any(|k| k == "8"), "{keys:?}");
    assert!(!keys[1].iter().any(|k| k == "1" || k == "2"), "{keys:?}");
    let cloze = cloze_texts(&deck).into_iter().next().expect("a cloze card");
    assert!(!cloze.contains("{{8}}"), "{cloze}");
}

#[test]
fn an_answer_not_written_yet_makes_no_card() {
    let text = "# Glazing FAQ\n\n## How thick should a glaze be?\n\nAbout as thick as single cream.\n\n\
                ## Can I glaze the foot ring?\n\nTODO (ask the studio technician)\n\n\
                ## Why did my glaze crawl?\n\nTBD\n\n## Is lead glaze safe?\n\nComing soon.\n";
    let deck = build_markdown(text, None);
    assert_eq!(qa_questions(&deck), ["How thick should a glaze be?"]);
    for c in &deck.cards {
        if let CardBody::Cloze { text, .. } = &c.body {
            assert!(!text.contains("TODO") && !text.contains("technician"), "{text}");
        }
    }
    assert!(is_placeholder("FIXME: explain cones") && !is_placeholder("Todo lists help. Keep one by the kiln."));
}

#[test]
fn a_colon_inside_code_names_no_key_term() {
    let text = "# Toolkit FAQ\n\n## How do I report an error?\n\nPick the variant that fits:\n\n\
                - Use `errors::ParseError` variants\n- Call `report::warn` for warnings\n";
    let deck = build_markdown(text, None);
    let keys = first_keypoints(&deck);
    assert!(keys.iter().all(|k| k.matches('`').count() % 2 == 0), "{keys:?}");
    assert!(
        !keys.iter().any(|k| k.starts_with("Use ") || k.starts_with("Call ")),
        "{keys:?}"
    );
}

#[test]
fn a_name_written_in_lower_case_may_open_the_answer() {
    let text = "# kilnctl FAQ\n\n## How is kilnctl licensed?\n\n\
                kilnctl is licensed under the MIT and Apache 2.0 licenses. \
                Contributions are accepted under the same terms. \
                Whether a license is permissive or not matters to some shops; the project will not take on any other license.\n";
    assert_eq!(
        qa_answers(&build_markdown(text, None)),
        ["kilnctl is licensed under the MIT and Apache 2.0 licenses."]
    );
}

#[test]
fn a_question_the_answer_raises_is_not_the_answer() {
    let text = "# Glaze FAQ\n\n## Why does my glaze crawl?\n\n\
                Thick coats shrink as they dry and pull away from dusty bisque. \
                But then why does glaze crawl more on some pots than on others?\n";
    assert_eq!(
        qa_answers(&build_markdown(text, None)),
        ["Thick coats shrink as they dry and pull away from dusty bisque."]
    );
}

#[test]
fn a_sentence_linked_to_the_one_before_it_does_not_answer_alone() {
    let text = "# Glaze FAQ\n\n## What is the best way to store glaze powders?\n\n\
                Currently the best way to store glaze powders is in sealed tubs away from damp air. \
                Additionally, for powders like barium carbonate, labelling each tub with the date and a hazard mark can greatly help.\n";
    let answers = qa_answers(&build_markdown(text, None));
    assert!(
        answers[0].starts_with("Currently the best way to store glaze powders"),
        "{answers:?}"
    );
}

#[test]
fn an_answer_given_as_one_bulleted_item_drops_its_bullet() {
    let text = "# Spinning notes\n\n\
                * Does the drive band need replacing? It slips more in winter.\n \
                - Yes, a cotton band stretches with damp air. Replace it once a year.\n\n\
                * Can we oil the flyer? Can we use olive oil?\n \
                - Yes, oil it once a month. No, use a light machine oil instead.\n";
    assert_eq!(
        qa_answers(&build_markdown(text, None)),
        [
            "Yes, a cotton band stretches with damp air.",
            "Yes, oil it once a month. No, use a light machine oil instead."
        ]
    );
}

#[test]
fn a_sentence_ending_in_e_g_brings_the_example_under_it() {
    let text = "# Kiln FAQ\n\n## Why is the controller slow to respond?\n\n\
                If it stays slow, run the controller with its debug flag e.g.\n\n```\nkilnctl --debug\n```\n\n\
                The log is written to the controller's card.\n";
    let answers = qa_answers(&build_markdown(text, None));
    assert!(answers[0].contains("kilnctl --debug"), "{answers:?}");
}

#[test]
fn a_sentence_that_sends_the_reader_elsewhere_does_not_answer() {
    let text = "# Hivelog FAQ\n\n## I want one list of all the colonies due for inspection\n\n\
                Hivelog has kept such lists since version 2. Add this line to your views file:\n\n\
                ```\nview due = colonies where inspection < today\n```\n\n\
                For details on views of colonies, refer to the chapter on saved views.\n\n\
                ## Where can I read about saved views?\n\n\
                Saved views are new in version 2. For more information, refer to the chapter on saved views in the manual.\n";
    let answers = qa_answers(&build_markdown(text, None));
    assert_eq!(answers[0], "Hivelog has kept such lists since version 2.");
    // Unless where to read is what was asked.
    assert!(
        answers[1].ends_with("refer to the chapter on saved views in the manual."),
        "{answers:?}"
    );
}

#[test]
fn an_answer_sentence_after_an_unended_one_starts_its_own_line() {
    let text = "Loom FAQ\n\n1. Where do the shuttles and the bobbins go?\n\nThe bobbins are kept in the drawer: https://loom.example.org/drawer\n\nShuttles hang on the rack by the door. They dry there.\n";
    assert_eq!(
        qa_answers(&build_text(text, None)),
        ["The bobbins are kept in the drawer: https://loom.example.org/drawer\nShuttles hang on the rack by the door."]
    );
}

#[test]
fn a_line_saying_when_the_page_changed_is_no_cloze() {
    let text = "Loom FAQ\n\nThe Glimakra loom was built in Sweden in 1952 by Anna Berg.\n\n1. Who built the loom?\n\nAnna Berg built it in Sweden in 1952.\n\nAnna Berg Last modified: Sun Jan 30 08:18:57 GMT 2000\n";
    let deck = build_text(text, Some(10));
    let clozes = cloze_texts(&deck);
    assert!(!clozes.is_empty());
    assert!(clozes.iter().all(|t| !t.contains("Last modified")), "{clozes:?}");
}
