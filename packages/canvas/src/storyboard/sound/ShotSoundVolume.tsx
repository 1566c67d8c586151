import { useEditor } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { InspectorNumberField } from '../InspectorNumberField'
import { parseVolumePercent } from './shotSoundText'
import { setShotSoundVolume } from './setShotSound'

/**
 * How loud the shot's sound plays (its Volume), a slider and a field in percent: Present, review
 * links and Export video play it at that level, so a loud effect or a hot scratch line sits under
 * the soundtrack. A slider drag (its own press) or key is one undo step; so is a typed value
 * (the inspector marks one as a field takes focus). A viewer sees the level, not a way to change it.
 */
export function ShotSoundVolume({ shape }: { shape: TLShotShape }) {
  const editor = useEditor()
  const readonly = editor.getIsReadonly()
  const percent = Math.round(shape.props.soundVolume * 100)
  const set = (value: number) => setShotSoundVolume(editor, shape.id, value / 100)
  return (
    <div className="shot-inspector__sound-volume">
      <input
        type="range"
        aria-label="Volume"
        aria-valuetext={`${percent} %`}
        min={0}
        max={100}
        step={1}
        value={percent}
        disabled={readonly}
        onPointerDown={() => editor.markHistoryStoppingPoint('sound volume')}
        onKeyDown={(event) => {
          if (!event.repeat) editor.markHistoryStoppingPoint('sound volume')
        }}
        onChange={(event) => set(Number(event.currentTarget.value))}
      />
      <InspectorNumberField label="Volume (%)" value={percent} parse={parseVolumePercent} onValid={set} readOnly={readonly} />
    </div>
  )
}
