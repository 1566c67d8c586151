import { describe, expect, it } from 'vitest'
import { HistoryManager, createShapeId, type TLRecord } from 'tldraw'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardStoreWith, PAGE_ID } from './testing/boardFixtures'
import { undoOwnChangesOnly } from './undoOwnChangesOnly'
import { splitUndoWhereOthersTyped } from './splitUndoWhereOthersTyped'

/** A store with one shot, tldraw's undo history over it, both wired as the board wires them. */
function shotWithHistory(dialogue: string) {
  const shot = createShotShape({ id: createShapeId('shot'), parentId: PAGE_ID, index: 'a1' as never, props: { dialogue } })
  const store = boardStoreWith(shot)
  undoOwnChangesOnly(store)
  const history = new HistoryManager<TLRecord>({ store })
  const mark = (id: string) => (history as unknown as { _mark(id: string): void })._mark(id)
  splitUndoWhereOthersTyped({ store, markHistoryStoppingPoint: (name = 'stop') => (mark(name), name), isReplayingHistory: () => (history as unknown as { isReplaying(): boolean }).isReplaying() })
  mark('focus')
  const dialogue_ = () => (store.get(shot.id) as TLShotShape).props.dialogue
  const type = (text: string) => store.update(shot.id, (s) => ({ ...(s as TLShotShape), props: { ...(s as TLShotShape).props, dialogue: (s as TLShotShape).props.dialogue + text } }))
  const othersType = (edit: (text: string) => string) =>
    store.mergeRemoteChanges(() => store.update(shot.id, (s) => ({ ...(s as TLShotShape), props: { ...(s as TLShotShape).props, dialogue: edit((s as TLShotShape).props.dialogue) } })))
  return { history, dialogue: dialogue_, type, othersType }
}

describe('undo of a typed field someone else types into too', () => {
  it('takes back my words and keeps theirs when they typed after me (it did nothing: my words stayed)', () => {
    const { history, dialogue, type, othersType } = shotWithHistory('MARA:')
    type(' Where')
    type(' is he?')
    othersType((text) => `${text} (beat)`)
    history.undo()
    expect(dialogue()).toBe('MARA: (beat)')
    history.redo()
    expect(dialogue()).toBe('MARA: Where is he? (beat)')
  })

  it('keeps their words typed in the middle of my typing (my undo took them out for everyone)', () => {
    const { history, dialogue, type, othersType } = shotWithHistory('Rain.')
    type(' Mara runs')
    othersType((text) => `THE MARKET. ${text}`)
    type(' home.')
    expect(dialogue()).toBe('THE MARKET. Rain. Mara runs home.')
    history.undo()
    expect(dialogue()).toBe('THE MARKET. Rain. Mara runs')
    history.undo()
    expect(dialogue()).toBe('THE MARKET. Rain.')
    history.redo()
    history.redo()
    expect(dialogue()).toBe('THE MARKET. Rain. Mara runs home.')
  })

  it('leaves the field as it is when their edit overlaps mine', () => {
    const { history, dialogue, type, othersType } = shotWithHistory('Rain.')
    type(' Mara runs')
    othersType(() => 'Snow.')
    history.undo()
    expect(dialogue()).toBe('Snow.')
  })
})
