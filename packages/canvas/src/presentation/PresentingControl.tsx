import { useRef, type ReactNode } from 'react'
import { followersSummary } from './followersSummary'
import type { Presenting } from './usePresenting'

/**
 * In Present's header: "Present to everyone" (the team only), or who presents and whether this
 * viewer follows them, with the one button that changes it.
 */
export function PresentingControl({ presenting }: { presenting: Presenting }) {
  const { state } = presenting
  // "Present to everyone" and "Stop presenting" replace each other: the one pressed from the
  // keyboard (a click's `detail` is 0) hands the focus to the other, rather than losing it to the
  // page. Not after a mouse click (Space then plays, it must not stop the presentation), nor when
  // a presentation starts or ends on its own (someone else's).
  const handFocus = useRef(false)
  const pressed = (action: () => void) => (event: { currentTarget: HTMLElement; detail: number }) => {
    handFocus.current = event.detail === 0 && document.activeElement === event.currentTarget
    action()
  }
  const takeFocus = (button: HTMLButtonElement | null) => {
    if (!button || !handFocus.current) return
    handFocus.current = false
    button.focus()
  }
  switch (state.kind) {
    case 'alone':
      if (!presenting.canLead) return null
      return (
        <button
          type="button"
          className="presentation-button presentation-button--lead"
          ref={takeFocus}
          onClick={pressed(presenting.lead)}
          title="Everyone on the board who opens Present follows the shot you show"
        >
          Present to everyone
        </button>
      )
    case 'leading': {
      const { count, detail } = followersSummary(state.followers, state.online)
      // The count in the header, the names on hover (and for screen readers, in the status).
      const followers = (
        <>
          <span className="presentation__followers" title={detail} aria-hidden="true">
            {count}
          </span>
          <span className="visually-hidden">{detail}</span>
        </>
      )
      return <PresentingStatus text="Presenting to everyone" extra={followers} action="Stop presenting" onAction={pressed(presenting.stopLeading)} actionRef={takeFocus} />
    }
    case 'following':
      return <PresentingStatus text={<>Following <bdi>{state.presenter.name}</bdi></>} action="Stop following" onAction={presenting.stopFollowing} />
    case 'watching':
      return <PresentingStatus text={<><bdi>{state.presenter.name}</bdi> is presenting</>} action="Follow" onAction={presenting.follow} />
  }
}

function PresentingStatus({ text, extra, action, onAction, actionRef }: {
  text: ReactNode
  extra?: ReactNode
  action: string
  onAction(event: { currentTarget: HTMLElement; detail: number }): void
  actionRef?: (button: HTMLButtonElement | null) => void
}) {
  return (
    <p className="presentation__presenting" role="status">
      <span className="presentation__presenting-text">{text}</span>
      {extra}
      <button type="button" className="presentation-button" onClick={onAction} ref={actionRef}>
        {action}
      </button>
    </p>
  )
}
