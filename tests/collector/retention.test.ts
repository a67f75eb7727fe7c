// @vitest-environment node
// Retention and `touchpoint-collector purge` against a real SQLite file.
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../src/collector/db'
import { runPurge } from '../../src/collector/purge-command'
import { keepDays, openPurger } from '../../src/collector/retention'
import { answer, FIXTURE_NOW, startCollector, stopCollectors, tempDir } from './fixtures'

let tmp: ReturnType<typeof tempDir>
afterEach(async () => {
  await stopCollectors()
  tmp?.remove()
})

/** A database file holding one answer on each of these days. */
function fileWith(days: string[]) {
  tmp = tempDir()
  const store = openStore(tmp.dbPath)
  const stored = days.map((day) => answer({ at: `${day}T12:00:00.000Z` }))
  store.insert(stored)
  store.close()
  const left = () => {
    const reader = openStore(tmp.dbPath)
    const ats = reader.list().map((r) => r.at.slice(0, 10))
    reader.close()
    return ats
  }
  return { dbPath: tmp.dbPath, ids: stored.map((a) => a.id), left }
}

describe('touchpoint-collector purge', () => {
  it('deletes the answers given before a date', () => {
    const db = fileWith(['2025-12-31', '2026-01-01', '2026-03-01'])
    const lines: string[] = []
    expect(runPurge(['--before', '2026-01-01'], { DB_PATH: db.dbPath }, (line) => lines.push(line))).toBe(0)
    expect(lines).toEqual([`purged 1 answers given before 2026-01-01T00:00:00.000Z from ${db.dbPath}`])
    expect(db.left()).toEqual(['2026-01-01', '2026-03-01'])
  })

  it('deletes answers by id', () => {
    const db = fileWith(['2026-01-01', '2026-01-02', '2026-01-03'])
    const lines: string[] = []
    expect(runPurge(['--id', db.ids[0], '--id', db.ids[2]], { DB_PATH: db.dbPath }, (line) => lines.push(line))).toBe(0)
    expect(lines).toEqual([`purged 2 of 2 answers by id from ${db.dbPath}`])
    expect(db.left()).toEqual(['2026-01-02'])
  })

  it.each([
    [[], /say what to purge/],
    [['--before', 'last year'], /--before must be a date like 2026-01-01, not "last year"/],
    [['--id', 'abc'], /--id must be an answer's uuid, not "abc"/],
    [['--all'], /Unknown option '--all'/],
  ])('explains wrong arguments %j with exit code 2 and deletes nothing', (args, message) => {
    const db = fileWith(['2026-01-01'])
    const lines: string[] = []
    expect(runPurge(args, { DB_PATH: db.dbPath }, (line) => lines.push(line))).toBe(2)
    expect(lines.join('\n')).toMatch(message)
    expect(lines.join('\n')).toContain('usage: touchpoint-collector purge')
    expect(db.left()).toEqual(['2026-01-01'])
  })

  it('says so when the database file is not there, instead of creating one', () => {
    tmp = tempDir()
    const lines: string[] = []
    expect(runPurge(['--before', '2026-01-01'], { DB_PATH: `${tmp.dir}/missing.db` }, (line) => lines.push(line))).toBe(1)
    expect(lines[0]).toMatch(/^cannot open .*missing\.db/)
  })
})

describe('retention', () => {
  it('keeps only the last RETENTION_DAYS days, at once and then on every sweep', () => {
    const db = fileWith(['2025-11-30', '2026-06-01', '2026-11-30'])
    let now = FIXTURE_NOW
    const logs: string[] = []
    const purger = openPurger(db.dbPath)
    const stop = keepDays(purger, 365, (m) => logs.push(m), 60_000, () => now)
    expect(db.left()).toEqual(['2026-06-01', '2026-11-30'])
    expect(logs).toEqual(['retention: deleted 1 answers older than 365 days'])
    stop()
    now += 200 * 86_400_000
    keepDays(purger, 365, (m) => logs.push(m), 60_000, () => now)()
    expect(db.left()).toEqual(['2026-11-30'])
    purger.close()
  })

  it('deletes answers past the retention period when the collector starts', async () => {
    const db = fileWith(['2026-10-01', '2026-11-25'])
    await startCollector({ dbPath: db.dbPath, retentionDays: 30 })
    expect(db.left()).toEqual(['2026-11-25'])
  })
})
