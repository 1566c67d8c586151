import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useEditor, useToasts, useValue } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { ShotVersion, VersionPatch } from '@storyloom/shared/versions/shotVersion'
import { useEscapeInside } from '../board/useEscapeInside'
import { ApiError } from '../api/apiClient'
import { deleteVersion, patchVersion, reinstateVersion, restoreVersion, uploadTake } from '../api/versionsApi'
import { useBoardSession } from '../board/BoardSessionContext'
import { useGenerationFeed } from '../generation/GenerationFeedContext'
import { NO_ACTIVITY } from '../generation/shotGenerationActivity'
import { shotNumbersOf } from '../storyboard/shotNumbers'
import { AddTakeButton } from './AddTakeButton'
import { PendingTakes } from './PendingTakes'
import { setActiveVersion, showVersionOutsideHistory } from './setActiveVersion'
import { checkTakeFile } from './takeFileCheck'
import { afterDeleteText, takeAfterDeletingActive } from './takeAfterDelete'
import { unreadableFile } from './versionMedia'
import type { TakeActionHistory } from './takeActionHistory'
import { useShotVersions } from './useShotVersions'
import { VersionCompare } from './VersionCompare'
import { VersionDetails } from './VersionDetails'
import { VersionPanelHeader } from './VersionPanelHeader'
import { VersionTreeGraph } from './VersionTreeGraph'
import { layoutVersionTree } from './versionTreeLayout'
import { shotTitleText } from '../storyboard/shotTitleText'
import { ShotTitle } from '../storyboard/ShotTitle'

/** The title of the message when a file does not become a take. */
const UPLOAD_REFUSED = 'Take not uploaded'

/** What "Iterate from here" asks for: the generation form for the shot, prefilled, results under the version. */
export type IterateFromVersion = (version: ShotVersion) => void

/**
 * One shot's takes: the tree (click previews, double click makes active, Shift+click picks two
 * to compare), filters, upload, and the previewed take's details.
 */
