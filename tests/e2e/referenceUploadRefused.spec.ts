import { onePersonOnBoard } from './support/boardPage'
import { shapesOnPage } from './support/editorState'
import { expect, test } from './support/fixtures'
import { dropFile } from './support/media'
import { placeShot } from './support/shotVersions'

/** A 1×1 BMP: the browser reads it whatever type it is given; the server takes no BMP. */
function bmp(): Buffer {
  const file = Buffer.alloc(58)
  file.write('BM', 0, 'latin1')
  file.writeUInt32LE(58, 2)
  file.writeUInt32LE(54, 10) // pixel data offset
  file.writeUInt32LE(40, 14) // BITMAPINFOHEADER
  file.writeInt32LE(1, 18) // width
  file.writeInt32LE(1, 22) // height
  file.writeUInt16LE(1, 26) // planes
  file.writeUInt16LE(24, 28) // bits per pixel
  file.writeUInt32LE(4, 34) // image size (one row, padded to 4 bytes)
  file.set([0x20, 0x40, 0xc0], 54)
  return file
}

test('a reference file the server refuses says why in its toast, not only "Upload failed", and leaves no empty picture pinned to the shot', async ({ newPerson, server }) => {
  const { page } = await onePersonOnBoard(newPerson, server.url, 'Refused upload')
  await placeShot(page, 'A gull on a post')
  // Named and typed as a PNG (it passes the canvas's type check), but it is a BMP: the server sniffs the bytes and refuses it.
  await dropFile(page, { name: 'scan.png', mimeType: 'image/png', buffer: bmp() }, { x: 520, y: 330 })
  const toast = page.locator('.tlui-toast__main', { has: page.locator('.tlui-toast__title', { hasText: 'Upload failed' }) })
  await expect(toast).toContainText(/not a PNG, JPEG, GIF, WebP or AVIF image/u)
  // tldraw deletes the refused file's asset but kept its shape: an empty picture pinned to the shot ("References (1)").
  await expect.poll(async () => (await shapesOnPage(page)).filter((shape) => shape.type === 'image').length).toBe(0)
  await expect(page.getByTestId('shot-references')).not.toContainText('References (1)')
})
