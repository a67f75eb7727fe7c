// @vitest-environment node
import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createRouter, READ_METHODS } from '../../src/collector/router'

const request = (method: string) => ({ method }) as IncomingMessage
const response = {} as ServerResponse

describe('createRouter', () => {
  const calls: string[] = []
  const route = createRouter(
    [
      { path: '/healthz', methods: READ_METHODS, handle: () => void calls.push('health') },
      { path: '/collect', handle: (req) => void calls.push(`collect ${req.method}`) },
    ],
    (_req, _res, url) => void calls.push(`otherwise ${url.pathname}`),
  )

  it('hands each path to its handler, ignoring the query', async () => {
    calls.length = 0
    await route(request('GET'), response, new URL('http://x/healthz?verbose=1'))
    await route(request('OPTIONS'), response, new URL('http://x/collect'))
    expect(calls).toEqual(['health', 'collect OPTIONS'])
  })

  it('passes a method the route does not answer, and an unknown path, to the fallback', async () => {
    calls.length = 0
    await route(request('POST'), response, new URL('http://x/healthz'))
    await route(request('GET'), response, new URL('http://x/healthz/'))
    expect(calls).toEqual(['otherwise /healthz', 'otherwise /healthz/'])
  })
})
