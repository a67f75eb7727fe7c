// The report is built and rendered on a thread of its own (report-thread.ts), with its own
// database connection: the collector's event loop only checks the request and writes the
// body back. Against both engines, over real HTTP.
import pg from 'pg'
import { isMainThread, threadId as mainThreadId } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { reportFromStore } from '../../src/collector/report'
import type { ResponseStore } from '../../src/collector/storage'
import { ENGINES, withClient } from './engines'
import { answer, asReader, batch, startCollector, stopCollectors } from './fixtures'

afterEach(stopCollectors)

/** Counts every read the collector's own store serves (the report thread has a connection of its own). */
function countReads(store: ResponseStore) {
  const reads = { count: 0 }
  for (const name of ['tally', 'displayCounts', 'comments', 'scoreCounts', 'page'] as const) {
    const read = store[name].bind(store) as (...args: unknown[]) => Promise<unknown>
    ;(store as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      reads.count++
      return read(...args)
    }
  }
  return reads
}

const WORDS = ['shipping fee', 'phí ship', 'slow delivery', 'size chart', 'checkout form', 'coupon code', 'giao hàng']

describe.each(ENGINES)('the report thread on %s', (engine) => {
  it('builds every view on its own thread and connection, the same report as the store gives', async () => {
    const { url, post, collector } = await startCollector({}, engine)
    expect((await post(batch([answer({ comment: 'slow delivery' }), answer({ score: 2 })]))).status).toBe(200)
    const reads = countReads(collector.store)
    const get = (path: string) => fetch(url + path, { headers: asReader })
    const [json, html, csv] = await Promise.all([get('/api/report'), get('/report?lang=vi'), get('/report.csv')])
    expect([json.status, html.status, csv.status]).toEqual([200, 200, 200])
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await html.text()).toContain('<html lang="vi"')
    expect((await csv.text()).split('\r\n')[0]).toContain('scope')
    // Not one read went through the main thread's store, and a thread other than this one answered.
    expect(reads.count).toBe(0)
    expect(isMainThread).toBe(true)
    expect(collector.reports.threadId).toEqual(expect.any(Number))
    expect(collector.reports.threadId).not.toBe(mainThreadId)
    // The same report, to the byte, as built here from the collector's own store.
    expect(await json.json()).toEqual(JSON.parse(JSON.stringify(await reportFromStore(collector.store, {}))))
  })

  it('answers 503 with the reason when the thread stops mid-build, and starts a new one for the next request', async () => {
    const { url, post, collector } = await startCollector({}, engine)
    expect((await post(batch([answer()]))).status).toBe(200)
    let arrived = 0
    collector.server.on('request', () => arrived++)
    const get = (path: string) => fetch(url + path, { headers: asReader })
    // The first request starts the thread; it is stopped while that request waits for it.
    const first = get('/api/report')
    await expect.poll(() => arrived).toBe(1)
    await new Promise((resolve) => setImmediate(resolve))
    await collector.reports.terminate()
    const failed = await first
    expect(failed.status).toBe(503)
    expect((await failed.json()).error).toMatch(
      /^the report is unavailable: the report thread stopped \(exit code \d+\)$/,
    )

    const second = await get('/api/report')
    expect(second.status).toBe(200)
    expect((await second.json()).total).toBe(1)
    const restarted = collector.reports.threadId
    // A thread that stops between requests is replaced as well; collection never noticed.
    await collector.reports.terminate()
    expect((await post(batch([answer()]))).status).toBe(200)
    const third = await get('/report')
    expect(third.status).toBe(200)
    expect(collector.reports.threadId).not.toBe(restarted)
  })

  it('answers POSTs while a report is being built', async () => {
    const { url, post, collector, location } = await startCollector({ rateLimit: null, answerLimit: null }, engine)
    // 2,000 long comments: the themes and the comment filter have work to do.
    const comments = Array.from({ length: 2000 }, (_, index) =>
      answer({
        score: (index % 5) + 1,
        comment: Array.from({ length: 40 }, (_, word) => WORDS[(index + word) % WORDS.length]).join(' ') + ` #${index}`,
        at: new Date(Date.parse('2026-11-20T10:00:00.000Z') - index * 60_000).toISOString(),
      }),
    )
    for (let start = 0; start < comments.length; start += 500) {
      await collector.store.insertBatch({ responses: comments.slice(start, start + 500), displays: [] })
    }
    // Warm: the thread is running, so what follows is a build, not the thread's start.
    expect((await fetch(url + '/api/report', { headers: asReader })).status).toBe(200)
    const finished: string[] = []
    const hold = engine === 'postgres' ? await holdDisplayCounts(location) : null
    let arrived = 0
    collector.server.on('request', () => arrived++)
    const building = fetch(url + '/report', { headers: asReader }).then((res) => finished.push(`report ${res.status}`))
    // The POST leaves only once the report request is being handled (on PostgreSQL: held in the server).
    await expect.poll(() => arrived).toBe(1)
    if (hold) await hold.waiting()
    const posting = post(batch([answer()])).then((res) => finished.push(`POST ${res.status}`))
    await posting
    await hold?.release()
    await building
    expect(finished).toEqual(['POST 200', 'report 200'])
  }, 60_000)
})

/**
 * On PostgreSQL the build is held for certain: a transaction of the test locks the daily
 * display counts (which only the report reads, not a POST of answers), so the report's query
 * waits in the server, seen in pg_stat_activity, until `release()`.
 */
async function holdDisplayCounts(databaseUrl: string) {
  const locker = new pg.Client(databaseUrl)
  await locker.connect()
  await locker.query('BEGIN')
  await locker.query('LOCK TABLE display_counts IN ACCESS EXCLUSIVE MODE')
  return {
    waiting: () =>
      expect
        .poll(() =>
          withClient(databaseUrl, async (client) => {
            const { rows } = await client.query(
              `SELECT count(*)::int AS n FROM pg_stat_activity
               WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%display_counts%'`,
            )
            return rows[0].n as number
          }),
        )
        .toBeGreaterThan(0),
    release: async () => {
      await locker.query('COMMIT')
      await locker.end()
    },
  }
}
