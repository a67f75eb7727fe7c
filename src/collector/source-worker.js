// Starts a worker thread whose entry is TypeScript, when the collector runs from its source
// (the tests run src/ through vitest; dist/collector/ holds the built JavaScript and never
// loads this file). Node cannot load .ts files by itself: the hooks in
// source-worker-hooks.js strip the types, with the same transformer vitest uses.
import { register } from 'node:module'
import { workerData } from 'node:worker_threads'

register(new URL('./source-worker-hooks.js', import.meta.url))
await import(workerData.entry)
