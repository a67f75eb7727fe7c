// A quote, a backslash, control characters, the two JavaScript line breaks and every surrogate
// (a lone one is not valid UTF-8; an escaped pair reads back as the same character).
const ESCAPED = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/g // eslint-disable-line no-control-regex
const escape = (char: string) => '\\u' + ('000' + char.charCodeAt(0).toString(16)).slice(-4)

/**
 * `JSON.stringify` for the widget's own data (plain objects, arrays, strings, numbers, booleans,
 * null), deaf to what a store page did to it: Prototype.js puts a `toJSON` on `Array.prototype`
 * that turns every array into a string, and some pages wrap `JSON.stringify` itself. Only own
 * keys are written, so properties a page added to `Object.prototype` never reach the wire.
 * Like `JSON.stringify`, it leaves out keys whose value is undefined or a function.
 *
 * @example
 * toJson({ v: 1, responses: [] }) // '{"v":1,"responses":[]}' even with Array.prototype.toJSON
 */
export function toJson(value: unknown): string {
  if (typeof value == 'string') return '"' + value.replace(ESCAPED, escape) + '"'
  if (typeof value == 'number') return isFinite(value) ? '' + value : 'null'
  if (typeof value == 'boolean') return '' + value
  if (!value || typeof value != 'object') return 'null'
  let out = ''
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + toJson(value[i])
    return '[' + out + ']'
  }
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key]
    if (item !== undefined && typeof item != 'function') out += (out ? ',' : '') + toJson(key) + ':' + toJson(item)
  }
  return '{' + out + '}'
}
