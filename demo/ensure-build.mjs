// `npm run demo` must work straight after `npm install`: build what is missing or stale.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
const at = (...p) => join(ROOT, ...p)

function newest(path) {
  const st = statSync(path)
  if (!st.isDirectory()) return st.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

const stale = (output, ...inputs) => !existsSync(output) || statSync(output).mtimeMs < Math.max(...inputs.map(newest))

function run(script) {
  console.log(`demo: npm run ${script}`)
  return (
    spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], { cwd: ROOT, stdio: 'inherit' })
      .status === 0
  )
}

/**
 * Builds the widget (dist/touchpoint.js, `npm run build`) when it is missing or older than
 * src/, and the collector (dist/collector/, `npm run build:collector`) likewise. A failed widget
 * build is reported and the demo goes on without the survey; a failed collector build stops it.
 */
export function ensureBuilt({ widget = true } = {}) {
  if (widget && stale(at('dist/touchpoint.js'), at('src'))) {
    if (!run('build') || !existsSync(at('dist/touchpoint.js'))) {
      console.warn('demo: could not build dist/touchpoint.js; the store will load without the survey widget.')
    }
  }
  if (
    stale(
      at('dist/collector/index.js'),
      at('src/collector'),
      at('src/shared/types.ts'),
      at('src/shared/stage-map.ts'),
      at('src/shared/vocabulary.ts'),
      at('schema'),
    )
  ) {
    if (!run('build:collector')) throw new Error('could not build the collector (npm run build:collector)')
  }
}
