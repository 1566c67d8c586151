import { generationFailureView, parseJobFailure } from '@storyloom/shared/generation/generationFailures'
import { UnrecoverableJobError } from '@storyloom/shared/generation/jobSource'
import { describe, expect, it } from 'vitest'
import { InferenceLoadCrashedError, InferenceProcessCrashedError, ModelFolderError, ModelRunError } from '../errors'
import { jobFailureError } from './jobFailure'
import { ServerCallError } from './serverClient'

/** The job's failure for `error`, what the worker logged, and what people are shown. */
function fail(error: unknown) {
  const logged: string[] = []
  const thrown = jobFailureError('job1', error, (line) => logged.push(line))
  const failure = parseJobFailure(thrown.message)
  return { thrown, failure, logged, shown: generationFailureView(thrown.message).message }
}

describe('a failed job’s reason', () => {
  it('says the model failed to load when its process died loading it: the path and exit code go to the log only', () => {
    const { failure, logged, shown, thrown } = fail(new InferenceLoadCrashedError('the inference process exited (code null) while loading /tmp/x/models/sd-turbo'))
    expect(failure?.code).toBe('model_load_failed')
    expect(logged.join('\n')).toContain('/tmp/x/models/sd-turbo')
    expect(shown).not.toMatch(/\/tmp|code null/u)
    // Still worth a retry on another run (a crashed process), unlike a broken model folder.
    expect(thrown).not.toBeInstanceOf(UnrecoverableJobError)
    expect(fail(new ModelFolderError('/srv/models/x: missing unet/model.onnx')).thrown).toBeInstanceOf(UnrecoverableJobError)
  })

  it('tells a worker stopped mid-run, out of memory and a model that threw apart', () => {
    expect(fail(new InferenceProcessCrashedError('the inference process of Tiny exited (code null)')).failure?.code).toBe('worker_stopped')
    const oom = new ModelRunError('Tiny: unet failed: x', { cause: new Error('Failed to allocate memory for requested buffer of size 1073741824') })
    expect(fail(oom).failure?.code).toBe('out_of_memory')
    expect(fail(new ModelRunError('Tiny: the UNet produced NaN values')).failure?.code).toBe('model_run_failed')
  })

  it('tells a server that did not answer in time from one that cannot be reached, and a refused take', () => {
    const timeout = new ServerCallError('cannot reach the server at http://s (no answer within 30 s)', 0, undefined, { cause: new DOMException('timed out', 'TimeoutError') })
    expect(fail(timeout).failure?.code).toBe('timed_out')
    expect(fail(new ServerCallError('cannot reach the server at http://s (connection refused)', 0, undefined)).failure?.code).toBe('server_unreachable')
    const refused = fail(new ServerCallError('POST /api/worker/jobs/j/results failed: the result was refused', 415, 'unsupported_media_type'))
    expect([refused.failure?.code, refused.thrown instanceof UnrecoverableJobError]).toEqual(['result_unreadable', true])
  })

  it('shows anything else as a plain failure, never its text', () => {
    const { failure, shown } = fail(new Error('ENOENT: no such file, open /srv/storyloom/data/x'))
    expect(failure?.code).toBe('generation_failed')
    expect(shown).not.toContain('/srv')
  })
})
