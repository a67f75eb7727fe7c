import { afterEach } from 'vitest'
import { openStore, type ResponseStore } from '../../src/collector/storage'
import { freshDatabase, type Engine, type Target } from './engines'

/**
 * Each test's own databases, and whatever else it opens on them, gone after the test. Registers
 * an `afterEach` that runs the cleanups in reverse order (a store closes before its database is
 * removed), so call it once at the top of a test file.
 *
 * @example
 * const { fresh } = useDatabases()
 * it('stores an answer', async () => {
 *   const { store } = await fresh('sqlite')
 *   await store.insert([answer()])
 * })
 */
export function useDatabases() {
  let cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    const steps = cleanups.reverse()
    cleanups = []
    for (const step of steps) await step()
  })

  /** Runs `step` after this test, before the cleanups registered earlier. */
  const later = (step: () => Promise<unknown>) => void cleanups.push(step)

  /** An empty database of its own (see freshDatabase), removed after the test. */
  async function database(engine: Engine): Promise<Target> {
    const target = await freshDatabase(engine)
    later(() => target.remove())
    return target
  }

  /** A store opened on `target` (by default with openStore), ready, and closed after the test. */
  async function openOn(target: Target, open = (on: Target) => openStore(on.options)): Promise<ResponseStore> {
    const store = open(target)
    later(() => store.close())
    await store.ready()
    return store
  }

  /** A ready store on an empty database of its own; both go after the test. */
  async function fresh(engine: Engine, open?: (target: Target) => ResponseStore) {
    const target = await database(engine)
    return { store: await openOn(target, open), target }
  }

  return { database, fresh, later, openOn }
}
