import { rollup } from 'rollup'
import terser from '@rollup/plugin-terser'
import typescriptPlugin from '@rollup/plugin-typescript'

// Compiled as the loader build compiles it (rollup.config.mjs): the whole program at once, so
// the detection ranks' const enums are inlined here as they are in dist/touchpoint.js.
const typescript = () =>
  typescriptPlugin({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'src/**/*.tsx'],
    exclude: ['src/collector/**'],
    noEmitOnError: false,
    compilerOptions: { declaration: false, noEmit: false, isolatedModules: false },
  })

/** Bundles `entry` into one IIFE, as the CDN loader would ship it; minified on request. */
export async function bundle(entry: string, minify = false): Promise<string> {
  const build = await rollup({
    input: entry,
    plugins: [typescript(), ...(minify ? [terser({ compress: { passes: 2 }, mangle: true })] : [])],
  })
  const { output } = await build.generate({ format: 'iife', name: 'touchpointModules' })
  await build.close()
  return output[0].code
}
