// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { resolveExplicit } from '../../../src/loader/detection/resolve-explicit'

describe('resolveExplicit', () => {
  it('accepts every touchpoint name as is', () => {
    for (const touchpoint of [
      'home',
      'listing',
      'search',
      'product',
      'cart',
      'checkout',
      'confirmation',
      'account',
      'support',
      'content',
      'other',
    ])
      expect(resolveExplicit(touchpoint)).toEqual({ touchpoint })
  })

  it('keeps a stage name as the stage and picks its typical touchpoint', () => {
    expect(resolveExplicit('decision')).toEqual({ touchpoint: 'checkout', stage: 'decision' })
    expect(resolveExplicit(' Purchase ')).toEqual({ touchpoint: 'confirmation', stage: 'purchase' })
  })

  it('understands platform page types printed into data-stage', () => {
    expect(resolveExplicit('orderconfirmation')?.touchpoint).toBe('confirmation') // BigCommerce
    expect(resolveExplicit('default')?.touchpoint).toBe('home') // BigCommerce home
    expect(resolveExplicit('account_orderstatus')?.touchpoint).toBe('account')
    expect(resolveExplicit('collection')?.touchpoint).toBe('listing') // Shopify
    expect(resolveExplicit('index')?.touchpoint).toBe('home')
    expect(resolveExplicit('customers/order')?.touchpoint).toBe('account')
    expect(resolveExplicit('page.contact')?.touchpoint).toBe('support') // Sapo / Shopify alternate template
    expect(resolveExplicit('page')?.touchpoint).toBe('content')
  })

  it('returns null for unknown values so the caller can warn and detection carries on', () => {
    for (const value of ['basket?', '', '   ', null, undefined, 42, {}, 'constructor', '__proto__'])
      expect(resolveExplicit(value)).toBeNull()
  })
})
