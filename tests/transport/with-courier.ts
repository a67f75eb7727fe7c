import type { TransportChunk } from '../../src/shared/contract'
import { createCourier } from '../../src/transport/courier'

/**
 * A transport chunk for unit tests: the given `send` and `withLock` (scripted results, another
 * tab holding the lock), with the chunk's real courier over them, as transport.ts builds it.
 *
 * @example
 * const transport = withCourier({ api: CHUNK_API, send: async () => ({ ok: true, retry: false }), withLock: (_, fn) => fn() })
 */
export const withCourier = (parts: Omit<TransportChunk, 'deliver'>): TransportChunk => ({
  ...parts,
  deliver: (host) => createCourier(host, parts),
})