export function ShotVersionsView({
  shot,
  takeHistory,
  onIterate,
  onClose,
  onEscape,
}: {
  shot: TLShotShape
  /** Where a delete, restore or take brought back as new becomes an undo step (null: not yet mounted). */
  takeHistory: TakeActionHistory | null
  onIterate: IterateFromVersion | undefined
  onClose(): void
  /** Escape was pressed in the panel (the comparison, when open, closes first). */
  onEscape(): void
}) {
  const editor = useEditor()
  const { boardId } = useBoardSession()
  const { addToast } = useToasts()
  const activeId = shot.props.activeVersionId
  const feed = useGenerationFeed()
  // Anyone's new take, star, label, approval, delete or restore arrives as a board event: re-read the tree then.
  const versionsRevision = useValue('versions revision of the shot', () => feed.versionsRevision(shot.id), [feed, shot.id])
  // The shot's run under way, if any: its takes still to land show as pending tiles.
  const activity = useValue('shot generation activity', () => feed.shotActivity.get().get(shot.id) ?? NO_ACTIVITY, [feed, shot.id])
  const { versions, loading, error, upsert, reload } = useShotVersions(boardId, shot.id, `${activeId}/${versionsRevision}`)
  const [previewId, setPreviewId] = useState<string | null>(null)
  const [compareIds, setCompareIds] = useState<string[]>([])
  const [comparing, setComparing] = useState(false)
  const [onlyStarred, setOnlyStarred] = useState(false)
  const [showDeleted, setShowDeleted] = useState(false)
  const readonly = useValue('readonly', () => editor.getIsReadonly(), [editor])
  const number = useValue('shot number', () => shotNumbersOf(editor).get().get(shot.id) ?? '', [editor, shot.id])

  const byId = useMemo(() => new Map(versions.map((v) => [v.id, v])), [versions])
  const layout = useMemo(() => layoutVersionTree(versions, activeId, { onlyStarred, showDeleted }), [versions, activeId, onlyStarred, showDeleted])
  const previewed = byId.get(previewId ?? activeId ?? '') ?? null
  const liveCount = versions.filter((v) => v.deletedAt === null).length
  // What the shot would show once its active take is deleted (none: it is its only take).
  const afterActive = useMemo(() => (activeId ? takeAfterDeletingActive(versions, activeId, (take) => !unreadableFile(take)) : null), [versions, activeId])

  // Where the keyboard goes once an action on the previewed take has re-rendered the panel. The
  // button pressed often goes away (Make active turns into a disabled "Active", Bring back into
  // nothing, Delete into Restore), and the focus fell to the page, where the arrow keys no longer
  // walk the tree and Enter does nothing. A CSS selector inside the panel; see the layout effect below.
  const focusAfter = useRef<string | null>(null)
  const focusTake = (versionId: string) => {
    focusAfter.current = `[data-testid="version-node"][data-version-id="${versionId}"]`
  }

  const fail = useCallback(
    (cause: unknown, title = 'Version not changed') =>
      addToast({ title, description: cause instanceof ApiError ? cause.message : String(cause), severity: 'error' }),
    [addToast],
  )
  const run = useCallback(
    (request: Promise<ShotVersion>, then?: (version: ShotVersion) => void) => {
      request.then(
        (version) => {
          upsert(version)
          then?.(version)
        },
        (cause: unknown) => {
          fail(cause)
          reload()
        },
      )
    },
    [upsert, reload, fail],
  )
  /**
   * A delete or restore is this person's undo step from the click on (so quick ones undo in the
   * order clicked), settled with the revision the server answers — or dropped if it refused.
   */
  const deleteOrRestore = (versionId: string, deleted: boolean, showInstead: ShotVersion | null = null) => {
    // The active take deleted: the shot shows another take, in the delete's own undo step.
    const follow = showInstead ? showVersionOutsideHistory(editor, shot.id, showInstead) : undefined
    const request = deleted ? deleteVersion(boardId, versionId) : restoreVersion(boardId, versionId)
    takeHistory?.record(request.then((version) => ({ boardId, versionId, deleted, left: version.revision, follow })))
    request.catch(() => follow?.(true))
    run(request)
  }
  const activate = useCallback(
    (versionId: string) => {
      const version = byId.get(versionId)
      const current = editor.getShape<TLShotShape>(shot.id)
      // An unreadable take is never put on the shot: its file would be loaded there.
      if (!version || !current || readonly || version.deletedAt !== null || unreadableFile(version)) return
      setActiveVersion(editor, current, version)
      setPreviewId(versionId)
      focusTake(versionId)
    },
    [byId, editor, shot.id, readonly],
  )
  // The take shown in the details, which a first Shift+click compares with (the one clicked before).
  const shownId = previewed?.id ?? null
  const preview = useCallback(
    (versionId: string, addToCompare: boolean) => {
      focusAfter.current = null // the person moved on: nothing to give the keyboard to any more
      if (!addToCompare) {
        setPreviewId(versionId)
        return
      }
      setCompareIds((ids) => {
        const start = ids.length === 0 && shownId !== null && shownId !== versionId ? [shownId] : ids
        const next = start.includes(versionId) ? start.filter((id) => id !== versionId) : [...start, versionId].slice(-2)
        if (next.length === 2) setComparing(true)
        return next
      })
    },
    [shownId],
  )
  const patch = (version: ShotVersion, change: VersionPatch) => run(patchVersion(boardId, version.id, change))
  /**
   * A new take (uploaded, or an old one brought back) joins the tree and becomes the shot's image.
   * A take brought back is an undo step of its own from the click on, the shot's switch to it
   * included (made when the server answers, taken back and redone with the step).
   */
  const addAndShow = async (making: Promise<ShotVersion>, { undoable: asStep = false, failTitle = 'Version not changed' } = {}) => {
    const history = asStep ? takeHistory : null
    const shown = making.then((version) => {
      upsert(version)
      const current = editor.getShape<TLShotShape>(shot.id)
      if (history) {
        const follow = showVersionOutsideHistory(editor, shot.id, version)
        return { version, flip: { boardId, versionId: version.id, deleted: false, left: version.revision, follow } }
      }
      if (current) setActiveVersion(editor, current, version)
      return { version, flip: null }
    })
    history?.record(shown.then(({ flip }) => flip))
    try {
      const { version } = await shown
      setPreviewId(version.id)
      focusTake(version.id)
    } catch (cause) {
      fail(cause, failTitle)
    }
  }
  /** Uploads a file as a take, once the browser has checked it can show it (refused: said, nothing uploaded). */
  const upload = async (file: File) => {
    const parentId = previewed?.id ?? activeId
    const checked = await checkTakeFile(file)
    if (!checked.ok) {
      fail(checked.reason, UPLOAD_REFUSED)
      return
    }
    await addAndShow(uploadTake(boardId, shot.id, file, parentId, checked.size), { failTitle: UPLOAD_REFUSED })
  }

  const [dropping, setDropping] = useState(false)
  const body = useRef<HTMLElement>(null)
  const uploadRef = useRef(upload)
  uploadRef.current = upload
  // Files dropped or pasted on the panel become takes (on the shot itself they pin a reference).
  // Native listeners: tldraw handles drops on its container and pastes on the document.
  useEffect(() => {
    const el = body.current
    if (!el || readonly) return
    const hasFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      setDropping(true)
    }
    const leave = () => setDropping(false)
    const addTakes = (files: File[]) => {
      void (async () => {
        for (const file of files) await uploadRef.current(file)
      })()
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      setDropping(false)
      addTakes([...(e.dataTransfer?.files ?? [])])
    }
    const paste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((file) => file.type.startsWith('image/'))
      if (files.length === 0) return
      e.preventDefault()
      e.stopPropagation()
      addTakes(files)
    }
    el.addEventListener('dragover', over)
    el.addEventListener('dragleave', leave)
    el.addEventListener('drop', drop)
    el.addEventListener('paste', paste)
    return () => {
      el.removeEventListener('dragover', over)
      el.removeEventListener('dragleave', leave)
      el.removeEventListener('drop', drop)
      el.removeEventListener('paste', paste)
    }
  }, [readonly])

  // An open comparison takes Escape before it gets here (useEscapeKey).
  useEscapeInside(body, onEscape)

  // Hands the keyboard to what an action asked for once it is on screen (a new take lands a render
  // later, a deleted take's Restore once the server answered), but never pulls it away from
  // somewhere else the person went meanwhile: only from inside the panel, or from the page itself.
  useLayoutEffect(() => {
    const selector = focusAfter.current
    const el = body.current
    if (!selector || !el) return
    const target = el.querySelector<HTMLElement>(selector)
    if (!target) return
    focusAfter.current = null
    const focused = document.activeElement
    if (focused === null || focused === document.body || el.contains(focused)) target.focus()
  })

  const compared = compareIds.map((id) => byId.get(id)).filter((v): v is ShotVersion => v !== undefined)
  const closeCompare = useCallback(() => {
    setComparing(false)
    setCompareIds([])
  }, [])

  return (
    <section
      id="version-panel-body"
      className="floating-panel__panel floating-surface version-panel__body shot-versions"
      aria-labelledby="version-panel-heading"
      data-testid="version-panel"
      data-dropping={dropping || undefined}
      // Focusable, so a click on the panel then Ctrl+V pastes an image here as a take.
      tabIndex={-1}
      ref={body}
    >
      {/* Which shot these are, kept in view above the controls: the panel stays open while the selection moves to another shot. */}
      <VersionPanelHeader title={`Shot ${number} · ${shotTitleText(shot.props.title)}`} onClose={onClose}>
        {`Shot ${number} · `}
        <ShotTitle title={shot.props.title} />
      </VersionPanelHeader>
      <div className="version-panel__controls">
        <span className="version-panel__title">{`${liveCount} take${liveCount === 1 ? '' : 's'}`}</span>
        <label>
          <input type="checkbox" checked={onlyStarred} onChange={(e) => setOnlyStarred(e.currentTarget.checked)} /> Only starred
        </label>
        <label>
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.currentTarget.checked)} /> Deleted
        </label>
        {!readonly && <AddTakeButton label="Upload take" onFile={upload} />}
      </div>
      {error && <p className="version-panel__error" role="alert">{error}</p>}
      <PendingTakes activity={activity} />
      {!loading && versions.length === 0 && !error && !activity.active && (
        <p className="version-panel__empty">No takes yet. Generate one, or upload or drop an image here as the first take.</p>
      )}
      {layout.nodes.length > 0 && (
        <VersionTreeGraph
          layout={layout}
          activeId={activeId}
          previewId={previewed?.id ?? null}
          compareIds={compareIds}
          onPreview={preview}
          onActivate={activate}
        />
      )}
      {compareIds.length === 1 && <p className="version-panel__hint">Shift+click another take to compare.</p>}
      {previewed && (
        <VersionDetails
          version={previewed}
          active={previewed.id === activeId}
          onPatch={(change) => patch(previewed, change)}
          onActivate={() => activate(previewed.id)}
          onCompareWithActive={
            activeId && previewed.id !== activeId && byId.has(activeId)
              ? () => {
                  setCompareIds([activeId, previewed.id])
                  setComparing(true)
                }
              : null
          }
          onIterate={onIterate && !readonly ? () => onIterate(previewed) : null}
          onReinstate={readonly || previewed.id === activeId ? null : () => void addAndShow(reinstateVersion(boardId, previewed.id, activeId), { undoable: true })}
          // Shown only as the active take (nothing previewed), the details followed whichever take
          // became active: someone else's pick swapped the take under a label being typed, which was
          // dropped and the rest of the typing saved on their take. Typing pins the take shown.
          onLabelEditStart={() => setPreviewId(previewed.id)}
          afterDelete={previewed.id === activeId ? afterDeleteText(previewed, afterActive) : undefined}
          onDelete={() => {
            focusAfter.current = `[data-testid="version-details"][data-version-id="${previewed.id}"] [data-action="restore"]`
            deleteOrRestore(previewed.id, true, previewed.id === activeId ? afterActive : null)
          }}
          onRestore={() => {
            focusTake(previewed.id)
            deleteOrRestore(previewed.id, false)
          }}
        />
      )}
      {comparing && compared.length === 2 && <VersionCompare a={compared[0]!} b={compared[1]!} onClose={closeCompare} />}
    </section>
  )
}
