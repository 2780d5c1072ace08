//! The interactive terminal UI: the only importer of inquire. Esc or `q`
//! ends the session, Ctrl-C too (noted, so the command can exit 130), `u`
//! on the rating prompt undoes the previous answer.

use inquire::error::InquireError;
use inquire::{Select, Text};

use super::render;
use crate::schedule::Rating;
use crate::session::{Control, Feedback, Mode, Prompter, Response, View};

#[derive(Default)]
pub struct TerminalPrompter {
    /// Set when the user pressed Ctrl-C.
    pub interrupted: bool,
}

impl TerminalPrompter {
    fn stop<T>(&mut self, e: &InquireError) -> Control<T> {
        if matches!(e, InquireError::OperationInterrupted) {
            self.interrupted = true;
        }
        Control::Quit
    }
}

#[allow(clippy::print_stdout)]
fn say(line: &str) {
    println!("{line}");
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, view: &View<'_>) -> Control<Response> {
        say("");
        say(&render::header(&view.header));
        say(&render::prompt(view));
        match view.mode {
            Mode::Flip => match Text::new("Enter shows the answer (q quits):").prompt() {
                Ok(s) if s.trim() == "q" => Control::Quit,
                Ok(s) if s.trim() == "u" => Control::Undo,
                Ok(_) => Control::Value(Response::Revealed),
                Err(e) => self.stop(&e),
            },
            Mode::Type => match Text::new("Your answer:").prompt() {
                Ok(s) => Control::Value(Response::Typed(s)),
                Err(e) => self.stop(&e),
            },
            Mode::Choice => {
                let options: Vec<String> = render::options(view)
                    .into_iter()
                    .map(|o| o.trim().to_string())
                    .collect();
                match Select::new("Choose:", options).with_vim_mode(false).raw_prompt() {
                    Ok(choice) => Control::Value(Response::Chose(choice.index)),
                    Err(e) => self.stop(&e),
                }
            }
        }
    }

    fn rate(&mut self, view: &View<'_>, feedback: &Feedback, suggested: Option<Rating>) -> Control<Rating> {
        for line in render::feedback(view, feedback) {
            say(&line);
        }
        let mut prompt = Text::new("Rate:")
            .with_help_message("1 again · 2 hard · 3 good · 4 easy · u undo · q quit")
            .with_validator(|s: &str| {
                let t = s.trim();
                Ok(if t.is_empty() || t == "u" || t == "q" || Rating::parse(t).is_some() {
                    inquire::validator::Validation::Valid
                } else {
                    inquire::validator::Validation::Invalid("enter 1-4, u or q".into())
                })
            });
        let default = suggested.map(|r| r.number().to_string());
        if let Some(d) = &default {
            prompt = prompt.with_default(d);
        }
        loop {
            match prompt.clone().prompt() {
                Ok(s) => match s.trim() {
                    "u" => return Control::Undo,
                    "q" => return Control::Quit,
                    t => {
                        if let Some(r) = Rating::parse(t) {
                            return Control::Value(r);
                        }
                    }
                },
                Err(e) => return self.stop(&e),
            }
        }
    }

    fn undone(&mut self, _view: &View<'_>) {
        say(&render::warning("undone: the previous card comes again"));
    }
}
