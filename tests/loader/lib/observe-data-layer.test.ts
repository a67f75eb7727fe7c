// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { observeDataLayer } from '../../../src/loader/lib/observe-data-layer'

const w = window as any

/** A dataLayer that counts how often its `push` is replaced (each wrapper replaces it once). */
function countingDataLayer(...entries: unknown[]) {
  const dataLayer: unknown[] = [...entries]
  let push = dataLayer.push
  const counted = { dataLayer, replaced: 0 }
  Object.defineProperty(dataLayer, 'push', {
    configurable: true,
    get: () => push,
    set: (fn) => {
      counted.replaced++
      push = fn
    },
  })
  w.dataLayer = dataLayer
  return counted
}

afterEach(() => {
  delete w.dataLayer
})

describe('observeDataLayer', () => {
  it('wraps push once however many listen, and every listener hears every push', () => {
    const counted = countingDataLayer()
    const a = vi.fn()
    const b = vi.fn()
    observeDataLayer(window, a)
    observeDataLayer(window, b, true)
    observeDataLayer(window, a) // a second call for the same listener (the tag pasted twice)
    expect(counted.replaced).toBe(1)
    expect(w.dataLayer.push({ event: 'view_item' }, { event: 'add_to_cart' })).toBe(2)
    w.dataLayer.push({ event: 'purchase' })
    expect(a.mock.calls).toEqual([[[{ event: 'view_item' }, { event: 'add_to_cart' }]], [[{ event: 'purchase' }]]])
    expect(b.mock.calls.slice(1)).toEqual(a.mock.calls)
    expect(w.dataLayer).toHaveLength(3)
  })

  it('creates dataLayer when absent, and replays what is already there only to a listener that asks', () => {
    const live = vi.fn()
    observeDataLayer(window, live)
    expect(Array.isArray(w.dataLayer) && w.dataLayer.length).toBe(0)
    w.dataLayer.push({ event: 'view_item' })
    const late = vi.fn()
    observeDataLayer(window, late, true)
    expect(late).toHaveBeenCalledTimes(1)
    expect([...late.mock.calls[0][0]]).toEqual([{ event: 'view_item' }])
    expect(live).toHaveBeenCalledTimes(1)
  })

  it('keeps one wrapper when GTM wraps push after us, and both wrappers see each push once', () => {
    const counted = countingDataLayer()
    const first = vi.fn()
    observeDataLayer(window, first)
    const ours = w.dataLayer.push
    const gtmSeen: unknown[] = []
    w.dataLayer.push = function (this: unknown, ...items: unknown[]) {
      gtmSeen.push(...items)
      return ours.apply(this, items)
    }
    const second = vi.fn()
    observeDataLayer(window, second)
    expect(counted.replaced).toBe(2) // ours, then GTM's
    w.dataLayer.push({ event: 'view_cart' })
    expect(gtmSeen).toEqual([{ event: 'view_cart' }])
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(1)
    expect(w.dataLayer).toHaveLength(1)
  })

  it('hooks a dataLayer the page put in place later, once, and still hears the first one', () => {
    const heard = vi.fn()
    observeDataLayer(window, heard)
    const before = w.dataLayer
    const counted = countingDataLayer() // a theme's `window.dataLayer = [...]` after our tag
    observeDataLayer(window, heard)
    observeDataLayer(window, vi.fn())
    expect(counted.replaced).toBe(1)
    before.push({ event: 'a' })
    w.dataLayer.push({ event: 'b' })
    expect(heard.mock.calls).toEqual([[[{ event: 'a' }]], [[{ event: 'b' }]]])
  })

  it("leaves a push it may not replace alone: the store's push works and the replay is still heard", () => {
    const dataLayer: unknown[] = [{ event: 'view_item' }]
    Object.defineProperty(dataLayer, 'push', { value: dataLayer.push, writable: false })
    w.dataLayer = dataLayer
    const heard: unknown[][] = []
    const listen = (entries: unknown[]) => void heard.push([...entries])
    let stop: () => void = () => {}
    expect(() => (stop = observeDataLayer(window, listen, true))).not.toThrow()
    expect(() => observeDataLayer(window, listen)).not.toThrow()
    expect(w.dataLayer.push({ event: 'add_to_cart' })).toBe(2)
    expect(heard).toEqual([[{ event: 'view_item' }]])
    expect(() => stop()).not.toThrow()
  })

  it("keeps a throwing listener away from the store's push and from the other listeners", () => {
    observeDataLayer(window, () => {
      throw new Error('listener bug')
    })
    const after = vi.fn()
    observeDataLayer(window, after)
    expect(() => w.dataLayer.push({ event: 'add_to_cart' }, null, 7)).not.toThrow()
    expect(after).toHaveBeenCalledWith([{ event: 'add_to_cart' }, null, 7])
    expect(w.dataLayer).toHaveLength(3)
  })

  it('stops hearing pushes once stopped', () => {
    const heard = vi.fn()
    const stop = observeDataLayer(window, heard)
    w.dataLayer.push({ event: 'a' })
    stop()
    w.dataLayer.push({ event: 'b' })
    expect(heard).toHaveBeenCalledTimes(1)
  })

  it('does nothing on a page whose dataLayer is not an array, or cannot even be read', () => {
    w.dataLayer = 'not an array'
    expect(() => observeDataLayer(window, vi.fn())()).not.toThrow()
    expect(w.dataLayer).toBe('not an array')
    delete w.dataLayer
    Object.defineProperty(window, 'dataLayer', {
      configurable: true,
      get() {
        throw new Error('hostile getter')
      },
    })
    expect(() => observeDataLayer(window, vi.fn(), true)()).not.toThrow()
  })
})
