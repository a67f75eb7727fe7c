// Starts one real PostgreSQL server (Debian's postgresql package) for the whole collector run
// and hands its URL to the tests. Never skipped: without the binaries the run fails with the
// command that installs them.
import type { TestProject } from 'vitest/node'
import { startTempPostgres } from '../../scripts/pg-temp.mjs'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startTempPostgres()
  project.provide('postgresUrl', server.url)
  return () => server.stop()
}
