// @vitest-environment node
// The published types as a TypeScript user gets them: `npm pack`, unpack into a fresh project,
// and compile a consumer under `strict` with each module resolution a project may use
// (nodenext and node16 for Node ESM, bundler for Vite/webpack). The consumer also holds every
// @example of the shipped .d.ts files, so a JSDoc example that does not compile fails here.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packInto, ROOT } from '../package/pack'

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc')
let dir = ''
let pkg = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'touchpoint-types-'))
  const tarball = packInto(dir)
  pkg = join(dir, 'node_modules/touchpoint-survey')
  mkdirSync(pkg, { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', pkg, '--strip-components=1'])
  for (const dep of ['preact', 'nanostores', 'ky'])
    symlinkSync(join(ROOT, 'node_modules', dep), join(dir, 'node_modules', dep))
}, 120_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Every `@example` block of the widget's shipped declaration files, as code (imports lifted into the prelude). */
function shippedExamples(): string[] {
  const files = (readdirSync(join(pkg, 'dist/esm'), { recursive: true }) as string[]).filter((f) => f.endsWith('.d.ts'))
  const examples: string[] = []
  for (const file of files) {
    const text = readFileSync(join(pkg, 'dist/esm', file), 'utf8')
    for (const block of text.match(/\/\*\*[\s\S]*?\*\//g) ?? []) {
      const lines = block.split('\n').map((line) => line.replace(/^\s*\/?\*+\/?\s?/, ''))
      const start = lines.findIndex((line) => line.startsWith('@example'))
      if (start < 0) continue
      const code = [lines[start].slice('@example'.length).trim(), ...lines.slice(start + 1)]
      const end = code.findIndex((line, i) => i > 0 && line.startsWith('@'))
      const body = code.slice(0, end < 0 ? undefined : end).filter((line) => !/^import\s/.test(line))
      examples.push(`// ${file}\n` + body.join('\n'))
    }
  }
  return examples
}

const CONSUMER = `
import { init, detectStage, type SurveyResponse, type TouchpointApi, type Detection, type SurveyStrings } from 'touchpoint-survey'

const touchpoint: TouchpointApi | undefined = init({ endpoint: 'https://collect.example/r', locale: 'vi' })
touchpoint?.on('answer', (r: SurveyResponse) => {
  const score: number = r.score
  console.log(score, r.kind, r.touchpoint)
})
touchpoint?.on('error', (e) => console.log(e.code, e.message))
touchpoint?.setStage('cart')
touchpoint?.setStage('decision')
touchpoint?.setStage(null)
const detection: Detection = detectStage()
console.log(detection.stage)
// @ts-expect-error: a misspelt event does not compile
touchpoint?.on('answr', () => {})
// @ts-expect-error: setStage takes touchpoint and stage names only
touchpoint?.setStage('checkuot')
// @ts-expect-error: show takes a survey kind
touchpoint?.show('star-rating')
// @ts-expect-error: a misspelt option does not compile
init({ endpoint: '/collect', postion: 'bottom-left' })
const french: SurveyStrings = {
  question: { csat: 'Satisfait ?', nps: 'Recommanderiez-vous ?', emotion: 'Ressenti ?', ces: 'Facile ?' },
  questionAt: {
    confirmation: { csat: 'Votre achat ?', ces: 'Commander ?' },
    checkout: { ces: 'Payer ?', csat: 'Le paiement ?' },
    cart: { ces: 'Le panier ?' },
    product: { emotion: 'Cette page ?', csat: 'Cette page ?' },
    listing: { emotion: 'Nos produits ?' },
    search: { csat: 'Ces résultats ?' },
    account: { nps: 'Notre boutique ?' },
    support: { csat: "L'aide ?", ces: "L'aide ?" },
  },
  ends: { csat: ['Insatisfait', 'Satisfait'], nps: ['Improbable', 'Très probable'], ces: ['Difficile', 'Facile'] },
  faces: ['Frustré', 'Déçu', 'Neutre', 'Content', 'Ravi'],
  followUp: ['Quel problème ?', 'Que changer ?', "Qu'avez-vous aimé ?"],
  optional: '(facultatif)',
  send: 'Envoyer',
  thanks: 'Merci !',
  close: 'Fermer',
}
init({ endpoint: '/collect', locale: 'fr', strings: french })
init({ endpoint: '/collect', locale: 'fr', strings: { send: 'Envoyer', ends: { nps: ['Improbable', 'Très probable'] } } })
// @ts-expect-error: a misspelt strings key does not compile
init({ endpoint: '/collect', locale: 'fr', strings: { sned: 'Envoyer' } })
// @ts-expect-error: five faces, not two
init({ endpoint: '/collect', locale: 'fr', strings: { faces: ['Frustré', 'Ravi'] } })
// @ts-expect-error: a full SurveyStrings needs every key
const incomplete: SurveyStrings = { send: 'Envoyer' }
console.log(incomplete)
`

describe('the published types', () => {
  for (const [resolution, module] of [
    ['nodenext', 'nodenext'],
    ['node16', 'node16'],
    ['bundler', 'esnext'],
  ] as const) {
    it(`compile a strict consumer and every shipped @example under moduleResolution ${resolution}`, () => {
      const project = join(dir, resolution)
      mkdirSync(project, { recursive: true })
      writeFileSync(join(project, 'package.json'), JSON.stringify({ type: 'module' }))
      writeFileSync(join(project, 'consumer.ts'), CONSUMER)
      const examples = shippedExamples()
      expect(examples.length).toBeGreaterThan(0)
      const prelude =
        "import { init, detectStage } from 'touchpoint-survey'\nimport type { TouchpointApi } from 'touchpoint-survey'\ndeclare const touchpoint: TouchpointApi\nexport {}\n"
      writeFileSync(
        join(project, 'examples.ts'),
        prelude +
          examples.map((code, i) => `async function example${i}() {\n${code}\n}\nvoid example${i}\n`).join('\n'),
      )
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            module,
            moduleResolution: resolution,
            target: 'es2020',
            lib: ['es2020', 'dom', 'dom.iterable'],
            skipLibCheck: false,
            types: [],
          },
          files: ['consumer.ts', 'examples.ts'],
        }),
      )
      // Symlinked so TypeScript walks up from the project to the shared node_modules.
      symlinkSync(join(dir, 'node_modules'), join(project, 'node_modules'))
      let output = ''
      try {
        execFileSync(process.execPath, [TSC, '-p', project], { encoding: 'utf8', cwd: project })
      } catch (err) {
        output = String((err as { stdout?: string }).stdout ?? err)
      }
      expect(output).toBe('')
    }, 120_000)
  }
})
