import { Worker } from 'node:worker_threads'
import type { ReportRequest } from './report-service.js'
import type { ReportThreadCommand, ReportThreadData, ReportThreadReply } from './report-worker.js'

/** The report thread stopped (crashed, ran out of memory, or the collector is closing): the request gets a 503. */
export class ReportThreadStoppedError extends Error {
  readonly name = 'ReportThreadStoppedError'
}

export interface ReportThread {
  /** The rendered view as UTF-8 bytes. Starts the thread on first use, and again after it stopped. */
  render(request: ReportRequest): Promise<Uint8Array>
  /** The id of the thread that answered last (null before the first answer), and how many builds it started. */
  readonly threadId: number | null
  readonly builds: number
  /** Stops the running thread at once, as a crash would; the next request starts a new one. */
  terminate(): Promise<void>
  /** Lets the thread close its database connection and exit; later requests get a 503. */
  close(): Promise<void>
}

// In dist/collector/ the thread is its own rollup entry, report-worker.js. Run from source (the
// tests), the entry is TypeScript, loaded through source-worker.js's hooks.
const FROM_SOURCE = import.meta.url.endsWith('.ts')
const ENTRY = new URL(FROM_SOURCE ? './report-worker.ts' : './report-worker.js', import.meta.url)
const SOURCE_BOOT = new URL('./source-worker.js', import.meta.url)
// A closing thread that does not answer in this time is stopped.
const CLOSE_MS = 5000

interface Running {
  worker: Worker
  pending: Map<number, { resolve: (body: Uint8Array) => void; reject: (err: Error) => void }>
  stopped: Promise<void>
}

/**
 * The collector's report thread, started when the first report is asked for (a collector that
 * only collects never starts it) and again after it stopped: a crash fails the requests it
 * held with `ReportThreadStoppedError`, and the next request gets a fresh thread.
 *
 * @example
 * const reports = startReportThread({ dbPath: './touchpoint.db', buildsAtOnce: 2 })
 * res.end(await reports.render({ view: 'json', range: {}, commentFilter: {}, lang: 'en', search: '' }))
 */
export function startReportThread(data: ReportThreadData): ReportThread {
  let running: Running | null = null
  let closed = false
  let nextId = 0
  let threadId: number | null = null
  let builds = 0

  const start = (): Running => {
    const worker = FROM_SOURCE
      ? new Worker(SOURCE_BOOT, { workerData: { ...data, entry: ENTRY.href } })
      : new Worker(ENTRY, { workerData: data })
    const pending: Running['pending'] = new Map()
    let markStopped = () => {}
    const thread: Running = { worker, pending, stopped: new Promise((resolve) => (markStopped = resolve)) }
    const fail = (reason: string) => {
      if (running === thread) running = null
      for (const { reject } of pending.values()) reject(new ReportThreadStoppedError(reason))
      pending.clear()
    }
    worker.on('message', (reply: ReportThreadReply) => {
      threadId = reply.threadId
      builds = reply.builds
      const waiting = pending.get(reply.id)
      if (!waiting) return
      pending.delete(reply.id)
      if (reply.error !== undefined) waiting.reject(new Error(`report thread: ${reply.error}`))
      else waiting.resolve(reply.body!)
    })
    worker.on('error', (err) => fail(`the report thread failed: ${err.message}`))
    worker.on('exit', (code) => {
      fail(`the report thread stopped (exit code ${code})`)
      markStopped()
    })
    return thread
  }

  const send = (thread: Running, message: ReportThreadCommand) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++
      thread.pending.set(id, { resolve, reject })
      thread.worker.postMessage({ ...message, id })
    })

  return {
    render(request) {
      if (closed) return Promise.reject(new ReportThreadStoppedError('the collector is closing'))
      running ??= start()
      return send(running, { op: 'render', request })
    },
    get threadId() {
      return threadId
    },
    get builds() {
      return builds
    },
    async terminate() {
      const thread = running
      if (!thread) return
      await thread.worker.terminate()
      await thread.stopped
    },
    async close() {
      closed = true
      const thread = running
      if (!thread) return
      const timer = setTimeout(() => void thread.worker.terminate(), CLOSE_MS)
      await send(thread, { op: 'close' }).catch(() => {})
      await thread.stopped
      clearTimeout(timer)
    },
  }
}
