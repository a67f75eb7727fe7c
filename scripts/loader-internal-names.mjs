// Property names the CDN loader's minifier may shorten (terser's property mangling, for
// dist/touchpoint.js only). Minifiers shorten variables but never property names, so the loader's
// narrow dependency objects (`{ win, loadChunk, outcome, … }`) and its parts' internal methods
// would ship their readable names on every store page. These names are shortened instead.
//
// A name belongs here only if it never crosses the loader's edge: not the public API
// (`touchpoint.show`, the command form), not the wire (answers, displays, batches), not the
// contract with the chunks (SurveyRequest, UiHost, Note …), not an option name (read from
// attributes by name), and not a property of anything the page or the browser owns. A test
// (tests/build/loader-internal-names.test.ts) holds the list to src/shared and to the public API,
// and checks the built loader still answers to every public name. Terser leaves DOM and builtin
// names alone on its own (`emit`, `storage`, `restart` are among them), so they are not listed.

/** The loader-internal property names, each spelled as in src/loader. */
export const LOADER_INTERNAL_NAMES = [
  // dependency objects (src/loader/core/create-touchpoint.ts wires them)
  'win',
  'loadChunk',
  'drafts',
  'outcome',
  'shownThisPageView',
  // the parts' own methods
  'newPageView',
  'dataLayerEvent',
  'record',
  'granted',
  'onChange',
]

/** terser's `mangle.properties` for the loader: exactly these names, and never a quoted one. */
export const loaderInternalProperties = {
  regex: new RegExp(`^(${LOADER_INTERNAL_NAMES.join('|')})$`),
  keep_quoted: 'strict',
}
