import { CHUNK_API, type UiChunk } from '../contract'

// Interim: replaced by the Preact survey (issue 4).
export const ui: UiChunk = {
  api: CHUNK_API,
  open(request, host) {
    const el = document.createElement('div')
    el.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog" aria-label="Survey"></div>'
    el.dataset.kind = request.kind
    document.body.appendChild(el)
    void host
    return { close: () => el.remove() }
  },
}
