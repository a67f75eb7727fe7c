// The report thread (report-thread.ts starts it): builds and renders every report with its
// own database connection, so that the report's queries, its figures and the garbage they
// leave live in another V8 heap and the collector's event loop only answers POSTs.
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'
import { parentPort, threadId, workerData } from 'node:worker_threads'
import { createReportService, type ReportRequest } from './report-service.js'
import { openReportStore } from './storage/report-store.js'

export interface ReportThreadData {
  databaseUrl?: string
  dbPath?: string
  buildsAtOnce?: number
}

/** What the main thread sends: a request to render, or `close`. */
export type ReportThreadCommand = { op: 'render'; request: ReportRequest } | { op: 'close' }
export type ReportThreadMessage = ReportThreadCommand & { id: number }

/** What the thread answers: the rendered body as UTF-8 bytes (transferred, not copied), or why it failed. */
export interface ReportThreadReply {
  id: number
  body?: Uint8Array
  error?: string
  /** This thread's id, so that the collector (and its tests) can tell which thread built it. */
  threadId: number
  builds: number
}

const data = workerData as ReportThreadData
const port = parentPort!
yieldTheProcessor()
const store = openReportStore(data)
const reports = createReportService(store, data.buildsAtOnce)
const encoder = new TextEncoder()

port.on('message', async (message: ReportThreadMessage) => {
  if (message.op === 'close') {
    await store.close().catch(() => {})
    port.postMessage({ id: message.id, threadId, builds: reports.builds } satisfies ReportThreadReply)
    port.close()
    return
  }
  try {
    const body = encoder.encode(await reports.render(message.request))
    const reply: ReportThreadReply = { id: message.id, body, threadId, builds: reports.builds }
    port.postMessage(reply, [body.buffer])
  } catch (err) {
    port.postMessage({
      id: message.id,
      error: (err as Error).stack ?? String(err),
      threadId,
      builds: reports.builds,
    } satisfies ReportThreadReply)
  }
})

// On a small machine the report thread would take a core the event loop and the SQLite
// writer need to answer shoppers. On Linux a thread has a nice value of its own (setpriority
// on its thread id), so this one runs at nice 10, as the SQLite reader thread does: reports
// get the CPU that collection leaves, and all of it when collection is idle.
function yieldTheProcessor() {
  try {
    const osThreadId = Number(readlinkSync('/proc/thread-self').split('/').pop())
    setPriority(osThreadId, 10)
  } catch {
    // Not Linux, or not permitted: the thread shares the CPU equally.
  }
}
