// Brings dependency code (ky, nanostores, preact from node_modules) down to the browsers the README
// promises: Chrome 80+, Firefox 78+, Safari 13.1+, i.e. ES2019. Our own source is compiled to ES2019
// by @rollup/plugin-typescript, and its `lib` (ES2020) keeps newer APIs out of it; dependencies
// ship modern syntax (`||=`, `??`, class fields, private `#` fields) and call newer APIs.
// - syntax: TypeScript's transpileModule with target ES2019 (no new build dependency);
// - APIs: the calls below are rewritten to older equivalents in place, so no global is patched
//   on the store's page. tests/build/es2019.test.ts parses every shipped file as ES2019 and looks
//   for any newer API left over (a dependency update that adds one fails the test).
import ts from 'typescript'

const { factory } = ts

/** `Object.hasOwn(o, k)` (Safari 15.4, Chrome 93) → `Object.prototype.hasOwnProperty.call(o, k)`. */
function rewriteHasOwn(node) {
  const callee = node.expression
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text != 'hasOwn') return null
  if (!ts.isIdentifier(callee.expression) || callee.expression.text != 'Object' || node.arguments.length != 2)
    return null
  const hasOwnProperty = factory.createPropertyAccessExpression(
    factory.createPropertyAccessExpression(factory.createIdentifier('Object'), 'prototype'),
    'hasOwnProperty',
  )
  return factory.createCallExpression(
    factory.createPropertyAccessExpression(hasOwnProperty, 'call'),
    undefined,
    node.arguments,
  )
}

/** A literal index: `3` or `-1`; null for anything computed. */
function literalIndex(node) {
  if (ts.isNumericLiteral(node)) return Number(node.text)
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator == ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  )
    return -Number(node.operand.text)
  return null
}

/**
 * `list.at(-1)` (Safari 15.4, Chrome 92) → `list[list.length - 1]`, `list.at(0)` → `list[0]`.
 * Only on a plain name with a literal index: reading the name twice then has no side effect.
 * Anything else is left alone, and the build test reports it.
 */
function rewriteAt(node) {
  const callee = node.expression
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text != 'at' || node.arguments.length != 1) return null
  const list = callee.expression
  const index = literalIndex(node.arguments[0])
  if (!ts.isIdentifier(list) || index == null || !Number.isInteger(index)) return null
  const position =
    index < 0
      ? factory.createBinaryExpression(
          factory.createPropertyAccessExpression(list, 'length'),
          ts.SyntaxKind.MinusToken,
          factory.createNumericLiteral(-index),
        )
      : factory.createNumericLiteral(index)
  return factory.createElementAccessExpression(list, position)
}

/**
 * Private `#name` members become `_name` properties (Babel's `privateFieldsAsProperties`):
 * ES2019 has no private fields, and TypeScript's WeakMap emulation grew the transport chunk by
 * ~600 B brotli. The code was written against the private names, so it never reaches these
 * properties by another name; a clash with an existing `_name` stops the build.
 */
function privateAsProperty(node, names) {
  if (!ts.isPrivateIdentifier(node)) return null
  const name = '_' + node.text.slice(1)
  if (names.has(name))
    throw new Error(`es2019: cannot rename ${node.text}: ${name} is already used in ${node.getSourceFile().fileName}`)
  return factory.createIdentifier(name)
}

const rewriteApis = (context) => (file) => {
  const names = new Set(file.identifiers.keys())
  const visit = (node) => {
    const renamed = privateAsProperty(node, names)
    if (renamed) return renamed
    const visited = ts.visitEachChild(node, visit, context)
    return (ts.isCallExpression(visited) && (rewriteHasOwn(visited) || rewriteAt(visited))) || visited
  }
  return ts.visitNode(file, visit)
}

const isNullish = (node, keyword) =>
  keyword == 'null'
    ? node.kind == ts.SyntaxKind.NullKeyword
    : ts.isVoidExpression(node) && ts.isNumericLiteral(node.expression)
const sameName = (value, name) =>
  ts.isIdentifier(name) &&
  (ts.isIdentifier(value)
    ? value
    : ts.isParenthesizedExpression(value) && ts.isBinaryExpression(value.expression)
      ? value.expression.left
      : null
  )?.text == name.text

/**
 * TypeScript spells the `??` and `?.` it downlevels as `(a = x) !== null && a !== void 0`; loose
 * equality says the same in half the bytes (`(a = x) != null`), which terser does not find itself.
 */
const looseNullChecks = (context) => (file) => {
  const visit = (node) => {
    node = ts.visitEachChild(node, visit, context)
    if (!ts.isBinaryExpression(node)) return node
    const both = node.operatorToken.kind
    const strict =
      both == ts.SyntaxKind.AmpersandAmpersandToken
        ? ts.SyntaxKind.ExclamationEqualsEqualsToken
        : both == ts.SyntaxKind.BarBarToken
          ? ts.SyntaxKind.EqualsEqualsEqualsToken
          : 0
    const [first, second] = [node.left, node.right]
    if (!strict || !ts.isBinaryExpression(first) || !ts.isBinaryExpression(second)) return node
    if (first.operatorToken.kind != strict || second.operatorToken.kind != strict) return node
    if (!isNullish(first.right, 'null') || !isNullish(second.right, 'undefined') || !sameName(first.left, second.left))
      return node
    const loose =
      strict == ts.SyntaxKind.ExclamationEqualsEqualsToken
        ? ts.SyntaxKind.ExclamationEqualsToken
        : ts.SyntaxKind.EqualsEqualsToken
    return factory.createBinaryExpression(first.left, loose, factory.createNull())
  }
  return ts.visitNode(file, visit)
}

/**
 * Transpiles one module's JavaScript to ES2019 with the API rewrites; returns code and source map.
 *
 * @example
 * toES2019('a ||= Object.hasOwn(b, "c")', 'x.js').code // → 'a || (a = Object.prototype.hasOwnProperty.call(b, "c"));'
 */
export function toES2019(code, fileName) {
  const { outputText, sourceMapText } = ts.transpileModule(code, {
    fileName,
    compilerOptions: {
      target: ts.ScriptTarget.ES2019,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      sourceMap: true,
      // Private-field helpers come once from tslib instead of once per module.
      importHelpers: true,
    },
    transformers: { before: [rewriteApis], after: [looseNullChecks] },
  })
  const map = JSON.parse(sourceMapText)
  map.sources = [fileName]
  map.sourcesContent = [code]
  return { code: outputText.replace(/\n\/\/# sourceMappingURL=.*$/, ''), map }
}

/** The rollup plugin: every module from node_modules, except tslib (already ES5), goes through toES2019. */
export function es2019() {
  return {
    name: 'es2019-dependencies',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]/.test(id) || /[\\/]node_modules[\\/]tslib[\\/]/.test(id) || !/\.m?js$/.test(id))
        return null
      return toES2019(code, id)
    },
  }
}
