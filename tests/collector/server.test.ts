// @vitest-environment node
// The collector over real HTTP on loopback, against each engine: a real SQLite file in a temp
// folder and a real PostgreSQL database.
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createCollector, type CollectorOptions } from '../../src/collector/server'
import { ENGINES, withClient } from './engines'
import { answer, answers, asReader, batch, startCollector, stopCollectors, tempDir } from './fixtures'

afterEach(stopCollectors)

describe.each(ENGINES)('the collector on %s', (engine) => {
  /** A collector on this engine with a database of its own (startCollector in fixtures.ts). */
  const start = (options: Partial<CollectorOptions> = {}) => startCollector(options, engine)

  describe('POST /collect', () => {
    it('stores a JSON batch and says how many answers it stored', async () => {
      const { post, report } = await start()
      const res = await post(batch([answer(), answer({ kind: 'nps', score: 9 })]))
      expect(res.status).toBe(200)
      expect(await res.json()).toEqual({ ok: true, stored: 2, duplicates: 0, displays: { stored: 0, duplicates: 0 } })
      expect((await report()).total).toBe(2)
    })

    it('accepts a beacon sent as text/plain', async () => {
      const { post, report } = await start()
      const res = await post(batch([answer()]), { 'Content-Type': 'text/plain;charset=UTF-8' })
      expect(res.status).toBe(200)
      expect((await report()).total).toBe(1)
    })

    it('stores an answer sent twice only once', async () => {
      const { post, report } = await start()
      const a = answer()
      expect(await (await post(batch([a]))).json()).toMatchObject({ stored: 1, duplicates: 0 })
      const again = await post(batch([a, { ...a }]))
      expect(again.status).toBe(200)
      expect(await again.json()).toEqual({ ok: true, stored: 0, duplicates: 2, displays: { stored: 0, duplicates: 0 } })
      expect((await report()).total).toBe(1)
    })

    it('answers 400 for malformed JSON', async () => {
      const { post } = await start()
      const res = await post('{"v":1,"responses":[')
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: 'malformed JSON', reasons: [expect.any(String)] })
    })

    it('answers 413 for a body over the configured limit and stores nothing', async () => {
      const { post, report } = await start({ maxBodyBytes: 2000 })
      const big = batch([
        answer({ comment: 'x'.repeat(900) }),
        answer({ comment: 'y'.repeat(900) }),
        answer({ comment: 'z'.repeat(900) }),
      ])
      const res = await post(big)
      expect(res.status).toBe(413)
      expect((await res.json()).error).toMatch(/larger than 2000 bytes/)
      expect((await report()).total).toBe(0)
    })

    it('answers 413 over 1 MiB by default', async () => {
      const { post } = await start()
      const res = await post(' '.repeat(1024 * 1024) + JSON.stringify(batch([answer()])))
      expect(res.status).toBe(413)
      const justUnder = await post(' '.repeat(1024 * 1024 - 2000) + JSON.stringify(batch([answer()])))
      expect(justUnder.status).toBe(200)
    })

    it('answers 422 with a readable reason for a score out of range and an unknown kind', async () => {
      const { post, report } = await start()
      const res = await post(batch([answer({ kind: 'nps', score: 11 }), { ...answer(), kind: 'stars' }]))
      expect(res.status).toBe(422)
      const body = await res.json()
      expect(body.reasons).toContain('responses[0].score must be <= 10')
      expect(body.reasons).toContain('responses[1].kind must be one of "csat", "nps", "emotion", "ces"')
      expect((await report()).total).toBe(0)
    })

    it('keeps the valid answers of a partly invalid batch and lists the reasons of the others', async () => {
      const { post, report } = await start()
      const good = answer({ kind: 'csat', score: 5 })
      const res = await post(
        batch([good, answer({ kind: 'csat', score: 0 }), answer({ kind: 'emotion', score: 2, emotion: 'delighted' })]),
      )
      expect(res.status).toBe(422)
      expect(await res.json()).toEqual({
        error: 'invalid responses',
        reasons: ['responses[1].score must be >= 1', 'responses[2].emotion must be "disappointed" for score 2'],
        stored: 1,
        duplicates: 0,
        displays: { stored: 0, duplicates: 0 },
      })
      expect((await report()).overall.csat).toMatchObject({ n: 1, avg: 5 })
    })

    it.each([
      ['a body that is not an object', [1, 2], 'body must be object'],
      ['a wrong version', { ...batch([answer()]), v: 2 }, 'v must be 1'],
      ['an empty batch', batch([]), 'body must carry at least one response or display'],
      ['a missing sent_at', { v: 1, responses: [answer()] }, 'sent_at is required'],
    ])('refuses %s with 422 and stores nothing', async (_, body, reason) => {
      const { post, report } = await start()
      const res = await post(body)
      expect(res.status).toBe(422)
      expect((await res.json()).reasons).toContain(reason)
      expect((await report()).total).toBe(0)
    })

    it('answers 415 for a body that is neither JSON nor text', async () => {
      const { post } = await start()
      expect((await post('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415)
    })

    it('answers 405 to other methods', async () => {
      const { url } = await start()
      const res = await fetch(`${url}/collect`)
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST, OPTIONS')
    })

    it('answers 503 so the widget retries when the database cannot write', async () => {
      const { post, collector } = await start()
      await collector.store.close()
      const res = await post(batch([answer()]))
      expect(res.status).toBe(503)
      expect(res.headers.get('retry-after')).toBe('5')
    })
  })

  describe('durability', () => {
    it('keeps answers in a database that outlives the server', async () => {
      const { post, collector, target } = await start()
      await post(batch(answers('checkout', 'csat', [1, 2, 3])))
      await collector.close()
      if (engine === 'sqlite') {
        const db = new Database(target.location, { readonly: true })
        expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
        expect(db.prepare('SELECT COUNT(*) FROM responses').pluck().get()).toBe(3)
        db.close()
      } else {
        expect(
          await withClient(
            target.location,
            async (client) => (await client.query('SELECT COUNT(*)::int AS n FROM responses')).rows[0].n,
          ),
        ).toBe(3)
      }
      const reopened = createCollector({ ...target.options, log: () => {} })
      expect(await reopened.store.count()).toBe(3)
      await reopened.store.close()
    })

    it('answers every request of a burst only after its answers are committed', async () => {
      const { post, target } = await start({ rateLimit: null })
      // Opened before the burst, so that each count runs the moment its 200 arrives.
      const count = await idCounter(target.location)
      const batches = Array.from({ length: 30 }, () => answers('cart', 'csat', [1, 2, 3, 4, 5]))
      const statuses = await Promise.all(
        batches.map(async (responses) => {
          const res = await post(batch(responses))
          return [res.status, await count.of(responses.map((r) => r.id))]
        }),
      )
      await count.close()
      expect(statuses).toEqual(batches.map(() => [200, 5]))
    })
  })

  /** Counts stored ids through a connection of its own. */
  async function idCounter(location: string) {
    if (engine === 'sqlite') {
      const db = new Database(location, { readonly: true })
      const has = db.prepare('SELECT COUNT(*) FROM responses WHERE id = ?').pluck()
      return {
        of: async (ids: string[]) => ids.reduce((n, id) => n + (has.get(id) as number), 0),
        close: async () => db.close(),
      }
    }
    const client = new pg.Client(location)
    await client.connect()
    return {
      of: async (ids: string[]) =>
        (await client.query('SELECT COUNT(*)::int AS n FROM responses WHERE id = ANY($1)', [ids])).rows[0].n as number,
      close: () => client.end(),
    }
  }

  describe('CORS', () => {
    const shop = 'https://shop.example'

    it('answers a preflight from an allowed origin, allowing only the Content-Type header the widget sends', async () => {
      const { url } = await start({ allowOrigins: [shop] })
      const res = await fetch(`${url}/collect`, {
        method: 'OPTIONS',
        headers: {
          Origin: shop,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      })
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(shop)
      expect(res.headers.get('access-control-allow-methods')).toContain('POST')
      expect(res.headers.get('access-control-allow-headers')).toBe('Content-Type')
    })

    it('lets the page read the answer of a POST from an allowed origin', async () => {
      const { post } = await start({ allowOrigins: [shop] })
      const res = await post(batch([answer()]), { Origin: shop })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe(shop)
      expect(res.headers.get('vary')).toBe('Origin')
    })

    it('refuses preflights and answers from an origin outside the allow-list', async () => {
      const { url, post, report } = await start({ allowOrigins: [shop] })
      const preflight = await fetch(`${url}/collect`, {
        method: 'OPTIONS',
        headers: { Origin: 'https://evil.example' },
      })
      expect(preflight.status).toBe(403)
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
      const res = await post(batch([answer()]), { Origin: 'https://evil.example', 'Content-Type': 'text/plain' })
      expect(res.status).toBe(403)
      expect((await report()).total).toBe(0)
    })

    it('always accepts answers from its own origin', async () => {
      const { url, post } = await start({ allowOrigins: [shop] })
      expect((await post(batch([answer()]), { Origin: url })).status).toBe(200)
    })

    it('accepts any origin with *', async () => {
      const { post } = await start({ allowOrigins: ['*'] })
      const res = await post(batch([answer()]), { Origin: 'https://any.example' })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe('https://any.example')
    })
  })

  describe('rate limit', () => {
    it('answers 429 with Retry-After once a client has used its burst, without slowing other clients', async () => {
      const { post, report } = await start({ rateLimit: { perMinute: 3 }, trustProxy: true })
      const from = (ip: string) => ({ 'X-Forwarded-For': ip })
      for (let i = 0; i < 3; i++) expect((await post(batch([answer()]), from('203.0.113.7'))).status).toBe(200)
      const limited = await post(batch([answer()]), from('203.0.113.7'))
      expect(limited.status).toBe(429)
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect((await post(batch([answer()]), from('198.51.100.2'))).status).toBe(200)
      expect((await report()).total).toBe(4)
    })

    it('lets a widget on another origin read the Retry-After of its 429', async () => {
      const shop = 'https://shop.example'
      const { post } = await start({ rateLimit: { perMinute: 1 }, allowOrigins: [shop] })
      expect((await post(batch([answer()]), { Origin: shop })).status).toBe(200)
      const limited = await post(batch([answer()]), { Origin: shop })
      expect(limited.status).toBe(429)
      expect(limited.headers.get('access-control-allow-origin')).toBe(shop)
      expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After')
    })

    it('ignores X-Forwarded-For unless told to trust a proxy', async () => {
      const { post } = await start({ rateLimit: { perMinute: 1 } })
      expect((await post(batch([answer()]), { 'X-Forwarded-For': '1.1.1.1' })).status).toBe(200)
      expect((await post(batch([answer()]), { 'X-Forwarded-For': '2.2.2.2' })).status).toBe(429)
    })
  })

  describe('reports over HTTP', () => {
    it('reports healthy with the number of stored answers', async () => {
      const { url, post } = await start()
      await post(batch([answer()]))
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true, responses: 1 })
    })

    it('filters /api/report by date range, a bare "to" date including its whole day', async () => {
      const { post, report, url } = await start()
      await post(
        batch([
          answer({ at: '2026-10-31T23:59:59.000Z' }),
          answer({ at: '2026-11-01T00:00:00.000Z' }),
          answer({ at: '2026-11-30T23:00:00.000+00:00' }),
          answer({ at: '2026-12-01T06:00:00.000+07:00' }), // 2026-11-30T23:00Z
          answer({ at: '2026-12-01T00:00:00.000Z' }),
        ]),
      )
      expect((await report()).total).toBe(5)
      const november = await report('?from=2026-11-01&to=2026-11-30')
      expect(november.total).toBe(3)
      expect(november.range).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-11-30T23:59:59.999Z' })
      const bad = await fetch(`${url}/api/report?from=yesterday`, { headers: asReader })
      expect(bad.status).toBe(400)
    })

    it('serves the journey map as HTML with every comment escaped', async () => {
      const { post, url } = await start()
      await post(
        batch([
          ...answers('checkout', 'csat', [1, 1, 2, 2, 1]),
          answer({ touchpoint: 'checkout', score: 1, comment: '<img src=x onerror=alert(1)>' }),
        ]),
      )
      const res = await fetch(`${url}/report?lang=vi`, { headers: asReader })
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      const html = await res.text()
      expect(html).toContain('Bản\u00a0đồ hành\u00a0trình khách\u00a0hàng')
      expect(html).not.toContain('<img src=x')
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    })

    it('asks for the report password when one is set, on every report route', async () => {
      const { url } = await start({ reportPassword: 'hunter2' })
      const basic = (pw: string) => ({ Authorization: 'Basic ' + Buffer.from(`manager:${pw}`).toString('base64') })
      for (const path of ['/report', '/api/report', '/report.csv', '/answers.csv']) {
        const anonymous = await fetch(url + path)
        expect(anonymous.status).toBe(401)
        expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic/)
        expect((await fetch(url + path, { headers: basic('wrong') })).status).toBe(401)
        expect((await fetch(url + path, { headers: basic('hunter2') })).status).toBe(200)
      }
      expect((await fetch(url + '/healthz')).status).toBe(200)
    })

    it('exports the answers as CSV', async () => {
      const { post, url } = await start()
      await post(batch([answer({ comment: 'Giao hàng nhanh, đóng gói đẹp' })]))
      const res = await fetch(`${url}/answers.csv?from=2026-11-01`, { headers: asReader })
      expect(res.headers.get('content-type')).toMatch(/text\/csv/)
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="touchpoint-answers-2026-11-01.csv"/)
      const text = await res.text()
      expect(text.split('\r\n')[0]).toBe('id,at,stage,touchpoint,survey,kind,score,emotion,comment,locale,url')
      expect(text).toContain('Giao hàng nhanh, đóng gói đẹp')
    })

    it('streams a CSV of more answers than one page, each answer once, oldest first', async () => {
      const { collector, url } = await start()
      const many = Array.from({ length: 4500 }, (_, i) =>
        answer({ at: new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString() }),
      )
      await collector.store.insert(many)
      const res = await fetch(`${url}/answers.csv`, { headers: asReader })
      expect(res.headers.get('content-length')).toBeNull()
      const lines = (await res.text()).split('\r\n').slice(1, -1)
      expect(lines.map((line) => line.split(',')[0])).toEqual(many.map((a) => a.id))
    }, 60_000)

    it('returns the journey report as data: rates from displays, verdict, trend, segments and themes', async () => {
      const { collector, report } = await start()
      const shown = (i: number) => ({
        id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
        event: 'shown' as const,
        survey: 'csat',
        kind: 'csat' as const,
        stage: 'decision' as const,
        touchpoint: 'checkout' as const,
        url: 'https://shop.example/checkout/',
        locale: 'vi',
        at: '2026-11-20T10:00:00.000Z',
      })
      const displays = Array.from({ length: 40 }, (_, i) => shown(i))
      const low = Array.from({ length: 6 }, (_, i) =>
        answer({
          touchpoint: 'checkout',
          score: 1,
          comment: i % 2 ? 'phi ship dat qua' : 'Phí ship hiện ở bước cuối',
          locale: 'vi',
          display: displays[i].id,
          device: 'phone',
        } as object),
      )
      await collector.store.insertBatch({
        responses: [...low, ...answers('product', 'csat', [5, 5, 4, 5, 5, 4])],
        displays,
      })
      const data = await report()
      expect(data.rates.touchpoints.find((r: { touchpoint: string }) => r.touchpoint === 'checkout')).toMatchObject({
        shown: 40,
        answered: 6,
        rate: 0.15,
        cautions: ['few-answers'],
      })
      expect(data.verdict).toMatchObject({ status: 'clear', lowest: { touchpoint: 'checkout' } })
      expect(data.trend.unit).toBe('day')
      expect(
        data.segments.find((s: { key: string; value: string }) => s.key === 'device' && s.value === 'phone').overall
          .responses,
      ).toBe(6)
      expect(data.themes.find((t: { key: string }) => t.key === 'shipping fee')).toMatchObject({
        touchpoint: 'checkout',
        count: 6,
        low_share: 1,
      })
      expect(JSON.stringify(data)).not.toMatch(/Fix first|Satisfaction/)
      const filtered = await report('?theme=shipping%20fee&q=dat')
      expect(filtered.comments.map((c: { comment: string }) => c.comment)).toEqual([
        'phi ship dat qua',
        'phi ship dat qua',
        'phi ship dat qua',
      ])
    })

    it('serves the figures as CSV, a view of /api/report', async () => {
      const { post, url } = await start()
      await post(batch(answers('checkout', 'csat', [1, 2, 5])))
      const bytes = Buffer.from(await (await fetch(`${url}/report.csv`, { headers: asReader })).arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = bytes.toString('utf8')
      expect(text.split('\r\n')[0]).toBe('\uFEFFscope,stage,touchpoint,survey,measure,n,value,low,high')
      expect(text).toContain('\r\ntouchpoint,decision,checkout,,csat_mean,3,2.67,')
    })

    it('explains a bad date on /report in a page, and in JSON on /api/report', async () => {
      const { url } = await start()
      const page = await fetch(`${url}/report?from=yesterday&lang=en`, { headers: asReader })
      expect(page.status).toBe(400)
      expect(page.headers.get('content-type')).toMatch(/text\/html/)
      expect(await page.text()).toContain(
        '<h1>This report could not be shown</h1><p>from must be a date (2026-11-30) or an ISO 8601 date-time</p>',
      )
      const api = await fetch(`${url}/api/report?group=angry`, { headers: asReader })
      expect(api.status).toBe(400)
      expect(await api.json()).toEqual({ error: 'group must be low, neutral or high, not "angry"' })
    })

    it('serves files from the static folder and hands other paths to the fallback', async () => {
      const tmp = tempDir()
      const { writeFileSync } = await import('node:fs')
      writeFileSync(`${tmp.dir}/touchpoint.js`, 'window.touchpoint = 1')
      const { url } = await start({ staticDir: tmp.dir, fallback: (_req, res) => res.writeHead(299).end('store') })
      const js = await fetch(`${url}/touchpoint.js`)
      expect(js.headers.get('content-type')).toMatch(/javascript/)
      expect(await js.text()).toBe('window.touchpoint = 1')
      // %2F survives URL parsing, so these reach the file lookup as ../../
      expect((await fetch(`${url}/..%2F..%2Fetc%2Fpasswd`)).status).toBe(299)
      expect((await fetch(`${url}/%2e%2e%2fanswers.db`)).status).toBe(299)
      expect((await fetch(`${url}/cart/`)).status).toBe(299)
      tmp.remove()
    })
  })
})
