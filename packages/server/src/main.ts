import { configFromEnv } from './config'
import { exitOnStartupError, exitOnStartupErrorOf } from './startupError'
import { startServer } from './startServer'

const config = exitOnStartupErrorOf(configFromEnv)
const server = await startServer(config).catch(exitOnStartupError)
console.log(`Storyloom is running at ${server.url}  (data: ${config.dataDir})`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1)
    stopping = true
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Storyloom: error while stopping:', error)
        process.exit(1)
      },
    )
  })
}
