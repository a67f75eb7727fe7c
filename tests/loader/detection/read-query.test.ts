// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { readQuery } from '../../../src/loader/detection/read-query'
import { named, openBlank } from '../../fixtures/blank-page'

describe('page names in query parameters', () => {
  it.each([
    ['/index.php?route=product/product&product_id=40', 'product'], // OpenCart
    ['/index.php?route=product/category&path=20_27', 'listing'],
    ['/index.php?route=checkout/success', 'confirmation'],
    ['/index.php?route=account/order', 'account'],
    ['/index.php?route=information/contact&language=en-gb', 'support'],
    ['/index.php?controller=order-confirmation&id_cart=5', 'confirmation'], // PrestaShop
    ['/recherche?controller=search&s=robe', 'search'],
    ['/index.php?main_page=product_info&products_id=3', 'product'], // Zen Cart
    ['/index.php?main_page=index&cPath=1_4', 'listing'],
    ['/index.php?main_page=index', 'home'],
    ['/merchant.mvc?Screen=BASK&Store_Code=S', 'cart'], // Miva
    ['/cart.php?target=checkoutSuccess', 'confirmation'], // X-Cart
    ['/index.php?option=com_virtuemart&view=productdetails&virtuemart_product_id=7', 'product'], // Joomla
    ['/index.php?option=com_virtuemart&view=cart&layout=orderdone', 'confirmation'],
    ['/index.php?option=com_hikashop&ctrl=checkout&task=after_end', 'confirmation'],
    ['/index.php?option=com_content&view=article&id=3', 'page'],
  ])('reads %s as %s', async (url, touchpoint) => {
    expect(named(readQuery(await openBlank(url)))).toEqual([touchpoint, 'url:query'])
  })

  it.each([
    '/collections/all?page=2',
    '/?view=grid',
    '/index.php?fc=module&module=paypal&controller=validation',
    '/x?utm_source=cart',
  ])('finds nothing in %s', async (url) => {
    expect(named(readQuery(await openBlank(url)))).toBeUndefined()
  })
})
