// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { packageFile, packageRoot, PackageRootError } from '../../src/collector/package-file'
import { tempDir } from './fixtures'

describe('packageRoot', () => {
  it('finds the package from any depth below it, as src/ and dist/collector/ both need', () => {
    const root = packageRoot(import.meta.url)
    expect(packageRoot(pathToFileURL(join(root, 'src/collector/validate.ts')).href)).toBe(root)
    expect(packageRoot(pathToFileURL(join(root, 'dist/collector/deep/er/index.js')).href)).toBe(root)
    expect(packageFile('schema/response.schema.json', import.meta.url)).toBe(join(root, 'schema/response.schema.json'))
  })

  it('walks past a package.json of another name, such as a bundling store app inside node_modules', () => {
    const tmp = tempDir()
    writeFileSync(join(tmp.dir, 'package.json'), JSON.stringify({ name: 'touchpoint-survey' }))
    mkdirSync(join(tmp.dir, 'app/chunks'), { recursive: true })
    writeFileSync(join(tmp.dir, 'app/package.json'), JSON.stringify({ name: 'my-store' }))
    writeFileSync(join(tmp.dir, 'app/chunks/package.json'), '{ not json')
    expect(packageRoot(pathToFileURL(join(tmp.dir, 'app/chunks/collector.js')).href)).toBe(tmp.dir)
    tmp.remove()
  })

  it('says which module it searched from when no package.json names it', () => {
    const tmp = tempDir()
    const from = pathToFileURL(join(tmp.dir, 'collector.js')).href
    expect(() => packageRoot(from)).toThrow(PackageRootError)
    expect(() => packageRoot(from)).toThrow(/no package.json named touchpoint-survey above .*collector\.js/)
    tmp.remove()
  })
})
