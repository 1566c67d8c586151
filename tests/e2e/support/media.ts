import type { Page } from '@playwright/test'
import type { Point } from './drawing'

export type TestFile = { name: string; mimeType: string; buffer: Buffer }

/** Inserts a file the way the toolbar's Media button does: through the browser's file chooser. */
export async function insertMediaFromToolbar(page: Page, file: TestFile): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('tools.asset').click()
  await (await chooser).setFiles(file)
}

/** Drops a file onto the canvas at `at`, as if dragged in from the desktop. */
export async function dropFile(page: Page, file: TestFile, at: Point): Promise<void> {
  await dropFiles(page, [file], at)
}

/** Drops several files onto the canvas at `at` in one drop, as if dragged in together from a folder. */
export async function dropFiles(page: Page, files: readonly TestFile[], at: Point): Promise<void> {
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer()
    for (const { name, mimeType, bytes } of list) transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }))
    return transfer
  }, files.map((file) => ({ name: file.name, mimeType: file.mimeType, bytes: [...file.buffer] })))
  const canvas = page.getByTestId('canvas')
  const init = { dataTransfer, clientX: at.x, clientY: at.y }
  await canvas.dispatchEvent('dragenter', init)
  await canvas.dispatchEvent('dragover', init)
  await canvas.dispatchEvent('drop', init)
  await dataTransfer.dispose()
}
