//! Plain mode: the session as lines of text, for scripts, screen readers
//! and tests. Each card takes exactly two input lines: the response (flip:
//! any line reveals; type: the answer; choice: the option number), then the
//! rating (`1`-`4` or `again|hard|good|easy`; empty accepts the suggested
//! rating; `u` undoes the previous card; `q` quits). Invalid input asks
//! again with a one-line hint. End of input ends the session.

use std::io::{BufRead, Write};

use super::render;
use crate::schedule::Rating;
use crate::session::{Control, Feedback, Mode, Prompter, Response, View};

pub struct PlainPrompter<R, W> {
    input: R,
    out: W,
}

impl<R: BufRead, W: Write> PlainPrompter<R, W> {
    pub fn new(input: R, out: W) -> Self {
        PlainPrompter { input, out }
    }

    /// The next input line without its line ending; `None` at end of input
    /// (or when input cannot be read: the session then ends, saved).
    fn line(&mut self) -> Option<String> {
        let mut s = String::new();
        match self.input.read_line(&mut s) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(s.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    fn say(&mut self, line: &str) {
        // Output errors (a closed pipe) end nothing here: the next read
        // decides, and answers are saved regardless.
        let _ = writeln!(self.out, "{line}");
        let _ = self.out.flush();
    }

    pub fn into_output(self) -> W {
        self.out
    }
}

impl<R: BufRead, W: Write> Prompter for PlainPrompter<R, W> {
    fn ask(&mut self, view: &View<'_>) -> Control<Response> {
        self.say(&render::header(&view.header));
        self.say(&format!("Q: {}", render::prompt(view)));
        match view.mode {
            Mode::Flip => {
                self.say("(press Enter to show the answer)");
                match self.line() {
                    Some(_) => Control::Value(Response::Revealed),
                    None => Control::Quit,
                }
            }
            Mode::Type => {
                self.say("Your answer:");
                match self.line() {
                    Some(s) => Control::Value(Response::Typed(s)),
                    None => Control::Quit,
                }
            }
            Mode::Choice => {
                for o in render::options(view) {
                    self.say(&o);
                }
                let n = view.options.len();
                self.say(&format!("Choose 1-{n}:"));
                loop {
                    let Some(s) = self.line() else { return Control::Quit };
                    match s.trim().parse::<usize>() {
                        Ok(k) if (1..=n).contains(&k) => return Control::Value(Response::Chose(k - 1)),
                        _ => self.say(&format!("? enter a number from 1 to {n}")),
                    }
                }
            }
        }
    }

    fn rate(&mut self, view: &View<'_>, feedback: &Feedback, suggested: Option<Rating>) -> Control<Rating> {
        for line in render::feedback(view, feedback) {
            self.say(&line);
        }
        self.say(&render::rating_help(suggested));
        loop {
            let Some(s) = self.line() else { return Control::Quit };
            let t = s.trim();
            match t {
                "" => match suggested {
                    Some(r) => return Control::Value(r),
                    None => self.say("? rate the card: 1-4 or again, hard, good, easy"),
                },
                "u" | "U" => return Control::Undo,
                "q" | "Q" => return Control::Quit,
                _ => match Rating::parse(t) {
                    Some(r) => return Control::Value(r),
                    None => self.say("? enter 1-4, again/hard/good/easy, u to undo or q to quit"),
                },
            }
        }
    }

    fn undone(&mut self, _view: &View<'_>) {
        self.say("undone: the previous card comes again");
    }
}
