// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SurveyRequest, UiHandle, UiHost } from '../../src/shared/contract'
import { CHUNK_API } from '../../src/shared/contract'
import { ui } from '../../src/ui'
import { loadScriptChunk } from '../../src/loader/chunks/load-script-chunk'

let handle: UiHandle | undefined
let host: {
  choose: ReturnType<typeof vi.fn>
  answer: ReturnType<typeof vi.fn>
  dismiss: ReturnType<typeof vi.fn>
  closed: ReturnType<typeof vi.fn>
}

const show = (over: Partial<SurveyRequest> = {}) => {
  handle = ui.open(
    { survey: 'nps', kind: 'nps', locale: 'en', position: 'bottom-right', mount: null, auto: false, ...over },
    host as UiHost,
  )
  return document.querySelector('[data-touchpoint-survey]')!.shadowRoot!
}
const radios = (root: ShadowRoot) => [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')]
// The accessible name of a radio is its label's text.
const nameOf = (input: HTMLInputElement) => input.closest('label')!.textContent!.trim()
const pick = (root: ShadowRoot, i: number) => radios(root)[i].click()
const flush = () => new Promise((r) => setTimeout(r, 0))

beforeEach(() => {
  host = { choose: vi.fn(), answer: vi.fn(), dismiss: vi.fn(), closed: vi.fn() }
})
afterEach(() => {
  handle?.close()
  document.documentElement.dir = ''
  vi.useRealTimers()
})

describe('ui chunk', () => {
  it("speaks the loader's contract version: the loader takes the chunk its CDN entry registers", async () => {
    const registry = window as unknown as { __touchpoint_chunks?: Record<string, unknown> }
    delete registry.__touchpoint_chunks
    await import('../../src/ui/chunk') // dist/touchpoint-ui.js: registers itself on the global
    // The loader's own chunk loader finds it registered and checks its api against the loader's.
    expect(await loadScriptChunk('/cdn/', null)('ui')).toBe(ui)
    // …and the check is real: the same loader refuses a chunk one version behind.
    registry.__touchpoint_chunks!.ui = { ...ui, api: CHUNK_API - 1 }
    await expect(loadScriptChunk('/cdn/', null)('ui')).rejects.toThrow(
      `touchpoint-ui.js speaks api ${CHUNK_API - 1}, loader ${CHUNK_API}`,
    )
    delete registry.__touchpoint_chunks
  })

  it('shows NPS as a non-modal dialog named by its question, with 11 radios named 0 to 10', () => {
    const root = show()
    const dialog = root.querySelector('[role=dialog]')!
    expect(dialog.getAttribute('aria-modal')).toBeNull()
    expect(root.getElementById('question')!.textContent).toBe('How likely are you to recommend us to a friend?')
    expect(dialog.getAttribute('aria-labelledby')).toBe('question')
    expect(root.querySelector('fieldset legend')).not.toBeNull()
    expect(radios(root).map(nameOf)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(root.textContent).toContain('Not at all likely')
    expect(root.textContent).toContain('Extremely likely')
  })

  it('labels the ends of CSAT and CES, and names the five emotion faces', () => {
    let root = show({ kind: 'csat' })
    expect(radios(root).map(nameOf)).toEqual(['1', '2', '3', '4', '5'])
    expect(root.textContent).toContain('Very dissatisfied')
    handle!.close()
    root = show({ kind: 'ces' })
    expect(radios(root)).toHaveLength(7)
    expect(root.textContent).toContain('Very difficult')
    handle!.close()
    root = show({ kind: 'emotion' })
    expect(radios(root).map(nameOf)).toEqual(['Frustrated', 'Disappointed', 'Neutral', 'Pleased', 'Delighted'])
  })

  it('reports a chosen score at once and asks the follow-up that fits it', async () => {
    const root = show()
    pick(root, 3)
    await flush()
    expect(host.choose).toHaveBeenCalledWith(3)
    expect(root.querySelector('label[for=comment]')!.textContent).toContain('What went wrong?')
    pick(root, 8)
    await flush()
    expect(root.querySelector('label[for=comment]')!.textContent).toContain('What would make it better?')
    pick(root, 10)
    await flush()
    expect(root.querySelector('label[for=comment]')!.textContent).toContain('What did you like most?')
  })

  it('sends the score with the comment, thanks the shopper and closes itself', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const root = show({ kind: 'csat' })
    pick(root, 4)
    await vi.advanceTimersByTimeAsync(0)
    const text = root.querySelector<HTMLInputElement>('#comment')!
    text.value = '  fast delivery '
    text.dispatchEvent(new Event('input', { bubbles: true }))
    await vi.advanceTimersByTimeAsync(0)
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click()
    await vi.advanceTimersByTimeAsync(0)
    expect(host.answer).toHaveBeenCalledWith(5, 'fast delivery')
    expect(root.querySelector('[role=status]')!.textContent).toBe('Thank you!')
    expect(host.closed).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(2100)
    expect(document.querySelector('[data-touchpoint-survey]')).toBeNull()
    expect(host.closed).toHaveBeenCalledTimes(1)
    expect(host.answer).toHaveBeenCalledTimes(1)
    expect(host.dismiss).not.toHaveBeenCalled()
  })

  // The thank-you renders a task after Send (survey.tsx): the answer counts from the click.
  it('gives the answer once when Send, Escape and × follow Send before its thank-you renders', async () => {
    const root = show()
    pick(root, 9)
    await flush()
    root.querySelector<HTMLInputElement>('#comment')!.value = 'great'
    root.querySelector('#comment')!.dispatchEvent(new Event('input', { bubbles: true }))
    await flush()
    const send = root.querySelector<HTMLButtonElement>('button[type=submit]')!
    send.click()
    expect(host.answer).toHaveBeenCalledWith(9, 'great')
    expect(root.querySelector('.thank-you')).toBeNull() // a task later
    send.click()
    root.querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(host.answer).toHaveBeenCalledTimes(1)
    expect(host.dismiss).not.toHaveBeenCalled()
  })

  it('masks e-mail addresses and phone numbers in the comment before handing it to the loader', async () => {
    const root = show({ kind: 'csat' })
    pick(root, 4)
    await flush()
    const text = root.querySelector<HTMLInputElement>('#comment')!
    text.value = 'call 0912 345 678 or mail a@b.vn'
    text.dispatchEvent(new Event('input', { bubbles: true }))
    await flush()
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click()
    expect(host.answer).toHaveBeenCalledWith(5, 'call [phone] or mail [email]')
  })

  it('sends null for an empty comment', async () => {
    const root = show()
    pick(root, 10)
    await flush()
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click()
    expect(host.answer).toHaveBeenCalledWith(10, null)
  })

  it('dismisses on Escape when no score was chosen', () => {
    const root = show()
    root.querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }))
    expect(host.dismiss).toHaveBeenCalledTimes(1)
    expect(host.answer).not.toHaveBeenCalled()
    expect(document.querySelector('[data-touchpoint-survey]')).toBeNull()
  })

  it('keeps the chosen score when closed with the Close button', async () => {
    const root = show({ kind: 'emotion' })
    pick(root, 0)
    await flush()
    const close = root.querySelector<HTMLButtonElement>('button[aria-label=Close]')!
    close.click()
    expect(host.answer).toHaveBeenCalledWith(1, null)
    expect(host.dismiss).not.toHaveBeenCalled()
    expect(document.querySelector('[data-touchpoint-survey]')).toBeNull()
  })

  it('speaks Vietnamese, aria labels included', async () => {
    const root = show({ locale: 'vi', kind: 'emotion' })
    expect(root.getElementById('question')!.textContent).toBe('Bạn cảm thấy thế nào về lần ghé thăm này?')
    expect(radios(root).map(nameOf)).toEqual(['Bực bội', 'Thất vọng', 'Bình thường', 'Hài lòng', 'Rất vui'])
    expect(root.querySelector('button.close')!.getAttribute('aria-label')).toBe('Đóng')
    pick(root, 4)
    await flush()
    expect(root.querySelector('button[type=submit]')!.textContent).toBe('Gửi')
    expect(root.querySelector('label[for=comment]')!.textContent).toContain('Bạn thích điều gì nhất?')
  })

  it('renders a store question as text, never as HTML', () => {
    const root = show({ question: 'Was it <b>easy</b>?' })
    expect(root.getElementById('question')!.textContent).toBe('Was it <b>easy</b>?')
    expect(root.querySelector('b')).toBeNull()
  })

  it('focuses the first radio when asked, once its first frame is painted, and leaves focus alone when a trigger opened it', async () => {
    let root = show()
    // Neither inside open() nor in the first frame: focus() would force the card's style and layout
    // (and an emotion card's face label) in before the card's first paint.
    expect(root.activeElement).toBeNull()
    await new Promise((frame) => requestAnimationFrame(frame))
    expect(root.activeElement).toBeNull()
    await flush() // the task after the frame
    expect(root.activeElement).toBe(radios(root)[0])
    handle!.close()
    const button = document.body.appendChild(document.createElement('button'))
    button.focus()
    root = show({ auto: true })
    await new Promise((frame) => requestAnimationFrame(frame))
    await flush()
    expect(document.activeElement).toBe(button)
    button.remove()
  })

  it('leaves focus where the shopper put it before the first frame was painted', async () => {
    const button = document.body.appendChild(document.createElement('button'))
    show()
    button.focus() // a click into the page, in the card's first frame
    await new Promise((frame) => requestAnimationFrame(frame))
    await flush()
    expect(document.activeElement).toBe(button)
    button.remove()
  })

  it('renders inside the mount element in inline mode', () => {
    const mount = document.body.appendChild(document.createElement('section'))
    const root = show({ mount })
    expect(mount.querySelector('[data-touchpoint-survey]')!.shadowRoot).toBe(root)
    expect(root.querySelector('.card')!.classList.contains('floating')).toBe(false)
    handle!.close()
    expect(mount.children).toHaveLength(0)
    mount.remove()
  })

  it('floats bottom-left on request, and mirrors for a right-to-left page', () => {
    let root = show({ position: 'bottom-left' })
    expect(root.querySelector('.card')!.className).toBe('card floating at-left')
    handle!.close()
    document.documentElement.dir = 'rtl'
    root = show()
    const card = root.querySelector('.card')!
    expect(card.getAttribute('dir')).toBe('rtl')
    expect(card.className).toBe('card floating at-left')
  })

  it('removes everything on close() without reporting', () => {
    show()
    handle!.close()
    handle!.close()
    expect(document.querySelector('[data-touchpoint-survey]')).toBeNull()
    expect(host.dismiss).not.toHaveBeenCalled()
    expect(host.answer).not.toHaveBeenCalled()
  })
})

