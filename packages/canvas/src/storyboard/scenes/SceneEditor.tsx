import { useCallback, useEffect, useRef, useState } from 'react'
import { useValue, type Editor } from 'tldraw'
import { SCENE_COLORS, TIMES_OF_DAY, type SceneId, type TimeOfDay } from '@storyloom/shared/storyboard/sceneRecord'
import { shotsOfScene } from '@storyloom/shared/storyboard/sequence'
import { boardSequenceModel } from '../sequence/boardSequenceModel'
import { arrangeSceneOnCanvas, focusCanvas } from '../sequence/sequenceCommands'
import { SCENE_COLOR_VALUES } from './sceneColors'
import { deleteScene, moveScene, updateScene, updateSlugline, type SceneEdit } from './sceneCommands'
import { sceneDeletionWarning } from './sceneDeletion'
import { SceneTextField } from './SceneTextField'
import '../../styles/scene-editor.css'

/** Props of {@link SceneEditor}. */
export interface SceneEditorProps {
  readonly editor: Editor
  readonly sceneId: SceneId
  /** Viewport x of the heading it was opened from; the popover opens above the strip there. */
  readonly anchorLeft: number
  readonly onClose: () => void
}

/**
 * Edits one scene: name, slugline, location, time of day and colour; moves it earlier or
 * later; arranges its shots on the canvas; deletes it after saying what happens to its shots.
 * It closes by itself when the scene disappears (someone else deleted it, or undo).
 */
export function SceneEditor({ editor, sceneId, anchorLeft, onClose }: SceneEditorProps) {
  const scene = useValue('scene', () => editor.store.get(sceneId), [editor, sceneId])
  const info = useValue(
    'scene place',
    () => {
      const { sequence } = boardSequenceModel(editor).get()
      return {
        number: sequence.scenes.findIndex((s) => s.id === sceneId) + 1,
        count: sequence.scenes.length,
        shots: shotsOfScene(sequence, sceneId).length,
      }
    },
    [editor, sceneId],
  )
  const [confirmingDelete, setConfirmingDelete] = useState(false)
  useEffect(() => {
    if (!scene) onClose()
  }, [scene, onClose])
  const root = useRef<HTMLDivElement>(null)
  // Where the focus was when it opened (the scene's heading in the strip), to give it back.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  // Closes the popover; with the keyboard in it, the keyboard goes back to where it came from.
  const closeGivingKeysBack = useCallback(() => {
    const hadFocus = root.current?.contains(document.activeElement) ?? false
    onClose()
    if (hadFocus && opener?.isConnected) opener.focus()
  }, [onClose, opener])
  useEffect(() => {
    // Escape closes this popover first, wherever the focus is: it is the innermost thing open.
    // Caught before anyone else, so it is not also the strip's "back to the canvas" (which left
    // the popover open) or the canvas's "clear the selection".
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return
      e.preventDefault()
      e.stopPropagation()
      closeGivingKeysBack()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [closeGivingKeysBack])
  if (!scene) return null

  const readonly = editor.getIsReadonly()
  const edit = (change: SceneEdit) => updateScene(editor, sceneId, change)
  const left = Math.max(8, Math.min(anchorLeft, window.innerWidth - 308))
  return (
    <div ref={root} className="scene-editor" role="dialog" aria-label={`Scene ${info.number}`} data-testid="scene-editor" style={{ left }}>
      <header className="scene-editor__header">
        <span className="scene-editor__title">Scene {info.number}</span>
        <button type="button" className="scene-editor__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <fieldset className="scene-editor__fields" disabled={readonly}>
        <SceneTextField editor={editor} sceneId={sceneId} label="Name" value={scene.name} placeholder="The chase" onChange={(name) => edit({ name })} onEnter={closeGivingKeysBack} autoFocus />
        <SceneTextField
          editor={editor}
          sceneId={sceneId}
          label="Slugline"
          value={scene.slugline}
          placeholder="INT. KITCHEN – NIGHT"
          onChange={(slugline) => updateSlugline(editor, sceneId, slugline)}
          onEnter={closeGivingKeysBack}
        />
        <SceneTextField editor={editor} sceneId={sceneId} label="Location" value={scene.location} placeholder="Kitchen" onChange={(location) => edit({ location })} onEnter={closeGivingKeysBack} />
        <label className="scene-editor__field">
          <span>Time of day</span>
          <select
            value={scene.timeOfDay ?? ''}
            onChange={(e) => {
              editor.markHistoryStoppingPoint('edit scene')
              edit({ timeOfDay: (e.currentTarget.value || null) as TimeOfDay | null })
            }}
          >
            <option value="">Not set</option>
            {TIMES_OF_DAY.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <div className="scene-editor__field" role="radiogroup" aria-label="Colour">
          <span>Colour</span>
          <div className="scene-editor__swatches">
            {SCENE_COLORS.map((c) => (
              <button
                key={c.id}
                type="button"
                role="radio"
                aria-checked={scene.color === c.id}
                aria-label={c.label}
                title={c.label}
                className="scene-editor__swatch"
                style={{ background: SCENE_COLOR_VALUES[c.id] }}
                onClick={() => {
                  editor.markHistoryStoppingPoint('edit scene')
                  edit({ color: c.id })
                }}
              />
            ))}
          </div>
        </div>
      </fieldset>
      {!readonly && (
        <div className="scene-editor__actions">
          <button type="button" disabled={info.number <= 1} onClick={() => moveScene(editor, sceneId, -1)}>
            ← Earlier
          </button>
          <button type="button" disabled={info.number >= info.count} onClick={() => moveScene(editor, sceneId, 1)}>
            Later →
          </button>
          <button
            type="button"
            disabled={info.shots === 0}
            onClick={() => {
              arrangeSceneOnCanvas(editor, sceneId)
              // The result is on the canvas (selected): keys, undo included, act there next.
              focusCanvas(editor)
            }}
          >
            Arrange on canvas
          </button>
        </div>
      )}
      {!readonly &&
        (confirmingDelete ? (
          <div className="scene-editor__confirm" role="alert">
            <p>
              Delete scene {info.number}? {sceneDeletionWarning(info.shots)}
            </p>
            <div className="scene-editor__actions">
              <button type="button" className="scene-editor__danger" onClick={() => {
                  deleteScene(editor, sceneId)
                  // The editor closes with its scene; undo (Ctrl+Z) should work straight away.
                  focusCanvas(editor)
                }}>
                Delete scene
              </button>
              <button type="button" onClick={() => setConfirmingDelete(false)}>
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="scene-editor__delete" onClick={() => setConfirmingDelete(true)}>
            Delete scene…
          </button>
        ))}
    </div>
  )
}
