import type { SceneRecord } from '@storyloom/shared/storyboard/sceneRecord'
import { type Sequence, type SequenceShot } from '@storyloom/shared/storyboard/sequence'
import type { BoardSequenceModel } from './boardSequenceModel'
import { layoutStrip, type StripGroupInput, type StripLayout } from './stripLayout'

/** How wide a scene's heading is drawn (the scene and its 1-based number), in pixels. */
export type HeadingWidth = (scene: SceneRecord, sceneNumber: number) => number

/**
 * The strip's scene groups in reading order: each scene's shot ids, then the shots in no scene.
 * Only an empty scene's band is sized by its heading (see layoutStrip), so only those are measured.
 */
export function stripGroups(sequence: Sequence<SequenceShot & { readonly id: string }, SceneRecord>, headingWidth: HeadingWidth): StripGroupInput[] {
  const byScene = new Map<string | null, string[]>()
  for (const entry of sequence.entries) {
    const sceneId = entry.scene?.id ?? null
    const ids = byScene.get(sceneId)
    if (ids) ids.push(entry.shot.id)
    else byScene.set(sceneId, [entry.shot.id])
  }
  const groups: StripGroupInput[] = sequence.scenes.map((scene, i) => {
    const shotIds = byScene.get(scene.id) ?? []
    return { sceneId: scene.id, shotIds, headingWidth: shotIds.length === 0 ? headingWidth(scene, i + 1) : undefined }
  })
  const loose = byScene.get(null)
  if (loose) groups.push({ sceneId: null, shotIds: loose })
  return groups
}

const layouts = new WeakMap<BoardSequenceModel['order'], StripLayout>()

/**
 * The strip's layout for the board's sequence, computed once per order: the model keeps its
 * `order` while no shot's scene, order key or duration, no scene and no setting changed, so a
 * keystroke in a shot or a move on the canvas lays nothing out again, where the strip laid out
 * every card (and filtered every shot once per scene) on every change to the model.
 */
export function stripLayoutOf(model: Pick<BoardSequenceModel, 'order'>, headingWidth: HeadingWidth): StripLayout {
  let layout = layouts.get(model.order)
  if (!layout) layouts.set(model.order, (layout = layoutStrip(stripGroups(model.order, headingWidth))))
  return layout
}
