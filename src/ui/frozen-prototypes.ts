import { options } from 'preact'

/**
 * Lets Preact re-render on a page that froze `Object.prototype` (SES lockdown, hardening
 * scripts). Preact copies a vnode with `for…in` assignment (`assign({}, vnode)`), and every vnode
 * has an own `constructor: undefined` (its guard against JSON injection): with the inherited
 * `constructor` frozen, that assignment throws, and the card stops after the first pick. Made
 * non-enumerable, the key is not copied, and this hook defines it again on the copy.
 * Does nothing on ordinary pages.
 */
let installed = false

export function tolerateFrozenPrototypes(): void {
  const inherited = Object.getOwnPropertyDescriptor(Object.prototype, 'constructor')
  if (installed || !inherited || inherited.writable) return
  installed = true
  const previous = options.vnode
  options.vnode = (vnode) => {
    Object.defineProperty(vnode, 'constructor', {
      value: undefined,
      enumerable: false,
      writable: true,
      configurable: true,
    })
    if (previous) previous(vnode)
  }
}
