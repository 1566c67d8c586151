import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildTinyModel } from '@storyloom/gpu-worker/models/buildTinyModel'
import { loadModel, type LoadedModel } from '@storyloom/gpu-worker/models/loadModel'
import { computeCostMacs, type ComputeCost, type TinyGraphOptions } from '@storyloom/gpu-worker/models/tinyModelGraphs'
import { InferenceWorker } from '@storyloom/gpu-worker/pipeline/inferenceWorker'
import { encodePreview, latentToRgb } from '@storyloom/gpu-worker/pipeline/latentPreview'
import { tensorToRgb } from '@storyloom/gpu-worker/pipeline/rgbImage'
import { SeededRandom } from '@storyloom/gpu-worker/pipeline/seededNoise'
import { generate, type GenerationParams, type GenerationResult, type StepEvent } from '@storyloom/gpu-worker/pipeline/sdPipeline'
import { fmt, percentile } from './support/stats'

const WARM_UP = 5
const RUNS = 40
const TARGET = 1.1

type Sample = { wallMs: number; sessionMs: number; childMs: number; previews: number }
type Size = Pick<GenerationParams, 'width' | 'height'>

/**
 * Pipeline overhead: a whole generation with the built-in tiny model — tokenizing, noise,
 * sampler steps, the step previews the pipeline makes (see PreviewSchedule; mapped and
 * WebP-encoded as the worker does), decoding to RGB — until its image and its previews are
 * ready, against the sum of its ONNX session runs measured inside the same generation. Run
 * twice: calling the pipeline in-process, and through InferenceWorker (a child process, as the
 * worker runs it), where the wall time also carries the IPC of requests, previews and the image.
 *
 * The tiny model's sessions take milliseconds, so its rows are the worst case for the ratio: a
 * real model's sessions take 100–1000× longer for the same pipeline work. A second table runs the
 * same pipeline on the tiny model plus convolution stacks (TinyGraphOptions.compute) whose
 * sessions take hundreds of milliseconds, as a small real model's do; both tables are printed, each with its verdict.
 */
export async function benchPipelineOverhead(): Promise<void> {
  console.log('\n## Pipeline overhead: whole generation ÷ sum of its ONNX session runs (built-in tiny model)\n')
  const sizes: [string, Size][] = [
    ['512×288, 2 steps', { width: 512, height: 288 }],
    ['1024×576, 2 steps', { width: 1024, height: 576 }],
  ]
  const parts: string[] = []
  printRows(
    await measureBothPaths({}, sizes, { warmUp: WARM_UP, runs: RUNS }, async (model) => {
      for (const [label, size] of sizes) parts.push(await partsRow(label, size, (text) => model.tokenizer.encode(text)))
    }),
  )
  console.log('\nA generation is timed from the call until its image and its previews are encoded; the verdict is on sum ÷ sum (a generation the OS preempted counts in full), the p50 of each generation\'s own ratio is steadier on a loaded machine. "in the generation, outside sessions": the pipeline\'s own work in the process that runs the model. "Around the generation": the caller\'s wall time beyond that — the preview encodes still running when the image is back and, through InferenceWorker, the IPC of the request, step previews and the image, plus process scheduling.')
  console.log('\nWhere the pipeline\'s own time goes (each part timed alone, p50, same run):\n')
  console.log('| size | decoded tensor → RGB | seeded noise (start latent) | step preview (latent → RGB → WebP; one per slow step 1, none for 2 fast steps) | tokenize |')
  console.log('|---|---|---|---|---|')
  for (const line of parts) console.log(line)

  const size: Size = { width: 512, height: 288 }
  const macs = computeCostMacs(SMALL_MODEL_COST, size.width, size.height)
  const gmacs = (n: number) => fmt(n / 1e9)
  console.log(`\n## Same pipeline, with sessions of a small real model's order: the tiny model plus convolution stacks (${gmacs(macs.unet)} GMACs per UNet pass, ${gmacs(macs.vaeDecoder)} GMACs per decode at 512×288)\n`)
  printRows(await measureBothPaths({ compute: SMALL_MODEL_COST }, [['512×288, 2 steps', size]], { warmUp: 2, runs: SMALL_MODEL_RUNS }))
  console.log(`\n${SMALL_MODEL_RUNS} generations per path. The pipeline's work is the same as above; only the sessions cost more. SD-class UNets take roughly a hundred times these GMACs per pass at 512×512 (not measured here), so for them the ratio should be closer still to 1.`)
}

/** Sessions of hundreds of milliseconds here: between the tiny model's (milliseconds) and an SD-class model's (seconds per step on a CPU like this). */
const SMALL_MODEL_COST: ComputeCost = { latentChannels: 320, unetLayers: 4, decoderLayers: 3, imageChannels: 32 }
const SMALL_MODEL_RUNS = 10

type Runs = { warmUp: number; runs: number }

