// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { clientAddressResolver, parseTrustProxy } from '../../src/collector/client-address'
import { answer, batch, startCollector, stopCollectors } from './fixtures'

afterEach(stopCollectors)

const request = (socket: string, forwarded?: string | string[]) => ({
  socket: { remoteAddress: socket },
  headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded },
})

describe('clientAddressResolver', () => {
  it('believes no header without a trusted proxy', () => {
    expect(clientAddressResolver(false)(request('203.0.113.7', '1.1.1.1'))).toBe('203.0.113.7')
  })

  it('takes the entry the trusted hops wrote, not the one the client chose', () => {
    const oneProxy = clientAddressResolver(1)
    expect(oneProxy(request('10.0.0.2', '203.0.113.7'))).toBe('203.0.113.7')
    expect(oneProxy(request('10.0.0.2', '6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7')
    expect(oneProxy(request('10.0.0.2', ['6.6.6.6', '203.0.113.7']))).toBe('203.0.113.7')
    expect(clientAddressResolver(2)(request('10.0.0.2', '6.6.6.6, 203.0.113.7, 10.0.0.1'))).toBe('203.0.113.7')
    // Fewer entries than hops: the left-most there is.
    expect(clientAddressResolver(3)(request('10.0.0.2', '203.0.113.7'))).toBe('203.0.113.7')
  })

  it('skips trusted proxy addresses and subnets from the right', () => {
    const trusted = clientAddressResolver(['10.0.0.0/8', '::1'])
    expect(trusted(request('::1', '6.6.6.6, 203.0.113.7, 10.1.2.3'))).toBe('203.0.113.7')
    expect(trusted(request('::ffff:10.0.0.2', '203.0.113.7'))).toBe('203.0.113.7')
    // A socket that is no trusted proxy is the client, whatever it claims.
    expect(trusted(request('198.51.100.2', '203.0.113.7'))).toBe('198.51.100.2')
    expect(trusted(request('10.0.0.2', 'not-an-ip, 203.0.113.7'))).toBe('203.0.113.7')
  })

  it('reads one IPv4 client on an IPv6 socket as one key', () => {
    expect(clientAddressResolver(false)(request('::ffff:203.0.113.7'))).toBe('203.0.113.7')
  })
})

describe('parseTrustProxy', () => {
  it.each([
    ['', false],
    ['0', false],
    ['no', false],
    ['true', 1],
    ['yes', 1],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    [' 10.0.0.0/8 , fd00::/8 ', ['10.0.0.0/8', 'fd00::/8']],
  ] as const)('%j', (text, trust) => expect(parseTrustProxy(text)).toEqual(trust))

  it.each(['proxy.local', '10.0.0.0/33', '10.0.0.1/8/2', '1.2.3'])('refuses %j', (text) => {
    expect(() => parseTrustProxy(text)).toThrow(/TRUST_PROXY must be/)
  })
})

describe('rate limit behind a proxy, over HTTP', () => {
  it('limits a client by the address its proxy saw, however it varies the first X-Forwarded-For entry', async () => {
    const { post } = await startCollector({ rateLimit: { perMinute: 3 }, trustProxy: 1 })
    const spoofed = (i: number) => ({ 'X-Forwarded-For': `10.9.9.${i}, 203.0.113.7` })
    for (let i = 0; i < 3; i++) expect((await post(batch([answer()]), spoofed(i))).status).toBe(200)
    expect((await post(batch([answer()]), spoofed(99))).status).toBe(429)
    expect((await post(batch([answer()]), { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(200)
  })

  it('trusts the listed proxy addresses only', async () => {
    const { post } = await startCollector({ rateLimit: { perMinute: 1 }, trustProxy: ['127.0.0.1'] })
    expect((await post(batch([answer()]), { 'X-Forwarded-For': '203.0.113.7' })).status).toBe(200)
    expect((await post(batch([answer()]), { 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' })).status).toBe(429)
    expect((await post(batch([answer()]), { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(200)
  })
})
