use super::*;

fn questions(text: &str, format: Format) -> Vec<String> {
    parse(text, format).sections.into_iter().map(|s| s.question).collect()
}

/// Each section's question and the part it stands in.
fn asked_in_parts(a: &Article) -> Vec<(&str, Option<&str>)> {
    a.sections
        .iter()
        .map(|s| (s.question.as_str(), s.category.as_deref()))
        .collect()
}

/// Each section's question and its answer.
fn asked_and_answered(a: &Article) -> Vec<(&str, String)> {
    a.sections
        .iter()
        .map(|s| (s.question.as_str(), s.answer_text()))
        .collect()
}

fn text_qs(text: &str) -> Vec<String> {
    questions(text, Format::Text)
}

fn md_qs(text: &str) -> Vec<String> {
    questions(text, Format::Markdown)
}

#[test]
fn seed_shape_two_questions_verbatim() {
    let text = "The Title\n\nIntro paragraph here.\n\n1. What approach is China employing in response to Ukraine’s current crisis What are the principal differences from Russia?\n\nAn answer. Another sentence.\n\n2. What worries does China have?\n\nSecond answer.\n\nMore of it.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("The Title"));
    assert_eq!(a.intro.len(), 1);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "What approach is China employing in response to Ukraine’s current crisis What are the principal differences from Russia?",
            "What worries does China have?"
        ]
    );
    assert_eq!(a.sections[0].line, 5);
    assert_eq!(a.sections[1].blocks.len(), 2);
    assert_eq!(a.sections[1].number.as_deref(), Some("2"));
}

#[test]
fn numbering_styles() {
    for (q1, q2) in [
        ("1. First?", "2. Second?"),
        ("1) First?", "2) Second?"),
        ("Q1. First?", "Q2. Second?"),
        ("Q1: First?", "Q2: Second?"),
        ("Question 1: First?", "Question 2: Second?"),
        ("1.1. First?", "1.2. Second?"),
        ("1.1 First?", "1.2 Second?"),
        ("1.2: First?", "1.3: Second?"),
        ("1.2.3 First?", "1.2.4 Second?"),
        ("1.\tFirst?", "2.\tSecond?"),
        ("   1. First?", "   2. Second?"),
        ("(1) First?", "(2) Second?"),
        ("1.- First?", "2.- Second?"),
        ("1. Q: First?", "2. Q: Second?"),
        ("1. **Q: First?**", "2. **Q: Second?**"),
        ("Q-1: First?", "Q-2: Second?"),
        ("**1. First?**", "**2. Second?**"),
        ("***First?***", "***Second?***"),
        ("**_First?_**", "**_Second?_**"),
        ("___First?___", "___Second?___"),
        ("* **1.1 First?**", "* **1.2 Second?**"),
        ("## 1. First?", "## 2. Second?"),
        ("### First?", "### Second?"),
        ("**First?**", "**Second?**"),
        ("Q: First?", "Q: Second?"),
        ("Q1 - First?", "Q2 - Second?"),
        ("Q1 – First?", "Q2 – Second?"),
        ("1 - First?", "2 - Second?"),
        ("Q. First?", "Q. Second?"),
        ("Question: First?", "Question: Second?"),
        ("#### Q: First?", "#### Q: Second?"),
        ("1. ### First?", "2. ### Second?"),
        ("#1: First?", "#2: Second?"),
        ("#1. First?", "#2. Second?"),
        ("❓ **First?**", "❓ **Second?**"),
        ("👉 1. First?", "👉 2. Second?"),
        ("### ✅ First?", "### ✅ Second?"),
        ("* ➤ **First?**", "* ➤ **Second?**"),
        ("First?\n------", "Second?\n-------"),
        ("**Q:** First?", "**Q:** Second?"),
        ("__Question:__ First?", "__Question:__ Second?"),
        ("*First?*", "*Second?*"),
        ("_First?_", "_Second?_"),
        ("A1. First?", "A2. Second?"),
        ("B1) First?", "C1) Second?"),
        ("[1] First?", "[2] Second?"),
        ("1/ First?", "2/ Second?"),
        ("1.) First?", "2.) Second?"),
        ("Q.1 First?", "Q.2 Second?"),
        ("I. First?", "II. Second?"),
        ("IX) First?", "X) Second?"),
        ("No. 1 First?", "No. 2 Second?"),
        ("No.1: First?", "No.2: Second?"),
        ("Nº 1 First?", "Nº 2 Second?"),
        ("1° First?", "2° Second?"),
        ("1º. First?", "2º. Second?"),
        ("Q 2.1a First?", "Q 2.1b Second?"),
        ("[G.1] First?", "[G.2] Second?"),
    ] {
        let text = format!("Title\n\nIntro text.\n\n{q1}\n\nAnswer one.\n\n{q2}\n\nAnswer two.\n");
        assert_eq!(md_qs(&text), ["First?", "Second?"], "form {q1:?}");
    }
}

#[test]
fn numbered_lines_in_italics_are_one_style_whether_or_not_they_ask() {
    let text = "# Library FAQ\n\n1. *Troubles compiling programs*\n\n    Use the config script.\n\n2. *Parameters do not work*\n\n    Escape them twice.\n\n3. *Is there a C++ binding ?*\n\n    Yes, a wrapper.\n";
    assert_eq!(
        md_qs(text),
        [
            "Troubles compiling programs",
            "Parameters do not work",
            "Is there a C++ binding ?"
        ]
    );
}

#[test]
fn a_numbered_statement_wrapped_over_lines_is_one_question() {
    let text = "Tool FAQ\n\n1.1. My program uses the C++ STL. The tool reports\n'still reachable' leaks at exit, but there should\nbe none.\n\nRelax, it is a pool allocator.\n\n1.2. When building, 'make' dies with an assertion\nfailure, something like this:\n\n    make: expand.c:489: failed.\n\nIt is a bug in make.\n\n1.3. Known limitations\nIt cannot fly.\n\n1.4. Why does it\nStop early?\n\nIt runs out of memory.\n";
    assert_eq!(
        text_qs(text),
        [
            "My program uses the C++ STL. The tool reports 'still reachable' leaks at exit, but there should be none.",
            "When building, 'make' dies with an assertion failure, something like this:",
            "Known limitations",
            "Why does it Stop early?"
        ]
    );
}

#[test]
fn a_bold_number_alone_over_a_bold_question_numbers_it() {
    // DocBook's question-and-answer tables put the number and the question
    // in cells of their own.
    let text = "# Tool FAQ\n\n**1.1.**\n\n**How do you pronounce it?**\n\nLike the word.\n\n**2.1.**\n\n**When building, make dies with this:**\n\n```\nmake: failed.\n```\n\nUpgrade make.\n\n**2.2.**\n\n**Programs crash at exit.**\n\nSet the option.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections
            .iter()
            .map(|s| (s.number.as_deref(), s.question.as_str()))
            .collect::<Vec<_>>(),
        [
            (Some("1.1"), "How do you pronounce it?"),
            // The message it quotes, fenced, is part of the question.
            (Some("2.1"), "When building, make dies with this: `make: failed.`"),
            (Some("2.2"), "Programs crash at exit.")
        ]
    );
    assert_eq!(a.sections[1].answer_text(), "Upgrade make.");
}

#[test]
fn emphasis_marks_inside_code_spans_are_kept() {
    let text = "# T\n\nIntro.\n\n## Why call `__libc_freeres` at exit?\n\nTo free memory.\n\n**What does `__init__` do?**\n\nIt sets up **`__main__`** and `a**b` too.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["Why call `__libc_freeres` at exit?", "What does `__init__` do?"]
    );
    assert_eq!(a.sections[1].answer_text(), "It sets up `__main__` and `a**b` too.");
}

#[test]
fn plain_text_indented_deeper_than_the_prose_around_it_is_kept_as_code() {
    let text = "zlib FAQ\n\n 9. Why do I get an undefined reference?\n\n    If make test produces something like\n\n       example.o: undefined reference to `gzputc'\n\n    check for old copies. Remove them.\n\n10. Where is the DLL?\n\n    See\n        * the web site\n        * win32/DLL_FAQ.txt\n\n11. Why so slow?\n\n    It is not.\n";
    let a = parse(text, Format::Text);
    let kinds: Vec<(BlockKind, &str)> = a.sections[0].blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
    assert_eq!(
        kinds,
        [
            (BlockKind::Prose, "If make test produces something like"),
            (BlockKind::Code, "       example.o: undefined reference to `gzputc'"),
            (BlockKind::Prose, "check for old copies. Remove them."),
        ]
    );
    // A list indented under its lead, and answers indented under their
    // questions, are no code.
    assert!(a.sections[1].blocks.iter().all(|b| b.kind != BlockKind::Code));
    assert_eq!(a.sections[2].blocks[0].kind, BlockKind::Prose);
}

#[test]
fn numbered_line_without_question_mark_is_a_question_when_answered() {
    let text = "FAQ\n\n1. Known limitations\n\nIt cannot fly.\n\n2. Error: disk full\n\nFree some space.\n\n3. How do I start?\n\nRun it.\n";
    assert_eq!(
        text_qs(text),
        ["Known limitations", "Error: disk full", "How do I start?"]
    );
}

#[test]
fn numbered_steps_inside_an_answer_are_not_questions() {
    let text = "Guide\n\n1. How do I install it?\n\nFollow these steps:\n\n1. Download the archive.\n2. Unpack it.\n3. Run the installer?\n\nThat is all.\n\n2. How do I remove it?\n\nDelete the folder.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["How do I install it?", "How do I remove it?"]
    );
    let body = a.sections[0].answer_text();
    assert!(
        body.contains("1. Download the archive.\n2. Unpack it.\n3. Run the installer?"),
        "{body}"
    );
}

#[test]
fn loose_list_restarting_at_one_stays_in_the_answer() {
    let text = "Guide\n\n1. What does it need?\n\nThree things:\n\n1. A computer.\n\n2. A cable?\n\n3. Patience.\n\n2. Where do I buy it?\n\nAt a shop.\n\n3. Can I return it?\n\nWithin 30 days.\n";
    assert_eq!(
        text_qs(text),
        ["What does it need?", "Where do I buy it?", "Can I return it?"]
    );
}

#[test]
fn lettered_and_indented_items_are_not_questions() {
    let text = "Guide\n\n1. Which plans exist?\n\nThere are two:\n\na) Basic, for one user.\nb) Team, for many?\n\n    1. Indented note?\n\n2. How do I pay?\n\nBy card.\n";
    assert_eq!(text_qs(text), ["Which plans exist?", "How do I pay?"]);
}

#[test]
fn lettered_questions_when_nothing_is_numbered() {
    for (a, b, c) in [
        ("A.", "B.", "C."),
        ("(a)", "(b)", "(c)"),
        ("a)", "b)", "c)"),
        ("**A.", "**B.", "**C."),
    ] {
        let close = if a.starts_with("**") { "**" } else { "" };
        let text = format!(
            "Plots\n\nIntro.\n\n{a} How big is a plot?{close}\n\nTen metres.\n\nBefore digging:\n\na) mark the edges;\nb) lift the turf.\n\n{b} When can I dig{close}\nFrom March.\n\n{c} Who pays?{close}\n\nThe committee.\n"
        );
        assert_eq!(
            text_qs(&text),
            ["How big is a plot?", "When can I dig", "Who pays?"],
            "style {a:?}"
        );
        let a = parse(&text, Format::Text);
        assert_eq!(
            a.sections[0].answer_text(),
            "Ten metres.\n\nBefore digging:\n\na) mark the edges;\nb) lift the turf."
        );
        assert_eq!(a.sections[1].line, 14);
    }
}

#[test]
fn bullets_that_ask_with_their_answers_nested_under_them() {
    // Notion's toggle lists, exported as Markdown.
    let text = "# Handbook FAQ\n\nFor new joiners.\n\n- How do I book leave?\n    \n    Book it in Timetastic two weeks ahead.\n    \n- Where is the VPN config?\n    \n    In the IT space:\n    \n    ```\n    wg-quick up office\n    ```\n    \n    - Ask #it if it fails?\n        \n        They answer within the hour.\n- What about the office?\n- Is there parking?\n";
    let a = parse(text, Format::Markdown);
    let qa = asked_and_answered(&a);
    assert_eq!(
        qa,
        [
            ("How do I book leave?", "Book it in Timetastic two weeks ahead.".to_string()),
            (
                "Where is the VPN config?",
                "In the IT space:\n\n```\nwg-quick up office\n```\n\n- Ask #it if it fails?\n\nThey answer within the hour.\n\n- What about the office?\n- Is there parking?".to_string()
            ),
        ]
    );
    // Where headings ask, a bullet with text under it is part of an answer.
    let headed = "# T\n\nIntro.\n\n## How do I start?\n\n- Do you have Docker?\n    If not, install it first.\n";
    assert_eq!(md_qs(headed), ["How do I start?"]);
}

#[test]
fn a_plain_text_list_ends_where_a_sentence_starts_under_it() {
    let text = "Council FAQ\n\nIntro.\n\nQ. What do I need?\nA. Have these ready:\n• your National Insurance number\n• proof of income from\nJobcentre Plus\n• a letter from the Council\nTax office\n• your bank details\nClaims without proof are put on hold.\n";
    let a = parse(text, Format::Text);
    let blocks: Vec<&str> = a.sections[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        blocks,
        [
            "Have these ready:",
            "• your National Insurance number",
            "• proof of income from Jobcentre Plus",
            "• a letter from the Council Tax office",
            "• your bank details",
            "Claims without proof are put on hold."
        ]
    );
    // Markdown continues a list item lazily, as CommonMark does.
    let md = parse(&text.replace('•', "-"), Format::Markdown);
    assert_eq!(
        md.sections[0].blocks.last().map(|b| b.text.as_str()),
        Some("- your bank details Claims without proof are put on hold.")
    );
}

#[test]
fn restructuredtext_metadata_fields_are_no_title() {
    let text = ":title: AWS S3 FAQ\n:category: S3\n:related command: s3 cp, s3 sync\n\n\nQ: Does it validate checksums?\n-----------------------------\n\nYes, on every upload.\n";
    let a = parse(text, Format::Rst);
    assert_eq!(
        a.title.as_ref().map(|t| (t.text.as_str(), t.line)),
        Some(("AWS S3 FAQ", 1))
    );
    assert!(a.intro.is_empty(), "{:?}", a.intro);
    assert_eq!(a.sections[0].question, "Does it validate checksums?");
    // A heading after the fields titles the page, as it does after front matter.
    let headed = text.replace("\n\n\nQ:", "\n\nS3 FAQ\n======\n\nQ:");
    assert_eq!(
        parse(&headed, Format::Rst).title.map(|t| t.text),
        Some("S3 FAQ".to_string())
    );
}

#[test]
fn entries_between_rules_open_with_their_question() {
    let text = "Known problems with the kiln controller\n\nRead these before you report a fault.\n\n********\n\nIf you switch the controller off mid-firing,\nthe program is lost.\n\nThe memory is cleared on power loss. Restart the program by hand.\n\n********\n\nThe display shows Err 7 after an hour.\n\nThe thermocouple is loose. Tighten its terminal screws.\n\n********\n\nA one-paragraph note with nothing under it.\n";
    let a = parse(text, Format::Text);
    let qa: Vec<(&str, usize, String)> = a
        .sections
        .iter()
        .map(|s| (s.question.as_str(), s.line, s.answer_text()))
        .collect();
    assert_eq!(
        qa,
        [
            (
                "If you switch the controller off mid-firing, the program is lost.",
                7,
                "The memory is cleared on power loss. Restart the program by hand.".to_string()
            ),
            (
                "The display shows Err 7 after an hour.",
                14,
                "The thermocouple is loose. Tighten its terminal screws.".to_string()
            ),
        ]
    );
    // The note after the last rule closes the article: no entry, nor
    // part of the last answer.
    assert!(join_blocks(&a.intro).contains("A one-paragraph note"));
    // Where other lines ask, rules only part the entries.
    let asked = "Kiln FAQ\n\nIntro.\n\n-----\n\n1. Why is it slow?\n\nIt heats gently.\n\n-----\n\n2. Why is it loud?\n\nThe fan.\n";
    assert_eq!(text_qs(asked), ["Why is it slow?", "Why is it loud?"]);
    // A heading's underline is no rule between entries.
    let headed = "Kiln notes\n\nIntro.\n\nFiring\n------\n\nIt takes a day.\n\nMore on it.\n\nGlazes\n------\n\nThey melt.\n\nMore on them.\n";
    assert!(
        text_qs(headed).iter().all(|q| !q.starts_with("It takes")),
        "{:?}",
        text_qs(headed)
    );
}

#[test]
fn lettered_lines_that_are_options_steps_or_statements_are_not_questions() {
    // Options in a tight list, or each followed by the next option.
    let options = "Quiz\n\nIntro.\n\nWhich planet is red?\nA. Mars\nB. Venus\n\nA. Mars\n\nB. Venus\n\nC. Earth\n";
    assert!(
        text_qs(options)
            .iter()
            .all(|q| !q.contains("Mars") && !q.contains("Venus"))
    );
    // Lettered steps under headings that are the questions.
    let steps = "# Guide\n\n## How do I start?\n\na) Open the lid?\n\nThen wait.\n\nb) Press start?\n\nIt hums.\n";
    assert_eq!(md_qs(steps), ["How do I start?"]);
    // Lettered paragraphs that ask nothing: a list of points, not questions.
    let points = "Rules\n\nIntro.\n\nA. Members\n\nMembers pay in October.\n\nB. Guests\n\nGuests sign the book.\n\nC. Is the gate locked?\n\nAt dusk.\n";
    assert!(text_qs(points).is_empty());
    // Letters out of order are no sequence.
    let jumbled = "Notes\n\nIntro.\n\nB. Why?\n\nBecause.\n\nD. How?\n\nLike so.\n";
    assert!(text_qs(jumbled).is_empty());
}

#[test]
fn fenced_code_is_kept_verbatim_and_never_scanned() {
    let text = "Title\n\n## 1. How do I run it?\n\nUse this:\n\n```sh\n1. not a question?\n## also not?\n  indented   spacing kept\n```\n\n## 2. Next?\n\nYes.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections.len(), 2);
    let code = a.sections[0].blocks.iter().find(|b| b.kind == BlockKind::Code).unwrap();
    assert_eq!(
        code.text,
        "```sh\n1. not a question?\n## also not?\n  indented   spacing kept\n```"
    );
}

#[test]
fn indented_code_in_markdown() {
    let text = "# T\n\n## What is it?\n\nExample:\n\n    1. looks like a question?\n    more code\n\nAfter.\n\n## Why?\n\nBecause.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["What is it?", "Why?"]
    );
    assert!(
        a.sections[0]
            .blocks
            .iter()
            .any(|b| b.kind == BlockKind::Code && b.text.contains("more code"))
    );
}

#[test]
fn table_of_contents_is_not_a_question_list() {
    let text =
        "FAQ\n\n1. What is A?\n2. What is B?\n\n1. What is A?\n\nA is a letter.\n\n2. What is B?\n\nB follows A.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.sections.iter().map(|s| s.line).collect::<Vec<_>>(), [6, 10]);
}

#[test]
fn heading_attributes_are_not_part_of_the_question() {
    let text = "# Solar FAQ {#top}\n\nIntro.\n\n## 1. How much do panels cost? {#cost}\n\nAbout 7,000 euros.\n\n## 2. Do they work on cloudy days? {: .faq #cloudy}\n\nYes, with less output.\n\n## 3. Is {braces} text kept?\n\nYes.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Solar FAQ"));
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "How much do panels cost?",
            "Do they work on cloudy days?",
            "Is {braces} text kept?"
        ]
    );
}

#[test]
fn a_contents_list_under_a_heading_is_no_category() {
    let text = "# Solar FAQ\n\nIntro.\n\n## Contents\n\n1. [How much do panels cost?](#cost)\n2. [Do they work on cloudy days?](#cloudy)\n\n## 1. How much do panels cost?\n\nAbout 7,000 euros.\n\n## 2. Do they work on cloudy days?\n\nYes, with less output.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections.len(), 2);
    assert!(a.sections.iter().all(|s| s.category.is_none()), "{:?}", a.sections);
}

#[test]
fn a_list_ending_an_answer_stays_in_it_and_names_no_category() {
    let text = "Tips\n\nIntro text here.\n\n4. How do I start?\n\nDo three things.\n\n1. Read the guide.\n2. Install the tool.\n3. Run the first lesson.\n\n5. What comes next?\n\nPractice every day.\n\n6. Where is help?\n\nIn the forum.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["How do I start?", "What comes next?", "Where is help?"]
    );
    assert!(
        a.sections[0].answer_text().ends_with("3. Run the first lesson."),
        "{:?}",
        a.sections[0].answer_text()
    );
    assert!(a.sections.iter().all(|s| s.category.is_none()), "{:?}", a.sections);
}

#[test]
fn nested_numbering_under_categories() {
    let text = "Manual FAQ\n\n1. General\n\n1.1 What is it?\n\nA tool.\n\n1.2 Who made it?\n\nA team.\n\n2. Installing\n\n2.1 How do I install it?\n\nWith cargo.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["What is it?", "Who made it?", "How do I install it?"]
    );
    assert_eq!(a.sections[2].category.as_deref(), Some("Installing"));
    assert_eq!(a.sections[1].answer_text(), "A team.");
}

#[test]
fn markdown_category_headings_are_not_questions() {
    let text = "# Product FAQ\n\nIntro.\n\n## General\n\n### What is it?\n\nA thing.\n\n### Known limitations\n\nNo flying.\n\n## Billing\n\n### How do I pay?\n\nBy card.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["What is it?", "Known limitations", "How do I pay?"]
    );
    assert_eq!(a.sections[2].category.as_deref(), Some("Billing"));
    assert_eq!(a.sections[1].answer_text(), "No flying.");
}

