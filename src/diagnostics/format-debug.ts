import { OLD_UI, type Note, type PageSurvey } from '../shared/contract.js'
import { describeTrigger, isTrigger } from './describe-trigger.js'
import { reasonWords } from './reason-words.js'

type Debug = Extract<
  Note,
  { code: 'page' | 'decision' | 'not-showing' | 'showing' | 'failed' | 'delivery' | 'not-sending' }
>

// A part without words here (`surveys`: the store's plan could not be parsed) prints as its name;
// a `surveys` note whose error is a trigger is an older surveys chunk that cannot arm it.
const FAILED: Record<string, string> = {
  listener: 'an on() listener threw',
  ui: 'the survey UI failed to load',
  delivery: 'delivery failed',
}

/** What the surveys planned for this page wait for, or why none may ask. */
function duePart(surveys: PageSurvey[]): string {
  const due = surveys.filter((survey) => survey.eligible)
  if (due.length)
    return due.map((survey) => `survey ${survey.id} is due on ${describeTrigger(survey.trigger)}`).join('; ')
  return 'no survey is due: ' + surveys.map((survey) => `${survey.id}: ${reasonWords(survey.reason)}`).join('; ')
}

/** The readable line of a debug note (without the `touchpoint: ` prefix). */
export function formatDebug(note: Debug): string {
  switch (note.code) {
    case 'page': {
      const { touchpoint, stage, signal } = note.detection
      const where = `page is ${touchpoint} (stage ${stage}, decided by ${signal == 'none' ? 'no signal' : signal})`
      const why = !note.endpoint
        ? 'no survey is due: data-endpoint is missing'
        : note.consent
          ? `no survey is due: ${reasonWords(note.consent)}`
          : !note.surveys.length
            ? `no survey is due: the survey plan has none for ${touchpoint} or ${stage}`
            : duePart(note.surveys)
      return `${where}; ${why}`
    }
    case 'decision':
      return `survey ${note.survey} on ${describeTrigger(note.trigger)}: ${note.eligible ? 'eligible, showing it' : 'not shown, ' + reasonWords(note.reason)}`
    case 'not-showing':
      return `not showing ${note.survey}: ${reasonWords(note.reason)}`
    case 'showing':
      return `showing ${note.survey} on ${describeTrigger(note.trigger)}`
    case 'failed':
      if (note.what == 'surveys' && isTrigger(note.error))
        return `touchpoint-surveys.js is older than this loader: ${describeTrigger(note.error)} is not armed`
      if (note.what == 'ui' && note.error == OLD_UI)
        return 'touchpoint-ui.js is older than this loader (a cache serves both): no survey shows until it serves the new one; nothing is lost'
      return `${FAILED[note.what] || note.what}: ${String(note.error)}`
    case 'delivery':
      return note.message
    case 'not-sending':
      return note.offline
        ? 'not sending: the browser is offline; what is due goes when it is back online'
        : 'not sending: nothing is due (a score without Send waits until the page is left)'
  }
}
