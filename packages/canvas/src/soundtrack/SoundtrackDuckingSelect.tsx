import { useId } from 'react'
import type { Editor } from 'tldraw'
import { SOUNDTRACK_DUCKING, SOUNDTRACK_DUCKING_IDS } from '@storyloom/shared/storyboard/soundtrackDucking'
import { updateBoardSettings } from '../storyboard/scenes/sceneCommands'
import { useBoardSoundtrackDucking } from './useBoardSoundtrack'

/**
 * "Duck soundtrack under shot sounds": how far the soundtrack is lowered while a shot's own sound
 * plays, in Present, review links and Export video. A board setting: live for everyone, one undo step.
 */
export function SoundtrackDuckingSelect({ editor }: { editor: Editor }) {
  const ducking = useBoardSoundtrackDucking(editor.store)
  const id = useId()
  return (
    <p className="soundtrack-panel__ducking">
      <label htmlFor={id}>Duck soundtrack under shot sounds</label>{' '}
      <select
        id={id}
        value={String(ducking)}
        onChange={(event) => {
          const next = SOUNDTRACK_DUCKING_IDS.find((amount) => String(amount) === event.currentTarget.value)
          if (next !== undefined && next !== ducking) updateBoardSettings(editor, { soundtrackDucking: next })
        }}
      >
        {SOUNDTRACK_DUCKING.map((choice) => (
          <option key={choice.id} value={String(choice.id)}>
            {choice.label}
          </option>
        ))}
      </select>
    </p>
  )
}
