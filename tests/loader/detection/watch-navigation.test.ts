// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Window as HappyWindow } from 'happy-dom'
import { watchNavigation } from '../../../src/loader/detection'
import { openPage } from '../../fixtures/load-page'

const opened: HappyWindow[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((w) => w.happyDOM.close()))
})
const open = async (url = '/') => {
  const w = await openPage('<!doctype html><html><head></head><body></body></html>', url)
  opened.push(w)
  return w as unknown as Window & typeof globalThis
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('watchNavigation', () => {
  it('calls back after pushState and replaceState, once the new URL is in place', async () => {
    const w = await open('/')
    const urls: string[] = []
    watchNavigation(w, () => urls.push(w.location.pathname))
    w.history.pushState({}, '', '/cart')
    expect(urls).toEqual([]) // asynchronous: the store's router renders first
    await tick()
    w.history.replaceState({}, '', '/checkout')
    await tick()
    expect(urls).toEqual(['/cart', '/checkout'])
  })

  it('calls back on popstate and hashchange', async () => {
    const w = await open('/')
    const onChange = vi.fn()
    watchNavigation(w, onChange)
    w.dispatchEvent(new w.PopStateEvent('popstate'))
    await tick()
    w.location.hash = '#/cart'
    await tick()
    expect(onChange).toHaveBeenCalledTimes(2)
  })

  it('folds a burst of navigations in one tick into one call', async () => {
    const w = await open('/')
    const onChange = vi.fn()
    watchNavigation(w, onChange)
    w.history.pushState({}, '', '/a')
    w.history.replaceState({}, '', '/b')
    await tick()
    expect(onChange).toHaveBeenCalledTimes(1)
  })

  it('wraps history once even when called twice, chaining the originals, and stops on request', async () => {
    const w = await open('/')
    const routerSaw: string[] = []
    const original = w.history.pushState
    w.history.pushState = function (this: History, ...args: Parameters<History['pushState']>) {
      routerSaw.push(String(args[2]))
      return original.apply(this, args)
    }
    const a = vi.fn()
    const b = vi.fn()
    const stopA = watchNavigation(w, a)
    const wrapped = w.history.pushState
    watchNavigation(w, b)
    expect(w.history.pushState).toBe(wrapped)
    stopA()
    w.history.pushState({ x: 1 }, '', '/p/1')
    await tick()
    expect(routerSaw).toEqual(['/p/1'])
    expect(w.location.pathname).toBe('/p/1')
    expect(w.history.state).toEqual({ x: 1 })
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledTimes(1)
  })

  it("keeps the page's own errors its own and survives a throwing subscriber", async () => {
    const w = await open('/')
    const after = vi.fn()
    watchNavigation(w, () => {
      throw new Error('subscriber bug')
    })
    watchNavigation(w, after)
    w.history.pushState({}, '', '/a')
    await tick()
    expect(after).toHaveBeenCalledTimes(1)
    expect(() => w.history.pushState({}, '', 'https://elsewhere.example/')).toThrow()
  })
})