#[test]
fn qa_pairs() {
    let text = "Support FAQ\n\nQ: Can I cancel?\nA: Yes, any time.\n\nQ: Is there a trial?\nA: Thirty days.\nIt needs no card.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["Can I cancel?", "Is there a trial?"]
    );
    assert_eq!(a.sections[0].answer_text(), "Yes, any time.");
    assert_eq!(a.sections[1].answer_text(), "Thirty days. It needs no card.");
}

#[test]
fn qa_pairs_as_list_items() {
    let text = "# Boats\n\n- Q: Who needs a licence?\n  A: Every boat on the river.\n- Q: What does it cost?\n  A: £95 a year.\n\nA list of plain items stays text:\n\n- canoes\n- rowing boats\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["Who needs a licence?", "What does it cost?"]
    );
    assert_eq!(a.sections[0].answer_text(), "Every boat on the river.");
    assert!(a.sections[1].answer_text().starts_with("£95 a year."));
}

#[test]
fn question_and_answer_on_one_line() {
    let a = parse(
        "T\n\n**Is it free?** Yes, it is free for everyone.\n\n**Is it open?** Yes, the code is public.\n",
        Format::Markdown,
    );
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.sections[0].question, "Is it free?");
    assert_eq!(a.sections[0].answer_text(), "Yes, it is free for everyone.");
    let b = parse(
        "T\n\n1. What is X? X is the letter after W in the alphabet.\n\n2. What is Y? Y comes after X.\n",
        Format::Text,
    );
    assert_eq!(b.sections[0].question, "What is X?");
    assert_eq!(b.sections[0].answer_text(), "X is the letter after W in the alphabet.");
}

#[test]
fn wrapped_question_lines_are_joined() {
    let text = "T\n\n1. What happens when the network is down and\n   the cache is also empty?\n\nIt waits.\n\n2. Why?\n\nSafety.\n";
    assert_eq!(
        text_qs(text)[0],
        "What happens when the network is down and the cache is also empty?"
    );
}

#[test]
fn plain_question_lines_as_last_resort() {
    let text = "Cat care\n\nSome intro.\n\nHow often should I feed my cat?\n\nTwice a day.\n\nDo cats need baths?\n\nRarely.\n";
    assert_eq!(
        text_qs(text),
        ["How often should I feed my cat?", "Do cats need baths?"]
    );
}

#[test]
fn no_questions_gives_intro_only() {
    let a = parse("Notes\n\nJust a paragraph.\n\nAnother one.\n", Format::Text);
    assert!(a.sections.is_empty());
    assert_eq!(a.intro.len(), 2);
}

#[test]
fn titles() {
    let t = |text: &str, f| parse(text, f).title.map(|t| t.text);
    // A deck title reads as text, without the heading's emphasis.
    assert_eq!(
        t("# Hello *World*\n\n1. Q?\n\nA.\n", Format::Markdown).as_deref(),
        Some("Hello World")
    );
    assert_eq!(t("Hello\n=====\n\nText.\n", Format::Markdown).as_deref(), Some("Hello"));
    assert_eq!(
        t("---\ntitle: \"Front\"\n---\nBody text.\n", Format::Markdown).as_deref(),
        Some("Front")
    );
    assert_eq!(
        t(
            "+++\ndate = 2026-01-01\ntitle = \"Toml Front\"\n+++\nBody text.\n",
            Format::Markdown
        )
        .as_deref(),
        Some("Toml Front")
    );
    assert_eq!(
        t("\n\n  Plain   title  \n\nText.\n", Format::Text).as_deref(),
        Some("Plain title")
    );
    assert_eq!(t("1. What is it?\n\nA thing.\n", Format::Text), None);
}

#[test]
fn quoted_answers_lose_their_quote_marks() {
    let text = "# Pond FAQ\n\nIntro.\n\n### How deep?\n\n> At least 60 cm.\n> More is better.\n>\n> > Nested quote.\n\n### Pump?\n\n> No.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.answer_text()).collect::<Vec<_>>(),
        ["At least 60 cm. More is better.\n\nNested quote.", "No."]
    );
}

#[test]
fn escaped_markdown_from_html_converters() {
    let a = parse(
        "# T\n\n1\\. What is *it*?\n\nIt is \\*this\\*.\n\n2\\. Why?\n\nBecause.\n",
        Format::Markdown,
    );
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.sections[1].question, "Why?");
}

#[test]
fn heading_questions_keep_subheadings_in_answers() {
    let text =
        "# T\n\n## How do I configure it?\n\nEdit the file.\n\n### Example\n\nSet x to 1.\n\n## Why?\n\nBecause.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections.len(), 2);
    assert!(a.sections[0].answer_text().contains("Set x to 1."));
}

#[test]
fn crlf_and_tabs() {
    let text = "Title\r\n\r\n1.\tFirst?\r\n\r\nAnswer.\r\n\r\n2.\tSecond?\r\n\r\nAnswer.\r\n";
    assert_eq!(text_qs(text), ["First?", "Second?"]);
}

#[test]
fn strip_links_keeps_labels() {
    assert_eq!(
        strip_links("see [the docs](http://x) and ![img](y.png) now"),
        "see the docs and  now"
    );
    assert_eq!(strip_links("a [b] c"), "a [b] c");
}

#[test]
fn follows_relation() {
    assert!(follows(&[1], &[2]));
    assert!(follows(&[1], &[1, 1]));
    assert!(follows(&[1, 2], &[2]));
    assert!(follows(&[1, 2], &[2, 1]));
    assert!(follows(&[1, 2], &[1, 3]));
    assert!(!follows(&[3], &[1]));
    assert!(!follows(&[1, 2], &[1, 1]));
    assert!(!follows(&[2], &[4]));
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The ASCII fast path collapses exactly as `split_whitespace` does.
        #[test]
        fn collapse_ws_is_split_whitespace_joined(s in "[ a-zA-Z.\t\n\r\u{b}\u{c}\u{1c}\u{a0}é]{0,40}") {
            prop_assert_eq!(collapse_ws(&s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }

        /// Likewise the ASCII fast path of counting words.
        #[test]
        fn words_in_is_split_whitespace_counted(s in "[ a-zA-Z.\t\n\r\u{b}\u{c}\u{1c}\u{a0}é]{0,40}") {
            prop_assert_eq!(words_in(&s), s.split_whitespace().count());
        }

        #[test]
        fn parsing_never_panics(text in "\\PC*") {
            let _ = parse(&text, Format::Text);
            let _ = parse(&text, Format::Markdown);
            let _ = parse(&text, Format::Rst);
            let _ = parse(&text, Format::AsciiDoc);
            let _ = parse(&text, Format::Org);
        }

        /// Org's headlines, keywords, drawers, blocks, links and verbatim
        /// markup, and wiki headings, in any mix.
        #[test]
        fn parsing_never_panics_on_org_and_wiki_text(lines in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                "\\*{1,4} [A-Za-z ?]{0,12}( :[a-z:]{0,8}:)?",
                "#\\+[A-Za-z_]{0,12}:?[ a-z]{0,6}",
                ":[A-Z_]{0,10}:[ a-z]{0,4}",
                "[a-z ]{0,4}\\[\\[[a-z:/.]{0,8}(\\]\\[[a-z ]{0,5})?\\]{0,2}[a-z ]{0,3}",
                "[a-z ]{0,4}[=~][a-z. ]{0,5}[=~][a-z .]{0,3}",
                "={1,7}[A-Za-z ?=]{0,12}",
                "- [a-z ]{0,8}",
                "\\PC{0,20}",
            ], 0..40)) {
            let text = lines.join("\n");
            for format in [Format::Org, Format::Text] {
                for s in &parse(&text, format).sections {
                    prop_assert!(!s.question.is_empty());
                    prop_assert!(s.line >= 1 && s.line <= lines.len().max(1));
                }
            }
        }

        /// POD commands, formatting codes and verbatim paragraphs, Textile
        /// or Jira headings, lists, blocks and inline markup, and LaTeX
        /// commands, environments and specials, in any mix: line numbers
        /// stay the source's.
        #[test]
        fn parsing_never_panics_on_pod_and_wiki_markup(lines in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                "=head[1-4] [A-Za-z ?]{0,12}",
                "=(item|over|back|cut|pod|begin|end|for|encoding)[ *0-9a-z.]{0,6}",
                "[a-z ]{0,4}[BCEFILSXZ]<{1,3}[ a-z|/\\\"<>]{0,8}>{0,3}[a-z ]{0,3}",
                "[ \t]{1,4}[a-z =;]{0,8}",
                "h[1-7](\\([a-z#]{0,4}\\))?\\.? [A-Za-z ?]{0,12}",
                "[#*]{1,3} [a-z ]{0,8}",
                "\\{(code|noformat|toc|info)(:[a-z=]{0,6})?\\}",
                "[a-z ]{0,4}[*_@][a-z ]{0,5}[*_@][a-z .]{0,3}",
                "[a-z ]{0,3}(\\{\\{[a-z]{0,4}\\}{0,2}|\\[[a-z]{0,3}\\|[a-z:/]{0,5}\\]?|\"[a-z ]{0,4}\":[a-z/.]{0,6})",
                "\\\\(documentclass|section|subsection|paragraph|title|question|item|begin|end)\\*?(\\[[a-z?]{0,3}\\]?)?(\\{[A-Za-z ?]{0,10}\\}?)?[ a-z?]{0,6}",
                "\\\\(begin|end)\\{(document|verbatim|itemize|enumerate|description|lstlisting)\\}",
                "[a-z ]{0,4}\\\\([a-z]{1,6}|[%&$\\\\,~])(\\[[a-z]{0,2}\\]?)?(\\{[a-z{}\\\\ ]{0,6}\\}?){0,2}[~`'$%-]{0,3}[a-z ]{0,3}",
                "\\PC{0,20}",
            ], 0..40)) {
            let text = lines.join("\n");
            for s in &parse(&text, Format::Text).sections {
                prop_assert!(!s.question.is_empty());
                prop_assert!(s.line >= 1 && s.line <= lines.len().max(1));
            }
        }

        /// reStructuredText's inline markup, directives, literal blocks and
        /// adornments in any mix.
        #[test]
        fn parsing_never_panics_on_restructuredtext(lines in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                "[=~^-]{1,12}",
                "[A-Za-z ?]{0,12}",
                "[a-z ]{0,6}``[a-z]{0,4}``[a-z ]{0,4}",
                "[a-z ]{0,4}:[a-z:]{0,6}:`[a-z<> ]{0,6}`[_]{0,2}",
                "`[a-z ]{0,5}<[a-z:/.]{0,8}>`_{0,2}[ a-z]{0,3}",
                "\\.\\. [a-z-]{0,10}::[ a-z]{0,6}",
                "[A-Za-z ]{0,10}::",
                "   [:a-z0-9. ]{0,10}",
                "\\PC{0,20}",
            ], 0..40)) {
            let text = lines.join("\n");
            for s in &parse(&text, Format::Rst).sections {
                prop_assert!(!s.question.is_empty());
                prop_assert!(s.line >= 1 && s.line <= lines.len().max(1));
            }
        }

        #[test]
        fn parsing_never_panics_on_faq_shaped_text(lines in proptest::collection::vec(
            prop_oneof![
                Just(String::new()),
                "[0-9]{1,3}[.):] [A-Za-z ?]{0,20}",
                "#{1,4} [A-Za-z ?]{0,20}",
                "\\*\\*[A-Za-z ?]{0,10}\\*\\*[a-z ]{0,5}",
                "Q[0-9]?[:.] [a-z?]{0,10}",
                "A: [a-z]{0,10}",
                "```[a-z]{0,3}",
                "    [a-z0-9. ]{0,10}",
                "[a-z]\\) [a-z?]{0,10}",
                "\\PC{0,30}",
            ], 0..40)) {
            let text = lines.join("\n");
            let a = parse(&text, Format::Markdown);
            for s in &a.sections {
                prop_assert!(!s.question.is_empty());
                prop_assert!(s.line >= 1 && s.line <= lines.len().max(1));
            }
        }
    }
}

#[test]
fn a_gap_in_the_numbering_does_not_end_the_questions() {
    let text = "FAQ\n\n1. First?\n\nAnswer one.\n\n3. Third?\n\nAnswer three.\n\n4. Fourth?\n\nAnswer four.\n";
    assert_eq!(text_qs(text), ["First?", "Third?", "Fourth?"]);
}

#[test]
fn underlined_headings_are_headings_and_their_rules_go() {
    // Plain text underlines with any punctuation at least about as long
    // as the text; the first style is the title's.
    let text = "Brewing\n~~~~~~~\n\nIntro words here.\n\nHow long does it take?\n^^^^^^^^^^^^^^^^^^^^^^\n\nTwo weeks.\n\nIs it safe?\n^^^^^^^^^^^\n\nYes.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Brewing"));
    assert_eq!(text_qs(text), ["How long does it take?", "Is it safe?"]);
    assert_eq!(a.sections[0].answer_text(), "Two weeks.");
    assert_eq!(a.sections[0].line, 6);
    // A short rule under a long line is a separator, not an underline.
    let a = parse("T\n\nA long line of prose that goes on?\n---\n\nMore.\n", Format::Text);
    assert_eq!(a.sections[0].question, "A long line of prose that goes on?");
    assert_eq!(a.sections[0].answer_text(), "More.");
    // Rules between entries: under a sentence, or far longer than the line.
    let text = "Widgets\n\nIntro.\n\n1. What is it?\n\nA small gadget.\n===============\n\n2. Why buy one?\n\nThey last\n-----------------------------------\n\n3. Where?\n\nAny shop.\n";
    let a = parse(text, Format::Text);
    assert_eq!(text_qs(text), ["What is it?", "Why buy one?", "Where?"]);
    assert_eq!(a.sections[0].answer_text(), "A small gadget.");
    assert_eq!(a.sections[1].answer_text(), "They last");
    // Markdown's Setext headings lose their rules too.
    let a = parse("# T\n\nWhy oil it?\n-----------\n\nGrit wears it.\n", Format::Markdown);
    assert_eq!(a.sections[0].answer_text(), "Grit wears it.");
}

#[test]
fn restructuredtext_faq() {
    let text = "\
=========
Frob FAQ
=========

About the ``frob`` library.

Why does import fail?
---------------------

Install it with :command:`pip` first, as `the guide <https://example.org/guide>`_ says::

    pip install frob

.. note::

   Use a virtual environment.

Which versions work?
--------------------

Versions 3.9 to 3.13.

Can I get help?
~~~~~~~~~~~~~~~

Ask on the list.

.. code-block:: python
   :linenos:

   import frob
";
    let a = parse(text, Format::Rst);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Frob FAQ"));
    assert_eq!(
        questions(text, Format::Rst),
        ["Why does import fail?", "Which versions work?", "Can I get help?"]
    );
    assert_eq!(join_blocks(&a.intro), "About the `frob` library.");
    let first = &a.sections[0].blocks;
    assert_eq!(first[0].text, "Install it with `pip` first, as the guide says:");
    assert_eq!(
        (first[1].kind, first[1].text.as_str()),
        (BlockKind::Code, "    pip install frob")
    );
    // An admonition keeps its label, so it still reads as an aside.
    assert_eq!(first[2].text, "Note: Use a virtual environment.");
    assert_eq!(first.len(), 3);
    let last = &a.sections[2].blocks;
    assert_eq!(
        (last[1].kind, last[1].text.as_str()),
        (BlockKind::Code, "   import frob")
    );
}

#[test]
fn answered_question_headings_below_the_question_level_are_questions() {
    let text = "# T\n\nIntro.\n\n## Why?\n\nBecause.\n\n### Example\n\nLike this.\n\n## How?\n\nSo.\n\n### And then what?\n\nDone.\n";
    assert_eq!(md_qs(text), ["Why?", "How?", "And then what?"]);
    let a = parse(text, Format::Markdown);
    // The heading in the answer names the part under it.
    assert_eq!(a.sections[0].answer_text(), "Because.\n\nExample:\n\nLike this.");
}

#[test]
fn symbols_open_questions_as_decoration_only() {
    assert_eq!(strip_symbols("❓ Why?"), "Why?");
    assert_eq!(strip_symbols("👨\u{200d}💻\u{fe0f}  Who codes?"), "Who codes?");
    assert_eq!(strip_symbols("➤▶ Go?"), "Go?");
    for kept in [
        "£5 or more?",
        "“Quoted?”",
        "¿Qué?",
        "Ångström?",
        "(Optional) why?",
        "—why?",
    ] {
        assert_eq!(strip_symbols(kept), kept);
    }
}

#[test]
fn asciidoc_faq() {
    let text = "\
= Printer Help
:toc:
:icons: font

Answers to what the help desk hears.

== Which cartridges fit?

[source,text]
----
== Not a heading?
P100: T-20
----

Only originals are covered.

[NOTE]
====
Keep the receipt.
====

[qanda]
Can I refill one?::
  Refills work, but a leak voids the warranty.
";
    let a = parse(text, Format::AsciiDoc);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Printer Help"));
    assert_eq!(join_blocks(&a.intro), "Answers to what the help desk hears.");
    assert_eq!(
        questions(text, Format::AsciiDoc),
        ["Which cartridges fit?", "Can I refill one?"]
    );
    let blocks = &a.sections[0].blocks;
    assert_eq!(blocks[0].kind, BlockKind::Code);
    assert_eq!(blocks[0].text, "```\n== Not a heading?\nP100: T-20\n```");
    assert_eq!(
        a.sections[0].answer_text(),
        format!("{}\n\nOnly originals are covered.\n\nKeep the receipt.", blocks[0].text)
    );
    assert_eq!(
        a.sections[1].answer_text(),
        "Refills work, but a leak voids the warranty."
    );
}

#[test]
fn numbering_that_skips_to_the_next_ten_goes_on() {
    let mut text = String::from("sed FAQ\n\nIntro.\n\n");
    for n in [1, 2, 3, 10, 11, 12, 20, 21] {
        text.push_str(&format!(
            "4.{n}. How do I do task {n}?\n\nLike this, with step {n}.\n\n"
        ));
    }
    text.push_str("4.22. How do I do the last task?\n\n   1. First step.\n\n   8. Eighth step, quoted.\n\nDone.\n");
    let qs = text_qs(&text);
    assert_eq!(qs.len(), 9, "{qs:?}");
    assert_eq!(qs[3], "How do I do task 10?");
    assert_eq!(qs[8], "How do I do the last task?");
}

#[test]
fn bracketed_numbers_are_a_style_of_their_own() {
    // `(3)` after `2.` is no third question, though its number follows.
    let text = "Farm FAQ\n\nIntro.\n\n1. Can I visit?\n\nYes, on Sundays.\n\n2. What are the rules?\n\nRules one and two are on the gate. Also:\n\n(3) No dogs.\n\nThey scare the sheep.\n\n(4) No fires.\n\nThey spread.\n";
    assert_eq!(text_qs(text), ["Can I visit?", "What are the rules?"]);
    // Bracketed numbers number questions well enough on their own.
    let own = "Farm FAQ\n\nIntro.\n\n(1) Can I visit?\n\nYes.\n\n(2) May I camp?\n\nNo.\n";
    assert_eq!(text_qs(own), ["Can I visit?", "May I camp?"]);
}

#[test]
fn numbering_may_start_again_in_each_part() {
    let body = |part1: &str, part2: &str| {
        format!(
            "Library FAQ\n\nAbout the library.\n\n{part1}\n\nThese are about joining.\n\n1. Who can join?\n\nAnyone.\n\n2. Is it free?\n\nYes.\n\n{part2}\n\n1. How many books can I borrow?\n\nTwelve.\n\n2. How long is a loan?\n\nThree weeks.\n"
        )
    };
    let want = [
        "Who can join?",
        "Is it free?",
        "How many books can I borrow?",
        "How long is a loan?",
    ];
    for (text, format) in [
        (body("I. Membership", "II. Borrowing"), Format::Text),
        (body("## Membership", "## Borrowing"), Format::Markdown),
        (body("Membership\n----------", "Borrowing\n---------"), Format::Text),
    ] {
        let a = parse(&text, format);
        assert_eq!(questions(&text, format), want, "{text}");
        let categories: Vec<Option<&str>> = a.sections.iter().map(|s| s.category.as_deref()).collect();
        assert_eq!(
            categories,
            [
                Some("Membership"),
                Some("Membership"),
                Some("Borrowing"),
                Some("Borrowing")
            ],
            "{text}"
        );
        // The part's own introduction is no part of the answer before it.
        assert_eq!(a.sections[1].answer_text(), "Yes.", "{text}");
    }
    // A list that starts again at 1 inside an answer is still no question.
    let steps = "Setup FAQ\n\nIntro.\n\n1. How do I install it?\n\nDownload it, then:\n\n1. Unpack it.\n2. Run it.\n\n2. How do I update it?\n\nRun the updater.\n";
    assert_eq!(text_qs(steps), ["How do I install it?", "How do I update it?"]);
    // Continuous numbering under Roman part lines.
    let continuous = "Library FAQ\n\nAbout it.\n\nI. MEMBERSHIP\n\n1. Who can join?\n\nAnyone.\n\nII. BORROWING\n\n2. How many books?\n\nTwelve.\n";
    let a = parse(continuous, Format::Text);
    assert_eq!(text_qs(continuous), ["Who can join?", "How many books?"]);
    assert_eq!(a.sections[0].answer_text(), "Anyone.");
    assert_eq!(a.sections[1].category.as_deref(), Some("BORROWING"));
    assert_eq!(parse_roman("IV. Fees"), Some((vec![4], "Fees")));
    assert_eq!(parse_roman("IIII. Fees"), None);
    assert_eq!(parse_roman("I. e. this"), None);
}

