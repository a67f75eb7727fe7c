// Builds the widget:
// - dist/touchpoint.js: the CDN loader (IIFE) that runs on every store page; never imports Preact.
// - dist/touchpoint-ui.js, dist/touchpoint-transport.js: chunks the loader fetches next to itself
//   only when a survey is due or answers must be sent; dist/touchpoint-diagnostics.js only when a
//   warning must be worded or data-debug is on; dist/touchpoint-words.js only on pages in a language
//   whose URL words the loader does not carry (German, French …); dist/touchpoint-surveys.js only
//   on stores that set their own survey plan (the built-in one ships in the loader, parsed).
// - dist/esm/: the npm build with .d.ts; the UI and transport are split by dynamic import().
// The collector has its own config (rollup.collector.mjs).
import typescript from '@rollup/plugin-typescript'
import terser from '@rollup/plugin-terser'
import MagicString from 'magic-string'
import resolve from '@rollup/plugin-node-resolve'
import { readFileSync, rmSync } from 'node:fs'
import { pruneDeclarations } from './scripts/prune-declarations.mjs'
import { es2019 } from './scripts/rollup-plugin-es2019.mjs'
import { shortClassNames } from './scripts/rollup-plugin-short-class-names.mjs'
import { loaderInternalProperties } from './scripts/loader-internal-names.mjs'

// Hashed chunk names change with every build: start dist/esm empty so no stale chunk ships.
rmSync('dist/esm', { recursive: true, force: true })

const ts = (extra = {}) =>
  typescript({
    tsconfig: './tsconfig.json',
    include: ['src/**/*.ts', 'src/**/*.tsx'],
    exclude: ['src/collector/**'],
    filterRoot: process.cwd(),
    // Whole-program compilation: const enums (the detection ranks, RANK.product) become plain numbers.
    compilerOptions: { declaration: false, noEmit: false, isolatedModules: false, ...extra },
  })

// `properties`: the property names this bundle may shorten (the loader's internal ones only).
const minify = (properties) =>
  terser({
    ecma: 2019,
    compress: { passes: 3, unsafe_arrows: true, pure_getters: true },
    mangle: properties ? { properties } : true,
    format: { comments: false },
  })

// nanostores guards dev-only checks with process.env.NODE_ENV, which browsers do not have.
const production = {
  name: 'production',
  transform: (code) =>
    code.includes('process.env.NODE_ENV')
      ? { code: code.replaceAll('process.env.NODE_ENV', '"production"'), map: null }
      : null,
}

// touchpoint.version is package.json's (src/loader/version.ts), in the CDN and the npm build alike.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'))
const stampVersion = {
  name: 'stamp-version',
  transform: (code) =>
    code.includes('__TOUCHPOINT_VERSION__')
      ? { code: code.replaceAll('__TOUCHPOINT_VERSION__', JSON.stringify(version)), map: null }
      : null,
}

// V8's compile hint (Chrome 136+): compile every function of the file while the script is
// streamed, off the main thread, rather than each on its first call on the main thread.
const compileAll = {
  name: 'compile-all',
  renderChunk(code) {
    const out = new MagicString(code)
    out.prepend('//# allFunctionsCalledOnLoad\n')
    return { code: out.toString(), map: out.generateMap({ hires: true }) }
  },
}

const cdn = (input, file, properties, extra = []) => ({
  input,
  output: { file, format: 'iife', sourcemap: true },
  // es2019(): ky, nanostores and preact ship newer syntax and APIs than the README's browsers know.
  // shortClassNames(): the card's readable class names become one letter each (see the plugin).
  plugins: [
    resolve({ browser: true }),
    production,
    stampVersion,
    es2019(),
    ts(),
    shortClassNames(),
    minify(properties),
    ...extra,
  ],
  // An import cycle makes module order fragile: fail the build (ESLint's import-x/no-cycle says where).
  onwarn(warning, warn) {
    if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(warning.message)
    warn(warning)
  },
})

// A chunk whose entry is a folder's index.ts is named for the folder (ui-<hash>.js, not index-<hash>.js).
const chunkName = (chunk) =>
  `${chunk.name == 'index' && chunk.facadeModuleId ? chunk.facadeModuleId.split(/[\\/]/).slice(-2, -1)[0] : '[name]'}-[hash].js`

export default [
  // The loader's internal property names are shortened too (scripts/loader-internal-names.mjs).
  cdn('src/loader/cdn.ts', 'dist/touchpoint.js', loaderInternalProperties),
  cdn('src/ui/chunk.ts', 'dist/touchpoint-ui.js', undefined, [compileAll]),
  cdn('src/transport/chunk.ts', 'dist/touchpoint-transport.js'),
  cdn('src/diagnostics/chunk.ts', 'dist/touchpoint-diagnostics.js'),
  cdn('src/words/chunk.ts', 'dist/touchpoint-words.js'),
  cdn('src/surveys/chunk.ts', 'dist/touchpoint-surveys.js'),
  {
    input: 'src/index.ts',
    external: [/^preact(\/|$)/, 'nanostores', 'ky'],
    // The JSON writer is shared by the entry (outbox) and the transport chunk: in a chunk of its own,
    // or rollup turns index.js into a facade to export it to the transport.
    // base36 hashes: no `-` or `_` in a hash, so no `transport--6SrkK8a.js`.
    output: {
      dir: 'dist/esm',
      format: 'es',
      sourcemap: true,
      chunkFileNames: chunkName,
      hashCharacters: 'base36',
      manualChunks: (id) => (/[\\/]shared[\\/]to-json\.ts$/.test(id) ? 'to-json' : undefined),
    },
    plugins: [
      stampVersion,
      ts({ declaration: true, declarationDir: 'dist/esm', outDir: 'dist/esm', rootDir: 'src' }),
      shortClassNames(),
      // Types for the public API only: what index.d.ts reaches, no internal or empty modules.
      { name: 'public-types-only', writeBundle: () => void pruneDeclarations('dist/esm') },
    ],
  },
]
