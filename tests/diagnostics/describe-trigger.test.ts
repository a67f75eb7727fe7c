import { describe, expect, it } from 'vitest'
import { describeTrigger } from '../../src/diagnostics/describe-trigger'
import type { Trigger } from '../../src/shared/contract'

describe('describeTrigger', () => {
  it('words each trigger of a debug note as data-surveys writes it', () => {
    const triggers: [Trigger, string][] = [
      [{ delay: 3000 }, 'delay=3000'],
      [{ dwell: 45000 }, 'dwell=45000'],
      [{ scroll: 50 }, 'scroll=50'],
      [{ exit: true }, 'exit'],
      [{ event: 'add_to_cart' }, 'event=add_to_cart'],
      [{ track: 'chat_closed' }, 'track=chat_closed'],
      [{ click: '.size-guide a' }, 'click=.size-guide a'],
    ]
    for (const [trigger, words] of triggers) expect(describeTrigger(trigger)).toBe(words)
  })

  it("prints an older loader's string form (delay=3000, exit=true) as data-surveys writes it", () => {
    expect(describeTrigger('delay=3000')).toBe('delay=3000')
    expect(describeTrigger('click=.size-guide a')).toBe('click=.size-guide a')
    expect(describeTrigger('exit=true')).toBe('exit')
  })

  it('prints a placeholder instead of throwing for a note without a trigger', () => {
    expect(describeTrigger(undefined as never)).toBe('?')
  })
})
