import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { DATABASE_FILE } from '@storyloom/server/dataDir'
import { openDatabase } from '@storyloom/server/db/openDatabase'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pagesOf } from '../../support/boardFixtures'
import { connectClient, syncUrlOf } from '../../support/syncClient'
import { createBoard } from './boardPage'
import { expect } from './fixtures'
import { pngClaiming } from './pngImage'
import type { StoryloomServer } from './storyloomServer'

/**
 * A board whose one shot shows, as its active take, a file the server found unreadable: a
 * decompression bomb (a PNG claiming 60000 × 60000) recorded as a take before the server read
 * take headers, as older boards have them; the server reads it when it starts again, marks it
 * `oversized` and refuses it from then on (422 `take_unreadable`).
 */
export async function boardWithUnreadableActiveTake(server: StoryloomServer, name: string): Promise<{ boardId: string; bombUrl: string }> {
  const boardId = await createBoard(server.url, name)
  const stored = await fetch(`${server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: new Uint8Array(pngClaiming(60_000, 60_000)) })
  const { id: bomb, url: src } = (await stored.json()) as { id: string; url: string }
  const versionId = 'v_unreadableTake01'
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const scene = createScene({ order: 'a1' as never, name: 'Scene 1' })
  const shot = createShotShape({
    parentId: pagesOf(client.doc)[0]!.id as never,
    index: 'a1' as never,
    props: { sceneId: scene.id, order: 'a1' as never, title: 'Harbour', action: 'Boats at dawn.', aspect: '16:9', activeVersionId: versionId, media: { assetId: 'asset:bomb' as never, src, kind: 'image' } },
  })
  client.doc.transact(() => putRecords(client.doc, [scene, shot] as never))
  client.destroy()

  await server.stop()
  const db = openDatabase(join(server.dataDir, DATABASE_FILE)).$client
  // The take as recorded before headers were read: the size its client sent, no mark.
  const assets = JSON.stringify([{ assetId: bomb, src, mimeType: 'image/png', kind: 'image', width: 64, height: 36 }])
  db.prepare(`insert into shot_versions (id, board_id, shot_id, source, assets, author_id, author_name, created_at) values (?, ?, ?, 'upload', ?, 'u1', 'Ada', ?)`).run(versionId, boardId, shot.id, assets, Date.now())
  db.close()
  await server.restart()
  const version = createApiClient(server.url).api.boards[':boardId'].versions[':versionId']
  const header = async () => ((await (await version.$get({ param: { boardId, versionId } })).json()) as { assets: { header?: string }[] }).assets[0]?.header
  await expect.poll(header).toBe('oversized')
  return { boardId, bombUrl: src }
}

/** The statuses the server answered `page`'s requests for the bomb with (through a board or a review link). */
export function bombAnswers(page: Page, bombUrl: string): number[] {
  const assetId = bombUrl.slice(bombUrl.lastIndexOf('/') + 1)
  const statuses: number[] = []
  page.on('response', (response) => {
    if (response.url().includes(assetId)) statuses.push(response.status())
  })
  return statuses
}
