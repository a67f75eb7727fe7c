// The group-commit scheduler on its own: which requests share a transaction, and that no
// request is answered before the transaction holding it has committed. The engines' real
// transactions are covered in storage.test.ts.
import { describe, expect, it } from 'vitest'
import { createGroupCommit, type WriteRequest } from '../../src/collector/storage/group-commit'
import type { BatchInsertResult } from '../../src/collector/storage/store'

/** A request of `size` answers, told apart by `tag` (kept in the answer's id). */
const request = (tag: string, size = 1): WriteRequest => ({
  responses: Array.from(
    { length: size },
    (_, index) => ({ id: `${tag}-${index}` }) as WriteRequest['responses'][number],
  ),
  displays: [],
})
const tagOf = (request: WriteRequest) => request.responses[0].id.split('-')[0]
const stored = (request: WriteRequest): BatchInsertResult => ({
  stored: request.responses.length,
  duplicates: 0,
  displays: { stored: 0, duplicates: 0 },
})

/** A database stand-in whose commits the test releases or fails by hand, recording each group. */
function manualDatabase() {
  const groups: { tags: string[]; commit: () => void; fail: (err: Error) => void }[] = []
  const write = (requests: WriteRequest[]) =>
    new Promise<BatchInsertResult[]>((resolve, reject) => {
      groups.push({ tags: requests.map(tagOf), commit: () => resolve(requests.map(stored)), fail: reject })
    })
  return { groups, write }
}

/** Lets the scheduler's setImmediate and the promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve))

/** Tracks a promise's outcome without awaiting it. */
function watch<T>(promise: Promise<T>) {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false }
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error) => Object.assign(state, { error, done: true }),
  )
  return state
}

describe('group commit', () => {
  it('writes requests that arrive together in one transaction and answers none before it commits', async () => {
    const database = manualDatabase()
    const group = createGroupCommit(database.write)
    const waiting = ['a', 'b', 'c', 'd', 'e'].map((tag, index) => watch(group.add(request(tag, index + 1))))
    await settle()
    expect(database.groups.map((g) => g.tags)).toEqual([['a', 'b', 'c', 'd', 'e']])
    expect(waiting.some((w) => w.done)).toBe(false)

    database.groups[0].commit()
    await settle()
    expect(waiting.map((w) => w.value?.stored)).toEqual([1, 2, 3, 4, 5])
  })

  it('gathers the requests that arrive during a commit into the next one', async () => {
    const database = manualDatabase()
    const group = createGroupCommit(database.write)
    const first = watch(group.add(request('a')))
    await settle()
    const later = ['b', 'c', 'd'].map((tag) => watch(group.add(request(tag))))
    await settle()
    expect(database.groups.map((g) => g.tags)).toEqual([['a']])

    database.groups[0].commit()
    await settle()
    expect(first.done).toBe(true)
    expect(later.some((w) => w.done)).toBe(false)
    expect(database.groups.map((g) => g.tags)).toEqual([['a'], ['b', 'c', 'd']])
    database.groups[1].commit()
    await settle()
    expect(later.every((w) => w.value?.stored === 1)).toBe(true)
  })

  it('keeps a group under maxRows, never splitting one request', async () => {
    const database = manualDatabase()
    const group = createGroupCommit(database.write, { concurrency: 3, maxRows: 10 })
    for (const [tag, size] of [
      ['a', 4],
      ['b', 5],
      ['c', 3],
      ['d', 12],
    ] as const)
      void group.add(request(tag, size))
    await settle()
    expect(database.groups.map((g) => g.tags)).toEqual([['a', 'b'], ['c'], ['d']])
  })

  it('fails every waiter of a failed commit and acknowledges none of them', async () => {
    const database = manualDatabase()
    const group = createGroupCommit(database.write)
    const waiting = ['a', 'b', 'c'].map((tag) => watch(group.add(request(tag))))
    await settle()
    // The database is down: the group fails, and so does each request written again alone.
    database.groups[0].fail(new Error('disk full'))
    for (let attempt = 1; attempt <= 3; attempt++) {
      await settle()
      database.groups[attempt].fail(new Error('disk full'))
    }
    await settle()
    expect(database.groups.map((g) => g.tags)).toEqual([['a', 'b', 'c'], ['a'], ['b'], ['c']])
    expect(waiting.map((w) => (w.error as Error)?.message)).toEqual(['disk full', 'disk full', 'disk full'])
    expect(waiting.some((w) => w.value)).toBe(false)
    await group.idle()
  })

  it('fails only the request the database refuses when the others of its group can be written', async () => {
    const database = manualDatabase()
    const group = createGroupCommit(database.write)
    const waiting = ['a', 'bad', 'c'].map((tag) => watch(group.add(request(tag))))
    await settle()
    database.groups[0].fail(new Error('value too long'))
    await settle()
    database.groups[1].commit()
    await settle()
    database.groups[2].fail(new Error('value too long'))
    await settle()
    database.groups[3].commit()
    await settle()
    expect(waiting.map((w) => w.value?.stored ?? (w.error as Error).message)).toEqual([1, 'value too long', 1])
  })

  it('is idle only once every queued request is committed', async () => {
    const database = manualDatabase()
    const group = createGroupCommit(database.write)
    void group.add(request('a'))
    const idle = watch(group.idle())
    await settle()
    expect(idle.done).toBe(false)
    database.groups[0].commit()
    await settle()
    expect(idle.done).toBe(true)
  })
})