describe('styles', () => {
  it('adopts a constructable stylesheet, shared by every survey', () => {
    const root = show()
    expect(root.adoptedStyleSheets).toHaveLength(1)
    expect(root.querySelector('style')).toBeNull()
  })

  it("falls back to a <style> carrying the page's CSP nonce when stylesheets cannot be constructed", async () => {
    vi.resetModules()
    const replaceSync = CSSStyleSheet.prototype.replaceSync
    CSSStyleSheet.prototype.replaceSync = () => {
      throw new TypeError('unsupported')
    }
    try {
      const { ui: fresh } = await import('../../src/ui')
      handle = fresh.open(
        {
          survey: 'nps',
          kind: 'nps',
          locale: 'en',
          position: 'bottom-right',
          mount: null,
          auto: true,
          nonce: 'r4nd0m',
        },
        host as UiHost,
      )
      const style = document.querySelector('[data-touchpoint-survey]')!.shadowRoot!.querySelector('style')!
      expect(style.nonce || style.getAttribute('nonce')).toBe('r4nd0m')
      expect(style.textContent).toContain(':host{all:initial')
    } finally {
      CSSStyleSheet.prototype.replaceSync = replaceSync
    }
  })

  it("starts the card from all:initial, so a store's `* { letter-spacing }` cannot be inherited through the host", async () => {
    // Outer `*` rules beat `:host{all:initial}` on the host element itself; the card must cut inheritance there.
    const { CSS } = await import('../../src/ui/styles')
    const card = /(^|\n)\.card\{([^}]*)\}/.exec(CSS)![2].split(';')
    expect(card[0]).toBe('all:initial')
    expect(card).toContain('display:block')
  })

  it('puts readable text on a store accent', () => {
    const root = show({ accent: '#ffd700' })
    const card = root.querySelector<HTMLElement>('.card')!
    expect(card.style.getPropertyValue('--accent')).toBe('rgb(255,215,0)')
    expect(card.style.getPropertyValue('--on-accent')).toBe('#000')
  })
})
