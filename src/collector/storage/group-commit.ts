import type { DisplayRow } from './display-rows.js'
import type { Row } from './rows.js'
import type { BatchInsertResult } from './store.js'

/** One request's rows: its answers and its displays, written in the same transaction. */
export interface WriteRequest {
  responses: Row[]
  displays: DisplayRow[]
}

/** Writes several requests' rows in ONE transaction and resolves once it is committed. */
export type WriteGroup = (requests: WriteRequest[]) => Promise<BatchInsertResult[]>

export interface GroupCommit {
  /** Queues one request's rows; resolves with its own counts once the group holding it is committed. */
  add(request: WriteRequest): Promise<BatchInsertResult>
  /** Resolves when nothing is queued or being written. */
  idle(): Promise<void>
}

interface Pending {
  request: WriteRequest
  resolve: (result: BatchInsertResult) => void
  reject: (err: unknown) => void
}

const sizeOf = (request: WriteRequest) => request.responses.length + request.displays.length

/**
 * Group commit: while a transaction is being written (its disk flush is the slow part), the
 * requests that arrive wait together and go in the next transaction, with one flush for all.
 * An idle collector therefore writes a lone request at once; a busy one writes ever larger
 * groups instead of queueing ever more flushes. Every request is answered only after the
 * commit that holds its rows.
 *
 * @example
 * const group = createGroupCommit((requests) => writeInOneTransaction(requests))
 * await group.add({ responses: rows, displays: [] }) // → { stored: 10, duplicates: 0, displays: { stored: 0, duplicates: 0 } }, on disk
 */
export function createGroupCommit(write: WriteGroup, { concurrency = 1, maxRows = 5000 } = {}): GroupCommit {
  let queue: Pending[] = []
  let writing = 0
  let scheduled = false
  let waitingForIdle: (() => void)[] = []

  function flushSoon() {
    if (scheduled) return
    scheduled = true
    // After this turn's I/O callbacks: requests read in the same turn share the group.
    setImmediate(() => {
      scheduled = false
      flush()
    })
  }

  function flush() {
    while (writing < concurrency && queue.length) {
      let rowCount = 0
      let take = 0
      while (take < queue.length && (take === 0 || rowCount + sizeOf(queue[take].request) <= maxRows))
        rowCount += sizeOf(queue[take++].request)
      const group = queue.slice(0, take)
      queue = queue.slice(take)
      writing++
      writeOrSplit(group).finally(() => {
        writing--
        if (queue.length) flush()
        else if (!writing) settleIdle()
      })
    }
  }

  // One request the database refuses must not fail the others that shared its transaction:
  // a failed group is written again one request at a time.
  async function writeOrSplit(group: Pending[]): Promise<void> {
    try {
      const results = await write(group.map((p) => p.request))
      group.forEach((p, i) => p.resolve(results[i]))
    } catch (err) {
      if (group.length === 1) return group[0].reject(err)
      for (const p of group) await writeOrSplit([p])
    }
  }

  function settleIdle() {
    const waiting = waitingForIdle
    waitingForIdle = []
    waiting.forEach((resolve) => resolve())
  }

  return {
    add: (request) =>
      new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject })
        flushSoon()
      }),
    idle: () =>
      queue.length || writing || scheduled ? new Promise((resolve) => waitingForIdle.push(resolve)) : Promise.resolve(),
  }
}
