// The storage contract for displays (surveys shown and dismissed) and the answer fields that
// came with them, against both engines: a SQLite file and a real PostgreSQL server.
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { DisplayCount } from '../../src/collector/storage'
import type { SurveyDisplay } from '../../src/shared/types'
import { ENGINES, withClient, type Engine, type Target } from './engines'
import { answer, display } from './fixtures'
import { useDatabases } from './use-databases'

const { fresh } = useDatabases()

/** Runs SQL on a connection of its own, not the store's. */
async function query(engine: Engine, target: Target, sql: string): Promise<Record<string, unknown>[]> {
  if (engine === 'postgres') return withClient(target.location, async (client) => (await client.query(sql)).rows)
  const db = new Database(target.location)
  try {
    return /^\s*select/i.test(sql) ? (db.prepare(sql).all() as Record<string, unknown>[]) : (db.exec(sql), [])
  } finally {
    db.close()
  }
}

/** The counts as a plain tally computed in memory, to compare with the database's. */
function tally(list: SurveyDisplay[]): DisplayCount[] {
  const groups = new Map<string, DisplayCount>()
  for (const { stage, touchpoint, survey, kind, event } of list) {
    const key = [stage, touchpoint, survey, kind, event].join('|')
    const group = groups.get(key) ?? { stage, touchpoint, survey, kind, event, n: 0 }
    group.n++
    groups.set(key, group)
  }
  return [...groups.values()]
}

const sorted = (counts: DisplayCount[]) =>
  [...counts].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

