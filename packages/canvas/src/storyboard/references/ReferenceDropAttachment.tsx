import { useEffect } from 'react'
import { useEditor, useToasts, type Editor, type TLExternalContent } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotNumbersOf } from '../shotNumbers'
import { createImageFromUrl, isImageUrl } from './imageUrlReference'
import { referenceTargets } from './referenceTargets'
import { DEFAULT_REFERENCE_ROLE, referenceRoleLabel } from './referenceRoles'
import { attachReference, dockReference, isReferenceShape } from './shotReferences'
import { showReferenceAddedToast } from './referenceAddedToast'
import { usePlacedPicturesOffer } from '../plan/placedPicturesOffer'

type Handler = (content: TLExternalContent<unknown>) => void | Promise<void>

/**
 * tldraw keeps its content handlers in a map it does not export the type of; wrapping the
 * registered default (rather than re-implementing it) keeps tldraw's checks and messages —
 * file type, the board's size limit, upload failures — for references too.
 */
function registeredHandler(editor: Editor, type: 'files' | 'url'): Handler | null {
  const handlers = (editor as unknown as { externalContentHandlers: Partial<Record<string, Handler | null>> }).externalContentHandlers
  return handlers[type] ?? null
}

/**
 * Makes a drop or paste on a shot a reference: an image or clip dropped on a shot (or pasted,
 * or an image address / link pasted, while a shot is under the pointer or selected) is put in
 * the shot's reference column and pinned to it with the default role, in the same undo step
 * as the paste. Several pictures dropped or pasted on the canvas, on no shot, are offered to be
 * made shots (usePlacedPicturesOffer). Renders nothing.
 */
export function ReferenceDropAttachment() {
  const editor = useEditor()
  const toasts = useToasts()
  const offerShots = usePlacedPicturesOffer()

  useEffect(() => {
    const originals = { files: registeredHandler(editor, 'files'), url: registeredHandler(editor, 'url') }

    const attachNewShapes = (targets: TLShotShape[], before: Set<string>) => {
      const created = editor.getCurrentPageShapes().filter((s) => !before.has(s.id) && isReferenceShape(s))
      if (created.length === 0) return
      editor.run(() => {
        for (const reference of created) {
          for (const shot of targets) attachReference(editor, reference.id, shot.id)
          const home = editor.getShape<TLShotShape>(targets[0]!.id)
          if (home) dockReference(editor, reference, home)
        }
        editor.select(...targets.map((s) => s.id))
      })
      const numbers = shotNumbersOf(editor).get()
      const shots = targets.map((s) => numbers.get(s.id) ?? '').join(', ')
      showReferenceAddedToast(
        editor,
        toasts,
        created.map((s) => s.id),
        {
          title: `${created.length === 1 ? 'Reference' : `${created.length} references`} added to shot ${shots}`,
          description: `As ${referenceRoleLabel(DEFAULT_REFERENCE_ROLE).toLowerCase()}; click its tag to change the role.`,
        },
      )
    }

    const wrap = (original: Handler | null, custom?: (content: TLExternalContent<unknown>, targets: TLShotShape[]) => Promise<boolean>) => {
      return async (content: TLExternalContent<unknown>) => {
        const targets = referenceTargets(editor, 'point' in content ? content.point : undefined)
        const before = new Set<string>(editor.getCurrentPageShapeIds())
        if (targets.length === 0) {
          await original?.(content)
          // In the order they were placed (tldraw stacks each new shape above the last).
          if (content.type === 'files') offerShots(editor.getCurrentPageShapesSorted().flatMap((s) => (before.has(s.id) ? [] : [s.id])))
          return
        }
        const handled = custom ? await custom(content, targets) : false
        if (!handled) await original?.(content)
        attachNewShapes(targets, before)
      }
    }

    if (originals.files) editor.registerExternalContentHandler('files', wrap(originals.files))
    if (originals.url) {
      editor.registerExternalContentHandler(
        'url',
        wrap(originals.url, async (content, targets) => {
          if (content.type !== 'url' || !isImageUrl(content.url)) return false
          const shotBounds = editor.getShapePageBounds(targets[0]!.id)
          await createImageFromUrl(editor, content.url, shotBounds?.center ?? editor.getViewportPageBounds().center)
          return true
        }),
      )
    }
    return () => {
      editor.registerExternalContentHandler('files', originals.files as never)
      editor.registerExternalContentHandler('url', originals.url as never)
    }
  }, [editor, toasts, offerShots])

  return null
}
