use predicates::prelude::*;
use predicates::str::contains;

use crate::env::{TestEnv, repo};

const SEED_LIKE: &str = "Tea Basics\n\nTea is the second most consumed drink in the world after water. It comes from the leaves of Camellia sinensis.\n\n1. Where was tea first grown?\n\nTea was first grown in southwest China. Legend credits Emperor Shennong with its discovery around 2737 BC.\n\n2. Does green tea contain caffeine?\n\nYes. A cup of green tea holds about 30 milligrams of caffeine, less than half of a cup of coffee.\n";

#[test]
fn sample_decks_snapshot() {
    for name in ["sourdough-basics.txt", "water-cycle.md", "git-first-steps.html"] {
        let out = TestEnv::new()
            .cmd()
            .current_dir(repo())
            .args(["generate", "--stdout", &format!("decks/sources/{name}")])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        insta::assert_snapshot!(name, String::from_utf8(out).unwrap());
    }
}

#[test]
fn committed_sample_decks_are_up_to_date() {
    let env = TestEnv::new();
    for (src, deck) in [
        (
            "sourdough-basics.txt",
            "sourdough-baking-basics-a-beginners-questions-answered.yaml",
        ),
        ("water-cycle.md", "the-water-cycle-frequently-asked-questions.yaml"),
        ("git-first-steps.html", "git-first-steps-questions-new-users-ask.yaml"),
    ] {
        let out = env
            .cmd()
            .current_dir(repo())
            .args(["generate", "--stdout", &format!("decks/sources/{src}")])
            .output()
            .unwrap();
        let committed = std::fs::read_to_string(repo().join("decks").join(deck)).unwrap();
        assert_eq!(
            String::from_utf8(out.stdout).unwrap(),
            committed,
            "decks/{deck} is stale: regenerate it"
        );
    }
}

/// README's excerpt of a generated deck is the deck's text, with `...`
/// lines standing for what it leaves out.
#[test]
fn readme_deck_excerpt_is_real() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let from = readme.find("A real excerpt").expect("README has a deck excerpt");
    let body = &readme[from..];
    let start = body.find("```yaml\n").unwrap() + "```yaml\n".len();
    let excerpt: Vec<&str> = body[start..start + body[start..].find("```").unwrap()]
        .lines()
        .collect();
    let deck = std::fs::read_to_string(repo().join("decks/the-water-cycle-frequently-asked-questions.yaml")).unwrap();
    let deck: Vec<&str> = deck.lines().collect();
    let mut at = 0;
    for (k, line) in excerpt.iter().enumerate() {
        if line.trim() == "..." {
            let Some(next) = excerpt.get(k + 1) else {
                break;
            };
            at += deck[at..]
                .iter()
                .position(|l| l == next)
                .expect("the line after ... is in the deck");
            continue;
        }
        assert_eq!(
            deck.get(at),
            Some(line),
            "README excerpt line {} differs from the deck",
            k + 1
        );
        at += 1;
    }
}

#[test]
fn fixture_faqs_snapshot() {
    for name in ["product-faq.md", "legacy-faq.txt", "support.html"] {
        let out = TestEnv::new()
            .cmd()
            .current_dir(repo())
            .args([
                "generate",
                "--stdout",
                "--cloze",
                "2",
                &format!("tests/fixtures/{name}"),
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let yaml = String::from_utf8(out.stdout).unwrap();
        insta::assert_snapshot!(name, yaml);
    }
}

#[test]
fn writes_a_deck_named_after_the_title_and_refuses_to_overwrite() {
    let env = TestEnv::new();
    env.write("tea.txt", SEED_LIKE);
    env.cmd()
        .args(["generate", "tea.txt"])
        .assert()
        .success()
        .stderr(contains("wrote decks/tea-basics.yaml: 2 qa"));
    let first = env.read("decks/tea-basics.yaml");
    assert!(first.starts_with("version: 1\ntitle: Tea Basics\nsource:\n  path: tea.txt\n  sha256: "));
    env.cmd()
        .args(["generate", "tea.txt"])
        .assert()
        .code(1)
        .stderr(contains("decks/tea-basics.yaml already exists; use --merge").and(contains("--force")));
    env.cmd().args(["generate", "tea.txt", "--force"]).assert().success();
    assert_eq!(env.read("decks/tea-basics.yaml"), first, "same input, same bytes");
}

#[test]
fn an_article_opening_with_prose_is_named_by_its_file() {
    let env = TestEnv::new();
    env.write(
        "kiln-care.txt",
        "This file collects the questions members of the studio ask about the\nkiln, with the answers the technicians gave.\n\n1. Who may load the kiln?\n\nMembers who finished the induction.\n\n2. How long does a firing take?\n\nAbout nine hours.\n",
    );
    env.cmd()
        .args(["generate", "kiln-care.txt"])
        .assert()
        .success()
        .stderr(contains("wrote decks/kiln-care.yaml: 2 qa"));
    let deck = env.read("decks/kiln-care.yaml");
    assert!(deck.starts_with("version: 1\ntitle: kiln-care\n"), "{deck}");
}

#[test]
fn merge_keeps_user_edits_adds_new_cards_and_prunes_on_request() {
    let env = TestEnv::new();
    env.write("tea.txt", SEED_LIKE);
    env.cmd()
        .args(["generate", "tea.txt", "-o", "out", "--cloze", "0"])
        .assert()
        .success();
    let deck = env.read("out/tea-basics.yaml");
    let edited = deck.replace(
        "answer: Tea was first grown in southwest China.",
        "answer: In southwest China (my words).",
    );
    assert_ne!(deck, edited, "the test edits an answer");
    env.write("out/tea-basics.yaml", &edited);
    let more = SEED_LIKE.to_string() + "\n3. How should I store tea?\n\nKeep it in an airtight tin away from light.\n";
    let more = more.replace("2. Does green tea contain caffeine?\n\nYes. A cup of green tea holds about 30 milligrams of caffeine, less than half of a cup of coffee.\n", "");
    env.write("tea.txt", &more);
    env.cmd()
        .args(["generate", "tea.txt", "-o", "out", "--cloze", "0", "--merge"])
        .assert()
        .success()
        .stderr(contains("1 kept, 1 added, 1 stale kept (--prune removes them)"));
    let merged = env.read("out/tea-basics.yaml");
    assert!(
        merged.contains("In southwest China (my words)."),
        "edit survives: {merged}"
    );
    assert!(merged.contains("How should I store tea?"));
    assert!(
        merged.contains("Does green tea contain caffeine?"),
        "stale card kept without --prune"
    );
    env.cmd()
        .args(["generate", "tea.txt", "-o", "out", "--cloze", "0", "--merge", "--prune"])
        .assert()
        .success()
        .stderr(contains("1 stale removed"));
    let pruned = env.read("out/tea-basics.yaml");
    assert!(!pruned.contains("Does green tea contain caffeine?"));
    assert!(pruned.contains("In southwest China (my words)."));
}

#[test]
fn stdin_and_stdout() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["generate", "-", "--stdout"])
        .write_stdin(SEED_LIKE)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let yaml = String::from_utf8(out).unwrap();
    assert!(yaml.contains("path: '-'") || yaml.contains("path: \"-\""), "{yaml}");
    assert!(yaml.contains("question: Where was tea first grown?"));
}

