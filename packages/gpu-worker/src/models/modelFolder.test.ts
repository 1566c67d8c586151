import { copyFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ModelFolderError, ModelSignatureError } from '../errors'
import { tinyModelDir } from '../testing/tinyModelDir'
import { loadModel } from './loadModel'
import { readModelFolder } from './modelFolder'

describe('readModelFolder', () => {
  it('reads the layout, manifest and configs of a model folder', async () => {
    const dir = await tinyModelDir()
    const folder = await readModelFolder(dir)
    expect(folder.manifest).toMatchObject({ id: 'storyloom-tiny', builtIn: true, family: 'storyloom-tiny' })
    expect(folder.onnx.vae_encoder).toBe(join(dir, 'vae_encoder/model.onnx'))
    expect(folder.scheduler).toMatchObject({ kind: 'euler', timestepSpacing: 'trailing' })
    expect(folder.vaeScalingFactor).toBe(0.18215)
  })

  it('names the folder and every missing file', async () => {
    const dir = await tinyModelDir()
    await rm(join(dir, 'unet'), { recursive: true })
    await rm(join(dir, 'tokenizer/merges.txt'))
    await expect(readModelFolder(dir)).rejects.toThrow(ModelFolderError)
    await expect(readModelFolder(dir)).rejects.toThrow(`${dir}: not a Stable-Diffusion model folder, missing tokenizer/merges.txt, unet/model.onnx`)
    await expect(readModelFolder(join(dir, 'nope'))).rejects.toThrow(/no such model folder/u)
  })

  it('reports what is wrong in model.json', async () => {
    const dir = await tinyModelDir()
    await writeFile(join(dir, 'model.json'), JSON.stringify({ id: 'Bad Id', name: 'x', family: 'sd1' }))
    await expect(readModelFolder(dir)).rejects.toThrow(/model\.json is invalid \(id: .*; license: /u)
    await writeFile(join(dir, 'model.json'), '{ not json')
    await expect(readModelFolder(dir)).rejects.toThrow(/model\.json is not valid JSON/u)
  })

  it('accepts a plain export without model.json or a VAE encoder', async () => {
    const dir = await tinyModelDir()
    await rm(join(dir, 'model.json'))
    await rm(join(dir, 'vae_encoder'), { recursive: true })
    const folder = await readModelFolder(dir)
    expect(folder.hasManifestFile).toBe(false)
    // The tiny tokenizer pads with "!" like SD2.
    expect(folder.manifest).toMatchObject({ id: 'storyloom-tiny', family: 'sd2', builtIn: false })
    expect(folder.onnx.vae_encoder).toBeNull()
    const model = await loadModel(dir, { warmUp: false })
    expect(model.info.supportsImageToImage).toBe(false)
    await model.release()
  })
})

describe('loadModel', () => {
  it('opens, checks and warms up the built-in model on the CPU', async () => {
    const model = await loadModel(await tinyModelDir())
    expect(model.info).toMatchObject({ device: 'cpu', scheduler: 'euler', builtIn: true, name: 'Storyloom built-in (tiny)' })
    expect(model.tokenizer.padTokenId).toBe(0)
    await model.release()
  })

  it('refuses a folder whose components are swapped, naming the component', async () => {
    const dir = await tinyModelDir()
    await copyFile(join(dir, 'vae_decoder/model.onnx'), join(dir, 'unet/model.onnx'))
    await expect(loadModel(dir)).rejects.toThrow(ModelSignatureError)
    await expect(loadModel(dir)).rejects.toThrow(`${dir}: unet/model.onnx has no input "sample" (its inputs: latent_sample)`)
  })

  it('refuses a file onnxruntime cannot open', async () => {
    const dir = await tinyModelDir()
    await writeFile(join(dir, 'text_encoder/model.onnx'), 'not a model')
    await expect(loadModel(dir)).rejects.toThrow(/onnxruntime could not open text_encoder\/model\.onnx on cpu/u)
  })

  it('refuses CUDA where onnxruntime has none', async () => {
    const { detectBackends } = await import('./executionProviders')
    if (detectBackends().cudaLibraryPresent) return // a GPU host: covered by the 'auto' path above
    await expect(loadModel(await tinyModelDir(), { device: 'cuda' })).rejects.toThrow(/no CUDA provider/u)
  })
})
