import { describe, expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene, createSceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { presentationModel } from './presentationShots'

const page = 'page:p' as TLParentId

describe('presentationModel', () => {
  it('plays shots in sequence order (scene, then shot), numbered as on the board, in whole frames', () => {
    const scene = createScene({ id: createSceneId('s'), order: 'a1' as IndexKey, name: 'Night' })
    const records = [
      createBoardSettings({ fps: 24 }),
      scene,
      createShotShape({ parentId: page, index: 'a1' as IndexKey, props: { sceneId: scene.id, order: 'a2' as IndexKey, title: 'Second', duration: 1 } }),
      createShotShape({ parentId: page, index: 'a2' as IndexKey, props: { sceneId: scene.id, order: 'a1' as IndexKey, title: 'First', duration: 1.01, dialogue: 'Hello' } }),
      createShotShape({ parentId: page, index: 'a3' as IndexKey, props: { title: 'Unassigned', duration: 2 } }),
    ]
    const model = presentationModel(records)
    expect(model.shots.map((s) => [s.number, s.title, s.sceneName])).toEqual([
      ['1.1', 'First', 'Night'],
      ['1.2', 'Second', 'Night'],
      ['0.1', 'Unassigned', null],
    ])
    // 1.01 s at 24 fps is 24 frames: exactly 1 s on screen, so the next shot starts at 1 s.
    expect(model.shots.map((s) => s.startSeconds)).toEqual([0, 1, 2])
    expect(model.shots[0]!.dialogue).toBe('Hello')
    expect(model.totalSeconds).toBe(4)
  })
})

describe('presentationModel transitions', () => {
  it("carries each shot's transition and its own length (null: the usual one), which Present, followers, review links and both exports play", () => {
    const records = [
      createShotShape({ parentId: page, index: 'a1' as IndexKey, props: { order: 'a1' as IndexKey, transitionIn: 'dissolve', transitionInSeconds: 1.25 } }),
      createShotShape({ parentId: page, index: 'a2' as IndexKey, props: { order: 'a2' as IndexKey, transitionIn: 'fade' } }),
    ]
    expect(presentationModel(records).shots.map((s) => [s.transitionIn, s.transitionInSeconds])).toEqual([
      ['dissolve', 1.25],
      ['fade', null],
    ])
  })
})
