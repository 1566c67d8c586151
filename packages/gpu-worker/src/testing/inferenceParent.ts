/**
 * TEST ONLY: a stand-in worker process for inferenceOrphan.test.ts. Starts an inference process
 * on the model folder in argv[2], starts a slow generation, and once the first step arrives
 * prints `{ childPid, imageDir }` as one JSON line, then waits to be killed.
 */
import { InferenceWorker } from '../pipeline/inferenceWorker'

const worker = await InferenceWorker.start(process.argv[2]!, { intraOpThreads: 1, warmUp: false })
const internals = worker as unknown as { child: { pid: number }; imageDir: string | undefined }
let told = false
worker
  .generate(
    { prompt: 'a lighthouse in fog', seed: 1, steps: 150, guidance: 1, width: 64, height: 64 },
    {
      stepDelayMs: 100,
      onStep: () => {
        if (told) return
        told = true
        console.log(JSON.stringify({ childPid: internals.child.pid, imageDir: internals.imageDir ?? null }))
      },
    },
  )
  .catch((error: unknown) => {
    console.error(String(error))
    process.exit(1)
  })
