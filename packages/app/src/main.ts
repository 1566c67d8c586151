import { configFromEnv } from '@storyloom/server/config'
import { exitOnStartupError, exitOnStartupErrorOf } from '@storyloom/server/startupError'
import { stopOnSignals } from '@storyloom/gpu-worker/service/stopOnSignals'
import { startStoryloom } from './startStoryloom'
import { startupLine } from './startupLine'

/** A stop (SIGINT, SIGTERM) that takes longer than this ends the process regardless. */
const SHUTDOWN_DEADLINE_MS = 30_000

const config = exitOnStartupErrorOf(configFromEnv)
const app = await startStoryloom(config).catch(exitOnStartupError)
console.log(startupLine(app.url, config, app.worker ? 'embedded' : app.generation.mode === 'redis' ? 'redis' : 'embedded-no-worker'))

stopOnSignals('Storyloom', async (signal) => {
  console.log(`Storyloom: ${signal}, stopping (open boards are saved, connections closed)`)
  // Connections, the running job and the database get this long to finish; then the process goes anyway.
  setTimeout(() => {
    console.error(`Storyloom: still stopping after ${SHUTDOWN_DEADLINE_MS / 1000} s; exiting now`)
    process.exit(1)
  }, SHUTDOWN_DEADLINE_MS).unref()
  await app.close()
  console.log('Storyloom stopped')
})
