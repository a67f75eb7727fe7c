// Builds the reference collector (src/collector) for Node: ESM in dist/collector/, with
// `bin.js` for `npx touchpoint-collector` and `index.js` for `touchpoint-survey/collector`.
// The widget build (rollup.config.mjs) never sees these files.
import { builtinModules } from 'node:module'
import typescript from '@rollup/plugin-typescript'

const external = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'better-sqlite3',
  'pg',
  /^ajv(\/|$)/,
  /^ajv-formats(\/|$)/,
]

export default {
  // The SQLite and report threads are loaded by file name (new URL('./sqlite-worker.js',
  // import.meta.url)); the report thread shares the report's modules with index.js as chunks.
  // `storage-rows` and `vocabulary` are internal: scripts/bench-collector-lib.mjs seeds its
  // databases with the collector's own rows rather than a copy of them.
  input: {
    index: 'src/collector/index.ts',
    bin: 'src/collector/bin.ts',
    'sqlite-worker': 'src/collector/storage/sqlite-worker.js',
    'report-worker': 'src/collector/report-worker.ts',
    'storage-rows': 'src/collector/storage/rows.ts',
    vocabulary: 'src/shared/vocabulary.ts',
  },
  external,
  output: {
    dir: 'dist/collector',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: '[name].js',
    sourcemap: true,
  },
  plugins: [
    typescript({
      tsconfig: './tsconfig.json',
      // Only what the collector imports: the rest of src/ is browser code, which needs the DOM lib.
      include: ['src/collector/**/*.ts', 'src/shared/*.ts'],
      filterRoot: process.cwd(),
      compilerOptions: {
        target: 'ES2022',
        lib: ['ES2022'],
        outDir: 'dist/collector',
        declaration: true,
        declarationDir: 'dist/collector/types',
        rootDir: 'src',
        noEmit: false,
      },
    }),
  ],
}
