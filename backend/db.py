"""The database: declared unbound, bound in the app factory, migrated by numbered steps."""
from peewee import SqliteDatabase

from . import private

database = SqliteDatabase(None)

PRAGMAS = {
    "journal_mode": "wal",    # readers never block the writer
    "foreign_keys": 1,        # follow-ups go with their interview
    "synchronous": "normal",  # durable across process crashes in WAL mode
    "busy_timeout": 5000,     # the pair command and the server share the file
}

# Each step moves the schema one version on. Steps are frozen once released: a later change is
# a new step, so a database made by any earlier version migrates without losing a row.
# Which group an interview row counts in (by its columns, in SQL; `{r}` is the row's name).
KIND = ("(CASE WHEN {r}.outcome IS NOT NULL THEN 'closed' WHEN {r}.reply_on IS NOT NULL "
        "THEN 'replied' ELSE {r}.next_action END)")

MIGRATIONS = {
    1: [
        """CREATE TABLE interview (
            id INTEGER PRIMARY KEY,
            company TEXT NOT NULL,
            position TEXT NOT NULL,
            interview_date DATE NOT NULL,
            interviewer_name TEXT,
            interviewer_email TEXT,
            timeline TEXT,
            decision_date DATE,
            decision_source TEXT,
            timeline_parsed INTEGER,
            country TEXT,
            notes TEXT,
            reply_on DATE,
            outcome TEXT,
            next_action TEXT,
            next_earliest DATE,
            next_latest DATE,
            next_reason TEXT,
            due_from DATE,
            created_at DATETIME NOT NULL,
            updated_at DATETIME NOT NULL)""",
        "CREATE INDEX interview_due_from ON interview (due_from)",
        "CREATE INDEX interview_next ON interview (next_action, next_earliest)",
        "CREATE INDEX interview_email ON interview (lower(interviewer_email))",
        """CREATE TABLE follow_up (
            id INTEGER PRIMARY KEY,
            interview_id INTEGER NOT NULL REFERENCES interview (id) ON DELETE CASCADE,
            sent_on DATE NOT NULL,
            created_at DATETIME NOT NULL)""",
        "CREATE INDEX follow_up_interview ON follow_up (interview_id, sent_on)",
        """CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT, signature TEXT, country TEXT, weekly_goal INTEGER)""",
        """CREATE TABLE token (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            created_at DATETIME NOT NULL,
            last_used_at DATETIME)""",
        """CREATE TABLE pairing_code (
            id INTEGER PRIMARY KEY,
            code_hash TEXT NOT NULL,
            expires_at REAL NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            used INTEGER NOT NULL DEFAULT 0)""",
    ],
    2: [
        # Replays of writes the extension retried after a lost answer (Idempotency-Key).
        """CREATE TABLE idempotent_request (
            key TEXT PRIMARY KEY,
            route TEXT NOT NULL,
            status INTEGER NOT NULL,
            body TEXT NOT NULL,
            created_at DATETIME NOT NULL)""",
        # The waiting-period advice: applications sent this week against the weekly goal.
        """CREATE TABLE application (
            id INTEGER PRIMARY KEY,
            applied_on DATE NOT NULL,
            company TEXT,
            created_at DATETIME NOT NULL)""",
        "CREATE INDEX application_applied_on ON application (applied_on)",
    ],
    3: [
        # The user's own e-mail templates, one per built-in template name (docs/templates.md).
        """CREATE TABLE user_template (
            name TEXT PRIMARY KEY,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            updated_at DATETIME NOT NULL)""",
    ],
    4: [
        # A retry must repeat the request: the same key with another body is refused (409).
        # Rows written before this step have no hash and replay as before.
        "ALTER TABLE idempotent_request ADD COLUMN request_hash TEXT",
        "CREATE INDEX idempotent_request_created_at ON idempotent_request (created_at)",
    ],
    5: [
        # Lists answer a page at a cost that does not grow with old interviews: how many are
        # closed, replied or waiting on each action is kept by triggers, so counting the groups
        # reads a few rows, and the indexes below reach only the interviews still live.
        "CREATE TABLE interview_tally (kind TEXT PRIMARY KEY, n INTEGER NOT NULL)",
        """INSERT INTO interview_tally (kind, n) VALUES ('closed', 0), ('replied', 0),
            ('first_follow_up', 0), ('second_follow_up', 0), ('move_on', 0)""",
        f"""UPDATE interview_tally SET n = (SELECT count(*) FROM interview
            WHERE {KIND.format(r="interview")} = interview_tally.kind)""",
        f"""CREATE TRIGGER interview_tally_insert AFTER INSERT ON interview BEGIN
            UPDATE interview_tally SET n = n + 1 WHERE kind = {KIND.format(r="NEW")}; END""",
        f"""CREATE TRIGGER interview_tally_delete AFTER DELETE ON interview BEGIN
            UPDATE interview_tally SET n = n - 1 WHERE kind = {KIND.format(r="OLD")}; END""",
        f"""CREATE TRIGGER interview_tally_update
            AFTER UPDATE OF outcome, reply_on, next_action ON interview BEGIN
            UPDATE interview_tally SET n = n - 1 WHERE kind = {KIND.format(r="OLD")};
            UPDATE interview_tally SET n = n + 1 WHERE kind = {KIND.format(r="NEW")}; END""",
        # The due list in its order (id is the index's last key), and the count of those due
        # today, from the interviews waiting on a follow-up only.
        """CREATE INDEX interview_due_order ON interview (next_latest, next_earliest)
            WHERE due_from IS NOT NULL""",
        # Upcoming actions: those whose earliest day is still ahead.
        """CREATE INDEX interview_open_earliest ON interview (next_earliest, next_action)
            WHERE next_action IS NOT NULL""",
        # The All interviews page: ended interviews, newest first.
        "CREATE INDEX interview_date ON interview (interview_date, id)",
    ],
    6: [
        # An automatic reply's return day: the next follow-up, first or second, waits for it.
        "ALTER TABLE interview ADD COLUMN away_until DATE",
    ],
}

SCHEMA_VERSION = max(MIGRATIONS)
LARGEST_ID = 2**63 - 1  # SQLite's largest integer key: a larger id names no row


def writing():
    """A write transaction that takes the write lock at once.

    Writes here read before they write; a deferred transaction would fail with "database is
    locked" if another write committed in between, instead of waiting its turn.
    """
    return database.atomic("IMMEDIATE")


def schema_version() -> int:
    return database.execute_sql("PRAGMA user_version").fetchone()[0]


def migrate() -> int:
    """Bring the open database up to SCHEMA_VERSION, one atomic step at a time."""
    current = schema_version()
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"The database was written by a newer Follow-up Assistant (schema {current}); "
            f"this one knows schema {SCHEMA_VERSION}. Update the app."
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        with database.atomic():
            for statement in MIGRATIONS[version]:
                database.execute_sql(statement)
            database.execute_sql(f"PRAGMA user_version = {version}")
    return SCHEMA_VERSION


def open_database(path: str) -> None:
    """Bind the database to a file (private: private.py) and migrate it."""
    if path != ":memory:":
        private.protect_database(path)
    database.init(path, pragmas=PRAGMAS, check_same_thread=False)
    database.connect(reuse_if_open=True)
    try:
        migrate()
    finally:
        database.close()


def init_app(app) -> None:
    """Open and migrate the app's database; one connection per request."""
    open_database(app.config["DATABASE"])

    @app.before_request
    def connect():
        database.connect(reuse_if_open=True)

    @app.teardown_request
    def close(exc):
        if not database.is_closed():
            database.close()
