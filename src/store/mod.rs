//! Review history in SQLite: the only importer of rusqlite.
//!
//! Owns the schema (migrations on `PRAGMA user_version`, run at open, only
//! ever appended), the per-answer transactions and the queries other layers
//! need. It knows cards only by (deck title, card id) and never reads deck
//! files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::schedule::{CardState, Rating, State};
use crate::session::Review;
use crate::stats::{DayTally, DeckHistory, SessionRow};

/// Each entry upgrades the schema by one version. Never edit one that has
/// shipped: append a new one.
const MIGRATIONS: &[&str] = &[
    // 1: the first schema. Cards are keyed by deck title and card id, so
    // editing a card's text keeps its history; reviews are append-only.
    "CREATE TABLE cards (
        deck TEXT NOT NULL,
        id TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        stability REAL,
        difficulty REAL,
        step INTEGER NOT NULL,
        due INTEGER NOT NULL,
        last_review INTEGER,
        interval_days INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        suspended INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (deck, id)
    ) STRICT;
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        decks TEXT NOT NULL,
        answered INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        deck TEXT NOT NULL,
        card_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        time INTEGER NOT NULL,
        rating INTEGER NOT NULL,
        suggested INTEGER,
        mode TEXT NOT NULL,
        correct INTEGER,
        answer_ms INTEGER NOT NULL,
        practice INTEGER NOT NULL,
        state_before TEXT NOT NULL,
        state_after TEXT NOT NULL,
        stability_after REAL,
        difficulty_after REAL,
        interval_days INTEGER NOT NULL,
        due_after INTEGER NOT NULL,
        -- the card's full state before the answer, so undo can restore it
        prev_stability REAL,
        prev_difficulty REAL,
        prev_step INTEGER NOT NULL,
        prev_due INTEGER NOT NULL,
        prev_last_review INTEGER,
        prev_interval_days INTEGER NOT NULL,
        prev_reps INTEGER NOT NULL,
        prev_lapses INTEGER NOT NULL,
        session_id INTEGER
    ) STRICT;
    CREATE INDEX reviews_card ON reviews (deck, card_id, time);
    CREATE INDEX reviews_time ON reviews (time);
    CREATE INDEX cards_due ON cards (due);",
    // 2: parsed decks keyed by file, so start-up skips YAML that has not
    // changed. Not history: emptying it only costs one slower start.
    "CREATE TABLE deck_cache (
        path TEXT PRIMARY KEY,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        format TEXT NOT NULL,
        data BLOB NOT NULL
    ) STRICT;",
    // 3: answers tallied per deck and study day, updated with every answer
    // (see stats::DayTally), so statistics never read the whole review
    // log. Answers given before this table existed are counted in UTC
    // days that begin at 4 a.m.
    "CREATE TABLE daily (
        deck TEXT NOT NULL,
        day INTEGER NOT NULL,
        answers INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        time_ms INTEGER NOT NULL,
        new_cards INTEGER NOT NULL,
        young INTEGER NOT NULL,
        young_passed INTEGER NOT NULL,
        mature INTEGER NOT NULL,
        mature_passed INTEGER NOT NULL,
        PRIMARY KEY (deck, day)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX daily_day ON daily (day);
    CREATE TABLE daily_all (
        day INTEGER PRIMARY KEY,
        answers INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        time_ms INTEGER NOT NULL,
        new_cards INTEGER NOT NULL,
        young INTEGER NOT NULL,
        young_passed INTEGER NOT NULL,
        mature INTEGER NOT NULL,
        mature_passed INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE deck_totals (
        deck TEXT PRIMARY KEY,
        answers INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        time_ms INTEGER NOT NULL,
        new_cards INTEGER NOT NULL,
        young INTEGER NOT NULL,
        young_passed INTEGER NOT NULL,
        mature INTEGER NOT NULL,
        mature_passed INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    INSERT INTO daily
    SELECT deck, (time - 14400) / 86400, count(*), sum(coalesce(correct, rating > 1)), sum(answer_ms),
        sum(practice = 0 AND state_before = 'new'),
        sum(practice = 0 AND state_before = 'review' AND prev_interval_days < 21),
        sum(practice = 0 AND state_before = 'review' AND prev_interval_days < 21 AND rating > 1),
        sum(practice = 0 AND state_before = 'review' AND prev_interval_days >= 21),
        sum(practice = 0 AND state_before = 'review' AND prev_interval_days >= 21 AND rating > 1)
    FROM reviews GROUP BY 1, 2;
    INSERT INTO daily_all
    SELECT day, sum(answers), sum(correct), sum(time_ms), sum(new_cards), sum(young), sum(young_passed),
        sum(mature), sum(mature_passed)
    FROM daily GROUP BY day;
    INSERT INTO deck_totals
    SELECT deck, sum(answers), sum(correct), sum(time_ms), sum(new_cards), sum(young), sum(young_passed),
        sum(mature), sum(mature_passed)
    FROM daily GROUP BY deck;",
    // 4: personal FSRS parameters fitted by `quizdeck optimize`, for the
    // whole collection (scope '') or for one deck (its title).
    "CREATE TABLE parameters (
        scope TEXT PRIMARY KEY,
        parameters TEXT NOT NULL,
        log_loss REAL NOT NULL,
        rmse REAL NOT NULL,
        reviews INTEGER NOT NULL,
        fitted_at INTEGER NOT NULL
    ) STRICT;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: database is from a newer quizdeck (schema {found}, this build knows {known}); upgrade quizdeck, or use another --db"
    )]
    Newer { path: String, found: i64, known: i64 },
    #[error(
        "{path}: not a quizdeck database, or corrupt ({detail}); move it aside or use another --db; it was not changed"
    )]
    Corrupt { path: String, detail: String },
    #[error("{path}: cannot write the database ({detail}); check its permissions and those of its directory")]
    ReadOnly { path: String, detail: String },
    #[error("{path}: the database stayed locked by another program; try again when it finishes")]
    Locked { path: String },
    #[error("{path}: {source}")]
    Sql {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// One answer in a card's review log.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRow {
    pub deck: String,
    pub time: i64,
    pub rating: Rating,
    pub mode: String,
    pub state_before: String,
    /// Interval scheduled by the answer, in days.
    pub interval_days: u32,
    pub stability: Option<f64>,
    pub practice: bool,
    pub answer_ms: i64,
}

