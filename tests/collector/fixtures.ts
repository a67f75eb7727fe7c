import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { connect, type Socket } from 'node:net'
import { dirname } from 'node:path'
import { DEFAULT_STAGE_MAP } from '../../src/shared/vocabulary'
import { createCollector, type Collector, type CollectorOptions } from '../../src/collector/server'
import type { Batch, SurveyDisplay, SurveyResponse, Touchpoint } from '../../src/shared/types'
import { freshDatabase, type Engine } from './engines'

const EMOTIONS = ['frustrated', 'disappointed', 'neutral', 'pleased', 'delighted'] as const

/** One valid answer; anything can be overridden. */
export function answer(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  const kind = overrides.kind ?? 'csat'
  const score = overrides.score ?? 4
  const touchpoint = overrides.touchpoint ?? 'product'
  return {
    id: randomUUID(),
    survey: kind,
    kind,
    score,
    comment: null,
    emotion: kind === 'emotion' ? EMOTIONS[score - 1] : null,
    stage: DEFAULT_STAGE_MAP[touchpoint],
    touchpoint,
    url: 'https://shop.example/product/linen-shirt/',
    locale: 'en',
    at: '2026-11-20T10:00:00.000Z',
    ...overrides,
  }
}

/** One valid display (a survey shown); anything can be overridden. */
export function display(overrides: Partial<SurveyDisplay> = {}): SurveyDisplay {
  const kind = overrides.kind ?? 'csat'
  const touchpoint = overrides.touchpoint ?? 'product'
  return {
    id: randomUUID(),
    event: 'shown',
    survey: kind,
    kind,
    stage: DEFAULT_STAGE_MAP[touchpoint],
    touchpoint,
    url: 'https://shop.example/product/linen-shirt/',
    locale: 'en',
    at: '2026-11-20T09:59:50.000Z',
    ...overrides,
  }
}

/** Many answers of one kind at one touchpoint, one per score. */
export const answers = (
  touchpoint: Touchpoint,
  kind: SurveyResponse['kind'],
  scores: number[],
  extra: Partial<SurveyResponse> = {},
) => scores.map((score) => answer({ touchpoint, kind, score, ...extra }))

export const batch = (responses: unknown[]): Batch =>
  ({ v: 1, sent_at: '2026-11-20T10:00:05.000Z', responses }) as Batch

export { tempDir } from './temp-dir'

/** The collector's clock in HTTP tests: after every fixture answer, so none falls outside the answer window. */
export const FIXTURE_NOW = Date.parse('2026-12-01T12:00:00.000Z')
export const REPORT_TOKEN = 'test-report-token'
/** Headers that may read the reports of a collector started by `startCollector`. */
export const asReader = { Authorization: `Bearer ${REPORT_TOKEN}` }

let running: { collector: Collector; remove: () => Promise<void> | void }[] = []

/**
 * A collector over real HTTP on loopback with a database of its own (a SQLite file in a temp
 * folder, or with `engine` 'postgres' a new database on the test PostgreSQL server), a report
 * token and a fixed clock; `stopCollectors()` (in afterEach) closes them all. `location` is the
 * SQLite file or the PostgreSQL URL.
 */
export async function startCollector(options: Partial<CollectorOptions> = {}, engine: Engine = 'sqlite') {
  const target = await freshDatabase(engine)
  const logs: string[] = []
  const collector = createCollector({
    ...target.options,
    log: (m) => logs.push(m),
    reportToken: REPORT_TOKEN,
    now: () => FIXTURE_NOW,
    ...options,
  })
  running.push({ collector, remove: target.remove })
  const { url, port } = await collector.listen(0, '127.0.0.1')
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}/collect`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
  const report = async (query = '') => (await fetch(`${url}/api/report${query}`, { headers: asReader })).json()
  const dir = target.options.dbPath ? dirname(target.options.dbPath) : tmpdir()
  return {
    url,
    port,
    post,
    report,
    collector,
    target,
    location: target.location,
    dbPath: target.options.dbPath,
    dir,
    logs,
  }
}

export async function stopCollectors(): Promise<void> {
  for (const { collector, remove } of running) {
    await collector.close().catch(() => {})
    await remove()
  }
  running = []
}

/**
 * A raw TCP client for what fetch cannot do (slow bodies, early responses, hanging up): sends
 * `head`, then lets `then` write more; resolves with all the server sent once it closes the
 * connection (or after `untilMs`), and when.
 */
export function rawHttp(port: number, head: string, then: (socket: Socket) => void = () => {}, untilMs = 5000) {
  return new Promise<{ text: string; afterMs: number; socket: Socket }>((resolve, reject) => {
    const started = Date.now()
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head)
      then(socket)
    })
    let text = ''
    const done = () => {
      clearTimeout(timer)
      resolve({ text, afterMs: Date.now() - started, socket })
    }
    const timer = setTimeout(() => {
      socket.destroy()
      done()
    }, untilMs)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (text += chunk))
    socket.on('close', done)
    socket.on('error', (err: NodeJS.ErrnoException) =>
      err.code === 'ECONNRESET' || err.code === 'EPIPE' ? done() : reject(err),
    )
  })
}

/** The head of a `POST /collect` with these headers. */
export const postHead = (headers: Record<string, string | number>) =>
  `POST /collect HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`
