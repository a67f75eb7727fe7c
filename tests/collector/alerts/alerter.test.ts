// @vitest-environment node
// Alerts against a real HTTP receiver on 127.0.0.1: what it receives, and that it can trust it.
import { createHmac } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createAlerter, type Alerter } from '../../../src/collector/alerts/alerter'
import { verifyAlert } from '../../../src/collector/alerts/sign'
import { createCollector, type Collector } from '../../../src/collector/server'
import { ENGINES, freshDatabase } from '../engines'
import { answer, batch, FIXTURE_NOW, REPORT_TOKEN } from '../fixtures'

interface Received {
  headers: IncomingMessage['headers']
  body: string
  /** When the request arrived (performance.now()). */
  at: number
}

/** A webhook receiver: answers each request with the next status of `statuses` (then 200), and hands every request to the waiting test. */
async function receiver(statuses: number[] = []) {
  const received: Received[] = []
  const waiters: (() => void)[] = []
  const server: Server = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body, at: performance.now() })
      res.writeHead(statuses.shift() ?? 200).end()
      waiters.splice(0).forEach((wake) => wake())
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  const until = (count: number) =>
    new Promise<Received[]>((resolve) => {
      const check = () => (received.length >= count ? resolve(received) : waiters.push(check))
      check()
    })
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url, received, until }
}

let cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})
const alerter = (options: Parameters<typeof createAlerter>[0]): Alerter => {
  const created = createAlerter({ log: () => {}, ...options })
  cleanups.push(() => created.close())
  return created
}

const SECRET = 'whsec-test'

