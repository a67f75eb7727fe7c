import type { ApiCall, Note } from '../shared/contract.js'
import { EVENTS } from '../shared/events.js'
import { KINDS } from '../shared/vocabulary.js'
import { closestName } from './closest-name.js'
import { OPTION_WORDS, optionName, suggestName } from './option-words.js'
import { quote } from './quote.js'
import { SURVEY_PROBLEMS } from './survey-problem.js'

/** The methods of `window.touchpoint`, for the command form's did-you-mean. */
const COMMANDS = ['detect', 'show', 'on', 'flush', 'setStage', 'consent', 'track']

const didYouMean = (name: string | undefined) => (name ? `; did you mean ${name}?` : '')

const CALLS: Record<ApiCall, (value: unknown) => string> = {
  show: (kind) => `show(${quote(kind)}): the kind must be one of ${KINDS.join(', ')}; nothing shown`,
  on: (event) =>
    `on(${quote(event)}, …) needs one of ${EVENTS.join(', ')} and a function; not listening` +
    didYouMean(typeof event == 'string' && EVENTS.indexOf(event as never) < 0 ? closestName(event, EVENTS) : undefined),
  consent: (value) => `consent(${quote(value)}) needs true or false; nothing changed`,
  setStage: (stage) => `setStage(${quote(stage)}): not ${OPTION_WORDS.stage[0]}; ${OPTION_WORDS.stage[1]}`,
  command: (name) =>
    `unknown command ${quote(name)}; nothing done` +
    didYouMean(typeof name == 'string' ? closestName(name, COMMANDS) : undefined),
}

type Warning = Extract<
  Note,
  {
    code:
      | 'bad-value'
      | 'unknown-option'
      | 'bad-json'
      | 'no-endpoint'
      | 'bad-survey'
      | 'bad-call'
      | 'no-storage'
      | 'no-strings'
      | 'missing-strings'
      | 'two-tags'
      | 'global-taken'
  }
>

/** The readable text of a configuration or API warning (without the `touchpoint: ` prefix). */
export function formatWarning(note: Warning): string {
  switch (note.code) {
    case 'bad-value': {
      const [expected, instead] = OPTION_WORDS[note.option as keyof typeof OPTION_WORDS] || [
        'valid',
        'using the default',
      ]
      return `${optionName(note.option, note.source)}=${quote(note.value)} is not ${expected}; ${instead}`
    }
    case 'unknown-option': {
      const closest = suggestName(note.option, note.source)
      const known = closest && (note.source == 'tag' ? closest : optionName(closest, note.source))
      const what = `unknown ${note.source == 'tag' ? 'attribute' : 'option'} ${optionName(note.option, note.source)} ignored`
      // Far from every name of ours on the tag: most likely another tool's attribute (data-cfasync).
      return (
        what +
        (known
          ? `; did you mean ${known}?`
          : note.source == 'tag'
            ? ' (fine if another tool on the page reads it)'
            : '')
      )
    }
    case 'bad-json':
      return `data-config is not a JSON object (${quote(note.value)}); ignored, using the other attributes`
    case 'no-endpoint':
      return `${optionName('endpoint', note.source)} is required; no survey shows until it is set`
    case 'bad-survey':
      return `${note.source == 'tag' ? 'data-surveys part' : 'surveys entry'} ${quote(note.part)}: ${SURVEY_PROBLEMS[note.problem](note.detail)}; skipped`
    case 'bad-call':
      return (CALLS[note.call] || ((value: unknown) => `${note.call}(${quote(value)}) was not understood`))(note.value)
    case 'no-storage':
      return 'storage is unavailable; answers are kept in memory for this page only'
    case 'no-strings':
      return `${optionName('locale', note.source)}=${quote(note.locale)}: no strings for ${note.locale}: using English; supply strings for it with init({ strings }) or data-config's "strings" (README, "Other languages")`
    case 'missing-strings':
      return `the strings for ${note.locale} leave out ${note.keys.join(', ')}; using English for ${note.keys.length > 1 ? 'these' : 'it'}`
    case 'two-tags':
      return `two tags, data-endpoint ${note.endpoint} and ${note.other}: the second is ignored; remove one`
    case 'global-taken':
      return 'window.touchpoint is already defined by another script; left it alone. Use window.touchpointSurvey'
  }
}
