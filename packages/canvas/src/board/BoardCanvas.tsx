import { useState } from 'react'
import { Tldraw, type Editor, type TLComponents, type TldrawOptions, type TLStore } from 'tldraw'
import 'tldraw/tldraw.css'
import type { ClientConfig } from '@storyloom/shared/api/config'
import { PICTURE_MIME_TYPES } from '@storyloom/shared/api/assets'
import type { BoardSession } from '../sync/BoardSession'
import { ShotTool } from '../storyboard/ShotTool'
import { SequenceStrip } from '../storyboard/sequence/SequenceStrip'
import { StoryboardShortcutsDialog } from '../storyboard/sequence/StoryboardShortcutsDialog'
import { StoryboardOverlays } from '../storyboard/StoryboardOverlays'
import { PANE_IDS } from '../storyboard/paneIds'
import { StoryboardMainMenu } from '../storyboard/plan/StoryboardMainMenu'
import { MotionTool } from '../storyboard/motion/MotionTool'
import { ReferenceTags } from '../storyboard/references/ReferenceTags'
import { StoryboardStylePanel } from '../storyboard/StoryboardStylePanel'
import { StoryboardToolbar } from '../storyboard/StoryboardToolbar'
import { storyboardUiOverrides } from '../storyboard/storyboardUiOverrides'
import { GenerationFeedProvider } from '../generation/GenerationFeedProvider'
import { StoryboardContextMenu } from '../generation/StoryboardContextMenu'
import { CommentPins } from '../review/CommentPins'
import { BoardSessionContext } from './BoardSessionContext'
import { boardBindingUtils, boardShapeUtils } from './boardUtils'
import { BoardPageMenu } from './BoardPageMenu'
import { BoardSharePanel } from './BoardSharePanel'
import { BoardTitle } from './BoardTitle'
import { tldrawAssetUrls } from './tldrawAssetUrls'
import { undoOnlyOwnEdits } from './undoOnlyOwnEdits'
import { splitUndoWhereOthersTyped } from '../sync/splitUndoWhereOthersTyped'
import { markZooming } from './zoomingAttribute'
import { revealShotInUrl } from './revealShotInUrl'
import { revealContentOnOpen } from './revealContentOnOpen'
import { revealTappedShot } from './revealTappedShot'
import { dropShapesOfFailedUploads } from '../assets/dropShapesOfFailedUploads'
import { FollowingIndicator } from './FollowingIndicator'
import { PersonMenuItem } from './PersonMenuItem'
import { stopFollowingOnOwnInput } from './followingEnds'
import '../styles/floating-surface.css'
import '../styles/board.css'
import '../styles/top-bar-touch.css'
import '../styles/storyboard.css'

/** Page-space overlays: reference role tags and pinned comments. */
function OnTheCanvas() {
  return (
    <>
      <ReferenceTags />
      <CommentPins />
    </>
  )
}

const components: TLComponents = {
  TopPanel: BoardTitle,
  MainMenu: StoryboardMainMenu,
  PageMenu: BoardPageMenu,
  SharePanel: BoardSharePanel,
  StylePanel: StoryboardStylePanel,
  Toolbar: StoryboardToolbar,
  KeyboardShortcutsDialog: StoryboardShortcutsDialog,
  OnTheCanvas: OnTheCanvas,
  InFrontOfTheCanvas: StoryboardOverlays,
  ContextMenu: StoryboardContextMenu,
  PeopleMenuItem: PersonMenuItem,
  FollowingIndicator: FollowingIndicator,
}

const shapeUtils = boardShapeUtils
const bindingUtils = boardBindingUtils
const tools = [ShotTool, MotionTool]

/**
 * tldraw treats the camera as stopped once no camera change came for `cameraMovingTimeoutMs`
 * (64 ms by default), measured in frame time. On a board of more than 500 shapes a frame slower
 * than that (a big board on a slow or busy machine) therefore ends the "moving" state on every
 * zoom step, each step writes `--tl-zoom`, and Chrome restyles every shape in view, making the
 * next frame slower still. 150 ms keeps a continuous pan or zoom one gesture down to ~7 fps;
 * the cost is that culling and crisp text catch up 150 ms after the camera stops.
 */
const options = { cameraMovingTimeoutMs: 150 } satisfies Partial<TldrawOptions>

// Only what the server's asset store accepts, so a refused file gets tldraw's clear
// "file type not allowed" message up front instead of a failed upload.
const imageTypes = PICTURE_MIME_TYPES.filter((type) => type.startsWith('image/'))
const videoTypes = PICTURE_MIME_TYPES.filter((type) => type.startsWith('video/'))

type BoardCanvasProps = { session: BoardSession; store: TLStore; config: ClientConfig }

/** The tldraw editor for an open board. */
export function BoardCanvas({ session, store, config }: BoardCanvasProps) {
  const [editor, setEditor] = useState<Editor | null>(null)
  return (
    <BoardSessionContext.Provider value={session}>
      {/* Generations' live events for everything below, shapes included. */}
      <GenerationFeedProvider boardId={session.boardId}>
      <div className="board-canvas">
        <div className="board-canvas__editor" id={PANE_IDS.canvas}>
          <Tldraw
            store={store}
            assetUrls={tldrawAssetUrls}
            components={components}
            shapeUtils={shapeUtils}
            bindingUtils={bindingUtils}
            tools={tools}
            options={options}
            overrides={storyboardUiOverrides}
            licenseKey={config.tldrawLicenseKey ?? undefined}
            maxAssetSize={config.maxAssetBytes}
            acceptedImageMimeTypes={imageTypes}
            acceptedVideoMimeTypes={videoTypes}
            // Exposes the editor as tldraw's own examples do, so browser tests (tests/e2e) can read its state.
            onMount={(mounted) => {
              Object.assign(window, { editor: mounted })
              setEditor(mounted)
              if (!revealShotInUrl(mounted)) revealContentOnOpen(mounted)
              session.onCanvas.set(true)
              const stops = [
                markZooming(mounted),
                undoOnlyOwnEdits(mounted),
                splitUndoWhereOthersTyped(mounted),
                stopFollowingOnOwnInput(mounted),
                revealTappedShot(mounted),
                dropShapesOfFailedUploads(mounted),
                () => session.onCanvas.set(false),
              ]
              return () => stops.forEach((stop) => stop())
            }}
          />
        </div>
        {/* Below the canvas, not over it: tldraw's toolbar and panels keep their whole area. */}
        {editor && <SequenceStrip editor={editor} />}
      </div>
      </GenerationFeedProvider>
    </BoardSessionContext.Provider>
  )
}