describe.each(ENGINES)('displays in the %s store', (engine) => {
  it('stores a display once per id, even inside one batch, and never lets a later copy change it', async () => {
    const { store } = await fresh(engine)
    const shown = display()
    expect(await store.insertDisplays([shown, shown, display({ event: 'dismissed' })])).toEqual({
      stored: 2,
      duplicates: 1,
    })
    expect(await store.insertDisplays([{ ...shown, event: 'dismissed', touchpoint: 'cart' }])).toEqual({
      stored: 0,
      duplicates: 1,
    })
    expect(await store.countDisplays()).toBe(2)
    const counts = await store.displayCounts({})
    expect(sorted(counts)).toEqual(
      sorted([
        { stage: 'consideration', touchpoint: 'product', survey: 'csat', kind: 'csat', event: 'shown', n: 1 },
        { stage: 'consideration', touchpoint: 'product', survey: 'csat', kind: 'csat', event: 'dismissed', n: 1 },
      ]),
    )
  })

  it('writes a batch of answers and displays together, on disk when it resolves, with each count apart', async () => {
    const { store, target } = await fresh(engine)
    const shown = display({ device: 'phone', visitor: 'returning' })
    const reply = answer({ display: shown.id, device: 'phone', visitor: 'returning' })
    expect(await store.insertBatch({ responses: [reply], displays: [shown, display({ event: 'dismissed' })] })).toEqual(
      {
        stored: 1,
        duplicates: 0,
        displays: { stored: 2, duplicates: 0 },
      },
    )
    const [row] = await query(engine, target, `SELECT event, device, visitor FROM displays WHERE id = '${shown.id}'`)
    expect(row).toEqual({ event: 'shown', device: 'phone', visitor: 'returning' })
    const [answered] = await query(
      engine,
      target,
      `SELECT display, device, visitor FROM responses WHERE id = '${reply.id}'`,
    )
    expect(answered).toEqual({ display: shown.id, device: 'phone', visitor: 'returning' })
    expect(await store.get(reply.id)).toMatchObject({ display: shown.id, device: 'phone', visitor: 'returning' })
  })

  it('reads back an answer sent without the new fields exactly as it was sent', async () => {
    const { store } = await fresh(engine)
    const plain = answer()
    await store.insert([plain])
    const { received_at: _received, ...kept } = (await store.get(plain.id))!
    expect(kept).toEqual(plain)
  })

  it('stores none of a batch when any of it fails: answers and displays share one transaction', async () => {
    const { store, target } = await fresh(engine)
    // A trigger makes the database refuse one display, as a full disk or a lost connection would.
    await query(
      engine,
      target,
      engine === 'sqlite'
        ? "CREATE TRIGGER refuse BEFORE INSERT ON displays WHEN NEW.url = 'https://shop.example/refused/' BEGIN SELECT RAISE(ABORT, 'refused'); END"
        : `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
           IF NEW.url = 'https://shop.example/refused/' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;
         CREATE TRIGGER refuse BEFORE INSERT ON displays FOR EACH ROW EXECUTE FUNCTION refuse();`,
    )
    const doomed = { responses: [answer()], displays: [display({ url: 'https://shop.example/refused/' })] }
    const fine = { responses: [answer()], displays: [display()] }
    // Sent together they share a group; the refused one must not take the other down with it.
    const [failed, stored] = await Promise.allSettled([store.insertBatch(doomed), store.insertBatch(fine)])
    expect(failed.status).toBe('rejected')
    expect(stored).toMatchObject({ status: 'fulfilled', value: { stored: 1, displays: { stored: 1 } } })
    expect(await store.get(doomed.responses[0].id)).toBeNull()
    expect(await store.count()).toBe(1)
    expect(await store.countDisplays()).toBe(1)
  })

  it('gives each of many simultaneous batches its own display counts, sharing commits', async () => {
    const { store } = await fresh(engine)
    const shared = display()
    const requests = Array.from({ length: 30 }, (_, i) => ({
      responses: i % 3 ? [] : [answer()],
      displays: [shared, display(), display({ event: 'dismissed' })],
    }))
    const results = await Promise.all(requests.map((request) => store.insertBatch(request)))
    expect(results.reduce((n, r) => n + r.displays.stored, 0)).toBe(1 + 30 * 2)
    expect(results.filter((r) => r.displays.duplicates === 1)).toHaveLength(29)
    expect(results.reduce((n, r) => n + r.stored, 0)).toBe(10)
    expect(await store.countDisplays()).toBe(61)
  })

  it('counts shown and dismissed per stage, touchpoint, survey and kind in the database, inside a time range', async () => {
    const { store } = await fresh(engine)
    const data = [
      ...Array.from({ length: 7 }, () => display({ touchpoint: 'checkout', kind: 'nps', survey: 'nps-checkout' })),
      ...Array.from({ length: 3 }, () =>
        display({ touchpoint: 'checkout', kind: 'nps', survey: 'nps-checkout', event: 'dismissed' }),
      ),
      ...Array.from({ length: 4 }, () => display({ touchpoint: 'cart', kind: 'ces', at: '2026-11-25T08:00:00.000Z' })),
      display({ touchpoint: 'cart', kind: 'ces', stage: 'consideration', at: '2026-11-21T06:30:00+07:00' }),
      display({ touchpoint: 'home', kind: 'emotion', at: '2026-11-01T00:00:00.000Z' }),
    ]
    await store.insertDisplays(data)
    expect(sorted(await store.displayCounts({}))).toEqual(sorted(tally(data)))
    const range = { from: '2026-11-20T00:00:00.000Z', to: '2026-11-20T23:59:59.999Z' }
    const inside = data.filter(
      (d) => new Date(d.at).toISOString() >= range.from && new Date(d.at).toISOString() <= range.to,
    )
    expect(inside).toHaveLength(11)
    expect(sorted(await store.displayCounts(range))).toEqual(sorted(tally(inside)))
    // Groups come in the order they first appeared in time.
    expect((await store.displayCounts({}))[0]).toMatchObject({ touchpoint: 'home', n: 1 })
  })

  it('purges the displays shown before an instant, for good', async () => {
    const { store } = await fresh(engine)
    const days = ['2025-12-31', '2026-01-01', '2026-03-01'].map((day) => display({ at: `${day}T12:00:00.000Z` }))
    await store.insertDisplays(days)
    expect(await store.purgeDisplaysBefore(new Date('2026-01-01T00:00:00.000Z'))).toBe(1)
    expect(await store.purgeDisplaysBefore(new Date('2026-01-01T00:00:00.000Z'))).toBe(0)
    expect(await store.countDisplays()).toBe(2)
  })

  it('refuses display calls after close', async () => {
    const { store } = await fresh(engine)
    await store.close()
    await expect(store.insertDisplays([display()])).rejects.toThrow(/closed/)
    await expect(store.displayCounts({})).rejects.toThrow(/closed/)
  })
})

describe('the displays table on PostgreSQL', () => {
  it('sorts ids and times byte by byte, as the answers table does', async () => {
    const { target } = await fresh('postgres')
    const rows = await query(
      'postgres',
      target,
      `SELECT table_name, column_name, collation_name FROM information_schema.columns
      WHERE column_name IN ('id', 'at') AND table_name IN ('responses', 'displays') ORDER BY table_name, column_name`,
    )
    expect(rows.map((row) => row.collation_name)).toEqual(['C', 'C', 'C', 'C'])
  })
})
