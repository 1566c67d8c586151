import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { tinyModelDir } from '../testing/tinyModelDir'
import { ModelPool } from './modelPool'

/** A copy of the built-in model installed by hand as `id`, not built-in, so it is chosen before it. */
async function copiedModel(modelsDir: string, source: string, id: string): Promise<string> {
  const dir = join(modelsDir, id)
  await cp(source, dir, { recursive: true })
  const manifest = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as Record<string, unknown>
  await writeFile(join(dir, 'model.json'), JSON.stringify({ ...manifest, id, builtIn: false }))
  return dir
}

describe('ModelPool.start', { timeout: 120_000 }, () => {
  let pool: ModelPool | undefined
  afterEach(async () => {
    await pool?.close()
    vi.restoreAllMocks()
  })

  // A folder copied in by hand with a truncated unet sorted first and was the default: it did
  // not load, so the worker did not start and every generation waited, the good models unused.
  it('passes over an installed model that does not load to the next one, saying why', async () => {
    const source = await tinyModelDir()
    const modelsDir = await mkdtemp(join(tmpdir(), 'storyloom-pool-'))
    const broken = await copiedModel(modelsDir, source, 'a-broken')
    await writeFile(join(broken, 'unet', 'model.onnx'), 'half a download')
    await copiedModel(modelsDir, source, 'b-good')
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})

    pool = new ModelPool(modelsDir, { device: 'cpu' })
    expect((await pool.start()).id).toBe('b-good')
    expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^\[worker\] model "a-broken" does not load, so another is the default: .*a-broken: onnxruntime could not open unet\/model\.onnx/u))
    expect((await pool.advertised()).find((model) => model.isDefault)?.id).toBe('b-good')
  })

  it('never passes over the model STORYLOOM_MODEL names', async () => {
    const modelsDir = await mkdtemp(join(tmpdir(), 'storyloom-pool-'))
    const broken = await copiedModel(modelsDir, await tinyModelDir(), 'a-broken')
    await writeFile(join(broken, 'unet', 'model.onnx'), 'half a download')
    pool = new ModelPool(modelsDir, { device: 'cpu', preferredModelId: 'a-broken' })
    await expect(pool.start()).rejects.toThrow(/a-broken: onnxruntime could not open unet\/model\.onnx/u)
  })
})
