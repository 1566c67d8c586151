import { describe, expect, it } from 'vitest'
import { MAX_ASSET_COPY_URLS, type AssetCopyResponse } from '@storyloom/shared/api/assetCopies'
import { ApiError } from '../api/apiClient'
import { AssetCopyQueue, type AssetCopyOutcome } from './assetCopyQueue'

const url = (board: string, n: number) => `/api/boards/${board.padEnd(16, '0')}/assets/${n.toString(16).padStart(64, '0')}`
const here = (from: string) => from.replace(/boards\/[^/]+/, 'boards/HereHereHereHere')

/** A queue over a stand-in server: `answer` decides each request's fate. */
function queueWith(answer: (urls: readonly string[]) => Promise<AssetCopyResponse>) {
  const requests: string[][] = []
  const outcomes: AssetCopyOutcome[] = []
  const queue = new AssetCopyQueue(
    (urls) => {
      requests.push([...urls])
      return answer(urls)
    },
    (outcome) => outcomes.push(outcome),
  )
  return { queue, requests, outcomes }
}

const copyAll = (urls: readonly string[]) => Promise.resolve({ copies: urls.map((from) => ({ from, url: here(from) })), refused: [] })

describe('copying pasted pictures', () => {
  it('asks in batches the server accepts, once per URL, and remembers the answers', async () => {
    const { queue, requests, outcomes } = queueWith(copyAll)
    const many = Array.from({ length: MAX_ASSET_COPY_URLS + 3 }, (_, i) => url('a', i))
    queue.add(many)
    await queue.flush()
    expect(requests.map((r) => r.length)).toEqual([MAX_ASSET_COPY_URLS, 3])
    expect(queue.copies.get(many[0]!)).toBe(here(many[0]!))
    expect(outcomes.map((o) => o.kind)).toEqual(['copied', 'copied'])
    queue.add(many)
    await queue.flush()
    expect(requests).toHaveLength(2)
  })

  it('reports refusals by reason and does not ask for them again', async () => {
    const { queue, requests, outcomes } = queueWith((urls) =>
      Promise.resolve({ copies: [{ from: urls[0]!, url: here(urls[0]!) }], refused: urls.slice(1).map((from) => ({ from, code: 'board_forbidden' as const })) }),
    )
    queue.add([url('a', 1), url('b', 2), url('b', 3)])
    await queue.flush()
    expect(outcomes[1]).toEqual({ kind: 'refused', code: 'board_forbidden', urls: [url('b', 2), url('b', 3)] })
    queue.add([url('b', 2)])
    expect(queue.waiting).toBe(false)
    expect(requests).toHaveLength(1)
  })

  it('keeps what it could not send while offline, and sends it on retry', async () => {
    let online = false
    const { queue, outcomes } = queueWith((urls) => (online ? copyAll(urls) : Promise.reject(new ApiError('unreachable', 'Cannot reach the Storyloom server.', null))))
    queue.add([url('a', 1)])
    await queue.flush()
    expect(outcomes).toEqual([{ kind: 'waiting', urls: [url('a', 1)] }])
    expect(queue.waiting).toBe(true)
    online = true
    await queue.retry()
    expect(queue.copies.get(url('a', 1))).toBe(here(url('a', 1)))
    expect(queue.waiting).toBe(false)
  })

  it('gives up, saying why, when the server refuses the request itself', async () => {
    const { queue, outcomes } = queueWith(() => Promise.reject(new ApiError('role_required', 'Only editors can do this.', 403)))
    queue.add([url('a', 1)])
    await queue.flush()
    expect(outcomes).toEqual([{ kind: 'failed', urls: [url('a', 1)], message: 'Only editors can do this.' }])
    expect(queue.waiting).toBe(false)
  })
})
