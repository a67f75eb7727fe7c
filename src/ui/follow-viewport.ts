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
  const place = () => {
    const edge = corner.getBoundingClientRect()
    const px = (n: number) => `${Math.max(0, n)}px` // fractional: the edges are, at a zoom
    host.style.setProperty('--tp-left', px(view.offsetLeft))
    host.style.setProperty('--tp-right', px(edge.right - view.offsetLeft - view.width))
    host.style.setProperty('--tp-bottom', px(edge.bottom - view.offsetTop - view.height))
  }
  place()
  view.addEventListener('resize', place)
  view.addEventListener('scroll', place)
  return () => {
    view.removeEventListener('resize', place)
    view.removeEventListener('scroll', place)
    corner.remove()
  }
}
