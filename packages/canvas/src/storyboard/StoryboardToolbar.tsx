import { DefaultToolbar, DefaultToolbarContent, TldrawUiMenuItem, useIsToolSelected, useTools } from 'tldraw'
import { SHOT_TOOL_ID } from './ShotTool'
import { MOTION_TOOL_ID } from './motion/MotionTool'

/**
 * tldraw's toolbar with the storyboard tools in front. They get slots of their own (one more
 * item and 40px more than tldraw's defaults of 8 and 470px each), so every tool tldraw shows
 * stays visible.
 */
export function StoryboardToolbar() {
  const tools = useTools()
  const shotTool = tools[SHOT_TOOL_ID]
  const isShotSelected = useIsToolSelected(shotTool)
  const motionTool = tools[MOTION_TOOL_ID]
  const isMotionSelected = useIsToolSelected(motionTool)
  return (
    <DefaultToolbar maxItems={10} maxSizePx={550}>
      {shotTool && <TldrawUiMenuItem {...shotTool} isSelected={isShotSelected} />}
      {motionTool && <TldrawUiMenuItem {...motionTool} isSelected={isMotionSelected} />}
      <DefaultToolbarContent />
    </DefaultToolbar>
  )
}
