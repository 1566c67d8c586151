import { boardUrl, createBoard, expectConnection, openBoard } from './support/boardPage'
import { drawFreehand, drawRectangle } from './support/drawing'
import { shapeIdsOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'

// A fixed port: after a restart the open page is on the same origin and can reconnect.
test.use({ serverOptions: { fixedPort: true } })

test('a board survives the server being killed (kill -9), and an open page reconnects by itself', async ({ newPerson, server }) => {
  const boardId = await createBoard(server.url, 'Night exterior')
  const url = boardUrl(server.url, boardId)
  const ada = await newPerson()
  await openBoard(ada, url)
  const rectangle = await drawRectangle(ada, { x: 250, y: 250 }, { x: 450, y: 400 })
  const stroke = await drawFreehand(ada, [
    { x: 600, y: 300 },
    { x: 680, y: 380 },
    { x: 760, y: 300 },
  ])
  const drawn = [rectangle.id, stroke.id].sort()

  // The server has both shapes (someone opening the board now gets them)...
  const colleague = await newPerson()
  await openBoard(colleague, url)
  await expect.poll(() => shapeIdsOnPage(colleague)).toEqual(drawn)
  await colleague.close()

  // ...and it crashes.
  await server.stop('SIGKILL')
  await expectConnection(ada, 'offline')

  // Restarted on another port, which Ada's page does not know and so cannot refill from its
  // own copy: what a fresh visitor sees there is what the server kept on disk.
  const elsewhere = await server.restart({ anyPort: true })
  const visitor = await newPerson()
  await openBoard(visitor, boardUrl(elsewhere, boardId))
  await expect.poll(() => shapeIdsOnPage(visitor)).toEqual(drawn)
  await visitor.close()
  await server.stop()

  // Back on its own port: Ada's page reconnects without a reload, and keeps syncing.
  await server.restart()
  await expectConnection(ada, 'connected')
  const afterRestart = await drawRectangle(ada, { x: 300, y: 500 }, { x: 420, y: 600 })
  const latecomer = await newPerson()
  await openBoard(latecomer, url)
  await expect.poll(() => shapeIdsOnPage(latecomer)).toEqual([...drawn, afterRestart.id].sort())
})
