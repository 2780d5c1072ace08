//! Progress bars for long work (generating many articles, importing,
//! fitting parameters): on stderr, and only when stderr is a terminal and
//! `--quiet` is not given, so pipes and logs never see them. The only
//! importer of indicatif.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Bar(ProgressBar);

impl Bar {
    /// A bar of `len` steps labelled `what`; hidden unless `visible`.
    pub fn new(len: u64, what: &str, visible: bool) -> Bar {
        let bar = if visible {
            ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr())
        } else {
            ProgressBar::hidden()
        };
        if let Ok(style) = ProgressStyle::with_template("{msg:>10} [{bar:30}] {pos}/{len} {eta}") {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(what.to_string());
        Bar(bar)
    }

    pub fn set(&self, done: u64, len: u64) {
        self.0.set_length(len);
        self.0.set_position(done);
    }

    pub fn inc(&self) {
        self.0.inc(1);
    }

    /// A line on stderr above the bar (or just a line when there is none).
    pub fn note(&self, line: &str) {
        if self.0.is_hidden() {
            #[allow(clippy::print_stderr)]
            {
                eprintln!("{line}");
            }
        } else {
            self.0.println(line);
        }
    }

    /// Removes the bar, so that what follows starts on a clean line.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}
