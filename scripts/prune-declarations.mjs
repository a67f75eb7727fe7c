// Keeps only the declaration files the public entry reaches, so the package ships no types for
// internal or empty modules. Run by rollup.config.mjs after the npm build is written.
import { existsSync, readdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g

/** Deletes every .d.ts under `dir` that `entry` does not reach through relative imports. */
export function pruneDeclarations(dir, entry = 'index.d.ts') {
  const keep = new Set()
  const visit = (file) => {
    if (keep.has(file) || !existsSync(file)) return
    keep.add(file)
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = join(dirname(file), spec.replace(/\.js$/, ''))
      visit(existsSync(target + '.d.ts') ? target + '.d.ts' : join(target, 'index.d.ts'))
    }
  }
  visit(join(dir, entry))
  const sweep = (folder) => {
    for (const item of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, item.name)
      if (item.isDirectory()) sweep(path)
      else if (item.name.endsWith('.d.ts') && !keep.has(path)) rmSync(path)
    }
    if (folder != dir && readdirSync(folder).length == 0) rmdirSync(folder)
  }
  sweep(dir)
  return [...keep].map((file) => relative(dir, file))
}
