export interface TempPostgres {
  /** Admin URL, e.g. postgres://postgres@127.0.0.1:54012/postgres */
  url: string
  port: number
  dir: string
  stop(): void
}
export function findPostgresBin(): string
export function startTempPostgres(options?: { log?: (message: string) => void }): Promise<TempPostgres>
