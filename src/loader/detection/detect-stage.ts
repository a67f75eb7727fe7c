import type { Detection, Stage, Touchpoint } from '../../shared/types.js'
import { loadState, pageKey } from './page-key.js'
import { PAGE, RANK, type Hit } from './page-types.js'
import { matchUrlShape } from './match-url-shape.js'
import { matchUrlWords } from './match-url-words.js'
import { readBodyClass } from './read-body-class.js'
import { readDataLayer } from './read-data-layer.js'
import { readGlobals } from './read-globals.js'
import { readPageNames } from './read-page-names.js'
import { readQuery } from './read-query.js'
import { readStructuredData } from './read-structured-data.js'
import { resolveExplicit } from './resolve-explicit.js'
import { stageOf } from '../../shared/stage-map.js'

export interface DetectOptions {
  /** Explicit touchpoint or stage (`data-stage`, `setStage()`); wins over every signal. */
  stage?: string | null
  stageMap?: Partial<Record<Touchpoint, Stage>>
}

type Read = (w: Window) => Hit | false | null | undefined

/** `data-stage` printed on `<html>` or `<body>` by a template (e.g. BigCommerce `{{page_type}}`). */
const readDataStage: Read = (w) => {
  const doc = w.document
  const explicit = resolveExplicit(
    doc.documentElement.getAttribute('data-stage') || doc.body.getAttribute('data-stage'),
  )
  return explicit && [RANK.indexOf(explicit.touchpoint), 'data-stage']
}

const attempt = (read: Read, w: Window) => {
  try {
    return read(w)
  } catch {
    /* a foreign global or odd markup must never break the store */
  }
}

/** The first signal with a precise opinion, else the first generic `page` one. */
function decide(reads: Read[], w: Window): Hit | false | null | undefined {
  let weak: Hit | false | null | undefined
  for (const read of reads) {
    const found = attempt(read, w)
    if (found && found[0] != PAGE) return found
    weak = weak || found
  }
  return weak
}

/**
 * The address the page prints for itself: `<link rel="canonical">` (else `og:url`), then the
 * breadcrumb's last link, read like the address bar. A saved page or a page served at a
 * neutral path still names its real address; OpenCart prints `route=` there even with SEO
 * URLs. Last resort, and only where it differs from the URL.
 */
const readOwnAddress: Read = (w) => {
  const doc = w.document
  const link = doc.querySelector('link[rel="canonical"]') || doc.querySelector('meta[property="og:url"]')
  const crumbs = doc.querySelector('.breadcrumb')
  const crumb = crumbs && crumbs.querySelector('li:last-child a[href]')
  for (const href of [
    link && (link.getAttribute('href') || link.getAttribute('content')),
    crumb && crumb.getAttribute('href'),
  ]) {
    const at = href && new URL(href, w.location.href)
    const found =
      at &&
      at.pathname + at.search != w.location.pathname + w.location.search &&
      decide([(w) => matchUrlShape(w, at), (w) => readQuery(w, at), (w) => matchUrlWords(w, at)], w)
    if (found) return [found[0], 'address:' + found[1]]
  }
}

/**
 * Works out where the shopper is from the page itself. Signals, strongest first: the explicit
 * stage, `data-stage` on `<html>`/`<body>`, platform globals, platform body classes, page names
 * in the markup (body id, `page-*` / `html-*-page` classes …), platform URL shapes and query
 * parameters, dataLayer ecommerce events, structured data, URL words, the canonical URL; else
 * `other`. A generic CMS page (`page`, an article's markup) is `content` only when no weaker
 * signal is more precise.
 *
 * @example
 * detectStage() // → { stage: 'decision', touchpoint: 'cart', signal: 'shopify:pageType' }
 * detectStage(window, { stage: 'orderconfirmation' }) // → { stage: 'purchase', touchpoint: 'confirmation', signal: 'explicit' }
 */
export function detectStage(win?: Window, options: DetectOptions = {}): Detection {
  const w = win || (typeof window != 'undefined' ? window : undefined)
  const explicit = resolveExplicit(options.stage)
  let hit: Hit | false | null | undefined = explicit ? [RANK.indexOf(explicit.touchpoint), 'explicit'] : undefined
  if (!hit && w) {
    const globals = attempt(readGlobals, w)
    const classes = attempt(readBodyClass, w)
    const names = attempt(readPageNames, w)
    // Printed by the server for the page that was loaded: after a single-page navigation they
    // speak for the new page only once the store has updated them.
    const markers = '' + globals + classes + names
    const load = loadState(w, markers)
    const fresh = load[0] == pageKey(w) || load[1] != markers
    hit = decide(
      [
        readDataStage,
        () => fresh && globals,
        () => fresh && classes,
        () => fresh && names,
        matchUrlShape,
        readQuery,
        readDataLayer,
        readStructuredData,
        matchUrlWords,
        (w) => fresh && readOwnAddress(w),
      ],
      w,
    )
  }
  const [rank, signal] = hit || [11, 'none']
  const touchpoint = RANK[rank == PAGE ? PAGE - 1 : rank] as Touchpoint
  return { stage: (explicit && explicit.stage) || stageOf(touchpoint, options.stageMap), touchpoint, signal }
}
