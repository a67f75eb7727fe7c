// A quote, a backslash and the control characters: what JSON strings must escape.
const ESCAPED = /["\\\u0000-\u001f]/g
const escape = (char: string) => '\\u' + char.charCodeAt(0).toString(16).padStart(4, '0')

/**
 * `JSON.stringify` for the widget's own data (plain objects, arrays, strings, numbers, booleans,
 * null), deaf to what a store page did to it: Prototype.js puts a `toJSON` on `Array.prototype`
 * that turns every array into a string, and some pages wrap `JSON.stringify` itself. Only own
 * keys are written, so properties a page added to `Object.prototype` never reach the wire.
 * Keys whose value is undefined are left out, as JSON.stringify does.
 *
 * @example
 * toJson({ v: 1, responses: [] }) // '{"v":1,"responses":[]}' even with Array.prototype.toJSON
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any JSON value, read through whatever the page did to its prototypes
export const toJson = (value: any): string =>
  typeof value == 'string'
    ? '"' + value.replace(ESCAPED, escape) + '"'
    : Array.isArray(value)
      ? '[' + value.map(toJson).join() + ']'
      : value && typeof value == 'object'
        ? '{' +
          Object.keys(value)
            .filter((key) => value[key] !== undefined)
            .map((key) => toJson(key) + ':' + toJson(value[key]))
            .join() +
          '}'
        : typeof value == 'boolean' || (typeof value == 'number' && isFinite(value))
          ? '' + value
          : 'null'
