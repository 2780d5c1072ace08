//! `quizdeck db check` and `quizdeck db backup`: for users who want to see
//! that their history is sound, and to keep a copy of it.

use std::io::Write;

use anyhow::{Result, bail};

use super::study;
use crate::cli::{DbCommand, Global, SchedArgs};
use crate::store::{SCHEMA_VERSION, Store};

/// Exit status 0 (`true`) when the database is sound.
pub fn run(global: &Global, cmd: &DbCommand, out: &mut dyn Write) -> Result<bool> {
    let ctx = study::context(global, &SchedArgs::default(), None, None)?;
    let shown = ctx.db_path.display().to_string();
    if !ctx.db_path.exists() {
        bail!("{shown}: no database yet (a session creates it)");
    }
    let store = Store::open(&ctx.db_path)?;
    match cmd {
        DbCommand::Check => {
            let result = store.integrity_check()?;
            let version = store.schema_version()?;
            if result == "ok" {
                writeln!(
                    out,
                    "{shown}: ok (schema {version} of {SCHEMA_VERSION}, {} answers on record)",
                    store.review_count()?
                )?;
                Ok(true)
            } else {
                for line in result.lines() {
                    writeln!(out, "{shown}: {line}")?;
                }
                writeln!(
                    out,
                    "the database is damaged; restore a backup (quizdeck db backup makes them) or move it aside"
                )?;
                Ok(false)
            }
        }
        DbCommand::Backup { file, force } => {
            if file.exists() {
                if !force {
                    bail!("{}: already exists; choose another name, or --force", file.display());
                }
                std::fs::remove_file(file).map_err(|e| anyhow::anyhow!("{}: cannot replace ({e})", file.display()))?;
            }
            store.backup(file)?;
            writeln!(out, "backed up {shown} to {}", file.display())?;
            Ok(true)
        }
    }
}
