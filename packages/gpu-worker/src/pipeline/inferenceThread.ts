/**
 * The inference worker thread: loads one model and runs generations on request, so that
 * onnxruntime's blocking `session.run` never stalls the main thread's event loop (BullMQ lock
 * renewal, heartbeats, HTTP). Started by {@link InferenceWorker}; talks only through
 * {@link ThreadRequest} / {@link ThreadReply} messages.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { serializeError } from '../errors'
import { loadModel, type LoadedModel } from '../models/loadModel'
import { generate } from './sdPipeline'
import type { ThreadData, ThreadReply, ThreadRequest } from './threadProtocol'

const port = parentPort
if (!port) throw new Error('inferenceThread must run in a worker thread')
const data = workerData as ThreadData

const reply = (message: ThreadReply, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer)

let model: LoadedModel
try {
  model = await loadModel(data.dir, data.options)
  reply({ type: 'loaded', info: model.info })
} catch (error) {
  reply({ type: 'load-failed', error: serializeError(error) })
  port.close()
  process.exit(0)
}

port.on('message', (request: ThreadRequest) => {
  if (request.type === 'close') {
    void model.release().finally(() => {
      reply({ type: 'closed' })
      port.close()
    })
    return
  }
  const flag = new Int32Array(request.cancel)
  const signal = {
    get aborted() {
      return Atomics.load(flag, 0) === 1
    },
  }
  generate(model, request.params, {
    signal,
    previews: request.previews,
    onStep: (event) => reply({ type: 'step', id: request.id, event }, event.preview ? [event.preview.data.buffer as ArrayBuffer] : []),
  })
    .then((result) => reply({ type: 'done', id: request.id, result }, [result.image.data.buffer as ArrayBuffer]))
    .catch((error: unknown) => reply({ type: 'failed', id: request.id, error: serializeError(error) }))
})
