import type { ReactNode } from 'react'
import type { Presenting } from './usePresenting'

/**
 * In Present's header: "Present to everyone" (the team only), or who presents and whether this
 * viewer follows them, with the one button that changes it.
 */
export function PresentingControl({ presenting }: { presenting: Presenting }) {
  const { state } = presenting
  switch (state.kind) {
    case 'alone':
      if (!presenting.canLead) return null
      return (
        <button
          type="button"
          className="presentation-button presentation-button--lead"
          onClick={presenting.lead}
          title="Everyone on the board who opens Present follows the shot you show"
        >
          Present to everyone
        </button>
      )
    case 'leading':
      return <PresentingStatus text="Presenting to everyone" action="Stop presenting" onAction={presenting.stopLeading} />
    case 'following':
      return <PresentingStatus text={<>Following <bdi>{state.presenter.name}</bdi></>} action="Stop following" onAction={presenting.stopFollowing} />
    case 'watching':
      return <PresentingStatus text={<><bdi>{state.presenter.name}</bdi> is presenting</>} action="Follow" onAction={presenting.follow} />
  }
}

function PresentingStatus({ text, action, onAction }: { text: ReactNode; action: string; onAction(): void }) {
  return (
    <p className="presentation__presenting" role="status">
      <span className="presentation__presenting-text">{text}</span>
      <button type="button" className="presentation-button" onClick={onAction}>
        {action}
      </button>
    </p>
  )
}
