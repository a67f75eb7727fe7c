// @vitest-environment node
// POST /collect against a collector on the open internet: real HTTP on loopback; what reaches
// the store is checked on both engines (a real SQLite file and a real PostgreSQL database).
import Database from 'better-sqlite3'
import { statSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { ENGINES, withClient, type Engine } from './engines'
import {
  answer,
  answers,
  asReader,
  batch,
  postHead,
  rawHttp,
  startCollector as startOn,
  stopCollectors,
} from './fixtures'

afterEach(stopCollectors)

/** Every stored `raw`, read from the database itself rather than through the collector. */
async function rawOf(engine: Engine, location: string): Promise<string[]> {
  if (engine === 'postgres')
    return withClient(location, async (client) =>
      (await client.query('SELECT raw FROM responses')).rows.map((row) => row.raw as string),
    )
  const db = new Database(location, { readonly: true })
  const rows = db.prepare('SELECT raw FROM responses').pluck().all() as string[]
  db.close()
  return rows
}

describe.each(ENGINES)('on %s', (engine) => {
  const startCollector = (options: Parameters<typeof startOn>[0] = {}) => startOn(options, engine)

  describe('a stored answer is immutable', () => {
    it('keeps NPS at +100 when someone re-posts the same ids as detractors', async () => {
      const { post, report } = await startCollector()
      const promoters = answers('confirmation', 'nps', [10, 10, 9])
      await post(batch(promoters))
      const res = await post(batch(promoters.map((a) => ({ ...a, score: 0, comment: 'rewritten' }))))
      expect(await res.json()).toEqual({ ok: true, stored: 0, duplicates: 3, displays: { stored: 0, duplicates: 0 } })
      expect((await report()).overall.nps).toMatchObject({ n: 3, score: 100 })
    })

    it('keeps a CSAT average on its 1–5 scale when an id comes back as an NPS 10 with a comment', async () => {
      const { post, report } = await startCollector()
      const csat = answer({ kind: 'csat', score: 4 })
      await post(batch([csat]))
      await post(batch([{ ...csat, kind: 'nps', survey: 'nps', score: 10, comment: 'x' }]))
      expect((await report()).overall.csat).toMatchObject({ n: 1, avg: 4 })
      expect((await report()).overall.nps.n).toBe(0)
    })

    it('adds the comment of a copy identical in everything else', async () => {
      const { post, url } = await startCollector()
      const draft = answer({ kind: 'csat', score: 2, comment: null })
      await post(batch([draft]))
      await post(batch([{ ...draft, comment: 'the size chart was wrong' }]))
      const csv = await (await fetch(`${url}/answers.csv`, { headers: asReader })).text()
      expect(csv).toContain('the size chart was wrong')
    })

    it('compares copies after cleaning: unknown fields do not block the comment, and it is stored masked', async () => {
      const { post, url, location } = await startCollector()
      const draft = answer({ kind: 'csat', score: 2, comment: null })
      await post(batch([{ ...draft, tracking: 'draft-beacon' }]))
      await post(batch([{ ...draft, tracking: 'final', comment: 'write to lan.nguyen@gmail.com' }]))
      const csv = await (await fetch(`${url}/answers.csv`, { headers: asReader })).text()
      expect(csv).toContain('write to [email]')
      expect((await rawOf(engine, location)).map((raw) => JSON.parse(raw))).toEqual([
        { ...draft, comment: 'write to [email]' },
      ])
    })
  })

  describe('what is stored', () => {
    it('masks e-mail addresses and phone numbers from any sender before storing', async () => {
      const { post, url, location } = await startCollector()
      await post(batch([answer({ comment: 'ship to lan.nguyen@gmail.com, call 0912 345 678' })]))
      const csv = await (await fetch(`${url}/answers.csv`, { headers: asReader })).text()
      expect(csv).toContain('ship to [email], call [phone]')
      expect((await rawOf(engine, location)).join()).not.toMatch(/gmail|0912/)
    })

    it('stores no unknown extra field, however large', async () => {
      const { post, location } = await startCollector()
      const plain = answer()
      const res = await post(batch([{ ...plain, padding: 'x'.repeat(900_000) }]))
      expect(res.status).toBe(200)
      expect((await rawOf(engine, location)).map((raw) => JSON.parse(raw))).toEqual([plain])
      if (engine === 'sqlite') expect(statSync(location).size + statSync(`${location}-wal`).size).toBeLessThan(200_000)
    })

    it('stores the valid sibling of an answer with a deeply nested extra field, with a 2xx', async () => {
      const { post, report } = await startCollector()
      const depth = 100_000
      const nested = JSON.stringify(batch([answer(), answer()])).replace(
        /}\]}$/,
        `,"deep":${'['.repeat(depth)}${']'.repeat(depth)}}]}`,
      )
      const res = await post(nested)
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ ok: true, stored: 2, duplicates: 0, displays: { stored: 0, duplicates: 0 } })
      expect((await report()).total).toBe(2)
    })

    it('refuses an answer dated far in the future or the past with 422 and a reason, storing its sibling', async () => {
      const { post, report } = await startCollector()
      const res = await post(
        batch([answer(), answer({ at: '2027-06-01T00:00:00.000Z' }), answer({ at: '2020-01-01T00:00:00.000Z' })]),
      )
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual({
        error: 'invalid responses',
        reasons: [
          "responses[1].at is more than 24 hours ahead of the collector's clock",
          'responses[2].at is more than 90 days old',
        ],
        stored: 1,
        duplicates: 0,
        displays: { stored: 0, duplicates: 0 },
      })
      expect((await report()).total).toBe(1)
    })
  })

  describe('limits per client', () => {
    it('answers 429 once a client has sent its answers for the minute, without slowing other clients', async () => {
      const { post, report } = await startCollector({ answerLimit: { perMinute: 10 }, trustProxy: 1 })
      const from = (ip: string) => ({ 'X-Forwarded-For': ip })
      expect(
        (await post(batch(answers('product', 'csat', [1, 2, 3, 4, 5, 1, 2, 3])), from('203.0.113.7'))).status,
      ).toBe(200)
      const limited = await post(batch(answers('product', 'csat', [1, 2, 3])), from('203.0.113.7'))
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect((await post(batch(answers('product', 'csat', [4, 5])), from('198.51.100.2'))).status).toBe(200)
      expect((await report()).total).toBe(10)
    })
  })
})

