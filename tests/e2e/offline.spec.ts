import { boardUrl, connectionBadge, createBoard, expectCanvasReady, expectConnection, openBoard, twoPeopleOnBoard } from './support/boardPage'
import { drawRectangle } from './support/drawing'
import { shapeIdsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { expectAppCachedForOffline, expectKeptOnDevice } from './support/offline'

// A fixed port: the service worker and the offline copy belong to the page's origin, and
// the open page must find the server again where it left it.
test.use({ serverOptions: { fixedPort: true } })

test('work done while the server is down survives a reload and reaches the server when it returns', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Storm sequence')
  const url = boardUrl(server.url, boardId)
  const ada = await newPerson()
  await openBoard(ada, url)
  await expectAppCachedForOffline(ada)

  await server.stop()
  await expectConnection(ada, 'offline')

  // Ada keeps drawing; the shape is kept on her device.
  const rectangle = await drawRectangle(ada, { x: 300, y: 250 }, { x: 500, y: 400 })
  await expectKeptOnDevice(ada, boardId, rectangle.id)

  // Reloading with the server still down: the app comes from the service worker, the board
  // from the device's copy.
  await ada.reload()
  await expectCanvasReady(ada)
  await expectConnection(ada, 'offline')
  await expect.poll(() => shapeIdsOnPage(ada)).toEqual([rectangle.id])

  // The server comes back on the same address: Ada's page reconnects and hands the shape over;
  // someone opening the board afresh gets it from the server.
  await server.restart()
  await expectConnection(ada, 'connected')
  const ben = await newPerson()
  await openBoard(ben, url)
  await expect.poll(() => shapeIdsOnPage(ben)).toEqual([rectangle.id])
})

test('after a short network drop the socket is opened afresh, the badge goes back to Live and edits from both sides meet', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Wifi blip')
  const url = boardUrl(server.url, boardId)
  const [ada, ben] = [await newPerson(), await newPerson()]
  await openBoard(ada, url)
  await openBoard(ben, url)

  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  // The badge says whether anything made here is waiting to be sent.
  await expect(connectionBadge(ben)).not.toContainText('waiting to be sent')
  const bens = await drawRectangle(ben, { x: 300, y: 250 }, { x: 450, y: 380 })
  await expect(connectionBadge(ben)).toContainText('Edits waiting to be sent')
  const adas = await drawRectangle(ada, { x: 600, y: 250 }, { x: 750, y: 380 })

  await ben.context().setOffline(false)
  await expectConnection(ben, 'connected')
  await expect(connectionBadge(ben)).not.toContainText('waiting to be sent')
  for (const page of [ada, ben]) await expect.poll(() => shapeIdsOnPage(page)).toEqual([bens.id, adas.id].sort())
})

test('a board deleted while someone is offline tells them, on reconnecting, that their edits were not sent and are kept for a restore', async ({ newPerson, server }) => {
  const { boardId, url, ada, ben } = await twoPeopleOnBoard(newPerson, server.url, 'Rooftop chase')

  // Ben loses the network and keeps drawing; meanwhile Ada deletes the board.
  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  const bens = await drawRectangle(ben, { x: 300, y: 250 }, { x: 450, y: 380 })
  await expectKeptOnDevice(ben, boardId, bens.id)
  expect((await fetch(`${server.url}/api/boards/${boardId}`, { method: 'DELETE' })).ok).toBe(true)
  await expect(ada.getByRole('heading', { name: 'Board not found' })).toBeVisible()
  // Ada, who had nothing waiting to be sent, is not told about edits kept on her device.
  await expect(ada.getByRole('alert')).not.toContainText('offline')

  // Back online, Ben is told the board is gone and what became of his edits.
  await ben.context().setOffline(false)
  const failure = ben.getByRole('alert')
  await expect(failure.getByRole('heading', { name: 'Board not found' })).toBeVisible()
  await expect(failure).toContainText('The changes you made while offline were not saved on the server. They are kept in this browser')

  // They are: restored from the trash, the board gets them when Ben opens it again.
  expect((await fetch(`${server.url}/api/trash/${boardId}/restore`, { method: 'POST' })).ok).toBe(true)
  await failure.getByRole('button', { name: 'Open it again' }).click()
  await expectCanvasReady(ben)
  await expectConnection(ben, 'connected')
  const cleo = await newPerson()
  await openBoard(cleo, url)
  await expect.poll(() => shapeIdsOnPage(cleo)).toEqual([bens.id])
})
