import Database from 'better-sqlite3'
import type { SurveyResponse } from '../../src/shared/types'

/**
 * Writes a SQLite file as the first collector did, before schema versions and displays: one
 * `responses` table holding `stored` (its comment and emotion left empty), and with `indexed`
 * that collector's index on `at`. For the tests that upgrade or copy such a file.
 *
 * @example
 * writeFirstSchemaFile(target.location, answer(), { indexed: true })
 */
export function writeFirstSchemaFile(path: string, stored: SurveyResponse, { indexed = false } = {}): void {
  const db = new Database(path)
  try {
    db.exec(`CREATE TABLE responses (id TEXT PRIMARY KEY, survey TEXT NOT NULL, kind TEXT NOT NULL, score INTEGER NOT NULL,
      comment TEXT, emotion TEXT, stage TEXT NOT NULL, touchpoint TEXT NOT NULL, url TEXT NOT NULL, locale TEXT NOT NULL,
      at TEXT NOT NULL, received_at TEXT NOT NULL, raw TEXT NOT NULL) WITHOUT ROWID`)
    if (indexed) db.exec('CREATE INDEX responses_at ON responses (at)')
    const { id, survey, kind, score, stage, touchpoint, url, locale, at } = stored
    const row = [id, survey, kind, score, null, null, stage, touchpoint, url, locale, at, at, JSON.stringify(stored)]
    db.prepare('INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...row)
  } finally {
    db.close()
  }
}
