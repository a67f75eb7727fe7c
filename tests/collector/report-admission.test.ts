// Report builds are admitted, not piled up: identical requests share one build, different ones
// queue for a fixed number of slots. Builds here are promises the test settles by hand, so
// every state (running, waiting, shared) is observed, not timed.
import { afterEach, describe, expect, it } from 'vitest'
import { createReportAdmission } from '../../src/collector/report-admission'
import { createReportService } from '../../src/collector/report-service'
import type { ResponseStore } from '../../src/collector/storage'
import { ENGINES } from './engines'
import { answer, batch, startCollector, stopCollectors } from './fixtures'

afterEach(stopCollectors)

/** A build the test finishes when it wants; `started` counts how often it was called. */
function controlledBuild<T>() {
  const build = {
    started: 0,
    finish: (_value: T) => {},
    fail: (_err: Error) => {},
    run: () => {
      build.started++
      return new Promise<T>((resolve, reject) => {
        build.finish = resolve
        build.fail = reject
      })
    },
  }
  return build
}

// Lets the admission's promise chain move on (it awaits its turn before building).
const settle = () => new Promise<void>((resolve) => setImmediate(resolve))

describe('report admission', () => {
  it('shares one build among identical requests that arrive while it runs, and keeps nothing after', async () => {
    const admission = createReportAdmission(2)
    const build = controlledBuild<{ total: number }>()
    const first = admission.run('all', build.run)
    const second = admission.run('all', build.run)
    await settle()
    expect(build.started).toBe(1)
    const report = { total: 42 }
    build.finish(report)
    expect(await first).toBe(report)
    expect(await second).toBe(report)
    // Settled: the next request builds afresh, so a report is never older than its request.
    const third = admission.run('all', build.run)
    await settle()
    expect(build.started).toBe(2)
    build.finish({ total: 43 })
    expect(await third).toEqual({ total: 43 })
  })

  it('runs at most the fixed number of different builds at once; the rest wait their turn in order', async () => {
    const admission = createReportAdmission(2)
    const builds = [controlledBuild<string>(), controlledBuild<string>(), controlledBuild<string>()]
    const results = builds.map((build, index) => admission.run(`range ${index}`, build.run))
    await settle()
    expect(builds.map((build) => build.started)).toEqual([1, 1, 0])
    expect([admission.running, admission.waiting]).toEqual([2, 1])
    // A request identical to the waiting one joins it rather than queueing again.
    const joined = admission.run('range 2', builds[2].run)
    expect(admission.waiting).toBe(1)

    builds[1].finish('one')
    expect(await results[1]).toBe('one')
    await settle()
    expect(builds[2].started).toBe(1)
    expect([admission.running, admission.waiting]).toEqual([2, 0])
    builds[0].finish('zero')
    builds[2].finish('two')
    expect(await Promise.all([results[0], results[2], joined])).toEqual(['zero', 'two', 'two'])
    expect([admission.running, admission.waiting]).toEqual([0, 0])
  })

  it('passes a failed build to everyone who shared it, frees its slot, and forgets it', async () => {
    const admission = createReportAdmission(1)
    const failing = controlledBuild<string>()
    const next = controlledBuild<string>()
    const first = admission.run('all', failing.run)
    const second = admission.run('all', failing.run)
    const other = admission.run('other', next.run)
    await settle()
    failing.fail(new Error('database unavailable'))
    await expect(first).rejects.toThrow('database unavailable')
    await expect(second).rejects.toThrow('database unavailable')
    await settle()
    expect(next.started).toBe(1)
    next.finish('fine')
    expect(await other).toBe('fine')
    const retry = admission.run('all', failing.run)
    await settle()
    expect(failing.started).toBe(2)
    failing.finish('recovered')
    expect(await retry).toBe('recovered')
  })
})

/**
 * Holds the store's reads of the newest comments (one per report build) until `open()`, and
 * counts them: a gate on the real store, so that requests provably arrive while a build runs.
 */
function gateNewestComments(store: ResponseStore) {
  const read = store.comments.bind(store)
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  const gate = { builds: 0, open }
  store.comments = async (range, query) => {
    if (query.order === 'newest') {
      gate.builds++
      await opened
    }
    return read(range, query)
  }
  return gate
}

// The report thread (report-worker.ts) serves every request through createReportService over its
// own connection; here the same service runs over the collector's real store, gated.
describe.each(ENGINES)('the report service on %s', (engine) => {
  it('builds once for identical requests in flight, whatever the view, and once more for another range', async () => {
    const { post, collector } = await startCollector({}, engine)
    expect((await post(batch([answer({ comment: 'fine' }), answer({ score: 2 })]))).status).toBe(200)
    const gate = gateNewestComments(collector.store)
    const reports = createReportService(collector.store, 2)
    const all = { range: {}, commentFilter: {}, lang: 'en', search: '' } as const
    const requests = [
      reports.render({ ...all, view: 'json' }),
      reports.render({ ...all, view: 'json' }),
      reports.render({ ...all, view: 'html', lang: 'vi', search: '?lang=vi' }),
      reports.render({ ...all, view: 'csv' }),
      reports.render({ ...all, view: 'json', range: { from: '2026-11-20T00:00:00.000Z' } }),
    ]
    await expect.poll(() => gate.builds).toBe(2)
    await settle()
    expect([gate.builds, reports.builds]).toEqual([2, 2])
    gate.open()
    const [first, second, html, csv] = await Promise.all(requests)
    expect(second).toBe(first)
    expect(JSON.parse(first).total).toBe(2)
    expect(html).toContain('<html lang="vi"')
    expect(csv.split('\r\n')[1]).toBe('overall,,,,responses,2,2,,')
    expect(gate.builds).toBe(2)
    // Once built, nothing is kept: a later request builds again and sees a later answer.
    expect((await post(batch([answer()]))).status).toBe(200)
    expect(JSON.parse(await reports.render({ ...all, view: 'json' })).total).toBe(3)
    expect([gate.builds, reports.builds]).toEqual([3, 3])
  })
})
