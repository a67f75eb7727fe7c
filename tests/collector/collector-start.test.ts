// @vitest-environment node
// Work the collector can do before its first request is done when it starts: compiling the
// wire schema took 100–250 ms of the event loop, which the first POSTs (and every request
// queued behind them) waited for.
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PEERS } from '../../src/collector/peer-dependencies'
import { tempDir } from './temp-dir'

const require = createRequire(import.meta.url)

afterEach(() => vi.restoreAllMocks())

describe('a collector starting', () => {
  it('compiles the wire schema when it is created, before any POST', async () => {
    // The validator is compiled once per process: a fresh copy of the modules starts without it.
    vi.resetModules()
    const Ajv = require(PEERS.ajv.entry).default
    const compile = vi.spyOn(Ajv.prototype, 'compile')
    const { createCollector } = await import('../../src/collector/server')
    const tmp = tempDir()
    const collector = createCollector({ dbPath: tmp.dbPath, log: () => {} })
    try {
      expect(compile).toHaveBeenCalledTimes(1)
    } finally {
      await collector.close()
      tmp.remove()
    }
  })
})
