import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  useEditor,
  useValue,
  type TLUiContextMenuProps,
} from 'tldraw'
import { GENERATE_ACTION_ID } from './generationActions'

/** tldraw's context menu with "Generate…" on top when the selection holds shots. */
export function StoryboardContextMenu(props: TLUiContextMenuProps) {
  const editor = useEditor()
  const hasShots = useValue('selection has shots', () => !editor.getIsReadonly() && editor.getSelectedShapes().some((s) => s.type === 'shot'), [editor])
  return (
    <DefaultContextMenu {...props}>
      {hasShots && (
        <TldrawUiMenuGroup id="storyloom-generate">
          <TldrawUiMenuActionItem actionId={GENERATE_ACTION_ID} />
        </TldrawUiMenuGroup>
      )}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  )
}
