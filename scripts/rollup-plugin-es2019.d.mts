import type { Plugin } from 'rollup'

/** Transpiles one module's JavaScript to ES2019 with the API rewrites (see the .mjs). */
export function toES2019(code: string, fileName: string): { code: string; map: object }
/** The rollup plugin: dependency modules from node_modules through toES2019. */
export function es2019(): Plugin
