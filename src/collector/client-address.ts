import type { IncomingHttpHeaders } from 'node:http'
import { BlockList, isIP } from 'node:net'

/**
 * Which proxies in front of the collector to believe: none (`false`), how many hops
 * (`1` = one reverse proxy), or their addresses and subnets (`['10.0.0.0/8', '::1']`).
 */
export type TrustProxy = false | number | string[]

/** What the address is read from: a request's headers and socket. */
export interface RequestOrigin {
  headers: IncomingHttpHeaders
  socket: { remoteAddress?: string }
}

/** `::ffff:203.0.113.7` (IPv4 on an IPv6 socket) → `203.0.113.7`, so one client has one key. */
const plain = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')

/**
 * Returns the function that names a request's client, for the rate limits and the login
 * throttle. Behind trusted proxies it is the right-most `X-Forwarded-For` entry that no trusted
 * proxy wrote: every proxy appends the address it saw, so entries further left are whatever the
 * client chose to send and must never decide.
 *
 * @example
 * const clientOf = clientAddressResolver(1)
 * // socket 10.0.0.2 (the proxy), X-Forwarded-For: "1.1.1.1, 203.0.113.7" → '203.0.113.7'
 */
export function clientAddressResolver(trust: TrustProxy): (req: RequestOrigin) => string {
  const trusted = Array.isArray(trust) ? trustedList(trust) : null
  return (req) => {
    const socket = plain(req.socket.remoteAddress ?? 'unknown')
    if (trust === false || trust === 0) return socket
    const forwarded = [req.headers['x-forwarded-for'] ?? []].flat().join(',')
    const chain = [
      ...forwarded
        .split(',')
        .map((entry) => plain(entry.trim()))
        .filter(Boolean),
      socket,
    ]
    if (trusted) {
      for (let index = chain.length - 1; index > 0; index--) if (!trusted(chain[index])) return chain[index]
      return chain[0]
    }
    return chain[Math.max(0, chain.length - 1 - (trust as number))]
  }
}

function trustedList(entries: string[]): (address: string) => boolean {
  const list = new BlockList()
  for (const entry of entries) {
    const [address, prefix] = entry.split('/')
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4'
    if (prefix === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(prefix), family)
  }
  return (address) => {
    const family = isIP(address)
    return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4')
  }
}

/**
 * Reads `TRUST_PROXY`: empty, `0` or `false` trusts no proxy; a number trusts that many hops
 * (`true` or `yes` mean 1, as before); otherwise a comma-separated list of proxy addresses or
 * subnets. Throws a readable `Error` for anything else.
 *
 * @example
 * parseTrustProxy('10.0.0.0/8, 192.168.1.5') // → ['10.0.0.0/8', '192.168.1.5']
 */
export function parseTrustProxy(text: string): TrustProxy {
  const value = text.trim()
  if (/^(|0|false|no|off)$/i.test(value)) return false
  if (/^(true|yes)$/i.test(value)) return 1
  if (/^\d+$/.test(value)) return Number(value)
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/')
    const bits = isIP(address) === 6 ? 128 : 32
    const prefixOk = prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= bits)
    if (!isIP(address) || !prefixOk || extra !== undefined) {
      throw new Error(
        `TRUST_PROXY must be a number of proxies or their addresses (10.0.0.1, 10.0.0.0/8), not "${entry}"`,
      )
    }
  }
  return entries
}
