import type { TLUiOverrides } from 'tldraw'
import { SEQUENCE_TRANSLATIONS, deleteKeepingPlace, sequenceActions } from './sequence/sequenceActions'
import { SHOT_TOOL_ID } from './ShotTool'
import { ShotToolIcon } from './ShotToolIcon'
import { MOTION_TOOL_ID } from './motion/MotionTool'
import { MotionToolIcon } from './motion/MotionToolIcon'
import { GENERATION_TRANSLATIONS, generationActions } from '../generation/generationActions'
import { zoomActionsClearOfPanels } from '../board/zoomClearOfPanels'
import { FIND_TRANSLATIONS, findActions } from './find/findAction'
import { LIGHT_TABLE_TRANSLATIONS, lightTableActions } from './lightTable/lightTableAction'
import { nothingToStepToast, stepHistory, type HistoryStep } from '../board/historyStepNotice'

/**
 * Adds the storyboard tools to tldraw's: the shot tool (toolbar item `tools.shot`, key S) and
 * the camera-move tool (`tools.camera-move`, key M), neither used by tldraw 5.4.2; and the
 * sequence's keyboard actions (new shot after, previous / next shot), tldraw's delete keeping
 * the user's place among the shots, its zooms to fit / to the selection fitting beside the
 * panels, Ctrl+Y as another redo key, Ctrl+F to find shots and Alt+Shift+L for the light table;
 * an Undo or Redo that changes nothing on the board says so (`stepHistory`).
 */
export const storyboardUiOverrides: TLUiOverrides = {
  tools(editor, tools) {
    tools[SHOT_TOOL_ID] = {
      id: SHOT_TOOL_ID,
      label: 'Shot',
      icon: <ShotToolIcon />,
      kbd: 's',
      onSelect() {
        editor.setCurrentTool(SHOT_TOOL_ID)
      },
    }
    tools[MOTION_TOOL_ID] = {
      id: MOTION_TOOL_ID,
      label: 'Camera move',
      icon: <MotionToolIcon />,
      kbd: 'm',
      onSelect() {
        editor.setCurrentTool(MOTION_TOOL_ID)
      },
    }
    return tools
  },
  actions(editor, actions, helpers) {
    const remove = actions['delete']
    const [undo, redo] = [actions['undo'], actions['redo']]
    const saying = (step: HistoryStep) => () => {
      if (!stepHistory(editor, step)) helpers.addToast(nothingToStepToast(step))
    }
    return {
      ...actions,
      ...zoomActionsClearOfPanels(editor, actions),
      ...(remove ? { delete: deleteKeepingPlace(editor, remove) } : {}),
      // Ctrl+Y redoes too, as in the other tools people use on Windows and Linux (tldraw binds only Ctrl+Shift+Z).
      ...(undo ? { undo: { ...undo, onSelect: saying('undo') } } : {}),
      ...(redo ? { redo: { ...redo, kbd: `${redo.kbd},ctrl+y`, onSelect: saying('redo') } } : {}),
      ...sequenceActions(editor),
      ...generationActions(editor, helpers),
      ...findActions(editor),
      ...lightTableActions(),
    }
  },
  translations: {
    en: { [SHOT_TOOL_ID]: 'Shot', [MOTION_TOOL_ID]: 'Camera move', ...SEQUENCE_TRANSLATIONS, ...GENERATION_TRANSLATIONS, ...FIND_TRANSLATIONS, ...LIGHT_TABLE_TRANSLATIONS },
  },
}
