import { describe, expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene, createSceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { BoardMembers } from '../board/boardMembers'
import { presentationModel } from '../presentation/presentationShots'
import { printSections } from './printLayout'
import { DEFAULT_PRINT_OPTIONS, type PrintOptions } from './printOptions'
import { assigneeChoices, assigneesWithShots, shotsForPrint } from './shotsFor'

const ADA = 'ada_account_0001'
const BEN = 'ben_account_0001'
const ZOE = 'zoe_account_0001'
const CAM = 'cam_account_0001'

const members: BoardMembers = {
  members: new Map([
    [ADA, { userId: ADA, name: 'Ada', role: 'owner' }],
    [BEN, { userId: BEN, name: 'Ben', role: 'editor' }],
    [CAM, { userId: CAM, name: 'Cam', role: 'editor' }],
  ]),
  formerNames: new Map([[ZOE, 'Zoë']]),
}

/** Kitchen: Ada, Ben, Ada; Street: Ben; Garden: nobody; no scene: Zoë (who left the board). */
function board() {
  const scenes = ['Kitchen', 'Street', 'Garden'].map((name, i) => createScene({ id: createSceneId(name), order: `a${i + 1}` as IndexKey, name }))
  const shot = (title: string, scene: number | null, order: string, assigneeId: string | null) =>
    createShotShape({ parentId: 'page:p' as TLParentId, index: order as IndexKey, props: { title, sceneId: scene === null ? null : scenes[scene]!.id, order: order as IndexKey, assigneeId } })
  return presentationModel([
    createBoardSettings({ fps: 24 }),
    ...scenes,
    shot('Kettle', 0, 'a1', ADA),
    shot('Toast', 0, 'a2', BEN),
    shot('Steam', 0, 'a3', ADA),
    shot('Bus', 1, 'a1', BEN),
    shot('Roses', 2, 'a1', null),
    shot('Loose', null, 'a1', ZOE),
  ]).shots
}

const numbered = (shots: readonly { number: string; title: string }[]) => shots.map((s) => `${s.number} ${s.title}`)

describe('whose shots print', () => {
  it('offers the people with shots on the board, by name, a former member as the canvas says it; not the members with none', () => {
    expect(assigneesWithShots(board(), members)).toEqual([
      { accountId: ADA, name: 'Ada' },
      { accountId: BEN, name: 'Ben' },
      { accountId: ZOE, name: 'Zoë (former member)' },
    ])
    // Three people this page never saw named: told apart, numbered in the order of their account ids, as the canvas numbers them.
    const strangers = { members: new Map(), formerNames: new Map() }
    expect(assigneesWithShots(board(), strangers)).toEqual([
      { accountId: ADA, name: 'Former member 1' },
      { accountId: BEN, name: 'Former member 2' },
      { accountId: ZOE, name: 'Former member 3' },
    ])
    expect(shotsForPrint(board(), { kind: 'person', accountId: BEN }, strangers).whose).toEqual({ kind: 'person', name: 'Former member 2' })
  })

  it('prints one person\'s shots under the board\'s numbers, and only the scenes they have shots in', () => {
    const forBen = shotsForPrint(board(), { kind: 'person', accountId: BEN }, members)
    expect(numbered(forBen.shots)).toEqual(['1.2 Toast', '2.1 Bus'])
    expect(forBen.whose).toEqual({ kind: 'person', name: 'Ben' })
    expect(forBen.unknownPerson).toBe(false)
    expect(printSections(forBen.shots, 3).map((s) => s.scene?.name)).toEqual(['Kitchen', 'Street'])
    expect(numbered(shotsForPrint(board(), { kind: 'person', accountId: ZOE }, members).shots)).toEqual(['0.1 Loose'])
  })

  it('prints the shots assigned to nobody', () => {
    const unassigned = shotsForPrint(board(), { kind: 'nobody' }, members)
    expect(numbered(unassigned.shots)).toEqual(['3.1 Roses'])
    expect(unassigned.whose).toEqual({ kind: 'nobody' })
  })

  it('prints everything, and says so, for someone with no shots on the board: a member with none, a stranger, an address made up', () => {
    const shots = board()
    for (const accountId of [CAM, 'someone_else_001', '<script>', '']) {
      const shown = shotsForPrint(shots, { kind: 'person', accountId }, members)
      expect(shown.shots, accountId).toBe(shots)
      expect(shown.unknownPerson, accountId).toBe(true)
      expect(shown.whose, accountId).toBeNull()
    }
  })

  it('prints everyone\'s shots by default', () => {
    const shots = board()
    expect(shotsForPrint(shots, { kind: 'everyone' }, members)).toEqual({ shots, whose: null, unknownPerson: false })
  })
})

describe('where "Assigned to" and "Shots for" are offered', () => {
  const asked: PrintOptions = { ...DEFAULT_PRINT_OPTIONS, fields: new Set(['action', 'assignee']), shotsFor: { kind: 'person', accountId: BEN } }
  const unassigned = () => board().map((shot) => ({ ...shot, assigneeId: null }))

  it('on a board with members: the people with shots, and the address followed', () => {
    const choices = assigneeChoices(board(), members, asked)
    expect(choices.assignees?.map((p) => p.name)).toEqual(['Ada', 'Ben', 'Zoë (former member)'])
    expect(choices.options).toBe(asked)
    // Members but no shot assigned yet: Everyone and Nobody only.
    expect(assigneeChoices(unassigned(), members, asked).assignees).toEqual([])
  })

  it('not in local mode (no members, no shot assigned): the address\'s "for" and "Assigned to" are ignored', () => {
    const local = assigneeChoices(unassigned(), { members: new Map(), formerNames: new Map() }, asked)
    expect(local.assignees).toBeNull()
    expect(local.options).toEqual({ ...asked, fields: new Set(['action']), shotsFor: { kind: 'everyone' } })
  })

  it('never on a review link, even if its copy of the board named someone', () => {
    const review = assigneeChoices(board(), null, asked)
    expect(review.assignees).toBeNull()
    expect(review.options.fields).toEqual(new Set(['action']))
    expect(review.options.shotsFor).toEqual({ kind: 'everyone' })
    expect(review.members.members.size).toBe(0)
  })
})
