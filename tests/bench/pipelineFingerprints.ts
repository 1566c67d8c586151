import { createHash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { loadModel } from '@storyloom/gpu-worker/models/loadModel'
import type { TinyGraphOptions } from '@storyloom/gpu-worker/models/tinyModelGraphs'
import { encodePreview } from '@storyloom/gpu-worker/pipeline/latentPreview'
import { generate, type GenerateOptions, type GenerationParams } from '@storyloom/gpu-worker/pipeline/sdPipeline'
import { tinyModelDir } from '@storyloom/gpu-worker/testing/tinyModelDir'

/**
 * `cd tests && pnpm exec tsx bench/pipelineFingerprints.ts`: sha256 of the result image and of
 * each step's preview (the latent → RGB map and its WebP; every step but the last, which never
 * gets one) for generations covering each path of the pipeline
 * (Euler, classifier-free guidance, image-to-image, float16, LCM, image prompts). Run it before
 * and after a change to the pipeline on the same machine: the lines must be identical. (Not a
 * test with stored hashes: onnxruntime's float results may differ between CPUs.)
 */
const base: GenerationParams = { prompt: 'a rider crossing the desert at golden hour', seed: 11, steps: 4, guidance: 1, width: 512, height: 288 }
/** No rate limit: a preview for every step that can have one. */
const everyStep: GenerateOptions = { previewIntervalMs: 0 }

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex').slice(0, 16)

async function fingerprint(label: string, options: Partial<TinyGraphOptions>, cases: (first: GenerationParams['initImage'] & object) => [string, GenerationParams][]): Promise<void> {
  const dir = await tinyModelDir(options)
  const model = await loadModel(dir, { warmUp: false })
  try {
    const first = await generate(model, base)
    for (const [name, params] of [['text', base] as [string, GenerationParams], ...cases(first.image)]) {
      const previews: { step: number; map: string; webp: Promise<string> }[] = []
      const result = await generate(model, params, {
        ...everyStep,
        onStep: (event) => {
          if (event.preview) previews.push({ step: event.step, map: sha(event.preview.data), webp: encodePreview(event.preview).then((e) => sha(e.bytes)) })
        },
      })
      console.log(`${label} ${name}: image ${sha(result.image.data)}`)
      for (const p of previews) console.log(`${label} ${name}: step ${p.step} preview ${p.map} webp ${await p.webp}`)
    }
  } finally {
    await model.release()
    await rm(join(dir, '..'), { recursive: true, force: true })
  }
}

const image2image = (steps: number) => (init: GenerationParams['initImage'] & object): [string, GenerationParams][] => [['image-to-image', { ...base, steps, initImage: init, strength: 0.5 }]]
await fingerprint('euler', {}, (init) => [
  ['guidance', { ...base, guidance: 5, negativePrompt: 'fog' }],
  ...image2image(4)(init),
  ['image prompt', { ...base, imagePrompts: [{ image: { width: 224, height: 224, data: init.data.subarray(0, 224 * 224 * 3) }, weight: 0.7 }] }],
])
await fingerprint('float16', { floatType: 'float16', timestepType: 'float32' }, (init) => [['guidance', { ...base, guidance: 5 }], ...image2image(4)(init)])
await fingerprint('lcm', { timestepCond: true, vaeEncoderOutput: 'latent_sample' }, (init) => [['guided', { ...base, guidance: 8 }], ...image2image(2)(init)])
