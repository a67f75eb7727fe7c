import { ui } from '../ui'
const w = window as any // eslint-disable-line @typescript-eslint/no-explicit-any
;(w.__touchpoint_chunks = w.__touchpoint_chunks || {}).ui = ui
