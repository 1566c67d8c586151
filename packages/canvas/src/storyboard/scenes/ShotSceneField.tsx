import { useEditor, useValue } from 'tldraw'
import type { SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { assignShotToScene } from './sceneCommands'
import { sceneOptionLabel } from './sceneTitle'

/**
 * The inspector's scene picker: moves the shot to the end of another scene (or out of every
 * scene) in one undo step; its number follows.
 */
export function ShotSceneField({ shape }: { shape: TLShotShape }) {
  const editor = useEditor()
  const scenes = useValue('scenes', () => boardSequenceModel(editor).get().sequence.scenes, [editor])
  // A scene someone else just deleted reads as no scene, as the sequence reads it.
  const current = scenes.some((s) => s.id === shape.props.sceneId) ? shape.props.sceneId : null
  return (
    <label className="shot-inspector__field">
      <span className="shot-inspector__label">Scene</span>
      <select
        value={current ?? ''}
        onChange={(e) => assignShotToScene(editor, shape.id, (e.currentTarget.value || null) as SceneId | null)}
      >
        <option value="">No scene</option>
        {scenes.map((scene, i) => (
          <option key={scene.id} value={scene.id}>
            {sceneOptionLabel(scene, i + 1)}
          </option>
        ))}
      </select>
    </label>
  )
}
