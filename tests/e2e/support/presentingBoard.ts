import type { Page } from '@playwright/test'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardUrl, openBoard } from './boardPage'
import { setUserName } from './editorState'
import { longBoardShots } from './longBoard'

/** Present to everyone (presentToEveryone.spec.ts, reviewFollowsPresenter.spec.ts). */

/** Present's shot counter ("Shot 2 of 4"). */
export const shotCounter = (page: Page) => page.locator('.presentation-controls').getByText(/^Shot \d+ of \d+$/)

/** Who presents, and whether this page follows them, in Present's header. */
export const presentingStatus = (page: Page) => page.locator('.presentation__presenting')

/**
 * A board of four minute-long shots in one scene ("Launch film"), open on the canvas for each of
 * `names` (named so), in that order.
 */
export async function boardOfFour(newPerson: () => Promise<Page>, serverUrl: string, names: string[]): Promise<{ boardId: string; people: Page[] }> {
  const { boardId, client, scene, shots } = await longBoardShots(serverUrl, 'Launch film', 4)
  client.doc.transact(() => putRecords(client.doc, [scene, ...shots.map((shot) => ({ ...shot, props: { ...shot.props, duration: 60 } }))] as never))
  client.destroy()
  const people: Page[] = []
  for (const name of names) {
    const page = await newPerson()
    await openBoard(page, boardUrl(serverUrl, boardId))
    await setUserName(page, name)
    people.push(page)
  }
  return { boardId, people }
}
