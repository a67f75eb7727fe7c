// @vitest-environment node
// Work the collector can do before its first request is done when it starts: compiling the
// wire schema took 100–250 ms of the event loop, which the first POSTs (and every request
// queued behind them) waited for; the process's first number format 20–110 ms of the first
// /report.
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { PEERS } from '../../src/collector/peer-dependencies'
import { tempDir } from './temp-dir'

const require = createRequire(import.meta.url)

const NumberFormat = Intl.NumberFormat
afterEach(() => {
  vi.restoreAllMocks()
  Intl.NumberFormat = NumberFormat
})

describe('a collector starting', () => {
  it('compiles the wire schema and loads the report’s number formats when it is created', async () => {
    // The validator is compiled once per process: a fresh copy of the modules starts without it.
    vi.resetModules()
    const Ajv = require(PEERS.ajv.entry).default
    const compile = vi.spyOn(Ajv.prototype, 'compile')
    // Each number format made, by its language (a spy cannot stand in for a class called with `new`).
    const locales: unknown[] = []
    class Recording extends NumberFormat {
      constructor(...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        super(...args)
        locales.push(args[0])
      }
    }
    Intl.NumberFormat = Recording as typeof Intl.NumberFormat
    const { createCollector } = await import('../../src/collector/server')
    const tmp = tempDir()
    const collector = createCollector({ dbPath: tmp.dbPath, log: () => {} })
    try {
      expect(compile).toHaveBeenCalledTimes(1)
      // Both report languages' formats.
      expect(locales).toEqual(['en-US', 'vi-VN'])
    } finally {
      await collector.close()
      tmp.remove()
    }
  })
})