#[test]
fn text_copied_from_a_pdf_joins_broken_words_and_drops_page_numbers() {
    let text = "Handbook\n\nThe well-known questions.\n\n1. Who repairs the heating sys-\ntem?\nThe association does, with-\nin a day, as is well-\nknown. Pro-\nRussian.\n\nHandbook                          Page 1 of 2\n\u{c}\n2. Can I sublet?\nNo.\n\n- 2 -\n";
    let a = parse(text, Format::Text);
    assert_eq!(text_qs(text), ["Who repairs the heating system?", "Can I sublet?"]);
    assert_eq!(
        a.sections[0].answer_text(),
        "The association does, within a day, as is well-known. Pro- Russian."
    );
    assert_eq!(a.sections[1].answer_text(), "No.");
    // Markdown and texts that never break a word keep their hyphens.
    let md = "# T\n\n## Q?\n\nA line ends with-\nin it.\n";
    assert_eq!(
        parse(md, Format::Markdown).sections[0].answer_text(),
        "A line ends with- in it."
    );
    for (line, page) in [
        ("Page 3", true),
        ("page 3 of 12", true),
        ("- 14 -", true),
        ("Greenway Housing    Page 1 of 2", true),
        ("Acme Ltd\tPage 4", true),
        ("Turn to page 3", false),
        ("See page 3 of the manual", false),
        ("Page three", false),
        ("- a -", false),
    ] {
        assert_eq!(is_page_furniture(line), page, "{line}");
    }
}

#[test]
fn markdown_emphasis_and_footnotes_read_as_their_text() {
    for (raw, clean) in [
        ("a file *would* change", "a file would change"),
        ("_experimental_ since 0.9", "experimental since 0.9"),
        ("the term *evapotranspiration*.", "the term evapotranspiration."),
        ("snake_case_name and 2 * 3 * 4", "snake_case_name and 2 * 3 * 4"),
        ("`*args` and `_private_`", "`*args` and `_private_`"),
        ("a lone * star and _under", "a lone * star and _under"),
        ("8× faster than before[^1].", "8× faster than before."),
        ("[^note]: Measured on 1,200 files.", "Measured on 1,200 files."),
        ("see [^ not a note]", "see [^ not a note]"),
    ] {
        assert_eq!(clean_inline(raw, Format::Markdown), clean, "{raw}");
    }
    // Plain text keeps its asterisks and underscores; the other markups
    // emphasise as Markdown does.
    assert_eq!(clean_inline("a *b* c", Format::Text), "a *b* c");
    for format in [Format::AsciiDoc, Format::Org] {
        assert_eq!(clean_inline("a *b* _c_", format), "a b c");
    }
    // reStructuredText emphasises with stars only: its underscores are
    // names and links.
    assert_eq!(clean_inline("a *b* _c_", Format::Rst), "a b _c_");
    assert_eq!(
        clean_inline("__import__('x') and __del__", Format::Rst),
        "__import__('x') and __del__"
    );
    // A run of underscores is no single mark, at either end; inside a
    // word, or unpaired, `__` is the characters.
    assert_eq!(clean_inline("use _x__y_ or __z", Format::Markdown), "use x__y or __z");
    assert_eq!(
        clean_inline("__spam is _Name__spam, __del__ is __bold__", Format::Markdown),
        "__spam is _Name__spam, del is bold"
    );
    assert_eq!(
        clean_inline("I use _spam and get _Name__spam.", Format::Org),
        "I use _spam and get _Name__spam."
    );
}

#[test]
fn escaped_markdown_marks_are_the_characters() {
    // As HTML converters write names: escaped, they are no emphasis.
    let text = "# FAQ\n\n## Why is \\_\\_spam hidden as \\_Cls\\_\\_spam?\n\nName mangling. Use \\*args or `a\\_b`.\n\n## What does \\*\\*kwargs hold?\n\nThe keyword arguments.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        md_qs(text),
        ["Why is __spam hidden as _Cls__spam?", "What does **kwargs hold?"]
    );
    assert_eq!(a.sections[0].blocks[0].text, "Name mangling. Use *args or `a\\_b`.");
}

#[test]
fn link_text_keeps_its_brackets() {
    for (raw, clean) in [
        ("[Why does t[i] += [x] fail?](#id51)", "Why does t[i] += [x] fail?"),
        ("[a [b](c) d", "[a b d"),
        ("see [docs][ref] and [x]", "see docs and [x]"),
        ("![logo](l.png) [one](1) [two](2)", " one two"),
        ("[unclosed ( [x](y", "[unclosed ( [x](y"),
        ("[![Made with Kiln](kiln.gif)](https://kiln.example/) Home", " Home"),
        ("[see [the guide](g.html)](#top)", "see the guide"),
    ] {
        assert_eq!(strip_links(raw), clean, "{raw}");
    }
}

#[test]
fn html_comments_and_empty_anchors_in_markdown_are_not_read() {
    let text = "# Widget FAQ\n\nIntro.\n\n<a name=\"install\"></a>\n## How do I install it?\n\nRun the installer. <!-- old: use the zip -->\n\n## <a id=\"sync\"></a>Why doesn't sync start?<span id=\"s\"></span>\n\nIt waits for Wi-Fi.\n\n<!--\n## Is there a dark theme?\n\nNot yet.\n-->\n\n## Can I use it offline?<a name=\"offline\"/>\n\nYes. A <b>bold</b> x < y stays.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        md_qs(text),
        [
            "How do I install it?",
            "Why doesn't sync start?",
            "Can I use it offline?"
        ]
    );
    assert_eq!(a.sections[0].answer_text(), "Run the installer.");
    assert_eq!(a.sections[1].answer_text(), "It waits for Wi-Fi.");
    // Inline HTML reads as what it shows; a lone `<` is text.
    assert_eq!(a.sections[2].answer_text(), "Yes. A bold x < y stays.");
    assert_eq!(
        strip_html_noise("a <!-- b", false),
        (Cow::Owned("a ".to_string()), true)
    );
    assert_eq!(strip_html_noise("b --> c", true), (Cow::Owned("c".to_string()), false));
}

#[test]
fn wiki_headings_in_plain_text() {
    let text = "= Allotment FAQ =\n\nFor new plot holders.\n\n== How much is a plot? ==\nA full plot costs 48 pounds.\n\n==Can I keep hens?==\nUp to six.\n\na == b is no heading\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Allotment FAQ"));
    assert_eq!(text_qs(text), ["How much is a plot?", "Can I keep hens?"]);
    assert_eq!(a.sections[1].answer_text(), "Up to six.\n\na == b is no heading");
    // DokuWiki counts the other way: the most `=` is the top level.
    let doku =
        "====== Hens ======\n\nAbout hens.\n\n===== How many hens? =====\nSix.\n\n===== Any cockerels? =====\nNo.\n";
    assert_eq!(
        parse(doku, Format::Text).title.map(|t| t.text),
        Some("Hens".to_string())
    );
    assert_eq!(text_qs(doku), ["How many hens?", "Any cockerels?"]);
    assert_eq!(wiki_heading("===="), None);
    assert_eq!(wiki_heading("== A =="), Some((2, "A")));
    assert_eq!(wiki_heading("== A ="), None);
}

#[test]
fn asciidoc_in_plain_text_is_told_from_a_wiki() {
    assert!(looks_like_asciidoc("== A?\n\ntext\n\n== B?\n\ntext\n\n=== C\n"));
    assert!(looks_like_asciidoc("= Hive FAQ\n\n== Why?\n\nBecause.\n"));
    // A wiki closes its headings; two sections alone say too little.
    assert!(!looks_like_asciidoc("== A ==\n\n== B ==\n\n== C ==\n"));
    assert!(!looks_like_asciidoc("== A?\n\ntext\n\n== B?\n"));
    assert!(!looks_like_asciidoc("==== \n==\n===\n"));
}

#[test]
fn org_mode_faq() {
    let text = "\
#+TITLE: Brewing FAQ
#+OPTIONS: toc:nil

Questions new members ask. See the [[https://example.org][club page]].

* Basics                                     :basics:
** TODO How long does a batch take?                 :time:
   :PROPERTIES:
   :CUSTOM_ID: batch
   :END:
Two weeks, then two more in the bottle.

** What should I buy first?
- a bucket
- a hydrometer
Start with these.

** How do I read the gravity?
Run the script:
#+BEGIN_SRC sh
* not a heading?
#+END_SRC
A reading of =1.010= means it is done.
";
    let a = parse(text, Format::Org);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Brewing FAQ"));
    assert_eq!(join_blocks(&a.intro), "Questions new members ask. See the club page.");
    assert_eq!(
        questions(text, Format::Org),
        [
            "How long does a batch take?",
            "What should I buy first?",
            "How do I read the gravity?"
        ]
    );
    assert_eq!(a.sections[0].answer_text(), "Two weeks, then two more in the bottle.");
    assert_eq!(a.sections[0].category.as_deref(), Some("Basics"));
    // A line at the bullet's depth ends the list.
    let kinds: Vec<BlockKind> = a.sections[1].blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds, [BlockKind::Item, BlockKind::Item, BlockKind::Prose]);
    assert_eq!(
        a.sections[2].answer_text(),
        "Run the script:\n\n```\n* not a heading?\n```\n\nA reading of `1.010` means it is done."
    );
    assert_eq!(org_inline("x = y and ~a~ or =b=."), "x = y and `a` or `b`.");
}

#[test]
fn usenet_faq_headers_and_subject_lines() {
    let text = "Archive-name: birds/faq\nLast-modified: 2026/03/01\n\nBackyard birds FAQ\n\nPosted monthly.\n\n------------------------------\n\nSubject: 1.1) What seed is best?\n\nSunflower.\n\n------------------------------\n\nSubject: 1.2) Why do birds hit windows?\n\nReflections.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Backyard birds FAQ"));
    assert_eq!(join_blocks(&a.intro), "Posted monthly.");
    assert_eq!(text_qs(text), ["What seed is best?", "Why do birds hit windows?"]);
    // Labels that open an article are no header block.
    let qa = "Q: Is it free?\nA: Yes.\n\nQ: Is it open?\nA: Daily.\n";
    assert_eq!(text_qs(qa), ["Is it free?", "Is it open?"]);
    assert!(!is_header_line("Question: Is it free?") && is_header_line("Archive-name: birds/faq"));
}

#[test]
fn details_widgets_in_markdown_are_questions() {
    let text = "# Tool\n\nIntro.\n\n## FAQ\n\n<details>\n<summary>Does it change the photos?</summary>\n\nNo. Only names change.\n\n</details>\n<details open>\n<summary><b>What if two share a time?</b></summary>\n\nThe second gets a suffix.\n</details>\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(md_qs(text), ["Does it change the photos?", "What if two share a time?"]);
    assert_eq!(a.sections[0].answer_text(), "No. Only names change.");
    assert_eq!(a.sections[1].answer_text(), "The second gets a suffix.");
    for odd in [
        "<summary></summary>",
        "<summary x</summary>",
        "<summary>",
        "<summaryx>Q?</summary>",
        "<b>Q?</b>",
    ] {
        assert!(details_line(odd).is_none_or(|l| !l.contains('<')), "{odd}");
    }
    assert_eq!(details_line("<summary x</summary>"), None);
    assert_eq!(details_line("<summary></summary>").as_deref(), Some(""));
}

#[test]
fn a_question_answer_table_is_a_faq_and_other_tables_stay_tables() {
    let text = "# Parking\n\nIntro.\n\n| Question | Answer |\n|---|---|\n| How much is a permit? | 40 euros a year. |\n| Can visitors park? | For three hours, with a voucher. |\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(md_qs(text), ["How much is a permit?", "Can visitors park?"]);
    assert_eq!(a.sections[0].answer_text(), "40 euros a year.");
    assert_eq!(
        (a.sections[1].line, a.sections[1].answer_text().as_str()),
        (8, "For three hours, with a voucher.")
    );
    // A table of anything else is kept whole in its answer.
    let text = "# Pool\n\n## What are the prices?\n\n| Ticket | Price |\n|---|---|\n| Adult | 6 euros |\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections[0].blocks[0].kind, BlockKind::Code);
    assert!(a.sections[0].answer_text().contains("| Adult | 6 euros |"));
}

#[test]
fn bold_answer_labels_definition_lists_and_lettered_parts() {
    let text = "# Pond\n\nIntro.\n\n**Q:** How deep?\n**A:** At least 60 cm.\n\n**Q:** A pump?\n**A:** Not needed.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(md_qs(text), ["How deep?", "A pump?"]);
    assert_eq!(a.sections[0].answer_text(), "At least 60 cm.");
    let text = "# Sailing\n\nIntro.\n\nWhat is a knot?\n: One nautical mile per hour.\n\nWhy do boats heel?\n: The wind pushes the sails.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(md_qs(text), ["What is a knot?", "Why do boats heel?"]);
    assert_eq!(a.sections[1].answer_text(), "The wind pushes the sails.");
    assert_eq!(parse_q_number("B12. Who pays?"), Some((vec![2, 12], "Who pays?")));
    assert_eq!(parse_q_number("A4 paper fits?"), None);
    // A `#` with a space after it is a comment in a quoted script, no
    // number sign.
    assert_eq!(parse_q_number("#\u{a0}09-26-96\u{a0}Bob - first version"), None);
    assert_eq!(parse_q_number("#12: Who pays?"), Some((vec![12], "Who pays?")));
    // An italic phrase that opens a sentence is no question.
    assert_eq!(strip_bold("*Note* the gap?"), None);
}

#[test]
fn admonitions_and_alerts_keep_their_label_and_lose_their_markup() {
    let rst = "Frob FAQ\n========\n\nWhy?\n----\n\nBecause.\n\n.. tip:: Pin the version.\n\n.. seealso::\n\n   The install guide.\n\n.. admonition:: Custom\n\n   Kept as it is.\n";
    let a = parse(rst, Format::Rst);
    assert_eq!(
        join_blocks(&a.sections[0].blocks),
        "Because.\n\nTip: Pin the version.\n\nSee also: The install guide.\n\nKept as it is."
    );
    let md = "# Frob\n\n## Why?\n\nBecause.\n\n> [!WARNING]\n> Back up first.\n\n> [!note]\n> Slow on Windows.\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(
        join_blocks(&a.sections[0].blocks),
        "Because.\n\nWarning: Back up first.\n\nNote: Slow on Windows."
    );
}

#[test]
fn mkdocs_admonitions_are_prose_and_collapsible_ones_are_questions() {
    let md = "# Tidewater FAQ\n\nPredicts tides.\n\n??? question \"Why are my times an hour out?\"\n\n    Times are local.\n    Pass `--utc` to compare.\n\n    ```sh\n    tidewater --utc\n    ```\n\n!!! warning\n    Not for navigation.\n\n???+ note \"Which harbours?\"\n    About 6,300.\n\n        indented code\n\nAfter the boxes.\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["Why are my times an hour out?", "Which harbours?"]
    );
    assert_eq!(
        join_blocks(&a.sections[0].blocks),
        "Times are local. Pass `--utc` to compare.\n\n```sh\ntidewater --utc\n```\n\nWarning: Not for navigation."
    );
    assert_eq!(a.sections[0].blocks[1].kind, BlockKind::Code);
    // Code indented within the box is code still; the box ends where the
    // indentation does.
    assert_eq!(
        a.sections[1]
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect::<Vec<_>>(),
        [
            (BlockKind::Prose, "About 6,300."),
            (BlockKind::Code, "    indented code"),
            (BlockKind::Prose, "After the boxes.")
        ]
    );
}

#[test]
fn colon_containers_keep_their_label_and_details_ask() {
    let md = "# Plots\n\n## What does a plot cost?\n\n£64 a year.\n\n:::note\nFees are reviewed in November.\n:::\n\n::: tip[Saving money]\n\nShare a plot.\n\n:::\n\n::: {.callout-warning}\nNo bonfires.\n:::\n\n:::details Can I keep chickens?\nYes, six hens.\n:::\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["What does a plot cost?", "Can I keep chickens?"]
    );
    assert_eq!(
        join_blocks(&a.sections[0].blocks),
        "£64 a year.\n\nNote: Fees are reviewed in November.\n\nTip: Share a plot.\n\nWarning: No bonfires."
    );
    assert_eq!(join_blocks(&a.sections[1].blocks), "Yes, six hens.");
}

#[test]
fn html_in_markdown_reads_as_the_markdown_it_stands_for() {
    let md = "# Lantern\n\nAn offline reader.\n\n<h3 id=\"sync\">How does syncing work?</h3>\n\nOver Wi-Fi &amp; only at home.\n\n<b>Where are articles stored?</b><br>\nIn the <code>articles</code> folder, as <a href=\"/epub\">EPUB</a> files.\n\n<p><strong>Q: Does it cost anything?</strong><br>\nA: Backup costs &pound;2 a month.</p>\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "How does syncing work?",
            "Where are articles stored?",
            "Does it cost anything?"
        ]
    );
    let answers: Vec<String> = a.sections.iter().map(|s| join_blocks(&s.blocks)).collect();
    assert_eq!(
        answers,
        [
            "Over Wi-Fi & only at home.",
            "In the `articles` folder, as EPUB files.",
            "Backup costs £2 a month."
        ]
    );
    // Code spans, escaped tags and tags HTML does not have stay as written.
    assert_eq!(inline_html("Run `cp <b> <i>` then <your-file>"), None);
    assert_eq!(
        inline_html("Write \\<b> for bold, <i>x</i>").as_deref(),
        Some("Write \\<b> for bold, *x*")
    );
}

#[test]
fn question_and_answer_labels_alone_on_their_lines() {
    let text = "Driving Test Questions\n\nPractice questions.\n\nQuestion 1\nWhat is the speed limit on a single carriageway?\nAnswer\n60 mph.\n\nQuestion 2\n\nWhen may you use hazard lights?\n\nAnswer:\nOnly on a motorway.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "What is the speed limit on a single carriageway?",
            "When may you use hazard lights?"
        ]
    );
    assert_eq!(a.sections[0].line, 5);
    let answers: Vec<String> = a.sections.iter().map(|s| join_blocks(&s.blocks)).collect();
    assert_eq!(answers, ["60 mph.", "Only on a motorway."]);
    // Without a lone question label, a lone "Answer" is text.
    assert_eq!(
        join_blocks(&parse("T\n\n1. Why?\n\nAnswer\nBecause.\n", Format::Text).sections[0].blocks),
        "Answer Because."
    );
}

#[test]
fn link_reference_definitions_are_not_text() {
    let md = "# Plots\n\n## How do I join?\n\nEmail the [secretary][sec].\n\n[sec]: mailto:sec@example.org\n[site]: https://example.org \"Our site\"\n[^1]: Figures from 2025.\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(
        join_blocks(&a.sections[0].blocks),
        "Email the secretary.\n\nFigures from 2025."
    );
    assert!(!is_link_definition("[1]: What is a plot?"));
    assert!(!is_link_definition("[^1]: A footnote."));
}

#[test]
fn numbered_answer_labels_are_the_answers_of_numbered_questions() {
    let text = "Camping FAQ\n\nForty pitches.\n\nQ1) Can I light a fire?\nA1) Only in the fire pits.\n\nQ2) Are dogs allowed?\nA2) Yes, on a lead.\n\nQuestion 3: When is check-out?\nAnswer 3: By 11 am.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        questions(text, Format::Text),
        ["Can I light a fire?", "Are dogs allowed?", "When is check-out?"]
    );
    let answers: Vec<String> = a.sections.iter().map(|s| join_blocks(&s.blocks)).collect();
    assert_eq!(answers, ["Only in the fire pits.", "Yes, on a lead.", "By 11 am."]);
    // Without numbered questions, `A1.` numbers a lettered part's questions.
    let parts = "Tax FAQ\n\nAbout the tax.\n\nA1. Who pays?\nEvery household.\n\nA2. When is it due?\nBy March.\n";
    assert_eq!(questions(parts, Format::Text), ["Who pays?", "When is it due?"]);
}

#[test]
fn help_centre_furniture_is_no_part_of_title_or_answers() {
    let text = "Help Center > Account > FAQ\n\nAccount FAQ\n\nUpdated 3 days ago\n\nAnswers about your account.\n\nHow do I reset my password?\nUse the reset link we email you.\nWas this article helpful? Yes No\nBack to top\n\nCan I change my email address?\nYes, in Settings > Profile.\n↑ Back to top\n\nRelated articles\nBilling FAQ\nInstalling the meter\n\nStill need help? Contact us\n\nPowered by Zendesk\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Account FAQ"));
    assert_eq!(join_blocks(&a.intro), "Answers about your account.");
    let answers: Vec<String> = a.sections.iter().map(|s| join_blocks(&s.blocks)).collect();
    assert_eq!(
        answers,
        ["Use the reset link we email you.", "Yes, in Settings > Profile."]
    );
    // Below the text, a path through menus is an answer.
    let menus = "Account FAQ\n\nAbout accounts.\n\nHow do I delete my account?\nSettings > Privacy > Delete account\n";
    assert_eq!(
        join_blocks(&parse(menus, Format::Text).sections[0].blocks),
        "Settings > Privacy > Delete account"
    );
    // A question about the product is no feedback widget, nor a sentence
    // about what powers it a credit.
    let product = "Meter FAQ\n\nAbout the meter.\n\nIs this meter useful offline?\nYes, it stores a week of readings.\n\nWhat powers the meter?\nPowered by two AA batteries, it runs for a year.\n";
    let a = parse(product, Format::Text);
    assert_eq!(
        a.sections
            .iter()
            .map(|s| (s.question.as_str(), join_blocks(&s.blocks)))
            .collect::<Vec<_>>(),
        [
            (
                "Is this meter useful offline?",
                "Yes, it stores a week of readings.".to_string()
            ),
            (
                "What powers the meter?",
                "Powered by two AA batteries, it runs for a year.".to_string()
            )
        ]
    );
}