pub struct Store {
    conn: Connection,
    path: String,
    session_id: Option<i64>,
}

/// A card's schedule from the nine columns `state, stability, difficulty,
/// step, due, last_review, interval_days, reps, lapses` starting at `at`.
fn card_state(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<CardState> {
    Ok(CardState {
        state: State::parse(r.get_ref(at)?.as_str()?).unwrap_or(State::New),
        stability: r.get(at + 1)?,
        difficulty: r.get(at + 2)?,
        step: r.get(at + 3)?,
        due: r.get(at + 4)?,
        last_review: r.get(at + 5)?,
        interval_days: r.get(at + 6)?,
        reps: r.get(at + 7)?,
        lapses: r.get(at + 8)?,
    })
}

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to
    /// date. Never modifies a database it does not recognise.
    pub fn open(path: &Path) -> Result<Store> {
        // A second session on the same database waits for the first's
        // short write transactions instead of failing.
        Store::open_waiting(path, Duration::from_secs(30))
    }

    /// `open`, waiting at most `busy` for another program's lock.
    pub fn open_waiting(path: &Path, busy: Duration) -> Result<Store> {
        let shown = path.display().to_string();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| StoreError::ReadOnly {
                path: shown.clone(),
                detail: e.to_string(),
            })?;
        }
        if !path.exists() {
            create(path, &shown)?;
        }
        // quizdeck never leaves an empty database file (see `create`), so
        // an empty file is history lost to a crash or a bad copy: refused,
        // not filled with a fresh schema.
        if std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == 0) {
            return Err(StoreError::Corrupt {
                path: shown,
                detail: "the file is empty (0 bytes); restore a backup, or delete it to start afresh".into(),
            });
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(&shown, e))?;
        let mut store = Store {
            conn,
            path: shown,
            session_id: None,
        };
        store.conn.busy_timeout(busy).map_err(store.err())?;
        store.setup()?;
        Ok(store)
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory().map_err(|e| classify(":memory:", e))?;
        let mut store = Store {
            conn,
            path: ":memory:".into(),
            session_id: None,
        };
        store.setup()?;
        Ok(store)
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    fn err(&self) -> impl Fn(rusqlite::Error) -> StoreError + '_ {
        move |e| classify(&self.path, e)
    }

    fn setup(&mut self) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        if path != ":memory:" {
            self.conn
                .pragma_update_and_check(None, "journal_mode", "wal", |r| r.get::<_, String>(0))
                .map_err(e)?;
        }
        self.conn.pragma_update(None, "synchronous", "NORMAL").map_err(e)?;
        // Checkpoints copy the log back into the database, a few ms that
        // should not fall between two cards: rare during a session (every
        // 32 MB of log, thousands of answers) and done when it ends.
        self.conn.pragma_update(None, "wal_autocheckpoint", 8192).map_err(e)?;
        // Check and migrate in one write transaction, so two processes
        // opening a new database at once cannot both migrate it.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(e)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::Newer {
                path,
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        if version == 0 {
            // A database with tables but no version is not ours.
            let tables: i64 = tx
                .query_row("SELECT count(*) FROM sqlite_schema WHERE type = 'table'", [], |r| {
                    r.get(0)
                })
                .map_err(e)?;
            if tables > 0 {
                return Err(StoreError::Corrupt {
                    path,
                    detail: "it has tables but no quizdeck schema version".into(),
                });
            }
        }
        for sql in MIGRATIONS.iter().skip(version as usize) {
            tx.execute_batch(sql).map_err(e)?;
        }
        if version < SCHEMA_VERSION {
            tx.pragma_update(None, "user_version", SCHEMA_VERSION).map_err(e)?;
        }
        tx.commit().map_err(e)?;
        Ok(())
    }

    /// Scheduling state and suspension of every stored card of one deck.
    pub fn card_states(&self, deck: &str) -> Result<Vec<(String, CardState, bool)>> {
        let mut out = Vec::new();
        self.for_each_card_state(&[deck], |_, id, state, suspended| {
            out.push((id.to_string(), state, suspended));
        })?;
        Ok(out)
    }

    /// Calls `visit(deck, id, state, suspended)` for every stored card of
    /// `decks`. Start-up on a large collection reads every card's row, so
    /// rows are borrowed, not copied, and many decks are read in one scan
    /// of the table rather than one lookup each.
    pub fn for_each_card_state(
        &self,
        decks: &[&str],
        mut visit: impl FnMut(&str, &str, CardState, bool),
    ) -> Result<()> {
        const COLUMNS: &str =
            "deck, id, state, stability, difficulty, step, due, last_review, interval_days, reps, lapses, suspended";
        let mut each = |r: &rusqlite::Row<'_>| -> rusqlite::Result<()> {
            let deck = r.get_ref(0)?.as_str()?;
            let id = r.get_ref(1)?.as_str()?;
            visit(deck, id, card_state(r, 2)?, r.get::<_, i64>(11)? != 0);
            Ok(())
        };
        if decks.len() <= 16 {
            let mut stmt = self
                .conn
                .prepare_cached(&format!("SELECT {COLUMNS} FROM cards WHERE deck = ?1"))
                .map_err(self.err())?;
            for deck in decks {
                let mut rows = stmt.query([deck]).map_err(self.err())?;
                while let Some(r) = rows.next().map_err(self.err())? {
                    each(r).map_err(self.err())?;
                }
            }
        } else {
            let wanted: rustc_hash::FxHashSet<&str> = decks.iter().copied().collect();
            let mut stmt = self
                .conn
                .prepare_cached(&format!("SELECT {COLUMNS} FROM cards"))
                .map_err(self.err())?;
            let mut rows = stmt.query([]).map_err(self.err())?;
            while let Some(r) = rows.next().map_err(self.err())? {
                if wanted.contains(r.get_ref(0).and_then(|v| Ok(v.as_str()?)).map_err(self.err())?) {
                    each(r).map_err(self.err())?;
                }
            }
        }
        Ok(())
    }

    /// Calls `visit(path, size, mtime_ns, data)` for every cached deck
    /// written in `format`. The data is borrowed from the row.
    pub fn for_each_cached_deck(&self, format: &str, mut visit: impl FnMut(&str, i64, i64, &[u8])) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT path, size, mtime_ns, data FROM deck_cache WHERE format = ?1")
            .map_err(self.err())?;
        let mut rows = stmt.query([format]).map_err(self.err())?;
        while let Some(r) = rows.next().map_err(self.err())? {
            let row = (|| -> rusqlite::Result<()> {
                visit(r.get_ref(0)?.as_str()?, r.get(1)?, r.get(2)?, r.get_ref(3)?.as_blob()?);
                Ok(())
            })();
            row.map_err(self.err())?;
        }
        Ok(())
    }

    /// Replaces the cache entries of `entries` (path, size, mtime_ns,
    /// data) and drops those of `gone` paths, in one transaction.
    pub fn cache_decks(
        &mut self,
        format: &str,
        entries: &[(String, i64, i64, Vec<u8>)],
        gone: &[String],
    ) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(e)?;
        {
            let mut put = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO deck_cache (path, size, mtime_ns, format, data) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(e)?;
            for (p, size, mtime, data) in entries {
                put.execute(params![p, size, mtime, format, data]).map_err(e)?;
            }
            let mut drop = tx.prepare_cached("DELETE FROM deck_cache WHERE path = ?1").map_err(e)?;
            for p in gone {
                drop.execute([p]).map_err(e)?;
            }
        }
        tx.commit().map_err(e)?;
        self.checkpoint();
        Ok(())
    }

    /// Every path with a cache entry.
    pub fn cached_paths(&self) -> Result<Vec<String>> {
        self.strings("SELECT path FROM deck_cache")
    }

    /// The first column of every row of `sql`, as text.
    fn strings(&self, sql: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(self.err())?;
        let rows = stmt.query_map([], |r| r.get(0)).map_err(self.err())?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.err())
    }

    /// New cards first seen and review-state answers given on the study
    /// day that starts at `day_start`.
    pub fn studied_since(&self, day_start: i64) -> Result<(usize, usize)> {
        self.conn
            .query_row(
                "SELECT count(*) FILTER (WHERE state_before = 'new'),
                        count(*) FILTER (WHERE state_before = 'review')
                 FROM reviews WHERE time >= ?1 AND practice = 0",
                [day_start],
                |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
            )
            .map_err(self.err())
    }

    /// Opens a session row; reviews recorded from now on point to it.
    pub fn begin_session(&mut self, start: i64, decks: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO sessions (start, end, decks, answered, correct) VALUES (?1, ?1, ?2, 0, 0)",
                params![start, decks],
            )
            .map_err(self.err())?;
        let id = self.conn.last_insert_rowid();
        self.session_id = Some(id);
        Ok(id)
    }

    pub fn end_session(&mut self, end: i64, decks: &str, answered: usize, correct: usize, detail: &str) -> Result<()> {
        if let Some(id) = self.session_id.take() {
            self.conn
                .execute(
                    "UPDATE sessions SET end = ?2, decks = ?3, answered = ?4, correct = ?5, detail = ?6 WHERE id = ?1",
                    params![id, end, decks, answered as i64, correct as i64, detail],
                )
                .map_err(self.err())?;
        }
        self.checkpoint();
        Ok(())
    }

    /// Records one answer and the card's new state in one transaction.
    pub fn record(&mut self, r: &Review) -> Result<i64> {
        let path = self.path.clone();
        let session = self.session_id;
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        let id = insert_review(&tx, r, session).map_err(e)?;
        add_daily(&tx, &r.deck, r.day, &DayTally::of(r)).map_err(e)?;
        if !r.practice {
            upsert_card(&tx, &r.deck, &r.card_id, r.kind, &r.after).map_err(e)?;
        }
        tx.commit().map_err(e)?;
        Ok(id)
    }

    /// Records many answers in one transaction (imports, benchmarks).
    pub fn record_many(&mut self, reviews: &[Review]) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        for r in reviews {
            insert_review(&tx, r, None).map_err(e)?;
            add_daily(&tx, &r.deck, r.day, &DayTally::of(r)).map_err(e)?;
            if !r.practice {
                upsert_card(&tx, &r.deck, &r.card_id, r.kind, &r.after).map_err(e)?;
            }
        }
        tx.commit().map_err(e)?;
        self.checkpoint();
        Ok(())
    }

    /// Copies the write-ahead log back into the database (best effort: a
    /// reader holding the log open only postpones it). Reads slow down as
    /// the log grows, so after a session or a bulk write.
    fn checkpoint(&self) {
        let _ = self.conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }

    /// Takes back a review: deletes it and restores the card's prior state.
    pub fn undo(&mut self, review_id: i64, r: &Review) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        tx.execute("DELETE FROM reviews WHERE id = ?1", [review_id])
            .map_err(e)?;
        add_daily(&tx, &r.deck, r.day, &DayTally::of(r).negated()).map_err(e)?;
        if !r.practice {
            if r.before.state == State::New && r.before.reps == 0 {
                tx.execute(
                    "DELETE FROM cards WHERE deck = ?1 AND id = ?2",
                    params![r.deck, r.card_id],
                )
                .map_err(e)?;
            } else {
                upsert_card(&tx, &r.deck, &r.card_id, r.kind, &r.before).map_err(e)?;
            }
        }
        tx.commit().map_err(e)?;
        Ok(())
    }

    /// Titles of every deck with answers on record, sorted.
    pub fn history_decks(&self) -> Result<Vec<String>> {
        self.strings("SELECT deck FROM deck_totals WHERE answers > 0 ORDER BY deck")
    }

    /// Each deck's answers: all time, the last 365, 30 and 7 study days up
    /// to `today`, and its current streak. Decks without answers are
    /// absent.
    pub fn deck_histories(&self, today: i64) -> Result<HashMap<String, DeckHistory>> {
        let e = self.err();
        let mut out: HashMap<String, DeckHistory> = HashMap::new();
        let sums = tally_sums();
        {
            let mut stmt = self
                .conn
                .prepare_cached(&format!("SELECT deck, {TALLY} FROM deck_totals"))
                .map_err(&e)?;
            let mut rows = stmt.query([]).map_err(&e)?;
            while let Some(r) = rows.next().map_err(&e)? {
                let h = out.entry(r.get(0).map_err(&e)?).or_default();
                h.all = tally_at(r, 1).map_err(&e)?;
                h.last365 = h.all;
            }
        }
        // The last 365 days are all time less what is older, or the sum of
        // what is newer: whichever reads fewer rows.
        let cut = today - 365;
        let (older, total): (i64, i64) = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM daily WHERE day <= ?1), (SELECT count(*) FROM daily)",
                [cut],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .map_err(&e)?;
        let from_older = older <= total - older;
        if !from_older {
            for h in out.values_mut() {
                h.last365 = DayTally::default();
            }
        }
        let sql = if from_older {
            format!("SELECT deck, {sums} FROM daily WHERE day <= ?1 GROUP BY deck")
        } else {
            format!("SELECT deck, {sums} FROM daily WHERE day > ?1 GROUP BY deck")
        };
        {
            let mut stmt = self.conn.prepare_cached(&sql).map_err(&e)?;
            let mut rows = stmt.query([cut]).map_err(&e)?;
            while let Some(r) = rows.next().map_err(&e)? {
                let t = tally_at(r, 1).map_err(&e)?;
                let h = out.entry(r.get(0).map_err(&e)?).or_default();
                if from_older {
                    h.last365.add(&t.negated());
                } else {
                    h.last365 = t;
                }
            }
        }
        let mut recent: Vec<String> = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(&format!(
                    "SELECT deck, day, {TALLY} FROM daily WHERE day > ?1 AND answers > 0"
                ))
                .map_err(&e)?;
            let mut rows = stmt.query([today - 30]).map_err(&e)?;
            while let Some(r) = rows.next().map_err(&e)? {
                let deck: String = r.get(0).map_err(&e)?;
                let day: i64 = r.get(1).map_err(&e)?;
                let t = tally_at(r, 2).map_err(&e)?;
                let h = out.entry(deck.clone()).or_default();
                h.last30.add(&t);
                if day > today - 7 {
                    h.last7.add(&t);
                }
                if day >= today - 1 {
                    recent.push(deck);
                }
            }
        }
        recent.sort();
        recent.dedup();
        // A streak is walked back day by day, only for decks studied today
        // or yesterday, and stops at the first gap.
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day FROM daily WHERE deck = ?1 AND day <= ?2 AND answers > 0 ORDER BY day DESC")
            .map_err(&e)?;
        for deck in recent {
            let mut rows = stmt.query(params![deck, today]).map_err(&e)?;
            let mut days = Vec::new();
            while let Some(r) = rows.next().map_err(&e)? {
                let day: i64 = r.get(0).map_err(&e)?;
                if days.last().is_some_and(|&prev: &i64| prev - 1 != day) {
                    break;
                }
                days.push(day);
            }
            if let Some(h) = out.get_mut(&deck) {
                h.streak_days = crate::stats::streaks(days, today).current_days;
            }
        }
        Ok(out)
    }

    /// Answers per study day, summed over `decks` (every deck for `None`).
    pub fn daily_totals(&self, decks: Option<&[String]>) -> Result<Vec<(i64, DayTally)>> {
        let e = self.err();
        let mut out = Vec::new();
        let mut each = |r: &rusqlite::Row<'_>| -> rusqlite::Result<()> {
            out.push((r.get(0)?, tally_at(r, 1)?));
            Ok(())
        };
        match decks {
            None => {
                let mut stmt = self
                    .conn
                    .prepare_cached(&format!("SELECT day, {TALLY} FROM daily_all WHERE answers > 0"))
                    .map_err(&e)?;
                let mut rows = stmt.query([]).map_err(&e)?;
                while let Some(r) = rows.next().map_err(&e)? {
                    each(r).map_err(&e)?;
                }
            }
            Some(decks) => {
                let mut stmt = self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT day, {} FROM daily WHERE deck IN (SELECT value FROM json_each(?1)) GROUP BY day",
                        tally_sums()
                    ))
                    .map_err(&e)?;
                let list = serde_json::to_string(decks).unwrap_or_else(|_| "[]".into());
                let mut rows = stmt.query([list]).map_err(&e)?;
                while let Some(r) = rows.next().map_err(&e)? {
                    each(r).map_err(&e)?;
                }
            }
        }
        Ok(out)
    }

    /// Sessions with at least one answer, newest first; with `decks`, those
    /// that answered from one of them.
    pub fn sessions(&self, limit: usize, decks: Option<&[String]>) -> Result<Vec<(SessionRow, String)>> {
        let e = self.err();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, decks, answered, correct, detail FROM sessions
                 WHERE answered > 0 ORDER BY start DESC, id DESC",
            )
            .map_err(&e)?;
        let mut rows = stmt.query([]).map_err(&e)?;
        let mut out = Vec::new();
        while out.len() < limit
            && let Some(r) = rows.next().map_err(&e)?
        {
            let names: String = r.get(2).map_err(&e)?;
            let row = SessionRow {
                start: r.get(0).map_err(&e)?,
                end: r.get(1).map_err(&e)?,
                decks: names.lines().map(str::to_string).collect(),
                answered: r.get(3).map_err(&e)?,
                correct: r.get(4).map_err(&e)?,
            };
            if decks.is_none_or(|want| row.decks.iter().any(|d| want.contains(d))) {
                out.push((row, r.get(5).map_err(&e)?));
            }
        }
        Ok(out)
    }

    /// Every answer to cards with this id, in any deck, oldest first.
    pub fn card_log(&self, id: &str) -> Result<Vec<LogRow>> {
        // `deck IN` lets the (deck, card_id, time) index serve a lookup by
        // card id alone: one seek per deck instead of a scan of the log.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT deck, time, rating, mode, state_before, interval_days, stability_after, practice, answer_ms
                 FROM reviews WHERE deck IN (SELECT deck FROM deck_totals) AND card_id = ?1
                 ORDER BY time, id",
            )
            .map_err(self.err())?;
        let rows = stmt
            .query_map([id], |r| {
                Ok(LogRow {
                    deck: r.get(0)?,
                    time: r.get(1)?,
                    rating: Rating::from_number(r.get(2)?).unwrap_or(Rating::Again),
                    mode: r.get(3)?,
                    state_before: r.get(4)?,
                    interval_days: r.get(5)?,
                    stability: r.get(6)?,
                    practice: r.get::<_, i64>(7)? != 0,
                    answer_ms: r.get(8)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.err())
    }

    /// Suspends or unsuspends cards `(deck, id, kind)` in one transaction.
    /// A card never answered gets a row of its own to hold the flag, and
    /// loses it again when unsuspended.
    pub fn set_suspended(&mut self, cards: &[(&str, &str, &str)], suspended: bool) -> Result<()> {
        let path = self.path.clone();
        let e = |err| classify(&path, err);
        let tx = self.conn.transaction().map_err(e)?;
        {
            let mut set = tx
                .prepare_cached(
                    "INSERT INTO cards (deck, id, kind, state, step, due, interval_days, reps, lapses, suspended)
                     VALUES (?1, ?2, ?3, 'new', 0, 0, 0, 0, 0, ?4)
                     ON CONFLICT (deck, id) DO UPDATE SET suspended = excluded.suspended",
                )
                .map_err(e)?;
            let mut forget = tx
                .prepare_cached("DELETE FROM cards WHERE deck = ?1 AND id = ?2 AND state = 'new' AND reps = 0")
                .map_err(e)?;
            for (deck, id, kind) in cards {
                set.execute(params![deck, id, kind, suspended]).map_err(e)?;
                if !suspended {
                    forget.execute(params![deck, id]).map_err(e)?;
                }
            }
        }
        tx.commit().map_err(e)
    }

    /// Fitted parameters by scope ('' for the collection, else a deck
    /// title). Rows that do not parse are left out.
    pub fn parameters(&self) -> Result<Vec<(String, Vec<f32>)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT scope, parameters FROM parameters ORDER BY scope")
            .map_err(self.err())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(self.err())?;
        let mut out = Vec::new();
        for row in rows {
            let (scope, text) = row.map_err(self.err())?;
            if let Ok(p) = serde_json::from_str::<Vec<f32>>(&text) {
                out.push((scope, p));
            }
        }
        Ok(out)
    }

    pub fn set_parameters(
        &mut self,
        scope: &str,
        parameters: &[f32],
        eval: (f64, f64),
        reviews: usize,
        at: i64,
    ) -> Result<()> {
        let text = serde_json::to_string(parameters).unwrap_or_else(|_| "[]".into());
        self.conn
            .execute(
                "INSERT OR REPLACE INTO parameters (scope, parameters, log_loss, rmse, reviews, fitted_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![scope, text, eval.0, eval.1, reviews as i64, at],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Calls `visit(deck, card_id, time, rating, was_new)` for every answer
    /// that changed a schedule (practice left out), in the order given.
    pub fn for_each_answer(&self, mut visit: impl FnMut(&str, &str, i64, Rating, bool)) -> Result<()> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT deck, card_id, time, rating, state_before = 'new' FROM reviews WHERE practice = 0 ORDER BY id",
            )
            .map_err(self.err())?;
        let mut rows = stmt.query([]).map_err(self.err())?;
        while let Some(r) = rows.next().map_err(self.err())? {
            let row = (|| -> rusqlite::Result<()> {
                let rating = Rating::from_number(r.get(3)?).unwrap_or(Rating::Again);
                visit(
                    r.get_ref(0)?.as_str()?,
                    r.get_ref(1)?.as_str()?,
                    r.get(2)?,
                    rating,
                    r.get(4)?,
                );
                Ok(())
            })();
            row.map_err(self.err())?;
        }
        Ok(())
    }

    /// The earliest due time among unsuspended cards of these decks.
    pub fn next_due(&self, decks: &[String]) -> Result<Option<i64>> {
        let mut best: Option<i64> = None;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT min(due) FROM cards WHERE deck = ?1 AND suspended = 0 AND state != 'new'")
            .map_err(self.err())?;
        for d in decks {
            let due: Option<i64> = stmt
                .query_row([d], |r| r.get(0))
                .optional()
                .map_err(self.err())?
                .flatten();
            if let Some(due) = due {
                best = Some(best.map_or(due, |b: i64| b.min(due)));
            }
        }
        Ok(best)
    }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    /// A consistent copy of the database at `dest` (SQLite's online
    /// backup: other sessions may keep writing meanwhile). `dest` must not
    /// exist; the copy is written next to it and renamed into place.
    pub fn backup(&self, dest: &Path) -> Result<()> {
        let shown = dest.display().to_string();
        let dir = dest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let tmp = dir.join(format!(
            ".{}.partial",
            dest.file_name()
                .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned())
        ));
        let _ = std::fs::remove_file(&tmp);
        self.conn
            .backup(rusqlite::MAIN_DB, &tmp, None)
            .map_err(|e| classify(&shown, e))?;
        std::fs::rename(&tmp, dest).map_err(|e| StoreError::ReadOnly {
            path: shown,
            detail: e.to_string(),
        })
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(self.err())
    }

    /// Problems SQLite finds in the file (`["ok"]` when there are none).
    pub fn integrity_check(&self) -> Result<String> {
        self.conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(self.err())
    }

    pub fn review_count(&self) -> Result<i64> {
        self.conn
            .query_row("SELECT count(*) FROM reviews", [], |r| r.get(0))
            .map_err(self.err())
    }
}

