import type { TLUiOverrides } from 'tldraw'
import { SEQUENCE_TRANSLATIONS, sequenceActions } from './sequence/sequenceActions'
import { SHOT_TOOL_ID } from './ShotTool'
import { ShotToolIcon } from './ShotToolIcon'

/**
 * Adds the shot tool to tldraw's tools (toolbar item `tools.shot`, key S, unused by tldraw)
 * and the sequence's keyboard actions (new shot after, previous / next shot).
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
    return tools
  },
  actions(editor, actions) {
    return { ...actions, ...sequenceActions(editor) }
  },
  translations: {
    en: { [SHOT_TOOL_ID]: 'Shot', ...SEQUENCE_TRANSLATIONS },
  },
}
