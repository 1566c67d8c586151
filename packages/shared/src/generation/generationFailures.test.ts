import { describe, expect, it } from 'vitest'
import { formatJobFailure, generationFailureView, parseJobFailure } from './generationFailures'

const leaky = /\/tmp|\/models|code null|\bat \w+ \(|onnx|inference process/iu

describe('generationFailureView', () => {
  it('tells people what failed and what to do, never the worker’s detail', () => {
    const stored = formatJobFailure({ code: 'model_load_failed', detail: 'the inference process exited (code null) while loading /tmp/x/models/sd-turbo' })
    const view = generationFailureView(stored)
    expect(view.code).toBe('model_load_failed')
    expect(view.message).toMatch(/^The model could not be loaded.*Retry/u)
    expect(view.message).not.toMatch(leaky)
  })

  it('names the reference at fault', () => {
    expect(generationFailureView(formatJobFailure({ code: 'reference_too_large', role: 'prop', detail: '20000×20000' })).message).toMatch(/^The prop reference picture is too large/u)
  })

  it('reads old free-text records by kind, and shows none of their text', () => {
    const old = [
      ['the inference process exited (code null) while loading /tmp/a/models/b', 'model_load_failed'],
      ['the inference process of Tiny exited (code null)', 'worker_stopped'],
      ['job stalled more than allowable limit', 'worker_stopped'],
      ['Tiny: unet failed: Failed to allocate memory for requested buffer of size 123', 'out_of_memory'],
      ['the prop reference is too large (20000×20000): at most 40 megapixels', 'reference_too_large'],
      ['Error: ENOENT /srv/storyloom/x\n    at read (node:fs:1:1)', 'generation_failed'],
    ] as const
    for (const [text, code] of old) {
      const view = generationFailureView(text)
      expect(view.code).toBe(code)
      expect(view.message).not.toMatch(leaky)
    }
    expect(generationFailureView(old[4][0]).message).toMatch(/^The prop reference/u)
    expect(generationFailureView(undefined).code).toBe('generation_failed')
  })

  it('does not take JSON-looking text that is not a failure record for one', () => {
    expect(parseJobFailure('{"code":"rm -rf","detail":""}')).toBeUndefined()
    expect(parseJobFailure('{not json')).toBeUndefined()
  })
})
