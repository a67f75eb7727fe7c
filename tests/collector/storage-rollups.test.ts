// The daily rollups (schema step 5) against the GROUP BY over the rows, on both engines: after
// random inserts with duplicates and completing copies, purges by time and by id, every report
// tally and the display counts are the same in random ranges with partial days.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { ResponseStore } from '../../src/collector/storage'
import type { SurveyDisplay, SurveyResponse } from '../../src/shared/types'
import { ENGINES, type Engine } from './engines'
import { answer, display } from './fixtures'
import { expectExact, expectTablesExact, openReference } from './rollup-reference'
import { useDatabases } from './use-databases'

const databases = useDatabases()

/** A ready store on an empty database, and the GROUP BY reference reading the same database. */
async function fresh(engine: Engine) {
  const { store, target } = await databases.fresh(engine)
  const reference = await openReference(engine, target.location)
  databases.later(() => reference.close())
  return { store, reference }
}

const DAY = 86_400_000
const START = Date.parse('2026-11-18T00:00:00.000Z')
// Four days, and (more often) times on their edges: midnight, the last millisecond, noon. Rows
// and range bounds then often share a time, where an edge off by one shows.
const time = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 * DAY - 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0,
      DAY,
      DAY - 1,
      2 * DAY,
      2 * DAY - 1,
      DAY + DAY / 2,
      3 * DAY - 1,
      2 * DAY + DAY / 2 - 1,
    ),
  },
)
const iso = (offset: number) => new Date(START + offset).toISOString()
// The widget may send any offset; the store keeps UTC.
const sentTime = fc
  .tuple(time, fc.boolean())
  .map(([offset, shifted]) => (shifted ? iso(offset).replace(/\.\d+Z$/, '') + '+00:00' : iso(offset)))

const generatedAnswer = fc
  .record({
    touchpoint: fc.constantFrom('home', 'product', 'checkout'),
    stage: fc.constantFrom('awareness', 'consideration', 'decision'),
    survey: fc.constantFrom('csat', 'exit'),
    kind: fc.constantFrom('csat', 'nps'),
    score: fc.integer({ min: 0, max: 5 }),
    locale: fc.constantFrom('en', 'vi-VN', 'EN-gb', 'vi'),
    at: sentTime,
    comment: fc.option(fc.constantFrom('slow', '  '), { nil: null }),
    display: fc.option(fc.constant('display'), { nil: undefined }),
    device: fc.option(fc.constantFrom('phone', 'desktop'), { nil: undefined }),
    visitor: fc.option(fc.constantFrom('new', 'returning'), { nil: undefined }),
  })
  .map(({ display: named, ...fields }) =>
    answer({ ...fields, emotion: null, display: named && randomUUID() } as Partial<SurveyResponse>),
  )

const generatedDisplay = fc
  .record({
    touchpoint: fc.constantFrom('home', 'checkout'),
    event: fc.constantFrom('shown', 'dismissed'),
    survey: fc.constantFrom('csat', 'exit'),
    at: sentTime,
  })
  .map((fields) => display(fields as Partial<SurveyDisplay>))

/** A copy of an earlier answer: the same (a retry), completed with a comment, or changed (ignored). */
const copy = fc.record({ of: fc.nat(), how: fc.constantFrom('same', 'comment', 'score') })

const command = fc.oneof(
  fc.record({ insert: fc.array(generatedAnswer, { maxLength: 12 }), copies: fc.array(copy, { maxLength: 4 }) }),
  fc.record({ displays: fc.array(generatedDisplay, { maxLength: 8 }) }),
  fc.record({ purgeBefore: time }),
  fc.record({ purgeDisplaysBefore: time }),
  fc.record({ purgeIds: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }) }),
)

const range = fc.record({ from: fc.option(time, { nil: undefined }), to: fc.option(time, { nil: undefined }) })

type Command = typeof command extends fc.Arbitrary<infer C> ? C : never

async function run(store: ResponseStore, sent: SurveyResponse[], step: Command) {
  if ('insert' in step) {
    const copies = sent.length
      ? step.copies.map(({ of, how }) => {
          const earlier = sent[of % sent.length]
          if (how === 'comment') return { ...earlier, comment: earlier.comment ?? 'added later' }
          return how === 'score' ? { ...earlier, score: earlier.score + 1 } : earlier
        })
      : []
    // Copies inside one batch too: only the first copy of an id counts.
    const batch = [...step.insert, ...copies, ...step.insert.slice(0, 1)]
    await store.insert(batch)
    sent.push(...step.insert)
  } else if ('displays' in step) await store.insertDisplays([...step.displays, ...step.displays.slice(0, 1)])
  else if ('purgeBefore' in step) await store.purgeBefore(new Date(START + step.purgeBefore))
  else if ('purgeDisplaysBefore' in step) await store.purgeDisplaysBefore(new Date(START + step.purgeDisplaysBefore))
  else if (sent.length) await store.purgeIds([...step.purgeIds.map((i) => sent[i % sent.length].id), randomUUID()])
}

describe.each(ENGINES)('daily rollups on %s', (engine) => {
  it('equal the GROUP BY over the rows after any inserts, copies and purges, in any range', async () => {
    const { store, reference } = await fresh(engine)
    const sent: SurveyResponse[] = []
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 1, maxLength: 6 }),
        fc.array(range, { minLength: 2, maxLength: 4 }),
        async (commands, ranges) => {
          for (const step of commands) await run(store, sent, step)
          await expectTablesExact(reference)
          for (const { from, to } of ranges) {
            await expectExact(store, reference, {
              from: from === undefined ? undefined : iso(from),
              to: to === undefined ? undefined : iso(to),
            })
          }
        },
      ),
      { numRuns: 30 },
    )
  }, 300_000)
})