fn insert_review(tx: &Transaction<'_>, r: &Review, session: Option<i64>) -> rusqlite::Result<i64> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO reviews (deck, card_id, kind, time, rating, suggested, mode, correct, answer_ms, practice,
            state_before, state_after, stability_after, difficulty_after, interval_days, due_after,
            prev_stability, prev_difficulty, prev_step, prev_due, prev_last_review, prev_interval_days, prev_reps, prev_lapses,
            session_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25)",
    )?;
    stmt.execute(params![
        r.deck,
        r.card_id,
        r.kind,
        r.time,
        r.rating.number(),
        r.suggested.map(Rating::number),
        r.mode.name(),
        r.correct,
        r.answer_ms,
        r.practice,
        r.before.state.name(),
        r.after.state.name(),
        r.after.stability,
        r.after.difficulty,
        r.after.interval_days,
        r.after.due,
        r.before.stability,
        r.before.difficulty,
        r.before.step,
        r.before.due,
        r.before.last_review,
        r.before.interval_days,
        r.before.reps,
        r.before.lapses,
        session,
    ])?;
    Ok(tx.last_insert_rowid())
}

/// The tally columns, in `DayTally` field order.
const TALLY: &str = "answers, correct, time_ms, new_cards, young, young_passed, mature, mature_passed";

