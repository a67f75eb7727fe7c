import { useState } from 'preact/hooks'
import type { SurveyKind } from '../shared/types.js'
import { Face } from './face.js'
import { RANGE, type Strings } from './strings.js'

interface Props {
  kind: SurveyKind
  question: string
  t: Strings
  value: number | null
  onPick(score: number): void
}

/** The score as native radios in a fieldset: arrow keys, one tab stop and clickable labels come free. */
export function Scale({ kind, question, t, value, onPick }: Props) {
  const [lo, hi] = RANGE[kind]
  const faces = kind == 'emotion'
  // Five names do not fit abreast under the faces: the line below names the face under the
  // pointer or keyboard focus (else the chosen one), so sighted shoppers get every label too.
  const [hinted, setHinted] = useState<number | null>(null)
  const named = hinted ?? value
  const ends = faces ? [t.faces[0], t.faces[4]] : t.ends[kind]
  const options = []
  for (let n = lo; n <= hi; n++)
    options.push(
      <label
        class="o"
        key={n}
        onMouseEnter={faces ? () => setHinted(n) : undefined}
        onMouseLeave={faces ? () => setHinted(null) : undefined}
      >
        <input
          type="radio"
          name="s"
          value={n}
          checked={value === n}
          onChange={() => onPick(n)}
          onFocus={faces ? () => setHinted(n) : undefined}
          onBlur={faces ? () => setHinted(null) : undefined}
        />
        <span>
          {faces
            ? [
                <Face mood={n} key="f" />,
                <span class="vh" key="l">
                  {t.faces[n - 1]}
                </span>,
              ]
            : n}
        </span>
      </label>,
    )
  return (
    <fieldset>
      <legend id="q">{question}</legend>
      <div class="g" style={{ gridTemplateColumns: `repeat(${hi - lo + 1},minmax(0,1fr))` }}>
        {options}
      </div>
      {faces && named != null ? (
        <div class="e name" aria-hidden="true">
          <span>{t.faces[named - 1]}</span>
        </div>
      ) : (
        <div class="e" aria-hidden={faces ? 'true' : undefined}>
          <span>{ends[0]}</span>
          <span>{ends[1]}</span>
        </div>
      )}
    </fieldset>
  )
}
