import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardEvent } from '@storyloom/shared/events/boardEvents'
import type { GenerationView } from '@storyloom/shared/generation/api'
import { BoardGenerationFeed } from './BoardGenerationFeed'
import { generationView } from './testing/generationView'

/** A stand-in for the browser's EventSource: the test opens it and delivers events. */
class FakeEventSource extends EventTarget {
  static readonly CLOSED = 2
  static last: FakeEventSource | undefined
  readyState = 1
  constructor(readonly url: string) {
    super()
    FakeEventSource.last = this
  }
  close(): void {
    this.readyState = FakeEventSource.CLOSED
  }
  deliver(event: BoardEvent): void {
    this.dispatchEvent(new MessageEvent(event.type, { data: JSON.stringify(event) }))
  }
}

beforeEach(() => {
  vi.stubGlobal('EventSource', FakeEventSource)
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} })
  // The list and the models are never answered: only the channel matters here.
  vi.stubGlobal('fetch', () => new Promise(() => {}))
})
afterEach(() => vi.unstubAllGlobals())

describe('BoardGenerationFeed versions revision', () => {
  it('changes for the shot a versions_changed event names, and for every shot when the channel reconnects', () => {
    const feed = new BoardGenerationFeed('board1')
    feed.start()
    const channel = FakeEventSource.last!
    const before = { a: feed.versionsRevision('shape:a'), b: feed.versionsRevision('shape:b') }

    channel.deliver({ type: 'versions_changed', boardId: 'board1', shotId: 'shape:a', versionId: 'v_1', at: 1 })
    expect(feed.versionsRevision('shape:a')).not.toBe(before.a)
    expect(feed.versionsRevision('shape:b')).toBe(before.b)
    expect(feed.state.get().generations).toEqual({})

    // Changes made while the channel was away are not replayed: a (re)connect counts for every shot.
    const afterChange = { a: feed.versionsRevision('shape:a'), b: feed.versionsRevision('shape:b') }
    channel.dispatchEvent(new Event('open'))
    expect(feed.versionsRevision('shape:a')).not.toBe(afterChange.a)
    expect(feed.versionsRevision('shape:b')).not.toBe(afterChange.b)
    feed.dispose()
  })
})

describe('BoardGenerationFeed history revision', () => {
  it('changes on a history_changed event and when the channel reconnects, not on other events', () => {
    const feed = new BoardGenerationFeed('board1')
    feed.start()
    const channel = FakeEventSource.last!
    const before = feed.historyRevision()
    channel.deliver({ type: 'versions_changed', boardId: 'board1', shotId: 'shape:a', versionId: 'v_1', at: 1 })
    expect(feed.historyRevision()).toBe(before)

    channel.deliver({ type: 'history_changed', boardId: 'board1', snapshotId: 'h_AAAAAAAAAAAAAAAA', at: 2 })
    const afterChange = feed.historyRevision()
    expect(afterChange).not.toBe(before)

    channel.dispatchEvent(new Event('open'))
    expect(feed.historyRevision()).not.toBe(afterChange)
    feed.dispose()
  })
})

describe('BoardGenerationFeed worker count', () => {
  it('follows workers_changed at once, and reloads the models then and on every reconnect', async () => {
    let served = { models: [], workers: 2 }
    const asked: string[] = []
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url)
      return url === '/api/models' ? Promise.resolve(Response.json(served)) : new Promise(() => {})
    })
    const feed = new BoardGenerationFeed('board1')
    feed.start()
    const channel = FakeEventSource.last!
    channel.dispatchEvent(new Event('open'))
    await vi.waitFor(() => expect(feed.models.get()).toEqual({ status: 'ready', models: [], workers: 2, lastRefusal: null }))

    served = { models: [], workers: 1 }
    channel.deliver({ type: 'workers_changed', boardId: 'board1', workers: 1, at: 3 })
    expect(feed.models.get()).toMatchObject({ workers: 1 })
    expect(asked.filter((url) => url === '/api/models')).toHaveLength(2)

    // Joins and losses while the channel was away were missed: a reconnect reloads the count.
    served = { models: [], workers: 3 }
    channel.dispatchEvent(new Event('open'))
    await vi.waitFor(() => expect(feed.models.get()).toMatchObject({ workers: 3 }))
    feed.dispose()
  })
})

/** A started feed of board1 whose list loads answer `served()` at the time, its channel open. */
function feedServing(served: () => GenerationView[]): { feed: BoardGenerationFeed; channel: FakeEventSource } {
  vi.stubGlobal('fetch', (url: string) =>
    url === '/api/boards/board1/generations' ? Promise.resolve(Response.json({ generations: served() })) : new Promise(() => {}),
  )
  const feed = new BoardGenerationFeed('board1')
  feed.start()
  const channel = FakeEventSource.last!
  channel.dispatchEvent(new Event('open'))
  return { feed, channel }
}

