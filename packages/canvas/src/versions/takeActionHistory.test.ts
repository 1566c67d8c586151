// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createShapeId, type Editor } from 'tldraw'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { headlessBoardEditor } from '../board/testing/headlessEditor'
import { undoOwnChangesOnly } from '../sync/undoOwnChangesOnly'
import { flipTake, takeActionHistory, type FlipOutcome, type TakeActionHistory, type TakeRequests } from './takeActionHistory'
import { shotVersion } from './testing/shotVersionFixture'

/**
 * The server's takes, by id, and the requests that changed them. As the real one, a delete or
 * restore counts in the take's revision, and one naming another revision is refused (null).
 */
function fakeServer(takes: ShotVersion[]) {
  const rows = new Map(takes.map((take) => [take.id, take]))
  const changes: string[] = []
  /** Deletes (a time) or restores (null) a take as anyone may, counting the change. */
  const set = (id: string, deletedAt: string | null) => {
    const now = rows.get(id)!
    const row = (now.deletedAt === null) === (deletedAt === null) ? now : { ...now, deletedAt, revision: now.revision + 1 }
    rows.set(id, row)
    return row
  }
  const change = (id: string, deletedAt: string | null, ifRevision?: number) => {
    if (ifRevision !== undefined && rows.get(id)!.revision !== ifRevision) return null
    changes.push(`${deletedAt === null ? 'restore' : 'delete'} ${id}`)
    return set(id, deletedAt)
  }
  const requests = {
    remove: async (_board: string, id: string, ifRevision?: number) => change(id, '2026-01-01T00:00:00.000Z', ifRevision),
    restore: async (_board: string, id: string, ifRevision?: number) => change(id, null, ifRevision),
  } satisfies TakeRequests
  return { rows, changes, requests, set }
}