#[test]
fn a_table_of_contents_listing_the_questions_is_dropped() {
    // As a section under its own heading, with a link back at the end.
    let text = "# Bakery FAQ\n\nWhat customers ask us.\n\n## Contents\n\n- [Do you bake gluten-free bread?](#gluten)\n- [Do you supply cafes?](#cafes)\n\n## Do you bake gluten-free bread?\n\nNo. We bake with wheat all day.\n\n## Do you supply cafes?\n\nYes, about twenty.\n\n[Back to contents](#contents)\n";
    let a = parse(text, Format::Markdown);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(qs, ["Do you bake gluten-free bread?", "Do you supply cafes?"]);
    assert_eq!(a.sections[1].answer_text(), "Yes, about twenty.");
    // In the intro, numbered and under a bold label.
    let text = "# Notes FAQ\n\nA note-taking app.\n\n**Contents**\n\n1. [What is it?](#what)\n2. [Does it work offline?](#offline)\n\n## What is it?\n\nA desktop editor.\n\n## Does it work offline?\n\nYes, always.\n";
    let a = parse(text, Format::Markdown);
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(intro, ["A note-taking app."]);
    // A list in an answer that names other things stays.
    let text = "# FAQ\n\nAbout it.\n\n## What can I order?\n\n- Bread\n- Do you supply cafes?\n\n## Do you supply cafes?\n\nYes.\n";
    assert_eq!(md_qs(text), ["What can I order?", "Do you supply cafes?"]);
}

#[test]
fn a_multiple_choice_answer_line_is_the_marked_answer_without_its_letter() {
    let text = "Forces Quiz\n\n1. What is the unit of force?\na) Joule\nb) Newton\nc) Watt\nAnswer: b) Newton. It is named after Isaac Newton.\n\n2. What shape is a stop sign?\n\nA. Round\nB. Triangular\nC. Octagonal\n\nCorrect answer: C\n";
    let a = parse(text, Format::Text);
    let kinds = |i: usize| {
        a.sections[i]
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds(0),
        [
            (BlockKind::Item, "a) Joule"),
            (BlockKind::Item, "b) Newton"),
            (BlockKind::Item, "c) Watt"),
            (BlockKind::Answer, "Newton. It is named after Isaac Newton."),
        ]
    );
    // "A." opening a run of options is the first option, not an answer
    // label; a letter alone names the option's text.
    assert_eq!(
        kinds(1),
        [
            (BlockKind::Item, "A. Round"),
            (BlockKind::Item, "B. Triangular"),
            (BlockKind::Item, "C. Octagonal"),
            (BlockKind::Answer, "Octagonal"),
        ]
    );
}

#[test]
fn an_answer_label_without_options_before_it_is_plain_answer_text() {
    let text = "Club FAQ\n\nQ: When do we meet?\nA: b) is not a letter here, we meet on Tuesdays.\n";
    let a = parse(text, Format::Text);
    assert!(
        a.sections[0].blocks.iter().all(|b| b.kind != BlockKind::Answer),
        "{:?}",
        a.sections[0].blocks
    );
}

#[test]
fn a_dash_after_the_question_mark_parts_an_inline_answer() {
    let text = "Season Tickets\n\nShort answers.\n\n1. Who can buy a season ticket? - Anyone who works in the town can buy one.\n2. Can I share a ticket? – No. Each ticket is tied to one car.\n";
    let a = parse(text, Format::Text);
    let answers: Vec<String> = a.sections.iter().map(Section::answer_text).collect();
    assert_eq!(
        answers,
        [
            "Anyone who works in the town can buy one.",
            "No. Each ticket is tied to one car."
        ]
    );
}

#[test]
fn shop_answer_bylines_votes_and_forum_edit_notes_are_no_answer_text() {
    let text = "Tent questions\n\nQuestions from customers.\n\nQuestion: How much does it weigh?\nAnswer: The packed weight is 2.1 kg.\nBy Tom on 3 April 2026\n9 of 9 people found this helpful\n\nQuestion: Is it waterproof?\nAnswer: Yes, the seams are taped.\n*Last edited by Moderator on 2 March 2026, edited 3 times in total.*\n";
    let a = parse(text, Format::Markdown);
    let answers: Vec<String> = a.sections.iter().map(Section::answer_text).collect();
    assert_eq!(answers, ["The packed weight is 2.1 kg.", "Yes, the seams are taped."]);
    // A sentence that names its author is text.
    let kept = parse(
        "Q\n\nQuestion: Who wrote it?\nAnswer: It was written by Tom on 3 April 2026 in a week of rain.\n",
        Format::Text,
    );
    assert_eq!(
        kept.sections[0].answer_text(),
        "It was written by Tom on 3 April 2026 in a week of rain."
    );
}

#[test]
fn a_forum_post_in_bbcode_reads_as_the_markdown_it_stands_for() {
    let text = "[b][size=5]Aquarium Club FAQ[/size][/b]\n\nPlease read before posting.\n\n[b]1. How long should I cycle a new tank?[/b]\nFour to six weeks, until [i]ammonia[/i] reads zero.\n\n[b]2. Which test kit?[/b]\n[list]\n[*]A [url=https://example.org/kit]liquid kit[/url], not strips.\n[*]Photos: [img]https://example.org/k.png[/img] here.\n[/list]\n[code]\nph = 7.0\n[/code]\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Aquarium Club FAQ"));
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["How long should I cycle a new tank?", "Which test kit?"]
    );
    assert_eq!(
        a.sections[0].answer_text(),
        "Four to six weeks, until ammonia reads zero."
    );
    assert_eq!(
        a.sections[1].answer_text(),
        "- A liquid kit, not strips.\n- Photos: here.\n\n```\nph = 7.0\n```"
    );
    assert_eq!(a.sections[1].blocks[2].kind, BlockKind::Code);
    // Line numbers are the source's.
    assert_eq!(a.sections[1].line, 8);
    // Square brackets in text without BBCode are left alone.
    let plain = parse("T\n\n1. What is [b]?\n\nA letter in brackets.\n", Format::Text);
    assert_eq!(plain.sections[0].question, "What is [b]?");
}

#[test]
fn troubleshooting_tables_and_glossaries_ask_their_first_column() {
    let text = "# Dishwasher help\n\nCheck this table first.\n\n| Problem | Cause | What to do |\n|---|---|---|\n| Dishes come out cloudy | Hard water | Fill the rinse aid dispenser |\n| Error code E24 | Drain hose kinked. | Straighten the hose. |\n\n## Words\n\n| Term | Meaning |\n|---|---|\n| Rinse aid | A liquid that helps water run off glass. |\n";
    let a = parse(text, Format::Markdown);
    let qa: Vec<(String, String)> = a
        .sections
        .iter()
        .map(|s| (s.question.clone(), s.answer_text()))
        .collect();
    assert_eq!(
        qa,
        [
            (
                "Dishes come out cloudy".to_string(),
                "Hard water. Fill the rinse aid dispenser.".to_string()
            ),
            (
                "Error code E24".to_string(),
                "Drain hose kinked. Straighten the hose.".to_string()
            ),
            (
                "Rinse aid".to_string(),
                "A liquid that helps water run off glass.".to_string()
            ),
        ]
    );
    assert_eq!(a.sections[0].line, 7);
    // Any other table stays a table.
    let other = parse(
        "# Prices\n\nOur prices.\n\n| Item | Price |\n|---|---|\n| Tea | 2 |\n",
        Format::Markdown,
    );
    assert!(other.sections.is_empty());
}

#[test]
fn a_perl_pod_faq_reads_as_the_markdown_it_stands_for() {
    let text = "package Kiln;\n1;\n__END__\n\n=head1 NAME\n\nkilnfaq - Questions about the studio kiln\n\n=head1 Firing\n\n=head2 How hot does a glaze firing go?\n\n(contributed by the studio)\n\nTo B<cone 6>, about 1,220 E<deg>C. Set it with C<< kiln --cone 6 >>:\n\n    kiln --cone 6\n    kiln start\n\nThe firing takes I<eleven> hours.\n\n=head2 What is in a firing log?\n\n=over 4\n\n=item C<peak>\n\nThe highest temperature reached.\n\n=item *\n\nThe E<lt>timeE<gt> it took.\n\n=back\n\n=begin html\n\n<p>Hidden</p>\n\n=end html\n\n=cut\n\nsub fire { 1 }\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("kilnfaq - Questions about the studio kiln")
    );
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["How hot does a glaze firing go?", "What is in a firing log?"]
    );
    // Category headings tag their questions; line numbers are the source's.
    assert_eq!(a.sections[0].category.as_deref(), Some("Firing"));
    assert_eq!(a.sections[0].line, 11);
    assert_eq!(
        a.sections[0].answer_text(),
        "To cone 6, about 1,220 °C. Set it with `kiln --cone 6`:\n\n```\nkiln --cone 6\nkiln start\n```\n\nThe firing takes eleven hours."
    );
    assert_eq!(a.sections[0].blocks[1].kind, BlockKind::Code);
    // A labelled item carries its paragraph; `E<lt>` is text, never a tag;
    // Perl code and another formatter's text are no part of the answer.
    assert_eq!(
        a.sections[1].answer_text(),
        "- `peak`: The highest temperature reached.\n- The <time> it took."
    );
    // Text that merely mentions POD is left alone.
    let plain = parse("T\n\n1. What does =head2 mean?\n\nA POD heading.\n", Format::Text);
    assert_eq!(plain.sections[0].question, "What does =head2 mean?");
}

#[test]
fn pod_items_that_ask_are_questions_and_a_numbered_list_in_an_answer_is_not() {
    let text = "=head1 NAME\n\nBuilder::FAQ - Questions about Builder\n\n=head2 Installing\n\n=over 4\n\n=item How do I install into my home directory?\n\nSet INSTALL_BASE.\n\n=item How do I get both tools to install to the same place?\n\nThere are two ways.\n\n1) Use INSTALL_BASE\n\nBoth tools support it.\n\n2) Use PREFIX\n\nIt is complicated.\n\n=item C<--verbose>\n\nPrints more.\n\n=item Which tar should I use?\n\nAny.\n\n=back\n\n=cut\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "How do I install into my home directory?",
            "How do I get both tools to install to the same place?",
            "Which tar should I use?"
        ]
    );
    assert_eq!(
        a.sections[1].answer_text(),
        "There are two ways.\n\n1) Use INSTALL_BASE\n\nBoth tools support it.\n\n2) Use PREFIX\n\nIt is complicated.\n\n- `--verbose`: Prints more."
    );
    // Numbered lines after the last question that asks may be sections
    // of their own.
    let numbered = "# T\n\nIntro.\n\n**What is it?**\n\nA tool.\n\n**Why?**\n\nSpeed.\n\n1) Known limitations\n\nNo Windows.\n\n2) Error: disk full\n\nFree space.\n";
    assert_eq!(
        md_qs(numbered),
        ["What is it?", "Why?", "Known limitations", "Error: disk full"]
    );
}

#[test]
fn textile_and_jira_wiki_pages_read_as_the_markdown_they_stand_for() {
    let text = "h1. Build Farm FAQ\n\nWhat new starters ask about the *build farm*.\n{toc:maxLevel=2}\n\nh2. How do I restart an agent?\n\n# Open the _agent list_.\n# Run {{agentctl restart}} on the host.\n\nh3(#disk). Why did my job fail with \"disk full\"?\n\nAgents keep 20 workspaces, see [the runbook|https://example.com/rb]. Prune with:\n\n{code:bash}\nagentctl prune --keep 5 # *not* bold\n{code}\n\nbq. Read \"the disk guide\":https://example.com/disk.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Build Farm FAQ"));
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["How do I restart an agent?", "Why did my job fail with \"disk full\"?"]
    );
    assert_eq!(
        a.sections[0].answer_text(),
        "1. Open the agent list.\n2. Run `agentctl restart` on the host."
    );
    assert_eq!(a.sections[1].line, 11);
    assert_eq!(a.intro[0].text, "What new starters ask about the build farm.");
    let disk = a.sections[1].answer_text();
    assert!(
        disk.starts_with(
            "Agents keep 20 workspaces, see the runbook. Prune with:\n\n```\nagentctl prune --keep 5 # *not* bold\n```"
        ),
        "{disk}"
    );
    assert!(disk.ends_with("Read the disk guide."), "{disk}");
    // One `h2.` line in plain text is no wiki page.
    let plain = parse(
        "T\n\nIntro.\n\n1. What is h2. in Textile?\n\nA heading.\n",
        Format::Text,
    );
    assert_eq!(plain.sections[0].question, "What is h2. in Textile?");
}

#[test]
fn a_latex_faq_reads_as_the_markdown_it_stands_for() {
    let text = r"% Course FAQ
\documentclass[11pt]{article}
\usepackage{hyperref}
\begin{document}
\section*{STAT 210: Frequently Asked Questions}
\noindent Read this before you email the \emph{teaching team}.
\subsection*{Assessment}
\begin{description}
  \item[When is the midterm?] On Thursday of week 7, in the
  usual room. It lasts 90~minutes.
\end{description}
\paragraph{What if I miss a deadline?} Late work loses 10\% per day, up to
five days --- after that, no marks.

\paragraph{How do I ask for an extension?}
Fill in the form:
\begin{enumerate}
  \item give the assignment's name;
  \item attach evidence if you have it?
\end{enumerate}
\begin{verbatim}
grep -c \textbf{x} % kept
\end{verbatim}
\noindent\textbf{Who marks the homework?}\\
The tutors, see \href{https://example.org}{the rota}~\cite{rota}.
\end{document}
ignored after the document
";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.title.as_ref().map(|t| t.text.as_str()),
        Some("STAT 210: Frequently Asked Questions")
    );
    assert_eq!(a.intro[0].text, "Read this before you email the teaching team.");
    let qa: Vec<(&str, usize, String)> = a
        .sections
        .iter()
        .map(|s| (s.question.as_str(), s.line, s.answer_text()))
        .collect();
    assert_eq!(
        qa,
        [
            (
                "When is the midterm?",
                9,
                "On Thursday of week 7, in the usual room. It lasts 90 minutes.".to_string()
            ),
            (
                "What if I miss a deadline?",
                12,
                "Late work loses 10% per day, up to five days — after that, no marks.".to_string()
            ),
            (
                "How do I ask for an extension?",
                15,
                "Fill in the form:\n\n1. give the assignment's name;\n2. attach evidence if you have it?\n\n```\ngrep -c \\textbf{x} % kept\n```"
                    .to_string()
            ),
            ("Who marks the homework?", 24, "The tutors, see the rota.".to_string()),
        ]
    );
    assert_eq!(a.sections[0].category.as_deref(), Some("Assessment"));
}

#[test]
fn latex_is_recognised_in_plain_text_by_its_commands_only() {
    // A chapter in a file of its own: one sectioning line and body commands.
    let fragment = "\\section{Questions}\n\n\\textbf{Q: Does it run on Windows?}\\\\\nA: Yes, on Windows 10 and later.\n\n\\textbf{Q: Which compilers work?}\\\\\nA: GCC 9 or newer.\n";
    assert_eq!(text_qs(fragment), ["Does it run on Windows?", "Which compilers work?"]);
    // Exam sheets: `\question` numbers the questions.
    let exam = "\\documentclass{exam}\n\\title{Water}\n\\begin{document}\n\\begin{questions}\n\\question[2] What drives evaporation?\n\\begin{solution}\nHeat from the Sun.\n\\end{solution}\n\\question Why does rising air cool?\n\\begin{solution}\nIt expands.\n\\end{solution}\n\\end{questions}\n\\end{document}\n";
    let a = parse(exam, Format::Text);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Water"));
    assert_eq!(
        asked_and_answered(&a),
        [
            ("What drives evaporation?", "Heat from the Sun.".to_string()),
            ("Why does rising air cool?", "It expands.".to_string())
        ]
    );
    // A backslash or two in prose is no LaTeX: the text is read as written.
    let prose = "Paths\n\nIntro.\n\n1. Where is \\section{x} kept?\n\nIn C:\\docs\\section.\n";
    assert_eq!(text_qs(prose), ["Where is \\section{x} kept?"]);
}

#[test]
fn an_answer_on_the_question_line_goes_on_over_the_next_lines() {
    let text = "# T\n\nIntro.\n\n**When is the midterm?** On Thursday of week 7, in the\nusual room.\n\nIt lasts 90 minutes.\n\n- **Can I use a calculator?** Yes, a non-programmable\n  one.\n";
    let a = parse(text, Format::Markdown);
    let answers: Vec<Vec<&str>> = a
        .sections
        .iter()
        .map(|s| s.blocks.iter().map(|b| b.text.as_str()).collect())
        .collect();
    assert_eq!(
        answers,
        [
            vec!["On Thursday of week 7, in the usual room.", "It lasts 90 minutes."],
            vec!["Yes, a non-programmable one."]
        ]
    );
}

#[test]
fn details_and_summary_on_one_line_still_ask_their_question() {
    let text = "# Kiln FAQ\n\nFor members.\n\n<details><summary>How hot is a glaze firing?</summary>\n\nAbout 1,220 °C.\n\n</details>\n\n<details><summary>When can I collect pots?</summary>Two days after the firing.</details>\n\n<details open>\n<summary><b>Who loads the kiln?</b></summary>\nThe technician, on Fridays.</details>\n";
    let a = parse(text, Format::Markdown);
    let qa = asked_and_answered(&a);
    assert_eq!(
        qa,
        [
            ("How hot is a glaze firing?", "About 1,220 °C.".to_string()),
            ("When can I collect pots?", "Two days after the firing.".to_string()),
            ("Who loads the kiln?", "The technician, on Fridays.".to_string()),
        ]
    );
}

#[test]
fn exam_notes_label_answers_ans_dot_and_answer_dash() {
    let text = "Light Questions\n\nAsked every year.\n\nQ1. What is the refractive index of glass?\nAns. About 1.52 for crown glass.\n\nQ2. Define focal length.\nAns: The distance from the centre to the focus.\n\nQ3. Why does a pencil look bent in water?\nAnswer- Light bends as it leaves the water.\n\nQ4. What is a dioptre?\nAns – The unit of a lens's power.\n";
    let a = parse(text, Format::Text);
    let answers: Vec<String> = a.sections.iter().map(Section::answer_text).collect();
    assert_eq!(
        answers,
        [
            "About 1.52 for crown glass.",
            "The distance from the centre to the focus.",
            "Light bends as it leaves the water.",
            "The unit of a lens's power.",
        ]
    );
}

#[test]
fn pod_code_right_at_the_top_or_after_one_blank_line_is_fenced_whole() {
    for text in [
        "=head1 NAME\n\nkiln - Kiln notes\n\n=head2 How do I fire?\n\n    kiln --cone 6\n    kiln start\n\nThen wait.\n\n=head2 How long?\n\nEleven hours.\n",
        "\n    use Kiln;\n\n=head1 NAME\n\nkiln - Kiln notes\n\n=head2 How do I fire?\n\n    kiln --cone 6\n    kiln start\n\nThen wait.\n\n=head2 How long?\n\nEleven hours.\n",
    ] {
        let a = parse(text, Format::Text);
        assert_eq!(a.sections.len(), 2, "{text:?}");
        assert_eq!(
            a.sections[0].answer_text(),
            "```\nkiln --cone 6\nkiln start\n```\n\nThen wait."
        );
    }
}

#[test]
fn pod_code_with_no_blank_line_after_it_moves_no_line() {
    let text = "=head1 NAME\n\nkiln - Kiln notes\n\n=head2 How do I fire?\n\n    kiln start\n=head2 How long?\n\nEleven hours.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections
            .iter()
            .map(|s| (s.question.as_str(), s.line))
            .collect::<Vec<_>>(),
        [("How do I fire?", 5), ("How long?", 8)]
    );
    assert_eq!(a.sections[0].answer_text(), "    kiln start");
    assert_eq!(a.sections[0].blocks[0].kind, BlockKind::Code);
}

#[test]
fn a_lettered_line_alone_over_questions_names_their_part() {
    let text = "Leisure Centre FAQ\n\nFor members and visitors.\n\nA. MEMBERSHIP\n\n1. How do I join?\nJoin online or at reception.\n\n2. Is joining free?\n\nYes, for under-16s.\n\nB. Swimming\n\n3. When is the pool quietest?\n\nA. Weekdays\n\n4. Do you have a sauna?\n\nNot yet.\n";
    let a = parse(text, Format::Text);
    let parts: Vec<(&str, Option<&str>, String)> = a
        .sections
        .iter()
        .map(|s| (s.question.as_str(), s.category.as_deref(), s.answer_text()))
        .collect();
    assert_eq!(
        parts,
        [
            (
                "How do I join?",
                Some("MEMBERSHIP"),
                "Join online or at reception.".to_string()
            ),
            (
                "Is joining free?",
                Some("MEMBERSHIP"),
                "Yes, for under-16s.".to_string()
            ),
            // Right under its question, `A.` labels the answer.
            ("When is the pool quietest?", Some("Swimming"), "Weekdays".to_string()),
            ("Do you have a sauna?", Some("Swimming"), "Not yet.".to_string()),
        ]
    );
    assert_eq!(join_blocks(&a.intro), "For members and visitors.");
}

#[test]
fn hostile_nesting_and_long_lines_of_markup_neither_overflow_nor_stall() {
    // Each would once recurse once per opening or look to the end of the
    // line for each: a stack overflow or minutes of work.
    let pod = format!("=head2 A?\n\n{}x\n\n=head2 B?\n\nYes.\n", "B<".repeat(100_000));
    assert_eq!(parse(&pod, Format::Text).sections.len(), 2);
    let details = format!(
        "# T\n\nIntro.\n\n{}<summary>Q?</summary>A.\n",
        "<details>".repeat(100_000)
    );
    assert_eq!(questions(&details, Format::Markdown), ["Q?"]);
    let stars = format!("# T\n\n## A?\n\n{}\n\n## B?\n\nYes.\n", "*a ".repeat(100_000));
    assert_eq!(md_qs(&stars), ["A?", "B?"]);
    let textile = format!("h2. A?\n\n{}\n\nh2. B?\n\nYes.\n", "*a _b ".repeat(50_000));
    assert_eq!(text_qs(&textile), ["A?", "B?"]);
    for line in [
        format!("{}x{}", "\\emph{".repeat(100_000), "}".repeat(100_000)),
        "\\textbf{a ".repeat(100_000),
        "\\verb!a \\cite[b ".repeat(50_000),
    ] {
        let latex = format!("\\section{{A?}}\n\n{line}\n\n\\section{{B?}}\n\nYes.\n");
        assert_eq!(text_qs(&latex), ["A?", "B?"]);
    }
}

