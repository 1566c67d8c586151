import { describe, expect, it } from 'vitest'
import { ConsumerCancels, JobCancelSignal } from './jobCancels'

describe('JobCancelSignal', () => {
  it('calls each listener once, reports one that throws, and ignores later listeners', () => {
    const signal = new JobCancelSignal()
    const calls: string[] = []
    const removed = () => calls.push('removed')
    signal.addEventListener('abort', () => calls.push('a'))
    signal.addEventListener('abort', () => {
      throw new Error('listener failed')
    })
    signal.addEventListener('abort', () => calls.push('c'), { once: true })
    signal.addEventListener('abort', removed)
    signal.removeEventListener('abort', removed)
    const errors: unknown[] = []
    signal.abort((error) => errors.push(error))
    signal.abort((error) => errors.push(error))
    signal.addEventListener('abort', () => calls.push('late'))
    expect(signal.aborted).toBe(true)
    expect(calls).toEqual(['a', 'c'])
    expect(errors).toEqual([new Error('listener failed')])
  })
})

describe('ConsumerCancels', () => {
  it('aborts a running job, and refuses one whose cancel came before it started', () => {
    const cancels = new ConsumerCancels((error) => {
      throw error
    })
    const running = cancels.start('a')!
    cancels.cancel('a')
    expect(running.aborted).toBe(true)
    cancels.cancel('b')
    expect(cancels.start('b')).toBeUndefined()
    cancels.finish('a')
    const next = cancels.start('c')!
    expect(next.aborted).toBe(false)
  })
})
