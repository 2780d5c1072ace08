//! Settings: the config file's form and the merge of flags, environment,
//! config file and defaults (in that order of precedence). Pure: the caller
//! reads the file.

use serde::Deserialize;

use crate::cli::SchedArgs;
use crate::schedule::{self, Settings};

/// The config file (YAML). Every key is optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub retention: Option<f64>,
    pub learning_steps: Option<String>,
    pub relearning_steps: Option<String>,
    pub max_interval: Option<u32>,
    pub fuzz: Option<bool>,
    pub rollover: Option<u8>,
    pub new_per_day: Option<usize>,
    pub max_reviews: Option<usize>,
}

/// Everything a study command needs to know.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub scheduler: Settings,
    pub rollover: u8,
    pub new_per_day: usize,
    pub max_reviews: usize,
}

/// Flags and environment (already merged by clap) over the config file
/// over the defaults.
pub fn resolve(
    args: &SchedArgs,
    new_per_day: Option<usize>,
    max_reviews: Option<usize>,
    file: &ConfigFile,
) -> Result<Resolved, String> {
    let defaults = Settings::default();
    let steps =
        |flag: &Option<String>, conf: &Option<String>, default: Vec<u32>, name: &str| -> Result<Vec<u32>, String> {
            match flag.as_ref().or(conf.as_ref()) {
                Some(s) => schedule::parse_steps(s).map_err(|e| format!("{name}: {e}")),
                None => Ok(default),
            }
        };
    let rollover = args.rollover.or(file.rollover).unwrap_or(4);
    if rollover > 23 {
        return Err(format!("rollover must be an hour from 0 to 23, not {rollover}"));
    }
    let retention = args.retention.or(file.retention).unwrap_or(defaults.desired_retention);
    if !(0.7..=0.99).contains(&retention) {
        return Err(format!("retention must be between 0.7 and 0.99, not {retention}"));
    }
    let max_interval = args
        .max_interval
        .or(file.max_interval)
        .unwrap_or(defaults.maximum_interval);
    if max_interval == 0 {
        return Err("max-interval must be at least 1 day".into());
    }
    Ok(Resolved {
        scheduler: Settings {
            desired_retention: retention,
            learning_steps: steps(
                &args.learning_steps,
                &file.learning_steps,
                defaults.learning_steps.clone(),
                "learning-steps",
            )?,
            relearning_steps: steps(
                &args.relearning_steps,
                &file.relearning_steps,
                defaults.relearning_steps.clone(),
                "relearning-steps",
            )?,
            maximum_interval: max_interval,
            fuzz: if args.no_fuzz {
                false
            } else {
                file.fuzz.unwrap_or(defaults.fuzz)
            },
        },
        rollover,
        new_per_day: new_per_day.or(file.new_per_day).unwrap_or(20),
        max_reviews: max_reviews.or(file.max_reviews).unwrap_or(200),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args() -> SchedArgs {
        SchedArgs {
            retention: None,
            learning_steps: None,
            relearning_steps: None,
            max_interval: None,
            no_fuzz: false,
            rollover: None,
        }
    }

    #[test]
    fn defaults_then_file_then_flags() {
        let d = resolve(&args(), None, None, &ConfigFile::default()).unwrap();
        assert_eq!(d.scheduler, Settings::default());
        assert_eq!((d.rollover, d.new_per_day, d.max_reviews), (4, 20, 200));
        let file = ConfigFile {
            retention: Some(0.85),
            learning_steps: Some("none".into()),
            fuzz: Some(false),
            new_per_day: Some(5),
            ..ConfigFile::default()
        };
        let f = resolve(&args(), None, None, &file).unwrap();
        assert_eq!(f.scheduler.desired_retention, 0.85);
        assert!(f.scheduler.learning_steps.is_empty());
        assert!(!f.scheduler.fuzz);
        assert_eq!(f.new_per_day, 5);
        let mut flags = args();
        flags.retention = Some(0.95);
        flags.learning_steps = Some("30s 2h".into());
        let g = resolve(&flags, Some(7), None, &file).unwrap();
        assert_eq!(g.scheduler.desired_retention, 0.95);
        assert_eq!(g.scheduler.learning_steps, vec![30, 7200]);
        assert_eq!(g.new_per_day, 7);
    }

    #[test]
    fn bad_values_are_named() {
        let mut a = args();
        a.retention = Some(1.5);
        assert!(
            resolve(&a, None, None, &ConfigFile::default())
                .unwrap_err()
                .contains("retention")
        );
        let mut a = args();
        a.learning_steps = Some("1x".into());
        assert!(
            resolve(&a, None, None, &ConfigFile::default())
                .unwrap_err()
                .contains("learning-steps")
        );
        let mut a = args();
        a.rollover = Some(24);
        assert!(resolve(&a, None, None, &ConfigFile::default()).is_err());
    }
}