#[test]
fn text_under_a_part_heading_is_kept_in_the_intro() {
    // No question at all: a part heading over statement headings once
    // swallowed the whole page.
    let text = "# Guide\n\n## General\n\n### What it is\n\nA kiln fires clay.\n\n### Who runs it\n\nThe studio does.\n";
    let a = parse(text, Format::Markdown);
    assert!(a.sections.is_empty());
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert!(
        intro.contains(&"A kiln fires clay.") && intro.contains(&"The studio does."),
        "{intro:?}"
    );
    // What a part says before its first question is the article's text too.
    let text = "# FAQ\n\nIntro.\n\n## Firing\n\nThis part covers the kiln.\n\n### How hot does it get?\n\nAbout 1,200 degrees.\n\n### How long does a firing take?\n\nA day.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.sections[0].category.as_deref(), Some("Firing"));
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(intro, ["Intro.", "This part covers the kiln."]);
}

#[test]
fn contents_written_as_lines_of_links_go() {
    let text = "# FAQ\n\n[A1. How hot does the kiln get?](#a1)  \n[A2. How long does a firing take?](#a2)\n\nWelcome to the studio.\n\n## A1. How hot does the kiln get?\n\nAbout 1,200 degrees.\n\n## A2. How long does a firing take?\n\nA day.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections.len(), 2);
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(intro, ["Welcome to the studio."]);
}

#[test]
fn sub_headings_inside_an_answer_stay_in_it() {
    // Answered in parts: the question has its sub-headings for an answer.
    let text = "# FAQ\n\n## Why does my old config fail?\n\n### Before 2.0\n\nRename `jobs` to `tasks`.\n\n### Before 1.5\n\nAdd a version line.\n\n## Is there a GUI?\n\nNo.\n";
    assert_eq!(md_qs(text), ["Why does my old config fail?", "Is there a GUI?"]);
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections[0].answer_text(),
        "Before 2.0:\n\nRename `jobs` to `tasks`.\n\nBefore 1.5:\n\nAdd a version line."
    );
    // A heading ends an answer only at or above its own question's level,
    // whatever level other questions take.
    let text = "# FAQ\n\n## How do I glaze?\n\nDip it.\n\n### Tips\n\nStir the glaze first.\n\n## Setup\n\n### Where is the kiln?\n\nIn the yard.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(md_qs(text), ["How do I glaze?", "Where is the kiln?"]);
    assert_eq!(a.sections[0].answer_text(), "Dip it.\n\nTips:\n\nStir the glaze first.");
}

#[test]
fn numbered_points_spread_over_answers_are_no_questions() {
    let text = "# FAQ\n\n## How do I share state?\n\nTwo ways.\n\n1) By writing a file\n\n   Then read it back.\n\n2) By passing arguments\n\n## Why did it run twice?\n\n3) Because it is listed twice\n\n   Remove one entry.\n\n4) Because it watches itself\n\n   Narrow the pattern.\n\n## Can it run remotely?\n\nNot yet.\n";
    assert_eq!(
        md_qs(text),
        ["How do I share state?", "Why did it run twice?", "Can it run remotely?"]
    );
    let a = parse(text, Format::Markdown);
    // The last point of a list is no part heading either.
    assert_eq!(a.sections[1].category, None);
}

#[test]
fn code_fenced_inside_a_quote_is_code() {
    let text = "# FAQ\n\n**1. How do I make a key?**\n\n> Like this:\n>\n> > ```\n> > >>> make_key(1)\n> > ```\n>\n> Then insert.\n\n**2. What types are there?**\n\n> Integers and text.\n";
    assert_eq!(md_qs(text), ["How do I make a key?", "What types are there?"]);
    let a = parse(text, Format::Markdown);
    let code: Vec<&str> = a.sections[0]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Code)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(code, ["```\n>>> make_key(1)\n```"]);
}

#[test]
fn rst_comments_and_hidden_directives_go_with_their_bodies() {
    let text = "Glaze FAQ\n=========\n\nAnswers... and more.\n\n.. index:: glaze, kiln\n\nWhy is it cloudy?\n-----------------\n\nIt was fired too fast.\n\n.. XXX check this\n\n   Is it food safe?\n   ----------------\n\n   Ask the supplier.\n\n..\n\n   A quote after an empty comment.\n\n.. testsetup::\n\n   import glaze\n\n.. doctest::\n\n   >>> glaze.mix()\n   'ok'\n\nDoes colour fade?\n-----------------\n\nNo.\n";
    assert_eq!(questions(text, Format::Rst), ["Why is it cloudy?", "Does colour fade?"]);
    let a = parse(text, Format::Rst);
    assert_eq!(a.intro[0].text, "Answers... and more.");
    let answer = a.sections[0].answer_text();
    assert!(answer.contains("A quote after an empty comment."), "{answer}");
    assert!(
        answer.contains(">>> glaze.mix()") && !answer.contains("import glaze"),
        "{answer}"
    );
    assert!(!answer.contains("supplier") && !answer.contains("XXX"), "{answer}");
}

#[test]
fn asciidoc_titles_underlined_are_no_listing_blocks() {
    let text = "Kiln FAQ\n========\n\nFiring\n------\n\nHow hot does it get?::\n\tAbout 1,200 degrees.\n+\n----\nkiln --max\n----\n\nGlazing\n-------\n\nWhy is it cloudy?::\n\tIt was fired too fast.\n";
    assert_eq!(
        questions(text, Format::AsciiDoc),
        ["How hot does it get?", "Why is it cloudy?"]
    );
    let a = parse(text, Format::AsciiDoc);
    assert_eq!(a.sections[1].category.as_deref(), Some("Glazing"));
    assert_eq!(
        a.sections[0].answer_text(),
        "About 1,200 degrees.\n\n```\nkiln --max\n```"
    );
    // Labelled-list questions tell AsciiDoc in a `.txt` file.
    assert_eq!(
        questions(text, Format::Text),
        ["How hot does it get?", "Why is it cloudy?"]
    );
}

#[test]
fn a_remark_in_brackets_after_the_question_is_the_questions() {
    let text = "Kiln FAQ\n\n1.1: Why does the glaze crawl?  (Plus other glaze faults.)\n\nThe pot was dusty.\n\n1.2: Why is it dull? The kiln cooled too slowly for a gloss.\n\nMore on cooling.\n";
    assert_eq!(
        text_qs(text),
        [
            "Why does the glaze crawl? (Plus other glaze faults.)",
            "Why is it dull?"
        ]
    );
}

#[test]
fn a_chain_does_not_run_on_into_a_list_after_the_last_answer() {
    // `7. )` would continue `6.2` as a chapter of its own.
    let text = "Kiln FAQ\n\n5.1: Who built it?\n\nThe club.\n\n5.2: Who fixes it?\n\nA technician.\n\n6.1: How do I report a fault?\n\nLike this:\n\n1. ) Note the error code.\n\n2. ) Switch it off.\n\n6.2: Can I fire at night?\n\nOnly with a key holder:\n\n1. ) Ask at the desk.\n\n2. ) Sign the book.\n\n3. ) Return the key.\n\nKey holders are listed on the board.\n";
    assert_eq!(
        text_qs(text),
        [
            "Who built it?",
            "Who fixes it?",
            "How do I report a fault?",
            "Can I fire at night?"
        ]
    );
    let a = parse(text, Format::Text);
    let last = a.sections[3].answer_text();
    assert!(
        last.contains("3. ) Return the key.") && last.ends_with("on the board."),
        "{last}"
    );
    // `1. )` numbers as `1.)` does.
    assert_eq!(parse_number("7. ) Restore it."), Some((vec![7], "Restore it.")));
    // `(1):` as a heading numbers under its contents list's `(1)`.
    assert_eq!(
        parse_number("(9): How do I test it?"),
        Some((vec![9], "How do I test it?"))
    );
}

#[test]
fn rst_roles_read_as_their_text() {
    for (raw, clean) in [
        ("Call :func:`os.read` first.", "Call `os.read` first."),
        ("See :doc:`the legacy guide </howto/legacy>`.", "See the legacy guide."),
        ("A :term:`mutable` list.", "A mutable list."),
        (
            "Use :meth:`~list.append` or :py:class:`!Frob`.",
            "Use `append` or `Frob`.",
        ),
        ("Read :pep:`8` and :rfc:`2822`.", "Read PEP 8 and RFC 2822."),
        ("Set :setting:`DEBUG <debug>` off.", "Set DEBUG off."),
        // A project's own roles, named with underscores.
        ("Set the :conf_minion:`id` first.", "Set the `id` first."),
        ("A `link <https://example.org>`_ and ``code``.", "A link and `code`."),
        ("Time 10:30 and a lone `tick.", "Time 10:30 and a lone `tick."),
        ("Start with :ref:`tutorial-index`.", "Start with `tutorial-index`."),
        // Sphinx's marks on a Python name, under a role or the default role.
        ("Call :meth:`.Kiln.fire` then `.Loop`.", "Call `Kiln.fire` then `Loop`."),
        ("Use `~kiln.Kiln.vent()` or `!Overheat`.", "Use `vent()` or `Overheat`."),
        ("See the `firing guide <firing>` first.", "See the firing guide first."),
        // Not names: a path, a literal, a file role.
        ("Edit `~/.kilnrc` and ``~kiln.x``.", "Edit `~/.kilnrc` and `~kiln.x`."),
        ("Open :file:`.kilnrc` now.", "Open `.kilnrc` now."),
    ] {
        assert_eq!(rst_inline(raw), clean, "{raw}");
    }
    // A link broken over two lines is one link in its paragraph.
    let text = "Kiln FAQ\n========\n\nWhy is it hot?\n--------------\n\nSee the `Beginner's Guide to\nFiring <https://example.org/firing>`_ first.\n";
    let a = parse(text, Format::Rst);
    assert_eq!(a.sections[0].answer_text(), "See the Beginner's Guide to Firing first.");
}

#[test]
fn a_manual_page_is_titled_by_its_name_line() {
    let text = "kiln(7)\n=======\n\nNAME\n----\nkiln - questions about the studio kiln\n\nWhy is it hot?::\n\tIt is firing.\n\nWho loads it?::\n\tThe technician.\n";
    let a = parse(text, Format::AsciiDoc);
    assert_eq!(
        a.title.map(|t| (t.text, t.line)),
        Some(("kiln - questions about the studio kiln".to_string(), 6))
    );
    // Without a NAME heading the name and section stay the title.
    let a = parse(
        "kiln(7)\n=======\n\nWhy is it hot?::\n\tIt is firing.\n",
        Format::AsciiDoc,
    );
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("kiln(7)"));
}

#[test]
fn a_wrapped_q_paragraph_asks_whole_up_to_its_answer() {
    let text = "Kiln notes\n\nQ:   When loading from a second shelf, the\n     KILN variable should be reset. Even ``set\n     : KILN=2'' does not work.\n\nA:   Each shelf keeps its own settings.\n\nQ:   Why is it hot?\n\nA:   It is firing.\n";
    assert_eq!(
        text_qs(text),
        [
            "When loading from a second shelf, the KILN variable should be reset. Even ``set : KILN=2'' does not work.",
            "Why is it hot?"
        ]
    );
}

#[test]
fn rst_references_read_as_what_they_name() {
    for (raw, clean) in [
        ("Docutils is written in Python_.", "Docutils is written in Python."),
        ("See the `feature tracker`_ first.", "See the feature tracker first."),
        (
            "Ask on `the forum`__ or REST__, anonymously.",
            "Ask on the forum or REST, anonymously.",
        ),
        ("Reported twice [1]_ and cited [CIT2002]_.", "Reported twice and cited."),
        ("A footnote [#note]_ here.", "A footnote here."),
        // Names, code and paths keep their underscores.
        (
            "Call __init__ on self.__dict__ now.",
            "Call __init__ on self.__dict__ now.",
        ),
        ("Set `max_size_` in ``conf``.", "Set `max_size_` in `conf`."),
        (
            "Open http://example.org/a_ then snake_case.",
            "Open http://example.org/a_ then snake_case.",
        ),
        ("A role :RFC:`3339` in capitals.", "A role RFC 3339 in capitals."),
        (
            "An option ``:numbered:`` and :doc:`the guide </g>`.",
            "An option `:numbered:` and the guide.",
        ),
        ("An escaped \\* and \\`tick\\`.", "An escaped * and `tick`."),
    ] {
        assert_eq!(clean_inline(&rst_inline(raw), Format::Rst), clean, "{raw}");
    }
    // Roles and references broken over lines resolve in their paragraph;
    // targets go, however their address wraps.
    let text = "Kiln FAQ\n========\n\nWhy is it hot?\n--------------\n\nSee the :doc:`firing\nguide </guides/firing>` and the `kiln\nlog`_.\n\n.. _kiln log:\n   https://example.org/\n   log\n\n__ https://example.org/other\n";
    let a = parse(text, Format::Rst);
    assert_eq!(a.sections[0].answer_text(), "See the firing guide and the kiln log.");
}

#[test]
fn rst_docinfo_under_the_title_is_no_text() {
    let text = ":orphan:\n\n==========\n Kiln FAQ\n==========\n\n:Author: The studio\n:Revision: $Revision: 12 $\n:Copyright: Public domain; copy\n   freely.\n\nThe kiln fires on Fridays.\n\nWhy is it hot?\n--------------\n\nIt is firing.\n";
    let a = parse(text, Format::Rst);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Kiln FAQ"));
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(intro, ["The kiln fires on Fridays."]);
    // A field list further down is the text's own.
    let text = "Kiln FAQ\n========\n\nThe kiln fires on Fridays.\n\n:Hours: nine to five\n\nWhy is it hot?\n--------------\n\nIt is firing.\n";
    let a = parse(text, Format::Rst);
    assert_eq!(a.intro.len(), 2);
}

#[test]
fn a_question_goes_on_from_its_part_heading() {
    let text = "Kiln FAQ\n========\n\nHow do I...\n-----------\n\n... load the kiln?\n   Shelf by shelf, heaviest first.\n\n... unload it?\n   Only when it reads below 50 degrees.\n";
    assert_eq!(
        questions(text, Format::Rst),
        ["How do I load the kiln?", "How do I unload it?"]
    );
    // Without a heading that stops short, the dots stay.
    assert_eq!(goes_on("... unload it?", Some("Kilns")), "... unload it?");
    assert_eq!(goes_on("Unload it...", Some("How do I…")), "Unload it...");
    assert_eq!(goes_on("… unload it?", Some("How do I…")), "How do I unload it?");
}

#[test]
fn entries_hanging_over_their_answers_are_questions() {
    // pod2text's layout: parts at 2, entries at 3, answers at 4; numbered
    // steps inside the answers are no questions, and an entry may state.
    let text = "KILN QUESTIONS\n  Loading\n   Who may load the kiln?\n    Members who finished the induction.\n\n   How are pots arranged?\n    In three steps.\n\n    1. Heaviest pots on the lowest shelf.\n\n    2. A finger's width between pots.\n\n    3. Lids off.\n\n  Firing\n   How long does a firing take?\n    About nine hours.\n\n   The kiln shows error E4.\n    A thermocouple has failed.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        asked_in_parts(&a),
        [
            ("Who may load the kiln?", Some("Loading")),
            ("How are pots arranged?", Some("Loading")),
            ("How long does a firing take?", Some("Firing")),
            ("The kiln shows error E4.", Some("Firing")),
        ]
    );
    assert!(a.sections[1].answer_text().contains("2. A finger's width"));
    // Fewer than three entries, or most of them stating, are no such list.
    assert!(
        hanging_questions(
            &scan_lines("Intro\n\nNote:\n    kept.\n\nSee:\n    here.\n", Format::Text),
            0,
            Format::Text
        )
        .is_empty()
    );
}

#[test]
fn entries_wrapped_at_their_own_indent_and_mostly_stating_still_hang() {
    // A text browser's print of a page: headings at 2, text at 3; six of
    // thirteen entries ask, two wrap over two lines.
    let mut text = String::from("     * Home\n     * FAQ\n\nKiln FAQ\n\n   For members.\n\n");
    for k in 1..=5 {
        text.push_str(&format!("  Why does shelf {k} crack?\n\n   Thermal shock.\n\n"));
    }
    for k in 1..=6 {
        text.push_str(&format!("  Lid {k} sticks.\n\n   Sand it.\n\n"));
    }
    text.push_str("  The door of the big kiln will not close after a long\n  firing.\n\n   Let it cool.\n\n");
    text.push_str("  When the vent is open, does the\n  kiln cool faster?\n\n   Yes.\n");
    let a = parse(&text, Format::Text);
    let asked: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(asked.len(), 13, "{asked:?}");
    assert_eq!(
        asked[11],
        "The door of the big kiln will not close after a long firing."
    );
    assert_eq!(asked[12], "When the vent is open, does the kiln cool faster?");
    // Not the navigation bar over the page.
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Kiln FAQ"));
    assert!(a.intro.iter().all(|b| !b.text.contains("Home")));
    // Fewer than five asking among as many stating are no such list.
    let text = "Notes\n\n  Why?\n   A.\n\n  Lid sticks.\n   B.\n\n  Door sticks.\n   C.\n\n  Vent sticks.\n   D.\n\n  How?\n   E.\n";
    assert!(hanging_questions(&scan_lines(text, Format::Text), 0, Format::Text).is_empty());
}

#[test]
fn a_paragraph_of_prose_at_the_top_is_no_title() {
    let text = "This file collects the questions members of the studio ask about the\nkiln, with the answers.\n\n1. Who may load the kiln?\n\nMembers.\n\n2. How long does a firing take?\n\nNine hours.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title, None);
    assert_eq!(a.sections.len(), 2);
    assert!(a.intro[0].text.starts_with("This file collects"), "{:?}", a.intro);
    assert!(a.intro[0].text.ends_with("with the answers."));
    // A short title over a line in lower case is still the title.
    let a = parse(
        "Kiln FAQ\nupdated weekly\n\n1. Who loads it?\n\nMembers.\n",
        Format::Text,
    );
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Kiln FAQ"));
}

#[test]
fn a_readme_with_an_faq_keeps_its_steps_and_drops_its_contents() {
    let md = "<h1 align=\"center\">\n  <img src=\"l.svg\" alt=\"logo\">\n  Loom\n</h1>\n\n## Contents\n\n- Start\n  - [Setup](#setup)\n- FAQ\n  - [Why is it slow?](#why)\n\n## Setup\n\n1. Pick a theme\n\n   ```sh\n   loom theme\n   ```\n\n2. Set the warp\n\n   ```sh\n   loom set warp\n   ```\n\n## Why is it slow?\n\nIt indexes first.\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Loom"));
    let asked: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    // The numbered steps under a heading that asks nothing are its answer;
    // the contents, grouped under labels, are dropped.
    assert_eq!(asked, ["Setup", "Why is it slow?"]);
    assert!(a.sections[0].answer_text().contains("2. Set the warp"));
    assert!(a.intro.is_empty(), "{:?}", a.intro);
}

#[test]
fn a_page_that_opens_with_its_first_question_has_no_title_line() {
    // `man` prints a page without a NAME section so: the running header
    // names it.
    let text = "KILN-FAQ(7)\t\t  studio\t\t   KILN-FAQ(7)\n\nWHO MAY LOAD THE KILN?\n       Members.\n\nHOW HOT DOES IT GET?\n       1260 degrees.\n\nWHY DID MY POT CRACK?\n       It dried too fast.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("kiln-faq"));
    assert_eq!(a.sections.len(), 3);
    assert_eq!(a.sections[0].question, "WHO MAY LOAD THE KILN?");
    // Markdown whose questions are its top headings.
    let md = "# Who may load the kiln?\n\nMembers.\n\n# How hot does it get?\n\nHot.\n\n# Why did my pot crack?\n\nDrying.\n";
    let a = parse(md, Format::Markdown);
    assert_eq!(a.title, None);
    assert_eq!(a.sections.len(), 3);
    // One question heading alone is the title still.
    let a = parse(
        "# Why bake bread?\n\nBecause.\n\n## What flour?\n\nStrong.\n",
        Format::Markdown,
    );
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Why bake bread?"));
}

#[test]
fn numbering_may_start_at_zero_and_put_lettered_questions_in() {
    let text = "Kiln FAQ\n\n0. What is a kiln?\n\nAn oven for clay.\n\n1. Who may use it?\n\nMembers.\n\n1b. Can guests use it?\n\nWith a member.\n\n2. Why did my pot crack?\n\nDrying.\n\nA wrapped line of a paragraph may begin with a figure, as in version\n11i. This is no question.\n";
    let a = parse(text, Format::Text);
    let asked: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        asked,
        [
            "What is a kiln?",
            "Who may use it?",
            "Can guests use it?",
            "Why did my pot crack?"
        ]
    );
    assert!(
        a.sections[3].answer_text().contains("version 11i. This"),
        "{:?}",
        a.sections[3].blocks
    );
}

#[test]
fn a_group_may_lose_its_first_questions() {
    let text = "Kiln FAQ\n\n1. Joining\n\n  1.1 Who may use it?\n\n  Members.\n\n  1.2 What does it cost?\n\n  Six pounds.\n\n2. Firing\n\n  2.2 How hot does it go?\n\n  1260 degrees.\n\n  2.3 Why did my pot crack?\n\n  Drying.\n\n3. Glazes\n\n  3.3 Which glazes are food safe?\n\n  The white ones.\n";
    let asked: Vec<String> = parse(text, Format::Text)
        .sections
        .into_iter()
        .map(|s| s.question)
        .collect();
    assert_eq!(
        asked,
        [
            "Who may use it?",
            "What does it cost?",
            "How hot does it go?",
            "Why did my pot crack?",
            "Which glazes are food safe?"
        ]
    );
}

