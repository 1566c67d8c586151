import {
  Editor,
  createTLStore,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeUtils,
  tipTapDefaultExtensions,
  type TLRecord,
  type TLStore,
} from 'tldraw'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { boardBindingUtils, boardShapeUtils } from '../board/boardUtils'
import { tldrawAssetUrls } from '../board/tldrawAssetUrls'

/** A headless tldraw editor that follows a board, to draw its shots' sketches as pictures. */
export interface SketchEditor {
  readonly editor: Editor
  dispose(): void
}

/**
 * A headless editor over a copy of `board`'s document records, kept in step with it, for pages
 * without a canvas (the presentation, review links) to export sketches with tldraw's own SVG
 * export. The copy is one-way: the editor's own session records (instance, camera, page
 * states) and anything its side effects write stay in the copy, never in the synced board.
 */
export function openSketchEditor(board: TLStore, container: HTMLElement = document.body): SketchEditor {
  const copy = createTLStore({ schema: boardSchema })
  copy.mergeRemoteChanges(() => copy.put(Object.values(board.serialize('document')) as TLRecord[]))
  const stopFollowing = board.listen(
    ({ changes }) => {
      copy.mergeRemoteChanges(() => {
        copy.remove(Object.keys(changes.removed).filter((id) => copy.has(id as TLRecord['id'])) as TLRecord['id'][])
        copy.put([...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)])
      })
    },
    { scope: 'document', source: 'all' },
  )

  // Text is measured and exports are laid out in the DOM: an element out of sight, light theme
  // as on the canvas. It needs room, as a canvas has: text measured in a narrow box wraps.
  const host = container.ownerDocument.createElement('div')
  host.className = 'tl-container tl-theme__light'
  host.setAttribute('aria-hidden', 'true')
  Object.assign(host.style, { position: 'fixed', left: '-20000px', top: '0', width: '10000px', height: '10000px', overflow: 'hidden', pointerEvents: 'none' })
  container.appendChild(host)

  const editor = new Editor({
    store: copy,
    shapeUtils: [...defaultShapeUtils, ...boardShapeUtils],
    bindingUtils: [...defaultBindingUtils, ...boardBindingUtils],
    tools: [],
    getContainer: () => host,
    fontAssetUrls: tldrawAssetUrls.fonts,
    // As tldraw's own TldrawImage: rich text (text, note and geo labels) needs its extensions.
    options: { text: { tipTapConfig: { extensions: tipTapDefaultExtensions }, addFontsFromNode: defaultAddFontsFromNode } },
  })

  return {
    editor,
    dispose() {
      stopFollowing()
      editor.dispose()
      copy.dispose()
      host.remove()
    },
  }
}
