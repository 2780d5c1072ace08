//! Any bytes as plain-mode input to a session over one card of each mode:
//! no panic, and the summary agrees with what the journal kept.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quizdeck::deck::{Card, CardBody};
use quizdeck::extract::{Analyzers, Language};
use quizdeck::schedule::{CardState, DayClock, Scheduler, Schedulers, Settings};
use quizdeck::session::{FixedClock, Journal, Limits, ModeChoice, Review, Session, StudyCard, build_queue};
use quizdeck::ui::plain::PlainPrompter;
use rand::SeedableRng;
use rand::rngs::StdRng;

struct Memory(Vec<(i64, Review)>, i64);

impl Journal for Memory {
    type Error = String;
    fn record(&mut self, r: &Review) -> Result<i64, String> {
        self.1 += 1;
        self.0.push((self.1, r.clone()));
        Ok(self.1)
    }
    fn undo(&mut self, id: i64, _r: &Review) -> Result<(), String> {
        self.0.retain(|(i, _)| *i != id);
        Ok(())
    }
}

fn card(id: &str, body: CardBody) -> StudyCard {
    StudyCard {
        deck: "Fuzz".into(),
        language: Language::English,
        card: Card {
            id: id.into(),
            body,
            tags: vec![id.into()],
            line: None,
        },
        sched: CardState::new_card(),
        suspended: false,
    }
}

thread_local! {
    static ANALYZERS: Analyzers = {
        let mut analyzers = Analyzers::default();
        analyzers.get(Language::English);
        analyzers
    };
}

fuzz_target!(|data: &[u8]| {
    let cards = vec![
        card(
            "q",
            CardBody::Qa {
                question: "What is the capital of France?".into(),
                answer: "Paris is the capital.".into(),
                context: None,
                keypoints: vec!["Paris".into(), "capital".into()],
            },
        ),
        card(
            "c",
            CardBody::Cloze {
                text: "Water boils at {{100 degrees}} at sea level.".into(),
                accept: vec!["100".into()],
                distractors: vec!["90 degrees".into(), "80 degrees".into(), "120 degrees".into()],
            },
        ),
    ];
    let scheduler = Schedulers::new(Scheduler::new(Settings::default(), None).expect("default settings"));
    let clock = DayClock {
        utc_offset: 0,
        rollover_hour: 4,
    };
    let limits = Limits {
        new_per_day: 20,
        max_reviews: 200,
        new_today: 0,
        reviews_today: 0,
    };
    let queue = build_queue(&cards, &scheduler, &clock, 1_772_445_600, &limits, false);
    ANALYZERS.with(|an| {
        let mode = match data.first().map(|b| b % 4) {
            Some(1) => ModeChoice::Fixed(quizdeck::session::Mode::Flip),
            Some(2) => ModeChoice::Fixed(quizdeck::session::Mode::Type),
            Some(3) => ModeChoice::Fixed(quizdeck::session::Mode::Choice),
            _ => ModeChoice::Auto,
        };
        let mut session = Session {
            cards,
            scheduler: &scheduler,
            clock,
            analyzers: an,
            mode,
            cram: false,
            rng: StdRng::seed_from_u64(1),
        };
        let mut prompter = PlainPrompter::new(data.get(1..).unwrap_or_default(), std::io::sink());
        let mut journal = Memory(Vec::new(), 0);
        let mut time = FixedClock(1_772_445_600);
        let summary = session
            .run(queue, &mut prompter, &mut journal, &mut time)
            .expect("an in-memory journal never fails");
        assert_eq!(summary.total.answered, journal.0.len());
    });
});