#[test]
fn a_question_over_its_message_asks_about_that_message() {
    let text = "Plotter help\n\n### When I print, it says:\n\n    carriage blocked\n\nClear the rail.\n\n### When I print, it says:\n\n    paper size wrong\n    for this roll\n\nLoad another roll.\n\n### Why are lines wavy?\n\nThe belt is slack.\n\n### How do I run this:\n\n    plot --all\n";
    let a = parse(text, Format::Markdown);
    let asked: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        asked,
        [
            "When I print, it says: `carriage blocked`",
            "When I print, it says: `paper size wrong for this roll`",
            "Why are lines wavy?",
            // Code with no answer after it is the answer.
            "How do I run this:",
        ]
    );
    assert_eq!(a.sections[0].answer_text(), "Clear the rail.");
    assert_eq!(a.sections[3].answer_text(), "    plot --all");
    // A message that quotes with backticks is fenced with two.
    let text =
        "Plotter help\n\n### When I print, it says:\n\n    `pen' not found\n\nFit a pen.\n\n### Why?\n\nBecause.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.sections[0].question, "When I print, it says: `` `pen' not found ``");
}

#[test]
fn a_manual_page_reads_as_its_sections() {
    let text = "KILNFAQ(7)\t\t   Studio Kiln\t\t   KILNFAQ(7)\n\nNAME\n       kilnfaq - questions about the kiln\n\nDESCRIPTION\n       This page answers what members ask.\n\nLOADING\n   Who may load the kiln, and who signs them\n       off?\n       The technician, after one firing:\n\n\t   # the plan\n\t   kiln-plan --shelves 4\n\n\t   kiln-plan --weigh\n\n       Keep the plan.\n\n   How are pots arranged?\n       Heaviest first.\n\nFIRING\n   How long does a firing take?\n       Nine hours.\n\n   The kiln shows E4.\n       A thermocouple failed.\n\nkilnfaq 2.1\t\t  2026-10-01\t\t   KILNFAQ(7)\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.title.map(|t| t.text).as_deref(),
        Some("kilnfaq - questions about the kiln")
    );
    let asked: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        asked,
        [
            "Who may load the kiln, and who signs them off?",
            "How are pots arranged?",
            "How long does a firing take?",
            "The kiln shows E4."
        ]
    );
    assert_eq!(a.sections[0].category.as_deref(), Some("LOADING"));
    // Section names head their text rather than open its first sentence.
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(intro, ["DESCRIPTION:", "This page answers what members ask."]);
    // The sample, tab-indented and in two paragraphs, is code, its `#`
    // line no heading, its tabs spaces.
    let code: Vec<&str> = a.sections[0]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Code)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        code,
        [
            "           # the plan\n           kiln-plan --shelves 4",
            "           kiln-plan --weigh"
        ]
    );
    assert!(!a.sections[3].answer_text().contains("KILNFAQ"));
    // A `#` line indented as far as code is a shell prompt or a comment,
    // in an answer as much as in a sample.
    let text = "Kiln FAQ\n\n1. How do I see its state?\n\n    Ask the controller:\n\n    # kiln-status --now\n    # kiln-status --log\n\n    It prints the temperature.\n\n2. Who loads it?\n\n    The technician.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.sections.len(), 2);
    assert!(a.sections[0].answer_text().ends_with("It prints the temperature."));
    assert_eq!(a.sections[1].category, None);
    assert!(is_man_furniture("perl v5.36.0\t\t  2026-09-29\t\t   PERLFAQ1(1)"));
    assert!(!is_man_furniture("See gitfaq(7)."));
    assert_eq!(expand_tabs("a\tb\t\tc", 8), "a       b               c");
}

#[test]
fn labelled_parts_restart_numbering_and_name_their_questions() {
    let text = "Kiln FAQ\n\nCategory: /Loading/\n\n1. Who may load the kiln?\n\nMembers who finished the induction.\n\n2. How are pots arranged?\n\nHeaviest first.\n\nCategory: /Firing/\n\n1. How long does a firing take?\n\nNine hours.\n\n2. Why did my glaze crawl?\n\nDust on the bisque.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        asked_in_parts(&a),
        [
            ("Who may load the kiln?", Some("/Loading/")),
            ("How are pots arranged?", Some("/Loading/")),
            ("How long does a firing take?", Some("/Firing/")),
            ("Why did my glaze crawl?", Some("/Firing/")),
        ]
    );
    assert_eq!(a.sections[1].answer_text(), "Heaviest first.");
    assert_eq!(part_label("Section: Installing"), Some("Installing"));
    assert_eq!(part_label("Note: this is a sentence."), None);
}

#[test]
fn a_quotation_set_in_over_paragraphs_is_no_sample() {
    let text = "Kiln notes\n\nWhy is it hot?\n\nHere is what the technician wrote:\n\n     The kiln was left on overnight by the\n     evening class.\n\n     Nobody noticed until the morning.\n\nThat is why.\n";
    let a = parse(text, Format::Text);
    assert!(
        a.sections[0].blocks.iter().all(|b| b.kind != BlockKind::Code),
        "{:?}",
        a.sections[0].blocks
    );
    // Code over two paragraphs at one indent is one sample.
    let text =
        "Kiln notes\n\nWhy is it hot?\n\nRun this:\n\n     kiln-status --now\n\n     kiln-log --tail\n\nThat is why.\n";
    let a = parse(text, Format::Text);
    let code = a.sections[0]
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Code)
        .count();
    assert_eq!(code, 2);
}

#[test]
fn asciidoc_terms_are_entries_when_the_list_asks() {
    let faq = "= Kiln FAQ\n\nWho may load it?::\n  Members.\n\nHow long is a firing?::\n  Nine hours.\n\nThe kiln shows E4.::\n  A thermocouple failed.\n";
    assert_eq!(
        questions(faq, Format::AsciiDoc),
        ["Who may load it?", "How long is a firing?", "The kiln shows E4."]
    );
    // A glossary states: its one asking term is no reason to read the
    // others as questions.
    let glossary = "= Kiln notes\n\nBisque::\n  The first firing.\n\nGlaze::\n  The glassy coat.\n\nCone::\n  A heat gauge.\n\nWhy fire twice?::\n  The bisque holds its shape.\n";
    assert_eq!(questions(glossary, Format::AsciiDoc), ["Why fire twice?"]);
    assert_eq!(asciidoc_term("Term::"), Some("Term"));
    assert_eq!(asciidoc_term("// a comment::"), None);
}

#[test]
fn a_wrapped_question_may_end_in_a_quoted_message() {
    let text = "-----------------\n------ Kiln FAQ ------\n-----------------\n\n1. When I start a firing I sometimes\n   get an error saying: \"Door open.\"\n\n\tClose the latch first.\n\n2. Who loads it?\n\n\tThe technician.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Kiln FAQ"));
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "When I start a firing I sometimes get an error saying: \"Door open.\"",
            "Who loads it?"
        ]
    );
    assert_eq!(undecorated("=== Kiln FAQ ==="), "Kiln FAQ");
    assert_eq!(undecorated("--help and -v"), "--help and -v");
    assert_eq!(undecorated("*** Kiln"), "*** Kiln");
    assert_eq!(undecorated("-= The Kiln FAQ =-"), "The Kiln FAQ");
    assert_eq!(undecorated("-- kiln --"), "-- kiln --");
    assert_eq!(undecorated("-= kiln"), "-= kiln");
    assert_eq!(undecorated("-KILN FAQ--------------------"), "KILN FAQ");
    assert_eq!(undecorated("-v--------"), "v");
    assert_eq!(undecorated("- kiln -"), "- kiln -");
    assert_eq!(undecorated("-----------"), "-----------");
}

#[test]
fn bracketed_labels_mark_questions_and_answers() {
    let text = "-KILN FAQ--------------------\n\n[Q] - Who loads the kiln?\n\n[A] - The technician.\n\n[Q] - The door sticks.\n\n[A] - Oil the hinge.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("KILN FAQ"));
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        ["Who loads the kiln?", "The door sticks."]
    );
    assert_eq!(a.sections[0].answer_text(), "The technician.");
    assert_eq!(bracketed_label("[Q]: Why?", &["q"]), Some("Why?"));
    assert_eq!(bracketed_label("[G.1] Why?", &["q"]), None);
    assert_eq!(bracketed_label("[Q] -", &["q"]), None);
}

#[test]
fn markdown_shortcut_references_read_as_their_text() {
    let text = "# Kiln FAQ\n\n## Who makes the kiln?\n\nIt comes from [Hotbox Ltd], see the [manual][] and `a[i]` and [sic].\n\n## How hot does it get?\n\nRead [the chart](#chart) and the [Cone Table].\n\n[hotbox ltd]: https://example.org/hotbox\n[manual]: https://example.org/manual\n[cone table]:\n  https://example.org/cones\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections[0].answer_text(),
        "It comes from Hotbox Ltd, see the manual and `a[i]` and [sic]."
    );
    assert_eq!(a.sections[1].answer_text(), "Read the chart and the Cone Table.");
}

#[test]
fn myst_directives_read_as_what_they_show() {
    let text = "# Kiln FAQ\n\n```{contents}\n:local:\n```\n\n## Who may load the kiln?\n\nMembers who finished the induction.\n\n```{note}\n:class: dropdown\nThe technician signs them off.\n```\n\n## How do I check the plan?\n\nRun the planner:\n\n```{code-block} shell\nkiln-plan --weigh\n```\n\n````{admonition} Before a glaze firing\nWipe the shelves.\n````\n";
    let a = parse(text, Format::Markdown);
    assert!(a.intro.is_empty(), "{:?}", a.intro);
    let texts = |i: usize| a.sections[i].blocks.iter().map(|b| b.text.as_str()).collect::<Vec<_>>();
    assert_eq!(
        texts(0),
        [
            "Members who finished the induction.",
            "Note: The technician signs them off."
        ]
    );
    assert_eq!(
        texts(1),
        [
            "Run the planner:",
            "```\nkiln-plan --weigh\n```",
            "Before a glaze firing: Wipe the shelves."
        ]
    );
}

#[test]
fn rst_substitutions_and_escaped_spaces_read_as_shown() {
    let text = "Kiln FAQ\n========\n\nWhy vent it?\n------------\n\nUse the |VENT|_ valve and ``fan``\\ s, `a`/\\ `b` |--| then wait.\nKeep ``|VENT|`` and ``x\\ y`` as code. |logo|\n\n.. |VENT| replace:: ``vent``\n.. _VENT: https://example.org/vent\n.. |--| unicode:: U+2013 .. en dash\n.. |logo| image:: kiln.png\n";
    let a = parse(text, Format::Rst);
    assert_eq!(
        a.sections[0].answer_text(),
        "Use the `vent` valve and `fan`s, `a`/`b` – then wait. Keep `|VENT|` and `x\\ y` as code."
    );
}

#[test]
fn rst_definition_terms_that_mostly_ask_are_all_entries() {
    // A definition list of questions, with a stated problem among them and
    // the labels and classes Sphinx FAQs put over each entry.
    let text = "Kiln FAQ\n========\n\nFiring\n------\n\n.. _hot:\n.. cssclass:: faq\n\nWhy is it hot?\n    Because it fires.\n\nWho loads it?\n    The technician does.\n\nThe door sticks when it is *cold*.\n    Lift it as you pull.\n\nWhere is the key?\n    In the office.\n";
    assert_eq!(
        questions(text, Format::Rst),
        [
            "Why is it hot?",
            "Who loads it?",
            "The door sticks when it is cold.",
            "Where is the key?"
        ]
    );
    let a = parse(text, Format::Rst);
    assert_eq!(a.sections[2].answer_text(), "Lift it as you pull.");
    assert_eq!(a.sections[2].category.as_deref(), Some("Firing"));
}

#[test]
fn a_text_file_written_in_rst_is_read_as_rst() {
    let text = "Kiln FAQ\n========\n\n.. contents::\n\n.. _hot:\n\nWhy is ``kiln`` hot?\n--------------------\n\nIt fires at ``1200`` degrees.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.sections[0].question, "Why is `kiln` hot?");
    assert_eq!(a.sections[0].answer_text(), "It fires at `1200` degrees.");
    // One line of such markup is no proof: the text stays as written.
    let one = text.replace(".. contents::\n\n", "");
    assert_eq!(
        parse(&one, Format::Text).sections[0].answer_text(),
        "It fires at ``1200`` degrees."
    );
}

#[test]
fn a_contents_list_grouped_under_long_labels_is_dropped() {
    // The index of a page turned from HTML: groups under labels of up to
    // eight words, the last question of a group over the next labels.
    let text = "# Kiln FAQ\n\n## Index\n\n*   [**General Questions, How to Get Into the Studio**](#general)\n\n*   **Why is it hot?**\n*   **Who loads it?**\n\n*   [**Compile and Install**](#install)\n*   [**Options, Commands, Usage**](#command)\n\n*   **How long does it cool?**\n*   **Which glaze is safe?**\n\n*   [**Questions about Firing at Home**](#home)\n\n*   **Can I fire at home?**\n\n*   [**Miscellaneous**](#other)\n\n*   **Where is the key?**\n*   **Who pays for clay?**\n\n## General\n\n###### **Why is it hot?**\n\nBecause it fires.\n\n###### **Who loads it?**\n\nThe technician.\n\n## Usage\n\n###### **How long does it cool?**\n\nA whole day.\n\n###### **Which glaze is safe?**\n\nThe lead-free one.\n\n## Home\n\n###### **Can I fire at home?**\n\nOnly with a licence.\n\n## Other\n\n###### **Where is the key?**\n\nIn the office.\n\n###### **Who pays for clay?**\n\nMembers do.\n";
    assert_eq!(
        md_qs(text),
        [
            "Why is it hot?",
            "Who loads it?",
            "How long does it cool?",
            "Which glaze is safe?",
            "Can I fire at home?",
            "Where is the key?",
            "Who pays for clay?"
        ]
    );
}

#[test]
fn escapes_resolve_in_gnu_quoted_messages() {
    // A compiler's `quotes' pair a backtick with an apostrophe: the text
    // between two of its backticks is no code span, and its escapes resolve.
    let text = "# T\n\n## Why does it fail?\n\n> w\\_menu.c: In function \\`Redisplay':\n>  w\\_menu.c:129: no member named \\`fontset'\n\nIt fails.\n\n## Why?\n\nBecause.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        a.sections[0].answer_text(),
        "w_menu.c: In function `Redisplay': w_menu.c:129: no member named `fontset'\n\nIt fails."
    );
    // In a code span an escape is two characters.
    let code = parse(
        "# T\n\n## Why?\n\nRun `a\\_b` now.\n\n## How?\n\nSo.\n",
        Format::Markdown,
    );
    assert_eq!(code.sections[0].answer_text(), "Run `a\\_b` now.");
}

#[test]
fn a_docbook_faq_labels_its_questions_on_lines_of_their_own() {
    // DocBook's question and answer table turned Markdown: `**Q:**` over
    // the question, `**A:**` over the answer, under a contents list whose
    // last question of each group reads as one over the next group.
    let text = "# Chapter 8. Kiln Questions\n\n**8.1. [Firing](faq.html#firing)**\n\n###### Q: [Why is it hot?](faq.html#q1)\n\n###### Q: [Who loads it?](faq.html#q2)\n\n**8.2. [Glazes and other finishes](faq.html#glazes)**\n\n###### Q: [Where is the key to the kiln room kept at night?](faq.html#q4)\n\n###### Q: [Which glaze is safe?](faq.html#q3)\n\n**8.1. Firing**\n\n**Q:**\n\nWhy is it hot?\n\n**A:**\n\nBecause it fires.\n\n**Q:**\n\nWho loads it?\n\n**A:**\n\nThe technician does.\n\n**8.2. Glazes and other finishes**\n\n**Q:**\n\nWhich glaze is safe?\n\n**A:**\n\nThe lead-free one.\n\n**Q:**\n\nWhere is the key to the kiln room kept at night?\n\n**A:**\n\nIn the office.\n";
    let a = parse(text, Format::Markdown);
    let qa = asked_and_answered(&a);
    assert_eq!(
        qa,
        [
            ("Why is it hot?", "Because it fires.".to_string()),
            ("Who loads it?", "The technician does.".to_string()),
            ("Which glaze is safe?", "The lead-free one.".to_string()),
            (
                "Where is the key to the kiln room kept at night?",
                "In the office.".to_string()
            )
        ]
    );
}

#[test]
fn a_question_asked_again_over_a_contents_group_is_dropped() {
    let block = |kind, text: &str| Block {
        kind,
        text: text.to_string(),
        line: 1,
    };
    let section = |q: &str, blocks: Vec<Block>| Section {
        question: q.to_string(),
        line: 1,
        number: None,
        category: None,
        blocks,
    };
    let long = "Where is the key to the kiln room kept at night?";
    let mut article = Article {
        title: None,
        intro: Vec::new(),
        sections: vec![
            // The last question of the list's first group, over the label
            // of the next and its questions, as lines of their own.
            section(
                "Who loads it?",
                vec![
                    block(BlockKind::Prose, "8.2. Glazes and other finishes"),
                    block(BlockKind::Prose, &format!("Q: {long}:")),
                ],
            ),
            section("Who loads it?", vec![block(BlockKind::Prose, "The technician does.")]),
            section(long, vec![block(BlockKind::Prose, "In the office.")]),
            // Asked twice, answered the second time only by a short line:
            // the last time a question is asked stays.
            section(
                "Unix platforms",
                vec![block(BlockKind::Prose, "Use GNU sed 4.8 or later.")],
            ),
            section("Unix platforms", vec![block(BlockKind::Prose, "[ More needed ]")]),
        ],
    };
    drop_contents(&mut article);
    let answers: Vec<String> = article.sections.iter().map(Section::answer_text).collect();
    assert_eq!(
        answers,
        [
            "The technician does.",
            "In the office.",
            "Use GNU sed 4.8 or later.",
            "[ More needed ]"
        ]
    );
}

#[test]
fn a_numbered_list_an_answer_leads_into_is_the_answers_though_its_items_ask() {
    let text = "# Potter's wheel FAQ\n\n## How do I centre the clay?\n\nWet your hands first.\n\n\
                ## My pot keeps collapsing\n\nWork through these in turn:\n\n\
                1. Is the clay too wet?\n    - Wedge in some drier clay\n    - Let it stiffen on a plaster bat\n\
                2. Check the wall thickness\n    - Aim for a finger's width\n\
                3. Are you pulling too fast?\n    - Slow the wheel down\n\n\
                ## Can I reclaim trimmings?\n\nSoak them, then dry them on plaster.\n";
    let a = parse(text, Format::Markdown);
    let asked: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        asked,
        [
            "How do I centre the clay?",
            "My pot keeps collapsing",
            "Can I reclaim trimmings?"
        ]
    );
    let steps = a.sections[1].answer_text();
    assert!(
        steps.contains("1. Is the clay too wet?") && steps.contains("Slow the wheel down"),
        "{steps}"
    );
    // Without the line leading into it, a list of asking items under a
    // heading that asks nothing is a list of questions still.
    let unled = text.replace("Work through these in turn:\n\n", "");
    assert_eq!(md_qs(&unled).len(), 5, "{:?}", md_qs(&unled));
}

#[test]
fn a_link_back_up_the_page_is_no_part_of_a_heading() {
    let text = "# Kiln FAQ\n\n## Contents\n\n1. [Firing times](#times)\n2. [Cones](#cones)\n\n\
                ## 1. <a name=\"times\"></a> Firing times <small><sup>[Top ▲](#contents)</sup></small>\n\n\
                A bisque firing takes about eight hours.\n\n\
                ## 2. Cones [↑](#contents)\n\nCones bend at a set heat.\n\n\
                ## 3. Top loading or front loading? [Back to top](#top)\n\nFront loaders are easier on the back.\n";
    assert_eq!(md_qs(text), ["Firing times", "Cones", "Top loading or front loading?"]);
    assert!(leads_back_up("Top ▲") && leads_back_up("⬆") && !leads_back_up("Top loading"));
}

#[test]
fn an_faq_whose_headings_all_state_takes_them_as_its_entries() {
    let text = "# FAQ\n\n## Firing with a Skutt controller\n\nSet the cone before the speed.\n\n\
                ## Kiln stops without any reason\n\nCheck the thermocouple first.\n";
    assert_eq!(
        md_qs(text),
        ["Firing with a Skutt controller", "Kiln stops without any reason"]
    );
    // Not in a page that does not call itself an FAQ: those are chapters.
    assert!(md_qs(&text.replace("# FAQ", "# Kiln notes")).is_empty());
}

#[test]
fn a_line_of_inline_code_in_triple_backticks_opens_no_fence() {
    let text = "# Kiln FAQ\n\n## How do I stop the kiln?\n\nRun\n```kilnctl stop```\n\n\
                ## How do I start it again?\n\nRun `kilnctl start`.\n";
    assert_eq!(md_qs(text), ["How do I stop the kiln?", "How do I start it again?"]);
}

#[test]
fn a_bullet_that_asks_over_several_lines_is_one_question() {
    let text = "# Glaze questions\n\n### Mixing\n\n\
                * What sieve should we use? Can we use a kitchen\nsieve, for example?\n \
                - No, use an 80-mesh sieve. Kitchen sieves are too coarse.\n\n\
                * Does humidity change drying times? It seems to vary a lot\nbetween summer and winter.\n \
                - Yes, a damp room can double them.\n";
    assert_eq!(
        md_qs(text),
        [
            "What sieve should we use? Can we use a kitchen sieve, for example?",
            "Does humidity change drying times? It seems to vary a lot between summer and winter."
        ]
    );
}

#[test]
fn a_spaced_colon_after_a_q_number_is_no_part_of_the_question() {
    assert_eq!(
        md_qs("# Resampling FAQ\n\n## Q1 : Is the output louder than the input?\n\nIt can be, by a little.\n"),
        ["Is the output louder than the input?"]
    );
}

#[test]
fn a_heading_deeper_than_its_question_keeps_a_list_in_the_answer() {
    let text = "# Debugger FAQ\n\n### How can I debug remotely?\n\nStart the server headless.\n\n\
                ##### Example\n\n1. connect to the server and forward a port\n\n   `ssh -L 4040:localhost:4040 host`\n\n\
                2. connect to the local port\n\n   `dbg connect :4040`\n\n\
                ### How can I debug a CLI application?\n\nRun it in another terminal and attach.\n";
    assert_eq!(
        md_qs(text),
        ["How can I debug remotely?", "How can I debug a CLI application?"]
    );
}

