import type { ServerConfig } from '@storyloom/server/config'
import { startServer, type RunningServer } from '@storyloom/server/startServer'
import { startGenerationWorker, type RunningGenerationWorker } from '@storyloom/gpu-worker/service/startGenerationWorker'
import { workerSettingsFromEnv, type WorkerSettings } from '@storyloom/gpu-worker/service/workerSettings'
import { requirePreferredModel } from '@storyloom/gpu-worker/models/modelRegistry'
import { ModelFolderError, ModelFolderUnreadableError } from '@storyloom/gpu-worker/errors'
import { StartupError } from '@storyloom/server/startupError'
import { workerStartFailure } from './startupLine'

export type RunningStoryloom = RunningServer & {
  /** The in-process worker (embedded mode only). */
  worker: RunningGenerationWorker | undefined
}

/**
 * Starts the server and, in the embedded mode (no `REDIS_URL`), the same worker code `pnpm
 * worker` runs, in this process, against the embedded queue: generations work with no other
 * service. With Redis, workers are separate `pnpm worker` processes.
 *
 * The worker still reaches the server over HTTP with the worker token, exactly as a remote
 * worker does; only its job source and live signals are in process.
 *
 * A `STORYLOOM_MODEL` the embedded worker cannot run stops the start (a {@link StartupError}),
 * before anything listens: it would take no job, and another model is never used in its place.
 */
export async function startStoryloom(config: ServerConfig, env: NodeJS.ProcessEnv = process.env): Promise<RunningStoryloom> {
  // The embedded mode is the one without Redis: only then does this process run a worker.
  const settings = config.redisUrl ? undefined : workerSettingsOrStartupError({ ...env, STORYLOOM_DATA_DIR: env.STORYLOOM_DATA_DIR ?? config.dataDir })
  if (settings?.preferredModelId !== undefined) await preferredModelOrStartupError(settings.modelsDir, settings.preferredModelId)
  const server = await startServer(config)
  const ports = server.generation.embedded
  let worker: RunningGenerationWorker | undefined
  if (ports && settings) {
    try {
      worker = await startGenerationWorker({
        jobs: ports.jobs,
        serverUrl: loopbackUrl(config.host, server.port),
        workerToken: server.generation.workerToken,
        publishSignal: ports.publishSignal,
        modelsDir: settings.modelsDir,
        device: settings.device,
        ...(settings.preferredModelId ? { preferredModelId: settings.preferredModelId } : {}),
        ...(settings.stepDelayMs ? { stepDelayMs: settings.stepDelayMs } : {}),
      })
    } catch (error) {
      // The board still works without generations; say why they will wait.
      console.error(...workerStartFailure(error))
    }
  }
  return {
    ...server,
    worker,
    async close() {
      await worker?.close()
      await server.close()
    },
  }
}

/** The in-process worker's settings; a bad one (STORYLOOM_DEVICE=gpu) stops the start like any bad setting. */
function workerSettingsOrStartupError(env: NodeJS.ProcessEnv): WorkerSettings {
  try {
    return workerSettingsFromEnv(env)
  } catch (error) {
    throw new StartupError((error as Error).message, { cause: error })
  }
}

/** The model STORYLOOM_MODEL names must be installed and usable; if not, the start stops with the worker's one line. */
async function preferredModelOrStartupError(modelsDir: string, id: string): Promise<void> {
  try {
    await requirePreferredModel(modelsDir, id)
  } catch (error) {
    // A models folder this process may not read is the worker's to report (the boards still work).
    if (error instanceof ModelFolderError && !(error instanceof ModelFolderUnreadableError)) throw new StartupError(error.message, { cause: error })
    throw error
  }
}

/** Where this process reaches its own server: loopback when it listens on every interface, else the address it listens on. */
function loopbackUrl(host: string, port: number): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return `http://127.0.0.1:${port}`
  return `http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}:${port}`
}
