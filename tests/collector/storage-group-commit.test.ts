// Group commit on the real engines: simultaneous requests share transactions, writes never
// wait behind the report's connections or its CPU, and SQLite's WAL is copied into the file
// beside the writer rather than inside its commits.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import type { ResponseStore } from '../../src/collector/storage'
import { openPostgresStore, READ_CONNECTIONS } from '../../src/collector/storage/postgres'
import { withClient } from './engines'
import { answer, answers, display } from './fixtures'
import { useDatabases } from './use-databases'

const { fresh } = useDatabases()

/** Forty requests of five answers each, sent at once, as a busy collector receives them. */
const simultaneous = (store: ResponseStore) =>
  Promise.all(Array.from({ length: 40 }, () => store.insert(answers('cart', 'csat', [1, 2, 3, 4, 5]))))

/**
 * How many commits a SQLite WAL file holds: a frame whose header carries the database size
 * ends a transaction; frames left from before the WAL restarted carry other salts.
 */
function walCommits(walPath: string): number {
  const wal = readFileSync(walPath)
  const pageSize = wal.readUInt32BE(8)
  let commits = 0
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize) {
    const current =
      wal.readUInt32BE(offset + 8) === wal.readUInt32BE(16) && wal.readUInt32BE(offset + 12) === wal.readUInt32BE(20)
    if (current && wal.readUInt32BE(offset + 4) !== 0) commits++
  }
  return commits
}

describe('group commit on SQLite', () => {
  it('writes simultaneous requests in a few transactions, not one each', async () => {
    const { store, target } = await fresh('sqlite')
    const results = await simultaneous(store)
    expect(results.every((result) => result.stored === 5)).toBe(true)
    // The first request may go alone while the rest gather behind its commit.
    expect(walCommits(`${target.location}-wal`)).toBeLessThanOrEqual(2)
  })

  it('copies committed pages into the database file while the writer goes on, long before the WAL reaches its backstop', async () => {
    const { store, target } = await fresh('sqlite')
    const schemaOnly = statSync(target.location).size
    // About 1,500 pages of WAL: more than SQLite's own 1,000-page threshold, far below the writer's 10,000.
    for (let round = 0; round < 6; round++)
      await store.insert(
        answers(
          'product',
          'nps',
          Array.from({ length: 500 }, (_, i) => i % 11),
        ),
      )
    await expect.poll(() => statSync(target.location).size, { timeout: 10_000 }).toBeGreaterThan(schemaOnly + 1_000_000)
    expect(await store.count()).toBe(3000)
  })
})

/** The nice value of each thread of this process (Linux), from /proc. */
const threadNiceValues = () =>
  readdirSync('/proc/self/task').map((thread) =>
    Number(readFileSync(`/proc/self/task/${thread}/stat`, 'utf8').split(') ')[1].split(' ')[16]),
  )

describe('the report on SQLite', () => {
  it('reads on a thread of lower CPU priority than the writer and the event loop', async () => {
    const before = threadNiceValues().filter((nice) => nice === 10).length
    const { store } = await fresh('sqlite')
    await store.count() // the reader has started
    const after = threadNiceValues()
    expect(after.filter((nice) => nice === 10).length).toBe(before + 1)
    expect(after.filter((nice) => nice === 0).length).toBeGreaterThan(2)
  })
})

describe('group commit on PostgreSQL', () => {
  it('writes simultaneous requests in a few transactions, not one each', async () => {
    const { store, target } = await fresh('postgres')
    const results = await simultaneous(store)
    expect(results.every((result) => result.stored === 5)).toBe(true)
    // xmin is the transaction that inserted a row.
    const transactions = await withClient(target.location, async (client) =>
      Number((await client.query('SELECT COUNT(DISTINCT xmin::text) AS n FROM responses')).rows[0].n),
    )
    expect(transactions).toBeLessThanOrEqual(2)
  })

  it('commits answers while every report connection is busy', async () => {
    const { store, target } = await fresh('postgres', (t) => openPostgresStore(t.location, { readConnections: 1 }))
    const old = answer({ at: '2026-01-01T00:00:00.000Z' })
    await store.insert([old])
    // Another session locks the old answer, so a purge (on the store's only read connection) waits for it.
    const blocker = new pg.Client(target.location)
    await blocker.connect()
    await blocker.query('BEGIN')
    await blocker.query('SELECT id FROM responses WHERE id = $1 FOR UPDATE', [old.id])
    const purge = store.purgeBefore(new Date('2026-02-01T00:00:00.000Z'))
    await expect.poll(() => waitingOnLock(target.location)).toBe(1)

    expect(await store.insert([answer()])).toEqual({ stored: 1, duplicates: 0 })

    await blocker.query('ROLLBACK')
    await blocker.end()
    expect(await purge).toBe(1)
  }, 15_000)
})

describe('report reads on PostgreSQL', () => {
  it(`hold at most ${READ_CONNECTIONS} connections, and answers are committed while they wait`, async () => {
    const { store, target } = await fresh('postgres')
    await store.insertDisplays([display()])
    // Another session locks the daily display counts, which every report reads and an
    // answers-only insert does not touch: report queries queue on the server, holding connections.
    const blocker = new pg.Client(target.location)
    await blocker.connect()
    await blocker.query('BEGIN')
    await blocker.query('LOCK TABLE display_counts IN ACCESS EXCLUSIVE MODE')
    const reports = Array.from({ length: READ_CONNECTIONS * 2 }, () => store.displayCounts({}))
    try {
      await expect.poll(() => waitingOnLock(target.location)).toBe(READ_CONNECTIONS)
      expect(await store.insert([answer()])).toEqual({ stored: 1, duplicates: 0 })
      // Still only as many as the read pool holds: the rest wait in the collector, not on the server.
      expect(await waitingOnLock(target.location)).toBe(READ_CONNECTIONS)
    } finally {
      await blocker.query('ROLLBACK')
      await blocker.end()
    }
    expect((await Promise.all(reports)).every((counts) => counts[0].n === 1)).toBe(true)
  }, 15_000)
})

/** How many sessions of this database wait for a lock. */
const waitingOnLock = (url: string) =>
  withClient(url, async (client) =>
    Number(
      (
        await client.query(
          "SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
      ).rows[0].n,
    ),
  )
