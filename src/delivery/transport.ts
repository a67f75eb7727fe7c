import ky from 'ky'
import { CHUNK_API, type TransportChunk } from '../contract'

// Interim: replaced by the retrying transport (issue 5).
export const transport: TransportChunk = {
  api: CHUNK_API,
  async send(endpoint, batch) {
    try {
      const res = await ky.post(endpoint, { json: batch, throwHttpErrors: false, retry: 0 })
      return { ok: res.ok, status: res.status, retry: !res.ok }
    } catch {
      return { ok: false, retry: true }
    }
  },
  withLock: (_name, fn) => fn(),
}
