import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** A fresh folder for a database file, removed by the returned function. */
export function tempDir(): { dir: string; dbPath: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-test-'))
  return { dir, dbPath: join(dir, 'answers.db'), remove: () => rmSync(dir, { recursive: true, force: true }) }
}
