// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor } from 'tldraw'
import { headlessBoardEditor } from './testing/headlessEditor'
import { assignableMembers, assigneeOf, assigneeText, boardMembersOf, initialsOf, setBoardMembers } from './boardMembers'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

const member = (userId: string, name: string, role: 'viewer' | 'commenter' | 'editor' | 'owner') => ({ userId, name, email: `${userId}@example.com`, role })

describe('board members for assigning shots', () => {
  it('offers the members who can edit, by name, and names everyone assigned', () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    setBoardMembers(editor, [member('zoe', 'Zoë', 'owner'), member('vic', 'Vic', 'viewer'), member('ada', 'Ada', 'editor'), member('cam', 'Cam', 'commenter')])
    const members = boardMembersOf(editor).get()
    expect(assignableMembers(members).map((m) => m.name)).toEqual(['Ada', 'Zoë'])
    expect(assigneeOf(members, 'vic')).toEqual({ name: 'Vic', former: false })
    expect(assigneeOf(members, 'unknown')).toEqual({ name: 'Former member', former: true })
  })

  it('keeps the name of someone removed while the board is open, as a former member', () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    setBoardMembers(editor, [member('ada', 'Ada', 'owner'), member('ben', 'Ben', 'editor')])
    setBoardMembers(editor, [member('ada', 'Ada', 'owner')])
    const members = boardMembersOf(editor).get()
    expect(assigneeOf(members, 'ben')).toEqual({ name: 'Ben', former: true })
    expect(assigneeText(assigneeOf(members, 'ben'))).toBe('Ben (former member)')
    expect(assigneeText(assigneeOf(members, 'nobody-known'))).toBe('Former member')
    // Back on the board: a member again.
    setBoardMembers(editor, [member('ada', 'Ada', 'owner'), member('ben', 'Ben', 'viewer')])
    expect(assigneeOf(boardMembersOf(editor).get(), 'ben')).toEqual({ name: 'Ben', former: false })
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
