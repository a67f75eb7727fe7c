import type { Page } from 'playwright-core'

/** The widget's events (README, "Events"). */
const EVENTS = ['stage', 'show', 'answer', 'dismiss', 'sent', 'error']

/** The widget's events in one tab, recorded in the page as they happen. */
export interface Events {
  /** Every event heard so far, in order, as [name, payload]. */
  heard(): Promise<[string, any][]>
  /**
   * The payloads of the `name` events, once there are at least `count` of them: each event checks,
   * nothing polls. Rejects after `ms` (a deadline for a failing test) naming what was heard.
   */
  hear(name: string, count?: number, ms?: number): Promise<any[]>
}

/**
 * Starts recording the widget's events in `tab` (from now on: call it once the API is up, as
 * `visit` leaves it, and again after the tab loads another page).
 *
 * @example
 * const events = await recordEvents(tab)
 * await tab.getByRole('button', { name: 'Send' }).click()
 * const [answer] = await events.hear('answer')
 * await harness.shop.delivered(answer.id)
 */
export async function recordEvents(tab: Page, names: string[] = EVENTS): Promise<Events> {
  await tab.evaluate((events) => {
    const w = window as any
    w.__heard = []
    w.__onHeard = new Set()
    for (const name of events)
      w.touchpoint.on(name, (payload: unknown) => {
        // A copy as the page had it then: the widget hands the same object to `show` and `dismiss`.
        w.__heard.push([name, JSON.parse(JSON.stringify(payload))])
        for (const tell of w.__onHeard) tell()
      })
  }, names)
  return {
    heard: () => tab.evaluate(() => (window as any).__heard),
    hear: (name, count = 1, ms = 15_000) =>
      tab.evaluate(
        ([wanted, atLeast, deadline]) =>
          new Promise<any[]>((resolve, reject) => {
            const w = window as any
            const check = () => {
              const payloads = w.__heard.filter((event: any[]) => event[0] == wanted).map((event: any[]) => event[1])
              if (payloads.length < atLeast) return
              w.__onHeard.delete(check)
              resolve(payloads)
            }
            w.__onHeard.add(check)
            check()
            setTimeout(() => {
              w.__onHeard.delete(check)
              reject(
                new Error(
                  `waited ${deadline} ms for ${atLeast} ${wanted} event(s); heard ${w.__heard.map((e: any[]) => e[0])}`,
                ),
              )
            }, deadline)
          }),
        [name, count, ms] as const,
      ),
  }
}
