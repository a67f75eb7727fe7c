// CDN entry of dist/touchpoint-transport.js: the loader finds the chunk on this global after the script runs.
import { transport } from './transport.js'
import { chunkRegistry } from '../shared/contract.js'

chunkRegistry().transport = transport
