import { describe, expect, it } from 'vitest'
import type { ShotMedia } from '@storyloom/shared/storyboard/shotShape'
import { mediaToPreload, PRELOAD_AHEAD_SHOTS } from './preloadWindow'
import type { PresentationModel, PresentationShot } from './presentationShots'
import { presentationShot } from './testing/presentationShot'

const shot = (id: string, startSeconds: number, seconds: number, media: ShotMedia | null = picture(id)): PresentationShot => presentationShot(id, startSeconds, seconds, media)

function picture(id: string): ShotMedia {
  return { assetId: `asset:${id}` as never, src: `/pictures/${id}`, kind: 'image' }
}

/** Shots of these durations, back to back, named a, b, c… */
function board(...seconds: number[]): PresentationModel {
  let start = 0
  const shots = seconds.map((s, i) => {
    const made = shot(String.fromCharCode(97 + i), start, s)
    start += s
    return made
  })
  return { shots, totalSeconds: start, scenes: [], hasScenes: false }
}

const srcs = (media: ShotMedia[]) => media.map((m) => m.src.replace('/pictures/', ''))

describe('mediaToPreload', () => {
  it('fetches the shot on screen, the one before and the shots of the next ten seconds after it', () => {
    expect(srcs(mediaToPreload(board(2, 2, 2, 2, 2, 2, 2, 2), 1))).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g'])
  })

  it('fetches the next shot however long it is, and none that starts more than ten seconds after the shot on screen', () => {
    expect(srcs(mediaToPreload(board(3, 30, 3), 0))).toEqual(['a', 'b'])
  })

  it('fetches no more than a few shots ahead, however short they are', () => {
    const many = board(...Array.from({ length: 40 }, () => 0.25))
    expect(mediaToPreload(many, 0)).toHaveLength(1 + PRELOAD_AHEAD_SHOTS)
  })

  it('fetches nothing for shots without a picture (a sketch is drawn, not downloaded), nor on an empty board', () => {
    const sketched: PresentationModel = { shots: [shot('a', 0, 1), shot('b', 1, 1, null), shot('c', 2, 1)], totalSeconds: 3, scenes: [], hasScenes: false }
    expect(srcs(mediaToPreload(sketched, 0))).toEqual(['a', 'c'])
    expect(mediaToPreload({ shots: [], totalSeconds: 0, scenes: [], hasScenes: false }, 0)).toEqual([])
  })
})
