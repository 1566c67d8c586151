import { describe, expect, it } from 'vitest'
import { ProgressRecord } from './progressRecord'

describe('ProgressRecord', () => {
  it('writes the first progress at once, then at most once per interval', () => {
    let clock = 0
    const written: number[] = []
    const record = new ProgressRecord(async (p) => void written.push(p), 1000, () => clock)
    for (let step = 1; step <= 30; step++) {
      clock = step * 100
      record.offer(step / 30)
    }
    // Steps finish at 100, 200, … 3000 ms: written at 100, 1100 and 2100 ms.
    expect(written).toEqual([1 / 30, 11 / 30, 21 / 30])
  })

  it('survives a failed write', async () => {
    let clock = 0
    let calls = 0
    const record = new ProgressRecord(async () => {
      calls++
      throw new Error('Redis is away')
    }, 1000, () => clock)
    record.offer(0.1)
    clock = 1000
    record.offer(0.2)
    await new Promise((resolve) => setImmediate(resolve))
    expect(calls).toBe(2)
  })
})
