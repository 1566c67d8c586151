import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const buildScript = fileURLToPath(new URL('../../../packages/app/build.mjs', import.meta.url))

/**
 * Builds the server bundle (packages/app/build.mjs, a second or two) before any test, as
 * `pnpm start` does: each test's server then starts from plain JavaScript instead of compiling
 * the TypeScript sources again. The bundle is only run while it is up to date (bin/serve.sh).
 */
export default function globalSetup(): void {
  execFileSync(process.execPath, [buildScript], { stdio: 'inherit' })
}
