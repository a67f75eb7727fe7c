/**
 * The loader's compact reasons (eligibility, consent, `show()`), in words. A reason may carry a
 * value after a colon: `answered:13` is "answered a survey 13 days ago", `denied:tcf,gcm` "denied
 * by tcf,gcm". A reason this chunk does not know is shown as it came.
 */
const REASONS: Record<string, (value: string) => string> = {
  eligible: () => 'eligible',
  'page-view': () => 'one survey per page view, and one has already shown',
  sample: () => "this visitor is not in the sample (data-sample or the survey's sample=)",
  answered: (days) => `answered a survey ${days} days ago (data-cooldown-days)`,
  dismissed: (days) => `dismissed a survey ${days} days ago (data-dismiss-days)`,
  shown: (days) => `this survey was shown ${days} days ago (its recontact period)`,
  'opted-out': () => 'the browser sends a privacy signal (Global Privacy Control or Do Not Track)',
  granted: () => 'consent granted',
  withdrawn: () => 'consent withdrawn (touchpoint.consent(false))',
  denied: (tools) => `consent denied by ${tools}`,
  waiting: () => 'waiting for consent',
  'no-endpoint': () => 'data-endpoint is missing',
  open: () => 'another survey is open',
}

export function reasonWords(reason: string): string {
  const [code, ...value] = reason.split(':')
  const words = REASONS.hasOwnProperty(code) && REASONS[code]
  return words ? words(value.join(':')) : reason
}
