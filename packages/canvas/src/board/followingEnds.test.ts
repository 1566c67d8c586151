// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { InstancePresenceRecordType, type Editor, type TLUserId } from 'tldraw'
import { headlessBoardEditor } from './testing/headlessEditor'
import { PAGE_ID } from '../sync/testing/boardFixtures'
import { canvasPointer } from './testing/canvasPointer'
import { stopFollowingOnOwnInput } from './followingEnds'

let editor: Editor | undefined
let stop: (() => void) | undefined
afterEach(() => {
  stop?.()
  editor?.dispose()
})

const ADA = 'user:ada' as TLUserId

/** An editor following Ada, who looks at a far part of the board. */
function followingAda(): Editor {
  editor = headlessBoardEditor()
  editor.store.mergeRemoteChanges(() =>
    editor!.store.put([
      InstancePresenceRecordType.create({
        id: InstancePresenceRecordType.createId('1'),
        userId: ADA,
        userName: 'Ada',
        currentPageId: PAGE_ID,
        camera: { x: -5000, y: -3000, z: 1 },
        screenBounds: { x: 0, y: 0, w: 800, h: 600 },
      }),
    ]),
  )
  stop = stopFollowingOnOwnInput(editor)
  editor.startFollowingUser(ADA)
  expect(editor.getInstanceState().followingUserId).toBe(ADA)
  return editor
}

describe('stopFollowingOnOwnInput', () => {
  it('stops following on Escape (tldraw cancels the interaction)', () => {
    const editor = followingAda()
    editor.cancel()
    expect(editor.getInstanceState().followingUserId).toBeNull()
  })

  it('stops following on a click on the canvas', () => {
    const editor = followingAda()
    canvasPointer(editor, 'pointer_down', 10, 10)
    expect(editor.getInstanceState().followingUserId).toBeNull()
  })

  it('keeps following while nothing is pressed', () => {
    const editor = followingAda()
    editor.dispatch({ type: 'misc', name: 'complete' })
    expect(editor.getInstanceState().followingUserId).toBe(ADA)
  })
})
