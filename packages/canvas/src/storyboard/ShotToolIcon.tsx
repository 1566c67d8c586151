/** The shot tool's icon: a storyboard panel (a frame over two caption lines). */
export function ShotToolIcon() {
  return (
    <div className="shot-tool-icon">
      <svg viewBox="0 0 18 18" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
        <rect x="2" y="2.5" width="14" height="8.5" rx="1" />
        <path d="M2.5 13.5h13M2.5 16h8" />
      </svg>
    </div>
  )
}
