import { afterEach, describe, expect, it, vi } from 'vitest'
import { BEACON_BYTES, beacon } from '../../src/transport/beacon'
import { expectWireBatch, response } from '../shared/wire-schema'

afterEach(() => vi.unstubAllGlobals())

const blobs: Blob[] = []
function stubBeacon(accepts: boolean) {
  blobs.length = 0
  const sendBeacon = vi.fn((_url: string, blob: Blob) => (blobs.push(blob), accepts))
  vi.stubGlobal('navigator', { ...navigator, sendBeacon })
  const fetch = vi.fn(async () => new Response(null, { status: 204 }))
  vi.stubGlobal('fetch', fetch)
  return { sendBeacon, fetch }
}

describe('beacon', () => {
  it('sends the answers as a text/plain wire batch, which needs no CORS preflight', async () => {
    const { sendBeacon, fetch } = stubBeacon(true)
    const answers = [response(), response({ kind: 'nps', score: 9 })]
    beacon('https://collect.example/r', answers)
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    expect(sendBeacon.mock.calls[0][0]).toBe('https://collect.example/r')
    expect(blobs[0].type).toBe('text/plain')
    expect(expectWireBatch(await blobs[0].text()).responses).toEqual(answers)
    expect(fetch).not.toHaveBeenCalled()
  })

  it('sends displays with the answers in the same wire batch', async () => {
    const { sendBeacon } = stubBeacon(true)
    const answers = [response()]
    const shown = {
      id: '00000000-0000-4000-8000-00000000d15b',
      event: 'shown' as const,
      survey: 'csat',
      kind: 'csat' as const,
      stage: 'purchase' as const,
      touchpoint: 'confirmation' as const,
      url: 'https://shop.example/thank-you/',
      locale: 'en',
      at: '2026-11-23T09:59:50.000Z',
      device: 'phone' as const,
      visitor: 'new' as const,
    }
    beacon('https://collect.example/r', answers, [shown])
    expect(sendBeacon).toHaveBeenCalledTimes(1)
    const batch = expectWireBatch(await blobs[0].text())
    expect(batch.responses).toEqual(answers)
    expect(batch.displays).toEqual([shown])
    // Displays alone (the shopper saw a survey and left) still go.
    beacon('https://collect.example/r', [], [shown])
    expect(expectWireBatch(await blobs[1].text())).toMatchObject({ responses: [], displays: [shown] })
  })

  it('splits a large outbox into requests under 60 KB each', async () => {
    stubBeacon(true)
    const answers = Array.from({ length: 200 }, () => response({ comment: 'ý kiến '.repeat(120).slice(0, 1000) }))
    beacon('https://collect.example/r', answers)
    expect(blobs.length).toBeGreaterThan(1)
    const sent = []
    for (const blob of blobs) {
      expect(blob.size).toBeLessThan(BEACON_BYTES)
      sent.push(...expectWireBatch(await blob.text()).responses)
    }
    expect(sent).toEqual(answers)
  })

  it('falls back to fetch with keepalive when the browser will not queue the beacon', () => {
    const { fetch } = stubBeacon(false)
    beacon('https://collect.example/r', [response()])
    expect(fetch).toHaveBeenCalledWith(
      'https://collect.example/r',
      expect.objectContaining({ method: 'POST', keepalive: true }),
    )
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1]
    expectWireBatch(init.body)
  })

  it('never throws when neither sendBeacon nor fetch exists', () => {
    vi.stubGlobal('navigator', {})
    vi.stubGlobal('fetch', undefined)
    expect(() => beacon('https://collect.example/r', [response()])).not.toThrow()
  })

  it('sends nothing for an empty outbox', () => {
    const { sendBeacon } = stubBeacon(true)
    beacon('https://collect.example/r', [])
    expect(sendBeacon).not.toHaveBeenCalled()
  })
})
