import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GenerationCanceledError, InvalidGenerationParamsError, ModelRunError } from '../errors'
import { loadModel, type LoadedModel } from '../models/loadModel'
import { OnnxGraphBuilder } from '../models/onnxGraphBuilder'
import { tinyModelDir } from '../testing/tinyModelDir'
import { decodeInitImage, encodePng, type RgbImage } from './rgbImage'
import { generate, type GenerationParams, type StepEvent } from './sdPipeline'

const base: GenerationParams = { prompt: 'a red sunset over the sea', seed: 7, steps: 2, guidance: 1, width: 256, height: 192 }

/** Mean absolute difference of two same-size images, in 0–255 units. */
function meanAbsDiff(a: RgbImage, b: RgbImage): number {
  let sum = 0
  for (let i = 0; i < a.data.length; i++) sum += Math.abs((a.data[i] as number) - (b.data[i] as number))
  return sum / a.data.length
}

/** How an image looks: mean step between neighbouring pixels (noise) and spread of values (flatness). */
function texture(image: RgbImage): { neighbourStep: number; spread: number; channelSpread: number } {
  const { width, height, data } = image
  let steps = 0
  let count = 0
  for (let y = 0; y < height; y++) {
    for (let x = 1; x < width; x++) {
      for (let c = 0; c < 3; c++) steps += Math.abs((data[(y * width + x) * 3 + c] as number) - (data[(y * width + x - 1) * 3 + c] as number))
      count += 3
    }
  }
  const mean = data.reduce((s, v) => s + v, 0) / data.length
  const spread = Math.sqrt(data.reduce((s, v) => s + (v - mean) ** 2, 0) / data.length)
  // Colourfulness: how far pixels are from grey, on average.
  let channelSpread = 0
  for (let p = 0; p < width * height; p++) {
    const r = data[p * 3] as number
    const g = data[p * 3 + 1] as number
    const b = data[p * 3 + 2] as number
    channelSpread += Math.max(r, g, b) - Math.min(r, g, b)
  }
  return { neighbourStep: steps / count, spread, channelSpread: channelSpread / (width * height) }
}

/** A preview clock that gives `times` (ms) in turn, then the last one: the schedule reads it as the steps begin and as each step is reported. */
function readings(times: number[]): () => number {
  let next = 0
  return () => times[Math.min(next++, times.length - 1)] as number
}

/** A preview clock for steps of `stepMs` each: every reading is `stepMs` after the one before. */
function steadyClock(stepMs: number): () => number {
  let now = 0
  return () => (now += stepMs)
}

