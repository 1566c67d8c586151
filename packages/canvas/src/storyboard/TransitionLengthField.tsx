import { useCallback } from 'react'
import { useEditor, useValue } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { BlendedTransition } from '@storyloom/shared/storyboard/transitionLength'
import { boardSequenceModel } from './sequence/boardSequenceModel'
import { InspectorNumberField } from './InspectorNumberField'
import { parseTransitionFrames } from './shotFieldParsing'
import { transitionLengthField } from './transitionLengthText'

/**
 * The inspector's "Length" of a dissolve, fade or wipe into the shot: frames at the board's rate
 * (or seconds typed with an "s"), kept as seconds so a change of frame rate keeps the timing;
 * empty for the usual length. The hint says the seconds, or what half the shot cuts it to.
 */
export function TransitionLengthField({ shape, transition }: { shape: TLShotShape; transition: BlendedTransition }) {
  const editor = useEditor()
  const fps = useValue('board fps', () => boardSequenceModel(editor).get().settings.fps, [editor])
  const { transitionInSeconds, duration } = shape.props
  const field = transitionLengthField({ transitionIn: transition, duration, transitionInSeconds }, fps)
  const parse = useCallback((text: string) => parseTransitionFrames(text, fps), [fps])
  return (
    <InspectorNumberField
      label="Length (frames)"
      value={field.frames}
      parse={parse}
      placeholder={String(field.usualFrames)}
      hint={field.hint}
      onValid={(frames) =>
        editor.updateShape<TLShotShape>({ id: shape.id, type: 'shot', props: { transitionInSeconds: frames === null ? null : frames / fps } })
      }
    />
  )
}
