export interface Demo {
  url: string
  seeded: number
  store: import('../src/collector/storage').ResponseStore
  close(): Promise<void>
}
export function startDemo(options?: { port?: number; host?: string; dbPath: string; seed?: boolean; log?: (m: string) => void }): Promise<Demo>
