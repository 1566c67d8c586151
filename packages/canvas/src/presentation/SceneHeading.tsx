import { NO_SCENE_NUMBER } from '@storyloom/shared/storyboard/numbering'
import { formatRuntime } from '@storyloom/shared/storyboard/runtime'
import type { PresentationSceneGroup } from './presentationScenes'

type SceneHeadingProps = {
  group: PresentationSceneGroup
  /** The BEM block its classes belong to: `<block>__heading`, `<block>__scene-number`, … */
  block: string
  testId: string
}

/**
 * A scene's heading above its shots, worded as the strip's (StripSceneGroup): number, name,
 * slugline, shot count and runtime; "0 No scene" for the shots in no scene. Used by Present's
 * grid and the printed storyboard.
 */
export function SceneHeading({ group, block, testId }: SceneHeadingProps) {
  const { scene, shots, seconds } = group
  const count = `${shots.length} ${shots.length === 1 ? 'shot' : 'shots'} · ${formatRuntime(seconds)}`
  return (
    <h2 className={`${block}__heading`} data-testid={testId}>
      {scene ? (
        <>
          <span className={`${block}__scene-number`}>{scene.number}</span>
          {scene.name || !scene.slugline ? (
            <span className={`${block}__scene-name`}>{scene.name ? <bdi>{scene.name}</bdi> : 'Untitled scene'}</span>
          ) : null}
          {scene.slugline && (
            <span className={`${block}__slugline`}>
              <bdi>{scene.slugline}</bdi>
            </span>
          )}
        </>
      ) : (
        // Headed only on a board with scenes, where shots in no scene are numbered under 0 (numbering.ts).
        <>
          <span className={`${block}__scene-number`}>{NO_SCENE_NUMBER}</span>
          <span className={`${block}__scene-name`}>No scene</span>
        </>
      )}
      <span className={`${block}__scene-meta`}>{count}</span>
    </h2>
  )
}
