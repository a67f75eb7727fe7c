import { STAGES } from '../shared/vocabulary.js'
import type { Stage, SurveyKind } from '../shared/types.js'
import { figuresOf, round, type Figures, type Tally } from './report-figures.js'
import { npsGroup, type NpsGroup } from './report-vocabulary.js'
import { runToEnd, type Steps } from './report-slices.js'
import { wilson, type Interval } from './stats/intervals.js'
import type { TallyRow } from './storage/index.js'

export type SegmentKey = 'device' | 'language' | 'visitor'

/** One value of a segment (`phone`, `vi`, `returning`; `unknown` when older widgets did not say). */
export interface Segment {
  key: SegmentKey
  value: string
  overall: Figures
  /** The journey of this segment: always the five stages. */
  stages: (Figures & { stage: Stage })[]
}

/** Where NPS answers of one group were given, stage by stage. */
export interface NpsJourney {
  group: NpsGroup
  n: number
  /** This group's share of the NPS answers at each stage, with a Wilson interval (0–1). */
  stages: { stage: Stage; n: number; share: number | null; ci: Interval | null }[]
}

/**
 * Figures per device, language and new or returning visitor, each along the five stages, from
 * counts per device, visitor, language, stage, kind and score.
 */
export function segmentsOf(rows: readonly TallyRow[]): Segment[] {
  return runToEnd(segmentSteps(rows))
}

/**
 * `segmentsOf` as steps (report-slices.ts), one segment a step: six figures over ~2,000 counts
 * per segment took 30–50 ms in one stretch for about ten segments on a busy collector.
 */
export function* segmentSteps(rows: readonly TallyRow[]): Steps<Segment[]> {
  const segments: Segment[] = []
  for (const key of ['device', 'language', 'visitor'] as const) {
    const values = [...new Set(rows.map((r) => valueOf(r, key)))].sort((a, b) =>
      a === 'unknown' ? 1 : b === 'unknown' ? -1 : a < b ? -1 : 1,
    )
    for (const value of values) {
      const mine = rows.filter((r) => valueOf(r, key) === value).map(toTally)
      segments.push({
        key,
        value,
        overall: figuresOf(mine),
        stages: STAGES.map((stage) => ({ stage, ...figuresOf(mine.filter((t) => t.stage === stage)) })),
      })
      yield
    }
  }
  return segments
}

/**
 * The promoters' journey next to the detractors': at each stage, the share of NPS answers from
 * each group. Answers carry no shopper id (by design), so a group's journey is where its
 * members answered, not one shopper's path.
 */
export function npsJourneys(
  rows: readonly { stage?: unknown; kind?: unknown; score?: unknown; n: number }[],
): NpsJourney[] {
  const nps = rows
    .filter((r) => r.kind === 'nps')
    .map((r) => ({ stage: r.stage as Stage, group: npsGroup(Number(r.score)), n: r.n }))
  const total = (keep: (r: (typeof nps)[number]) => boolean) => nps.reduce((s, r) => s + (keep(r) ? r.n : 0), 0)
  return (['promoter', 'passive', 'detractor'] as const).map((group) => ({
    group,
    n: total((r) => r.group === group),
    stages: STAGES.map((stage) => {
      const all = total((r) => r.stage === stage)
      const mine = total((r) => r.stage === stage && r.group === group)
      const ci = wilson(mine, all)
      return { stage, n: mine, share: all ? round(mine / all, 4) : null, ci: ci && [round(ci[0], 4), round(ci[1], 4)] }
    }),
  }))
}

const valueOf = (row: TallyRow, key: SegmentKey) =>
  row[key] === null || row[key] === undefined || row[key] === '' ? 'unknown' : String(row[key])
const toTally = (row: TallyRow): Tally & { stage: Stage } => ({
  stage: row.stage as Stage,
  kind: row.kind as SurveyKind,
  score: Number(row.score),
  n: row.n,
})
