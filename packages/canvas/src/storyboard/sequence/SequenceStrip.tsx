import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useValue, type Editor, type TLShapeId } from 'tldraw'
import type { SceneId } from '@storyloom/shared/storyboard/sceneRecord'
import { noSceneNumber } from '@storyloom/shared/storyboard/numbering'
import { NO_SCENE_COLOR, SCENE_COLOR_VALUES } from '../scenes/sceneColors'
import { SceneEditor } from '../scenes/SceneEditor'
import { startNewScene } from '../scenes/sceneCommands'
import { boardSequenceModel } from './boardSequenceModel'
import { endTitleEdit, focusCanvas, insertShot, revealShot } from './sequenceCommands'
import { editNewShotTitle } from '../newShotTitle'
import { GO_TO_STRIP_ARIA_KEYS } from './sequenceActions'
import { SequenceStripHeader } from './SequenceStripHeader'
import { StripSceneGroup } from './StripSceneGroup'
import { StripShotCard } from './StripShotCard'
import { stripHeadingWidth } from './stripHeadingWidth'
import { CARD_WIDTH, visibleItems } from './stripLayout'
import { stripLayoutOf } from './stripLayoutOf'
import { findHighlightsOf, findMarkOf } from '../find/findHighlights'
import { registerStripFocus } from './stripFocus'
import { PANE_IDS } from '../paneIds'
import { useStripCollapsed } from './useStripCollapsed'
import { useStripDrag } from './useStripDrag'
import { useStripKeyboard } from './useStripKeyboard'
import { useStripViewport } from './useStripViewport'
import '../../styles/sequence.css'

/**
 * The sequence strip along the bottom of the board: every shot in reading order, grouped
 * under scene headings, with numbers, thumbnails, durations and runtimes. Everything it shows
 * is computed from the store's signals; only the cards scrolled into view are rendered.
 */
