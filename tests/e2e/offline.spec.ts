import { boardUrl, createBoard, expectCanvasReady, expectConnection, openBoard } from './support/boardPage'
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

test('after a short network drop the socket survives, the badge goes back to Live and edits from both sides meet', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Wifi blip')
  const url = boardUrl(server.url, boardId)
  const [ada, ben] = [await newPerson(), await newPerson()]
  await openBoard(ada, url)
  await openBoard(ben, url)

  await ben.context().setOffline(true)
  await expectConnection(ben, 'offline')
  const bens = await drawRectangle(ben, { x: 300, y: 250 }, { x: 450, y: 380 })
  const adas = await drawRectangle(ada, { x: 600, y: 250 }, { x: 750, y: 380 })

  await ben.context().setOffline(false)
  await expectConnection(ben, 'connected')
  for (const page of [ada, ben]) await expect.poll(() => shapeIdsOnPage(page)).toEqual([bens.id, adas.id].sort())
})
