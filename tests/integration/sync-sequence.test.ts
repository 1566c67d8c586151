import { describe, expect, it } from 'vitest'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene, createSceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { useSyncTestServer } from '../support/syncTestServer'
import { revertedRecordIds as revertedIds, waitFor, writeRecords as write } from '../support/syncClient'
import { pageRecord } from '../support/boardFixtures'

const t = useSyncTestServer()

describe('scenes, board settings and shot order at the server', () => {
  it('keeps valid scenes and settings, and refuses impossible ones without losing what was saved', async () => {
    const { a: writer, b: other, page } = await t.twoClientsOnBoard()

    // A scene, a shot in it and letter numbering: all valid, all kept.
    const scene = createScene({ id: createSceneId('chase'), order: 'a1' as never, name: 'Chase', color: 'orange' })
    const shot = createShotShape({ parentId: page.id as never, index: 'a1' as never, props: { sceneId: scene.id, order: 'a1' as never } })
    write(writer, scene, shot, createBoardSettings({ numbering: 'letter' }))
    await waitFor(() => readRecord(other.doc, shot.id) && readRecord(other.doc, BOARD_SETTINGS_ID), { what: 'valid records arrive' })

    // Impossible values: an unknown scene colour, 23 fps, a second settings record, a shot
    // order that is not an order key, a shot lasting 0 seconds.
    write(writer, { ...scene, color: 'pink' })
    write(writer, createBoardSettings({ numbering: 'letter', fps: 23 as never }))
    write(writer, { ...createBoardSettings(), id: 'board_settings:other' })
    write(writer, { ...shot, props: { ...shot.props, order: 'not a key' } })
    write(writer, { ...shot, props: { ...shot.props, duration: 0 } })

    await waitFor(() => new Set(revertedIds(writer)).size >= 4, { what: 'the writer is told what was refused' })
    expect(new Set(revertedIds(writer))).toEqual(new Set([scene.id, BOARD_SETTINGS_ID, 'board_settings:other', shot.id]))

    // Nothing saved is lost: a later valid write arrives after everything above, and the other
    // client still has the last valid versions.
    write(writer, pageRecord('sentinel', 'Sentinel'))
    await waitFor(() => readRecord(other.doc, 'page:sentinel'), { what: 'sentinel arrives' })
    expect(readRecord(other.doc, scene.id)).toMatchObject({ color: 'orange', name: 'Chase' })
    expect(readRecord(other.doc, BOARD_SETTINGS_ID)).toMatchObject({ numbering: 'letter', fps: 24 })
    expect(readRecord(other.doc, 'board_settings:other')).toBeUndefined()
    expect(readRecord(other.doc, shot.id)).toMatchObject({ props: { order: 'a1', duration: 3, sceneId: scene.id } })
    expect(other.notices).toEqual([])
  })
})
