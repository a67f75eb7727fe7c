import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import type { StoreOptions } from '../../src/collector/storage'
import { tempDir } from './temp-dir'

/** Both engines: every storage and HTTP test runs against each. */
export const ENGINES = ['sqlite', 'postgres'] as const
export type Engine = (typeof ENGINES)[number]

export interface Target {
  options: StoreOptions
  /** The SQLite file or the PostgreSQL URL of this test's own database. */
  location: string
  remove(): Promise<void>
}

/** An empty database of its own for one test: a SQLite file in a temp folder, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<Target> {
  if (engine === 'sqlite') {
    const tmp = tempDir()
    return { options: { dbPath: tmp.dbPath }, location: tmp.dbPath, remove: async () => tmp.remove() }
  }
  const admin = inject('postgresUrl')
  const name = `touchpoint_${randomBytes(6).toString('hex')}`
  await withClient(admin, (client) => client.query(`CREATE DATABASE ${name}`))
  const url = admin.replace(/\/[^/]*$/, `/${name}`)
  return {
    options: { databaseUrl: url },
    location: url,
    remove: () =>
      withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  }
}

/** Runs `work` on a connection of its own to `url`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(url)
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
