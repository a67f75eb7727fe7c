import { CHUNK_API, chunkRegistry, type ChunkName, type Chunks, type LoadChunk } from '../../shared/contract.js'

/**
 * The CDN build's chunk loader: a classic `<script>` next to the loader's own URL, which
 * registers itself on `window.__touchpoint_chunks`. A script tag (not `import()`) so a store
 * serving the files itself needs no CORS headers, and the CSP nonce carries over.
 */
export function loadScriptChunk(base: string, nonce: string | null): LoadChunk {
  const pending: Record<string, Promise<unknown>> = {}
  return <K extends ChunkName>(name: K) =>
    (pending[name] ||= new Promise((resolve, reject) => {
      const registry = chunkRegistry()
      const script = document.createElement('script')
      const done = () => {
        // Loaded or not, the element has done its work: a failed one left in place would add one
        // more `<script>` to the store's page on every retry.
        script.remove()
        const chunk = registry[name]
        if (chunk && chunk.api == CHUNK_API) return resolve(chunk)
        delete pending[name] // a later call may succeed (e.g. back online)
        reject(
          Error(
            `touchpoint-${name}.js ${chunk ? 'speaks api ' + chunk.api + ', loader ' + CHUNK_API : 'did not load'}`,
          ),
        )
      }
      if (registry[name]) return done()
      script.src = base + 'touchpoint-' + name + '.js'
      if (nonce) script.nonce = nonce
      script.onload = script.onerror = done
      document.head.appendChild(script)
    })) as Promise<Chunks[K]>
}
