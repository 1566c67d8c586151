import { existsSync, readdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GenerationCanceledError, InferenceProcessCrashedError, InvalidGenerationParamsError, ModelFolderError } from '../errors'
import { loadModel } from '../models/loadModel'
import { tinyModelDir } from '../testing/tinyModelDir'
import { InferenceWorker } from './inferenceWorker'
import { generate, type GenerationParams, type StepEvent } from './sdPipeline'

const params: GenerationParams = { prompt: 'a golden city at dusk', seed: 3, steps: 3, guidance: 1, width: 256, height: 256 }

describe('InferenceWorker (model in a child process)', () => {
  let dir: string
  let worker: InferenceWorker
  beforeAll(async () => {
    dir = await tinyModelDir()
    // One ORT thread leaves a core for the main thread on this 2-core machine.
    worker = await InferenceWorker.start(dir, { intraOpThreads: 1 })
  })
  afterAll(() => worker.close())

  it('loads the model in the inference process and reports what it is', () => {
    expect(worker.model).toMatchObject({ id: 'storyloom-tiny', builtIn: true, device: 'cpu', scheduler: 'euler', supportsImageToImage: true })
  })

  it('generates the same image as the in-process pipeline, reporting each step (the first with a preview when steps are slow)', async () => {
    const events: StepEvent[] = []
    // Steps slowed to 100 ms count as a model that slow: the result is ≥ 300 ms after step 1, so it gets a preview.
    const result = await worker.generate(params, { onStep: (e) => events.push(e), stepDelayMs: 100 })
    expect(events.map((e) => e.step)).toEqual([1, 2, 3])
    expect(events[0]?.preview?.data).toBeInstanceOf(Uint8Array)
    expect(events[2]?.preview).toBeNull()
    const local = await loadModel(dir, { warmUp: false })
    const expected = await generate(local, params)
    await local.release()
    expect(Buffer.from(result.image.data).equals(Buffer.from(expected.image.data))).toBe(true)
  })

  it('hands result images over in one file (where /dev/shm exists), rewritten for each result', async () => {
    const imageDir = (worker as unknown as { imageDir: string | undefined }).imageDir
    if (!imageDir) return // no /dev/shm: images come over the IPC pipe
    const results = await Promise.all([1, 2, 3].map((seed) => worker.generate({ ...params, seed })))
    expect(results.map((r) => r.image.data.length)).toEqual(Array(3).fill(params.width * params.height * 3))
    // Each result was read before the next was written: three different images.
    expect(new Set(results.map((r) => Buffer.from(r.image.data).toString('base64'))).size).toBe(3)
    expect(readdirSync(imageDir)).toEqual(['result.rgb'])
    // A smaller image after a larger one: only its own bytes, not the rest of the file.
    const small = { ...params, width: 128, height: 96 }
    const result = await worker.generate(small)
    const local = await loadModel(dir, { warmUp: false })
    const expected = await generate(local, small)
    await local.release()
    expect(Buffer.from(result.image.data).equals(Buffer.from(expected.image.data))).toBe(true)
  })

  it("keeps the main thread's event loop running during a generation", async () => {
    /** How often a 2 ms timer fired while `run` ran. */
    async function loopDuring(run: () => Promise<unknown>) {
      let ticks = 0
      const timer = setInterval(() => ticks++, 2)
      const started = performance.now()
      await run()
      const elapsed = performance.now() - started
      clearInterval(timer)
      return { ticksPerMs: ticks / elapsed }
    }
    // Large enough that single session runs take milliseconds, not microseconds.
    const big = { ...params, width: 1024, height: 1024, steps: 6 }
    const child = await loopDuring(() => worker.generate(big))
    // The same generation in this process, as the baseline of a blocked loop: measured in the
    // same test, so a loaded machine slows both alike and no fixed duration is assumed.
    const local = await loadModel(dir, { warmUp: false, intraOpThreads: 1 })
    const inProcess = await loopDuring(() => generate(local, big))
    await local.release()
    // (Single pauses are not compared: on a loaded machine the longest one is the scheduler's.)
    expect(child.ticksPerMs).toBeGreaterThan(2 * inProcess.ticksPerMs)
  })

  it('cancels between steps and keeps serving', async () => {
    const controller = new AbortController()
    const steps: number[] = []
    // Steps of a few milliseconds each, so the abort lands long before the last one.
    const canceled = worker.generate({ ...params, width: 1024, height: 1024, steps: 40 }, { signal: controller.signal, onStep: (e) => {
      steps.push(e.step)
      if (e.step === 2) controller.abort()
    } })
    await expect(canceled).rejects.toBeInstanceOf(GenerationCanceledError)
    // The thread runs ahead of the step messages by the time they take to arrive; it stops at
    // the first step boundary after the abort, far from the end.
    expect(steps.length).toBeLessThan(40)
    await expect(worker.generate(params, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(GenerationCanceledError)
    await expect(worker.generate(params)).resolves.toMatchObject({ timesteps: [999, 666, 332] })
  })

  it('passes named errors back from the thread and runs calls in order', async () => {
    const bad = worker.generate({ ...params, width: 100 })
    const good = worker.generate(params)
    await expect(bad).rejects.toBeInstanceOf(InvalidGenerationParamsError)
    await expect(good).resolves.toBeDefined()
  })
})

describe('InferenceWorker lifecycle', () => {
  it('rejects with the loader error when the folder is not a model', async () => {
    await expect(InferenceWorker.start('/nonexistent/storyloom-model')).rejects.toBeInstanceOf(ModelFolderError)
  })

  it('fails the running generation when the process dies, and refuses later work', async () => {
    const worker = await InferenceWorker.start(await tinyModelDir(), { warmUp: false })
    const running = worker.generate({ ...params, width: 1024, height: 1024, steps: 40 }, { onStep: (e) => {
      // Simulates a crash (e.g. a native abort) mid-generation.
      if (e.step === 1) (worker as unknown as { child: { kill(signal: string): boolean } }).child.kill('SIGKILL')
    } })
    await expect(running).rejects.toBeInstanceOf(InferenceProcessCrashedError)
    await expect(worker.generate(params)).rejects.toThrow(/exited/u)
  })

  it('refuses work once closed, and removes its image hand-over directory', async () => {
    const worker = await InferenceWorker.start(await tinyModelDir(), { warmUp: false })
    await worker.generate(params)
    const imageDir = (worker as unknown as { imageDir: string | undefined }).imageDir
    await worker.close()
    await expect(worker.generate(params)).rejects.toBeInstanceOf(InferenceProcessCrashedError)
    if (imageDir) expect(existsSync(imageDir)).toBe(false)
  })
})