#[test]
fn a_group_heading_with_only_an_answer_between_groups_of_questions_is_an_entry() {
    let group = |name: &str, q: &str| format!("## {name}\n\n### {q}\n\nIt is explained in the manual.\n\n");
    let text = format!(
        "# Container FAQ\n\n{}## Startup issues\n\nIf a container does not start, read its console log first.\n\n{}",
        group("General", "How do I enable remote access?"),
        group("Networking", "Can I use VLAN bridges?")
    );
    let a = parse(&text, Format::Markdown);
    assert_eq!(
        asked_in_parts(&a),
        [
            ("How do I enable remote access?", Some("General")),
            // Beside the groups, in none of them.
            ("Startup issues", None),
            ("Can I use VLAN bridges?", Some("Networking"))
        ]
    );
}

#[test]
fn inline_code_in_triple_backticks_reads_as_a_plain_code_span() {
    assert_eq!(
        single_ticked("Run ```kilnctl stop``` or ```kilnctl halt```, not ```` ``x`` ````."),
        "Run `kilnctl stop` or `kilnctl halt`, not ```` ``x`` ````."
    );
}

#[test]
fn a_numbered_q_heading_over_the_question_and_its_message_asks_all_of_it() {
    let text = "# Monitor FAQ\n\n## Q1\n\nDoes it work inside a virtual machine?\n\nAnswer: Only with a virtual PMU.\n\n\
                ## Q2\n\nThe monitor reports\n```\nError on programming ...\n```\nHow to fix it?\n\n\
                **Answer:** Upgrade the kernel.\n\n## Q3\n\nIs it supported on cloud instances\n\nAnswer: On bare metal ones.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(
        asked_and_answered(&a),
        [
            (
                "Does it work inside a virtual machine?",
                "Only with a virtual PMU.".to_string()
            ),
            (
                "The monitor reports `Error on programming ...` How to fix it?",
                "Upgrade the kernel.".to_string()
            ),
            ("Is it supported on cloud instances", "On bare metal ones.".to_string())
        ]
    );
}

#[test]
fn a_contents_list_of_labelled_questions_is_dropped() {
    let text = "# FAQ\n\n- Q. [Why the name?](#name)\n- Q. [Can I mock a `noexcept` function?](#noexcept)\n\
                - Q. [What is a saturated expectation?](#saturated)\n\n\
                ## Q. Why the name?\n\n**A.** It is a pun.\n\n## Q. Can I mock a `noexcept` function?\n\n**A.** Yes, with a caveat.\n\n\
                ## Q. What is a saturated expectation?\n\n**A.** One that has been met as often as it may be.\n";
    assert_eq!(
        md_qs(text),
        [
            "Why the name?",
            "Can I mock a `noexcept` function?",
            "What is a saturated expectation?"
        ]
    );
}

#[test]
fn emphasis_around_whole_code_spans_is_dropped_but_never_inside_one() {
    assert_eq!(
        strip_emphasis("Why *`C++14`* and not *`C++11`*?", true),
        "Why `C++14` and not `C++11`?"
    );
    assert_eq!(strip_emphasis("Use *`a*b`* and `*x*`", true), "Use `a*b` and `*x*`");
}

#[test]
fn ascii_arrows_mark_questions_and_an_answer_may_end_by_asking() {
    let text = "Frequently Asked Questions\n--------------------------\n\n-> Why is it called Kilnward?\n\n\
                It watches over the kiln. Clever?\n\n-> Why not something... shorter?\n\n\
                Suggestions are welcome.\n\n=> Does it run on a Raspberry Pi?\n\nYes, on any model with a network port.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        asked_and_answered(&a),
        [
            (
                "Why is it called Kilnward?",
                "It watches over the kiln. Clever?".to_string()
            ),
            ("Why not something... shorter?", "Suggestions are welcome.".to_string()),
            (
                "Does it run on a Raspberry Pi?",
                "Yes, on any model with a network port.".to_string()
            )
        ]
    );
}

#[test]
fn a_heading_that_asks_without_its_mark_is_a_question_at_any_level() {
    let text = "# Glaze FAQ\n\nSome notes.\n\n## How do I mix a glaze?\n\nWeigh, sieve, then stir.\n\n\
                # How Do I Store Mixed Glaze\n\nIn a lidded tub, away from frost.\n\n\
                ## How long does it keep?\n\nA year or more.\n\n\
                # How do I ...\n\nQuestions people ask often.\n\n## How do I thin it?\n\nAdd water a spoon at a time.\n";
    assert_eq!(
        md_qs(text),
        [
            "How do I mix a glaze?",
            "How Do I Store Mixed Glaze",
            "How long does it keep?",
            "How do I thin it?"
        ]
    );
}

#[test]
fn a_contents_list_of_numbered_items_under_group_headings_is_dropped() {
    let text = "# Hivelog FAQ\n\n## Contents\n\n###### **1. Colonies**\n\n\
                * [1.1. A colony shows twice](#c0)\n* [1.2. Why is the queen's age blank?](#c1)\n\n\
                ###### **2. Scales**\n\n* [2.1. Readings jump at night](#s0)\n* [2.2. Can I weigh two hives?](#s1)\n\n\
                ## 1. Colonies\n\n###### **1.1. A colony shows twice**\n\nMerge the two records from the colony menu.\n\n\
                ###### **1.2. Why is the queen's age blank?**\n\nNo marking year was entered for her.\n\n\
                ## 2. Scales\n\n###### **2.1. Readings jump at night**\n\nLoad cells drift as they cool.\n\n\
                ###### **2.2. Can I weigh two hives?**\n\nYes, with a second scale.\n";
    assert_eq!(
        md_qs(text),
        [
            "A colony shows twice",
            "Why is the queen's age blank?",
            "Readings jump at night",
            "Can I weigh two hives?"
        ]
    );
}

#[test]
fn a_spaced_rule_is_a_separator_not_a_bullet() {
    let text = "# Hivelog FAQ\n\n## Can I print a colony card?\n\nYes, from the colony menu.\n\n* * *\n\n\
                ## Can I export it?\n\nYes, as CSV.\n\n- - -\n\n## Which columns are there?\n\n\
                Name    Queen\n------  ------\nNorth   2025\n";
    let a = parse(text, Format::Markdown);
    let blocks: Vec<Vec<&str>> = a
        .sections
        .iter()
        .map(|s| s.blocks.iter().map(|b| b.text.as_str()).collect())
        .collect();
    assert_eq!(blocks[0], ["Yes, from the colony menu."]);
    assert_eq!(blocks[1], ["Yes, as CSV."]);
    // Column underlines stay with their table.
    assert!(blocks[2].concat().contains("------"), "{blocks:?}");
}

#[test]
fn a_quoted_line_of_two_questions_is_one_question() {
    let text = "# Hivelog FAQ\n\n## Q: \"Why is there hivelog? What was wrong with notebooks?\"\n\n\
                A: Notebooks get wet.\n\n## Q: Why not a spreadsheet? It only asks for columns.\n\nA: Sheets lose history.\n";
    let a = parse(text, Format::Markdown);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        [
            "\"Why is there hivelog? What was wrong with notebooks?\"",
            "Why not a spreadsheet?"
        ]
    );
}

#[test]
fn bullets_that_ask_over_flush_paragraphs_are_questions() {
    let text = "*  What is hivelog?\n\nA record of every hive you keep.\nIt runs offline.\n\n\
                *  Why was hivelog written in the first place?\n\nNotebooks get wet at the apiary.\n\n\
                *  I set inspections every 7 days, but the list shows colonies\ndue after 9 days. Is this a bug?\n\n\
                No. A colony is due once its last inspection is 7 days old.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title, None);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        [
            "What is hivelog?",
            "Why was hivelog written in the first place?",
            "I set inspections every 7 days, but the list shows colonies due after 9 days. Is this a bug?"
        ]
    );
    // One bullet that asks over a paragraph is an aside, not an FAQ.
    let text = "Hive notes\n\nWe inspected the north hive.\n\n* Was the queen there?\n\nWe did not look for her.\n";
    assert!(parse(text, Format::Text).sections.is_empty());
}

#[test]
fn bracket_labels_pair_questions_with_answers_and_keep_their_steps() {
    let text = "The Hivelog FAQ\n===============\n\nQ) How do I report bugs?\n\nA) Mail the list.\n\n\
                Q) How do I install a plugin?\n\nA) Here is how, from the source tree.\n\n\
                \x20      1) Go to the plugin directory\n       cd plugins/scale\n\n\
                \x20      2) configure and compile\n       make\n\n\
                Q) Can I move the data files?\n\nA) Yes, set the data path in the settings.\n";
    let a = parse(text, Format::Text);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        [
            "How do I report bugs?",
            "How do I install a plugin?",
            "Can I move the data files?"
        ]
    );
    assert_eq!(a.sections[0].blocks[0].text, "Mail the list.");
    // Options lettered `A)` with no `Q)` over them stay options.
    let text = "Quiz\n\n1. Which wood burns hottest?\n\nA) Pine\nB) Oak\n\n2. Which smoke calms bees?\n\nA) Cool smoke\nB) Hot smoke\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.sections.len(), 2);
    assert!(
        a.sections[0].blocks.iter().any(|b| b.text.starts_with("A) Pine")),
        "{:?}",
        a.sections[0].blocks
    );
}

#[test]
fn lone_question_and_answer_labels_over_indented_text() {
    let text = "Contents:\n  1) Wiki read only\n  2) Copying a setup\n\n---\n\nQuestion:\n\n  I would like to help. I wanted to use the wiki but\n  it is read only. What can I do?\n\n\
                Answer:\n\n  Send a patch by mail.\n\n---\n\nQuestion:\n  Can I copy my hive setup? Should I use a new\n  file for that?\n\n\
                Answer:\n\n  Yes, copy the whole folder.\n";
    let a = parse(text, Format::Text);
    // A contents list's heading names no article.
    assert_eq!(a.title, None);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        [
            "I would like to help. I wanted to use the wiki but it is read only. What can I do?",
            "Can I copy my hive setup? Should I use a new file for that?"
        ]
    );
    assert_eq!(a.sections[0].blocks[0].kind, BlockKind::Prose);
    assert_eq!(a.sections[0].blocks[0].text, "Send a patch by mail.");
}

#[test]
fn emacs_mode_lines_choose_the_format_and_leave_the_title() {
    assert!(org_mode_line("FAQ -*- outline -*-\n* A\n"));
    assert!(org_mode_line("# -*- mode: org; coding: utf-8 -*-\n"));
    assert!(!org_mode_line("FAQ -*- Mode: text -*-\n"));
    assert!(!org_mode_line("FAQ\n-*- outline -*-\n"));
    let a = parse(
        "* Emacs will be in -*- Mode: text -*-\n\n    Hive FAQ\n\nIntro.\n",
        Format::Text,
    );
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Hive FAQ"));
}

#[test]
fn entries_hanging_over_their_answers_before_labelled_questions_are_questions_too() {
    let text = "The Hivelog FAQ\n\nIntro.\n\n--\n\nWHAT IS HIVELOG?\n\n   A record of every hive you keep, kept on\n   your own machine.\n\n\
                WHERE CAN I GET IT?\n\n   From the project's site.\n\nWHO WROTE IT?\n\n   Two beekeepers in a club.\n\n--\n\n\
                Q. Why does it ask for the hive's weight?\n\nThe weight tells how much honey is stored.\n\n\
                Q. Can I skip the weight?\n\nYes, leave it empty.\n";
    let a = parse(text, Format::Text);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        [
            "WHAT IS HIVELOG?",
            "WHERE CAN I GET IT?",
            "WHO WROTE IT?",
            "Why does it ask for the hive's weight?",
            "Can I skip the weight?"
        ]
    );
}

#[test]
fn a_title_set_far_in_under_a_banner_or_a_keyword_line_is_the_title() {
    let text = " ##  ##  ####\n ######  ##\n ##  ##  ####\n\n                          The HIVELOG FAQ version 1.0\n                          by the hivelog keepers\n\n\
                * This FAQ answers what we are asked.\n\nWHAT IS HIVELOG?\n\n   A record of your hives.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("The HIVELOG FAQ version 1.0"));
    let text = "$Id: FAQ 165 2026-10-19 keeper $\n\nHivelog FAQ\n\nIntro.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Hivelog FAQ"));
}

#[test]
fn a_numbered_question_wrapping_a_quoted_message_takes_the_whole_message() {
    let text = "Hivelog FAQ\n\nIntro.\n\n 1. hivelog sync works but hivelog push fails with \"setgid\n    failed: Operation not permitted\"\n\n\
                Run it as the keeper's user.\n\n 2. hivelog push fails with \"hivelog: no\n    such keeper\" or \"hivelog: no such hive\"\n\n\
                The keeper file lists no such name.\n\n 3. Why does the scale say, \"can't\n    read calibration?\"\n\nIt was never calibrated.\n";
    assert_eq!(
        questions(text, Format::Text),
        [
            "hivelog sync works but hivelog push fails with \"setgid failed: Operation not permitted\"",
            "hivelog push fails with \"hivelog: no such keeper\" or \"hivelog: no such hive\"",
            "Why does the scale say, \"can't read calibration?\""
        ]
    );
}

#[test]
fn outline_headings_in_plain_text_are_headings() {
    let text = "Hivelog FAQ\n\n*** 1. The scale reads zero\n\nRecalibrate it.\n\n\
                *** 2. Syncing with the club server from my laptop does\nnot work.\n\nSet the server's address first.\n\n\
                *** 3. How do I print a card?\n\nFrom the colony menu.\n\n* a bullet stays a bullet\n";
    assert_eq!(
        questions(text, Format::Text),
        [
            "The scale reads zero",
            "Syncing with the club server from my laptop does not work.",
            "How do I print a card?"
        ]
    );
}

#[test]
fn a_posted_faq_is_titled_by_its_subject_and_a_banner_by_the_name_beside_it() {
    let text = "From: Keeper <keeper@example.org>\nSubject: Hivelog 2.x FAQ\nNewsgroups: rec.beekeeping\n\n\
                Archive-name: beekeeping/hivelog-faq\nPosting-frequency: monthly\n\n\
                This FAQ is meant to answer questions often asked about the hivelog\nprogram, which keeps records of hives.\n\n\
                1. What is hivelog?\n\nA record keeper.\n\n2. Where is it?\n\nOn the club's site.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("Hivelog 2.x FAQ"));
    let text = "_____________\n|  |__|  |    HIVELOG record keeping\n|  |  |  |\n~~~~~~~~~~~~~\n\n1. What is hivelog?\n\nA record keeper.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.title.map(|t| t.text).as_deref(), Some("HIVELOG record keeping"));
}

#[test]
fn rst_fields_named_q_and_a_are_questions_and_answers() {
    let text = "Hivelog FAQ\n===========\n\n:Q: Why does hivelog sometimes miss a hive?\n\n\
                :A: It skips hives with no inspection this year.\n\n..\n\n\
                :Q: Does it matter which apiary is opened first (the home one or\n    an out-apiary)?\n\n\
                :A: No. Both are read in full.\n";
    let a = parse(text, Format::Rst);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        [
            "Why does hivelog sometimes miss a hive?",
            "Does it matter which apiary is opened first (the home one or an out-apiary)?"
        ]
    );
    assert_eq!(a.sections[1].blocks[0].text, "No. Both are read in full.");
}

#[test]
fn entries_under_rules_own_the_numbered_points_inside_them() {
    let text = "------------------------\nHivelog FAQ\n\nThis is the FAQ for hivelog.\n\n------------------------\nWhat is hivelog?\n\n\
                It is all of these:\n\n#1.  A format for hive records,\nkept as plain text.\n\n#2.  A program that reads\nthe format.\n\n\
                ------------------------\nWhere can I get it?\n\nFrom the club's site.\n\n\
                ------------------------\nIs there a mailing list?\n\nYes, ask at the club.\n";
    let a = parse(text, Format::Text);
    let qs: Vec<&str> = a.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        qs,
        ["What is hivelog?", "Where can I get it?", "Is there a mailing list?"]
    );
}

#[test]
fn lines_that_open_a_file_without_naming_it() {
    let title = |text: &str| parse(text, Format::Text).title.map(|t| t.text);
    let body = "\n\nQ: Who loads the kiln?\nA: The technician.\n\nQ: When?\nA: On Fridays.\n";
    // A licence notice, a date stamp: no title.
    assert_eq!(
        title(&format!("# This file is distributed under the MIT license{body}")),
        None
    );
    assert_eq!(title(&format!("Copyright 2020 The Kiln Club{body}")), None);
    assert_eq!(title(&format!("Copyright FAQ{body}")).as_deref(), Some("Copyright FAQ"));
    assert_eq!(title(&format!("Last updated: 2026-01-05{body}")), None);
    // A label over the first question names its part.
    assert_eq!(title(&format!("gas kilns:{body}")), None);
    assert_eq!(
        title(&format!("Frequently Asked Questions:{body}")).as_deref(),
        Some("Frequently Asked Questions:")
    );
    // A banner drawn in one letter; a field naming the title; a wiki
    // heading boxed in rules.
    assert_eq!(
        title(&format!("OoooooooooooO\n  Kiln FAQ\nOoooooooooooO{body}")).as_deref(),
        Some("Kiln FAQ")
    );
    assert_eq!(
        title(&format!("Title: Kiln FAQ\nAuthor: Ann{body}")).as_deref(),
        Some("Kiln FAQ")
    );
    assert_eq!(
        title(&format!("==============\n= Kiln FAQ =\n=============={body}")).as_deref(),
        Some("Kiln FAQ")
    );
    // What does name the file stays its title.
    assert_eq!(title(&format!("Kiln FAQ{body}")).as_deref(), Some("Kiln FAQ"));
    assert_eq!(
        title(&format!("Licensing the kiln software{body}")).as_deref(),
        Some("Licensing the kiln software")
    );
}

#[test]
fn a_numbered_question_label_wraps_up_to_its_reply() {
    let text = "Kiln FAQ\n\nQ1: When firing glaze, the kiln does not reach cone 6\n    on the top shelf (the bottom is fine)\n\nR1: Move the thermocouple up.\n\nQ2: Who loads it?\n\nR2: The technician.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        a.sections.iter().map(|s| s.question.as_str()).collect::<Vec<_>>(),
        [
            "When firing glaze, the kiln does not reach cone 6 on the top shelf (the bottom is fine)",
            "Who loads it?"
        ]
    );
    assert_eq!(a.sections[0].answer_text(), "Move the thermocouple up.");
}

#[test]
fn a_rule_after_the_last_answer_sets_off_the_close() {
    let text = "Kiln FAQ\n\n1. Who loads it?\n\nThe technician.\n\n2. When?\n\nOn Fridays.\n\n--------------------\n\nSend new questions to the studio desk.\n";
    let a = parse(text, Format::Text);
    assert_eq!(a.sections.len(), 2);
    assert_eq!(a.sections[1].answer_text(), "On Fridays.");
    assert!(join_blocks(&a.intro).contains("Send new questions"));
    // A rule before more numbered questions is no close.
    let more = "Kiln FAQ\n\n1. Who loads it?\n\nThe technician.\n\n--------------------\nGlazes\n--------------------\n\n1. Which glaze?\n\nThe clear one.\n";
    let a = parse(more, Format::Text);
    assert!(!join_blocks(&a.intro).contains("clear one"), "{:?}", a.intro);
}

#[test]
fn numbered_parts_at_the_margin_name_their_questions() {
    let text = "Keeper FAQ\n\n 1. The lamp\n\n     1. How often is it cleaned?\n\n        Every morning.\n\n     2. What if it fails?\n\n        Light the reserve:\n\n         1. Note the time.\n         2. Radio the office.\n\n 2. The logbook\n\n     1. Who signs it?\n\n        The keeper on watch.\n";
    let a = parse(text, Format::Text);
    let qs: Vec<(&str, Option<&str>)> = a
        .sections
        .iter()
        .map(|s| (s.question.as_str(), s.category.as_deref()))
        .collect();
    assert_eq!(
        qs,
        [
            ("How often is it cleaned?", Some("The lamp")),
            ("What if it fails?", Some("The lamp")),
            ("Who signs it?", Some("The logbook")),
        ]
    );
    // The next part's line is no step of the answer before it.
    assert!(
        !a.sections[1].answer_text().contains("logbook"),
        "{}",
        a.sections[1].answer_text()
    );
}

#[test]
fn bare_q_and_a_terms_label_what_is_set_in_under_them() {
    let text = "Loom FAQ\n\nQ\n  Why does the warp\n  go slack?\n\nA\n  The brake slips. Tighten it.\n\nQ\n  How do I oil the pivots?\n\nA\n  Use sewing machine oil.\n";
    for format in [Format::Rst, Format::Text] {
        let a = parse(text, format);
        assert_eq!(
            asked_and_answered(&a),
            [
                (
                    "Why does the warp go slack?",
                    "The brake slips. Tighten it.".to_string()
                ),
                ("How do I oil the pivots?", "Use sewing machine oil.".to_string()),
            ],
            "{format:?}"
        );
    }
    // Flush under it, `Q` labels nothing: a term of a list of letters.
    assert!(text_qs("Grades\n\nQ\nQuiet.\n\nA\nAbove average.\n").is_empty());
}

#[test]
fn steps_numbered_in_one_entry_of_an_faq_of_statements_are_no_questions() {
    let entry = |h: &str, body: &str| format!("{h}\n{}\n\n{body}\n\n", "-".repeat(h.len()));
    let text = format!(
        "Frequently Asked Questions\n==========================\n\n{}{}{}",
        entry("Warp goes slack", "The brake slips. Tighten the wing nut."),
        entry(
            "Shed too small",
            "There are two fixes:\n\n1. Raise the back beam a notch.\n   The shed opens wider.\n2. Alternatively, shorten the lamm cords.\n   Each by a finger's width."
        ),
        entry("Moving the loom", "Fold it first. Carry it by the castle."),
    );
    assert_eq!(
        questions(&text, Format::Rst),
        ["Warp goes slack", "Shed too small", "Moving the loom"]
    );
    // Without the page naming itself an FAQ, the steps are what asks.
    let plain = text.replace(
        "Frequently Asked Questions\n==========================",
        "Loom notes\n==========",
    );
    assert_eq!(questions(&plain, Format::Rst).len(), 2);
}

