import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { modelManifestSchema } from '@storyloom/shared/generation/modelManifest'
import { generate } from '../pipeline/sdPipeline'
import { loadClipTokenizer } from '../tokenizer/clipTokenizer'
import { tinyModelDir } from '../testing/tinyModelDir'
import { loadModel } from './loadModel'

async function filesOf(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name)
    if (entry.isDirectory()) out.push(...(await filesOf(dir, path)))
    else out.push(path)
  }
  return out.sort()
}

describe('buildTinyModel', () => {
  it('writes the standard layout, a valid manifest, and the same bytes every time', async () => {
    const a = await tinyModelDir()
    const b = await tinyModelDir()
    const files = await filesOf(a)
    expect(files).toEqual([
      'image_encoder/model.onnx',
      'model.json',
      'scheduler/scheduler_config.json',
      'text_encoder/model.onnx',
      'tokenizer/merges.txt',
      'tokenizer/special_tokens_map.json',
      'tokenizer/vocab.json',
      'unet/model.onnx',
      'vae_decoder/config.json',
      'vae_decoder/model.onnx',
      'vae_encoder/model.onnx',
    ])
    for (const file of files) expect((await readFile(join(a, file))).equals(await readFile(join(b, file)))).toBe(true)
    const manifest = modelManifestSchema.parse(JSON.parse(await readFile(join(a, 'model.json'), 'utf8')))
    expect(manifest).toMatchObject({ id: 'storyloom-tiny', builtIn: true })
    let bytes = 0
    for (const file of files) bytes += (await stat(join(a, file))).size
    expect(bytes).toBeLessThan(8_000_000)
  })

  it('ships a CLIP-format tokenizer whose merges build whole words', async () => {
    const tokenizer = await loadClipTokenizer(join(await tinyModelDir(), 'tokenizer'))
    const ids = tokenizer.tokenize('Wide shot of a horse')
    expect(ids[0]).toBe(49406)
    expect(ids.at(-1)).toBe(49407)
    expect(ids.length).toBe(7) // bos, wide, shot, of, a, horse, eos
    // Every storyboard word the vocabulary lists is a single token.
    expect(tokenizer.tokenize('sunset sunrise mountains astronaut golden').length).toBe(7)
    expect(tokenizer.padTokenId).toBe(0)
  })

  it('with extra compute (for benchmarks) loads as a Stable Diffusion export and makes almost the same picture', async () => {
    const params = { prompt: 'a red sunset over the sea', seed: 3, steps: 2, guidance: 1, width: 128, height: 64 }
    const images = []
    for (const dir of [await tinyModelDir(), await tinyModelDir({ compute: { latentChannels: 16, unetLayers: 3, decoderLayers: 3, imageChannels: 8 } })]) {
      const model = await loadModel(dir, { warmUp: false })
      try {
        images.push((await generate(model, params)).image.data)
      } finally {
        await model.release()
      }
    }
    const [plain, heavy] = images as [Uint8Array, Uint8Array]
    let diff = 0
    for (let i = 0; i < plain.length; i++) diff += Math.abs((plain[i] as number) - (heavy[i] as number))
    expect(Buffer.from(heavy).equals(Buffer.from(plain))).toBe(false)
    expect(diff / plain.length).toBeLessThan(1)
  })
})
