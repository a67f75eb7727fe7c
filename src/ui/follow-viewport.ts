/**
 * Keeps a floating card on the part of the page the shopper sees. A fixed box is laid out in
 * the layout viewport, which on a phone grows past the screen when a theme's content is wider
 * than the device (a common theme bug): the bottom sheet then sits below and beside the screen.
 * The visual viewport is what the screen shows; the gap between the two edges goes into
 * `--tp-left`, `--tp-right` and `--tp-bottom`, which styles.ts adds to the card's offsets. It
 * follows pinch-zoom and an on-screen keyboard too, and does nothing where visualViewport is
 * missing (Chrome < 61, Safari < 13): there the card keeps its plain fixed position.
 * @example const stop = followViewport(shadowRoot, hostElement); stop()
 */
export function followViewport(root: ShadowRoot, host: HTMLElement): () => void {
  const view = window.visualViewport
  if (!view) return () => {}
  // A zero-size fixed box at the bottom right corner: where the layout viewport's edges are.
  // Styled by its class, not a style attribute, which a strict CSP (style-src-attr) blocks.
  const corner = root.appendChild(document.createElement('i'))
  corner.className = 'corner'
  // Only a changed offset is written: each write restyles the card, and on most screens all
  // three stay 0px (the stylesheet's default when unset), so nothing is written at all.
  const set = (name: string, n: number) => {
    const value = `${Math.max(0, n)}px` // fractional: the edges are, at a zoom
    if ((host.style.getPropertyValue(name) || '0px') != value) host.style.setProperty(name, value)
  }
  const place = () => {
    const edge = corner.getBoundingClientRect()
    set('--tp-left', view.offsetLeft)
    set('--tp-right', edge.right - view.offsetLeft - view.width)
    set('--tp-bottom', edge.bottom - view.offsetTop - view.height)
  }
  // First placed in the card's first frame, before it is painted: reading the corner's position
  // now would make the browser lay out the page inside the task that renders the card.
  const first = requestAnimationFrame(place)
  view.addEventListener('resize', place)
  view.addEventListener('scroll', place)
  return () => {
    cancelAnimationFrame(first)
    view.removeEventListener('resize', place)
    view.removeEventListener('scroll', place)
    corner.remove()
  }
}
