import { createReadStream } from 'node:fs'
import { chmod, copyFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { Header, c as createTar } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ModelInstallError, ModelSignatureError } from '../errors'
import { listModels } from '../models/modelRegistry'
import { tinyModelDir } from '../testing/tinyModelDir'
import { installModel, removeModel } from './installModel'

let work: string
let modelFolder: string
let archive: string
let server: Server
let baseUrl: string

/** Every file under `dir` with its size: what "the models directory is untouched" compares. */
async function snapshot(dir: string): Promise<string[]> {
  const out: string[] = []
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name)
      if (entry.isDirectory()) await walk(path)
      else out.push(`${relative(dir, path)} ${(await stat(path)).size}`)
    }
  }
  await walk(dir)
  return out.sort()
}

/** A models directory that already holds one installed model. */
async function modelsDirWithOneModel(): Promise<string> {
  const modelsDir = join(await mkdtemp(join(work, 'models-')), 'models')
  await installModel(modelFolder, modelsDir, { id: 'existing' })
  return modelsDir
}

/** A tar archive written entry by entry, so a test can write what no honest tool would. */
function rawTar(entries: { path: string; type?: 'File' | 'SymbolicLink'; body?: string; linkpath?: string }[]): Buffer {
  const blocks: Buffer[] = []
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '')
    const header = new Header({ path: entry.path, type: entry.type ?? 'File', size: body.length, mode: 0o644, mtime: new Date(0), ...(entry.linkpath ? { linkpath: entry.linkpath } : {}) })
    const block = Buffer.alloc(512)
    header.encode(block, 0)
    blocks.push(block, body, Buffer.alloc((512 - (body.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'storyloom-install-'))
  modelFolder = await tinyModelDir()
  archive = join(work, 'storyloom-tiny.tgz')
  await createTar({ file: archive, gzip: true, cwd: dirname(modelFolder) }, [basename(modelFolder)])
  server = createServer((request, response) => {
    if (request.url === '/models/storyloom-tiny.tgz') {
      response.writeHead(200, { 'content-type': 'application/gzip' })
      createReadStream(archive).pipe(response)
    } else if (request.url?.startsWith('/models/private.tgz')) {
      // A host that wants a sign-in first: it redirects to its login page.
      response.writeHead(302, { location: '/login?next=%2Fmodels%2Fprivate.tgz' }).end()
    } else if (request.url?.startsWith('/login')) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html><body><form>Sign in</form></body></html>')
    } else if (request.url === '/models/mislabelled.tgz') {
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end('\n  <html><head><title>Download</title></head></html>')
    } else {
      response.writeHead(404).end('not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve))
})

describe('installModel', () => {
  it('installs from a local folder, a local archive and an http URL, each checked and moved into place', async () => {
    const modelsDir = join(await mkdtemp(join(work, 'models-')), 'models')
    const fromFolder = await installModel(modelFolder, modelsDir)
    expect(fromFolder).toMatchObject({ usable: true, id: 'storyloom-tiny', builtIn: true, dir: join(modelsDir, 'storyloom-tiny') })

    const fromArchive = await installModel(archive, modelsDir, { id: 'from-archive' })
    expect(fromArchive).toMatchObject({ id: 'from-archive', family: 'storyloom-tiny', dir: join(modelsDir, 'from-archive') })
    // --id is written into the installed copy's model.json, so the folder and its manifest agree.
    expect(JSON.parse(await readFile(join(modelsDir, 'from-archive', 'model.json'), 'utf8'))).toMatchObject({ id: 'from-archive' })

    const lines: string[] = []
    const fromUrl = await installModel(`${baseUrl}/models/storyloom-tiny.tgz`, modelsDir, { id: 'from-url', log: (line) => lines.push(line) })
    expect(fromUrl).toMatchObject({ id: 'from-url', supportsImageToImage: true })
    expect(lines[0]).toBe(`downloading ${baseUrl}/models/storyloom-tiny.tgz`)

    expect((await listModels(modelsDir)).map((l) => [l.id, l.usable])).toEqual([
      ['from-archive', true],
      ['from-url', true],
      ['storyloom-tiny', true],
    ])
    // Staging folders are gone; the installed files are the source's.
    expect(await readdir(modelsDir)).toEqual(['from-archive', 'from-url', 'storyloom-tiny'])
    expect(await readFile(join(modelsDir, 'from-url', 'unet/model.onnx'))).toEqual(await readFile(join(modelFolder, 'unet/model.onnx')))

    expect(await removeModel(modelsDir, 'from-url')).toBe(join(modelsDir, 'from-url'))
    expect(await readdir(modelsDir)).toEqual(['from-archive', 'storyloom-tiny'])
  })

  it('gives a plain export without model.json a manifest, with the license of a well-known model', async () => {
    const plain = join(await mkdtemp(join(work, 'plain-')), 'SD-Turbo ONNX')
    await copyFolder(modelFolder, plain)
    await rm(join(plain, 'model.json'))
    const modelsDir = join(await mkdtemp(join(work, 'models-')), 'models')
    const installed = await installModel(plain, modelsDir)
    expect(installed).toMatchObject({ id: 'sd-turbo-onnx', name: 'SD-Turbo ONNX', nonCommercial: true, builtIn: false })
    expect(installed.license).toMatch(/Non-Commercial/u)
  })

  it('installs a model readable by a worker running as another user, whatever the source folder allowed', async () => {
    const privateSource = join(await mkdtemp(join(work, 'private-')), 'private-model') // mkdtemp folders are 0700
    await copyFolder(modelFolder, privateSource)
    await chmod(privateSource, 0o700)
    await chmod(join(privateSource, 'unet'), 0o700)
    await chmod(join(privateSource, 'unet/model.onnx'), 0o600)
    const modelsDir = join(await mkdtemp(join(work, 'models-')), 'models')
    await installModel(privateSource, modelsDir, { id: 'shared-model' })
    const mode = async (path: string) => (await stat(join(modelsDir, 'shared-model', path))).mode & 0o777
    const umask = process.umask()
    expect(await mode('.')).toBe(0o755 & ~umask)
    expect(await mode('unet')).toBe(0o755 & ~umask)
    expect(await mode('unet/model.onnx')).toBe(0o644 & ~umask)
  })

  const refusals: [string, () => Promise<string>, RegExp][] = [
    ['a corrupt archive', async () => writeSource('corrupt.tgz', Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), Buffer.alloc(4000, 7)])), /corrupt\.tgz is not a readable \.tar, \.tar\.gz or \.tgz archive/u],
    ['an archive with ../ entries', async () => writeSource('escape.tgz', gzipSync(rawTar([{ path: 'model/unet/model.onnx', body: 'x' }, { path: 'model/../../escaped.txt', body: 'pwned' }]))), /escape\.tgz was refused: "model\/\.\.\/\.\.\/escaped\.txt" points outside the archive's folder/u],
    ['an archive with an absolute path', async () => writeSource('absolute.tar', rawTar([{ path: '/tmp/storyloom-absolute.txt', body: 'pwned' }])), /absolute\.tar was refused: .* is an absolute path/u],
    ['an archive with a link', async () => writeSource('link.tar', rawTar([{ path: 'model/unet', type: 'SymbolicLink', linkpath: '/etc' }])), /link\.tar was refused: "model\/unet" is a SymbolicLink; a model archive may hold only files and folders/u],
    ['an unreachable URL', async () => `http://127.0.0.1:${await closedPort()}/model.tgz`, /could not reach http:\/\/127\.0\.0\.1:\d+\/model\.tgz: ECONNREFUSED/u],
    ['a 404', async () => `${baseUrl}/models/missing.tgz?token=secret`, /http:\/\/127\.0\.0\.1:\d+\/models\/missing\.tgz answered 404 Not Found$/u],
    ['a URL that answers with a login page', async () => `${baseUrl}/models/private.tgz?token=secret`, /http:\/\/127\.0\.0\.1:\d+\/models\/private\.tgz answered an HTML page, not a model archive \(200 OK, text\/html; charset=utf-8, from http:\/\/127\.0\.0\.1:\d+\/login\): a sign-in or download page\?/u],
    ['a URL that sends an HTML page as a file', async () => `${baseUrl}/models/mislabelled.tgz`, /mislabelled\.tgz answered an HTML page, not a model archive \(200 OK, application\/octet-stream\)/u],
    ['a URL that is not http', async () => 'ftp://example.com/model.tgz', /only http and https URLs can be installed/u],
    ['a file that is not an archive', async () => writeSource('notes.txt', Buffer.from('hello')), /notes\.txt: not a model folder or a \.tar, \.tar\.gz or \.tgz archive/u],
    ['a path that does not exist', async () => join(work, 'nowhere'), /nowhere: no such file or folder/u],
  ]

  for (const [what, makeSource, message] of refusals) {
    it(`refuses ${what} with a clear error and leaves the models directory untouched`, async () => {
      const modelsDir = await modelsDirWithOneModel()
      const before = await snapshot(modelsDir)
      const source = await makeSource()
      const error = await installModel(source, modelsDir, { id: 'new-model' }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(ModelInstallError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('secret')
      expect(await snapshot(modelsDir)).toEqual(before)
      await expect(stat(join(tmpdir(), 'storyloom-absolute.txt'))).rejects.toThrow()
      await expect(stat(join(modelsDir, '..', 'escaped.txt'))).rejects.toThrow()
    })
  }

  it('refuses a folder whose UNet is not a Stable-Diffusion UNet, naming the source folder', async () => {
    const modelsDir = await modelsDirWithOneModel()
    const before = await snapshot(modelsDir)
    const wrong = join(await mkdtemp(join(work, 'wrong-')), 'wrong-unet')
    await copyFolder(modelFolder, wrong)
    await copyFile(join(wrong, 'vae_decoder/model.onnx'), join(wrong, 'unet/model.onnx'))
    const error = await installModel(wrong, modelsDir).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ModelSignatureError)
    expect((error as Error).message).toMatch(new RegExp(`^${wrong}: unet/model\\.onnx has no input "sample"`, 'u'))
    expect(await snapshot(modelsDir)).toEqual(before)
  })

  it('refuses a download over the size limit, and an id that is taken', async () => {
    const modelsDir = await modelsDirWithOneModel()
    const before = await snapshot(modelsDir)
    await expect(installModel(`${baseUrl}/models/storyloom-tiny.tgz`, modelsDir, { id: 'big', maxBytes: 10_000 })).rejects.toThrow(/storyloom-tiny\.tgz is over the 10 kB limit/u)
    await expect(installModel(archive, modelsDir, { id: 'existing' })).rejects.toThrow(/a model "existing" is already installed/u)
    await expect(installModel(archive, modelsDir, { id: 'Not An Id' })).rejects.toThrow(/"Not An Id" cannot be a model id/u)
    expect(await snapshot(modelsDir)).toEqual(before)
  })
})

async function writeSource(name: string, bytes: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(work, 'source-')), name)
  await writeFile(path, bytes)
  return path
}

async function copyFolder(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true })
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}
