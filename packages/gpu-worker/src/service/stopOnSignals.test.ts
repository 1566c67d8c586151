import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { REPEATED_SIGNAL_MS, stopOnSignals } from './stopOnSignals'

/** A process stand-in: signals are emitted by the test, exits recorded. */
function fakeProcess() {
  const events = new EventEmitter()
  const exits: number[] = []
  let time = 0
  return {
    source: { on: (signal: NodeJS.Signals, listener: () => void) => events.on(signal, listener), exit: (code: number) => exits.push(code) },
    now: () => time,
    advance: (ms: number) => (time += ms),
    signal: (signal: NodeJS.Signals) => events.emit(signal),
    exits,
  }
}

describe('stopOnSignals', () => {
  it('stops once on the first signal and exits 0 when the stop is done', async () => {
    const proc = fakeProcess()
    let finish!: () => void
    const stop = vi.fn((_signal: NodeJS.Signals) => new Promise<void>((resolve) => (finish = resolve)))
    stopOnSignals('storyloom worker', stop, proc)
    proc.signal('SIGTERM')
    expect(stop).toHaveBeenCalledExactlyOnceWith('SIGTERM')
    expect(proc.exits).toEqual([])
    finish()
    await vi.waitFor(() => expect(proc.exits).toEqual([0]))
  })

  it('ignores the copies of one Ctrl-C that pnpm passes on, and exits at once on a later signal', async () => {
    const proc = fakeProcess()
    const stop = vi.fn(() => new Promise<void>(() => {}))
    stopOnSignals('storyloom worker', stop, proc)
    proc.signal('SIGINT') // from the terminal
    proc.advance(2)
    proc.signal('SIGINT') // pnpm's copy
    proc.signal('SIGINT') // the outer pnpm's copy
    expect(stop).toHaveBeenCalledTimes(1)
    expect(proc.exits).toEqual([])
    proc.advance(REPEATED_SIGNAL_MS)
    proc.signal('SIGINT') // someone insisting
    expect(proc.exits).toEqual([1])
  })

  it("exits 1 when the stop fails, saying so on a line with the process's prefix", async () => {
    const proc = fakeProcess()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = new Error('disk gone')
    stopOnSignals('storyloom worker', () => Promise.reject(failure), proc)
    proc.signal('SIGTERM')
    await vi.waitFor(() => expect(proc.exits).toEqual([1]))
    expect(error).toHaveBeenCalledExactlyOnceWith('storyloom worker: error while stopping:', failure)
    error.mockRestore()
  })
})
