//! Hostile decks, articles and databases, one table: each case is a clear
//! one-line error naming the file (exit 1) or a safe result (exit 0),
//! within a time guard (a hang guard, not a benchmark). The observed
//! behaviour of every case is printed (`cargo test hostile -- --nocapture`).

use std::time::Duration;

use crate::env::TestEnv;

/// What a case must do: succeed, or fail with this text on stderr.
enum Expect {
    Ok,
    Err(&'static str),
}

struct Case {
    name: &'static str,
    /// File name and contents, written before the command runs.
    file: (&'static str, Vec<u8>),
    args: &'static [&'static str],
    expect: Expect,
}

fn deck_with(cards: &str) -> Vec<u8> {
    format!("version: 1\ntitle: T\ncards:\n{cards}").into_bytes()
}

fn many_cards(n: usize) -> Vec<u8> {
    let mut s = String::from("version: 1\ntitle: Many\ncards:\n");
    for i in 0..n {
        s.push_str(&format!("- {{id: c{i}, kind: qa, question: Q{i}?, answer: A{i}.}}\n"));
    }
    s.into_bytes()
}

fn article_of(questions: usize) -> Vec<u8> {
    let mut s = String::from("Big FAQ\n\nAn article with very many questions.\n\n");
    for i in 1..=questions {
        s.push_str(&format!(
            "{i}. What is item {i}?\n\nItem {i} is the {i}th thing in this list.\n\n"
        ));
    }
    s.into_bytes()
}

fn cases() -> Vec<Case> {
    let seed = "Tea FAQ\n\nTea is popular.\n\n1. What is green tea?\n\nGreen tea is unoxidised tea.\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(seed.encode_utf16().flat_map(u16::to_le_bytes));
    vec![
        // Decks, through `check` (which parses and validates everything).
        Case {
            name: "100 MB deck file",
            file: ("big.yaml", vec![b'#'; 100 << 20]),
            args: &["check", "big.yaml"],
            expect: Expect::Err("big.yaml: larger than the 67108864 byte limit"),
        },
        Case {
            name: "10 MB single line",
            file: ("line.yaml", {
                let mut d = b"version: 1\ntitle: T\ncards:\n- {id: a, kind: qa, question: Q?, answer: ".to_vec();
                d.extend(std::iter::repeat_n(b'x', 10 << 20));
                d.extend(b"}\n");
                d
            }),
            args: &["check", "line.yaml"],
            expect: Expect::Ok,
        },
        Case {
            name: "100k cards",
            file: ("many.yaml", many_cards(100_000)),
            args: &["check", "many.yaml"],
            expect: Expect::Ok,
        },
        Case {
            name: "duplicate ids",
            file: (
                "dup.yaml",
                deck_with(
                    "- {id: a, kind: qa, question: Q?, answer: A.}\n- {id: a, kind: qa, question: R?, answer: B.}\n",
                ),
            ),
            args: &["check", "dup.yaml"],
            expect: Expect::Err("duplicate id \"a\""),
        },
        Case {
            name: "unknown schema version",
            file: ("v9.yaml", b"version: 9\ntitle: T\ncards: []\n".to_vec()),
            args: &["check", "v9.yaml"],
            expect: Expect::Err("deck schema version 9 is newer"),
        },
        Case {
            name: "wrong types",
            file: ("types.yaml", b"version: one\ntitle: [T]\ncards: {}\n".to_vec()),
            args: &["check", "types.yaml"],
            expect: Expect::Err("types.yaml:1:"),
        },
        Case {
            name: "cloze without a blank",
            file: ("zero.yaml", deck_with("- {id: a, kind: cloze, text: No blank here.}\n")),
            args: &["check", "zero.yaml"],
            expect: Expect::Err("cloze text has no {{blank}}"),
        },
        Case {
            name: "cloze with two blanks",
            file: (
                "two.yaml",
                deck_with("- {id: a, kind: cloze, text: \"{{One}} and {{two}}.\"}\n"),
            ),
            args: &["check", "two.yaml"],
            expect: Expect::Err("cloze text has 2 blanks"),
        },
        Case {
            name: "empty strings",
            file: (
                "empty.yaml",
                deck_with("- {id: \"\", kind: qa, question: \"\", answer: \" \"}\n"),
            ),
            args: &["check", "empty.yaml"],
            expect: Expect::Err("has no `id`"),
        },
        Case {
            name: "a deck with errors refused by quiz",
            file: ("decks/bad.yaml", deck_with("- {id: a, kind: qa, question: Q?}\n")),
            args: &["quiz", "--plain"],
            expect: Expect::Err("decks/bad.yaml:4:3: card \"a\" has an empty `answer`"),
        },
        // Articles, through `generate --stdout`.
        Case {
            name: "empty article",
            file: ("empty.txt", Vec::new()),
            args: &["generate", "--stdout", "empty.txt"],
            expect: Expect::Err("empty.txt: file is empty"),
        },
        Case {
            name: "whitespace only",
            file: ("blank.txt", b" \n\t\r\n  ".to_vec()),
            args: &["generate", "--stdout", "blank.txt"],
            expect: Expect::Err("blank.txt: file is empty"),
        },
        Case {
            name: "binary (NUL bytes)",
            file: ("nul.txt", b"FAQ\n\x00\x00\x00".to_vec()),
            args: &["generate", "--stdout", "nul.txt"],
            expect: Expect::Err("nul.txt: file looks binary"),
        },
        Case {
            name: "invalid UTF-8",
            file: ("bad.txt", b"FAQ \xff\xfe\xfd\n".to_vec()),
            args: &["generate", "--stdout", "bad.txt"],
            expect: Expect::Err("bad.txt: invalid UTF-8 at byte offset 4"),
        },
        Case {
            name: "UTF-16 with BOM",
            file: ("utf16.txt", utf16),
            args: &["generate", "--stdout", "utf16.txt"],
            expect: Expect::Ok,
        },
        Case {
            name: "CRLF line endings",
            file: ("crlf.txt", seed.replace('\n', "\r\n").into_bytes()),
            args: &["generate", "--stdout", "crlf.txt"],
            expect: Expect::Ok,
        },
        Case {
            name: "lone CR line endings",
            file: ("cr.txt", seed.replace('\n', "\r").into_bytes()),
            args: &["generate", "--stdout", "cr.txt"],
            expect: Expect::Ok,
        },
        Case {
            name: "50,000 questions",
            file: ("huge.txt", article_of(50_000)),
            args: &["generate", "--stdout", "huge.txt"],
            expect: Expect::Ok,
        },
        Case {
            name: "a 2 MB sentence",
            file: ("long.txt", {
                let mut s = String::from("Long FAQ\n\n1. What is long?\n\nThis ");
                s.push_str(&"very ".repeat(400_000));
                s.push_str("long sentence ends here.\n");
                s.into_bytes()
            }),
            args: &["generate", "--stdout", "long.txt"],
            expect: Expect::Ok,
        },
    ]
}

#[test]
fn hostile_inputs_get_a_clear_error_or_a_safe_result() {
    let env = TestEnv::new();
    let mut table = Vec::new();
    for case in cases() {
        env.write(case.file.0, &case.file.1);
        let started = std::time::Instant::now();
        let out = env
            .cmd()
            .args(case.args)
            .timeout(Duration::from_secs(300))
            .output()
            .unwrap();
        let took = started.elapsed();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        match case.expect {
            Expect::Ok => assert!(out.status.success(), "{}: {stderr}", case.name),
            Expect::Err(text) => {
                assert_eq!(out.status.code(), Some(1), "{}: {stderr}", case.name);
                let shown = format!("{stderr}{}", String::from_utf8_lossy(&out.stdout));
                assert!(shown.contains(text), "{}: wanted {text:?} in {shown}", case.name);
                assert!(shown.contains(case.file.0), "{}: names the file: {shown}", case.name);
            }
        }
        let first = stderr.lines().next().map_or_else(
            || format!("exit 0, {} bytes of output", out.stdout.len()),
            str::to_string,
        );
        table.push(format!(
            "{:<36} exit {} in {:>5.1} s  {}",
            case.name,
            out.status.code().unwrap_or(-1),
            took.as_secs_f64(),
            first.chars().take(100).collect::<String>()
        ));
        std::fs::remove_file(env.path(case.file.0)).unwrap();
    }
    eprintln!("{}", table.join("\n"));
}

/// Peak memory of `generate` on a 4 MB article stays under 50 times its
/// size (measured: about 36 times, linear in the input; see README).
#[test]
fn generation_memory_is_bounded_by_the_input() {
    let env = TestEnv::new();
    let words = [
        "water", "cycle", "ocean", "river", "cloud", "rain", "vapour", "energy", "ground", "storm",
    ];
    let mut text = String::from("Big Water FAQ\n\nAbout the water cycle.\n\n");
    let mut i = 0usize;
    while text.len() < 4 << 20 {
        i += 1;
        text.push_str(&format!("{i}. What does the {} do in step {i}?\n\n", words[i % 10]));
        for k in 0..3 {
            let sentence: Vec<&str> = (0..18).map(|j| words[(i * 7 + j * 3 + k) % 10]).collect();
            text.push_str(&format!("The {} in {}.\n", sentence.join(" "), 1900 + (i + k) % 100));
        }
        text.push('\n');
    }
    let size = text.len() as u64;
    env.write("big.txt", &text);
    let peak_kb = peak_rss_kb(&env, &["generate", "--stdout", "big.txt"]);
    assert!(peak_kb > 0, "the peak was read");
    let ratio = (peak_kb * 1024) as f64 / size as f64;
    eprintln!(
        "peak RSS {} MB for a {:.1} MB article: {ratio:.0} times",
        peak_kb / 1024,
        size as f64 / 1e6
    );
    assert!(ratio < 50.0, "peak RSS {peak_kb} kB is {ratio:.0} times the article");
}

/// Peak memory of `check` (parsing and validating) on a deck of 100k cards
/// stays under 50 times the file's size.
#[test]
fn deck_loading_memory_is_bounded_by_the_input() {
    let env = TestEnv::new();
    let deck = many_cards(100_000);
    let size = deck.len() as u64;
    env.write("many.yaml", &deck);
    let peak_kb = peak_rss_kb(&env, &["check", "many.yaml"]);
    let ratio = (peak_kb * 1024) as f64 / size as f64;
    eprintln!(
        "peak RSS {} MB for a {:.1} MB deck: {ratio:.0} times",
        peak_kb / 1024,
        size as f64 / 1e6
    );
    assert!(ratio < 50.0, "peak RSS {peak_kb} kB is {ratio:.0} times the deck");
}

/// Runs quizdeck to completion (it must succeed) and returns its peak
/// resident memory (VmHWM), read from /proc until the process is gone.
fn peak_rss_kb(env: &TestEnv, args: &[&str]) -> u64 {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("quizdeck"))
        .current_dir(env.dir.path())
        .env_clear()
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    while child.try_wait().unwrap().is_none() {
        if let Ok(s) = std::fs::read_to_string(&status)
            && let Some(kb) = s
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(child.wait().unwrap().success(), "{args:?}");
    peak_kb
}
