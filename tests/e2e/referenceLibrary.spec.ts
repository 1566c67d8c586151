import { getIndices } from '@tldraw/utils'
import { pagesOf } from '../support/boardFixtures'
import { connectClient, syncUrlOf, writeRecords } from '../support/syncClient'
import { boardUrl, createBoard, openBoard } from './support/boardPage'
import { expect, test } from './support/fixtures'

test.setTimeout(120_000)

const REFERENCES = 400

test('a library of 400 references mounts only the rows in view; Tab walks on past them, the focused row outlives a scroll, and each row says its place', async ({
  newPerson,
  server,
}) => {
  // An art director's look book: 400 images on the board, written over sync as an import would.
  const boardId = await createBoard(server.url, 'Look book')
  const client = connectClient(syncUrlOf(server.url), boardId)
  await client.synced()
  const page = pagesOf(client.doc)[0]!
  const indices = getIndices(REFERENCES)
  const images = Array.from({ length: REFERENCES }, (_, i) => ({
    id: `shape:look${String(i).padStart(3, '0')}`,
    typeName: 'shape',
    type: 'image',
    parentId: page.id,
    index: indices[i]!,
    x: (i % 20) * 150,
    y: Math.floor(i / 20) * 100,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    props: { w: 120, h: 68, playing: true, url: '', assetId: null, crop: null, flipX: false, flipY: false, altText: '' },
  }))
  writeRecords(client, ...images)
  const ada = await newPerson()
  await openBoard(ada, boardUrl(server.url, boardId))

  await ada.getByRole('button', { name: `References (${REFERENCES})` }).click()
  const rows = ada.getByTestId('library-reference')
  await expect(rows.first()).toBeVisible()
  const mounted = await rows.count()
  expect(mounted).toBeLessThan(40)
  await expect(rows.first()).toHaveAttribute('aria-posinset', '1')
  await expect(rows.first()).toHaveAttribute('aria-setsize', String(REFERENCES))

  // From the first row's picture, Tab goes row by row (nobody is selected: "attach" is disabled)
  // well past the rows there were at first.
  const focusedPlace = () => ada.evaluate(() => document.activeElement?.closest('[aria-posinset]')?.getAttribute('aria-posinset') ?? null)
  await rows.first().getByTitle('Show on the board').focus()
  const presses = mounted + 10
  for (let i = 0; i < presses; i++) await ada.keyboard.press('Tab')
  expect(await focusedPlace()).toBe(String(1 + presses))
  await expect(ada.locator(`[aria-posinset="${1 + presses}"]`)).toBeInViewport()

  // Scrolled to the end with the wheel, the last reference shows; the focus stays on its row.
  const panel = ada.getByTestId('reference-library')
  await panel.hover()
  const last = ada.locator(`[aria-posinset="${REFERENCES}"]`)
  while (!(await last.isVisible())) await ada.mouse.wheel(0, 2000)
  await expect(last).toBeInViewport()
  expect(await focusedPlace()).toBe(String(1 + presses))
  expect(await rows.count()).toBeLessThan(45)
  await ada.screenshot({ path: test.info().outputPath('reference-library-end.png') })
  client.destroy()
})
