import { execFile } from 'node:child_process'
import { copyFile, cp, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tinyModelDir } from '../testing/tinyModelDir'

const cli = fileURLToPath(new URL('./models.ts', import.meta.url))
const packageDir = fileURLToPath(new URL('../..', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url))

/** Runs `pnpm models …` as a user would (through tsx), against `modelsDir`. Each run starts a process: slow on a loaded machine, hence the long timeouts. */
function models(modelsDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', cli, ...args], { cwd: packageDir, env: { ...process.env, STORYLOOM_MODELS_DIR: modelsDir, STORYLOOM_DEVICE: 'cpu' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

describe('pnpm models', () => {
  // It used to answer "error: ENOTDIR: not a directory, scandir …".
  it('list says so when the models folder is a file', { timeout: 60_000 }, async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'storyloom-cli-')), 'models')
    await writeFile(file, 'not a folder')
    const listed = await models(file, 'list')
    expect(listed.code).toBe(1)
    expect(listed.stderr).toContain(`the models folder ${file} is a file, not a folder: set STORYLOOM_MODELS_DIR to a folder`)
  })

  it('installs, lists and removes a model, and says why it refuses one', { timeout: 180_000 }, async () => {
    const modelsDir = join(await mkdtemp(join(tmpdir(), 'storyloom-cli-')), 'models')
    const source = await tinyModelDir()

    const installed = await models(modelsDir, 'install', source, '--id', 'tiny-copy')
    expect(installed.code, installed.stderr).toBe(0)
    expect(installed.stdout).toContain('Installed tiny-copy  "Storyloom built-in (tiny)"')
    expect(installed.stdout).toContain('license: Part of Storyloom')

    const listed = await models(modelsDir, 'list')
    expect(listed.code).toBe(0)
    expect(listed.stdout).toMatch(/tiny-copy {2}"Storyloom built-in \(tiny\)" {2}\(default, built-in, txt2img\+img2img, image prompts\)/u)

    const refused = await models(modelsDir, 'install', join(source, 'unet/model.onnx'))
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('error [model_install_failed]: ')
    expect(refused.stderr).toContain('not a model folder or a .tar, .tar.gz or .tgz archive')

    const misused = await models(modelsDir, 'install')
    expect(misused.code).toBe(2)
    expect(misused.stderr).toContain('Usage: pnpm models <command>')

    expect((await models(modelsDir, 'remove', 'tiny-copy')).code).toBe(0)
    expect(await readdir(modelsDir)).toEqual([])
  })

  it('`pnpm models` at the root shows only the command\'s own error and exit code, and reads paths from the user\'s folder', { timeout: 180_000 }, async () => {
    const modelsDir = join(await mkdtemp(join(tmpdir(), 'storyloom-cli-')), 'models')
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile('pnpm', ['models', 'install', 'no-such-model'], { cwd: repoRoot, env: { ...process.env, STORYLOOM_MODELS_DIR: modelsDir } }, (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
      })
    })
    expect(result.code, result.output).toBe(1)
    expect(result.output).toContain(`error [model_install_failed]: ${join(repoRoot, 'no-such-model')}: no such file or folder`)
    // A recursive run (`pnpm --filter`) adds its own failure report, the command twice and an "Exit status" line.
    expect(result.output).not.toMatch(/ERR_PNPM_RECURSIVE|Exit status|@storyloom\/gpu-worker@/u)
  })

  it('list --check opens every session and reports a model whose UNet is wrong', { timeout: 180_000 }, async () => {
    const modelsDir = join(await mkdtemp(join(tmpdir(), 'storyloom-cli-')), 'models')
    const broken = join(modelsDir, 'storyloom-tiny')
    await cp(await tinyModelDir(), broken, { recursive: true })
    await copyFile(join(broken, 'vae_decoder/model.onnx'), join(broken, 'unet/model.onnx'))
    // Without --check the layout is fine, so it is listed as usable.
    expect((await models(modelsDir, 'list')).stdout).toContain('storyloom-tiny  "Storyloom built-in (tiny)"')
    const checked = await models(modelsDir, 'list', '--check')
    expect(checked.code).toBe(1)
    expect(checked.stdout).toContain('storyloom-tiny  UNUSABLE [model_signature_mismatch]')
    expect(checked.stdout).toContain('unet/model.onnx has no input "sample"')
  })
})
