// The daily rollups where they start and where they shrink: a database filled at schema step 4
// upgrades with rollups equal to its rows, purges take away what they delete, and the copy
// into PostgreSQL leaves PostgreSQL's rollups right. Both engines, real servers.
import { describe, expect, it } from 'vitest'
import { openStore, type ResponseStore } from '../../src/collector/storage'
import { copySqliteToPostgres } from '../../src/collector/storage/copy-to-postgres'
import { toDisplayRow } from '../../src/collector/storage/display-rows'
import { toRow } from '../../src/collector/storage/rows'
import { ENGINES, type Engine, type Target } from './engines'
import { answer, display } from './fixtures'
import { databaseAtStep } from './older-schema'
import { expectExact, expectTablesExact, openReference, type Reference } from './rollup-reference'
import { useDatabases } from './use-databases'

const { database, later, openOn } = useDatabases()

/** A ready store on `target` as it is, and the GROUP BY reference reading the same database. */
async function opened(target: Target, engine: Engine): Promise<{ store: ResponseStore; reference: Reference }> {
  const store = await openOn(target)
  const reference = await openReference(engine, target.location)
  later(() => reference.close())
  return { store, reference }
}

const DAYS = ['2026-11-18', '2026-11-19', '2026-11-20']
const someAnswers = () =>
  DAYS.flatMap((day, index) => [
    answer({ at: `${day}T00:00:00.000Z`, score: index + 1, device: 'phone', visitor: 'new' }),
    answer({ at: `${day}T11:59:59.999Z`, touchpoint: 'checkout', kind: 'nps', score: 9, locale: 'vi-VN' }),
    answer({ at: `${day}T23:59:59.999Z`, display: display().id, comment: 'fine' }),
  ])
const someDisplays = () =>
  DAYS.flatMap((day) => [
    display({ at: `${day}T08:00:00.000Z` }),
    display({ at: `${day}T20:00:00.000Z`, event: 'dismissed', touchpoint: 'cart', kind: 'ces', survey: 'ces' }),
  ])
const RANGES = [
  {},
  { from: '2026-11-19T00:00:00.000Z', to: '2026-11-19T23:59:59.999Z' },
  { from: '2026-11-18T12:00:00.000Z', to: '2026-11-20T11:59:59.999Z' },
  { from: '2026-11-19T11:59:59.999Z' },
]

/** A database as schema step 4 left it, holding rows the way that collector wrote them. */
const olderDatabase = (engine: Engine, target: Target) =>
  databaseAtStep(engine, target, 4, {
    answers: someAnswers().map((a) => toRow(a, '2026-11-21T00:00:00.000Z')),
    displays: someDisplays().map((d) => toDisplayRow(d, '2026-11-21T00:00:00.000Z')),
  })

describe.each(ENGINES)('daily rollups on %s', (engine) => {
  it('are filled from the rows when a database at schema step 4 upgrades', async () => {
    const target = await database(engine)
    await olderDatabase(engine, target)
    const { store, reference } = await opened(target, engine)
    await expectTablesExact(reference)
    for (const range of RANGES) await expectExact(store, reference, range)
    expect(await store.tally({}, [])).toEqual([{ n: 9 }])
    // And kept from then on.
    await store.insert([answer({ at: '2026-11-19T12:00:00.000Z' })])
    await expectTablesExact(reference)
    expect(await store.tally({ from: '2026-11-19T00:00:00.000Z', to: '2026-11-19T23:59:59.999Z' }, [])).toEqual([
      { n: 4 },
    ])
  })

  it('take away what each purge deletes, and keep no empty count', async () => {
    const target = await database(engine)
    const { store, reference } = await opened(target, engine)
    const answers = someAnswers()
    await store.insert(answers)
    await store.insertDisplays(someDisplays())
    const perDay = async () => (await store.tally({}, ['day'])).map(({ day, n }) => [day, n])
    expect(await perDay()).toEqual(DAYS.map((day) => [day, 3]))

    expect(await store.purgeBefore(new Date('2026-11-19T12:00:00.000Z'))).toBe(5)
    expect(await perDay()).toEqual([
      ['2026-11-19', 1],
      ['2026-11-20', 3],
    ])
    expect(await store.purgeIds([answers[8].id, answers[0].id])).toBe(1)
    expect(await perDay()).toEqual([
      ['2026-11-19', 1],
      ['2026-11-20', 2],
    ])
    // The day cut in two keeps a later display of a group whose earliest goes.
    await store.insertDisplays([display({ at: '2026-11-19T13:00:00.000Z' })])
    expect(await store.purgeDisplaysBefore(new Date('2026-11-19T12:00:00.000Z'))).toBe(3)
    expect((await store.displayCounts({})).map(({ event, n }) => [event, n])).toEqual([
      ['shown', 2],
      ['dismissed', 2],
    ])
    // No row of a purged day is left behind at 0, and `first_at` follows the displays left.
    await expectTablesExact(reference)
    for (const range of RANGES) await expectExact(store, reference, range)
  })
})

describe('migrate-to-postgres', () => {
  it("leaves PostgreSQL's rollups equal to its rows, also when run again and beside answers collected there", async () => {
    const sqlite = await database('sqlite')
    const postgres = await database('postgres')
    const source = openStore(sqlite.options)
    await source.insert(someAnswers())
    await source.insertDisplays(someDisplays())
    await source.close()
    const { store, reference } = await opened(postgres, 'postgres')
    await store.insert([answer({ at: '2026-11-20T10:00:00.000Z' })])
    await copySqliteToPostgres({ from: sqlite.location, to: postgres.location, pageSize: 4 })
    await copySqliteToPostgres({ from: sqlite.location, to: postgres.location, pageSize: 4 })
    await expectTablesExact(reference)
    for (const range of RANGES) await expectExact(store, reference, range)
    expect(await store.tally({}, [])).toEqual([{ n: 10 }])
  })
})
