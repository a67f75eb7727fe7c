export interface Demo {
  url: string
  seeded: number
  /** The report's password (HTTP Basic, any user name). */
  reportPassword: string
  store: import('../src/collector/storage').ResponseStore
  close(): Promise<void>
}
export const DEMO_REPORT_PASSWORD: string
export function startDemo(options?: {
  port?: number
  host?: string
  dbPath: string
  seed?: boolean | (() => { responses: unknown[]; displays: unknown[] })
  log?: (m: string) => void
  reportPassword?: string
}): Promise<Demo>
