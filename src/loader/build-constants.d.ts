// Constants the build writes in (rollup.config.mjs; vitest.config.ts for the unit tests).

/** package.json's version, as a string literal. */
declare const __TOUCHPOINT_VERSION__: string
