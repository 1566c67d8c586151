import type { Editor, TLAssetId } from 'tldraw'
import type { GenerationResult, GenerationView } from '@storyloom/shared/generation/api'
import type { ShotMedia, TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** What a shot shows for one take: its clip when one was rendered (it plays in the frame), else its image. */
export function mediaOfTake(result: GenerationResult, generation: Pick<GenerationView, 'model'>): ShotMedia {
  const file = result.clip ?? result.image
  return {
    // Results live in the content-addressed asset store; the doc refers to them by hash.
    assetId: `asset:${file.assetId}` as TLAssetId,
    src: file.url,
    kind: 'image',
    // As the server writes it for the take it shows first, so every take reads the same.
    ...(generation.model ? { model: generation.model.builtIn ? `${generation.model.name} (built-in)` : generation.model.name } : {}),
  }
}

/** True when the shot currently shows this take. */
export function isShownTake(shot: TLShotShape, result: GenerationResult): boolean {
  const src = shot.props.media?.src
  return (result.versionId !== null && shot.props.activeVersionId === result.versionId) || src === result.image.url || (!!result.clip && src === result.clip.url)
}

/**
 * Makes one take the shot's active image: a plain shape update, so it syncs to everyone and
 * undoes in one step like any other edit.
 */
export function pickTake(editor: Editor, shot: TLShotShape, generation: GenerationView, result: GenerationResult): void {
  editor.markHistoryStoppingPoint('pick take')
  editor.updateShape<TLShotShape>({
    id: shot.id,
    type: 'shot',
    props: { activeVersionId: result.versionId ?? shot.props.activeVersionId, media: mediaOfTake(result, generation) },
  })
}
