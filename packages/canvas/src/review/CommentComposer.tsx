import { useContext, useId, useRef, useState, type FormEvent } from 'react'
import { getUserPreferences, setUserPreferences } from 'tldraw'
import { withoutReorderingOrHidingCharacters } from '@storyloom/shared/api/typedName'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { findMentions, MAX_COMMENT_LENGTH } from '@storyloom/shared/review/comments'
import { ApiError } from '../api/apiClient'
import { useCommentDraft, useMarkupDraft } from './commentDraft'
import { useStageDrawing } from './markup/useStageDrawing'
import { MarkupTools } from './markup/MarkupTools'
import { AskNameContext } from './askTeamName'
import { REVIEWER_NAME_MAX_LENGTH } from '@storyloom/shared/review/shareLinks'
import { SOMEONE_ON_THE_TEAM } from '@storyloom/shared/people/guestNames'
import { chosenNames, givenName } from '../user/givenName'

type CommentComposerProps = {
  placeholder: string
  /** Names `@` can mention (the board's people); made-up guest names among them are not offered. */
  people: readonly string[]
  submitLabel?: string
  /**
   * Where the comment goes (e.g. `review:<token>:shot:<id>`): its draft is kept under this name
   * across reloads, and another name is another box (its own draft, nothing in flight).
   */
  draftKey?: string
  /**
   * The shot on the presentation's stage this box comments on: Draw then takes strokes on its
   * picture, sent with the comment (a drawing alone is a comment too). Ignored outside a presentation.
   */
  drawOnShot?: string
  onSubmit(body: string, mentions: string[], markup?: CommentMarkup): Promise<unknown>
}

type SendFailure = { message: string; retry: boolean }

/** Why a comment was not sent, and whether sending the same text again may succeed (not when the server refused it). */
function sendFailure(cause: unknown): SendFailure {
  if (!(cause instanceof ApiError)) return { message: 'Could not send the comment.', retry: true }
  const transient = cause.code === 'unreachable' || cause.code === 'bad_response' || cause.code === 'internal' || cause.code === 'rate_limited'
  return { message: transient ? `Not sent: ${cause.message}` : cause.message, retry: transient }
}

/** A comment box: @mention suggestions, the length limit shown before sending, the server's refusal shown as sent. */
export function CommentComposer(props: CommentComposerProps) {
  // A box per place: a draft, or a send in flight, never carries over to the next shot on screen.
  return <CommentComposerForm key={props.draftKey} {...props} />
}

