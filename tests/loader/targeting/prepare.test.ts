// @vitest-environment happy-dom
// Ahead of a trigger, targeting asks the survey session to prepare the first eligible armed
// survey's card at idle, but only for the page view and the consent it was armed for; and a
// store's own plan that cannot be parsed costs a warning, never an unhandled rejection.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Chunks } from '../../../src/shared/contract'
import { startTargeting } from '../../../src/loader/targeting/targeting'
import type { Detection } from '../../../src/shared/types'
import { PRODUCT, targetingDeps } from './deps'

const home: Detection = { stage: 'awareness', touchpoint: 'home', signal: 'url' }

// The page's idle callbacks, run when the test says.
let idle: (() => void)[] = []
const runIdle = () => idle.splice(0).forEach((fn) => fn())

function start(surveysChunk: Promise<Chunks['surveys']> = new Promise(() => {}), surveys: string | null = null) {
  let detection = PRODUCT
  const deps = targetingDeps({ config: { surveys }, detection: () => detection, surveysChunk })
  const targeting = startTargeting(deps, () => {})
  return {
    targeting,
    prepare: deps.prepare,
    consent: deps.consent,
    warned: deps.warn,
    goTo: (next: Detection) => (detection = next),
  }
}

describe('preparing the armed survey ahead of its trigger', () => {
  beforeEach(() => {
    idle = []
    localStorage.clear()
    ;(window as unknown as { requestIdleCallback: unknown }).requestIdleCallback = (fn: () => void) => idle.push(fn)
  })
  afterEach(() => delete (window as unknown as { requestIdleCallback?: unknown }).requestIdleCallback)

  it('prepares the first eligible survey armed on this page once the page is idle', () => {
    const { prepare } = start()
    expect(prepare).not.toHaveBeenCalled()
    runIdle()
    expect(prepare).toHaveBeenCalledWith('emotion', expect.any(String))
  })

  it('prepares nothing when consent is withdrawn before the page is idle', () => {
    const { prepare, consent } = start()
    consent.set(false)
    runIdle()
    expect(prepare).not.toHaveBeenCalled()
  })

  it("prepares nothing of the last page's surveys after a navigation to a page where none is armed", () => {
    const { prepare, targeting, goTo } = start()
    goTo(home)
    targeting.restart()
    runIdle()
    expect(prepare).not.toHaveBeenCalled()
  })

  it('warns once, without an unhandled rejection, when the store plan cannot be parsed', async () => {
    const broken = {
      parse: () => {
        throw new Error('parser broke')
      },
    } as unknown as Chunks['surveys']
    const { warned, targeting } = start(Promise.resolve(broken), 'product:nps@exit')
    await vi.waitFor(() =>
      expect(warned.mock.calls).toEqual([[{ code: 'failed', what: 'surveys', error: expect.any(Error) }]]),
    )
    expect(() => targeting.track('later')).not.toThrow()
  })
})
