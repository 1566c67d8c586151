import { afterEach } from 'vitest'
import { createShapeId, react, type Editor, type TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../../board/testing/headlessEditor'

const editors: Editor[] = []
const readers: (() => void)[] = []

/** Disposes, after each test of the calling file, the boards and readers it made. */
export function disposeBoardsAfterEach(): void {
  afterEach(() => {
    readers.splice(0).forEach((stop) => stop())
    editors.splice(0).forEach((editor) => editor.dispose())
  })
}

/** A headless board with three shots in a row (in that order) and `imageCount` images below them, history cleared. */
export function shotsAndImages(imageCount: number): { editor: Editor; shots: TLShapeId[]; images: TLShapeId[] } {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const shots = [0, 1, 2].map((i) => createShapeId(`shot${i}`))
  shots.forEach((id, i) => editor.createShape<TLShotShape>({ id, type: 'shot', x: i * 1000, y: 0, props: { order: `a${i + 1}` as never } }))
  const images = Array.from({ length: imageCount }, (_, i) => createShapeId(`ref${i}`))
  images.forEach((id, i) => editor.createShape({ id, type: 'image', x: i * 200, y: 600, props: { w: 120, h: 68 } }))
  editor.clearHistory()
  return { editor, shots, images }
}

/** Reads a value in a reactor, as a panel does, until the test ends. */
export function readWhileMounted(name: string, read: () => void): void {
  readers.push(react(name, read))
}
