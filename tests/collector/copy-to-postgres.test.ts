// `touchpoint-collector migrate-to-postgres`: a SQLite file into a real PostgreSQL database.
import { describe, expect, it } from 'vitest'
import { openStore, type ResponseStore } from '../../src/collector/storage'
import { copySqliteToPostgres } from '../../src/collector/storage/copy-to-postgres'
import { withClient } from './engines'
import { answer, answers, display } from './fixtures'
import { writeFirstSchemaFile } from './first-schema-file'
import { useDatabases } from './use-databases'

const { database } = useDatabases()

const everyRow = (url: string) =>
  withClient(
    url,
    async (client) =>
      (await client.query('SELECT id, score, comment, at, received_at, raw FROM responses ORDER BY id')).rows,
  )

const everyDisplay = (url: string) =>
  withClient(url, async (client) => (await client.query('SELECT * FROM displays ORDER BY id')).rows)

async function filled(store: ResponseStore, count: number, displayCount = 0) {
  const list = [
    ...answers(
      'checkout',
      'nps',
      Array.from({ length: count - 1 }, (_, i) => i % 11),
    ),
    answer({ comment: 'Giao hàng nhanh' }),
  ]
  await store.insert(list, new Date('2026-11-20T12:00:00.000Z'))
  const shown = Array.from({ length: displayCount }, (_, i) =>
    display({ event: i % 3 ? 'shown' : 'dismissed', device: 'phone', visitor: 'new' }),
  )
  await store.insertDisplays(shown, new Date('2026-11-20T12:00:00.000Z'))
  await store.close()
  return list
}

describe('copySqliteToPostgres', () => {
  it('copies every answer as stored, then nothing when run again', async () => {
    const sqlite = await database('sqlite')
    const postgres = await database('postgres')
    const list = await filled(openStore(sqlite.options), 23, 12)
    expect(await copySqliteToPostgres({ from: sqlite.location, to: postgres.location, pageSize: 5 })).toEqual({
      read: 23,
      copied: 23,
      displaysRead: 12,
      displaysCopied: 12,
    })
    const rows = await everyRow(postgres.location)
    expect(rows).toHaveLength(23)
    expect(rows.every((r) => r.received_at === '2026-11-20T12:00:00.000Z')).toBe(true)
    const withComment = rows.find((r) => r.comment)!
    expect(JSON.parse(withComment.raw)).toEqual(list[22])
    const displays = await everyDisplay(postgres.location)
    expect(displays).toHaveLength(12)
    expect(
      displays.every(
        (d) => d.device === 'phone' && d.visitor === 'new' && d.received_at === '2026-11-20T12:00:00.000Z',
      ),
    ).toBe(true)
    expect(displays.filter((d) => d.event === 'dismissed')).toHaveLength(4)
    expect(await copySqliteToPostgres({ from: sqlite.location, to: postgres.location, pageSize: 5 })).toEqual({
      read: 23,
      copied: 0,
      displaysRead: 12,
      displaysCopied: 0,
    })
    expect(await everyRow(postgres.location)).toEqual(rows)
    expect(await everyDisplay(postgres.location)).toEqual(displays)
  })

  it('copies a file made before displays existed: its answers, and no displays', async () => {
    const sqlite = await database('sqlite')
    const postgres = await database('postgres')
    const a = answer()
    writeFirstSchemaFile(sqlite.location, a)
    expect(await copySqliteToPostgres({ from: sqlite.location, to: postgres.location })).toEqual({
      read: 1,
      copied: 1,
      displaysRead: 0,
      displaysCopied: 0,
    })
    const store = openStore(postgres.options)
    expect(await store.get(a.id)).toMatchObject({ id: a.id, score: a.score })
    await store.close()
  })

  it('resumes after an interruption, copying only what is missing, next to answers collected meanwhile', async () => {
    const sqlite = await database('sqlite')
    const postgres = await database('postgres')
    const list = await filled(openStore(sqlite.options), 12)
    // A first run that stopped after some answers, and a collector already writing to PostgreSQL.
    const live = openStore(postgres.options)
    await live.insert([...list.slice(0, 4), answer({ score: 1 })])
    await live.close()
    expect(await copySqliteToPostgres({ from: sqlite.location, to: postgres.location, pageSize: 4 })).toMatchObject({
      read: 12,
      copied: 8,
    })
    expect(await everyRow(postgres.location)).toHaveLength(13)
  })

  it('says so when the SQLite file does not exist', async () => {
    const postgres = await database('postgres')
    await expect(copySqliteToPostgres({ from: '/nonexistent/touchpoint.db', to: postgres.location })).rejects.toThrow(
      'no SQLite database at /nonexistent/touchpoint.db',
    )
  })
})
