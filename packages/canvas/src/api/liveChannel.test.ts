import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openLiveChannel } from './liveChannel'

/** A stand-in for the browser's EventSource: the test opens, fails and feeds it. */
class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2
  static opened: FakeEventSource[] = []
  readyState = 0
  constructor(readonly url: string) {
    super()
    FakeEventSource.opened.push(this)
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED
  }
  /** The server answered with an HTTP error: EventSource gives up for good. */
  refuse(): void {
    this.readyState = FakeEventSource.CLOSED
    this.dispatchEvent(new Event('error'))
  }
}

beforeEach(() => {
  FakeEventSource.opened = []
  vi.useFakeTimers()
  vi.stubGlobal('EventSource', FakeEventSource)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('openLiveChannel', () => {
  it('passes on the JSON of the named events, skipping malformed ones, and tells every open', () => {
    const onOpen = vi.fn()
    const onEvent = vi.fn()
    const channel = openLiveChannel('/api/x/events', ['changed'], { onOpen, onEvent })
    const source = FakeEventSource.opened[0]!
    source.dispatchEvent(new Event('open'))
    source.dispatchEvent(new MessageEvent('changed', { data: '{"n":1}' }))
    source.dispatchEvent(new MessageEvent('changed', { data: 'not json' }))
    source.dispatchEvent(new MessageEvent('other', { data: '{"n":2}' }))
    expect(onOpen).toHaveBeenCalledTimes(1)
    expect(onEvent.mock.calls).toEqual([[{ n: 1 }]])
    channel.close()
  })

  it('reconnects a refused channel, backing off, and stops for good when closed', () => {
    const channel = openLiveChannel('/api/x/events', [], { onOpen: () => {}, onEvent: () => {} })
    FakeEventSource.opened[0]!.refuse()
    vi.advanceTimersByTime(999)
    expect(FakeEventSource.opened).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.opened).toHaveLength(2)

    FakeEventSource.opened[1]!.refuse()
    vi.advanceTimersByTime(1999)
    expect(FakeEventSource.opened).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(FakeEventSource.opened).toHaveLength(3)

    FakeEventSource.opened[2]!.refuse()
    channel.close()
    vi.advanceTimersByTime(60_000)
    expect(FakeEventSource.opened).toHaveLength(3)
  })
})
