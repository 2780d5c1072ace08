//! Orchestration: the only layer that combines the core with adapters,
//! touches files and writes to stdout/stderr.

pub mod cards;
pub mod check;
pub mod config;
pub mod db;
pub mod exchange;
pub mod generate;
pub mod history;
pub mod optimize;
pub mod quiz;
pub mod shell;
pub mod stats;
pub mod study;
pub mod suspend;

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Files named on the command line, with directories expanded (recursively,
/// sorted, hidden entries skipped) to the files with one of `exts`.
pub fn expand_inputs(inputs: &[PathBuf], exts: &[&str], what: &str) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in inputs {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        let meta = fs::metadata(p).with_context(|| format!("{}: cannot open", p.display()))?;
        if meta.is_dir() {
            let before = out.len();
            walk(p, exts, &mut out).with_context(|| format!("{}: cannot read directory", p.display()))?;
            if out.len() == before {
                bail!(
                    "{}: no {what} ({}) found in this directory",
                    p.display(),
                    exts.iter().map(|e| format!(".{e}")).collect::<Vec<_>>().join(", ")
                );
            }
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, exts: &[&str], out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        let ft = e.file_type()?;
        if ft.is_dir() {
            walk(&path, exts, out)?;
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| exts.iter().any(|e| e.eq_ignore_ascii_case(x)))
        {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads a file (or stdin for `-`) up to `max` bytes; larger input is an
/// error that says how to raise the limit.
pub fn read_limited(path: &Path, max: u64) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    let too_big = || {
        anyhow::anyhow!(
            "{}: larger than the {} byte limit (raise it with --max-size)",
            path.display(),
            max
        )
    };
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(max + 1)
            .read_to_end(&mut buf)
            .context("reading standard input")?;
    } else {
        let f = fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
        let meta = f
            .metadata()
            .with_context(|| format!("{}: cannot read", path.display()))?;
        if meta.is_dir() {
            bail!("{}: is a directory", path.display());
        }
        if meta.len() > max {
            return Err(too_big());
        }
        f.take(max + 1)
            .read_to_end(&mut buf)
            .with_context(|| format!("{}: cannot read", path.display()))?;
    }
    if buf.len() as u64 > max {
        return Err(too_big());
    }
    Ok(buf)
}

/// Writes through a temporary file in the same directory and renames it
/// over the target, so a reader (or a crash) never sees half a file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".quizdeck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))?;
    tmp.write_all(bytes)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    tmp.as_file()
        .sync_all()
        .with_context(|| format!("{}: cannot sync", path.display()))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot replace", path.display()))?;
    Ok(())
}
