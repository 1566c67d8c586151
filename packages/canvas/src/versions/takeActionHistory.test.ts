// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createShapeId, type Editor } from 'tldraw'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { headlessBoardEditor } from '../board/testing/headlessEditor'
import { undoOwnChangesOnly } from '../sync/undoOwnChangesOnly'
import { flipTake, takeActionHistory, type FlipOutcome, type TakeActionHistory, type TakeRequests } from './takeActionHistory'
import { shotVersion } from './testing/shotVersionFixture'

/** The server's takes, by id, and the requests that changed them. */
function fakeServer(takes: ShotVersion[]) {
  const rows = new Map(takes.map((take) => [take.id, take]))
  const changes: string[] = []
  let clock = 0
  const set = (id: string, deletedAt: string | null) => {
    const row = { ...rows.get(id)!, deletedAt }
    rows.set(id, row)
    return row
  }
  const requests: TakeRequests = {
    get: async (_board, id) => rows.get(id)!,
    remove: async (_board, id) => {
      changes.push(`delete ${id}`)
      return set(id, `2026-01-01T00:00:0${++clock}.000Z`)
    },
    restore: async (_board, id) => {
      changes.push(`restore ${id}`)
      return set(id, null)
    },
  }
  return { rows, changes, requests, set }
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
    const deleted = await server.requests.remove('b', 'v1')
    history.record({ boardId: 'b', versionId: 'v1', deleted: true, left: deleted.deletedAt })
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
    history.record({ boardId: 'b', versionId: 'v3', deleted: false, left: null }, () =>
      editor.updateShape({ id: box, type: 'geo', meta: { shows: 'v3' } }),
    )
    editor.undo()
    await answered(1)
    expect(server.changes).toEqual(['delete v3'])
    expect(editor.getShape(box)!.meta).toEqual({})
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
})

describe('flipTake', () => {
  it('redoes nothing that was never undone', async () => {
    const server = fakeServer([shotVersion('v1', null)])
    const outcome = await flipTake(server.requests, { boardId: 'b', versionId: 'v1', deleted: true, left: null }, false)
    expect(outcome).toBe('changed-since')
    expect(server.changes).toEqual([])
  })

  it('does not delete again a restored take someone deleted since (their delete stands)', async () => {
    const server = fakeServer([shotVersion('v1', null, { deletedAt: '2026-03-03T00:00:00.000Z' })])
    const outcome = await flipTake(server.requests, { boardId: 'b', versionId: 'v1', deleted: false, left: null }, true)
    expect(outcome).toBe('changed-since')
    expect(server.changes).toEqual([])
  })
})
