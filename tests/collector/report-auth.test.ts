// @vitest-environment node
// Who may read the report, over real HTTP: closed unless configured, throttled, never framed.
import { afterEach, describe, expect, it } from 'vitest'
import { createCollector } from '../../src/collector/server'
import { SettingError } from '../../src/collector/setting-error'
import { answer, batch, startCollector, stopCollectors, tempDir } from './fixtures'

afterEach(stopCollectors)

const REPORT_ROUTES = ['/report', '/api/report', '/report.csv', '/answers.csv']
const basic = (password: string) => ({
  Authorization: 'Basic ' + Buffer.from(`manager:${password}`).toString('base64'),
})
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

describe('report access', () => {
  it.each(REPORT_ROUTES)('keeps %s closed when no password or token is configured', async (path) => {
    const { url, post } = await startCollector({ reportToken: undefined })
    await post(batch([answer({ comment: 'private' })]))
    const res = await fetch(url + path, { headers: basic('') })
    expect(res.status).toBe(403)
    expect((await res.json()).error).toMatch(/closed: set REPORT_PASSWORD or REPORT_TOKEN/)
  })

  it.each([
    [{ reportPassword: '' }, /REPORT_PASSWORD \(reportPassword\) is set but empty/],
    [{ reportPassword: ' ' }, /REPORT_PASSWORD \(reportPassword\) is set but empty/],
    [{ reportToken: '' }, /REPORT_TOKEN \(reportToken\) is set but empty/],
  ])('refuses to start with an empty password or token: %j', (access, message) => {
    const tmp = tempDir()
    expect(() => createCollector({ dbPath: tmp.dbPath, ...access })).toThrow(SettingError)
    expect(() => createCollector({ dbPath: tmp.dbPath, ...access })).toThrow(message)
    tmp.remove()
  })

  it.each(REPORT_ROUTES)('opens %s with the token, not with a wrong one', async (path) => {
    const { url } = await startCollector({ reportToken: 'k3y' })
    expect((await fetch(url + path)).status).toBe(401)
    expect((await fetch(url + path, { headers: bearer('k3z') })).status).toBe(401)
    expect((await fetch(url + path, { headers: basic('k3y') })).status).toBe(401)
    expect((await fetch(url + path, { headers: bearer('k3y') })).status).toBe(200)
  })

  it('answers 429 to every attempt, the right one too, once a client has failed too often; others can still log in', async () => {
    const { url } = await startCollector({ reportPassword: 'hunter2', loginLimit: { perMinute: 3 }, trustProxy: 1 })
    const from = (ip: string, headers: Record<string, string>) => ({ headers: { 'X-Forwarded-For': ip, ...headers } })
    // Asking without credentials is how a browser starts: it does not count.
    for (let i = 0; i < 5; i++) expect((await fetch(`${url}/report`, from('203.0.113.7', {}))).status).toBe(401)
    for (let i = 0; i < 3; i++)
      expect((await fetch(`${url}/report`, from('203.0.113.7', basic(`guess${i}`)))).status).toBe(401)
    const throttled = await fetch(`${url}/api/report`, from('203.0.113.7', basic('hunter2')))
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await fetch(`${url}/report`, from('198.51.100.2', basic('hunter2')))).status).toBe(200)
  })

  it.each(REPORT_ROUTES)('sends %s, and its 401, with frame-ancestors none, nosniff and no referrer', async (path) => {
    const { url } = await startCollector({ reportPassword: 'hunter2' })
    for (const headers of [{}, basic('hunter2')]) {
      const res = await fetch(url + path, { headers })
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })

  it('keeps the HTML report free of scripts by its policy', async () => {
    const { url } = await startCollector({ reportPassword: 'hunter2' })
    const csp = (await fetch(`${url}/report`, { headers: basic('hunter2') })).headers.get('content-security-policy')!
    expect(csp).toMatch(/default-src 'none'/)
    expect(csp).not.toMatch(/script-src/)
  })
})
