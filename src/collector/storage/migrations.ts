/**
 * The database schema, one numbered step at a time, for both engines. A database records the
 * steps it has taken in `touchpoint_schema`; opening it applies the missing ones in order, and
 * a database that has taken a step this collector does not know refuses to open (an older
 * collector must not write to a table it no longer understands).
 *
 * Never edit a released step: add the next one.
 */
export interface Migration {
  version: number
  /** What the step is for, kept in `touchpoint_schema.description`. */
  description: string
  sqlite: string
  postgres: string
}

// Step 5 fills the daily counts from the rows and drops the step-4 indexes in the same SQL on
// both engines (only its CREATE TABLEs differ): one definition, so the two cannot drift apart.
const FILL_COUNTS_AND_DROP_STEP_4_INDEXES = `      INSERT INTO answer_counts SELECT substr(at, 1, 10), touchpoint, stage, survey, kind, score,
        CASE WHEN display IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM responses GROUP BY 1, 2, 3, 4, 5, 6, 7;
      INSERT INTO segment_counts SELECT substr(at, 1, 10), stage, kind, score, COALESCE(device, ''),
        COALESCE(visitor, ''), lower(substr(locale, 1, 2)), COUNT(*) FROM responses GROUP BY 1, 2, 3, 4, 5, 6, 7;
      INSERT INTO display_counts SELECT substr(at, 1, 10), touchpoint, stage, survey, kind, event, COUNT(*), MIN(at)
        FROM displays GROUP BY 1, 2, 3, 4, 5, 6;
      DROP INDEX IF EXISTS responses_survey_tally;
      DROP INDEX IF EXISTS responses_answered;
      DROP INDEX IF EXISTS responses_segments;`

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'answers keyed by id, the wire object kept whole in raw',
    // IF NOT EXISTS: a database made before versioning already has this table and index.
    sqlite: `
      CREATE TABLE IF NOT EXISTS responses (
        id TEXT PRIMARY KEY, survey TEXT NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL,
        comment TEXT, emotion TEXT, stage TEXT NOT NULL, touchpoint TEXT NOT NULL, url TEXT NOT NULL,
        locale TEXT NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL, raw TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS responses_at ON responses (at);`,
    // COLLATE "C": times and ids sort byte by byte, as in SQLite, whatever the server's locale.
    postgres: `
      CREATE TABLE IF NOT EXISTS responses (
        id TEXT COLLATE "C" PRIMARY KEY, survey TEXT NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL,
        comment TEXT, emotion TEXT, stage TEXT NOT NULL, touchpoint TEXT NOT NULL, url TEXT NOT NULL,
        locale TEXT NOT NULL, at TEXT COLLATE "C" NOT NULL, received_at TEXT NOT NULL, raw TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS responses_at ON responses (at, id);`,
  },
  {
    version: 2,
    description: 'indexes for the report computed in the database',
    // The report groups by these columns: the index holds everything the query reads, so the
    // table itself is never visited. Comments are few; their own index finds them by time.
    sqlite: `
      CREATE INDEX responses_tally ON responses (touchpoint, stage, kind, score, at);
      CREATE INDEX responses_comments ON responses (at) WHERE comment IS NOT NULL;
      CREATE INDEX responses_touchpoint_comments ON responses (touchpoint, at) WHERE comment IS NOT NULL;`,
    postgres: `
      CREATE INDEX responses_tally ON responses (touchpoint, stage, kind, score, at);
      CREATE INDEX responses_comments ON responses (at, id) WHERE comment IS NOT NULL;
      CREATE INDEX responses_touchpoint_comments ON responses (touchpoint, at) WHERE comment IS NOT NULL;`,
  },
  {
    version: 3,
    description: 'displays (surveys shown and dismissed); answers name their display, device and visitor',
    // The tally index covers displayCounts (grouped in its order, `at` for the range), so the
    // table is never visited; `displays_at` serves retention and purge. In PostgreSQL ids and
    // times sort byte by byte (COLLATE "C"), as in `responses`.
    sqlite: `
      ALTER TABLE responses ADD COLUMN display TEXT;
      ALTER TABLE responses ADD COLUMN device TEXT;
      ALTER TABLE responses ADD COLUMN visitor TEXT;
      CREATE TABLE displays (
        id TEXT PRIMARY KEY, event TEXT NOT NULL, survey TEXT NOT NULL, kind TEXT NOT NULL, stage TEXT NOT NULL,
        touchpoint TEXT NOT NULL, url TEXT NOT NULL, locale TEXT NOT NULL, at TEXT NOT NULL,
        device TEXT, visitor TEXT, received_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX displays_tally ON displays (touchpoint, stage, survey, kind, event, at);
      CREATE INDEX displays_at ON displays (at);`,
    postgres: `
      ALTER TABLE responses ADD COLUMN display TEXT, ADD COLUMN device TEXT, ADD COLUMN visitor TEXT;
      CREATE TABLE displays (
        id TEXT COLLATE "C" PRIMARY KEY, event TEXT NOT NULL, survey TEXT NOT NULL, kind TEXT NOT NULL, stage TEXT NOT NULL,
        touchpoint TEXT NOT NULL, url TEXT NOT NULL, locale TEXT NOT NULL, at TEXT COLLATE "C" NOT NULL,
        device TEXT, visitor TEXT, received_at TEXT NOT NULL
      );
      CREATE INDEX displays_tally ON displays (touchpoint, stage, survey, kind, event, at);
      CREATE INDEX displays_at ON displays (at, id);`,
  },
  {
    version: 4,
    description: 'indexes for the journey report: per survey, answered displays, segments',
    // Each report query finds everything it reads in one of these, so the table (with its raw
    // JSON) is never visited: per survey and score; answers that name a display (a partial
    // index, `display` in it so SQLite sees it covers the query); device, visitor and locale.
    // The trend (per day) is served by responses_tally, which already ends in `at`.
    sqlite: `
      CREATE INDEX responses_survey_tally ON responses (touchpoint, stage, survey, kind, score, at);
      CREATE INDEX responses_answered ON responses (touchpoint, stage, survey, at, display) WHERE display IS NOT NULL;
      CREATE INDEX responses_segments ON responses (stage, kind, score, device, visitor, locale, at);`,
    postgres: `
      CREATE INDEX responses_survey_tally ON responses (touchpoint, stage, survey, kind, score, at);
      CREATE INDEX responses_answered ON responses (touchpoint, stage, survey, at, display) WHERE display IS NOT NULL;
      CREATE INDEX responses_segments ON responses (stage, kind, score, device, visitor, locale, at);`,
  },
  {
    version: 5,
    description: 'daily counts kept at write time for the report (rollups), filled from the rows',
    // The report reads these instead of passing over every answer (storage/rollups.ts keeps
    // them in step). The step-4 indexes served only those passes: dropped, each cost every
    // insert a page (IF EXISTS: the benchmark runs this step again on a seeded database).
    // Filling reads every row once.
    sqlite: `
      CREATE TABLE answer_counts (
        day TEXT NOT NULL, touchpoint TEXT NOT NULL, stage TEXT NOT NULL, survey TEXT NOT NULL, kind TEXT NOT NULL,
        score INTEGER NOT NULL, displayed INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, touchpoint, stage, survey, kind, score, displayed)
      ) WITHOUT ROWID;
      CREATE TABLE segment_counts (
        day TEXT NOT NULL, stage TEXT NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL,
        device TEXT NOT NULL, visitor TEXT NOT NULL, language TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (day, stage, kind, score, device, visitor, language)
      ) WITHOUT ROWID;
      CREATE TABLE display_counts (
        day TEXT NOT NULL, touchpoint TEXT NOT NULL, stage TEXT NOT NULL, survey TEXT NOT NULL, kind TEXT NOT NULL,
        event TEXT NOT NULL, n INTEGER NOT NULL, first_at TEXT NOT NULL,
        PRIMARY KEY (day, touchpoint, stage, survey, kind, event)
      ) WITHOUT ROWID;
${FILL_COUNTS_AND_DROP_STEP_4_INDEXES}`,
    // Days sort byte by byte (COLLATE "C"), as the times they are cut from.
    postgres: `
      CREATE TABLE answer_counts (
        day TEXT COLLATE "C" NOT NULL, touchpoint TEXT NOT NULL, stage TEXT NOT NULL, survey TEXT NOT NULL,
        kind TEXT NOT NULL, score INTEGER NOT NULL, displayed INTEGER NOT NULL, n BIGINT NOT NULL,
        PRIMARY KEY (day, touchpoint, stage, survey, kind, score, displayed)
      );
      CREATE TABLE segment_counts (
        day TEXT COLLATE "C" NOT NULL, stage TEXT NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL,
        device TEXT NOT NULL, visitor TEXT NOT NULL, language TEXT NOT NULL, n BIGINT NOT NULL,
        PRIMARY KEY (day, stage, kind, score, device, visitor, language)
      );
      CREATE TABLE display_counts (
        day TEXT COLLATE "C" NOT NULL, touchpoint TEXT NOT NULL, stage TEXT NOT NULL, survey TEXT NOT NULL,
        kind TEXT NOT NULL, event TEXT NOT NULL, n BIGINT NOT NULL, first_at TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (day, touchpoint, stage, survey, kind, event)
      );
${FILL_COUNTS_AND_DROP_STEP_4_INDEXES}`,
  },
  {
    version: 6,
    description: 'comment indexes in the order the report reads them, non-blank comments only',
    // The report reads the newest non-blank comments (themes, the comment list) and the lowest
    // scored ones of a touchpoint (the weakest touchpoint's quotes), each with a LIMIT. The
    // step-2 indexes held every non-NULL comment, blank ones too, in (at) order: the blank test
    // had to visit the table row of each candidate, ids within a time were sorted apart, and
    // the lowest-scored quotes read every comment of the touchpoint to sort them. These hold
    // exactly the rows those queries want, in their ORDER BY (the WHERE and the score
    // expression are written as storage/queries.ts writes them, which is what lets each engine
    // use them), so a LIMIT of n reads n entries. They replace the step-2 comment indexes.
    // IF NOT EXISTS: the benchmark rewinds a seeded database to before step 5 and runs both again.
    sqlite: `
      CREATE INDEX IF NOT EXISTS responses_recent_comments ON responses (at DESC, id)
        WHERE comment IS NOT NULL AND trim(comment, ' ' || char(9, 10, 11, 12, 13)) <> '';
      CREATE INDEX IF NOT EXISTS responses_lowest_comments ON responses (touchpoint,
        (CASE kind WHEN 'nps' THEN score / 10.0 WHEN 'ces' THEN (score - 1) / 6.0 ELSE (score - 1) / 4.0 END), at DESC, id)
        WHERE comment IS NOT NULL AND trim(comment, ' ' || char(9, 10, 11, 12, 13)) <> '';
      DROP INDEX IF EXISTS responses_comments;
      DROP INDEX IF EXISTS responses_touchpoint_comments;`,
    postgres: `
      CREATE INDEX IF NOT EXISTS responses_recent_comments ON responses (at DESC, id)
        WHERE comment IS NOT NULL AND btrim(comment, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)) <> '';
      CREATE INDEX IF NOT EXISTS responses_lowest_comments ON responses (touchpoint,
        (CASE kind WHEN 'nps' THEN score / 10.0 WHEN 'ces' THEN (score - 1) / 6.0 ELSE (score - 1) / 4.0 END), at DESC, id)
        WHERE comment IS NOT NULL AND btrim(comment, ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)) <> '';
      DROP INDEX IF EXISTS responses_comments;
      DROP INDEX IF EXISTS responses_touchpoint_comments;`,
  },
]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

/** The database was made by a newer collector. */
export class SchemaTooNewError extends Error {
  readonly name = 'SchemaTooNewError'
  constructor(
    readonly found: number,
    readonly known: number = LATEST_VERSION,
  ) {
    super(
      `the database is at schema version ${found}, newer than this collector knows (${known}): ` +
        'run the newer touchpoint-survey collector against it, or point this one at another database',
    )
  }
}

/** Whether an error is a `SchemaTooNewError`. */
export const isSchemaTooNewError = (err: unknown): err is SchemaTooNewError =>
  err instanceof Error && err.name === 'SchemaTooNewError'

/** The steps a database at `current` still has to take; throws when it is ahead of us. */
export function pendingMigrations(current: number): Migration[] {
  if (current > LATEST_VERSION) throw new SchemaTooNewError(current)
  return MIGRATIONS.filter((m) => m.version > current)
}

export const SCHEMA_TABLE_SQL = `CREATE TABLE IF NOT EXISTS touchpoint_schema (
  version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)`
