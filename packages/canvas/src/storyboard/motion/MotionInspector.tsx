import { useEditor, useValue } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import {
  directionToVector,
  speedLabel,
  type MotionShapeProps,
  type TLMotionShape,
} from '@storyloom/shared/storyboard/motionShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotNumbersOf } from '../shotNumbers'
import { MOTION_FAMILIES, familyOfKind, motionFromDrag, readDirection, type MotionFamily } from './motionFamilies'

/** The eight directions a storyboard arrow is usually drawn in, clockwise from frame right. */
const DIRECTIONS = [
  { degrees: 0, glyph: '→', label: 'Right' },
  { degrees: 45, glyph: '↘', label: 'Down right' },
  { degrees: 90, glyph: '↓', label: 'Down' },
  { degrees: 135, glyph: '↙', label: 'Down left' },
  { degrees: 180, glyph: '←', label: 'Left' },
  { degrees: 225, glyph: '↖', label: 'Up left' },
  { degrees: 270, glyph: '↑', label: 'Up' },
  { degrees: 315, glyph: '↗', label: 'Up right' },
] as const

/** Moves whose drawing has no direction to choose: into or out of the frame. */
const WITHOUT_DIRECTION = new Set<MotionFamily>(['dolly-in', 'dolly-out', 'zoom-in', 'zoom-out'])

/**
 * Edits one selected camera move or subject path: the move, its direction, speed and strength.
 * Every change is an `updateShape` (synced, undoable; a slider drag undoes as one step), and a
 * change of move also updates the shot's camera line when it showed the old move.
 */
export function MotionInspector({ shape }: { shape: TLMotionShape }) {
  const editor = useEditor()
  const { kind, direction, speed, strength } = shape.props
  const family = familyOfKind(kind)
  const shot = useValue(
    'annotated shot',
    () => {
      const binding = editor.getBindingsFromShape(shape.id, ANNOTATION_BINDING_TYPE)[0]
      return binding ? (editor.getShape<TLShotShape>(binding.toId) ?? null) : null
    },
    [editor, shape.id],
  )
  const number = useValue('annotated shot number', () => (shot ? (shotNumbersOf(editor).get().get(shot.id) ?? '') : ''), [editor, shot?.id])
  const markEdit = () => editor.markHistoryStoppingPoint('edit camera move')

  const update = (props: Partial<MotionShapeProps>) => {
    editor.run(() => {
      editor.updateShape<TLMotionShape>({ id: shape.id, type: 'motion', props })
      if (shot && props.kind && props.kind !== 'subject' && shot.props.camera.movement === kind) {
        editor.updateShape<TLShotShape>({ id: shot.id, type: 'shot', props: { camera: { ...shot.props.camera, movement: props.kind } } })
      }
    })
  }
  const { nearest, freeDegrees } = readDirection(direction)
  // Another move keeps a free angle; the buttons set one of the eight exactly.
  const setMove = (next: MotionFamily) => update(motionFromDrag(next, directionToVector(direction), { free: freeDegrees !== null }))
  const setDirection = (degrees: number) => update(motionFromDrag(family, directionToVector(degrees)))

  return (
    <section className="shot-inspector floating-surface" aria-label="Camera move inspector" data-testid="motion-inspector" onFocus={markEdit}>
      <header className="shot-inspector__header">
        <span className="shot-inspector__number">{kind === 'subject' ? 'Subject path' : 'Camera move'}</span>
        {shot && <span className="motion-inspector__shot">{`on shot ${number}`}</span>}
      </header>
      <label className="shot-inspector__field">
        <span className="shot-inspector__label">Move</span>
        <select value={family} onChange={(e) => setMove(e.currentTarget.value as MotionFamily)}>
          {MOTION_FAMILIES.map((f) => (
            <option key={f.id} value={f.id}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      {!WITHOUT_DIRECTION.has(family) && (
        <div className="shot-inspector__field">
          <span className="shot-inspector__label" data-testid="motion-direction-label">
            {freeDegrees === null ? 'Direction' : `Direction — ${freeDegrees}°`}
          </span>
          <div className="motion-inspector__directions" role="group" aria-label="Direction">
            {DIRECTIONS.map((d) => (
              <button
                key={d.degrees}
                type="button"
                aria-label={d.label}
                title={d.label}
                aria-pressed={nearest === d.degrees}
                onClick={() => {
                  markEdit()
                  setDirection(d.degrees)
                }}
              >
                {d.glyph}
              </button>
            ))}
          </div>
        </div>
      )}
      <label className="shot-inspector__field">
        <span className="shot-inspector__label">{`Speed — ${speedLabel(speed)}`}</span>
        {/* Named by the field alone (the label would add the value to the name); the value is read as its value. */}
        <input
          aria-label="Speed"
          aria-valuetext={speedLabel(speed)}
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={speed}
          onPointerDown={markEdit}
          onChange={(e) => update({ speed: Number(e.currentTarget.value) })}
        />
      </label>
      <label className="shot-inspector__field">
        <span className="shot-inspector__label">{`Strength — ${Math.round(strength * 100)}%`}</span>
        <input
          aria-label="Strength"
          aria-valuetext={`${Math.round(strength * 100)}%`}
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={strength}
          onPointerDown={markEdit}
          onChange={(e) => update({ strength: Number(e.currentTarget.value) })}
        />
      </label>
      <p className="motion-panel__hint">How closely a generation follows this move.</p>
    </section>
  )
}
