// @vitest-environment node
// POST /collect with displays (surveys shown and dismissed) and the optional answer fields, over
// real HTTP on loopback, on both engines (a real SQLite file and a real PostgreSQL database).
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ENGINES, withClient, type Engine } from './engines'
import { answer, batch, display, startCollector as startOn, stopCollectors } from './fixtures'

afterEach(stopCollectors)

/** Rows read from the database itself rather than through the collector. */
async function rows(engine: Engine, location: string, sql: string): Promise<Record<string, unknown>[]> {
  if (engine === 'postgres') return withClient(location, async (client) => (await client.query(sql)).rows)
  const db = new Database(location, { readonly: true })
  try {
    return db.prepare(sql).all() as Record<string, unknown>[]
  } finally {
    db.close()
  }
}

const withDisplays = (responses: unknown[], displays: unknown[]) => ({ ...batch(responses), displays })

describe.each(ENGINES)('on %s', (engine) => {
  const startCollector = (options: Parameters<typeof startOn>[0] = {}) => startOn(options, engine)

  it('stores a batch of answers and displays and says how many of each it stored', async () => {
    const { post, location } = await startCollector()
    const shown = display({ device: 'phone', visitor: 'returning' })
    const dismissed = display({
      event: 'dismissed',
      touchpoint: 'cart',
      kind: 'nps',
      survey: 'nps',
      device: 'desktop',
      visitor: 'new',
    })
    const reply = answer({ display: shown.id, device: 'phone', visitor: 'returning' })
    const body = withDisplays([reply], [shown, dismissed])
    const res = await post(body)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true, stored: 1, duplicates: 0, displays: { stored: 2, duplicates: 0 } })
    // A retry or a second beacon of the same batch stores nothing twice.
    expect(await (await post(body)).json()).toEqual({
      ok: true,
      stored: 0,
      duplicates: 1,
      displays: { stored: 0, duplicates: 2 },
    })
    expect(await rows(engine, location, 'SELECT id, event, device, visitor FROM displays ORDER BY event DESC')).toEqual(
      [
        { id: shown.id, event: 'shown', device: 'phone', visitor: 'returning' },
        { id: dismissed.id, event: 'dismissed', device: 'desktop', visitor: 'new' },
      ],
    )
    expect(await rows(engine, location, 'SELECT display, device, visitor FROM responses')).toEqual([
      { display: shown.id, device: 'phone', visitor: 'returning' },
    ])
  })

  it('stores a batch that holds only displays', async () => {
    const { post, location } = await startCollector()
    const res = await post(withDisplays([], [display()]))
    expect(await res.json()).toEqual({ ok: true, stored: 0, duplicates: 0, displays: { stored: 1, duplicates: 0 } })
    expect(await rows(engine, location, 'SELECT COUNT(*) AS n FROM displays')).toEqual([
      { n: engine === 'postgres' ? '1' : 1 },
    ])
  })

  it('keeps an answer whose device is unknown, without the device, and says so in a warning', async () => {
    const { post, location, logs } = await startCollector()
    const reply = answer()
    const res = await post(batch([{ ...reply, device: 'smartwatch' }]))
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      ok: true,
      stored: 1,
      duplicates: 0,
      displays: { stored: 0, duplicates: 0 },
      warnings: ['responses[0].device must be one of "phone", "tablet", "desktop"; dropped, the rest is stored'],
    })
    expect(await rows(engine, location, 'SELECT id, device FROM responses')).toEqual([{ id: reply.id, device: null }])
    expect(logs.some((line) => line.includes('responses[0].device must be one of'))).toBe(true)
  })

  it('refuses a bad display with 422 and a reason, storing the answers and displays next to it', async () => {
    const { post, location } = await startCollector()
    const good = display()
    const reply = answer()
    const res = await post(withDisplays([reply], [display({ event: 'clicked' as never }), good]))
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual({
      error: 'invalid responses',
      reasons: ['displays[0].event must be one of "shown", "dismissed"'],
      stored: 1,
      duplicates: 0,
      displays: { stored: 1, duplicates: 0 },
    })
    expect(await rows(engine, location, 'SELECT id FROM displays')).toEqual([{ id: good.id }])
  })

  it('stores the url of answers and displays without the query string a sender left on it', async () => {
    const { post, location } = await startCollector()
    const url = 'https://shop.example/checkout/order-received/77/?key=wc_order_x#pay'
    await post(withDisplays([answer({ url })], [display({ url })]))
    const clean = 'https://shop.example/checkout/order-received/77/'
    expect(await rows(engine, location, 'SELECT url FROM displays')).toEqual([{ url: clean }])
    expect(await rows(engine, location, 'SELECT url FROM responses')).toEqual([{ url: clean }])
  })

  it('counts displays against the answer limit, so a flood of them gets 429 and a Retry-After', async () => {
    const { post } = await startCollector({ answerLimit: { perMinute: 4 } })
    expect((await post(withDisplays([answer()], [display(), display(), display()]))).status).toBe(200)
    const res = await post(withDisplays([], [display()]))
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
