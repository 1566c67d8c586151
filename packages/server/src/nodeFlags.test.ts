import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serverNodeFlags } from './nodeFlags'

describe('serverNodeFlags', () => {
  it('are the flags `pnpm start` runs the server with', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }
    const startArgs = pkg.scripts.start.split(/\s+/)
    for (const flag of serverNodeFlags) expect(startArgs).toContain(flag)
  })
})
