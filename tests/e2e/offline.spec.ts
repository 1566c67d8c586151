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