#[test]
fn an_faq_page_of_one_entry_has_that_entry() {
    let text = "Loom FAQ\n========\n\nThe warp breaks at the knots\n----------------------------\n\nRetie each knot as a square knot. A granny knot slips under tension.\n";
    assert_eq!(questions(text, Format::Rst), ["The warp breaks at the knots"]);
    // A page that is no FAQ is one page of text.
    assert!(questions(&text.replace("Loom FAQ", "Loom log"), Format::Rst).is_empty());
}

#[test]
fn footnotes_close_the_page_whole_and_answer_nothing() {
    let text = "Loom FAQ\n========\n\nHow do I oil the pivots?\n------------------------\n\nUse sewing machine oil [1]_.\n\nWhy does the warp go slack?\n---------------------------\n\nThe brake slips.\n\nFootnotes\n---------\n\n.. [1] Any light oil will do,\n   but not cooking oil.\n";
    let a = parse(text, Format::Rst);
    assert_eq!(
        asked_and_answered(&a),
        [
            ("How do I oil the pivots?", "Use sewing machine oil.".to_string()),
            ("Why does the warp go slack?", "The brake slips.".to_string()),
        ]
    );
    let intro: Vec<&str> = a.intro.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(intro, ["Any light oil will do, but not cooking oil."]);
}

#[test]
fn myst_comments_are_not_shown_and_title_nothing() {
    let text = "% Copyright (c) The Loom Team.\n\n% Distributed under the MIT licence.\n\n# Loom FAQ\n\n## How do I oil the pivots?\n\nUse sewing machine oil.\n\n% TODO: add more.\n\n## Why does the warp go slack?\n\nThe brake slips.\n";
    let a = parse(text, Format::Markdown);
    assert_eq!(a.title.as_ref().map(|t| t.text.as_str()), Some("Loom FAQ"));
    assert_eq!(
        asked_and_answered(&a),
        [
            ("How do I oil the pivots?", "Use sewing machine oil.".to_string()),
            ("Why does the warp go slack?", "The brake slips.".to_string()),
        ]
    );
    // With no `# ` title, `%` lines are Pandoc's title block.
    let pandoc = parse("% Loom notes\n% The Loom Team\n\nText.\n", Format::Markdown);
    assert!(pandoc.title.is_some_and(|t| t.text.contains("Loom notes")));
}

#[test]
fn paragraphs_over_quoted_answers_are_questions_statements_too() {
    let text = "# Loom FAQ\n\nThe warp goes slack after an hour.\n\n> The brake slips.\n\nWhy does the loom squeak?\n\n> The pivots are dry.\n\nHow do I fold it?\n\n> Lift the castle first.\n";
    assert_eq!(
        md_qs(text),
        [
            "The warp goes slack after an hour.",
            "Why does the loom squeak?",
            "How do I fold it?"
        ]
    );
    // Fewer than half asking: quotes in prose, not an FAQ's answers.
    let quoting = "# Loom notes\n\nAnna wrote:\n\n> The brake slips.\n\nBen replied:\n\n> The pivots are dry.\n\nWhy?\n\n> Lift the castle first.\n";
    assert!(md_qs(quoting).len() < 3);
}

#[test]
fn a_restructuredtext_definition_list_in_an_answer_reads_term_by_term() {
    let text = "Loom FAQ\n========\n\nWhat do the pedals do?\n----------------------\n\nThe loom has two pedals:\n\nleft pedal\n  Lifts the odd shafts.\nright pedal\n  Lifts the even shafts.\n\nNote: Remember to oil\n   the pivots.\n";
    let a = parse(text, Format::Rst);
    let blocks: Vec<&str> = a.sections[0].blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        blocks,
        [
            "The loom has two pedals:",
            "left pedal: Lifts the odd shafts.",
            "right pedal: Lifts the even shafts.",
            // An aside's label over its text is no term.
            "Note: Remember to oil the pivots.",
        ]
    );
}

#[test]
fn file_furniture_over_an_faq_titles_nothing() {
    let title = |text: &str| parse(text, Format::Text).title.map(|t| t.text);
    let body =
        "\n\nQ: Why does the warp go slack?\nA: The brake slips.\n\nQ: How do I oil it?\nA: With sewing machine oil.\n";
    // A licence in a block comment, the name set far in under it.
    assert_eq!(
        title(&format!(
            "/* ====\n * Copyright 2001 The Loom Team\n *\n * Licensed under the Apache License, Version 2.0;\n * you may not use this file except in compliance with it.\n */\n\n                    Loom Frequently Asked Questions\n{body}"
        ))
        .as_deref(),
        Some("Loom Frequently Asked Questions")
    );
    for furniture in [
        "@(#)FAQ\t8.13 (Loom) 10/14/96",
        "-- $Id: FAQ,v 3.0.1.4 1995/08/07 16:04:41 ann Exp $",
        "The latest version of this FAQ is available at",
        "A snapshot of the FAQ (updated 13.4.2019):",
        "This is a list of \"frequently\" asked questions.",
        "List of questions:\n==================",
    ] {
        assert_eq!(title(&format!("{furniture}{body}")), None, "{furniture}");
    }
}

#[test]
fn numbered_lines_set_in_under_labelled_questions_are_their_lists() {
    let text = "Q1: Which looms are like this one ?\n\nA1: Two of them.\n\n    1) Glimakra -- http://glimakra.loom.test/\n\n       A Swedish countermarch loom.\n\n    2) Toika -- http://toika.loom.test/\n\n       A Finnish loom.\n\n--------\n\nQ2: How do I oil it ?\n\nA2: Two ways.\n\n   (BEST)\n   ======\n\n     1) Use sewing machine oil on each pivot.\n\n          oil --pivots\n\n     2) Wipe off what runs.\n\n   (ALSO)\n   ======\n\n     1) Use beeswax on the lamms.\n";
    assert_eq!(text_qs(text), ["Which looms are like this one ?", "How do I oil it ?"]);
}

#[test]
fn a_labelled_question_goes_on_after_its_question_mark_up_to_its_answer() {
    let text = "Loom FAQ\n\nQ1: Why does the warp go slack? Even a new warp\nsags after an hour.\n\nA1: The brake slips.\n\nQ2: Can I fold it? I have little room.\n\nA2: Yes, with the castle lifted.\n";
    assert_eq!(
        asked_and_answered(&parse(text, Format::Text)),
        [
            (
                "Why does the warp go slack? Even a new warp sags after an hour.",
                "The brake slips.".to_string()
            ),
            (
                "Can I fold it? I have little room.",
                "Yes, with the castle lifted.".to_string()
            ),
        ]
    );
    // Without an answer label, what follows the `?` answers it.
    let inline = "Loom FAQ\n\nQ: Can I fold it? Yes, with the castle lifted.\n\nQ: Can I oil it? Yes, with sewing machine oil.\n";
    assert_eq!(
        asked_and_answered(&parse(inline, Format::Text)),
        [
            ("Can I fold it?", "Yes, with the castle lifted.".to_string()),
            ("Can I oil it?", "Yes, with sewing machine oil.".to_string()),
        ]
    );
}

#[test]
fn restructuredtext_without_an_extension_is_known_by_its_markup() {
    let looks_like_rst = |text: &str| markup::to_markdown(text, Format::Text).1 == Format::Rst;
    let boxed = "=================\n Loom FAQ\n=================\n\nQ: Why?\n-------\n\n";
    assert!(looks_like_rst(&format!("{boxed}Because ``warp.tension`` is low.\n")));
    assert!(looks_like_rst(&format!(
        "{boxed}See Loom_.\n\n.. _Loom: https://loom.test/\n"
    )));
    assert!(looks_like_rst(
        "Loom FAQ\n\n.. contents::\n\nWhy?\n\n.. _Loom: https://loom.test/\n"
    ));
    // A box of rules is plain text's title too, and TeX's ``quotes''
    // are no literal.
    assert!(!looks_like_rst(&format!("{boxed}Because it is low.\n")));
    assert!(!looks_like_rst(&format!("{boxed}It says ``warp low'' and stops.\n")));
    assert!(!looks_like_rst("Loom FAQ\n\n.. and then it stops.\n"));
}

#[test]
fn an_inline_target_reads_as_its_text() {
    let text = "Loom FAQ\n========\n\nQ: Lift doesn't work?\n---------------------\n\nThe sensor is missing.\n\nQ: Lower doesn't work?\n----------------------\n\nSee _`Lift doesn't work?`, the same sensor.\n";
    let a = parse(text, Format::Rst);
    assert_eq!(
        asked_and_answered(&a)[1],
        (
            "Lower doesn't work?",
            "See Lift doesn't work?, the same sensor.".to_string()
        )
    );
}

#[test]
fn a_title_without_its_byline_and_going_on_under_about() {
    let title = |text: &str| parse(text, Format::Text).title.map(|t| t.text);
    let body =
        "\n\nQ: Why does the warp go slack?\nA: The brake slips.\n\nQ: How do I oil it?\nA: With sewing machine oil.\n";
    assert_eq!(
        title(&format!("Loom FAQ - Ada Marsh <ada@loom.test>{body}")).as_deref(),
        Some("Loom FAQ")
    );
    // Not a name: only the address goes.
    assert_eq!(
        title(&format!("Loom FAQ - send questions to <ada@loom.test>{body}")).as_deref(),
        Some("Loom FAQ - send questions to")
    );
    assert_eq!(
        title(&format!("  QUESTIONS ASKED ABOUT:\n  Loom, the weaving planner{body}")).as_deref(),
        Some("QUESTIONS ASKED ABOUT: Loom, the weaving planner")
    );
}

#[test]
fn a_lone_italic_label_over_a_paragraph_and_an_empty_bold_label() {
    let text = "*A.1.*\n\nThe warp goes slack! It sags after an\nhour! What's wrong?\n\n**\n\nThe brake slips.\n\n*A.2*\nI cannot fold it. Is the castle stuck?\n\n**\n\nLift the castle first.\n";
    assert_eq!(
        asked_and_answered(&parse(text, Format::Text)),
        [
            (
                "The warp goes slack! It sags after an hour! What's wrong?",
                "The brake slips.".to_string()
            ),
            (
                "I cannot fold it. Is the castle stuck?",
                "Lift the castle first.".to_string()
            ),
        ]
    );
    // Without the empty label the paragraph is prose.
    let prose = "Loom FAQ\n\n*A.1.*\n\nThe warp goes slack. It sags after an hour.\n\nThe brake slips.\n";
    assert!(parse(prose, Format::Text).sections.is_empty());
}

#[test]
fn numbered_questions_labelled_q_are_answered_in_numbered_parts() {
    let text = "Loom FAQ\n\n 1. Q. The warp goes slack after an hour,\n    even with a new warp.\n    What is going on?\n\n    A1. The brake slips.\n\n    A2. The cloth beam is loose.\n\n 2. Q. Can I fold it?\n\n    A. Yes, with the castle lifted.\n";
    assert_eq!(
        asked_and_answered(&parse(text, Format::Text)),
        [
            (
                "The warp goes slack after an hour, even with a new warp. What is going on?",
                "The brake slips.\n\nThe cloth beam is loose.".to_string()
            ),
            ("Can I fold it?", "Yes, with the castle lifted.".to_string()),
        ]
    );
}

#[test]
fn contents_entries_over_the_next_group_label_are_no_questions() {
    // The last entry of a group over the next group's label and entry.
    let text = "GENERAL:\n[Q] - What is Loom\n[Q] - Who makes Loom?\nHISTORY:\n[Q] - Why the name?\n\n-------- 8< -------- 8< --------\n\n[Q] - What is Loom\n\n[A] - A weaving planner for hand looms.\n\n[Q] - Who makes Loom?\n\n[A] - The weavers' guild of the harbour town.\n\n[Q] - Why the name?\n\n[A] - It plans what a loom weaves, pick by pick.\n";
    assert_eq!(text_qs(text), ["What is Loom", "Who makes Loom?", "Why the name?"]);
    // Entries worded otherwise than the questions, known by their numbers.
    let reworded = "Loom FAQ\n\nWarp\n Q1. The warp is slack, what now?\nOther\n Q2. Who drew the logo?\n\n--------\n\nQ1. The warp goes slack after an hour.\n\nA1. The brake slips.\n\nQ2. Did you draw the logo?\n\nA2. A friend did.\n";
    assert_eq!(
        text_qs(reworded),
        ["The warp goes slack after an hour.", "Did you draw the logo?"]
    );
    // A question asked again, briefly answered each time, is kept each time.
    let repeated = "Loom FAQ\n\n1. Folding\n\n1.1. Debugging\n\nDebugging works with the castle lifted.\n\n1.2. Debugging\n\nThe castle must be lifted first, then the brake released, then the warp wound back onto the beam.\n";
    assert_eq!(text_qs(repeated), ["Debugging", "Debugging"]);
}

#[test]
fn answers_announces_the_questions_and_names_no_group() {
    assert!(only_announces_questions("Answers"));
    assert!(only_announces_questions("QUESTIONS AND ANSWERS"));
    assert!(!only_announces_questions("Answers to billing questions"));
}

#[test]
fn a_labelled_question_that_breaks_off_goes_on_to_the_end_of_its_paragraph() {
    // Output quoted after "like this:", then the answer.
    let text = "Loom FAQ\n\nQ1.  I built loomd with GCC on Solaris.  When I run it,\nI get an error message that looks like this:\n\nld.so.1: ./loomd: fatal: libstdc++.so open failed\n\nA1.  Link it statically.\n\nQ2.  I tried \"loomd -m /some/dir/pattern.txt\", but this\n    doesn't work.\nA2.  The -m option takes a pattern's name, not a path.\n";
    assert_eq!(
        text_qs(text),
        [
            "I built loomd with GCC on Solaris. When I run it, I get an error message that looks like this:",
            "I tried \"loomd -m /some/dir/pattern.txt\", but this doesn't work.",
        ]
    );
    // A question told in paragraphs: the first one whole.
    let told = "Loom FAQ\n\nQ. I ran into a problem when weaving with several warps on one\nloom. In my workshop, I have a floor loom that holds\ntwo beams: say, a front and a back. Both\nare wound from one creel, using the\ncommand \"wind -n 2\" I really want to keep these warps apart.\nIn the cloth from both a sley pattern\n(set in the reed) is woven.\n\nDoes someone know how to fix this?\n\n    A. Tension each warp on its own beam.\n\nQ. Can I fold it?\n\n    A. Yes.\n";
    assert_eq!(
        text_qs(told),
        [
            "I ran into a problem when weaving with several warps on one loom. In my workshop, I have a floor loom that holds two beams: say, a front and a back. Both are wound from one creel, using the command \"wind -n 2\" I really want to keep these warps apart. In the cloth from both a sley pattern (set in the reed) is woven.",
            "Can I fold it?",
        ]
    );
}

#[test]
fn a_note_that_gives_an_address_names_no_category() {
    let text = "## How do I oil it?\n\nApply [1].\n\n[1] https://loom.test/patches/oil\n\n## Why does the warp sag?\n\nThe brake slips.\n\n## Can I fold it?\n\nYes.\n";
    let a = parse(text, Format::Text);
    assert_eq!(
        asked_in_parts(&a),
        [
            ("How do I oil it?", None),
            ("Why does the warp sag?", None),
            ("Can I fold it?", None)
        ]
    );
    assert_eq!(
        a.sections[0].answer_text(),
        "Apply [1].\n\n[1] https://loom.test/patches/oil"
    );
}

#[test]
fn a_labelled_question_set_apart_from_its_end_is_whole() {
    let text = "Loom FAQ\n\nQ. How do I make a pattern name like\n\nWarp Name/Draft/01 - Twill.wif?\n\nA. Tick \"One folder per warp\".\n\nQ. Can I fold it?\n\nA. Yes.\n";
    assert_eq!(
        text_qs(text),
        [
            "How do I make a pattern name like Warp Name/Draft/01 - Twill.wif?",
            "Can I fold it?"
        ]
    );
}

#[test]
fn a_question_mark_inside_a_quotation_ends_no_question() {
    let text = "Loom FAQ\n\n1. \"Why can't I...? Why won't...work?\" What to do in case of problems\n\nStart with the log.\n\n2. Can I fold it?\n\nYes.\n";
    assert_eq!(
        text_qs(text),
        [
            "\"Why can't I...? Why won't...work?\" What to do in case of problems",
            "Can I fold it?"
        ]
    );
}

#[test]
fn contents_entries_read_as_sections_are_dropped() {
    let block = |kind, text: &str| Block {
        kind,
        text: text.to_string(),
        line: 1,
    };
    let section = |question: &str, blocks: Vec<Block>| Section {
        question: question.to_string(),
        line: 1,
        number: None,
        category: None,
        blocks,
    };
    let mut article = Article {
        title: None,
        intro: Vec::new(),
        sections: vec![
            // Over an entry the questions below word otherwise.
            section(
                "Why do I get errors from setup.sh?",
                vec![
                    block(BlockKind::Prose, "1.1a Why do I get warnings from setup.sh?"),
                    block(BlockKind::Item, "1.2 Why won't it build with cc?"),
                ],
            ),
            // Wrapped, its second line read as its answer.
            section(
                "I get an error about a shared",
                vec![block(BlockKind::Prose, "library.")],
            ),
            section(
                "Why do I get errors from setup.sh?",
                vec![block(BlockKind::Prose, "It needs automake 1.6 or later.")],
            ),
            section("Why won't it build with cc?", vec![block(BlockKind::Prose, "Use gcc.")]),
            section(
                "I get an error about a shared library.",
                vec![block(BlockKind::Prose, "Install libloom first.")],
            ),
        ],
    };
    drop_contents(&mut article);
    let asked: Vec<&str> = article.sections.iter().map(|s| s.question.as_str()).collect();
    assert_eq!(
        asked,
        [
            "Why do I get errors from setup.sh?",
            "Why won't it build with cc?",
            "I get an error about a shared library."
        ]
    );
    assert_eq!(article.sections[0].answer_text(), "It needs automake 1.6 or later.");
}

#[test]
fn labelled_entries_between_rules_under_the_day_they_were_asked() {
    // More entries than labelled questions: one is a remark of its own.
    let text = "Questions people asked about loomd\n\n==========\nTue May 26, 1998\n\nQ1. I built loomd on SunOS and the warp shows no\n    tension in reverse.\n\nA1. Probably. Run it on another machine.\n\n==========\nFri Jul 24, 1998\n\nQ2. When do you draw a diamond?\n\nA2. The diamond marks a pick sent with a push.\n\n==========\nWed Jul 29, 1998\n\nA correction to the last answer: the diamond is hollow.\n\n==========\nMon Jul 27, 1998\n\nQ3. Is there a build for NT?\n\nA3. Not that I know of.\n";
    let article = parse(text, Format::Text);
    let answered = asked_and_answered(&article);
    let asked: Vec<&str> = answered.iter().map(|(q, _)| *q).collect();
    assert_eq!(
        asked,
        [
            "I built loomd on SunOS and the warp shows no tension in reverse.",
            "When do you draw a diamond?",
            "Is there a build for NT?",
        ]
    );
    // The day over the next question is no part of an answer.
    assert_eq!(answered[0].1, "Probably. Run it on another machine.");
    assert!(answered[1].1.starts_with("The diamond marks a pick sent with a push."));
    assert_eq!(answered[2].1, "Not that I know of.");
}

#[test]
fn a_bold_topic_before_a_listed_question_is_its_label() {
    let text = "# Loom FAQ\n\n1. **Win32 Pathnames** Why don't backslashes work in Windows paths?\n\n   Use forward slashes.\n\n2. **Missing Drivers** Why does it say a driver is missing?\n\n   Install the driver pack.\n\n3. Why does the warp sag?\n\n   The brake slips.\n";
    assert_eq!(
        md_qs(text),
        [
            "Win32 Pathnames: Why don't backslashes work in Windows paths?",
            "Missing Drivers: Why does it say a driver is missing?",
            "Why does the warp sag?",
        ]
    );
}

#[test]
fn an_initial_q_in_a_list_of_names_labels_no_question() {
    let text = "# Loom FAQ\n\n## Who wrote Loom?\n\nMany people:\n\n- Ada Marsh (ada@loom.test)\n- Ben Ode (ben@loom.test)\n- Q. Frank Weaver (qfw@loom.test)\n\nSorry if you have been left out.\n\n## Where do I get it?\n\nFrom the guild.\n";
    assert_eq!(md_qs(text), ["Who wrote Loom?", "Where do I get it?"]);
}

#[test]
fn a_comment_header_and_a_remark_in_brackets_title_nothing() {
    let title = |text: &str| parse(text, Format::Text).title.map(|t| t.text);
    let body =
        "\n\nQ: Why does the warp go slack?\nA: The brake slips.\n\nQ: How do I oil it?\nA: With sewing machine oil.\n";
    let header = "-- $Id: FAQ,v 3.0 1995/08/07 ada Exp $\n--\n--  Copyright (c) 1990, Ada Marsh\n--\n--  You may redistribute only under the terms of the Loom Licence.\n--\n-- $Log: FAQ,v $\n-- Revision 3.0  1995/08/07 ada\n-- patch1: created\n--\n\n";
    assert_eq!(title(&format!("{header}Loom FAQ{body}")).as_deref(), Some("Loom FAQ"));
    assert_eq!(
        title(&format!(
            "{header}[This FAQ was written for the weaving list]\n\nLoom FAQ{body}"
        ))
        .as_deref(),
        Some("Loom FAQ")
    );
    // A title in brackets stays one.
    assert_eq!(title(&format!("[Loom FAQ]{body}")).as_deref(), Some("[Loom FAQ]"));
}
