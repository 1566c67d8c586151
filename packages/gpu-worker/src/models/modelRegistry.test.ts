import { cp, mkdir, mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tinyModelDir } from '../testing/tinyModelDir'
import { TINY_MODEL_ID, buildTinyModel } from './buildTinyModel'
import { chooseDefaultModel, ensureBuiltInModel, listModels } from './modelRegistry'
import { STALE_STAGING_MS, resolveModelsDir, sweepLeftovers } from './modelsDir'

async function emptyModelsDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'storyloom-models-')), 'models')
}

/** Installs a copy of the tiny model as a "real" (not built-in) model with its own id. */
async function addRealModel(modelsDir: string, id: string, extra: Record<string, unknown> = {}): Promise<string> {
  const dir = join(modelsDir, id)
  await cp(await tinyModelDir(), dir, { recursive: true })
  const manifest = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as Record<string, unknown>
  await writeFile(join(dir, 'model.json'), JSON.stringify({ ...manifest, id, name: `Model ${id}`, builtIn: false, ...extra }))
  return dir
}

describe('listModels', () => {
  it('lists nothing for a models directory that does not exist yet', async () => {
    expect(await listModels(await emptyModelsDir())).toEqual([])
  })

  it('lists each model with its manifest facts, and a broken folder as unusable with its reason', async () => {
    const modelsDir = await emptyModelsDir()
    await addRealModel(modelsDir, 'sd-turbo', { license: 'Stability AI Non-Commercial Research Community License', nonCommercial: true, family: 'sd2' })
    const broken = join(modelsDir, 'half-copied')
    await mkdir(join(broken, 'unet'), { recursive: true })
    await mkdir(join(modelsDir, '.install-abc123'))
    await writeFile(join(modelsDir, 'README.txt'), 'not a model')

    const listings = await listModels(modelsDir)
    expect(listings.map((l) => [l.id, l.usable])).toEqual([
      ['half-copied', false],
      ['sd-turbo', true],
    ])
    expect(listings[1]).toMatchObject({
      id: 'sd-turbo',
      name: 'Model sd-turbo',
      family: 'sd2',
      scheduler: 'euler',
      nonCommercial: true,
      builtIn: false,
      supportsImageToImage: true,
      dir: join(modelsDir, 'sd-turbo'),
    })
    expect(listings[0]).toMatchObject({ usable: false, dir: broken, problem: { code: 'model_folder_invalid' } })
    expect(listings[0]?.usable === false && listings[0].problem.message).toMatch(/missing tokenizer\/vocab\.json/u)
  })

  it('refuses a second folder claiming an id another folder already has', async () => {
    const modelsDir = await emptyModelsDir()
    await addRealModel(modelsDir, 'alpha')
    const copy = await addRealModel(modelsDir, 'beta')
    const manifest = JSON.parse(await readFile(join(copy, 'model.json'), 'utf8')) as Record<string, unknown>
    await writeFile(join(copy, 'model.json'), JSON.stringify({ ...manifest, id: 'alpha' }))
    const listings = await listModels(modelsDir)
    expect(listings.filter((l) => l.usable).map((l) => l.dir)).toEqual([join(modelsDir, 'alpha')])
    expect(listings.find((l) => !l.usable)).toMatchObject({ id: 'beta', problem: { message: expect.stringMatching(/id "alpha", which folder alpha already has/u) } })
  })
})

