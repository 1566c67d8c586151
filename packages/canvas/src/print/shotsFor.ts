import { assigneeOf, assigneeText, NO_MEMBERS, unnamedFormerNumbers, type BoardMembers } from '../board/boardMembers'
import type { PresentationShot } from '../presentation/presentationShots'
import { DEFAULT_PRINT_OPTIONS, type PrintOptions, type ShotsFor } from './printOptions'

/** Someone a printed storyboard can be for: a person with shots assigned on the board, named as the canvas names them. */
export interface PrintAssignee {
  readonly accountId: string
  readonly name: string
}

/**
 * The people with shots assigned on the board, by name (the print's "Shots for" choices besides
 * Everyone and Nobody). Someone assigned who is no longer a member is among them, named as the
 * canvas names them ("Zoë (former member)"), so their shots can still be handed on.
 */
export function assigneesWithShots(shots: readonly PresentationShot[], members: BoardMembers): PrintAssignee[] {
  const ids = new Set(shots.flatMap((shot) => (shot.assigneeId === null ? [] : [shot.assigneeId])))
  const numbers = unnamedFormerNumbers(members, ids)
  return [...ids]
    .map((accountId) => ({ accountId, name: assigneeText(assigneeOf(members, accountId, numbers)) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId))
}

/** How `accountId` is named among the board's `shots`' assignees, as the canvas names them. */
export function assignedName(shots: readonly PresentationShot[], members: BoardMembers, accountId: string): string {
  return assigneeText(assigneeOf(members, accountId, unnamedFormerNumbers(members, shots.map((shot) => shot.assigneeId))))
}

/** What a printed storyboard shows of the board for a "Shots for" choice. */
export interface ShotsForPrint {
  /** The shots to print, in the board's order and with its numbers (never renumbered: "Shot 12" is the board's shot 12). */
  readonly shots: readonly PresentationShot[]
  /** Whose shots these are, for the page's header; null for everyone's. */
  readonly whose: { readonly kind: 'nobody' } | { readonly kind: 'person'; readonly name: string } | null
  /**
   * The choice named someone with no shots on the board (reassigned, gone, or an address typed
   * by hand): everyone's shots print instead, and the page says why, never a blank page.
   */
  readonly unknownPerson: boolean
}

/** The board's `shots` (all of them: former members are numbered among the whole board's, as the canvas numbers them) that print for `shotsFor`. */
export function shotsForPrint(shots: readonly PresentationShot[], shotsFor: ShotsFor, members: BoardMembers): ShotsForPrint {
  if (shotsFor.kind === 'everyone') return { shots, whose: null, unknownPerson: false }
  if (shotsFor.kind === 'nobody') return { shots: shots.filter((shot) => shot.assigneeId === null), whose: { kind: 'nobody' }, unknownPerson: false }
  const theirs = shots.filter((shot) => shot.assigneeId === shotsFor.accountId)
  if (theirs.length === 0) return { shots, whose: null, unknownPerson: true }
  return { shots: theirs, whose: { kind: 'person', name: assignedName(shots, members, shotsFor.accountId) }, unknownPerson: false }
}

/** The print's choices about people, as they apply to this board and audience. */
export interface AssigneeChoices {
  /** The options the address asks for, without "Assigned to" and for everyone where those are not offered. */
  readonly options: PrintOptions
  /** The "Shots for" people (besides Everyone and Nobody); null where neither choice is offered. */
  readonly assignees: readonly PrintAssignee[] | null
  /** Who names the assignees: none where they are not shown. */
  readonly members: BoardMembers
}

/**
 * Whether "Assigned to" and "Shots for" are offered, and so followed when the address asks for
 * them: on a board with members, or with shots assigned already (as the inspector offers
 * Assigned to). Not in local mode (no accounts, no one to assign), and never where `members` is
 * null: a review link's client is not told who on the team draws what.
 */
export function assigneeChoices(shots: readonly PresentationShot[], members: BoardMembers | null, asked: PrintOptions): AssigneeChoices {
  const offered = members !== null && (members.members.size > 0 || shots.some((shot) => shot.assigneeId !== null))
  if (offered) return { options: asked, assignees: assigneesWithShots(shots, members), members }
  const fields = new Set([...asked.fields].filter((field) => field !== 'assignee'))
  return { options: { ...asked, fields, shotsFor: DEFAULT_PRINT_OPTIONS.shotsFor }, assignees: null, members: NO_MEMBERS }
}
