// @vitest-environment happy-dom
// The loader's start-up in short tasks (docs/loading.md): the task that evaluates the loader reads
// its options, installs its hooks and defines the API; detection runs in the next task, arming the
// triggers in the one after. Nothing said to the widget in between is lost, and the API answers
// correctly at any moment.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { uiChunk } from '../../fixtures/ui-chunk'
import { createTouchpoint } from '../../../src/loader/core/create-touchpoint'
import { detectStage } from '../../../src/loader/detection/detect-stage'
import { startTargeting } from '../../../src/loader/targeting/targeting'
import { DEFAULTS, type Config } from '../../../src/shared/options'
import type { Chunks, LoadChunk } from '../../../src/shared/contract'
import { diagnostics } from '../../../src/diagnostics'
import { surveys } from '../../../src/surveys'

vi.mock('../../../src/loader/detection/detect-stage', async (original) => {
  const module = await original<typeof import('../../../src/loader/detection/detect-stage')>()
  return { ...module, detectStage: vi.fn(module.detectStage) }
})
vi.mock('../../../src/loader/targeting/targeting', async (original) => {
  const module = await original<typeof import('../../../src/loader/targeting/targeting')>()
  return { ...module, startTargeting: vi.fn(module.startTargeting) }
})

let opened: string[]
const chunks = {
  ui: uiChunk((request) => (opened.push(request.survey), { close() {} })),
  diagnostics,
  surveys, // the store's own plans below are parsed by the surveys chunk
} as unknown as Chunks
const loadChunk: LoadChunk = async (name) => chunks[name]
const start = (config: Partial<Config> = {}) =>
  createTouchpoint({ ...DEFAULTS, endpoint: 'https://collect.example/r', ...config }, window, loadChunk)
/** Resolves after the tasks queued so far (and the ones they queue at once) have run. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve))

beforeEach(() => {
  opened = []
  localStorage.clear()
  vi.mocked(detectStage).mockClear()
  vi.mocked(startTargeting).mockClear()
  history.replaceState(null, '', '/checkout/order-received/12/?key=wc_order_secret')
})
afterEach(async () => {
  // Every instance finishes its steps within its own test.
  await nextTask()
  await nextTask()
  delete (window as { dataLayer?: unknown }).dataLayer
})

describe('the start-up, in tasks of its own', () => {
  it('neither detects nor arms in the task that runs the loader; detection next, the triggers after it', async () => {
    start()
    expect(detectStage).not.toHaveBeenCalled()
    expect(startTargeting).not.toHaveBeenCalled()
    await nextTask()
    expect(detectStage).toHaveBeenCalledTimes(1)
    expect(startTargeting).not.toHaveBeenCalled()
    await nextTask()
    expect(startTargeting).toHaveBeenCalledTimes(1)
    expect(detectStage).toHaveBeenCalledTimes(1) // the triggers use the reading the step made
  })

  it('answers detect() at once, before any step ran, and reads the page afresh each time', () => {
    const tp = start()
    expect(tp.detect()).toMatchObject({ touchpoint: 'confirmation', stage: 'purchase' })
    history.replaceState(null, '', '/cart/')
    expect(tp.detect()).toMatchObject({ touchpoint: 'cart' })
  })

  it('keeps a track() call made before the triggers are armed, and fires its trigger once armed', async () => {
    const tp = start({ surveys: 'confirmation:csat@track=thanks' })
    tp.track('thanks') // queued by the store's stub, replayed in the task that runs the loader
    expect(startTargeting).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(opened).toEqual(['csat']))
    expect(startTargeting).toHaveBeenCalledTimes(1)
  })

  it('hears a dataLayer event pushed before the triggers are armed', async () => {
    const w = window as unknown as { dataLayer: unknown[] }
    w.dataLayer = []
    start({ surveys: 'confirmation:nps@event=purchase_done' })
    w.dataLayer.push({ event: 'purchase_done' })
    expect(startTargeting).not.toHaveBeenCalled()
    await vi.waitFor(() => expect(opened).toEqual(['nps']))
  })

  it("once the triggers are armed, hands a track() to this page's triggers at once, before a navigation in the same task", async () => {
    const tp = start({ surveys: 'confirmation:csat@track=thanks' })
    await vi.waitFor(() => expect(startTargeting).toHaveBeenCalledTimes(1))
    await nextTask() // the surveys chunk has parsed the plan: its triggers are armed
    tp.track('thanks')
    tp.setStage('cart') // the store's SPA moves on in the same task: the cart page has no such trigger
    await vi.waitFor(() => expect(opened).toEqual(['csat']))
  })

  it('announces a stage change to a listener added before the first reading', async () => {
    const tp = start()
    const stages: string[] = []
    tp.on('stage', (detection) => stages.push(detection.touchpoint))
    history.pushState(null, '', '/cart/')
    await vi.waitFor(() => expect(stages).toEqual(['cart']))
  })
})