// The HTTP layer, before any storage: one engine is enough.
describe('bodies', () => {
  const startCollector = (options: Parameters<typeof startOn>[0] = {}) => startOn(options)

  it('answers 413 to a Content-Length over the limit before reading the body, without 100 Continue', async () => {
    const { port } = await startCollector({ maxBodyBytes: 10_000 })
    // Not one byte of the body is sent: the answer cannot have waited for it.
    const { text, afterMs } = await rawHttp(port, postHead({ 'Content-Length': 50_000_000, Expect: '100-continue' }))
    expect(text).toMatch(/^HTTP\/1\.1 413 /)
    expect(text).not.toContain('100 Continue')
    expect(text).toMatch(/connection: close/i)
    const plain = await rawHttp(port, postHead({ 'Content-Length': 50_000_000 }))
    expect(plain.text).toMatch(/^HTTP\/1\.1 413 /)
    expect(Math.max(afterMs, plain.afterMs)).toBeLessThan(2000)
  })

  it('sends 100 Continue to a request within the limit, then stores its body', async () => {
    const { port, report } = await startCollector()
    const body = JSON.stringify(batch([answer()]))
    const { text } = await rawHttp(
      port,
      postHead({ 'Content-Length': Buffer.byteLength(body), Expect: '100-continue', Connection: 'close' }),
      (socket) => {
        socket.once('data', () => socket.write(body))
      },
    )
    expect(text).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /)
    expect((await report()).total).toBe(1)
  })

  it('answers 408 within the body timeout to a body that arrives too slowly', async () => {
    const { port, report } = await startCollector({ bodyTimeoutMs: 400 })
    let drip: ReturnType<typeof setInterval> | undefined
    const { text, afterMs } = await rawHttp(port, postHead({ 'Content-Length': 1000 }) + '{"v":1,', (socket) => {
      drip = setInterval(() => socket.writable && socket.write(' '), 50)
    })
    clearInterval(drip)
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(text).toContain('the body did not arrive within 400 ms')
    expect(afterMs).toBeGreaterThanOrEqual(350)
    expect(afterMs).toBeLessThan(2500)
    expect((await report()).total).toBe(0)
  })

  it('logs one line, and nothing else, when a client hangs up in the middle of its body', async () => {
    const { port, logs, url } = await startCollector()
    await rawHttp(port, postHead({ 'Content-Length': 1000 }) + '{"v":1,"responses":[', (socket) =>
      setImmediate(() => socket.destroy()),
    )
    const deadline = Date.now() + 3000
    while (!logs.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    expect((await fetch(`${url}/healthz`)).status).toBe(200) // the server is still answering, and has logged by now
    expect(logs).toEqual([
      expect.stringMatching(
        /^POST \/collect from 127\.0\.0\.1: the client hung up after \d+ bytes of its body; nothing stored$/,
      ),
    ])
  })
})
