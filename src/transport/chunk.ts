import { transport } from './transport.js'
const w = window as unknown as { __touchpoint_chunks?: Record<string, unknown> }
;(w.__touchpoint_chunks = w.__touchpoint_chunks || {}).transport = transport