/** A request the test answers when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => (resolve = done))
  return { promise, resolve }
}

const box = createShapeId('box')

describe('takeActionHistory', () => {
  let editor: Editor
  let history: TakeActionHistory
  let server: ReturnType<typeof fakeServer>
  let outcomes: string[]

  /** Waits until the undos and redos asked for so far have been answered. */
  const answered = (count: number) => vi.waitFor(() => expect(outcomes).toHaveLength(count))
  const x = () => editor.getShape(box)!.x

  beforeEach(() => {
    editor = headlessBoardEditor()
    undoOwnChangesOnly(editor.store) // as BoardSession does
    editor.createShape({ id: box, type: 'geo', x: 0, y: 0 })
    server = fakeServer([shotVersion('v1', null), shotVersion('v2', 'v1')])
    outcomes = []
    history = takeActionHistory(editor, server.requests, {
      onOutcome: (outcome: FlipOutcome, undo) => outcomes.push(`${undo ? 'undo' : 'redo'} ${outcome}`),
      onError: (cause) => outcomes.push(`error ${String(cause)}`),
    })
    editor.clearHistory()
  })
  afterEach(() => {
    history.dispose()
    editor.dispose()
  })

  /** This person moves the box, then deletes take v1 (the server has done it). */
  const moveThenDelete = async () => {
    editor.markHistoryStoppingPoint('move')
    editor.updateShape({ id: box, type: 'geo', x: 100 })
    history.record(server.requests.remove('b', 'v1').then((deleted) => ({ boardId: 'b', versionId: 'v1', deleted: true, left: deleted!.revision })))
    await vi.waitFor(() => expect(server.changes).toEqual(['delete v1']))
    server.changes.length = 0
  }

  it('undoes the delete, not the move before it; the next undo the move; redo in order', async () => {
    await moveThenDelete()
    editor.undo()
    await answered(1)
    expect(server.changes).toEqual(['restore v1'])
    expect(server.rows.get('v1')!.deletedAt).toBeNull()
    expect(x()).toBe(100)

    editor.undo()
    expect(x()).toBe(0)
    expect(server.changes).toEqual(['restore v1'])

    editor.redo()
    expect(x()).toBe(100)
    editor.redo()
    await answered(2)
    expect(server.changes).toEqual(['restore v1', 'delete v1'])
    expect(server.rows.get('v1')!.deletedAt).not.toBeNull()
    expect(outcomes).toEqual(['undo done', 'redo done'])
  })

  it('undoes and redoes the same step again and again', async () => {
    await moveThenDelete()
    for (let round = 1; round <= 3; round++) {
      editor.undo()
      editor.redo()
    }
    await answered(6)
    expect(server.changes).toEqual(['restore v1', 'delete v1', 'restore v1', 'delete v1', 'restore v1', 'delete v1'])
    expect(x()).toBe(100)
  })

  it('leaves the take to someone who changed it since: nothing restored, the person told', async () => {
    await moveThenDelete()
    // Ben restored it and deleted it again: his delete, not Ada's, is what the take shows now.
    server.set('v1', null)
    server.set('v1', '2026-02-02T00:00:00.000Z')
    editor.undo()
    await answered(1)
    expect(outcomes).toEqual(['undo changed-since'])
    expect(server.changes).toEqual([])
    expect(server.rows.get('v1')!.deletedAt).toBe('2026-02-02T00:00:00.000Z')
    expect(x()).toBe(100) // the step is used up; the move is the next one
  })

  it('takes back a take brought back as new with the switch to it, and redo restores the same take', async () => {
    const brought = shotVersion('v3', 'v2', { source: 'restore', restoredFromId: 'v1' })
    server.rows.set('v3', brought)
    // As the panel does: the shot shows the new take once the server made it, outside the history.
    const show = (shows: string) => editor.run(() => editor.updateShape({ id: box, type: 'geo', meta: { shows } }), { history: 'ignore' })
    show('v2')
    history.record(
      Promise.resolve(brought).then((made) => {
        show(made.id)
        return { boardId: 'b', versionId: made.id, deleted: false, left: made.revision, follow: (undo: boolean) => show(undo ? 'v2' : made.id) }
      }),
    )
    await vi.waitFor(() => expect(editor.getShape(box)!.meta).toEqual({ shows: 'v3' }))
    editor.undo()
    await answered(1)
    expect(server.changes).toEqual(['delete v3'])
    expect(editor.getShape(box)!.meta).toEqual({ shows: 'v2' })
    editor.redo()
    await answered(2)
    expect(server.changes).toEqual(['delete v3', 'restore v3'])
    expect(editor.getShape(box)!.meta).toEqual({ shows: 'v3' })
    expect(server.rows.size).toBe(3) // no second copy
  })

  it('forgets the redo once the person makes a new edit', async () => {
    await moveThenDelete()
    editor.undo()
    await answered(1)
    editor.markHistoryStoppingPoint('another move')
    editor.updateShape({ id: box, type: 'geo', x: 300 })
    editor.redo()
    expect(outcomes).toEqual(['undo done'])
    expect(server.changes).toEqual(['restore v1'])
  })

  it('keeps an edit made after the action without a stopping point out of its step', async () => {
    await moveThenDelete()
    editor.updateShape({ id: box, type: 'geo', y: 50 })
    editor.undo()
    expect(editor.getShape(box)!.y).toBe(0)
    expect(server.changes).toEqual([])
    editor.undo()
    await answered(1)
    expect(server.changes).toEqual(['restore v1'])
    expect(x()).toBe(100)
  })

  describe('actions answered out of order', () => {
    /** A delete clicked now, answered by the server when the test says. */
    const clickDelete = (id: string) => {
      const answer = deferred<void>()
      history.record(
        answer.promise.then(async () => {
          const deleted = await server.requests.remove('b', id)
          return { boardId: 'b', versionId: id, deleted: true, left: deleted!.revision }
        }),
      )
      return answer
    }

    it('undoes the last clicked first, whichever the server answered first', async () => {
      const first = clickDelete('v1')
      const second = clickDelete('v2')
      second.resolve()
      await vi.waitFor(() => expect(server.changes).toEqual(['delete v2']))
      first.resolve()
      await vi.waitFor(() => expect(server.changes).toEqual(['delete v2', 'delete v1']))
      server.changes.length = 0
      editor.undo()
      await answered(1)
      expect(server.changes).toEqual(['restore v2'])
      editor.undo()
      await answered(2)
      expect(server.changes).toEqual(['restore v2', 'restore v1'])
    })

    it('waits for the answer of an action undone before the server answered it', async () => {
      const answer = clickDelete('v1')
      editor.undo()
      answer.resolve()
      await answered(1)
      expect(server.changes).toEqual(['delete v1', 'restore v1'])
      expect(server.rows.get('v1')!.deletedAt).toBeNull()
    })

    it('passes over an action the server refused: one Ctrl+Z undoes the edit before it', async () => {
      editor.markHistoryStoppingPoint('move')
      editor.updateShape({ id: box, type: 'geo', x: 100 })
      history.record(Promise.reject(new Error('refused')))
      await new Promise((settled) => setTimeout(settled)) // the refusal came (the panel said so)
      editor.undo()
      await Promise.resolve()
      expect(x()).toBe(0)
      expect(server.changes).toEqual([])
      expect(outcomes).toEqual([])
    })

    it('passes over a refused action at once, even while an earlier undo waits for the server', async () => {
      editor.markHistoryStoppingPoint('move')
      editor.updateShape({ id: box, type: 'geo', x: 100 })
      history.record(Promise.reject(new Error('refused')))
      const second = clickDelete('v2')
      second.resolve()
      await vi.waitFor(() => expect(server.changes).toEqual(['delete v2']))
      // The server is slow to answer the undo of the delete.
      const slow = deferred<void>()
      const restore = server.requests.restore
      server.requests.restore = async (...args) => {
        await slow.promise
        return restore(...args)
      }
      editor.undo() // the delete of v2: waits for the server
      editor.undo() // the refused action: passed over, to the move, in this same task
      await Promise.resolve()
      expect(x()).toBe(0)
      // An edit made while the server still works on the first undo is not undone by it.
      editor.markHistoryStoppingPoint('another move')
      editor.updateShape({ id: box, type: 'geo', y: 70 })
      slow.resolve()
      await answered(1)
      expect(outcomes).toEqual(['undo done'])
      expect(editor.getShape(box)!.y).toBe(70)
      expect(x()).toBe(0)
    })

    it('undoes nothing else when an action undone before its answer is then refused; the person is told', async () => {
      editor.markHistoryStoppingPoint('move')
      editor.updateShape({ id: box, type: 'geo', x: 100 })
      const answer = deferred<void>()
      history.record(answer.promise.then(() => Promise.reject(new Error('refused'))))
      editor.undo() // before the server answered
      // The person goes on working before the refusal comes.
      editor.markHistoryStoppingPoint('another move')
      editor.updateShape({ id: box, type: 'geo', y: 70 })
      answer.resolve()
      await answered(1)
      expect(outcomes).toEqual(['undo refused'])
      expect(editor.getShape(box)!.y).toBe(70)
      expect(x()).toBe(100)
      expect(server.changes).toEqual([])
    })
  })
})

