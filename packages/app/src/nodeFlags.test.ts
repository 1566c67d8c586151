import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'

describe('serverNodeFlags', () => {
  it.each(['../package.json', '../../server/package.json'])('are the flags %s starts the process with', (path) => {
    const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { scripts: { start: string } }
    const startArgs = pkg.scripts.start.split(/\s+/)
    for (const flag of serverNodeFlags) expect(startArgs).toContain(flag)
  })
})
