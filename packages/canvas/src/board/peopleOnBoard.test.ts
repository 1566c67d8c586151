// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { InstancePresenceRecordType, type Editor, type TLUserId } from 'tldraw'
import { headlessBoardEditor } from './testing/headlessEditor'
import { PAGE_ID } from '../sync/testing/boardFixtures'
import { peopleOnBoard } from './peopleOnBoard'

let editor: Editor | undefined
afterEach(() => editor?.dispose())

/** A peer's presence as `bindPresence` mirrors it, last active `idleMs` ago. */
function presence(clientId: string, userId: string, idleMs: number) {
  return InstancePresenceRecordType.create({
    id: InstancePresenceRecordType.createId(clientId),
    userId: `user:${userId}` as TLUserId,
    userName: userId,
    currentPageId: PAGE_ID,
    lastActivityTimestamp: Date.now() - idleMs,
  })
}

describe('peopleOnBoard', () => {
  it('lists a person who has not used the canvas for minutes (reading, working in the strip), once for two tabs', () => {
    editor = headlessBoardEditor()
    editor.store.mergeRemoteChanges(() =>
      editor!.store.put([presence('1', 'wes', 5 * 60_000), presence('2', 'ada', 0), presence('3', 'wes', 2 * 60_000)]),
    )
    expect(peopleOnBoard(editor)).toEqual(['user:ada', 'user:wes'])
  })

  it('drops a person whose presence is gone (they left: the awareness removed them)', () => {
    editor = headlessBoardEditor()
    editor.store.mergeRemoteChanges(() => editor!.store.put([presence('1', 'wes', 0)]))
    editor.store.mergeRemoteChanges(() => editor!.store.remove([InstancePresenceRecordType.createId('1')]))
    expect(peopleOnBoard(editor)).toEqual([])
  })
})
