import { cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, sep } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ModelFolderUnreadableError } from '../errors'
import { tinyModelDir } from '../testing/tinyModelDir'
import { TINY_MODEL_ID, buildTinyModel } from './buildTinyModel'
import { chooseDefaultModel, ensureBuiltInModel, listModels } from './modelRegistry'

/**
 * A data directory restored as root leaves folders this process may not enter or read. Tests
 * often run as root, where chmod denies nothing, so the denial is made here: a "locked" folder
 * can be seen in its parent (stat works, as for a root-owned 0700 folder) but not opened, and
 * nothing inside it can be reached.
 */
const locked = new Set<string>()
const renamedFrom: string[] = []

function denied(path: unknown, includeSelf: boolean): boolean {
  const p = String(path)
  for (const dir of locked) if ((includeSelf && p === dir) || p.startsWith(dir + sep)) return true
  return false
}

function eacces(syscall: string, path: unknown): NodeJS.ErrnoException {
  return Object.assign(new Error(`EACCES: permission denied, ${syscall} '${String(path)}'`), { code: 'EACCES', errno: -13, syscall, path: String(path) })
}

vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>()
  const guard =
    <A extends unknown[], R>(name: string, fn: (...args: A) => Promise<R>, includeSelf: boolean) =>
    async (...args: A): Promise<R> => {
      if (denied(args[0], includeSelf)) throw eacces(name, args[0])
      return fn(...args)
    }
  const mocked = {
    ...fs,
    stat: guard('stat', fs.stat, false),
    access: guard('access', fs.access, true),
    readFile: guard('open', fs.readFile, true),
    readdir: guard('scandir', fs.readdir, true),
    rename: async (from: string, to: string) => {
      renamedFrom.push(String(from))
      return fs.rename(from, to)
    },
  }
  return { ...mocked, default: mocked }
})

afterEach(() => {
  locked.clear()
  renamedFrom.length = 0
})

async function modelsDirWithBuiltIn(): Promise<{ modelsDir: string; target: string; files: string[] }> {
  const modelsDir = join(await mkdtemp(join(tmpdir(), 'storyloom-unreadable-')), 'models')
  const target = join(modelsDir, TINY_MODEL_ID)
  await buildTinyModel(target)
  return { modelsDir, target, files: await listTree(target) }
}

async function listTree(dir: string): Promise<string[]> {
  return ((await readdir(dir, { recursive: true })) as string[]).sort()
}

describe('a model folder this process may not read (restored as root)', () => {
  it('is reported as a permission problem with what to do, and the built-in folder is never moved, rebuilt or deleted', async () => {
    const { modelsDir, target, files } = await modelsDirWithBuiltIn()
    locked.add(target)

    const failure = await ensureBuiltInModel(modelsDir).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ModelFolderUnreadableError)
    expect((failure as Error).message).toContain(`cannot read the model folder ${target}: permission denied`)
    expect((failure as Error).message).toMatch(/chown -R \S+ /u)
    expect(renamedFrom).toEqual([])
    locked.clear()
    expect(await listTree(target)).toEqual(files)
    expect((await readdir(modelsDir)).filter((name) => name !== TINY_MODEL_ID)).toEqual([])
  })

  it('does not take an unreadable image encoder for an older built-in model and remove it', async () => {
    const { modelsDir, target, files } = await modelsDirWithBuiltIn()
    locked.add(join(target, 'image_encoder'))

    await expect(ensureBuiltInModel(modelsDir)).rejects.toThrow(/permission denied on .*image_encoder/u)
    expect(renamedFrom).toEqual([])
    locked.clear()
    expect(await listTree(target)).toEqual(files)
  })

  it('is listed as unreadable, not as a usable model with a manifest guessed from its folder name', async () => {
    const modelsDir = join(await mkdtemp(join(tmpdir(), 'storyloom-unreadable-')), 'models')
    const dir = join(modelsDir, 'sd-turbo')
    await cp(await tinyModelDir(), dir, { recursive: true })
    const manifest = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as Record<string, unknown>
    await writeFile(join(dir, 'model.json'), JSON.stringify({ ...manifest, id: 'sd-turbo', builtIn: false }))
    locked.add(join(dir, 'model.json'))

    const [listing] = await listModels(modelsDir)
    expect(listing).toMatchObject({ id: 'sd-turbo', usable: false, problem: { unreadable: true } })
  })

  it('stops the worker choosing its model rather than quietly falling back to the built-in one', async () => {
    const { modelsDir } = await modelsDirWithBuiltIn()
    const real = join(modelsDir, 'sd-turbo')
    await cp(await tinyModelDir(), real, { recursive: true })
    locked.add(real)

    await expect(chooseDefaultModel(modelsDir)).rejects.toThrow(`cannot read the model folder ${real}: permission denied`)
  })

  it('says so when the models folder itself cannot be listed', async () => {
    const { modelsDir } = await modelsDirWithBuiltIn()
    locked.add(modelsDir)
    await expect(listModels(modelsDir)).rejects.toBeInstanceOf(ModelFolderUnreadableError)
  })
})
