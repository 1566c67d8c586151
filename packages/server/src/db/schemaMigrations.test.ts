import { execFile } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '../..')
const migrationsFolder = join(packageDir, 'drizzle')

describe('committed migrations', () => {
  // drizzle-kit prefixes `--out` with './', so the scratch copy lives inside the package.
  const scratch = mkdtempSync(join(packageDir, '.drizzle-check-'))
  afterAll(() => rmSync(scratch, { recursive: true, force: true }))

  it('match schema.ts: drizzle-kit generates nothing new from them', async () => {
    cpSync(migrationsFolder, join(scratch, 'drizzle'), { recursive: true })
    const out = relative(packageDir, join(scratch, 'drizzle'))
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(packageDir, 'node_modules/drizzle-kit/bin.cjs'), 'generate', '--dialect', 'sqlite', '--schema', 'src/db/schema.ts', '--out', out],
      { cwd: packageDir },
    )
    expect(stdout).toContain('No schema changes')
    expect(readdirSync(join(scratch, 'drizzle')).sort()).toEqual(readdirSync(migrationsFolder).sort())
  }, 60_000)
})
