import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildTinyModel } from '../models/buildTinyModel'
import type { TinyGraphOptions } from '../models/tinyModelGraphs'

/** Writes the built-in model (or a variant of it) to a fresh temporary folder, for tests. */
export async function tinyModelDir(options: Partial<TinyGraphOptions> = {}): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'storyloom-model-')), 'storyloom-tiny')
  await buildTinyModel(dir, options)
  return dir
}
