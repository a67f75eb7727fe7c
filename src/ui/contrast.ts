/** An sRGB colour, channels 0–255. */
export type Rgb = [number, number, number]

/** Parses the colours a browser's computed style hands back: `#rgb`, `#rrggbb`, `rgb()`, `rgba()`, `color(srgb …)`. */
export function parseColor(css: string): Rgb | null {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(css.trim())
  if (hex) {
    const h = hex[1].length == 3 ? hex[1].replace(/./g, '$&$&') : hex[1]
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as Rgb
  }
  const srgb = /^color\(srgb /.test(css)
  const n = (srgb || /^rgba?\(/.test(css)) && css.match(/-?[\d.]+/g)
  return n && n.length >= 3 ? (n.slice(0, 3).map((v) => Math.round(+v * (srgb ? 255 : 1))) as Rgb) : null
}

/** WCAG 2 relative luminance, 0 (black) … 1 (white). */
export function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** WCAG contrast ratio of two colours, 1 … 21. */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}

/**
 * Black or white, whichever reads better on `bg`; the better of the two is always ≥ 4.58:1.
 * @example textOn([15, 94, 110]) // '#fff'
 */
export const textOn = (bg: Rgb): '#000' | '#fff' =>
  contrast(bg, [0, 0, 0]) >= contrast(bg, [255, 255, 255]) ? '#000' : '#fff'

/** Resolves any CSS colour to sRGB through `el`'s computed style, then a canvas; null when neither can. */
export function resolveColor(css: string, el: HTMLElement): Rgb | null {
  el.style.color = css
  let rgb = parseColor(getComputedStyle(el).color)
  el.style.color = ''
  if (!rgb) {
    try {
      const g = document.createElement('canvas').getContext('2d', { willReadFrequently: true })
      if (g) {
        g.fillStyle = css
        g.fillRect(0, 0, 1, 1)
        const d = g.getImageData(0, 0, 1, 1).data
        rgb = [d[0], d[1], d[2]]
      }
    } catch {
      // no canvas (or blocked): keep the default accent
    }
  }
  return rgb
}
