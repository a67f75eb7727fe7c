// Attributes the bytes of a built CDN file to its source modules, using the file's source map.
// Usage: node scripts/size-attribution.mjs [dist/touchpoint.js]   (run `npm run build` first)
// - min: minified bytes whose mapping points into the module (unmapped glue goes to "(glue)").
// - alone: brotli of those bytes on their own (an upper bound: no shared context).
// - marginal: brotli(file) - brotli(file with that module's bytes cut out): what dropping it would save.
import { readFileSync } from 'node:fs'
import { brotliCompressSync, constants } from 'node:zlib'
import { TraceMap, eachMapping } from '@jridgewell/trace-mapping'

const file = process.argv[2] || 'dist/touchpoint.js'
const code = readFileSync(file, 'utf8')
const map = new TraceMap(readFileSync(file + '.map', 'utf8'))
const br = (s) => brotliCompressSync(Buffer.from(s), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length

// Offsets of line starts, to turn (line, column) into an index.
const lineStart = [0]
for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStart.push(i + 1)
const segments = []
eachMapping(map, (m) => segments.push({ at: lineStart[m.generatedLine - 1] + m.generatedColumn, source: m.source }))
segments.sort((a, b) => a.at - b.at)

const owner = new Array(code.length).fill('(glue)')
for (let i = 0; i < segments.length; i++) {
  const end = i + 1 < segments.length ? segments[i + 1].at : code.length
  const name = (segments[i].source || '(glue)').replace(/^.*?\/(src|node_modules)\//, '$1/')
  for (let j = segments[i].at; j < end; j++) owner[j] = name
}

const modules = new Map()
for (let j = 0; j < code.length; j++) {
  const m = modules.get(owner[j]) || modules.set(owner[j], []).get(owner[j])
  m.push(j)
}
const total = br(code)
const rows = [...modules].map(([name, idx]) => {
  const mine = new Set(idx)
  const own = idx.map((j) => code[j]).join('')
  let rest = ''
  for (let j = 0; j < code.length; j++) if (!mine.has(j)) rest += code[j]
  return { name, min: own.length, alone: br(own), marginal: total - br(rest) }
})
rows.sort((a, b) => b.min - a.min)
const folder = (n) => n.split('/').slice(0, 2).join('/')
console.log(`${file}: ${code.length} B minified, ${total} B brotli (q11)\n`)
console.log('module'.padEnd(44), 'min'.padStart(6), 'alone'.padStart(6), 'marginal'.padStart(9))
for (const r of rows)
  console.log(r.name.padEnd(44), String(r.min).padStart(6), String(r.alone).padStart(6), String(r.marginal).padStart(9))
const byFolder = new Map()
for (const r of rows) {
  const f = byFolder.get(folder(r.name)) || { min: 0, alone: 0, marginal: 0 }
  f.min += r.min
  f.alone += r.alone
  f.marginal += r.marginal
  byFolder.set(folder(r.name), f)
}
console.log('\nby folder (sums of the module rows)')
for (const [name, f] of [...byFolder].sort((a, b) => b[1].min - a[1].min))
  console.log(name.padEnd(44), String(f.min).padStart(6), String(f.alone).padStart(6), String(f.marginal).padStart(9))
