import type { SurveyKind } from '../types'
import { RANGE, type Strings } from './strings'

interface Props {
  kind: SurveyKind
  question: string
  t: Strings
  value: number | null
  onPick(score: number): void
}

// A face whose mouth bends from frown (1) to smile (5); drawn inline so no emoji font is needed.
const Face = ({ n }: { n: number }) => {
  const c = (n - 3) * 1.6
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round">
      <circle cx="12" cy="12" r="10" />
      <path d="M8.5 9.5v1M15.5 9.5v1" stroke-width="2" />
      <path d={`M8 ${15.5 - c / 2}Q12 ${15.5 + c} 16 ${15.5 - c / 2}`} />
    </svg>
  )
}

/** The score as native radios in a fieldset: arrow keys, one tab stop and clickable labels come free. */
export function Scale({ kind, question, t, value, onPick }: Props) {
  const [lo, hi] = RANGE[kind]
  // Faces carry their names (visually hidden, they do not fit five abreast); the ends repeat the extremes.
  const ends = kind == 'emotion' ? [t.faces[0], t.faces[4]] : t.ends[kind]
  const options = []
  for (let n = lo; n <= hi; n++)
    options.push(
      <label class="o" key={n} title={kind == 'emotion' ? t.faces[n - 1] : undefined}>
        <input type="radio" name="s" value={n} checked={value === n} onChange={() => onPick(n)} />
        <span>{kind == 'emotion' ? [<Face n={n} key="f" />, <span class="vh" key="l">{t.faces[n - 1]}</span>] : n}</span>
      </label>,
    )
  return (
    <fieldset>
      <legend id="q">{question}</legend>
      <div class="g" style={{ gridTemplateColumns: `repeat(${hi - lo + 1},minmax(0,1fr))` }}>{options}</div>
      <div class="e" aria-hidden={kind == 'emotion' ? 'true' : undefined}>
        <span>{ends[0]}</span>
        <span>{ends[1]}</span>
      </div>
    </fieldset>
  )
}