/** Builds the model with `options`, then measures every size in process and through InferenceWorker. */
async function measureBothPaths(options: Partial<TinyGraphOptions>, sizes: [string, Size][], runs: Runs, inProcessExtras?: (model: LoadedModel) => Promise<void>): Promise<string[]> {
  const dir = join(await mkdtemp(join(tmpdir(), 'storyloom-bench-model-')), 'storyloom-tiny')
  await buildTinyModel(dir, options)
  const rows: string[] = []
  try {
    const model = await loadModel(dir)
    try {
      for (const [label, size] of sizes) rows.push(row('pipeline in-process', label, await measure((params, onStep) => generate(model, params, { onStep }), size, runs)))
      await inProcessExtras?.(model)
    } finally {
      await model.release()
    }
    const worker = await InferenceWorker.start(dir)
    try {
      for (const [label, size] of sizes) rows.push(row('InferenceWorker (child process)', label, await measure((params, onStep) => worker.generate(params, { onStep }), size, runs)))
    } finally {
      await worker.close()
    }
  } finally {
    await rm(join(dir, '..'), { recursive: true, force: true })
  }
  return rows
}

function printRows(rows: string[]): void {
  console.log('| path | size | generation p50 | ONNX session runs p50 | in the generation, outside sessions p50 | around the generation (IPC, previews, scheduling) p50 | previews encoded | ratio p50 (per generation) | ratio (sum ÷ sum) | target |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  for (const line of rows) console.log(line)
}

/** The per-generation parts of the pipeline that scale with the image, timed one by one. */
async function partsRow(label: string, size: Size, tokenize: (text: string) => unknown): Promise<string> {
  const pixels = size.width * size.height
  const latent = 4 * (size.width / 8) * (size.height / 8)
  const decoded = new SeededRandom(1).gaussian(3 * pixels).map((v) => Math.tanh(v))
  const latentValues = new SeededRandom(2).gaussian(latent)
  const time = async (work: () => unknown) => {
    const samples: number[] = []
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const started = performance.now()
      await work()
      if (i >= WARM_UP) samples.push(performance.now() - started)
    }
    return `${fmt(percentile(samples, 50))} ms`
  }
  // Euler (the tiny model's sampler) draws noise once, for the start latent. Two steps of
  // milliseconds get no preview (the result lands within the preview interval: PreviewSchedule);
  // a model whose step 1 is slower gets this one, encoded in sharp's threads.
  const cells = [
    await time(() => tensorToRgb(decoded, size.width, size.height)),
    await time(() => new SeededRandom(3).gaussian(latent)),
    await time(() => encodePreview(latentToRgb(latentValues, size.width / 8, size.height / 8))),
    await time(() => tokenize('wide shot, a rider on a horse crossing the desert at golden hour')),
  ]
  return `| ${label} | ${cells.join(' | ')} |`
}

async function measure(run: (params: GenerationParams, onStep: (event: StepEvent) => void) => Promise<GenerationResult>, size: Size, runs: Runs): Promise<Sample[]> {
  const samples: Sample[] = []
  for (let i = 0; i < runs.warmUp + runs.runs; i++) {
    const previews: Promise<Buffer>[] = []
    const params: GenerationParams = { prompt: 'wide shot, a rider on a horse crossing the desert at golden hour', seed: 1000 + i, steps: 2, guidance: 1, ...size }
    const started = performance.now()
    const result = await run(params, (event) => {
      if (event.preview) previews.push(encodePreview(event.preview).then((encoded) => encoded.bytes))
    })
    // The worker publishes previews without waiting for them, but they are part of the work of a
    // generation: one whose last preview is still encoding is not finished.
    await Promise.all(previews)
    const wallMs = performance.now() - started
    if (i >= runs.warmUp) samples.push({ wallMs, sessionMs: result.timings.sessionMs, childMs: result.timings.totalMs, previews: previews.length })
  }
  return samples
}

function row(path: string, label: string, samples: Sample[]): string {
  const sum = (pick: (s: Sample) => number) => samples.reduce((total, s) => total + pick(s), 0)
  const ratio = sum((s) => s.wallMs) / sum((s) => s.sessionMs)
  const p50 = (pick: (s: Sample) => number) => percentile(samples.map(pick), 50)
  const verdict = ratio <= TARGET ? 'met' : '**not met**'
  return `| ${path} | ${label} | ${fmt(p50((s) => s.wallMs))} ms | ${fmt(p50((s) => s.sessionMs))} ms | ${fmt(p50((s) => s.childMs - s.sessionMs))} ms | ${fmt(p50((s) => s.wallMs - s.childMs))} ms | ${fmt(sum((s) => s.previews) / samples.length)} per generation | ${fmt(p50((s) => s.wallMs / s.sessionMs))}× | **${fmt(ratio)}×** | ≤ ${TARGET}× — ${verdict} |`
}
