import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core'
import { watched, type Watched } from './watch'

/** A POST to a `/collect` path as the page saw it answered. */
export interface Answered {
  status: number
  /** The request body. */
  body: string
}

export interface VisitOptions {
  /** Open the tab in this visitor's context (a second tab, same storage) instead of a new one. */
  context?: BrowserContext
  /** For the new context: viewport, locale, `httpCredentials`… */
  contextOptions?: BrowserContextOptions
  /** Runs in every page of a new context before the page's own scripts. */
  init?: () => void
  /**
   * Called with the new tab before it navigates, and awaited: to listen from its first request on,
   * or to prepare the tab (its clock, an init script with an argument).
   */
  listen?: (tab: Page) => unknown
  /** The global the API lives on, to wait for (`touchpointSurvey` beside a foreign `touchpoint`); `false`: do not wait. */
  api?: string | false
  /**
   * Which uncaught page errors fail the test: all of them (default), or only those thrown with the
   * widget's own files on the stack (`widget`): the detection corpus's saved store pages throw
   * their own once their platform's CDN is out of reach.
   */
  failOn?: 'all' | 'widget'
}

/** One visitor's tab: what it printed and threw, and ways to go on and to wait. */
export interface Visit {
  context: BrowserContext
  tab: Page
  /** Every console line, as `type: text` (`warning: touchpoint: …`, `info: touchpoint: page is …`). */
  lines: Watched<string>
  /** Uncaught errors of the page; any fails the test after it ends. */
  errors: string[]
  /** Navigates this tab to `path` and waits for the API again. */
  go(path: string, api?: string | false): Promise<void>
  /**
   * Resolves with the first console line from index `since` on that matches `pattern`. The
   * debug log (`data-debug`) reports the loader's decisions ("not showing", "nothing to send"):
   * a test proves a negative by waiting for the decision, never by sleeping.
   */
  logged(pattern: RegExp, since?: number): Promise<string>
}

/** Resolves once the widget's API is up in `tab` (its `version` is set). */
export const apiReady = (tab: Page, api: string | false = 'touchpoint') =>
  api ? tab.waitForFunction((name) => (window as any)[name]?.version, api).then(() => {}) : Promise.resolve()

/**
 * Opens a tab (in a new context unless one is given), goes to `url`, waits for the API, and
 * records console lines and page errors. `track` hears every context, for closing.
 */
export async function openVisit(
  newContext: (options?: BrowserContextOptions) => Promise<BrowserContext>,
  url: (path: string) => string,
  path: string,
  options: VisitOptions,
  track: (context: BrowserContext, errors: string[]) => void,
): Promise<Visit> {
  let context = options.context
  if (!context) {
    context = await newContext(options.contextOptions)
    if (options.init) await context.addInitScript(options.init)
  }
  const tab = await context.newPage()
  const errors: string[] = []
  track(context, errors) // first: closed after the test even if preparing the tab fails
  await options.listen?.(tab)
  const lines = watched<string>((all) => '\n' + all.join('\n'))
  tab.on('console', (message) => lines.push(`${message.type()}: ${message.text()}`))
  tab.on('pageerror', (error) => {
    if (options.failOn != 'widget' || /\/touchpoint[\w-]*\.js/.test(error.stack || '')) errors.push(error.message)
  })
  const go = async (to: string, api = options.api) => {
    await tab.goto(url(to))
    await apiReady(tab, api)
  }
  const logged = (pattern: RegExp, since = 0) =>
    lines.until((line) => pattern.test(line), { since, ms: 10_000, what: `a console line matching ${pattern}` })
  await go(path)
  return { context, tab, lines, errors, go, logged }
}

/**
 * The survey card, once it is on screen: found as the shopper's screen reader finds it (a dialog
 * named by its question), never by class names, which the build shortens.
 *
 * @example
 * await appears(tab, /how was checkout/i)
 */
export async function appears(tab: Page, name?: string | RegExp): Promise<Locator> {
  const card = tab.getByRole('dialog', name ? { name } : {})
  await card.waitFor({ state: 'visible' })
  return card
}

/**
 * The answers to `tab`'s POSTs to `/collect` (fetches and beacons alike), as they come: for a
 * collector the harness does not run (the demo's), a test waits for its answer here.
 *
 * @example
 * const answered = collectorAnswers(tab)
 * await tab.evaluate(() => navigator.sendBeacon('/collect', body))
 * await answered.until((answer) => answer.status == 200)
 */
export function collectorAnswers(tab: Page): Watched<Answered> {
  const answers = watched<Answered>()
  // On the response's headers: a fetch whose body the page never reads is never 'finished'.
  tab.on('response', (response) => {
    const request = response.request()
    if (request.method() != 'POST' || new URL(request.url()).pathname != '/collect') return
    answers.push({ status: response.status(), body: request.postData() ?? '' })
  })
  return answers
}