describe('low-score alerts', () => {
  it('POSTs the low scores as signed JSON, and only those', async () => {
    const hook = await receiver()
    const alerts = alerter({ url: hook.url, secret: SECRET })
    alerts.notify([
      answer({ kind: 'nps', score: 6, comment: 'Shipping fee at the last step' }),
      answer({ kind: 'nps', score: 9 }),
      answer({ kind: 'csat', score: 2 }),
      answer({ kind: 'emotion', score: 2 }),
      answer({ kind: 'emotion', score: 3 }),
      answer({ kind: 'ces', score: 1 }),
      answer({ kind: 'csat', score: 3 }),
    ])
    const [message] = await hook.until(1)
    const body = JSON.parse(message.body)
    expect(body).toMatchObject({ type: 'touchpoint.low_scores', count: 4 })
    expect(body.answers.map((a: { kind: string; score: number }) => `${a.kind} ${a.score}`)).toEqual([
      'nps 6',
      'csat 2',
      'emotion 2',
      'ces 1',
    ])
    expect(body.answers[0].comment).toBe('Shipping fee at the last step')
    // The receiver's check, done two ways: the helper, and HMAC-SHA256 by hand over "<timestamp>.<body>".
    const timestamp = String(message.headers['x-touchpoint-timestamp'])
    const signature = String(message.headers['x-touchpoint-signature'])
    expect(verifyAlert(SECRET, timestamp, message.body, signature)).toBe(true)
    expect(signature).toBe(
      'sha256=' + createHmac('sha256', SECRET).update(`${timestamp}.${message.body}`).digest('hex'),
    )
    expect(verifyAlert('another-secret', timestamp, message.body, signature)).toBe(false)
    expect(verifyAlert(SECRET, timestamp, message.body.replace('"nps"', '"csat"'), signature)).toBe(false)
  })

  it('retries a webhook that answers 503, with growing delays, until it takes the message', async () => {
    const hook = await receiver([503, 503])
    const retryDelayMs = 200
    const alerts = alerter({ url: hook.url, retryDelayMs })
    alerts.notify([answer({ kind: 'csat', score: 1 })])
    const messages = await hook.until(3)
    expect(messages.map((m) => JSON.parse(m.body).count)).toEqual([1, 1, 1])
    // The backoff doubles: at least 200 ms before the second try and 400 ms before the third (a
    // timer may fire a millisecond or two early; the request's own time only adds).
    const waits = [messages[1].at - messages[0].at, messages[2].at - messages[1].at]
    expect(waits[0], `waits ${waits}`).toBeGreaterThanOrEqual(retryDelayMs - 5)
    expect(waits[1], `waits ${waits}`).toBeGreaterThanOrEqual(2 * retryDelayMs - 5)
    await alerts.flush()
    expect(hook.received).toHaveLength(3)
  })

  it('gives up on a webhook that refuses the message with a 400, saying so once', async () => {
    const hook = await receiver([400])
    const lines: string[] = []
    const alerts = createAlerter({ url: hook.url, retryDelayMs: 5, log: (m) => lines.push(m) })
    cleanups.push(() => alerts.close())
    alerts.notify([answer({ kind: 'csat', score: 1 })])
    await hook.until(1)
    await alerts.flush()
    expect(hook.received).toHaveLength(1)
    expect(lines).toEqual(['alert webhook: 1 low scores not delivered (HTTP 400)'])
  })

  it('sends one digest per window, however many low scores arrive in it', async () => {
    const hook = await receiver()
    const alerts = alerter({ url: hook.url, digestMinutes: 0.002 }) // 120 ms
    for (let i = 0; i < 5; i++) alerts.notify([answer({ kind: 'nps', score: i })])
    const [digest] = await hook.until(1)
    expect(JSON.parse(digest.body).count).toBe(5)
    alerts.notify([answer({ kind: 'nps', score: 0 })])
    await hook.until(2)
    expect(hook.received.map((m) => JSON.parse(m.body).count)).toEqual([5, 1])
  })

  it('speaks Slack’s incoming-webhook format when asked', async () => {
    const hook = await receiver()
    alerter({ url: hook.url, format: 'slack' }).notify([
      answer({ kind: 'csat', score: 1, touchpoint: 'checkout', comment: 'Card failed' }),
    ])
    const [message] = await hook.until(1)
    const body = JSON.parse(message.body)
    expect(Object.keys(body)).toEqual(['text'])
    expect(body.text).toMatch(
      /^\*1 low score on the store\*\n• CSAT 1 at checkout \(decision\), .* UTC — “Card failed”$/,
    )
  })

  it('alerts once for an answer the widget sends twice', async () => {
    const hook = await receiver()
    const alerts = alerter({ url: hook.url })
    const low = answer({ kind: 'csat', score: 1 })
    alerts.notify([low])
    await hook.until(1)
    alerts.notify([{ ...low }, answer({ kind: 'csat', score: 2 })])
    const messages = await hook.until(2)
    expect(JSON.parse(messages[1].body).answers.map((a: { id: string }) => a.id)).not.toContain(low.id)
  })
})

describe.each(ENGINES)('alerts from the collector on %s', (engine) => {
  it('answers the shop at once while the webhook hangs, then alerts', async () => {
    const target = await freshDatabase(engine)
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const arrived: string[] = []
    let onArrival: () => void = () => {}
    const arrival = new Promise<void>((resolve) => (onArrival = resolve))
    const hanging = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += chunk))
      req.on('end', () => {
        arrived.push(body)
        onArrival()
        void held.then(() => res.writeHead(200).end())
      })
    })
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
    const hook = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/`
    const collector: Collector = createCollector({
      ...target.options,
      log: () => {},
      reportToken: REPORT_TOKEN,
      now: () => FIXTURE_NOW,
      alerts: { url: hook, secret: SECRET },
    })
    cleanups.push(async () => {
      release()
      await collector.close()
      await new Promise<void>((resolve) => hanging.close(() => resolve()))
      await target.remove()
    })
    const { url } = await collector.listen(0, '127.0.0.1')
    const res = await fetch(`${url}/collect`, {
      method: 'POST',
      body: JSON.stringify(batch([answer({ kind: 'nps', score: 2 }), answer({ kind: 'nps', score: 10 })])),
    })
    expect(await res.json()).toMatchObject({ ok: true, stored: 2, duplicates: 0 })
    await arrival
    expect(JSON.parse(arrived[0]).answers.map((a: { score: number }) => a.score)).toEqual([2])
  })
})
