import { rollup, type Plugin } from 'rollup'
import terser from '@rollup/plugin-terser'
import ts from 'typescript'
import { existsSync } from 'node:fs'

// Type-stripping only (tsc checks types separately): keeps the bundle close to what the
// loader build emits without depending on its config.
const typescript: Plugin = {
  name: 'strip-types',
  resolveId(source, importer) {
    if (source.startsWith('/') || (importer && source.startsWith('.'))) {
      // Source imports name their .js output (for Node ESM types): map it back to the .ts file.
      const base = new URL(source, 'file://' + (importer || '/')).pathname.replace(/\.js$/, '')
      for (const candidate of [base + '.ts', base + '.tsx', base + '/index.ts', base])
        if (existsSync(candidate)) return candidate
    }
  },
  transform(code, id) {
    if (id.endsWith('.ts'))
      return ts.transpileModule(code, {
        compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.ESNext, isolatedModules: true },
      }).outputText
  },
}

/** Bundles `entry` into one IIFE, as the CDN loader would ship it; minified on request. */
export async function bundle(entry: string, minify = false): Promise<string> {
  const build = await rollup({
    input: entry,
    plugins: [typescript, ...(minify ? [terser({ compress: { passes: 2 }, mangle: true })] : [])],
  })
  const { output } = await build.generate({ format: 'iife', name: 'touchpointDetection' })
  await build.close()
  return output[0].code
}
