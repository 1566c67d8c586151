import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { getUserPreferences, TldrawUiPopover, TldrawUiPopoverContent, TldrawUiPopoverTrigger, useEditor } from 'tldraw'
import { SHARE_LINK_ROLE } from '@storyloom/shared/access/roles'
import type { ShareLinkResponse } from '@storyloom/shared/review/shareLinks'
import { ApiError } from '../api/apiClient'
import { useBoardSession } from '../board/BoardSessionContext'
import { useMenuEscape } from '../board/useMenuEscape'
import { useRoleRefusal } from '../board/useRoleRefusal'
import { offsetClearOfStylePanel } from '../board/clearOfStylePanel'
import { createShareLink, listShareLinks, revokeShareLink } from './reviewApi'
import { ShareLinkState } from './ShareLinkState'
import { givenName } from '../user/givenName'
import { isolatedName } from '@storyloom/shared/api/typedName'
import '../styles/review.css'

/** Expiry choices, as people think of them. */
const EXPIRY_CHOICES = [
  { label: 'Never', days: null },
  { label: '1 day', days: 1 },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
] as const

/** The menu's width (`.share-links` in review.css). */
const MENU_WIDTH = 340

/**
 * The top-right "Review link" menu: create client-review links (expiry, passcode), copy and
 * revoke them. Below the role that may (the server refuses them), a disabled button says why.
 */
export function ShareLinksMenu() {
  const refusal = useRoleRefusal(useBoardSession(), SHARE_LINK_ROLE, 'create review links')
  if (!refusal) return <ShareLinksPopover />
  return (
    <button type="button" className="board-panel-button" aria-disabled="true" title={refusal}>
      Review link
    </button>
  )
}

function ShareLinksPopover() {
  const session = useBoardSession()
  const [open, setOpen] = useState(false)
  const trigger = useRef<HTMLButtonElement>(null)
  // Measured as it opens: the menu ends clear of the style panel or inspector below the buttons.
  const [alignOffset, setAlignOffset] = useState(0)
  const openChange = (next: boolean) => {
    if (next && trigger.current) setAlignOffset(offsetClearOfStylePanel(trigger.current, MENU_WIDTH))
    setOpen(next)
  }
  useMenuEscape(useEditor(), open)
  const [links, setLinks] = useState<ShareLinkResponse[]>() // undefined until loaded
  const [turningOff, setTurningOff] = useState<string>() // the link whose Turn off awaits confirmation
  const [error, setError] = useState<string>()
  const [label, setLabel] = useState('')
  const labelNote = useId()
  const [expiryDays, setExpiryDays] = useState<number | null>(null)
  const [passcode, setPasscode] = useState('')
  const [copied, setCopied] = useState<string>()

  const fail = (cause: unknown) => setError(cause instanceof ApiError ? cause.message : 'Something went wrong.')
  useEffect(() => {
    if (open) listShareLinks(session.boardId).then(setLinks, fail)
  }, [open, session.boardId])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setError(undefined)
    try {
      const link = await createShareLink(session.boardId, {
        label,
        expiresAt: expiryDays === null ? null : new Date(Date.now() + expiryDays * 86_400_000).toISOString(),
        passcode: passcode === '' ? null : passcode,
      })
      setLinks((list) => [link, ...(list ?? [])])
      setLabel('')
      setPasscode('')
    } catch (cause) {
      fail(cause)
    }
  }

  const copy = async (link: ShareLinkResponse) => {
    const url = new URL(link.path, location.origin).toString()
    try {
      await navigator.clipboard.writeText(url)
      setCopied(link.id)
    } catch {
      window.prompt('Copy this review link:', url) // clipboard refused (insecure origin): let them copy by hand
    }
  }

  const revoke = async (link: ShareLinkResponse) => {
    setError(undefined)
    setTurningOff(undefined)
    try {
      await revokeShareLink(session.boardId, link.id, givenName(getUserPreferences().name))
      setLinks(await listShareLinks(session.boardId))
    } catch (cause) {
      fail(cause)
    }
  }

  return (
    <TldrawUiPopover id="storyloom share links" open={open} onOpenChange={openChange}>
      <TldrawUiPopoverTrigger>
        <button type="button" ref={trigger} className="board-panel-button" title="Share the presentation with a client for review">
          Review link
        </button>
      </TldrawUiPopoverTrigger>
      <TldrawUiPopoverContent side="bottom" align="end" sideOffset={4} alignOffset={alignOffset}>
        <div className="share-links" onKeyDown={(e) => e.stopPropagation()}>
          <form className="share-links__form" onSubmit={create}>
            <h2 className="share-links__title">Client review link</h2>
            <p className="share-links__hint">Anyone with the link can watch the presentation, comment on shots and approve them. Nothing else of the board.</p>
            <input
              className="share-links__input"
              value={label}
              maxLength={80}
              placeholder="Who is it for? (optional)"
              aria-label="Link label"
              aria-describedby={labelNote}
              onChange={(e) => setLabel(e.currentTarget.value)}
            />
            {/* The label heads the reviewer's page: not a place for a note about the client. */}
            <p className="share-links__note" id={labelNote}>
              The reviewer sees this label beside the board name.
            </p>
            <label className="share-links__row">
              <span>Expires</span>
              <select value={expiryDays ?? ''} aria-label="Expires" onChange={(e) => setExpiryDays(e.currentTarget.value === '' ? null : Number(e.currentTarget.value))}>
                {EXPIRY_CHOICES.map((choice) => (
                  <option key={choice.label} value={choice.days ?? ''}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <input
              className="share-links__input"
              type="password"
              value={passcode}
              maxLength={128}
              placeholder="Passcode (optional, 4+ characters)"
              aria-label="Passcode"
              autoComplete="new-password"
              onChange={(e) => setPasscode(e.currentTarget.value)}
            />
            <button type="submit" className="share-links__create">
              Create link
            </button>
            {error && (
              <p className="share-links__error" role="alert">
                {error}
              </p>
            )}
          </form>
          {links?.length === 0 && <p className="share-links__hint">No review links yet.</p>}
          <ul className="share-links__list">
            {links?.map((link) => (
              <li key={link.id} className="share-links__item" data-state={link.state}>
                <div className="share-links__item-text">
                  {/* Typed by a person, any script: isolated, so the text after it keeps its place. */}
                  {link.label ? <bdi className="share-links__item-label">{link.label}</bdi> : <span className="share-links__item-label">Review link</span>}
                  <ShareLinkState link={link} />
                </div>
                {link.state === 'active' && turningOff === link.id && (
                  <div className="share-links__confirm" role="group" aria-label={`Confirm turning off ${link.label ? isolatedName(link.label) : 'this review link'}`}>
                    <span>Turn off for everyone who has it? It cannot be turned back on.</span>
                    <button type="button" className="share-links__action share-links__action--danger" onClick={() => void revoke(link)}>
                      Turn off
                    </button>
                    <button type="button" className="share-links__action" onClick={() => setTurningOff(undefined)}>
                      Cancel
                    </button>
                  </div>
                )}
                {link.state === 'active' && turningOff !== link.id && (
                  <>
                    <button type="button" className="share-links__action" onClick={() => void copy(link)} data-review-path={link.path}>
                      {copied === link.id ? 'Copied' : 'Copy'}
                    </button>
                    <button type="button" className="share-links__action" onClick={() => setTurningOff(link.id)}>
                      Turn off
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      </TldrawUiPopoverContent>
    </TldrawUiPopover>
  )
}
