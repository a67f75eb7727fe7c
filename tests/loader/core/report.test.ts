// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { CHUNK_API, type LoadChunk } from '../../../src/shared/contract'
import { createReport } from '../../../src/loader/core/report'
import { diagnostics } from '../../../src/diagnostics'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))
const working: LoadChunk = vi.fn(async () => diagnostics) as never

afterEach(() => vi.restoreAllMocks())

describe('createReport', () => {
  it('prints each warning as the chunk words it, in order', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const report = createReport(working, false)
    report.warn({ code: 'unknown-option', option: 'postion', source: 'tag' })
    report.warn({ code: 'bad-value', option: 'accent', source: 'tag', value: 'blu' })
    await settle()
    expect(warn.mock.calls).toEqual([
      ['touchpoint: unknown attribute data-postion ignored; did you mean data-position?'],
      ['touchpoint: data-accent="blu" is not a CSS colour; using the default accent'],
    ])
  })

  it('does not load the diagnostics chunk for debug notes while debug is off', async () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => {})
    const load = vi.fn(async () => diagnostics) as never as LoadChunk
    createReport(load, false).log({ code: 'showing', survey: 'csat', trigger: { exit: true } })
    await settle()
    expect(load).not.toHaveBeenCalled()
    expect(info).not.toHaveBeenCalled()
    createReport(load, true).log({ code: 'showing', survey: 'csat', trigger: { exit: true } })
    await settle()
    expect(info).toHaveBeenCalledWith('touchpoint: showing csat on exit')
  })

  it('still warns, compactly and without throwing, when the chunk cannot load or speaks another api', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const note = { code: 'bad-value', option: 'accent', source: 'tag', value: 'blu' } as const
    createReport(() => Promise.reject(Error('offline')), false).warn(note)
    const old = {
      api: CHUNK_API,
      format: () => {
        throw Error('old chunk')
      },
    }
    createReport((async () => old) as never, false).warn(note)
    await settle()
    expect(warn.mock.calls).toEqual([
      ['touchpoint: bad-value', note],
      ['touchpoint: bad-value', note],
    ])
  })
})
