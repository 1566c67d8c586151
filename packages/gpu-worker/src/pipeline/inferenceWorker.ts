import { Worker } from 'node:worker_threads'
import { GenerationCanceledError, InferenceThreadCrashedError, deserializeError } from '../errors'
import type { LoadModelOptions, ModelInfo } from '../models/loadModel'
import type { GenerationParams, GenerationResult, StepEvent } from './sdPipeline'
import type { ThreadData, ThreadReply, ThreadRequest } from './threadProtocol'

/** Options of one generation run through {@link InferenceWorker.generate}. */
export type WorkerGenerateOptions = {
  /** Aborting cancels between denoising steps; the promise rejects with {@link GenerationCanceledError}. */
  signal?: AbortSignal
  /** Called on the main thread after each step, with a preview unless `previews` is false. */
  onStep?: (event: StepEvent) => void
  previews?: boolean
}

type Pending = { resolve: (result: GenerationResult) => void; reject: (error: Error) => void; onStep: ((event: StepEvent) => void) | undefined }

/**
 * A model loaded in its own worker thread. The main thread only posts requests and receives
 * previews and results, so its event loop stays free during inference. Generations run one at
 * a time, in call order. If the thread dies, pending and later calls reject with
 * {@link InferenceThreadCrashedError}: start a new worker.
 */
export class InferenceWorker {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private chain: Promise<unknown> = Promise.resolve()
  private dead: Error | null = null
  private closing: Promise<void> | null = null

  private constructor(
    private readonly thread: Worker,
    /** The loaded model, as the thread reported it. */
    readonly model: ModelInfo,
  ) {
    thread.on('message', (message: ThreadReply) => this.onMessage(message))
    thread.on('error', (error) => this.die(new InferenceThreadCrashedError(`the inference thread of ${model.name} crashed: ${error.message}`, { cause: error })))
    thread.on('exit', (code) => this.die(new InferenceThreadCrashedError(`the inference thread of ${model.name} exited (code ${code})`)))
  }

  /**
   * Starts a thread and loads (and by default warms up) the model folder `dir` in it.
   * Rejects with the loader's named error (ModelFolderError, ModelSignatureError, ModelLoadError, …).
   */
  static start(dir: string, options: LoadModelOptions = {}): Promise<InferenceWorker> {
    const data: ThreadData = { entry: new URL('./inferenceThread.ts', import.meta.url).href, dir, options }
    const thread = new Worker(new URL('./threadBootstrap.mjs', import.meta.url), { workerData: data })
    return new Promise((resolve, reject) => {
      // Remove only our own listeners: Worker keeps internal ones (port ref-counting) that
      // removeAllListeners() would break.
      const settle = () => {
        thread.off('message', onMessage)
        thread.off('error', onError)
        thread.off('exit', onExit)
      }
      const fail = (error: Error) => {
        settle()
        void thread.terminate()
        reject(error)
      }
      const onMessage = (message: ThreadReply) => {
        if (message.type === 'loaded') {
          settle()
          resolve(new InferenceWorker(thread, message.info))
        } else {
          fail(message.type === 'load-failed' ? deserializeError(message.error) : new InferenceThreadCrashedError(`unexpected "${message.type}" while loading`))
        }
      }
      const onError = (error: Error) => fail(new InferenceThreadCrashedError(`the inference thread crashed while loading ${dir}: ${error.message}`, { cause: error }))
      const onExit = (code: number) => fail(new InferenceThreadCrashedError(`the inference thread exited (code ${code}) while loading ${dir}`))
      thread.on('message', onMessage)
      thread.on('error', onError)
      thread.on('exit', onExit)
    })
  }

  /** Runs one generation in the thread (after any earlier ones finish). */
  generate(params: GenerationParams, options: WorkerGenerateOptions = {}): Promise<GenerationResult> {
    const run = this.chain.then(() => this.runOne(params, options))
    this.chain = run.catch(() => undefined)
    return run
  }

  /** Releases the model's sessions and stops the thread (terminating it if it does not stop in `timeoutMs`). */
  close(timeoutMs = 5000): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.dead) return resolve()
      const timer = setTimeout(() => void this.thread.terminate(), timeoutMs)
      this.thread.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
      this.post({ type: 'close' })
    })
    return this.closing
  }

  private runOne(params: GenerationParams, options: WorkerGenerateOptions): Promise<GenerationResult> {
    if (this.dead) return Promise.reject(this.dead)
    if (this.closing) return Promise.reject(new InferenceThreadCrashedError('the inference worker is closing'))
    if (options.signal?.aborted) return Promise.reject(new GenerationCanceledError())
    const id = this.nextId++
    const cancel = new SharedArrayBuffer(4)
    const onAbort = () => Atomics.store(new Int32Array(cancel), 0, 1)
    options.signal?.addEventListener('abort', onAbort, { once: true })
    return new Promise<GenerationResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStep: options.onStep })
      this.post({ type: 'generate', id, params, cancel, previews: options.onStep !== undefined && options.previews !== false })
    }).finally(() => options.signal?.removeEventListener('abort', onAbort))
  }

  private post(request: ThreadRequest): void {
    this.thread.postMessage(request)
  }

  private onMessage(message: ThreadReply): void {
    if (message.type === 'step') {
      this.pending.get(message.id)?.onStep?.(message.event)
    } else if (message.type === 'done' || message.type === 'failed') {
      const pending = this.pending.get(message.id)
      this.pending.delete(message.id)
      if (message.type === 'done') pending?.resolve(message.result)
      else pending?.reject(deserializeError(message.error))
    }
  }

  private die(error: Error): void {
    if (this.dead) return
    // A requested close is not a crash: later calls still fail, with the same clear error.
    this.dead = this.closing ? new InferenceThreadCrashedError('the inference worker is closed') : error
    for (const pending of this.pending.values()) pending.reject(error)
    this.pending.clear()
  }
}
