import type { SurveyResponse } from '../../shared/types.js'

export type AlertFormat = 'json' | 'slack'

/** One low answer as an alert names it. */
export type AlertAnswer = Pick<
  SurveyResponse,
  'id' | 'kind' | 'score' | 'emotion' | 'comment' | 'stage' | 'touchpoint' | 'survey' | 'url' | 'locale' | 'at'
>

const LOW_WORD: Record<SurveyResponse['kind'], string> = {
  nps: 'NPS',
  csat: 'CSAT',
  emotion: 'emotion',
  ces: 'effort (CES)',
}

/**
 * The body of one alert. `json`: `{ type: 'touchpoint.low_scores', sent_at, count, answers }`.
 * `slack`: a Slack incoming-webhook message (`text`, with the same answers as lines), which
 * Mattermost, Discord's /slack endpoint and Google Chat-style relays also accept.
 *
 * @example
 * alertBody([answer], 'slack', '2026-11-27T10:00:00.000Z') // → '{"text":"1 low score on the store: …"}'
 */
export function alertBody(
  answers: readonly AlertAnswer[],
  format: AlertFormat,
  sentAt: string,
  reportUrl?: string,
): string {
  if (format === 'json')
    return JSON.stringify({
      type: 'touchpoint.low_scores',
      sent_at: sentAt,
      count: answers.length,
      report: reportUrl ?? null,
      answers,
    })
  const lines = answers.slice(0, 20).map((a) => {
    const score = a.kind === 'emotion' ? `${a.emotion}` : `${a.score}`
    const comment = a.comment ? ` — “${a.comment.replace(/[<>&]/g, ' ')}”` : ''
    return `• ${LOW_WORD[a.kind]} ${score} at ${a.touchpoint} (${a.stage}), ${a.at.slice(0, 16).replace('T', ' ')} UTC${comment}`
  })
  const more = answers.length > 20 ? `\n…and ${answers.length - 20} more` : ''
  const link = reportUrl ? `\n<${reportUrl}|Open the journey report>` : ''
  const title = `${answers.length} low ${answers.length === 1 ? 'score' : 'scores'} on the store`
  return JSON.stringify({ text: `*${title}*\n${lines.join('\n')}${more}${link}` })
}
