// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor, IndexKey } from 'tldraw'
import { headlessBoardEditor } from './testing/headlessEditor'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { assignableMembers, assigneeOf, assigneeText, boardMembersOf, formerNumbersOf, initialsOf, setBoardMembers, unnamedFormerNumbers, type BoardMembers } from './boardMembers'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** No former member to tell apart from another. */
const NONE: ReadonlyMap<string, number> = new Map()

const member = (userId: string, name: string, role: 'viewer' | 'commenter' | 'editor' | 'owner') => ({ userId, name, email: `${userId}@example.com`, role })

describe('board members for assigning shots', () => {
  it('offers the members who can edit, by name, and names everyone assigned', () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    setBoardMembers(editor, [member('zoe', 'Zoë', 'owner'), member('vic', 'Vic', 'viewer'), member('ada', 'Ada', 'editor'), member('cam', 'Cam', 'commenter')])
    const members = boardMembersOf(editor).get()
    expect(assignableMembers(members).map((m) => m.name)).toEqual(['Ada', 'Zoë'])
    expect(assigneeOf(members, 'vic', NONE)).toEqual({ name: 'Vic', former: false, unnamed: false })
    expect(assigneeOf(members, 'unknown', NONE)).toEqual({ name: 'Former member', former: true, unnamed: true })
  })

  it('keeps the name of someone removed while the board is open, as a former member', () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    setBoardMembers(editor, [member('ada', 'Ada', 'owner'), member('ben', 'Ben', 'editor')])
    setBoardMembers(editor, [member('ada', 'Ada', 'owner')])
    const members = boardMembersOf(editor).get()
    expect(assigneeOf(members, 'ben', NONE)).toEqual({ name: 'Ben', former: true, unnamed: false })
    expect(assigneeText(assigneeOf(members, 'ben', NONE))).toBe('Ben (former member)')
    expect(assigneeText(assigneeOf(members, 'nobody-known', NONE))).toBe('Former member')
    // Back on the board: a member again.
    setBoardMembers(editor, [member('ada', 'Ada', 'owner'), member('ben', 'Ben', 'viewer')])
    expect(assigneeOf(boardMembersOf(editor).get(), 'ben', NONE)).toEqual({ name: 'Ben', former: false, unnamed: false })
  })

  it('tells apart the former members this page never saw named: numbered by account id when the board has several, plain when one', () => {
    const members: BoardMembers = { members: new Map([['ada', { userId: 'ada', name: 'Ada', role: 'owner' }]]), formerNames: new Map([['ben', 'Ben']]) }
    // The board's shots' assignees, in whatever order its shots come: a member, a named former member, two never named, and nobody.
    const numbers = unnamedFormerNumbers(members, ['zed', 'ada', null, 'ben', 'kim', 'zed'])
    expect(assigneeOf(members, 'kim', numbers)).toEqual({ name: 'Former member 1', former: true, unnamed: true })
    expect(assigneeText(assigneeOf(members, 'zed', numbers))).toBe('Former member 2')
    expect(assigneeOf(members, 'ben', numbers)).toEqual({ name: 'Ben', former: true, unnamed: false })
    expect(assigneeOf(members, 'ada', numbers)).toEqual({ name: 'Ada', former: false, unnamed: false })
    // The same numbers from the shots in another order.
    expect(unnamedFormerNumbers(members, ['kim', 'zed'])).toEqual(numbers)
    // Only one: no number to tell apart by.
    expect(assigneeOf(members, 'zed', unnamedFormerNumbers(members, ['zed', 'ada', 'ben'])).name).toBe('Former member')
  })

  it('numbers the board’s unnamed former members for the canvas, following its shots’ assignees live', () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    setBoardMembers(editor, [member('ada', 'Ada', 'owner')])
    const assigned = (assigneeId: string) => createShotShape({ parentId: editor.getCurrentPageId(), index: 'a1' as IndexKey, props: { assigneeId } })
    const zed = assigned('zed')
    editor.store.put([assigned('ada'), zed])
    expect(formerNumbersOf(editor).get()).toEqual(new Map())
    editor.store.put([assigned('kim')])
    expect(formerNumbersOf(editor).get()).toEqual(new Map([['kim', 1], ['zed', 2]]))
    editor.store.remove([zed.id])
    expect(formerNumbersOf(editor).get()).toEqual(new Map())
  })

  it('writes up to two initials, whole letters', () => {
    expect(initialsOf('Ada Lovelace')).toBe('AL')
    expect(initialsOf('  ben  ')).toBe('B')
    expect(initialsOf('Jean-Luc de la Rue')).toBe('JR')
    expect(initialsOf('Ümit Öz')).toBe('ÜÖ')
    // A letter with a combining mark, and an emoji, stay whole.
    expect(initialsOf('E\u0301mile')).toBe('E\u0301')
    expect(initialsOf('👩🏽‍🎨 Kim')).toBe('👩🏽‍🎨K')
    expect(initialsOf('')).toBe('?')
  })
})
