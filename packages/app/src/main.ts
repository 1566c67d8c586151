import { configFromEnv } from '@storyloom/server/config'
import { startStoryloom } from './startStoryloom'

const config = configFromEnv()
const app = await startStoryloom(config)
const mode = app.worker ? 'embedded queue, built-in worker' : app.generation.mode === 'redis' ? 'Redis queue, start workers with `pnpm worker`' : 'embedded queue, no worker'
console.log(`Storyloom is running at ${app.url}  (data: ${config.dataDir}; generations: ${mode})`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('error while stopping', error)
        process.exit(1)
      },
    )
  })
}