describe('flipTake', () => {
  it('redoes nothing that was never undone', async () => {
    const server = fakeServer([shotVersion('v1', null)])
    const outcome = await flipTake(server.requests, { boardId: 'b', versionId: 'v1', deleted: true, left: 0 }, false)
    expect(outcome).toBe('changed-since')
    expect(server.changes).toEqual([])
  })

  it('does not delete again a restored take someone deleted since (their delete stands)', async () => {
    const server = fakeServer([shotVersion('v1', null, { deletedAt: '2026-03-03T00:00:00.000Z', revision: 3 })])
    const outcome = await flipTake(server.requests, { boardId: 'b', versionId: 'v1', deleted: false, left: 2 }, true)
    expect(outcome).toBe('changed-since')
    expect(server.changes).toEqual([])
  })

  it('does not delete a take someone deleted and restored since: live as the restore left it, but theirs', async () => {
    const server = fakeServer([shotVersion('v1', null, { revision: 2 })])
    // Ada restored it (revision 2); Ben deleted it and restored it again.
    server.set('v1', '2026-03-03T00:00:00.000Z')
    server.set('v1', null)
    const outcome = await flipTake(server.requests, { boardId: 'b', versionId: 'v1', deleted: false, left: 2 }, true)
    expect(outcome).toBe('changed-since')
    expect(server.rows.get('v1')).toMatchObject({ deletedAt: null, revision: 4 })
  })
})
