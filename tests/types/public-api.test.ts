// @vitest-environment node
// The public API's types, straight from src/index.ts with the TypeScript compiler (no build, no
// pack: seconds, where tests/types/package-types.test.ts checks the published tarball): a strict
// consumer whose misuses must not compile (each `@ts-expect-error` fails the compile when its
// line compiles after all), and every `@example` of every public export, and of the members of
// exported interfaces, compiled under strict.
import { dirname, join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const INDEX = join(ROOT, 'src/index.ts')
const CONSUMER = join(__dirname, 'consumer.virtual.ts')
const EXAMPLES = join(__dirname, 'examples.virtual.ts')
const FROM = "'../../src/index.js'"

const consumer = `
import { init, detectStage, type SurveyResponse, type TouchpointApi, type Detection, type Options } from ${FROM}

const touchpoint: TouchpointApi | undefined = init({ endpoint: 'https://collect.example/r', locale: 'vi' })
touchpoint?.on('answer', (r: SurveyResponse) => {
  const score: number = r.score
  console.log(score, r.kind, r.touchpoint, r.comment?.length)
})
touchpoint?.on('error', (e) => console.log(e.code, e.message))
touchpoint?.setStage('cart')
touchpoint?.setStage('decision')
touchpoint?.setStage(null)
touchpoint?.show('nps')
const detection: Detection = detectStage()
console.log(detection.stage)
const options: Options = { endpoint: '/collect', position: 'bottom-left', sample: 50 }
void options

// @ts-expect-error: a misspelt event does not compile
touchpoint?.on('answr', () => {})
// @ts-expect-error: an answer is a SurveyResponse, not a dismissal
touchpoint?.on('answer', (r: { reason: string }) => r)
// @ts-expect-error: setStage takes touchpoint and stage names only
touchpoint?.setStage('checkuot')
// @ts-expect-error: show takes a survey kind
touchpoint?.show('star-rating')
// @ts-expect-error: a misspelt option does not compile
init({ endpoint: '/collect', postion: 'bottom-left' })
// @ts-expect-error: the endpoint is required
init({ locale: 'vi' })
// @ts-expect-error: a corner that does not exist
init({ endpoint: '/collect', position: 'middle' })
`

/** Compiler options of the repository, strict, for the index and the two virtual files. */
function compile(files: Record<string, string>): ts.Program {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      },
    },
  )!
  const options = { ...config.options, strict: true, noEmit: true, noUnusedLocals: false }
  const host = ts.createCompilerHost(options)
  const read = host.readFile.bind(host)
  const exists = host.fileExists.bind(host)
  host.readFile = (file) => files[file] ?? read(file)
  host.fileExists = (file) => file in files || exists(file)
  const getSourceFile = host.getSourceFile.bind(host)
  host.getSourceFile = (file, language, onError) =>
    file in files ? ts.createSourceFile(file, files[file], language, true) : getSourceFile(file, language, onError)
  return ts.createProgram([INDEX, ...Object.keys(files)], options, host)
}

const errors = (program: ts.Program, file: string) =>
  ts.formatDiagnostics(ts.getPreEmitDiagnostics(program, program.getSourceFile(file)), {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => dirname(file),
    getNewLine: () => '\n',
  })

/** `@example` texts of every public export of src/index.ts and of the members of exported types, by name. */
function publicExamples(program: ts.Program): [string, string][] {
  const checker = program.getTypeChecker()
  const found: [string, string][] = []
  const collect = (name: string, symbol: ts.Symbol) => {
    for (const tag of symbol.getJsDocTags(checker))
      if (tag.name == 'example') found.push([name, ts.displayPartsToString(tag.text)])
  }
  const index = checker.getSymbolAtLocation(program.getSourceFile(INDEX)!)!
  for (const exported of checker.getExportsOfModule(index)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    collect(exported.name, symbol)
    if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))
      for (const member of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol)))
        collect(`${exported.name}.${member.name}`, member)
  }
  return found
}

describe('the public API types (src/index.ts, strict)', () => {
  it('compile a consumer and refuse misspelt events, options and stage names', () => {
    expect(errors(compile({ [CONSUMER]: consumer }), CONSUMER)).toBe('')
  }, 60_000)

  it('compile every @example of the public exports', () => {
    const examples = publicExamples(compile({}))
    // init, Options and detectStage have one each today; a new export's example joins by itself.
    expect(examples.map(([name]) => name)).toEqual(expect.arrayContaining(['init', 'Options', 'detectStage']))
    const names = 'init, detectStage, DEFAULT_STAGE_MAP, STAGES, TOUCHPOINTS'
    const prelude = `import { ${names} } from ${FROM}\nimport type * as Types from ${FROM}\ndeclare const touchpoint: Types.TouchpointApi\nvoid [${names}, touchpoint]\n`
    const body = examples
      .map(([name, code], i) => {
        const lines = code.split('\n').filter((line) => !/^\s*import\s/.test(line)) // the prelude imports
        return `// ${name}\nasync function example${i}() {\n${lines.join('\n')}\n}\nvoid example${i}\n`
      })
      .join('\n')
    expect(errors(compile({ [EXAMPLES]: prelude + body }), EXAMPLES)).toBe('')
  }, 60_000)
})
