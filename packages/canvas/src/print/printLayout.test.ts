import { describe, expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene, createSceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { presentationModel } from '../presentation/presentationShots'
import { printSections } from './printLayout'

const page = 'page:p' as TLParentId

function board() {
  const first = createScene({ id: createSceneId('one'), order: 'a1' as IndexKey, name: 'Kitchen' })
  const second = createScene({ id: createSceneId('two'), order: 'a2' as IndexKey, name: 'Street' })
  const shot = (title: string, sceneId: typeof first.id | null, order: string) =>
    createShotShape({ parentId: page, index: order as IndexKey, props: { title, sceneId, order: order as IndexKey } })
  return presentationModel([
    createBoardSettings({ fps: 24 }),
    first,
    second,
    shot('Loose', null, 'a1'),
    ...['A', 'B', 'C', 'D'].map((t, i) => shot(`Kitchen ${t}`, first.id, `a${i + 1}`)),
    shot('Street A', second.id, 'a1'),
  ])
}

const titles = (sections: ReturnType<typeof printSections>) => sections.map((s) => s.rows.map((row) => row.map((shot) => `${shot.number} ${shot.title}`)))

describe('printSections', () => {
  it('cuts each scene into rows of the chosen width, a new scene on a new row, shots in no scene last', () => {
    expect(titles(printSections(board().shots, 3))).toEqual([
      [['1.1 Kitchen A', '1.2 Kitchen B', '1.3 Kitchen C'], ['1.4 Kitchen D']],
      [['2.1 Street A']],
      [['0.1 Loose']],
    ])
    expect(printSections(board().shots, 3).map((s) => s.scene?.name ?? null)).toEqual(['Kitchen', 'Street', null])
  })

  it('puts one panel a row when asked', () => {
    expect(titles(printSections(board().shots, 1))[0]).toEqual([['1.1 Kitchen A'], ['1.2 Kitchen B'], ['1.3 Kitchen C'], ['1.4 Kitchen D']])
  })

  it('heads a scene printed with only some of its shots (Shots for) with their count and their own runtime', () => {
    const shots = board().shots
    const some = shots.filter((shot) => ['1.1', '1.3'].includes(shot.number))
    const [kitchen] = printSections(some, 3, { someShots: true })
    expect(kitchen!.shots.map((s) => s.number)).toEqual(['1.1', '1.3'])
    expect(kitchen!.seconds).toBe(some[0]!.seconds + some[1]!.seconds)
    expect(printSections(shots, 3)[0]!.seconds).toBe(shots.slice(0, 4).reduce((t, s) => t + s.seconds, 0))
  })

  it('prints nothing for a board without shots, and refuses a row of no panels', () => {
    expect(printSections([], 2)).toEqual([])
    expect(() => printSections(board().shots, 0)).toThrow(RangeError)
  })
})
