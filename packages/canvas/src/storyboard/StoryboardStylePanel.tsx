import { DefaultStylePanel, useEditor, useValue, type TLUiStylePanelProps } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { ShotInspector } from './ShotInspector'
import { shotNumbersOf } from './shotNumbers'

/** The right-hand panel: the shot inspector when exactly one shot is selected, else tldraw's styles. */
export function StoryboardStylePanel(props: TLUiStylePanelProps) {
  const editor = useEditor()
  const shot = useValue(
    'selected shot',
    () => {
      const only = editor.getOnlySelectedShape()
      return only && editor.isShapeOfType(only, 'shot') ? (only as TLShotShape) : null
    },
    [editor],
  )
  const number = useValue('selected shot number', () => (shot ? (shotNumbersOf(editor).get().get(shot.id) ?? '') : ''), [
    editor,
    shot?.id,
  ])
  if (!shot) return <DefaultStylePanel {...props} />
  return <ShotInspector key={shot.id} shape={shot} number={number} />
}
