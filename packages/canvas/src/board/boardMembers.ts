import { atom, react, type Atom, type Editor, type Signal } from 'tldraw'
import { canEditDoc, type BoardRole } from '@storyloom/shared/access/roles'
import type { MemberResponse } from '@storyloom/shared/api/accounts'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** A board member as shots name them: their account id, name and role. */
export interface BoardMember {
  readonly userId: string
  readonly name: string
  readonly role: BoardRole
}

/**
 * The board's members as this page knows them (GET /api/boards/:id/members, reloaded when the
 * server says they changed), and the names of those who left while the page was open, so a shot
 * assigned to someone removed still says who that was. Empty until loaded, and in local mode
 * (no accounts, no members).
 */
export interface BoardMembers {
  readonly members: ReadonlyMap<string, BoardMember>
  readonly formerNames: ReadonlyMap<string, string>
}

/** No members: until they load, and in local mode. */
export const NO_MEMBERS: BoardMembers = { members: new Map(), formerNames: new Map() }
const membersOf = new WeakMap<Editor, Atom<BoardMembers>>()

/** The board's members for `editor`'s board: the shot panels, the strip, find and the shot list read them. */
export function boardMembersOf(editor: Editor): Atom<BoardMembers> {
  let members = membersOf.get(editor)
  if (!members) membersOf.set(editor, (members = atom('board members', NO_MEMBERS)))
  return members
}

/** Sets the board's members from the server's list; the names of those no longer there are kept as former members'. */
export function setBoardMembers(editor: Editor, list: readonly MemberResponse[]): void {
  boardMembersOf(editor).update((known) => withMemberList(known, list))
}

/** The members the server now lists, after `known`: the names of those no longer listed are kept as former members'. */
export function withMemberList({ members, formerNames }: BoardMembers, list: readonly MemberResponse[]): BoardMembers {
  const next = new Map(list.map((m) => [m.userId, { userId: m.userId, name: m.name, role: m.role }]))
  const former = new Map(formerNames)
  for (const [id, member] of members) if (!next.has(id)) former.set(id, member.name)
  for (const id of next.keys()) former.delete(id)
  return { members: next, formerNames: former }
}

/** The members a shot can be assigned to: those who can edit the board (editors and owners), by name. */
export function assignableMembers({ members }: BoardMembers): BoardMember[] {
  return [...members.values()].filter((m) => canEditDoc(m.role)).sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId))
}

/** Who a shot's assignee id names: a member, or someone no longer on the board (their last known name, if this page saw it). */
export interface Assignee {
  readonly name: string
  readonly former: boolean
  /** A former member whose name this page never saw: named "Former member" (numbered among several). */
  readonly unnamed: boolean
}

/** What a shot says for someone no longer a member whose name this page never saw. */
export const FORMER_MEMBER = 'Former member'

/**
 * Tells apart the former members whose names this page never saw among `assigned` (the account
 * ids the board's shots are assigned to, in any order): 1, 2, … in the order of their ids, so the
 * same person has the same number on the canvas, in print and in the CSV, however the shots are
 * ordered. Empty when there is at most one: a lone one is just "Former member".
 */
export function unnamedFormerNumbers({ members, formerNames }: BoardMembers, assigned: Iterable<string | null>): ReadonlyMap<string, number> {
  const unnamed = [...new Set(assigned)].filter((id): id is string => id !== null && !members.has(id) && !formerNames.has(id)).sort()
  return unnamed.length > 1 ? new Map(unnamed.map((id, i) => [id, i + 1])) : new Map()
}

/** The assignee `id` names on this board; `numbers` tells apart those never seen named (unnamedFormerNumbers over the board's shots). */
export function assigneeOf({ members, formerNames }: BoardMembers, id: string, numbers: ReadonlyMap<string, number>): Assignee {
  const member = members.get(id)
  if (member) return { name: member.name, former: false, unnamed: false }
  const name = formerNames.get(id)
  if (name !== undefined) return { name, former: true, unnamed: false }
  const number = numbers.get(id)
  return { name: number === undefined ? FORMER_MEMBER : `${FORMER_MEMBER} ${number}`, former: true, unnamed: true }
}

/** How an assignee is written out (the CSV shot list, a tooltip): the name, a former member's marked so. */
export function assigneeText(assignee: Assignee): string {
  return assignee.former && !assignee.unnamed ? `${assignee.name} (former member)` : assignee.name
}

/** Up to two initials for a badge: the first letters of the first and last words ("Ada Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean)
  if (words.length === 0) return '?'
  const first = (word: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)][0]?.segment ?? ''
  const letters = words.length === 1 ? first(words[0]!) : first(words[0]!) + first(words.at(-1)!)
  return letters.toLocaleUpperCase()
}

const colorsOf = new WeakMap<Editor, Signal<ReadonlyMap<string, string>>>()
const numbersOf = new WeakMap<Editor, Signal<ReadonlyMap<string, number>>>()

function sameEntries<V>(a: ReadonlyMap<string, V>, b: ReadonlyMap<string, V>): boolean {
  if (a.size !== b.size) return false
  for (const [id, color] of a) if (b.get(id) !== color) return false
  return true
}

/**
 * The presence colour of everyone on the board now, by user id (signed in, a person's tldraw
 * user id is their account id: see guestIdentity.ts), yours included: the colour of their cursor.
 * Someone not on the board has none. Kept in an atom that changes only when a colour does, not
 * at every cursor move: hundreds of shot badges read it.
 */
export function presenceColorsOf(editor: Editor): Signal<ReadonlyMap<string, string>> {
  let colors = colorsOf.get(editor)
  if (!colors) {
    const derive = () => {
      const map = new Map<string, string>()
      for (const peer of editor.getCollaborators()) {
        const id = accountIdOfPresence(peer.userId)
        if (!map.has(id)) map.set(id, peer.color)
      }
      map.set(editor.user.getId(), editor.user.getColor())
      return map
    }
    const value = atom('presence colours', derive(), { isEqual: sameEntries })
    editor.disposables.add(react('presence colours', () => value.set(derive())))
    colorsOf.set(editor, (colors = value))
  }
  return colors
}

/**
 * The numbers that tell apart the former members never seen named among the assignees of
 * `editor`'s shots (unnamedFormerNumbers): the badges, the inspector, find and the CSV read them.
 * Kept in an atom that changes only when a number does, not at every edit of a shot.
 */
export function formerNumbersOf(editor: Editor): Signal<ReadonlyMap<string, number>> {
  let numbers = numbersOf.get(editor)
  if (!numbers) {
    const shapes = editor.store.query.records('shape')
    const derive = () => unnamedFormerNumbers(boardMembersOf(editor).get(), shapes.get().flatMap((shape) => (shape.type === 'shot' ? [(shape as TLShotShape).props.assigneeId] : [])))
    const value = atom('former member numbers', derive(), { isEqual: sameEntries })
    editor.disposables.add(react('former member numbers', () => value.set(derive())))
    numbersOf.set(editor, (numbers = value))
  }
  return numbers
}

/** The user id a presence carries (tldraw's user record id, `user:<id>`) as the preferences' (and the account's) id. */
export function accountIdOfPresence(presenceUserId: string): string {
  return presenceUserId.startsWith('user:') ? presenceUserId.slice('user:'.length) : presenceUserId
}
