// The one store page of the browser tests: a page the way a store's theme renders it, with the
// tag where and how the store owner pasted it.

/** The stub from the README, so that calls made before the loader runs are queued; `calls` follow it. */
export const stub = (...calls: string[]) =>
  '<script>window.touchpoint=window.touchpoint||function(){(touchpoint.q=touchpoint.q||[]).push(arguments)};' +
  calls.join(';') +
  '</script>'

/** Attribute values of the tag; `true` writes the bare attribute (`async`, `data-debug`). */
export type TagAttributes = Record<string, string | true | false | undefined>

/**
 * The tag a store owner pastes: `/touchpoint.js` sending to the test server's `/collect`.
 * `src` and `data-endpoint` can be overridden, and any attribute left out with `false`.
 *
 * @example
 * tag({ 'data-debug': true, 'data-flush-ms': '100', async: true })
 */
export function tag(attributes: TagAttributes = {}): string {
  const all: TagAttributes = { src: '/touchpoint.js', 'data-endpoint': '/collect', ...attributes }
  const written = Object.entries(all)
    .filter(([, value]) => value !== false && value !== undefined)
    .map(([name, value]) => (value === true ? name : `${name}="${value}"`))
  return `<script ${written.join(' ')}></script>`
}

export interface PageParts {
  /** `<html lang>`; default `en`. */
  lang?: string
  /** `<html dir>`, for a right-to-left store; none by default. */
  dir?: 'rtl' | 'ltr'
  title?: string
  /** Markup at the start of `<head>` (a CSP meta, the store's own scripts and styles, a stub). */
  head?: string
  /** The shop's own markup in `<body>`, before the tag when the tag is in the body. */
  body?: string
  bodyClass?: string
  /** The tag (or tags); default `tag()`. An empty string: a page of the store without the widget. */
  tag?: string
  /** Where the tag is pasted; default the end of `<body>`. */
  where?: 'head' | 'body'
}

/**
 * A minimal store page.
 *
 * @example
 * page({ head: stub("touchpoint('setStage','cart')"), tag: tag({ async: true }), where: 'head' })
 */
export function page(parts: PageParts = {}): string {
  const { lang = 'en', dir, title = 'Shop', head = '', body = '', bodyClass = '', where = 'body' } = parts
  const tagged = parts.tag ?? tag()
  return (
    `<!doctype html><html lang="${lang}"${dir ? ` dir="${dir}"` : ''}><head><meta charset="utf-8"><title>${title}</title>` +
    `${head}${where == 'head' ? tagged : ''}</head>` +
    `<body${bodyClass ? ` class="${bodyClass}"` : ''}><h1>${title}</h1><a href="/cart">Cart</a>${body}` +
    `${where == 'body' ? tagged : ''}</body></html>`
  )
}
