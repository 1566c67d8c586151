import type { Editor, TLAssetId, TLShapeId } from 'tldraw'
import type { ShotMedia, TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { needsVideoElement, shownAsset } from './versionMedia'

/** What a shot frame shows for a version (see {@link shownAsset}). */
export function mediaOfVersion(version: ShotVersion): ShotMedia {
  const asset = shownAsset(version)
  return {
    // The asset store is content-addressed: the sha256 names the file, no tldraw asset record needed.
    assetId: `asset:${asset.assetId}` as TLAssetId,
    src: asset.src,
    kind: needsVideoElement(asset) ? 'video' : 'image',
    ...(version.modelId ? { model: version.builtInModel ? `${version.modelId} (built-in)` : version.modelId } : {}),
  }
}

/**
 * Makes `version` the shot's active version: a normal shape edit, so it syncs to everyone
 * at once and is one undo step.
 */
export function setActiveVersion(editor: Editor, shot: TLShotShape, version: ShotVersion): void {
  if (shot.props.activeVersionId === version.id) return
  editor.markHistoryStoppingPoint('switch version')
  showVersion(editor, shot, version)
}

/** Points the shot at `version`, inside whatever history step is under way. */
export function showVersion(editor: Editor, shot: TLShotShape, version: ShotVersion): void {
  if (shot.props.activeVersionId === version.id) return
  editor.updateShape<TLShotShape>({
    id: shot.id,
    type: 'shot',
    props: { activeVersionId: version.id, media: mediaOfVersion(version) },
  })
}

/**
 * Points the shot at `version` outside the undo history (a take action's undo step stands for
 * it), and returns how to take that back (`undo` true: the take it showed before) and redo it —
 * each only while the shot still shows what the other left: someone else's newer pick stays.
 */
export function showVersionOutsideHistory(editor: Editor, shotId: TLShapeId, version: ShotVersion): (undo: boolean) => void {
  const shot = editor.getShape<TLShotShape>(shotId)
  if (!shot) return () => {}
  const before = { activeVersionId: shot.props.activeVersionId, media: shot.props.media }
  const after = { activeVersionId: version.id, media: mediaOfVersion(version) }
  const point = (from: typeof before, to: typeof before) => {
    const now = editor.getShape<TLShotShape>(shotId)
    if (!now || now.props.activeVersionId !== from.activeVersionId || from.activeVersionId === to.activeVersionId) return
    editor.run(() => editor.updateShape<TLShotShape>({ id: shotId, type: 'shot', props: to }), { history: 'ignore' })
  }
  point(before, after)
  return (undo) => (undo ? point(after, before) : point(before, after))
}