describe('BoardGenerationFeed queue positions', () => {
  it("moves the queued generations back when someone else's is queued ahead of them (a big batch is interleaved)", async () => {
    const ada = (id: string, position: number) => generationView(id, { boardId: 'board1', position, requestedBy: { id: 'ada', name: 'Ada' } })
    let served = [ada('a1', 1), ada('a2', 2), ada('a3', 3)]
    const { feed, channel } = feedServing(() => served)
    const positions = () => Object.fromEntries(Object.values(feed.state.get().generations).map((g) => [g.id, g.position]))
    await vi.waitFor(() => expect(positions()).toEqual({ a1: 1, a2: 2, a3: 3 }))

    // Ben's one generation goes ahead of Ada's batch: the server now has it first.
    const ben = generationView('b1', { boardId: 'board1', position: 1, requestedBy: { id: 'ben', name: 'Ben' } })
    served = [ada('a1', 2), ada('a2', 3), ada('a3', 4), ben]
    channel.deliver({ type: 'queued', boardId: 'board1', generationId: 'b1', shotId: 'shape:s', at: 5, generation: ben })
    await vi.waitFor(() => expect(positions()).toEqual({ a1: 2, a2: 3, a3: 4, b1: 1 }))
    feed.dispose()
  })

  it('moves its queued generations up when a job on another board leaves the queue', async () => {
    let served = [generationView('a1', { boardId: 'board1', position: 3 })]
    const { feed, channel } = feedServing(() => served)
    const position = () => feed.state.get().generations['a1']?.position
    await vi.waitFor(() => expect(position()).toBe(3))

    // A job of another board started: this board hears only that the queue moved.
    served = [generationView('a1', { boardId: 'board1', position: 2 })]
    channel.deliver({ type: 'queue_moved', boardId: 'board1', at: 6 })
    await vi.waitFor(() => expect(position()).toBe(2))
    feed.dispose()
  })
})

describe('BoardGenerationFeed dismissed failures', () => {
  it('stay dismissed after a reload, per board', () => {
    const stored = new Map<string, string>()
    vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) })
    const before = new BoardGenerationFeed('board1')
    before.dismissFailure('g1')
    expect(before.dismissed.get().has('g1')).toBe(true)
    // A reload makes a new feed from what this browser kept.
    expect(new BoardGenerationFeed('board1').dismissed.get()).toEqual(new Set(['g1']))
    expect(new BoardGenerationFeed('board2').dismissed.get().size).toBe(0)
  })

  it('are dismissed for this page when the browser keeps nothing', () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError') } })
    const feed = new BoardGenerationFeed('board1')
    feed.dismissFailure('g1')
    expect(feed.dismissed.get().has('g1')).toBe(true)
  })
})

describe('BoardGenerationFeed across tabs of one browser', () => {
  /** localStorage shared by two tabs, each tab's window told (`storage`) when the other writes a key, as browsers do. */
  function twoTabs() {
    const stored = new Map<string, string>()
    const windows = [new EventTarget(), new EventTarget()]
    let writer = 0
    vi.stubGlobal('localStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => {
        stored.set(key, value)
        windows.filter((_, i) => i !== writer).forEach((w) => w.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: value })))
      },
    })
    /** Makes a feed as tab `i` (its window current while it is made, started and acts). */
    const tab = (i: number) => {
      const as = <T>(act: () => T): T => {
        writer = i
        vi.stubGlobal('window', windows[i])
        return act()
      }
      const feed = as(() => new BoardGenerationFeed('board1'))
      as(() => feed.start())
      return { feed, as }
    }
    return { tab, stored }
  }

  it('a failure dismissed in one tab leaves the other tab’s frame at once, not after a reload', () => {
    const { tab } = twoTabs()
    const one = tab(0)
    const two = tab(1)
    one.as(() => one.feed.dismissFailure('g1'))
    expect(two.feed.dismissed.get().has('g1')).toBe(true)
    one.feed.dispose()
    two.feed.dispose()
  })

  it('a generation started in one tab is offered Cancel in the other at once', () => {
    const { tab } = twoTabs()
    const one = tab(0)
    const two = tab(1)
    // What the first tab's create() writes once the server accepted the generation.
    one.as(() => localStorage.setItem('storyloom:my-generations:board1', JSON.stringify(['g7'])))
    expect(two.feed.mine.get().has('g7')).toBe(true)
    one.feed.dispose()
    two.feed.dispose()
  })

  it('a tab’s write keeps what another tab wrote just before it (that write’s event still on its way)', () => {
    const { tab, stored } = twoTabs()
    const one = tab(0)
    stored.set('storyloom:dismissed-failures:board1', JSON.stringify(['g1']))
    one.as(() => one.feed.dismissFailure('g2'))
    expect(JSON.parse(stored.get('storyloom:dismissed-failures:board1')!)).toEqual(['g1', 'g2'])
    expect(one.feed.dismissed.get()).toEqual(new Set(['g1', 'g2']))
    one.feed.dispose()
  })
})
