// The rooms of src/ and what each may import. A file's folder says which bundle it ships in:
// - loader/: runs on every store page view; never imports a chunk's code (the chunks are loaded
//   through the contract in shared/contract.ts; loader/chunks/import-chunk.ts names them only in
//   dynamic import() for the npm build).
// - ui/, transport/, diagnostics/, words/, surveys/: the lazily loaded chunks; each imports only shared/ and itself.
// - collector/: Node only; never imports browser code.
// - shared/: what several bundles need; imports nothing outside shared/.
import tseslint from 'typescript-eslint'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const rooms = ['loader', 'ui', 'transport', 'diagnostics', 'words', 'surveys', 'collector']

/** no-restricted-imports patterns that keep a room's files out of the given rooms. */
const keepOut = (room, forbidden) => ({
  files: [`src/${room}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((other) => ({
          regex: `^(\\.\\./)+${other}/`,
          message: `src/${room} may not import src/${other}: ${room === 'loader' ? 'the loader reaches chunks only through shared/contract.ts' : room === 'shared' ? 'shared/ stands on its own' : 'a bundle imports only shared/ and its own room'}.`,
        })),
      },
    ],
  },
})

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/node_modules/', 'coverage/', 'test-results/', 'tests/fixtures/pages/'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // no-cycle reads the imported files too: with TypeScript's parser, or it sees no imports there.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      // Import cycles make rollup's module order fragile; the build reports them too.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Source is written out for readers; the minifier compresses it.
    files: ['src/**'],
    rules: { 'no-sequences': 'error' },
  },
  keepOut('loader', ['ui', 'transport', 'diagnostics', 'words', 'surveys', 'collector']),
  ...['ui', 'transport', 'diagnostics', 'words', 'surveys'].map((chunk) =>
    keepOut(
      chunk,
      rooms.filter((room) => room !== chunk),
    ),
  ),
  keepOut('collector', ['loader', 'ui', 'transport', 'diagnostics', 'words', 'surveys']),
  keepOut('shared', rooms),
  {
    // Tests, scripts and the demo drive browsers and servers with loosely typed page objects.
    files: ['tests/**', 'scripts/**', 'demo/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