export function SequenceStrip({ editor }: { editor: Editor }) {
  const model = useValue('board sequence', () => boardSequenceModel(editor).get(), [editor])
  const selectedIds = useValue('selected shapes', () => editor.getSelectedShapeIds(), [editor])
  const found = useValue(findHighlightsOf(editor))
  // Viewers (read-only sessions) can browse and select, never reorder or add.
  const editable = useValue('board editable', () => !editor.getIsReadonly(), [editor])
  const [collapsed, setCollapsed] = useStripCollapsed()
  const [openScene, setOpenScene] = useState<{ id: SceneId; left: number } | null>(null)
  const track = useRef<HTMLDivElement>(null)
  const view = useStripViewport(track)

  const { sequence, numbers, timing } = model
  // Laid out once per order (see stripLayoutOf): typing in a shot changes the model, not the order.
  const layout = stripLayoutOf(model, (scene, sceneNumber) =>
    stripHeadingWidth(scene, sceneNumber, 0, 0, track.current ? getComputedStyle(track.current).fontFamily : undefined),
  )
  const drag = useStripDrag(editor, layout, track)
  const onlySelected = selectedIds.length === 1 ? selectedIds[0] : undefined
  const keyboard = useStripKeyboard(editor, layout, track, onlySelected)
  // "Go to sequence strip" (Shift+3): the tab stop's card, opening the strip if it is collapsed.
  const { focusTabStop } = keyboard
  useEffect(
    () =>
      registerStripFocus(editor, () => {
        setCollapsed(false)
        focusTabStop()
      }),
    [editor, setCollapsed, focusTabStop],
  )
  const visible = visibleItems(layout, view.left, view.width, { keep: keyboard.tabStopId })
  const selected = useMemo(() => new Set<string>(selectedIds), [selectedIds])
  // A card's entry is at its position: the model's entries are in the order the layout was made from.
  const sceneIndex = useMemo(() => new Map<string, number>(sequence.scenes.map((s, i) => [s.id, i] as const)), [sequence.scenes])

  const onSelect = useCallback(
    (shotId: string, additive: boolean) => {
      // A title still open on the canvas (a new shot's, which opens by itself) would keep the
      // canvas's keys (Delete, Page Down) from the shot picked here.
      endTitleEdit(editor)
      if (additive) editor.select(...editor.getSelectedShapeIds(), shotId as TLShapeId)
      else revealShot(editor, shotId as TLShapeId)
      // Hand the keyboard back to the canvas, so the sequence keys work right after a click.
      focusCanvas(editor)
    },
    [editor],
  )
  const onInsert = useCallback(
    (shotId: string, side: 'before' | 'after') => {
      editNewShotTitle(editor, insertShot(editor, side === 'before' ? { before: shotId } : { after: shotId }))
    },
    [editor],
  )
  const onAddShot = useCallback(
    (sceneId: string | null) => {
      editNewShotTitle(editor, insertShot(editor, { sceneId, at: 'end' }))
    },
    [editor],
  )
  const onOpenScene = useCallback((id: string, left: number) => setOpenScene({ id: id as SceneId, left }), [])

  // Keep the selected shot in view in the strip when the selection changes (canvas, keys) —
  // not when someone else's edit changes the layout while this person scrolls the strip.
  const layoutRef = useRef(layout)
  layoutRef.current = layout
  useEffect(() => {
    const element = track.current
    const card = onlySelected && layoutRef.current.cards.find((c) => c.shotId === onlySelected)
    if (!element || !card) return
    if (card.x < element.scrollLeft || card.x + CARD_WIDTH > element.scrollLeft + element.clientWidth) {
      element.scrollTo({ left: card.x - element.clientWidth / 2 + CARD_WIDTH / 2, behavior: 'smooth' })
    }
  }, [onlySelected, collapsed])

  // The board's root says whether the strip is collapsed, so the canvas's panels can leave it
  // room. Not a `.board-canvas:has(...)` rule: that made Chrome restyle the whole canvas
  // (4,000–12,000 elements) on every DOM change in it, i.e. every frame of a pan on a big board.
  const section = useRef<HTMLElement>(null)
  useLayoutEffect(() => {
    const root = section.current?.closest('.board-canvas')
    root?.toggleAttribute('data-strip-collapsed', collapsed)
    return () => root?.removeAttribute('data-strip-collapsed')
  }, [collapsed])

  return (
    <section
      ref={section}
      id={PANE_IDS.strip}
      className="sequence-strip"
      aria-label="Sequence"
      aria-keyshortcuts={GO_TO_STRIP_ARIA_KEYS}
      data-testid="sequence-strip"
      data-collapsed={collapsed || undefined}
    >
      <SequenceStripHeader
        editor={editor}
        model={model}
        editable={editable}
        collapsed={collapsed}
        onToggleCollapsed={() => setCollapsed(!collapsed)}
        onAddScene={() => {
          const id = startNewScene(editor)
          setCollapsed(false)
          setOpenScene({ id, left: window.innerWidth / 2 - 150 })
        }}
      />
      {!collapsed && (
        <div
          className="sequence-strip__track"
          ref={track}
          // With no cards, "go to sequence strip" lands here, on what the empty strip says.
          tabIndex={layout.cards.length === 0 ? -1 : undefined}
          onDragOver={drag.onDragOver}
          onDrop={drag.onDrop}
          onDragLeave={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) drag.onDragEnd()
          }}
          onDragEnd={drag.onDragEnd}
          onKeyDown={keyboard.onKeyDown}
          onKeyUp={keyboard.onKeyUp}
          onFocus={keyboard.onFocus}
          onBlur={keyboard.onBlur}
        >
          {sequence.entries.length === 0 && sequence.scenes.length === 0 ? (
            editable ? (
              <p className="sequence-strip__empty">
                No shots yet. Press <kbd>S</kbd> and click the canvas to place one, or <kbd>Shift</kbd>+<kbd>S</kbd> for a new
                shot.
              </p>
            ) : (
              // A read-only board (viewer, commenter) must not offer keys that do nothing.
              <p className="sequence-strip__empty">No shots yet. Shots that editors add appear here.</p>
            )
          ) : (
            <div className="sequence-strip__content" style={{ width: layout.width }}>
              {visible.groups.map((group) => {
                const scene = group.sceneId === null ? null : sequence.scenes[sceneIndex.get(group.sceneId) ?? -1] ?? null
                return (
                  <StripSceneGroup
                    key={group.sceneId ?? 'none'}
                    group={group}
                    scene={scene}
                    sceneNumber={scene ? (sceneIndex.get(scene.id) ?? 0) + 1 : noSceneNumber(sequence)}
                    shotCount={layout.cards.filter((c) => c.sceneId === group.sceneId).length}
                    seconds={timing.scenes.get(group.sceneId)?.seconds ?? 0}
                    color={scene ? SCENE_COLOR_VALUES[scene.color] : NO_SCENE_COLOR}
                    editable={editable}
                    onOpenScene={onOpenScene}
                    onAddShot={onAddShot}
                  />
                )
              })}
              {visible.cards.map((card) => {
                const entry = sequence.entries[card.position]!
                return (
                  <StripShotCard
                    key={card.shotId}
                    editor={editor}
                    shotId={card.shotId}
                    number={numbers.get(card.shotId) ?? ''}
                    props={entry.shot.props}
                    seconds={timing.shots.get(card.shotId)?.seconds ?? entry.shot.duration}
                    color={entry.scene ? SCENE_COLOR_VALUES[entry.scene.color] : NO_SCENE_COLOR}
                    x={card.x}
                    selected={selected.has(card.shotId)}
                    findMark={findMarkOf(found, card.shotId)}
                    tabStop={card.shotId === keyboard.tabStopId}
                    editable={editable}
                    onSelect={onSelect}
                    onInsert={onInsert}
                    onDragStart={drag.onDragStart}
                  />
                )
              })}
              {drag.markerX !== null && <div className="sequence-strip__marker" style={{ left: drag.markerX }} />}
            </div>
          )}
        </div>
      )}
      {openScene && editor.store.has(openScene.id) && (
        <SceneEditor editor={editor} sceneId={openScene.id} anchorLeft={openScene.left} onClose={() => setOpenScene(null)} />
      )}
    </section>
  )
}
