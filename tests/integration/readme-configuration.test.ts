import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// An admin configures Storyloom from the README's Configuration table: a setting the code reads
// but the table does not list is one nobody can find. This fails when one is added without its row.

const root = join(import.meta.dirname, '..', '..')
/** The packages an admin runs (the canvas reads no environment at run time). */
const PACKAGES = ['server', 'gpu-worker', 'shared', 'app']
/** Read but not settings: set by pnpm, by CI, or only by the tests (documented in the worker's README). */
const NOT_SETTINGS = new Set(['INIT_CWD', 'CI'])
const TEST_ONLY = /^STORYLOOM_TEST_/u

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.parentPath.includes('testing'))
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Every `env.X` / `process.env.X` / `env['X']` the packages' code reads. */
function envReadByCode(): Set<string> {
  const names = new Set<string>()
  for (const pkg of PACKAGES) {
    for (const file of sourceFiles(join(root, 'packages', pkg, 'src'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\benv(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/gu)) names.add((match[1] ?? match[2])!)
    }
  }
  return names
}

/** The variables named in the first column of the README's Configuration table. */
function documented(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8')
  const section = readme.slice(readme.indexOf('\n## Configuration'), readme.indexOf('\n## ', readme.indexOf('\n## Configuration') + 1))
  const names = new Set<string>()
  for (const row of section.split('\n').filter((line) => line.startsWith('| `'))) {
    for (const [, name] of (row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]+)`/gu)) names.add(name!)
  }
  return names
}

describe("README's Configuration table", () => {
  it('lists every environment variable the server and worker read', () => {
    const read = envReadByCode()
    // Guards the guard: if the scan stopped finding reads, the test would pass on nothing.
    expect(read).toContain('STORYLOOM_DATA_DIR')
    expect(read).toContain('STORYLOOM_SERVER_URL')
    const table = documented()
    expect(table).toContain('PORT')
    const missing = [...read].filter((name) => !NOT_SETTINGS.has(name) && !TEST_ONLY.test(name) && !table.has(name))
    expect(missing.sort()).toEqual([])
  })
})
