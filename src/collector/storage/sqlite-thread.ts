import { Worker } from 'node:worker_threads'

/** A SQLite connection on its own thread (sqlite-worker.js), called by message. */
export interface SqliteThread {
  call<T>(message: Record<string, unknown>): Promise<T>
  close(): Promise<void>
}

// Next to this module in src/ and in dist/collector/ alike (rollup builds it as its own entry).
const WORKER_URL = new URL('./sqlite-worker.js', import.meta.url)

/**
 * Starts one connection thread. A crashed thread fails its calls and every later one, so a
 * request gets a 503 rather than waiting forever.
 */
export function startSqliteThread(dbPath: string, role: 'writer' | 'reader' | 'checkpointer'): SqliteThread {
  const worker = new Worker(WORKER_URL, { workerData: { dbPath, role } })
  const pending = new Map<number, { resolve: (value: never) => void; reject: (err: Error) => void }>()
  let nextId = 0
  let failure: Error | null = null

  const failAll = (err: Error) => {
    failure = err
    for (const { reject } of pending.values()) reject(err)
    pending.clear()
  }
  worker.on('message', (message: { id: number; result?: never; error?: { message: string; code?: string } }) => {
    const waiting = pending.get(message.id)
    if (!waiting) return
    pending.delete(message.id)
    if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }))
    else waiting.resolve(message.result as never)
  })
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`the SQLite ${role} thread stopped (exit code ${code})`)))

  const call = <T>(message: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      if (failure) return reject(failure)
      const id = nextId++
      pending.set(id, { resolve: resolve as (value: never) => void, reject })
      worker.postMessage({ ...message, id })
    })

  return {
    call,
    async close() {
      if (failure) return
      await call({ op: 'close' }).catch(() => {})
      await new Promise<void>((resolve) => (failure ? resolve() : worker.once('exit', () => resolve())))
    },
  }
}
