import {
  DefaultKeyboardShortcutsDialog,
  DefaultKeyboardShortcutsDialogContent,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  useActions,
  type TLUiKeyboardShortcutsDialogProps,
} from 'tldraw'
import { SEQUENCE_ACTION_IDS } from './sequenceActions'
import { GENERATE_ACTION_ID } from '../../generation/generationActions'
import { FIND_ACTION_ID } from '../find/findAction'
import { LIGHT_TABLE_ACTION_ID } from '../lightTable/lightTableAction'

/**
 * tldraw's keyboard shortcuts dialog with a Storyboard group in front. Page Up / Page Down are
 * listed as display items because tldraw's key labels spell multi-letter key names letter by
 * letter unless they are written as `[[Name]]`, which its key matcher does not read.
 */
export function StoryboardShortcutsDialog(props: TLUiKeyboardShortcutsDialogProps) {
  const actions = useActions()
  const step = (id: string) => () => void actions[id]?.onSelect('dialog')
  return (
    <DefaultKeyboardShortcutsDialog {...props}>
      <TldrawUiMenuGroup label="storyboard.shortcuts" id="storyboard">
        <TldrawUiMenuItem id="storyboard.shot-tool" label="storyboard.shot-tool" kbd="s" onSelect={() => {}} />
        <TldrawUiMenuActionItem actionId={SEQUENCE_ACTION_IDS.newShotAfter} />
        <TldrawUiMenuActionItem actionId={GENERATE_ACTION_ID} />
        <TldrawUiMenuItem
          id="storyboard.previous-shot-key"
          label={SEQUENCE_ACTION_IDS.previousShot}
          kbd="[[PageUp]]"
          onSelect={step(SEQUENCE_ACTION_IDS.previousShot)}
        />
        <TldrawUiMenuItem
          id="storyboard.next-shot-key"
          label={SEQUENCE_ACTION_IDS.nextShot}
          kbd="[[PageDown]]"
          onSelect={step(SEQUENCE_ACTION_IDS.nextShot)}
        />
        <TldrawUiMenuItem id="storyboard.edit-title" label="storyboard.edit-title" kbd="[[Enter]]" onSelect={() => {}} />
        <TldrawUiMenuActionItem actionId={SEQUENCE_ACTION_IDS.goToStrip} />
        <TldrawUiMenuActionItem actionId={FIND_ACTION_ID} />
        <TldrawUiMenuActionItem actionId={LIGHT_TABLE_ACTION_ID} />
        <TldrawUiMenuItem id="storyboard.back-to-canvas" label="storyboard.back-to-canvas" kbd="[[Esc]]" onSelect={() => {}} />
        <TldrawUiMenuItem id="storyboard.move-in-strip" label="storyboard.move-in-strip" kbd="alt+shift+[[← →]]" onSelect={() => {}} />
        {/* F6 is read by PaneCycling, also from inside a field, where tldraw's actions are off. */}
        <TldrawUiMenuItem id="storyboard.next-pane" label="storyboard.next-pane" kbd="[[F6]]" onSelect={() => {}} />
        <TldrawUiMenuItem id="storyboard.previous-pane" label="storyboard.previous-pane" kbd="shift+[[F6]]" onSelect={() => {}} />
      </TldrawUiMenuGroup>
      <DefaultKeyboardShortcutsDialogContent />
    </DefaultKeyboardShortcutsDialog>
  )
}
