// Retention and `touchpoint-collector purge`, on both engines: a real SQLite file and a real
// PostgreSQL database.
import { afterEach, describe, expect, it } from 'vitest'
import { runPurge } from '../../src/collector/purge-command'
import { keepDays } from '../../src/collector/retention'
import { openStore, type StoredResponse } from '../../src/collector/storage'
import { ENGINES, freshDatabase, type Engine, type Target } from './engines'
import { answer, display, FIXTURE_NOW, startCollector, stopCollectors, tempDir } from './fixtures'

let targets: Target[] = []
let tmp: ReturnType<typeof tempDir> | undefined
afterEach(async () => {
  await stopCollectors()
  for (const target of targets) await target.remove()
  targets = []
  tmp?.remove()
  tmp = undefined
})

/** A database of its own holding one answer on each of these days, and `displaysPerDay` displays. */
async function databaseWith(engine: Engine, days: string[], displaysPerDay = 0) {
  const target = await freshDatabase(engine)
  targets.push(target)
  const store = openStore(target.options)
  const stored = days.map((day) => answer({ at: `${day}T12:00:00.000Z` }))
  await store.insert(stored)
  await store.insertDisplays(
    days.flatMap((day) => Array.from({ length: displaysPerDay }, () => display({ at: `${day}T11:59:00.000Z` }))),
  )
  await store.close()
  const left = async () => {
    const reader = openStore(target.options)
    const rows: StoredResponse[] = await reader.page({}, null, 1000)
    await reader.close()
    return rows.map((r) => r.at.slice(0, 10))
  }
  const displaysLeft = async () => {
    const reader = openStore(target.options)
    const counts = await reader.displayCounts({})
    await reader.close()
    return counts.reduce((sum, count) => sum + count.n, 0)
  }
  // What the purge command reads: DATABASE_URL wins over DB_PATH.
  const env =
    engine === 'sqlite'
      ? { DB_PATH: target.location }
      : { DATABASE_URL: target.location, DB_PATH: '/nonexistent/touchpoint.db' }
  const shown = engine === 'sqlite' ? target.location : target.location.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
  return { target, env, shown, ids: stored.map((a) => a.id), left, displaysLeft }
}

describe.each(ENGINES)('on %s', (engine) => {
  describe('touchpoint-collector purge', () => {
    it('deletes the answers and displays given before a date', async () => {
      const db = await databaseWith(engine, ['2025-12-31', '2026-01-01', '2026-03-01'], 2)
      const lines: string[] = []
      expect(await runPurge(['--before', '2026-01-01'], db.env, (line) => lines.push(line))).toBe(0)
      expect(lines).toEqual([
        `purged 1 answers given before 2026-01-01T00:00:00.000Z from ${db.shown}`,
        `purged 2 displays shown or dismissed before 2026-01-01T00:00:00.000Z from ${db.shown}`,
      ])
      expect(await db.left()).toEqual(['2026-01-01', '2026-03-01'])
      expect(await db.displaysLeft()).toBe(4)
    })

    it('deletes answers by id', async () => {
      const db = await databaseWith(engine, ['2026-01-01', '2026-01-02', '2026-01-03'])
      const lines: string[] = []
      expect(await runPurge(['--id', db.ids[0], '--id', db.ids[2]], db.env, (line) => lines.push(line))).toBe(0)
      expect(lines).toEqual([`purged 2 of 2 answers by id from ${db.shown}`])
      expect(await db.left()).toEqual(['2026-01-02'])
    })

    it.each([
      [[], /say what to purge/],
      [['--before', 'last year'], /--before must be a date like 2026-01-01, not "last year"/],
      [['--id', 'abc'], /--id must be an answer's uuid, not "abc"/],
      [['--all'], /Unknown option '--all'/],
    ])('explains wrong arguments %j with exit code 2 and deletes nothing', async (args, message) => {
      const db = await databaseWith(engine, ['2026-01-01'])
      const lines: string[] = []
      expect(await runPurge(args, db.env, (line) => lines.push(line))).toBe(2)
      expect(lines.join('\n')).toMatch(message)
      expect(lines.join('\n')).toContain('usage: touchpoint-collector purge')
      expect(await db.left()).toEqual(['2026-01-01'])
    })
  })

  describe('retention', () => {
    it('keeps only the last RETENTION_DAYS days, at once and then on every sweep', async () => {
      const db = await databaseWith(engine, ['2025-11-30', '2026-06-01', '2026-11-30'])
      let now = FIXTURE_NOW
      const logs: string[] = []
      const store = openStore(db.target.options)
      const stop = keepDays(
        store,
        365,
        (m) => logs.push(m),
        50,
        () => now,
      )
      try {
        await expect.poll(() => db.left(), { timeout: 10_000 }).toEqual(['2026-06-01', '2026-11-30'])
        await expect.poll(() => logs).toEqual(['retention: deleted 1 answers older than 365 days'])
        now += 200 * 86_400_000
        await expect.poll(() => db.left(), { timeout: 10_000 }).toEqual(['2026-11-30'])
      } finally {
        stop()
        await store.close()
      }
    })

    it('deletes answers and displays past the retention period when the collector starts', async () => {
      const db = await databaseWith(engine, ['2026-10-01', '2026-11-25'], 3)
      const { logs } = await startCollector({ ...db.target.options, retentionDays: 30 }, engine)
      await expect.poll(() => db.left(), { timeout: 10_000 }).toEqual(['2026-11-25'])
      await expect.poll(() => db.displaysLeft(), { timeout: 10_000 }).toBe(3)
      await expect.poll(() => logs).toContain('retention: deleted 1 answers older than 30 days')
      expect(logs).toContain('retention: deleted 3 displays older than 30 days')
    })
  })
})

describe('touchpoint-collector purge on SQLite', () => {
  it('says so when the database file is not there, instead of creating one', async () => {
    tmp = tempDir()
    const lines: string[] = []
    expect(
      await runPurge(['--before', '2026-01-01'], { DB_PATH: `${tmp.dir}/missing.db` }, (line) => lines.push(line)),
    ).toBe(1)
    expect(lines[0]).toMatch(/^cannot open .*missing\.db/)
  })
})
