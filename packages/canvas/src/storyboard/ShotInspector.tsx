import { useId, useRef } from 'react'
import { useEditor, useValue } from 'tldraw'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { dialogueShortfall, durationToSay } from '@storyloom/shared/storyboard/dialogueTiming'
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH } from '@storyloom/shared/storyboard/limits'
import type { ShotCamera, ShotShapeProps, TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import {
  ASPECT_RATIOS,
  CAMERA_ANGLES,
  CAMERA_MOVEMENTS,
  COMMON_LENSES,
  SHOT_SIZES,
  SHOT_STATUSES,
  TRANSITIONS,
  type AspectRatio,
  type Transition,
} from '@storyloom/shared/storyboard/vocabulary'
import { shotPanelHeight } from './shotLayout'
import { fitSketchToFrame } from './fitSketchToFrame'
import { isBlendedTransition } from '@storyloom/shared/storyboard/transitionLength'
import { parseDuration, parseLens } from './shotFieldParsing'
import { InspectorField as Field } from './InspectorField'
import { InspectorNumberField as NumberField } from './InspectorNumberField'
import { TransitionLengthField } from './TransitionLengthField'
import { ShotReferencesSection } from './references/ShotReferencesSection'
import { ShotSceneField } from './scenes/ShotSceneField'
import { GenerateShotButton } from '../generation/GenerateShotButton'
import { useEscapeLeavesField } from './useEscapeLeavesField'
import { useCaretKeptThroughOthersEdits } from './useCaretKeptThroughOthersEdits'
import { useKeysOffCanvasWhenDeleted } from './useKeysOffCanvasWhenDeleted'
import { UNTITLED_SHOT } from './shotTitleText'
import { endTitleEdit } from './sequence/sequenceCommands'
import { PANE_IDS } from './paneIds'
import { DialogueFitNote } from './DialogueFitNote'
import { ReframeSection } from './reframe/ReframeSection'
import { ShotSoundSection } from './sound/ShotSoundSection'
import { AssigneeField } from './assignee/AssigneeField'
import { useTypingUndo } from './useTypingUndo'

/**
 * The shot inspector: every field of one selected shot, what a writer types first (title, action,
 * dialogue) on top, so they are in reach without scrolling on a 1280×720 screen. Each edit is an `updateShape`, so it
 * syncs to everyone and undoes like any canvas change; typing in the title, action and dialogue
 * undoes in word-processor steps, Ctrl+Z in the field too (`useTypingUndo`).
 */
export function ShotInspector({ shape, number }: { shape: TLShotShape; number: string }) {
  const editor = useEditor()
  const { props } = shape
  const update = (partial: Partial<ShotShapeProps>) =>
    editor.updateShape<TLShotShape>({ id: shape.id, type: 'shot', props: partial })
  const updateCamera = (partial: Partial<ShotCamera>) => update({ camera: { ...props.camera, ...partial } })
  // An undo step starts with each field's focus (typing then splits it at pauses: useTypingUndo).
  // The inspector taking the keyboard also ends a title edit left open on the canvas (a new
  // shot's, which opens by itself): one field edits the title at a time, and tldraw, still
  // editing, would keep Escape and Ctrl+Z from the canvas after it.
  const markEdit = () => {
    endTitleEdit(editor)
    editor.markHistoryStoppingPoint('edit shot')
  }
  const section = useRef<HTMLElement>(null)
  useEscapeLeavesField(editor, section)
  useKeysOffCanvasWhenDeleted(editor, section, shape.id, `Shot ${number}`)
  // The fields people type into: someone else's edit of one keeps your caret where you type.
  const titleField = useRef<HTMLInputElement>(null)
  const actionField = useRef<HTMLTextAreaElement>(null)
  const dialogueField = useRef<HTMLTextAreaElement>(null)
  useCaretKeptThroughOthersEdits(titleField, props.title, shape.id)
  useCaretKeptThroughOthersEdits(actionField, props.action, shape.id)
  useCaretKeptThroughOthersEdits(dialogueField, props.dialogue, shape.id)
  const typing = useTypingUndo(editor)
  /** A typed field's props: its undo in typing steps, and its edit written as `key`. */
  const typed = (key: 'title' | 'action' | 'dialogue') => ({
    value: props[key],
    onFocus: typing.onFocus,
    onKeyDown: typing.onKeyDown,
    onChange: (e: { currentTarget: { value: string }; timeStamp: number }) => {
      typing.beforeChange(e.currentTarget.value, props[key], e.timeStamp)
      update({ [key]: e.currentTarget.value })
    },
  })
  // Too short for its dialogue: Fit to dialogue rounds up to whole frames at the board's rate.
  const fps = useValue('board fps', () => (editor.store.get(BOARD_SETTINGS_ID) ?? createBoardSettings()).fps, [editor])
  const shortfall = dialogueShortfall(props.duration, props.dialogue)
  const dialogueFitId = useId()
  const durationField = useRef<HTMLInputElement>(null)
  // The click focused the button, which marked a stopping point (onFocus): the fit undoes alone.
  // The button goes with the note, so the keyboard goes to the duration it changed, not the page.
  const fitToDialogue =
    shortfall && !editor.getIsReadonly()
      ? () => {
          update({ duration: durationToSay(shortfall.needs, fps) })
          durationField.current?.focus()
        }
      : null

  return (
    <section ref={section} id={PANE_IDS.inspector} className="shot-inspector floating-surface" aria-label="Shot inspector" data-testid="shot-inspector" onFocus={markEdit}>
      <header className="shot-inspector__header">
        <span className="shot-inspector__number">Shot {number}</span>
        {!editor.getIsReadonly() && <GenerateShotButton shotId={shape.id} />}
      </header>
      <Field label="Title">
        <input
          ref={titleField}
          {...typed('title')}
          maxLength={MAX_TITLE_LENGTH}
          placeholder={UNTITLED_SHOT}
        />
      </Field>
      <Field label="Action">
        <textarea ref={actionField} rows={3} data-shot-field="action" {...typed('action')} maxLength={MAX_TEXT_LENGTH} />
      </Field>
      <Field label="Dialogue / VO">
        <textarea ref={dialogueField} rows={3} {...typed('dialogue')} maxLength={MAX_TEXT_LENGTH} />
      </Field>
      <ShotSceneField shape={shape} />
      <AssigneeField shots={[shape]} />
      <NumberField
        label="Duration (s)"
        value={props.duration}
        parse={parseDuration}
        onValid={(duration) => update({ duration })}
        inputRef={durationField}
        describedBy={shortfall ? dialogueFitId : undefined}
      />
      <DialogueFitNote id={dialogueFitId} shortfall={shortfall} onFit={fitToDialogue} />
      {/* How this shot comes in from the one before: Present and the exported video play it, the print and the shot list say it. */}
      <Field label="Transition in">
        <select value={props.transitionIn} onChange={(e) => update({ transitionIn: e.currentTarget.value as Transition })}>
          {TRANSITIONS.map((t) => (
            <option key={t.id} value={t.id}>{t.label}</option>
          ))}
        </select>
      </Field>
      {/* Only a blend has a length; a cut keeps the one set, for a change back. */}
      {isBlendedTransition(props.transitionIn) && <TransitionLengthField shape={shape} transition={props.transitionIn} />}
      <Field label="Shot size">
        <select value={props.camera.shotSize} onChange={(e) => updateCamera({ shotSize: e.currentTarget.value as ShotCamera['shotSize'] })}>
          {SHOT_SIZES.map((s) => (
            <option key={s.id} value={s.id}>{`${s.abbr} — ${s.label}`}</option>
          ))}
        </select>
      </Field>
      <Field label="Angle">
        <select value={props.camera.angle} onChange={(e) => updateCamera({ angle: e.currentTarget.value as ShotCamera['angle'] })}>
          {CAMERA_ANGLES.map((a) => (
            <option key={a.id} value={a.id}>{a.label}</option>
          ))}
        </select>
      </Field>
      <NumberField
        label="Lens (mm)"
        value={props.camera.lensMm}
        parse={parseLens}
        placeholder="Not set"
        list="shot-inspector-lenses"
        onValid={(lensMm) => updateCamera({ lensMm })}
      />
      <datalist id="shot-inspector-lenses">
        {COMMON_LENSES.map((l) => (
          <option key={l.id} value={l.id}>{l.label}</option>
        ))}
      </datalist>
      <Field label="Movement">
        <select value={props.camera.movement} onChange={(e) => updateCamera({ movement: e.currentTarget.value as ShotCamera['movement'] })}>
          {CAMERA_MOVEMENTS.map((m) => (
            <option key={m.id} value={m.id}>{m.label}</option>
          ))}
        </select>
      </Field>
      <Field label="Aspect ratio">
        <select
          value={props.aspect}
          onChange={(e) => {
            const aspect = e.currentTarget.value as AspectRatio
            // Keep the width; the panel grows or shrinks so the new frame fills it, and the
            // sketch in the frame follows it.
            const next = { aspect, h: shotPanelHeight(props.w, aspect) }
            editor.run(() => {
              update(next)
              fitSketchToFrame(editor, shape.id, props, { ...props, ...next })
            })
          }}
        >
          {ASPECT_RATIOS.map((a) => (
            <option key={a.id} value={a.id}>{a.label}</option>
          ))}
        </select>
      </Field>
      <Field label="Status">
        <select value={props.status} onChange={(e) => update({ status: e.currentTarget.value as ShotShapeProps['status'] })}>
          {SHOT_STATUSES.map((s) => (
            <option key={s.id} value={s.id}>{s.label}</option>
          ))}
        </select>
      </Field>
      {/* Viewers see its name and length and can hear it; editors add, replace or remove it. */}
      <ShotSoundSection shape={shape} />
      {/* Viewers see the framing on the picture, not these controls. */}
      {props.media && !editor.getIsReadonly() && <ReframeSection shape={shape} />}
      <ShotReferencesSection shotId={shape.id} />
    </section>
  )
}
