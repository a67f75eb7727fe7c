// Module hooks for source-worker.js: `./module.js` imported from a .ts file resolves to
// `./module.ts` when that exists (the source imports what the build will name .js), and
// .ts files are loaded with their types stripped (rolldown's transformer, vitest's own).
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { transformSync } from 'rolldown/experimental'

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('.') && specifier.endsWith('.js') && context.parentURL?.endsWith('.ts')) {
    const typescript = new URL(specifier.replace(/\.js$/, '.ts'), context.parentURL)
    if (existsSync(fileURLToPath(typescript))) return { url: typescript.href, shortCircuit: true }
  }
  return nextResolve(specifier, context)
}

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context)
  const path = fileURLToPath(url)
  const { code, errors } = transformSync(path, await readFile(path, 'utf8'))
  if (errors.length) throw new Error(`${path}: ${errors.map((error) => error.message).join('; ')}`)
  return { format: 'module', source: code, shortCircuit: true }
}
