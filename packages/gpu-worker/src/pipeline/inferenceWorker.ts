import { fork, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { GenerationCanceledError, InferenceLoadCrashedError, InferenceProcessCrashedError, deserializeError } from '../errors'
import type { LoadModelOptions, ModelInfo } from '../models/loadModel'
import type { GenerationParams, GenerationResult, StepEvent } from './sdPipeline'
import { ramImageDir } from './inferenceImageDir'
import { IMAGE_FILE, type InferenceProcessData, type InferenceReply, type InferenceRequest } from './inferenceProtocol'

/** Options of one generation run through {@link InferenceWorker.generate}. */
export type WorkerGenerateOptions = {
  /** Aborting cancels between denoising steps; the promise rejects with {@link GenerationCanceledError}. */
  signal?: AbortSignal
  /** Called on the main thread after each step, with a preview on the steps that get one (PreviewSchedule) unless `previews` is false. */
  onStep?: (event: StepEvent) => void
  previews?: boolean
  /** TEST ONLY: see `GenerateOptions.stepDelayMs`. */
  stepDelayMs?: number
}

/**
 * Set (to the built inference entry, relative to this file's source) only in the bundle
 * packages/app/build.mjs makes; from the TypeScript sources it is not defined.
 */
declare const STORYLOOM_BUILT_INFERENCE: string | undefined

/**
 * The inference process's script and arguments: the bundle's plain-JavaScript entry when this
 * runs from it, else the TypeScript entry through a bootstrap that registers tsx.
 */
function inferenceCommand(): { script: string; args: string[] } {
  if (typeof STORYLOOM_BUILT_INFERENCE === 'string') return { script: fileURLToPath(new URL(STORYLOOM_BUILT_INFERENCE, import.meta.url)), args: [] }
  return { script: fileURLToPath(new URL('./inferenceBootstrap.mjs', import.meta.url)), args: [new URL('./inferenceProcess.ts', import.meta.url).href] }
}

type Pending = { resolve: (result: GenerationResult) => void; reject: (error: Error) => void; onStep: ((event: StepEvent) => void) | undefined }

/**
 * A model loaded in its own child process. The main thread only posts requests and receives
 * previews and results, so its event loop stays free during inference. Generations run one at
 * a time, in call order. If the process dies, pending and later calls reject with
 * {@link InferenceProcessCrashedError}: start a new worker.
 */
export class InferenceWorker {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private chain: Promise<unknown> = Promise.resolve()
  private dead: Error | null = null
  private closing: Promise<void> | null = null
  /** The image hand-over file, opened for reading on the first result that comes in it. */
  private imageFd: number | undefined

  private constructor(
    private readonly child: ChildProcess,
    /** The loaded model, as the inference process reported it. */
    readonly model: ModelInfo,
    /** Where the process hands result images over (see `InferenceReply`), if anywhere. */
    private readonly imageDir: string | undefined,
  ) {
    child.on('message', (message: InferenceReply) => this.onMessage(message))
    child.on('error', (error) => this.die(new InferenceProcessCrashedError(`the inference process of ${model.name} crashed: ${error.message}`, { cause: error })))
    child.on('exit', (code) => this.die(new InferenceProcessCrashedError(`the inference process of ${model.name} exited (code ${code})`)))
    // The hand-over file goes with the process (its directory is removed on exit).
    child.once('exit', () => {
      if (this.imageFd !== undefined) closeSync(this.imageFd)
      this.imageFd = undefined
    })
  }

  /**
   * Starts an inference process and loads (and by default warms up) the model folder `dir` in it.
   * Rejects with the loader's named error (ModelFolderError, ModelSignatureError, ModelLoadError, …).
   */
  static start(dir: string, options: LoadModelOptions = {}): Promise<InferenceWorker> {
    const imageDir = ramImageDir()
    const data: InferenceProcessData = { dir, options, ...(imageDir ? { imageDir } : {}) }
    const { script, args } = inferenceCommand()
    const child = fork(
      script,
      [...args, JSON.stringify(data)],
      // 'advanced' IPC carries typed arrays (images, previews) without JSON round trips; the
      // parent's execArgv (vitest's or tsx's loaders) is not for this process.
      { serialization: 'advanced', execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    )
    return new Promise((resolve, reject) => {
      const settle = () => {
        child.off('message', onMessage)
        if (imageDir) child.once('exit', () => rmSync(imageDir, { recursive: true, force: true }))
        child.off('error', onError)
        child.off('exit', onExit)
      }
      const fail = (error: Error) => {
        settle()
        child.kill('SIGKILL')
        reject(error)
      }
      const onMessage = (message: InferenceReply) => {
        if (message.type === 'loaded') {
          settle()
          resolve(new InferenceWorker(child, message.info, imageDir))
        } else {
          fail(message.type === 'load-failed' ? deserializeError(message.error) : new InferenceLoadCrashedError(`unexpected "${message.type}" while loading`))
        }
      }
      const onError = (error: Error) => fail(new InferenceLoadCrashedError(`the inference process crashed while loading ${dir}: ${error.message}`, { cause: error }))
      const onExit = (code: number) => fail(new InferenceLoadCrashedError(`the inference process exited (code ${code}) while loading ${dir}`))
      child.on('message', onMessage)
      child.on('error', onError)
      child.on('exit', onExit)
    })
  }

  /** True once the inference process has exited (crashed or closed): start a new worker. */
  get isDead(): boolean {
    return this.dead !== null
  }

  /** Runs one generation in the inference process (after any earlier ones finish). */
  generate(params: GenerationParams, options: WorkerGenerateOptions = {}): Promise<GenerationResult> {
    const run = this.chain.then(() => this.runOne(params, options))
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Releases the model's sessions and stops the process (killing it if it does not stop in `timeoutMs`). */
  close(timeoutMs = 5000): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.dead) return resolve()
      const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs)
      this.child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      this.post({ type: 'close' })
    })
    return this.closing
  }

  private runOne(params: GenerationParams, options: WorkerGenerateOptions): Promise<GenerationResult> {
    if (this.dead) return Promise.reject(this.dead)
    if (this.closing) return Promise.reject(new InferenceProcessCrashedError('the inference worker is closing'))
    if (options.signal?.aborted) return Promise.reject(new GenerationCanceledError())
    const id = this.nextId++
    const onAbort = () => this.post({ type: 'cancel', id })
    options.signal?.addEventListener('abort', onAbort, { once: true })
    return new Promise<GenerationResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStep: options.onStep })
      const previews = options.onStep !== undefined && options.previews !== false
      this.post({ type: 'generate', id, params, previews, ...(options.stepDelayMs ? { stepDelayMs: options.stepDelayMs } : {}) })
    }).finally(() => options.signal?.removeEventListener('abort', onAbort))
  }

  private post(request: InferenceRequest): void {
    if (this.child.connected) this.child.send(request)
  }

  private onMessage(message: InferenceReply): void {
    if (message.type === 'step') {
      this.pending.get(message.id)?.onStep?.(message.event)
    } else if (message.type === 'done' || message.type === 'failed') {
      const pending = this.pending.get(message.id)
      this.pending.delete(message.id)
      if (message.type === 'failed') return pending?.reject(deserializeError(message.error))
      try {
        pending?.resolve(message.imageFile === undefined ? message.result : this.withImageFromFile(message.result, message.imageFile))
      } catch (error) {
        pending?.reject(new InferenceProcessCrashedError(`could not read the image the inference process of ${this.model.name} wrote`, { cause: error }))
      }
    }
  }

  private withImageFromFile(result: GenerationResult, file: string): GenerationResult {
    if (!this.imageDir || file !== join(this.imageDir, IMAGE_FILE)) throw new Error(`unexpected image file ${file}`)
    this.imageFd ??= openSync(file, 'r')
    const length = result.image.width * result.image.height * 3
    // Not pooled: the caller owns the image. (readFileSync also opened, sized and closed the file.)
    const bytes = Buffer.allocUnsafeSlow(length)
    for (let read = 0; read < length; ) {
      const n = readSync(this.imageFd, bytes, read, length - read, read)
      if (n === 0) throw new Error(`${file} ends after ${read} of ${length} bytes`)
      read += n
    }
    return { ...result, image: { ...result.image, data: new Uint8Array(bytes.buffer, bytes.byteOffset, length) } }
  }

  private die(error: Error): void {
    if (this.dead) return
    // A requested close is not a crash: later calls still fail, with the same clear error.
    this.dead = this.closing ? new InferenceProcessCrashedError('the inference worker is closed') : error
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }
}
