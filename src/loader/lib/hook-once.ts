/**
 * Installs a hook on `target` once and fans it out to every subscriber, so that a second
 * subscriber (a second part of the widget, or a second call) never wraps the same function twice.
 * Returns the subscriber set.
 */
export function hookOnce<T extends object, F>(
  registry: WeakMap<T, Set<F>>,
  target: T,
  install: (subscribers: Set<F>) => void,
) {
  let subscribers = registry.get(target)
  if (!subscribers) {
    registry.set(target, (subscribers = new Set()))
    install(subscribers)
  }
  return subscribers
}

/** Calls each subscriber; one that throws must not stop the others nor reach the host page. */
export const notify = <A extends unknown[]>(subscribers: Pick<Set<(...args: A) => void>, 'forEach'>, ...args: A) =>
  subscribers.forEach((fn) => {
    try {
      fn(...args)
    } catch {
      /* a subscriber's own bug */
    }
  })