describe('generate (built-in model, in process)', () => {
  let model: LoadedModel
  beforeAll(async () => {
    model = await loadModel(await tinyModelDir(), { warmUp: false })
  })
  afterAll(() => model.release())

  it('makes a smooth, colourful image that is the same for the same seed and changes with seed and prompt', async () => {
    const first = await generate(model, base)
    const again = await generate(model, base)
    const otherSeed = await generate(model, { ...base, seed: 8 })
    const otherPrompt = await generate(model, { ...base, prompt: 'a dark forest at night' })
    expect(Buffer.from(again.image.data).equals(Buffer.from(first.image.data))).toBe(true)
    expect(meanAbsDiff(first.image, otherSeed.image)).toBeGreaterThan(10)
    expect(meanAbsDiff(first.image, otherPrompt.image)).toBeGreaterThan(10)
    for (const result of [first, otherSeed, otherPrompt]) {
      const look = texture(result.image)
      expect(look.neighbourStep).toBeLessThan(3) // smooth: noise would step ~80 between pixels
      expect(look.spread).toBeGreaterThan(20) // not flat
      expect(look.channelSpread).toBeGreaterThan(30) // not grey
    }
    expect(first.image.width * first.image.height * 3).toBe(first.image.data.length)
    // Worth a look: `PNG_OUT=/tmp npx vitest run …` writes the images.
    if (process.env.PNG_OUT) {
      for (const [name, r] of [['seed7', first], ['seed8', otherSeed], ['forest', otherPrompt]] as const) await writeFile(join(process.env.PNG_OUT, `tiny-${name}.png`), await encodePng(r.image))
    }
  })

  it('reports every step, with previews (none when the result is due within the interval, then at most one an interval, never the last) that resemble the final image', async () => {
    const events: StepEvent[] = []
    const result = await generate(model, { ...base, steps: 4 }, { onStep: (e) => events.push(e), previewIntervalMs: 0 })
    expect(events.map((e) => e.step)).toEqual([1, 2, 3, 4])
    expect(events.map((e) => e.timestep)).toEqual([999, 749, 499, 249])
    expect(events.map((e) => e.preview !== null)).toEqual([true, true, true, false])
    const last = events[2]?.preview
    expect(last).toMatchObject({ width: 32, height: 24 })
    // Down-sample the final image to the preview's size: the previews use the same colour map as the decoder.
    const small = await decodeInitImage(await encodePng(result.image), 32, 24)
    expect(meanAbsDiff(last as RgbImage, small)).toBeLessThan(12)
    // At the default 4 a second, steps of 100 ms: step 1 at once (the result is ~400 ms away),
    // then none until 250 ms passed. Its preview is the same image as when previewing every step.
    const slow: StepEvent[] = []
    const same = await generate(model, { ...base, steps: 4 }, { onStep: (e) => slow.push(e), previewClock: steadyClock(100) })
    expect(slow.map((e) => e.preview !== null)).toEqual([true, false, false, false])
    expect(slow[0]?.preview).toEqual(events[0]?.preview)
    expect(Buffer.from(same.image.data).equals(Buffer.from(result.image.data))).toBe(true)
    // Steps of 10 ms: the result is due ~40 ms after step 1, before a second preview could follow: none.
    const fast: StepEvent[] = []
    await generate(model, { ...base, steps: 4 }, { onStep: (e) => fast.push(e), previewClock: steadyClock(10) })
    expect(fast.map((e) => e.preview)).toEqual([null, null, null, null])
    // A fast step 1 that the rest do not keep up with: a preview once 250 ms passed since the steps began.
    const slowing: StepEvent[] = []
    await generate(model, { ...base, steps: 5 }, { onStep: (e) => slowing.push(e), previewClock: readings([0, 10, 110, 210, 310, 410]) })
    expect(slowing.map((e) => e.preview !== null)).toEqual([false, false, false, true, false])
    const noPreviews: StepEvent[] = []
    await generate(model, base, { onStep: (e) => noPreviews.push(e), previews: false })
    expect(noPreviews.map((e) => e.preview)).toEqual([null, null])
  })

  it('uses classifier-free guidance and the negative prompt only when guidance > 1', async () => {
    const plain = await generate(model, base)
    const guided = await generate(model, { ...base, guidance: 3 })
    const guidedNegative = await generate(model, { ...base, guidance: 3, negativePrompt: 'blue' })
    const ignoredNegative = await generate(model, { ...base, guidance: 1, negativePrompt: 'blue' })
    expect(meanAbsDiff(plain.image, guided.image)).toBeGreaterThan(2)
    expect(meanAbsDiff(guided.image, guidedNegative.image)).toBeGreaterThan(2)
    expect(Buffer.from(ignoredNegative.image.data).equals(Buffer.from(plain.image.data))).toBe(true)
    expect(guided.timings.runs.unet.count).toBe(2) // one batched run (uncond + cond) per step
    expect(plain.timings.runs.text_encoder.count).toBe(1)
    expect(guided.timings.runs.text_encoder.count).toBe(2)
  })

  it('keeps more of the init image at low strength (image-to-image)', async () => {
    const source = (await generate(model, { ...base, prompt: 'green mountains', seed: 1 })).image
    const img2img = (strength: number) => generate(model, { ...base, steps: 4, initImage: source, strength })
    const low = await img2img(0.25)
    const high = await img2img(1)
    expect(low.timesteps).toEqual([249])
    expect(high.timesteps).toEqual([999, 749, 499, 249])
    expect(low.timings.runs.vae_encoder.count).toBe(1)
    expect(meanAbsDiff(low.image, source)).toBeLessThan(meanAbsDiff(high.image, source))
    expect(texture(low.image).neighbourStep).toBeLessThan(3)
  })

  it('stops between steps when the signal is aborted', async () => {
    const controller = new AbortController()
    const steps: number[] = []
    const run = generate(model, { ...base, steps: 4 }, { signal: controller.signal, onStep: (e) => {
      steps.push(e.step)
      if (e.step === 2) controller.abort()
    } })
    await expect(run).rejects.toThrow(GenerationCanceledError)
    expect(steps).toEqual([1, 2])
  })

  it('refuses parameters the model cannot honour, with the reason', async () => {
    const refuse = (params: Partial<GenerationParams>, reason: RegExp) => expect(generate(model, { ...base, ...params })).rejects.toThrow(reason)
    await refuse({ width: 100 }, /width must be a multiple of 8/u)
    await refuse({ height: 4096 }, /height must be a multiple of 8 from 64 to 2048/u)
    await refuse({ steps: 0 }, /steps/u)
    await refuse({ seed: -1 }, /seed/u)
    await refuse({ guidance: 100 }, /guidance/u)
    await refuse({ strength: 0.5 }, /init image/u)
    const image = { width: 256, height: 192, data: new Uint8Array(256 * 192 * 3) }
    await refuse({ initImage: image, strength: 0.5, steps: 1 }, /steps × strength must be at least 1/u)
    await refuse({ initImage: { ...image, width: 64 }, strength: 0.5 }, /256×192/u)
    await expect(generate(model, { ...base, width: 100 })).rejects.toBeInstanceOf(InvalidGenerationParamsError)
  })
})

