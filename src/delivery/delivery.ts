import type { Context } from '../core/context'
import type { SurveyResponse } from '../types'

export interface Delivery {
  record(response: SurveyResponse, final: boolean): void
  flush(): Promise<void>
}

// Interim: replaced by the outbox (issue 5).
export function createDelivery(ctx: Context): Delivery {
  const queue: SurveyResponse[] = []
  const flush = async () => {
    if (!queue.length) return
    const t = await ctx.loadChunk('transport')
    const responses = queue.splice(0)
    const result = await t.send(ctx.config.endpoint!, { v: 1, sent_at: new Date().toISOString(), responses })
    if (result.ok) ctx.emit('sent', { ids: responses.map((r) => r.id) })
    else queue.push(...responses)
  }
  return { record: (r, final) => final && queue.push(r), flush }
}
