import { describe, expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene, createSceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { presentationModel } from './presentationShots'
import { sceneGroups } from './presentationScenes'

const page = 'page:p' as TLParentId

function shot(title: string, sceneId: string | null, order: string, duration = 2) {
  return createShotShape({
    parentId: page,
    index: 'a1' as IndexKey,
    props: { title, sceneId: sceneId as never, order: order as IndexKey, duration },
  })
}

describe('sceneGroups', () => {
  it('groups the shots under their scenes in sequence order, headed by number, name and slugline; shots in no scene last', () => {
    const kitchen = createScene({ id: createSceneId('k'), order: 'a2' as IndexKey, name: 'Morning', slugline: 'INT. KITCHEN – DAY' })
    const street = createScene({ id: createSceneId('s'), order: 'a3' as IndexKey, name: 'Commute', location: 'City street', timeOfDay: 'morning' })
    const empty = createScene({ id: createSceneId('e'), order: 'a4' as IndexKey, name: 'Cut' })
    // Only a slugline: it heads the scene once, not as name and again as slugline.
    const studio = createScene({ id: createSceneId('t'), order: 'a1' as IndexKey, name: '', slugline: 'INT. STUDIO – NIGHT' })
    const records = [
      createBoardSettings({ fps: 24 }),
      street, kitchen, empty, studio,
      shot('Loose', null, 'a1', 1),
      shot('Sip', kitchen.id, 'a2'),
      shot('Alarm', kitchen.id, 'a1', 1.5),
      shot('Bus', street.id, 'a1'),
      shot('Pack', studio.id, 'a1'),
    ]
    const groups = sceneGroups(presentationModel(records).shots)
    expect(groups.map((g) => [g.scene, g.shots.map((s) => `${s.number} ${s.title}`), g.seconds])).toEqual([
      [{ id: studio.id, number: 1, name: '', slugline: 'INT. STUDIO – NIGHT' }, ['1.1 Pack'], 2],
      [{ id: kitchen.id, number: 2, name: 'Morning', slugline: 'INT. KITCHEN – DAY' }, ['2.1 Alarm', '2.2 Sip'], 3.5],
      [{ id: street.id, number: 3, name: 'Commute', slugline: 'CITY STREET – MORNING' }, ['3.1 Bus'], 2],
      [null, ['0.1 Loose'], 1],
    ])
  })

  it('gives one group without a scene for a board that has no scenes', () => {
    const groups = sceneGroups(presentationModel([createBoardSettings({ fps: 24 }), shot('A', null, 'a1'), shot('B', null, 'a2')]).shots)
    expect(groups).toHaveLength(1)
    expect(groups[0]!.scene).toBeNull()
    expect(groups[0]!.shots.map((s) => s.title)).toEqual(['A', 'B'])
  })

  it('heads the shots in no scene (numbered under 0) once the board has a scene, even one with no shots yet', () => {
    const loose = [createBoardSettings({ fps: 24 }), shot('A', null, 'a1'), shot('B', null, 'a2')]
    expect(presentationModel(loose).hasScenes).toBe(false)
    const model = presentationModel([...loose, createScene({ id: createSceneId('empty'), order: 'a1' as IndexKey })])
    expect(model.hasScenes).toBe(true)
    expect(model.shots.map((s) => s.number)).toEqual(['0.1', '0.2'])
  })

  it('gives no groups for a board without shots', () => {
    expect(sceneGroups([])).toEqual([])
  })
})