describe('generate with other export signatures', () => {
  it('runs a float16 model (Uint16Array tensors) like the float32 one', async () => {
    const fp32 = await loadModel(await tinyModelDir(), { warmUp: false })
    const fp16 = await loadModel(await tinyModelDir({ floatType: 'float16', timestepType: 'float32' }), { warmUp: false })
    expect(fp16.signature.floatTypes.unet).toBe('float16')
    expect(fp16.signature.timestep.type).toBe('float32')
    const a = await generate(fp32, base)
    const b = await generate(fp16, base)
    expect(meanAbsDiff(a.image, b.image)).toBeLessThan(3)
    await Promise.all([fp32.release(), fp16.release()])
  })

  it('runs an LCM model (timestep_cond) with the LCM sampler, and an older VAE encoder (latent_sample)', async () => {
    const model = await loadModel(await tinyModelDir({ timestepCond: true, vaeEncoderOutput: 'latent_sample' }))
    expect(model.info.scheduler).toBe('lcm')
    expect(model.signature.timestepCondDim).toBe(256)
    expect(model.signature.vaeEncoderOutput).toBe('latent_sample')
    const text = await generate(model, { ...base, steps: 4, guidance: 8 })
    expect(text.timesteps).toEqual([999, 759, 499, 259])
    expect(text.timings.runs.unet.count).toBe(4) // guidance is embedded: one pass per step
    expect(texture(text.image).neighbourStep).toBeLessThan(3)
    const image = await generate(model, { ...base, steps: 2, initImage: text.image, strength: 0.5 })
    expect(image.timesteps).toEqual([499, 259])
    await model.release()
  })

  it('fails a generation with the reason when the model throws, and keeps the model usable', async () => {
    const dir = await tinyModelDir({ imagePrompts: false })
    // Right signature, but the UNet cannot run: a reshape to 3 rows of a 4-channel latent.
    const g = new OnnxGraphBuilder('broken_unet')
    const sample = g.input('sample', 'float32', ['batch', 4, 'height', 'width'])
    g.input('timestep', 'int64', ['batch'])
    g.input('encoder_hidden_states', 'float32', ['batch', 'sequence', 16])
    const reshaped = g.op('Reshape', [sample, g.int64s([3, -1])])
    g.output('out_sample', g.op('Reshape', [reshaped, g.op('Shape', [sample])]), 'float32', ['batch', 4, 'height', 'width'])
    await writeFile(join(dir, 'unet/model.onnx'), g.toBytes())

    // Warming up at load catches it before any job does.
    await expect(loadModel(dir)).rejects.toThrow(ModelRunError)
    const model = await loadModel(dir, { warmUp: false })
    const failure = generate(model, { ...base, width: 64, height: 64 })
    await expect(failure).rejects.toThrow(ModelRunError)
    await expect(failure).rejects.toThrow(/unet failed: .+/u)
    await expect(generate(model, { ...base, width: 64, height: 64 })).rejects.toThrow(ModelRunError)
    await model.release()
  })
})