#[test]
fn latex_from_standard_input_with_format_latex() {
    let env = TestEnv::new();
    let tex = "\\section*{Kiln Rules}\n\nFor members.\n\n\\paragraph{How hot is a glaze firing?} About 1,220~\\textdegree C.\n\n\\paragraph{Who loads the kiln?} The technician, on Fridays.\n";
    let yaml = env
        .cmd()
        .args(["generate", "-", "--stdout", "--format", "latex"])
        .write_stdin(tex)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let yaml = String::from_utf8(yaml).unwrap();
    assert!(yaml.contains("title: Kiln Rules\n"), "{yaml}");
    assert!(
        yaml.contains("question: How hot is a glaze firing?\n  answer: About 1,220 °C.\n"),
        "{yaml}"
    );
    assert!(yaml.contains("question: Who loads the kiln?\n"), "{yaml}");
}

#[test]
fn several_articles_and_directories() {
    let env = TestEnv::new();
    env.write("in/a.txt", SEED_LIKE);
    env.write("in/sub/b.md", "# Coffee Notes\n\n## Where does coffee come from?\n\nCoffee comes from Ethiopia, where it grew wild in the highlands.\n");
    env.write("in/ignored.pdf", "not an article");
    env.cmd().args(["generate", "in", "-o", "out"]).assert().success();
    assert!(env.path("out/tea-basics.yaml").exists());
    assert!(env.path("out/coffee-notes.yaml").exists());
    let out = env.cmd().args(["generate", "in", "--stdout"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.matches("version: 1\n").count(), 2);
    assert!(text.contains("\n---\nversion: 1\n"));
}

#[test]
fn a_batch_gives_the_decks_each_article_gives_alone() {
    // Several articles are generated in parallel; the result must not show it.
    let env = TestEnv::new();
    let mut names = Vec::new();
    for i in 0..7 {
        let name = format!("in/article-{i}.txt");
        env.write(&name, SEED_LIKE.replace("Tea Basics", &format!("Tea Basics Part {i}")));
        names.push(name);
    }
    env.write("in/empty.txt", "");
    let alone: Vec<String> = names
        .iter()
        .map(|n| {
            let out = env.cmd().args(["generate", "--stdout", n]).output().unwrap();
            String::from_utf8(out.stdout).unwrap()
        })
        .collect();
    let out = env.cmd().args(["generate", "--stdout", "in"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "the empty article is an error");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), alone.join("---\n"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty.txt: file is empty"));
    env.cmd().args(["generate", "in", "-o", "out"]).assert().code(1);
    for (i, deck) in alone.iter().enumerate() {
        let written = std::fs::read_to_string(env.path(&format!("out/tea-basics-part-{i}.yaml"))).unwrap();
        assert_eq!(&written, deck);
    }
}

#[test]
fn hostile_titles_stay_inside_the_output_directory() {
    let env = TestEnv::new();
    env.write("a.txt", SEED_LIKE);
    for (title, file) in [
        ("../../etc/passwd", "etc-passwd.yaml"),
        ("/tmp/x", "tmp-x.yaml"),
        ("CON", "con-deck.yaml"),
    ] {
        env.cmd()
            .args(["generate", "a.txt", "-o", "out", "--force", "--title", title])
            .assert()
            .success();
        assert!(env.path("out").join(file).exists(), "{title}");
    }
    assert_eq!(std::fs::read_dir(env.path("out")).unwrap().count(), 3);
}

#[test]
fn article_without_questions_warns_and_still_makes_clozes() {
    let env = TestEnv::new();
    env.write("notes.txt", "River Notes\n\nThe Nile flows north through eleven countries into the Mediterranean Sea. The Amazon carries more water than any other river on Earth, about a fifth of all river water.\n");
    env.cmd()
        .args(["generate", "notes.txt", "--stdout"])
        .assert()
        .success()
        .stderr(contains(
            "warning: notes.txt: no questions recognised; made 1 cloze cards only",
        ))
        .stdout(contains("kind: cloze"));
}

#[test]
fn a_question_not_answered_yet_is_named_and_makes_no_card() {
    let env = TestEnv::new();
    env.write(
        "kiln.md",
        "# Kiln FAQ\n\n## How long does a bisque firing take?\n\nAbout eight hours, then a day to cool.\n\n## Can I fire porcelain?\n\nTODO\n",
    );
    env.cmd()
        .args(["generate", "kiln.md", "--stdout"])
        .assert()
        .success()
        .stderr(contains(
            "warning: kiln.md:7: the answer is not written yet; no card made",
        ))
        .stdout(contains("How long does a bisque firing take?"))
        .stdout(contains("Can I fire porcelain?").not());
}

#[test]
fn bad_input_gets_one_line_naming_the_file() {
    let env = TestEnv::new();
    env.write("empty.txt", "");
    env.write("blank.txt", "  \n\n\t\n");
    env.write("binary.txt", b"PK\x03\x04\x00\x00binary");
    env.write("latin1.txt", b"Caf\xe9 FAQ\n\n1. Is it open?\n\nYes.\n");
    env.write("big.txt", "word ".repeat(300));
    env.write("empty-dir/readme.pdf", "x");
    let cases: [(&[&str], &str); 7] = [
        (&["missing.txt"], "missing.txt: cannot open"),
        (&["empty.txt"], "empty.txt: file is empty"),
        (&["blank.txt"], "blank.txt: file is empty"),
        (&["binary.txt"], "binary.txt: file looks binary (NUL byte at offset 4)"),
        (
            &["latin1.txt"],
            "latin1.txt: invalid UTF-8 at byte offset 3 (use --lossy",
        ),
        (
            &["big.txt", "--max-size", "1K"],
            "big.txt: larger than the 1024 byte limit (raise it with --max-size)",
        ),
        (
            &["empty-dir"],
            "empty-dir: no articles (.txt, .md, .markdown, .rmd, .qmd, .rst, .adoc, .asciidoc, .org, .html, .htm, .pod, .tex) found",
        ),
    ];
    for (args, message) in cases {
        let out = env.cmd().arg("generate").arg("--stdout").args(args).output().unwrap();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one line: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
    env.cmd()
        .args(["generate", "--stdout", "--lossy", "latin1.txt"])
        .assert()
        .success()
        .stdout(contains("title: Caf\u{FFFD} FAQ"));
}

#[test]
fn one_bad_file_does_not_stop_the_others() {
    let env = TestEnv::new();
    env.write("good.txt", SEED_LIKE);
    env.write("bad.txt", "");
    env.cmd()
        .args(["generate", "bad.txt", "good.txt"])
        .assert()
        .code(1)
        .stderr(contains("bad.txt: file is empty"));
    assert!(env.path("decks/tea-basics.yaml").exists());
}

const FRENCH: &str = "Foire aux questions de la médiathèque\n\nLa médiathèque municipale prête des livres, des films et des jeux à tous les habitants de la commune.\n\n1. Comment m'inscrire ?\n\nL'inscription se fait à l'accueil, sur présentation d'une pièce d'identité et d'un justificatif de domicile. Elle est gratuite pour les moins de 18 ans.\n\n2. Combien de documents puis-je emprunter ?\n\nChaque carte permet d'emprunter 10 documents pendant trois semaines. Les jeux vidéo se prêtent pour une semaine seulement.\n";

#[test]
fn articles_in_other_languages_are_analysed_in_their_language() {
    let env = TestEnv::new();
    env.write("fr.txt", FRENCH);
    env.cmd()
        .args(["generate", "fr.txt"])
        .assert()
        .success()
        .stderr(contains("cloze cards from fr.txt (French)"));
    let deck = env.read("decks/foire-aux-questions-de-la-mediatheque.yaml");
    // The deck says its language, so that typed answers are graded in it.
    assert!(deck.contains("\ngenerator: quizdeck"), "{deck}");
    assert!(deck.contains("\nlanguage: fr\ncards:\n"), "{deck}");
    // French stop words ("sur", "d'une") are in no key point, and an
    // elided article is no part of one ("accueil", not "l'accueil").
    assert!(deck.contains("  - accueil\n"), "{deck}");
    for stop in ["sur", "d'une", "une", "les"] {
        assert!(!deck.contains(&format!("  - {stop}\n")), "{stop} in {deck}");
        assert!(!deck.contains(&format!("  - {stop} ")), "{stop} in {deck}");
    }
    // Read as English, the same article keeps its stop words in key
    // points: `--lang` decides.
    let english = env
        .cmd()
        .args(["generate", "fr.txt", "--stdout", "--lang", "en"])
        .output()
        .unwrap();
    let english = String::from_utf8(english.stdout).unwrap();
    assert!(english.contains("  - sur présentation d'une\n"), "{english}");
    assert!(!deck.contains("  - sur présentation d'une\n"), "{deck}");
    // English articles say nothing of their language.
    env.write("tea.txt", SEED_LIKE);
    env.cmd()
        .args(["generate", "tea.txt"])
        .assert()
        .success()
        .stderr(contains("from tea.txt\n"));
    assert!(!env.read("decks/tea-basics.yaml").contains("language:"));
    env.cmd()
        .args(["generate", "fr.txt", "--lang", "klingon"])
        .assert()
        .code(2)
        .stderr(contains("unknown language 'klingon' (one of: ar, da,"));
}

#[test]
fn usage_errors_exit_2() {
    let env = TestEnv::new();
    env.cmd().arg("generate").assert().code(2);
    env.cmd().args(["generate", "a.txt", "--prune"]).assert().code(2);
    env.cmd()
        .args(["generate", "a.txt", "--merge", "--force"])
        .assert()
        .code(2);
    env.cmd()
        .args(["generate", "a.txt", "--max-size", "ten"])
        .assert()
        .code(2);
}

#[test]
fn generated_decks_pass_check() {
    let env = TestEnv::new();
    env.cmd()
        .current_dir(repo())
        .args(["check", "decks"])
        .assert()
        .success();
    env.write("a.txt", SEED_LIKE);
    env.cmd().args(["generate", "a.txt", "-o", "d"]).assert().success();
    env.cmd()
        .args(["check", "d"])
        .assert()
        .success()
        .stderr(contains("ok: d/tea-basics.yaml"));
}

/// FAQ layouts seen in the wild, one file each: every question is found,
/// verbatim, with no markup left on it and no made-up category.
#[test]
fn faq_layouts_from_the_wild() {
    let cases: [(&str, &[&str]); 106] = [
        // `1. Q.` questions, one wrapped over three lines, answered in
        // parts (`A1.`, `A2.`); the author's name and address after the
        // title.
        (
            "qdotparts.txt",
            &[
                "Every spindle I start stops after a minute with SPIN_STALLED, even though the belt is tight and the motor is warm. What is going on?",
                "Why does the counter skip every tenth turn?",
                "Can I run two spindles from one treadle?",
            ],
        ),
        // reStructuredText in a file without an extension: a title between
        // rules, ``literals`` and an inline target (_`...`).
        (
            "kiln-FAQ",
            &[
                "Shelf.lift doesn't work?",
                "Shelf.lower doesn't work?",
                "Why do glazes run on the top shelf?",
            ],
        ),
        // DocBook's questions printed as text: `*A.1.*` alone over the
        // question's paragraph, an empty `**` over the answer.
        (
            "appendix.txt",
            &[
                "The kiln heats but the pieces come out pale! The glaze looks dry and chalky! What's wrong?",
                "I cannot open the lid after a firing. Is the latch broken?",
                "When I start a firing it says: \"Element open\"! What's wrong!",
            ],
        ),
        // A contents list of `[Q]` lines under group labels ("PRINTING:"),
        // the last of a group over the next label, asked again below.
        (
            "regrouped.txt",
            &[
                "What is Ropewalk",
                "Who writes Ropewalk?",
                "Where can I get Ropewalk?",
                "Can I print a plan on one page?",
                "Why the name Ropewalk?",
            ],
        ),
        // A contents list of `Qn.` lines worded otherwise than the
        // questions under "Answers", which have their `An.` answers.
        (
            "reworded.txt",
            &[
                "The count Tallyho shows looks wrong. What can I do?",
                "Tallyho reports one visitor more than came in.",
                "I don't like the dots in the big display. (or) What happened to the old \"-d\" option",
                "Did you draw the Tallyho logo?",
            ],
        ),
        // R Markdown: YAML front matter, code chunks.
        (
            "notebook.Rmd",
            &[
                "Why does `tide()` return a list rather than a vector?",
                "Can I read tide tables from a spreadsheet?",
                "How do I name the columns of a tide table?",
            ],
        ),
        // `Qn:` questions at the margin, under a contents list of them
        // titled "Questions:"; lists numbered in their answers, set in
        // deeper, some under part headings of an answer's own.
        (
            "setinlist.txt",
            &[
                "Does loomd leak memory when a shuttle jams ?",
                "Are there other programs like loomd ?",
                "How can I set up pattern names with accented letters ?",
            ],
        ),
        // `Q)` and `A)` labels; one answer goes on under a second `A)`,
        // another is numbered in parts (`A1)`, `A2)`).
        (
            "bracketparts.txt",
            &[
                "Can I log two kilns at once?",
                "Does kilnlog warn me when a firing runs long?",
                "Help! The graph is empty after a firing.",
                "Why are the times an hour off?",
            ],
        ),
        // Paragraphs each over the quote that answers it, half of them
        // statements, under a MyST comment that is no title.
        (
            "quoteanswers.md",
            &[
                "Playback stutters when the laptop runs on battery.",
                "My loops drift out of time after a few minutes.",
                "Why does Tidepool refuse my WAV files?",
                "Where are my kits saved?",
            ],
        ),
        // Questions that go on from their group heading ("How do I…" over
        // "…add a feed by hand?"), one of them set as high as the group.
        (
            "ellipsis.rst",
            &[
                "How do I add a feed by hand?",
                "How do I keep only the last ten episodes?",
                "How do I report a crash?",
                "How do I find the settings file?",
                "Why does Spoolcast skip some episodes?",
            ],
        ),
        // reStructuredText definition lists: a bare `Q` term over the
        // question set in under it, which may wrap, and an `A` term over
        // the answer.
        (
            "qaterms.rst",
            &[
                "The kiln never reaches cone 6 and kilnlog shows no error?",
                "I fire two kilns from one controller and want each log kept apart. How can I tell kilnlog which kiln a reading came from?",
                "Why does the graph stop after midnight?",
            ],
        ),
        // An FAQ whose headings all state a problem, one of them answered
        // with two numbered steps: the headings are the entries.
        (
            "stepsinentry.rst",
            &[
                "Glaze crawling on the rim",
                "Pinholes after a second firing",
                "The controller display goes blank",
                "Moving a kiln to a new room",
            ],
        ),
        // An FAQ page of a single entry, a heading that states a problem.
        ("oneentry.rst", &["Display reads \"No probe found\""]),
        // Nested numbered lists as a text browser prints them: parts at
        // the margin, questions numbered from 1 again in each, steps in an
        // answer deeper still.
        (
            "nestedparts.txt",
            &[
                "How often is the lamp cleaned?",
                "What if the lamp fails at night?",
                "Who signs the logbook?",
                "Can I correct a mistake in the logbook?",
            ],
        ),
        // Questions numbered by part and letter (`1a.` to `1g.`, `2a.`)
        // under a contents list of the parts and their lettered questions.
        (
            "partletters.txt",
            &[
                "How do I prune a tree?",
                "The birds eat every cherry!",
                "Can I plant two trees in one square?",
                "Can I grow pears too?",
                "Why do my apples stay green?",
                "Can I sell the fruit?",
                "I'm playing in a small window and the map is cut off at the right - I have to scroll all the time.",
                "Where is the source code?",
            ],
        ),
        // Problems between rules under a `PROBLEM:` label, and a closing
        // note after the last rule that leads into an address.
        ("problems.txt", &["The balloons never rise.", "There is no sound."]),
        // Questions framed in boxes of stars, wrapped inside the frame;
        // one states its problem.
        (
            "boxed.txt",
            &[
                "When I build Tidepool with the old toolchain, the linker stops with undefined symbols. It worked with the last release! What changed?",
                "Why does playback stutter on battery power?",
                "My sampler crashes as soon as I load a kit!",
                "I recorded a loop, but it plays back an octave too high. Why?",
            ],
        ),
        // Bulleted questions over flush answers, under a contents list of
        // the questions unbulleted.
        (
            "bullettoc.txt",
            &[
                "Can I use Ferrylog on a club boat?",
                "When I start Ferrylog, I get an error about the chart files what should I do ?",
                "Which GPS receivers work with it?",
            ],
        ),
        // AsciiDoc saved as plain text: `== ` opens each entry, some of
        // them statements, and a literal block sits in an answer.
        (
            "adocfaq.txt",
            &[
                "What is Tarnwatch?",
                "Where to get it?",
                "Reading the card",
                "Why are the night readings missing?",
            ],
        ),
        // A DocBook chapter page: its contents list links each question,
        // the last of them right over the first; none of them a category.
        (
            "docbookchunk.html",
            &[
                "When should I feed the bees?",
                "How do I check for mites?",
                "Do the bees need a warmer hive in winter?",
            ],
        ),
        // Each heading wrapped in a link back to the contents table.
        (
            "linkedheads.html",
            &[
                "How much wind do I need?",
                "The lines twist after every launch.",
                "Can I patch a torn sail with tape?",
            ],
        ),
        // Questions quoted from the letters that asked them, over the
        // replies; one quotes the error it is about, stars and all.
        (
            "quoted.txt",
            &[
                "Where can I download loomterm?",
                "Is there a build for machines other than those listed on the download page?",
                "When I build loomterm, the linker stops with: undefined reference to pattern_open ** Error code 1",
                "My colours are wrong after an upgrade.",
                "Why does the window flicker when I resize it? It never did before.",
            ],
        ),
        // A manual page saved with its overstrikes: bold as `W\bWh\bh`.
        (
            "overstrike.txt",
            &[
                "Why does the printed table disagree with the board?",
                "Which datum do the heights use?",
                "The table for next month is missing.",
            ],
        ),
        // Questions flush left over tab-indented answers, some after a
        // blank line; one wraps and ends in a remark after its `?`.
        (
            "hangtab.txt",
            &[
                "What is the ferry pass?",
                "Where can I park a trailer overnight?",
                "Why does the ticket machine reject my card at the slipway? The same card works in the shop.\"",
                "Can I launch at low water?",
            ],
        ),
        // Plain text in Emacs's outline mode, as its first line says:
        // `*` lines are headings.
        (
            "outline.txt",
            &[
                "The build stops with a missing library error.",
                "I would like to see two apiaries side by side. Can I do that?",
                "Where are the photos kept?",
            ],
        ),
        // Each entry opens with a link back up, then a bold number and the
        // question in italics, which may go on after its question mark.
        (
            "caretlinks.html",
            &[
                "Do I have to use the seed tray labels?",
                "Can the catalogue run without a network? The old version did this and I miss it.",
                "How do I know whether a packet was tested? OR, the germination column stays empty.",
            ],
        ),
        // A page whose <title> names the site and whose own heading says
        // FAQ, over entries none of which ends in a question mark.
        (
            "h1faq.html",
            &[
                "Can hivelog read old notebook exports",
                "How do I record a swarm from a bait hive",
                "The scale readings jump at night",
            ],
        ),
        // Questions in `<div class="faq-title">`, one of them a statement.
        (
            "divclass.html",
            &[
                "How often does the timer remind me to feed the starter?",
                "I'd like the weights shown in ounces.",
                "Can I share a schedule with a friend?",
            ],
        ),
        // Asciidoctor's headings, each a numbered link to itself.
        (
            "selflink.html",
            &[
                "Tension readings drift between wheels",
                "After I export a wheel, the app waits until the viewer is closed",
            ],
        ),
        // Headings that only group the messages and problems under them.
        (
            "msggroups.md",
            &[
                "Warp too short",
                "Sett out of range!",
                "Unknown yarn count",
                "Drafts print on two pages",
                "Totals differ from my notebook",
            ],
        ),
        // An FAQ whose entries all state, none asks.
        (
            "statedfaq.md",
            &[
                "Warping a jack loom from the back",
                "Loom squeaks without any reason",
                "Shed too small on a table loom",
            ],
        ),
        // A contents list of `Q.` links, links back up in headings, a
        // `Q4` heading over the question and its message.
        (
            "qlabels.md",
            &[
                "Why does my dye bath stay cloudy?",
                "Can I reuse a mordant bath?",
                "Is `alum` safe to handle?",
                // Quoted in YAML for its ": ".
                "The dye pot reports `E12: heater timeout` How to fix it?",
            ],
        ),
        // Groups of `###` questions, a group answered by itself, a list
        // under a deeper heading, a led-in list whose items ask, and a
        // question not answered yet.
        (
            "groups.md",
            &[
                "How long does a bisque firing take?",
                "How can I fire remotely?",
                "Kiln stops mid-firing",
                "My glaze crawls on the pot",
                "Why are my colours dull?",
            ],
        ),
        // Bullets that ask over two lines, answered by bullets under them.
        (
            "bulletwrap.md",
            &[
                "What oil should we use on the wheel? Can we use olive oil from the kitchen, for example?",
                "Does the drive band need replacing? It slips more in winter than in summer, even after we tighten it.",
                "How often should the flyer be cleaned?",
            ],
        ),
        (
            "docbook.html",
            &[
                "Which yarn should I warp with first?",
                "The warp keeps slackening on one side, even after I retie every knot along the front beam, and the cloth comes out skewed.",
                "How tight should the warp be?",
                "Why do my edges pull in?",
                "How do I wash the finished cloth?",
            ],
        ),
        (
            "sphinxdl.txt",
            &[
                "Why does `pondlog` read the temperature as zero?",
                "The clock drifts by a minute a day.",
                "How long does the battery last?",
                "Where are the readings stored?",
            ],
        ),
        (
            "notion.md",
            &[
                "How do I book leave?",
                "Where do I find the VPN config?",
                "Who orders equipment?",
            ],
        ),
        (
            "confluence.html",
            &[
                "When are payslips published?",
                "Why is my tax code different this month?",
                "How quickly are expenses repaid?",
            ],
        ),
        (
            "cluster.tex",
            &[
                "How do I get an account?",
                "Can I share my login with a student?",
                "Why is my job still pending?",
                "How much memory can a job use?",
            ],
        ),
        (
            "lettered.txt",
            &[
                "How long is the waiting list?",
                "What does a plot cost?",
                "May I keep chickens?",
                "Can I put up a shed",
            ],
        ),
        (
            "manual.pod",
            &[
                "How do I compare two values in a template?",
                "Which template variables are always set?",
                "How do I add a custom filter?",
                "Why does <br/> show up as text?",
            ],
        ),
        (
            "jira.txt",
            &[
                "How do I restart a stuck agent?",
                "Which branches build on every push?",
                "Why did my job fail with \"disk full\"?",
                "Who looks after the farm?",
            ],
        ),
        (
            "details.md",
            &[
                "Why does my phone show an older copy of a note?",
                "How much storage does the free plan include?",
                "Can I sync a folder that lives on a USB stick?",
                "Does Tidepool Sync encrypt my notes?",
            ],
        ),
        (
            "forum.txt",
            &[
                "How long should I cycle a new tank?",
                "How often should I change the water?",
                "Why are my fish gasping at the surface?",
            ],
        ),
        (
            "mcq.txt",
            &[
                "What is the point where a river begins called?",
                "Which process wears away the river bed by the water's force alone?",
                "Where does a river deposit most of its load?",
            ],
        ),
        (
            "mkdocs.md",
            &["Why are my tide times an hour out?", "Which harbours are supported?"],
        ),
        (
            "htmlmd.md",
            &["How does syncing work?", "Where are my articles stored?"],
        ),
        (
            "qline.txt",
            &[
                "What is the national speed limit on a single carriageway road?",
                "How far can you see before you should use fog lights?",
            ],
        ),
        (
            "setext.md",
            &["How often should I oil the chain?", "What tyre pressure is right?"],
        ),
        (
            "details.html",
            &["Who can get a library card?", "How many books can I borrow at once?"],
        ),
        (
            "qdot.txt",
            &["What can I put in my compost bin?", "How long does compost take?"],
        ),
        (
            "labels.txt",
            &["Can I renew my passport by mail?", "How long does renewal take?"],
        ),
        (
            "toc.md",
            &["How much do panels cost?", "Do panels work on cloudy days?"],
        ),
        (
            "boldq.md",
            &["How often should I water my plants?", "Do plants need fertiliser?"],
        ),
        (
            "microdata.html",
            &["Can I bring my car on the ferry?", "Are pets allowed on board?"],
        ),
        (
            "accordion.html",
            &["Can I freeze my membership?", "Is there a joining fee?"],
        ),
        (
            "accordion2.html",
            &["How much does a ride cost?", "Where can I return a bike?"],
        ),
        (
            "boldqa.md",
            &["When do bees swarm?", "How much honey does one hive make?"],
        ),
        (
            "crlf.txt",
            &[
                "How long does a kettle take to boil?",
                "Why does my kettle click off early?",
            ],
        ),
        (
            "nogap.txt",
            &["Why are the stars blurry?", "Which eyepiece should I start with?"],
        ),
        (
            "qheading.md",
            &[
                "Which gas works in cold weather?",
                "Can I use the stove inside the tent?",
            ],
        ),
        (
            "dash.txt",
            &[
                "Do I need a seat reservation?",
                "Can I use the pass in my home country?",
            ],
        ),
        (
            "dashnum.txt",
            &[
                "How often should I replace running shoes?",
                "Should I buy shoes a size up?",
            ],
        ),
        (
            "qonly.txt",
            &["How often should I change the water?", "Why is my water cloudy?"],
        ),
        (
            "listnested.md",
            &[
                "How often do I feed my starter?",
                "Why does my starter smell like nail polish?",
            ],
        ),
        (
            "pclass.html",
            &[
                "Do you take emergency appointments?",
                "How often should I have a check-up?",
            ],
        ),
        (
            "h3ul.html",
            &[
                "When should I book a removal company?",
                "What should I pack first?",
                "Who do I tell about my new address?",
            ],
        ),
        ("wiki.md", &["Where do I report a bug?", "How long does a review take?"]),
        (
            "indented.txt",
            &["Why does the printer say it is offline?", "Why are my prints streaky?"],
        ),
        (
            "indented4.md",
            &["Why does the printer say it is offline?", "Why are my prints streaky?"],
        ),
        ("h4li.html", &["What age can children start?", "Is equipment included?"]),
        ("table.md", &["How much does a permit cost?", "How do I apply?"]),
        (
            "table.html",
            &["What are the entry prices?", "Do I need a swimming cap?"],
        ),
        (
            "quote.md",
            &["How deep should a wildlife pond be?", "Do I need a pump?"],
        ),
        (
            "faq.rst",
            &[
                "Why does import fail with \"no module named frob\"?",
                "Which Python versions are supported?",
                "How do I report a bug?",
            ],
        ),
        (
            "underline.txt",
            &[
                "How long does beer take to ferment?",
                "Do I need to sterilise the bottles?",
            ],
        ),
        (
            "emoji.md",
            &[
                "Do I need planning permission?",
                "How long does a build take?",
                "What does it weigh?",
            ],
        ),
        (
            "hash.txt",
            &[
                "Can I take my car on the morning ferry?",
                "Are dogs allowed?",
                "What happens if the sea is rough?",
            ],
        ),
        (
            "printer.adoc",
            &[
                "Why is my print faded?",
                "How do I clear a paper jam?",
                "Which cartridges fit?",
                "Can I refill a cartridge?",
            ],
        ),
        (
            "usenet.txt",
            &[
                "What should I put in a bird feeder?",
                "Should I feed birds in summer?",
                "Why do birds hit windows?",
            ],
        ),
        (
            "readme.md",
            &[
                "Does it change the photos themselves?",
                "What if two photos share a timestamp?",
                "Does it work on Windows?",
                "Can I undo a rename?",
            ],
        ),
        (
            "qatable.md",
            &[
                "How much does a resident permit cost?",
                "Can visitors park on my street?",
                "When are the restrictions in force?",
            ],
        ),
        ("qatable.html", &["Who can get a card?", "How many books can I borrow?"]),
        ("boldlabels.md", &["How deep should a pond be?", "Do I need a pump?"]),
        (
            "letnum.txt",
            &["Who pays the tax?", "When is it due?", "Can I pay in instalments?"],
        ),
        ("italic.md", &["What wind is best?", "Where should I fly?"]),
        ("deflist.md", &["What is a knot?", "Why do boats heel?"]),
        (
            "wiki.txt",
            &[
                "How much does a plot cost?",
                "Can I keep chickens?",
                "What may I build on my plot?",
            ],
        ),
        (
            "faq.org",
            &[
                "How long does a batch of ale take?",
                "Why did my beer turn out cloudy?",
                "What equipment should I buy first?",
                "How do I check the gravity?",
            ],
        ),
        (
            "yoast.html",
            &[
                "How much honey does one hive make?",
                "Will I get stung?",
                "When should the hive be inspected?",
            ],
        ),
        (
            "pdf.txt",
            &[
                "Who is responsible for repairs to the heating system?",
                "How is the rent calculated?",
                "Can I take in a lodger?",
                "How much notice must I give before moving out?",
            ],
        ),
        (
            "jsonld.html",
            &[
                "Can I bring my car on the ferry?",
                "Are dogs allowed on board?",
                "What happens when a crossing is cancelled?",
            ],
        ),
        (
            "anchors.md",
            &[
                "How do I install Widget?",
                "Why doesn't sync start?",
                "How do I reset my password?",
                "Can I use Widget offline?",
            ],
        ),
        (
            "parts.txt",
            &[
                "Do I need to know how to swim?",
                "Is there a trial period?",
                "When is the river closed to rowing?",
                "Who steers the club eights?",
            ],
        ),
        (
            "sitepage.html",
            &[
                "How long does delivery take?",
                "Do you deliver to Northern Ireland?",
                "Can I track my order?",
                "What happens if something arrives damaged?",
            ],
        ),
        (
            "sphinx.html",
            &[
                "What is Kettle?",
                "Why does Kettle refuse tasks named `__init__`?",
                "How do I pass arguments to a task?",
                "Which tasks run in parallel?",
            ],
        ),
        (
            "sphinx.rst",
            &[
                "How do I share state between two tasks?",
                "Why did my task run twice?",
                "Why is `__pycache__` in my task's inputs?",
            ],
        ),
        (
            "manpage.txt",
            &[
                "Who may load the kiln?",
                "How should pots be arranged on the shelves, and how far apart do they need to stand?",
                "How long does a glaze firing take?",
                "The kiln shows error E4 during a firing.",
            ],
        ),
        (
            "textdump.txt",
            &[
                "Why does the chuck key have a spring on it?",
                "The tailstock creeps back while I drill, even with the lock lever down.",
                "Where are the spare cutting tools kept?",
                "The motor hums but the spindle does not turn.",
                "Who sharpens the parting tools, and how often are they checked before an evening session?",
                "Chips build up around the carriage after long cuts.",
            ],
        ),
        (
            "messages.md",
            &[
                "When I start a print, the plotter says: `pen carriage blocked at home position`",
                "When I start a print, the plotter says: `paper size does not match the loaded roll`",
                "Why are long lines wavy?",
            ],
        ),
        (
            "readme2.md",
            &[
                "Install",
                "Make it yours",
                "Where are patterns stored?",
                "Can two weavers share a pattern?",
                "Why is my draft upside down?",
            ],
        ),
        (
            "tabs.md",
            &[
                "How many packets may I borrow?",
                "Do I have to return seeds?",
                "How do I bring my records over?",
                "Can I donate shop-bought seeds?",
            ],
        ),
        (
            "banner.txt",
            &[
                "Who may use the kiln?",
                "What does a firing cost?",
                "How hot does a glaze firing go?",
                "Why did my pot crack?",
            ],
        ),
        (
            "docinfo.rst",
            &[
                "How do I move my notes to another folder?",
                "How do I sync notes between two laptops?",
                "How do I find notes that mention a date?",
            ],
        ),
        (
            "subheads.md",
            &[
                "When does the greenhouse open?",
                "Who holds the keys?",
                "Why did my seedlings wilt?",
                "My labels fade in the sun.",
            ],
        ),
        (
            "labelled.txt",
            &[
                "How long does the first sync take?",
                "How do I leave a directory out?",
                "Why does quarry say my clock is wrong?",
                // A term that states, in a list whose terms ask.
                "Quarry stops with \"lock held\" after a crash.",
            ],
        ),
    ];
    let env = TestEnv::new();
    for (name, want) in cases {
        let out = env
            .cmd()
            .current_dir(repo())
            .args(["generate", "--stdout", &format!("tests/fixtures/formats/{name}")])
            .output()
            .unwrap();
        assert!(out.status.success(), "{name}: {}", String::from_utf8_lossy(&out.stderr));
        let yaml = String::from_utf8(out.stdout).unwrap();
        // A question with `: ` in it is single-quoted, its quotes doubled.
        let questions: Vec<String> = yaml
            .lines()
            .filter_map(|l| l.strip_prefix("  question: "))
            .map(|q| match q.strip_prefix('\'').and_then(|q| q.strip_suffix('\'')) {
                Some(inner) => inner.replace("''", "'"),
                None => q.to_string(),
            })
            .collect();
        assert_eq!(questions, want, "{name}");
        // Wiki and Org titles without their marks; a page's own heading,
        // not the site's name.
        let title = match name {
            "wiki.txt" => Some("Allotment Society FAQ"),
            // Not the mode line for the editor beside it.
            "outline.txt" => Some("Hivelog Frequently Asked Questions"),
            "faq.org" => Some("Home Brewing FAQ"),
            "yoast.html" => Some("Bee Keeping Basics"),
            "sitepage.html" => Some("Shipping questions"),
            "forum.txt" => Some("'Read before posting: Aquarium Club FAQ'"),
            "manual.pod" => Some("Lantern::FAQ - Questions people ask about Lantern's templates"),
            "jira.txt" => Some("Build Farm FAQ"),
            "cluster.tex" => Some("Frequently Asked Questions about the Kestrel Cluster"),
            "confluence.html" => Some("Payroll FAQ"),
            // A manual page's NAME line, not `quarry(7)`.
            "labelled.txt" => Some("quarry - questions people ask about the quarry sync tool"),
            // A manual page's NAME line, not its running header.
            "manpage.txt" => Some("kilnfaq - questions people ask about the studio kiln"),
            "overstrike.txt" => Some("tidefaq - what harbour users ask about the tide tables"),
            // Not the date it was last changed.
            "adocfaq.txt" => Some("adocfaq"),
            // Its first question is no title.
            "hangtab.txt" => Some("hangtab"),
            // Without its author's name and address.
            "qdotparts.txt" => Some("Spindle FAQ"),
            // A title that goes on to the next line.
            "regrouped.txt" => Some("'FREQUENTLY ASKED QUESTIONS ABOUT: Ropewalk, the rope making planner'"),
            "kiln-FAQ" => Some("'Kiln Shelf: Frequently Asked Questions'"),
            // Not the label of its first question.
            "appendix.txt" => Some("appendix"),
            "notebook.Rmd" => Some("Frequently Asked Questions about tidepool"),
            // Nor the label over a contents list of its questions.
            "setinlist.txt" => Some("setinlist"),
            // Not the `:orphan:` mark over it.
            "docinfo.rst" => Some("Quillnote FAQ"),
            // Not the navigation bar a text browser prints over the page.
            "textdump.txt" => Some("Lathe Club FAQ"),
            // Not the banner drawn in characters over "FAQ".
            "banner.txt" => Some("Banner FAQ"),
            // A centred HTML heading spread over lines, its logo left out.
            "readme2.md" => Some("Loom Pattern Keeper"),
            _ => None,
        };
        if let Some(title) = title {
            assert!(yaml.contains(&format!("\ntitle: {title}\n")), "{name}: {yaml}");
        }
        // "Answers" over the questions names no group of them.
        assert!(!yaml.contains("\n  - answers\n"), "{name}: {yaml}");
        // Heading rules and markup of the source are no part of any answer.
        for l in yaml.lines().map(str::trim) {
            let rule = l.len() >= 3
                && l.chars()
                    .all(|c| c == l.chars().next().unwrap_or(' ') && "-=~^".contains(c));
            assert!(
                !rule && !l.starts_with(".. ") && (!l.contains("``") || l.starts_with("```")),
                "{name}: {l:?}"
            );
            // Org keywords, drawers and links; wiki heading marks; page
            // furniture around an HTML FAQ.
            for furniture in [
                "#+",
                ":PROPERTIES:",
                "[[",
                "== ",
                "cookies",
                "Skip to content",
                "©",
                "Page 1",
                "- 2 -",
                "with- in",
                "<!--",
                "<a ",
                "JavaScript",
                "<strong>",
                "=head",
                "=item",
                "C<",
                "F<",
                "{code",
                "{toc",
                "h2.",
                "(contributed by",
                "</details>",
                "\\",
                "~",
                "Powered by",
                "last modified",
                // Links back up the page; answers not written yet.
                "▲",
                "TODO",
                // Sphinx's permalinks, navigation and sidebar; reST
                // comments and hidden directives.
                "¶",
                "Navigation",
                "Show Source",
                "XXX",
                "Can tasks run on a remote machine",
                "kettle.reset",
                "index::",
                // reST references, targets, footnote marks and the
                // document's record under its title.
                "list`",
                "reference`",
                "people`",
                "Quillnote_",
                " _`",
                "example.org",
                "[1]",
                "$Revision",
                "Author:",
                // Labels in bold with the colon outside; content tabs.
                "***",
                "A: ",
                "=== \"",
                ":orphan:",
                ":doc:",
                // Sphinx's marks on names, substitutions, a raised
                // arrow after a link.
                "`!pondlog",
                "`.Store",
                "`~pondlog",
                "|PWR|",
                "↗",
                // A manual page's running header and footer, its section
                // names.
                "KILNFAQ(7)",
                "DESCRIPTION",
                "2026-10-01",
            ] {
                assert!(!l.contains(furniture), "{name}: {l:?}");
            }
        }
        // Tags are the question number or the intro, then the category
        // heading when the page has real ones.
        let categories: &[&str] = match name {
            "h3ul.html" => &["before-the-move", "after-the-move"],
            "faq.org" => &["brewing", "equipment"],
            "parts.txt" => &["joining", "on-the-water"],
            "manual.pod" => &["templates", "filters"],
            "cluster.tex" => &["accounts", "running-jobs"],
            "confluence.html" => &["payslips", "expenses"],
            "sphinx.html" => &["basics"],
            "subheads.md" => &["general-questions", "troubles"],
            "labelled.txt" => &["setup", "troubles"],
            "docinfo.rst" => &["how-do-i"],
            "manpage.txt" => &["loading", "firing"],
            "tabs.md" => &["borrowing", "moving-from-another-library"],
            "banner.txt" => &["joining", "firing"],
            // Not on "Kiln stops mid-firing", which stands beside them.
            "groups.md" => &["firing", "glazing"],
            "outline.txt" => &["installing", "using-hivelog"],
            "msggroups.md" => &["what-does-this-message-mean", "troubleshooting"],
            "docbook.html" => &["setting-up-the-loom", "weaving-and-finishing-the-cloth"],
            "sphinxdl.txt" => &["setting-up", "data"],
            "quoted.txt" => &["getting-loomterm", "building"],
            "linkedheads.html" => &["flying", "repairs"],
            "nestedparts.txt" => &["the-lamp", "the-logbook"],
            "ellipsis.rst" => &["how-do-i", "why-does-spoolcast"],
            "quoteanswers.md" => &["playback", "files"],
            "notebook.Rmd" => &["beginner-faqs", "general-syntax"],
            _ => &[],
        };
        let lines: Vec<&str> = yaml.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if *l == "  tags:" {
                let tag = lines[i + 1].trim_start_matches("  - ");
                assert!(tag == "intro" || tag.starts_with('q'), "{name}: tag {tag:?}");
                if let Some(extra) = lines[i + 2].strip_prefix("  - ") {
                    assert!(categories.contains(&extra), "{name}: extra tag {extra:?}");
                }
            }
        }
    }
}
