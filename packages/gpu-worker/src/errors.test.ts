import { describe, expect, it } from 'vitest'
import { GenerationCanceledError, ModelRunError, ModelSignatureError, deserializeError, serializeError } from './errors'

describe('worker errors', () => {
  it('cross a thread boundary as the same named class, with their cause', () => {
    const original = new ModelRunError('unet failed: out of memory', { cause: new Error('CUDA OOM') })
    const copy = deserializeError(structuredClone(serializeError(original)))
    expect(copy).toBeInstanceOf(ModelRunError)
    expect(copy).toMatchObject({ name: 'ModelRunError', code: 'model_run_failed', retryable: true, message: 'unet failed: out of memory' })
    expect((copy.cause as Error).message).toBe('CUDA OOM')
  })

  it('say whether a retry could help', () => {
    expect(new GenerationCanceledError().retryable).toBe(false)
    expect(new ModelSignatureError('x').retryable).toBe(false)
    const unknown = deserializeError(serializeError(new TypeError('boom')))
    expect(unknown).toMatchObject({ name: 'TypeError', message: 'boom' })
  })
})
