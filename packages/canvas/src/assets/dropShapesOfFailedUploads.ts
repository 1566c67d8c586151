import type { Editor, TLShapeId } from 'tldraw'

/**
 * A picture or clip whose upload failed leaves no empty shape behind. tldraw places the shape at
 * once, with an asset awaiting its file, and when the upload fails (the server refuses the file:
 * its type, its size…) it shows "Upload failed" and deletes the asset, but keeps the shape: an
 * empty image on everyone's canvas, or a reference pinned to a shot with no picture
 * ("References (1)"). When this user's asset is deleted, the shapes that show it go too, outside
 * the undo history (undo then takes back the drop as it was, with nothing left to restore).
 * Returns the unregister function.
 */
export function dropShapesOfFailedUploads(editor: Editor): () => void {
  return editor.sideEffects.registerAfterDeleteHandler('asset', (asset, source) => {
    if (source !== 'user') return
    const showing: TLShapeId[] = []
    for (const pageId of editor.getPages().map((page) => page.id)) {
      for (const id of editor.getPageShapeIds(pageId)) {
        const shape = editor.getShape(id)
        if (shape && (shape.props as { assetId?: unknown }).assetId === asset.id) showing.push(id)
      }
    }
    if (showing.length > 0) editor.run(() => editor.deleteShapes(showing), { history: 'ignore', ignoreShapeLock: true })
  })
}
