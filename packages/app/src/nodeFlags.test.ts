import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'

/** The command lines a start command runs: a package.json's `start` script, or a shell script's `exec node` lines (the build's and the sources'). */
function startCommands(path: string): string[] {
  const text = readFileSync(new URL(path, import.meta.url), 'utf8')
  if (path.endsWith('.json')) return [(JSON.parse(text) as { scripts: { start: string } }).scripts.start]
  return text.split('\n').filter((line) => /\bexec node\b/.test(line))
}

describe('serverNodeFlags', () => {
  // `pnpm start` / `pnpm serve` run bin/serve.sh; the server package's own `start` runs node itself.
  it.each(['../bin/serve.sh', '../../server/package.json'])('are the flags %s starts the process with', (path) => {
    const commands = startCommands(path)
    expect(commands.length).toBeGreaterThan(0)
    for (const command of commands) for (const flag of serverNodeFlags) expect(command.split(/\s+/)).toContain(flag)
  })
})