describe('chooseDefaultModel', () => {
  it('builds the built-in model into an empty models directory and uses it', async () => {
    const modelsDir = await emptyModelsDir()
    const chosen = await chooseDefaultModel(modelsDir)
    expect(chosen).toMatchObject({ id: TINY_MODEL_ID, builtIn: true, dir: join(modelsDir, TINY_MODEL_ID) })
    // Built in a staging folder and renamed: nothing else is left behind.
    expect(await readdir(modelsDir)).toEqual([TINY_MODEL_ID])
  })

  it('prefers the first real model over the built-in one, and honours an explicit choice', async () => {
    const modelsDir = await emptyModelsDir()
    await buildTinyModel(join(modelsDir, TINY_MODEL_ID))
    await addRealModel(modelsDir, 'zeta')
    await addRealModel(modelsDir, 'beta')
    expect((await chooseDefaultModel(modelsDir)).id).toBe('beta')
    expect((await chooseDefaultModel(modelsDir, { preferredId: 'zeta' })).id).toBe('zeta')
    expect((await chooseDefaultModel(modelsDir, { preferredId: TINY_MODEL_ID })).builtIn).toBe(true)
  })

  it('says why a preferred model cannot be used instead of silently using another', async () => {
    const modelsDir = await emptyModelsDir()
    const dir = await addRealModel(modelsDir, 'broken')
    await rm(join(dir, 'vae_decoder'), { recursive: true })
    await expect(chooseDefaultModel(modelsDir, { preferredId: 'broken' })).rejects.toThrow(/model "broken" cannot be used: .*missing vae_decoder\/model\.onnx/u)
    await expect(chooseDefaultModel(modelsDir, { preferredId: 'missing' })).rejects.toThrow(/model "missing" is not installed/u)
    // A broken real model is skipped when nothing is preferred.
    expect((await chooseDefaultModel(modelsDir)).id).toBe(TINY_MODEL_ID)
  })

  it('replaces a broken built-in folder, and several workers starting at once share one build', async () => {
    const modelsDir = await emptyModelsDir()
    await mkdir(join(modelsDir, TINY_MODEL_ID, 'unet'), { recursive: true })
    const results = await Promise.all([ensureBuiltInModel(modelsDir), ensureBuiltInModel(modelsDir), ensureBuiltInModel(modelsDir)])
    for (const result of results) expect(result).toMatchObject({ id: TINY_MODEL_ID, usable: true })
    expect(await readdir(modelsDir)).toEqual([TINY_MODEL_ID])
    expect((await listModels(modelsDir))[0]?.usable).toBe(true)
  })

  it('rebuilds a built-in folder written before it had an image encoder', async () => {
    const modelsDir = await emptyModelsDir()
    await buildTinyModel(join(modelsDir, TINY_MODEL_ID), { imagePrompts: false })
    expect((await listModels(modelsDir))[0]).toMatchObject({ usable: true, supportsImagePrompts: false })
    expect(await ensureBuiltInModel(modelsDir)).toMatchObject({ id: TINY_MODEL_ID, supportsImagePrompts: true })
    expect((await readdir(modelsDir)).filter((name) => !name.startsWith('.'))).toEqual([TINY_MODEL_ID])
  })
})

describe('resolveModelsDir', () => {
  it('uses STORYLOOM_MODELS_DIR, else models in the data directory, relative to where the command started', () => {
    expect(resolveModelsDir({ INIT_CWD: '/srv/app' })).toBe('/srv/app/data/models')
    expect(resolveModelsDir({ INIT_CWD: '/srv/app', STORYLOOM_DATA_DIR: '/var/storyloom' })).toBe('/var/storyloom/models')
    expect(resolveModelsDir({ INIT_CWD: '/srv/app', STORYLOOM_MODELS_DIR: 'weights' })).toBe('/srv/app/weights')
  })
})

describe('sweepLeftovers', () => {
  it('removes trash and day-old staging folders, but not a staging folder still in use or a model', async () => {
    const modelsDir = await emptyModelsDir()
    await addRealModel(modelsDir, 'keep-me')
    for (const name of ['.trash-1', '.install-old', '.install-running', '.build-old']) await mkdir(join(modelsDir, name, 'unet'), { recursive: true })
    const dayAgo = new Date(Date.now() - STALE_STAGING_MS - 60_000)
    await utimes(join(modelsDir, '.install-old'), dayAgo, dayAgo)
    await utimes(join(modelsDir, '.build-old'), dayAgo, dayAgo)
    expect((await sweepLeftovers(modelsDir)).sort()).toEqual(['.build-old', '.install-old', '.trash-1'])
    expect((await readdir(modelsDir)).sort()).toEqual(['.install-running', 'keep-me'])
  })
})
