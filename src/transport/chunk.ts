import { transport } from './transport.js'
const w = window as any // eslint-disable-line @typescript-eslint/no-explicit-any
;(w.__touchpoint_chunks = w.__touchpoint_chunks || {}).transport = transport