fn tally_at(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<DayTally> {
    Ok(DayTally {
        answers: r.get(at)?,
        correct: r.get(at + 1)?,
        time_ms: r.get(at + 2)?,
        new_cards: r.get(at + 3)?,
        young: r.get(at + 4)?,
        young_passed: r.get(at + 5)?,
        mature: r.get(at + 6)?,
        mature_passed: r.get(at + 7)?,
    })
}

/// `sum(answers), sum(correct), ...`
fn tally_sums() -> String {
    TALLY
        .split(", ")
        .map(|c| format!("sum({c})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The tables an answer's tally is added to, by their key columns: by
/// deck and day, by day over all decks, by deck over all time.
const TALLY_TABLES: [(&str, &[&str]); 3] = [
    ("daily", &["deck", "day"]),
    ("daily_all", &["day"]),
    ("deck_totals", &["deck"]),
];

/// Per table: the upsert adding a tally, and the delete dropping a row an
/// undo emptied. Built once: they run with every answer.
static TALLY_SQL: std::sync::LazyLock<Vec<(String, String)>> = std::sync::LazyLock::new(|| {
    let columns: Vec<&str> = TALLY.split(", ").collect();
    let set = columns
        .iter()
        .map(|c| format!("{c} = {c} + excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    TALLY_TABLES
        .iter()
        .map(|(table, keys)| {
            let n = keys.len() + columns.len();
            let values = (1..=n).map(|k| format!("?{k}")).collect::<Vec<_>>().join(", ");
            let keys_list = keys.join(", ");
            let upsert = format!(
                "INSERT INTO {table} ({keys_list}, {TALLY}) VALUES ({values}) ON CONFLICT ({keys_list}) DO UPDATE SET {set}"
            );
            let matches = keys
                .iter()
                .enumerate()
                .map(|(k, key)| format!("{key} = ?{}", k + 1))
                .collect::<Vec<_>>()
                .join(" AND ");
            let delete = format!("DELETE FROM {table} WHERE {matches} AND answers <= 0");
            (upsert, delete)
        })
        .collect()
});

/// Adds one answer's tally (or, negated, takes it away) to its deck and
/// day, to the day over all decks and to the deck's total.
fn add_daily(tx: &Transaction<'_>, deck: &str, day: i64, t: &DayTally) -> rusqlite::Result<()> {
    let values = params![
        t.answers,
        t.correct,
        t.time_ms,
        t.new_cards,
        t.young,
        t.young_passed,
        t.mature,
        t.mature_passed
    ];
    for ((_, keys), (upsert, delete)) in TALLY_TABLES.iter().zip(TALLY_SQL.iter()) {
        let key_values: Vec<&dyn rusqlite::ToSql> = keys
            .iter()
            .map(|k| {
                if *k == "deck" {
                    &deck as &dyn rusqlite::ToSql
                } else {
                    &day
                }
            })
            .collect();
        let mut all = key_values.clone();
        all.extend_from_slice(values);
        tx.prepare_cached(upsert)?.execute(&*all)?;
        if t.answers < 0 {
            // An undo that empties a row leaves no trace of it.
            tx.prepare_cached(delete)?.execute(&*key_values)?;
        }
    }
    Ok(())
}

fn upsert_card(tx: &Transaction<'_>, deck: &str, id: &str, kind: &str, s: &CardState) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO cards (deck, id, kind, state, stability, difficulty, step, due, last_review, interval_days, reps, lapses)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (deck, id) DO UPDATE SET kind = excluded.kind, state = excluded.state, stability = excluded.stability,
            difficulty = excluded.difficulty, step = excluded.step, due = excluded.due, last_review = excluded.last_review,
            interval_days = excluded.interval_days, reps = excluded.reps, lapses = excluded.lapses",
    )?;
    stmt.execute(params![
        deck,
        id,
        kind,
        s.state.name(),
        s.stability,
        s.difficulty,
        s.step,
        s.due,
        s.last_review,
        s.interval_days,
        s.reps,
        s.lapses
    ])?;
    Ok(())
}

/// Turns SQLite's codes into messages that say what to do.
/// Creates the database at `path` with the current schema: built under a
/// temporary name and linked into place only if nothing is there yet, so
/// that no process ever sees a half-made (empty) database. When another
/// process wins the race, its database is used.
fn create(path: &Path, shown: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let read_only = |e: std::io::Error| StoreError::ReadOnly {
        path: shown.to_string(),
        detail: e.to_string(),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".quizdeck-new-")
        .suffix(".db")
        .tempfile_in(dir)
        .map_err(read_only)?;
    {
        let conn = Connection::open_with_flags(
            tmp.path(),
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(shown, e))?;
        let mut store = Store {
            conn,
            path: shown.to_string(),
            session_id: None,
        };
        store.setup()?;
    }
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(read_only(e.error)),
    }
}

fn classify(path: &str, e: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    if let rusqlite::Error::SqliteFailure(f, msg) = &e {
        let detail = msg.clone().unwrap_or_else(|| f.to_string());
        match f.code {
            ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt => {
                return StoreError::Corrupt {
                    path: path.into(),
                    detail,
                };
            }
            ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied => {
                return StoreError::ReadOnly {
                    path: path.into(),
                    detail,
                };
            }
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => return StoreError::Locked { path: path.into() },
            _ => {}
        }
    }
    StoreError::Sql {
        path: path.into(),
        source: e,
    }
}

/// Where the database lives by default.
pub fn default_path(data_dir: &Path) -> PathBuf {
    data_dir.join("progress.db")
}

#[cfg(test)]
mod tests;