function CommentComposerForm({ placeholder, people, submitLabel = 'Comment', draftKey, drawOnShot, onSubmit }: CommentComposerProps) {
  const [body, setDraft] = useCommentDraft(draftKey)
  const [markup, setMarkupDraft] = useMarkupDraft(draftKey)
  const [busy, setBusy] = useState(false)
  // Why the last send failed; it speaks of that text only, so an edit clears it.
  const [error, setError] = useState<SendFailure>()
  // That the last one went (the box emptied is no news a reader can hear, nor one under the fold); the next edit clears it.
  const [sent, setSent] = useState(false)
  const setBody = (next: string) => {
    setDraft(next)
    setError(undefined)
    setSent(false)
  }
  const setMarkup = (next: CommentMarkup | undefined) => {
    setMarkupDraft(next)
    setError(undefined)
    setSent(false)
  }
  const drawing = useStageDrawing(drawOnShot, markup, setMarkup)
  // A writer who never gave a name is asked here (AskNameWhileUnnamed); left empty, the comment is by "Someone on the team".
  const askName = useContext(AskNameContext)
  const [name, setName] = useState('')
  const nameHint = useId()
  // Asked in the box being written in only, once writing starts (not on focus: opening Comments
  // puts the keyboard in its box), so a thread's reply boxes are not each a name field.
  const [nameFocused, setNameFocused] = useState(false)
  const writingHere = body !== '' || markup !== undefined || name !== '' || nameFocused
  // Invisible characters the server refuses (text pasted from chat apps has them) are dropped, not sent to be refused.
  const text = withoutReorderingOrHidingCharacters(body)
  const length = [...body].length
  const tooLong = length > MAX_COMMENT_LENGTH
  // Suggest names for the word being typed after an @.
  const partial = /@([^@\n]{0,40})$/.exec(body)?.[1]?.toLowerCase()
  const mentionable = chosenNames(people)
  const suggestions = partial === undefined ? [] : mentionable.filter((p) => p.toLowerCase().startsWith(partial) && p.toLowerCase() !== partial).slice(0, 5)

  const canSend = (text !== '' || markup !== undefined) && !tooLong && !busy
  const sendButton = useRef<HTMLButtonElement>(null)
  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (!canSend) return
    // Where the keyboard was: Try again leaves the page once the send succeeds, and that must not drop it.
    const form = sendButton.current?.form
    const focusWasHere = form?.contains(document.activeElement) ?? false
    setBusy(true)
    setError(undefined)
    // Kept as tldraw keeps the person's name (their cursor's too) before sending: the caller signs the comment with it.
    const typedName = askName ? givenName(name) : undefined
    if (typedName) setUserPreferences({ ...getUserPreferences(), name: typedName })
    try {
      await onSubmit(text, findMentions(text, mentionable), markup)
      setBody('')
      setMarkup(undefined)
      drawing?.setOn(false)
      setSent(true)
    } catch (cause) {
      setError(sendFailure(cause))
    } finally {
      setBusy(false)
      if (focusWasHere && !form?.contains(document.activeElement)) sendButton.current?.focus()
    }
  }

  return (
    <form className="comment-composer" onSubmit={submit}>
      <textarea
        className="comment-composer__input"
        value={body}
        placeholder={placeholder}
        rows={3}
        aria-label={placeholder}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => {
          e.stopPropagation() // typing must not drive the canvas or the player
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit(e)
        }}
      />
      {suggestions.length > 0 && (
        <div className="comment-composer__suggestions" role="listbox" aria-label="Mention">
          {suggestions.map((name) => (
            <button
              key={name}
              type="button"
              role="option"
              aria-selected={false}
              onClick={() => setBody(body.replace(/@([^@\n]{0,40})$/, `@${name} `))}
            >
              @{name}
            </button>
          ))}
        </div>
      )}
      {askName && writingHere && (
        <label className="comment-composer__name">
          <span>Your name</span>
          <input
            value={name}
            maxLength={REVIEWER_NAME_MAX_LENGTH}
            placeholder={SOMEONE_ON_THE_TEAM}
            autoComplete="name"
            aria-describedby={nameHint}
            onChange={(e) => setName(e.currentTarget.value)}
            onFocus={() => setNameFocused(true)}
            onBlur={() => setNameFocused(false)}
            onKeyDown={(e) => e.stopPropagation()}
          />
          <small id={nameHint} className="comment-composer__name-hint">
            Shown with your comments and on your cursor. Left empty, your comment is from “{SOMEONE_ON_THE_TEAM}”.
          </small>
        </label>
      )}
      <div className="comment-composer__footer">
        {/* Draw on the button's row, not one of its own: on a phone held sideways a row more for
            44 px tools pushed the verdicts out of the panel. */}
        {drawing && (
          <MarkupTools
            drawing={drawing.on}
            onDrawing={drawing.setOn}
            color={drawing.color}
            onColor={drawing.setColor}
            markup={markup}
            onUndo={drawing.undo}
            onClear={() => setMarkup(undefined)}
            note={drawing.note}
          />
        )}
        {/* Always there, so screen readers hear it when it fills in. */}
        <span className="comment-composer__sent" role="status">
          {sent ? `${submitLabel} sent` : ''}
        </span>
        <span className={`comment-composer__count${tooLong ? ' comment-composer__count--over' : ''}`}>
          {tooLong ? `${length} / ${MAX_COMMENT_LENGTH}: too long` : length > MAX_COMMENT_LENGTH * 0.8 ? `${length} / ${MAX_COMMENT_LENGTH}` : ''}
        </span>
        {/* aria-disabled, not disabled: a disabled button loses the focus (to the page) the moment it is sent with Enter. */}
        <button type="submit" ref={sendButton} className="comment-composer__submit" aria-disabled={!canSend}>
          {submitLabel}
        </button>
      </div>
      {error && (
        <p className="comment-composer__error" role="alert">
          <span>{error.message}</span>
          {/* The text is still in the box: sending it again is one click. */}
          {error.retry && (
            <button type="button" className="comment-composer__retry" disabled={busy} onClick={() => void submit()}>
              Try again
            </button>
          )}
        </p>
      )}
    </form>
  )
}
