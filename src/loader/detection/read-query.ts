import { NONE, bestName, type Hit } from './page-types.js'
import { type Place } from './page-key.js'
import { joomlaName } from './read-page-names.js'

/**
 * Page names that platforms without URL rewriting carry in the query: OpenCart `route=`
 * (`product/category`, `checkout/success`), PrestaShop `controller=` (not a module's, `fc=module`),
 * Zen Cart `main_page=` (`index` with a `cPath` is a category), Miva `Screen=`, X-Cart `target=`,
 * Joomla `option=` + `view=` (+ `layout=`) and HikaShop `ctrl=` + `task=`, and a `page=` that is
 * not a number. `at` is another URL to read (the canonical one).
 *
 * @example
 * // https://shop.example/index.php?route=checkout/success
 * readQuery(window) // → [0, 'url:query'] (confirmation)
 */
export function readQuery(w: Window, at: Place = w.location): Hit | undefined {
  const query = new URLSearchParams(at.search)
  const get = (key: string) => query.get(key) || ''
  const view = get('view') || get('ctrl')
  const rank = bestName([
    get('route'),
    get('fc') ? '' : get('controller'),
    get('main_page') == 'index' && get('cPath') ? 'category' : get('main_page'),
    get('Screen') || get('screen'),
    get('target'),
    view && joomlaName(get('option').replace('com_', ''), view, get('layout') || get('task')),
    /\D/.test(get('page')) ? get('page') : '',
  ])
  if (rank < NONE) return [rank, 'url:query']
}
