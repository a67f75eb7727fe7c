// The words chunk: URL words in languages the loader does not carry (German, French, Spanish,
// Italian, Dutch, Polish, Portuguese). The loader fetches it only on pages whose `<html lang>` is
// one of them, so stores in English or Vietnamese never download these bytes.
import { CHUNK_API, type WordsChunk } from '../shared/contract.js'
import { URL_WORDS } from '../shared/url-words.js'

export const words: WordsChunk = { api: CHUNK_API, words: URL_WORDS }
