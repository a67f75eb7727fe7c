// @vitest-environment node
// Slow and numerous clients over real TCP on loopback: they are cut off in time and capped in number.
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { rawHttp, startCollector, stopCollectors } from './fixtures'

afterEach(stopCollectors)

/** Opens a connection that sends half a request head and then nothing; resolves once connected. */
const slowClient = (port: number) =>
  new Promise<{ socket: Socket; closed: Promise<string> }>((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let text = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('error', () => {})
    const closed = new Promise<string>((done) => socket.on('close', () => done(text)))
    socket.on('connect', () => {
      socket.write('POST /collect HTTP/1.1\r\nHost: 127.0.0.1\r\n')
      resolve({ socket, closed })
    })
  })

describe('slow and numerous clients', () => {
  it('answers 408 and closes a connection whose headers do not arrive within headersTimeoutMs', async () => {
    const { port } = await startCollector({ headersTimeoutMs: 300 })
    const { text, afterMs } = await rawHttp(port, 'POST /collect HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    expect(text).toMatch(/^HTTP\/1\.1 408 /)
    expect(afterMs).toBeLessThan(1500)
  })

  it('closes connections over maxConnections at once, and serves again once the slow ones are cut', async () => {
    const { port, url } = await startCollector({ maxConnections: 20, headersTimeoutMs: 600 })
    const slow = await Promise.all(Array.from({ length: 20 }, () => slowClient(port)))
    // The cap holds: one more connection is closed without an answer.
    const refused = await rawHttp(port, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', () => {}, 3000)
    expect(refused.text).toBe('')
    expect(refused.afterMs).toBeLessThan(1000)
    // The slow clients are cut by the headers timeout, and a normal request is served.
    const cut = await Promise.all(slow.map((client) => client.closed))
    expect(cut.every((text) => text.startsWith('HTTP/1.1 408 '))).toBe(true)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  })
})
