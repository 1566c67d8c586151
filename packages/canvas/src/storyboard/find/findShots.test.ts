import { describe, expect, it } from 'vitest'
import { PageRecordType, createShapeId, type IndexKey } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { buildBoardSequenceModel } from '../sequence/boardSequenceModel'
import { findShots } from './findShots'

const page = PageRecordType.createId('main')

/** Two scenes (added in reverse order, so store order is not sequence order) and a shot in no scene. */
function board(numbering: 'decimal' | 'letter' = 'decimal') {
  const quay = createScene({ order: 'a2' as IndexKey, name: 'Quay', slugline: 'EXT. HARBOUR – NIGHT' })
  const cafe = createScene({ order: 'a1' as IndexKey, name: 'Café Noir' })
  const shot = (id: string, sceneId: ShotShapeProps['sceneId'], order: string, props: Partial<ShotShapeProps> = {}) =>
    createShotShape({ id: createShapeId(id), parentId: page, index: 'a1' as IndexKey, props: { sceneId, order: order as IndexKey, ...props } })
  const shots = [
    shot('loose', null, 'a1', { title: 'Insert: the letter' }),
    shot('q2', quay.id, 'a2', { title: 'She opens the door', action: 'Élise ÖFFNET the door slowly' }),
    shot('q1', quay.id, 'a1', { title: 'Boats', dialogue: 'Where is the letter?' }),
    shot('c1', cafe.id, 'a1', { title: 'Espresso', action: 'Steam rises' }),
  ]
  return buildBoardSequenceModel([quay, cafe], shots, createBoardSettings({ numbering }))
}

const id = (key: string) => createShapeId(key) as string

describe('finding shots', () => {
  it('finds a shot by its number as the board shows it, and a scene by its part of the number', () => {
    expect(findShots(board(), '2.2')).toEqual([id('q2')])
    expect(findShots(board(), '0.1')).toEqual([id('loose')])
    expect(findShots(board(), '2')).toEqual([id('q1'), id('q2')])
    expect(findShots(board('letter'), '2b')).toEqual([id('q2')])
    expect(findShots(board('letter'), '2B')).toEqual([id('q2')])
    // "1" is scene 1's shots, not the 1 that starts another number.
    expect(findShots(board(), '1.1')).toEqual([id('c1')])
  })

  it('ignores case and accents, in the query and on the board', () => {
    expect(findShots(board(), 'elise')).toEqual([id('q2')])
    expect(findShots(board(), 'offnet')).toEqual([id('q2')])
    expect(findShots(board(), 'ÉLISE')).toEqual([id('q2')])
    expect(findShots(board(), 'cafe')).toEqual([id('c1')])
  })

  it('lists every shot of a scene whose name or slugline matches', () => {
    expect(findShots(board(), 'harbour')).toEqual([id('q1'), id('q2')])
    expect(findShots(board(), 'café noir')).toEqual([id('c1')])
  })

  it('gives matches in sequence order, each word found anywhere in the shot', () => {
    expect(findShots(board(), 'letter')).toEqual([id('q1'), id('loose')])
    expect(findShots(board(), 'door opens')).toEqual([id('q2')])
    expect(findShots(board(), 'door espresso')).toEqual([])
    expect(findShots(board(), '  ')).toEqual([])
  })
})
