/** The camera-move tool's icon: a frame with a bold move arrow across it. */
export function MotionToolIcon() {
  return (
    <div className="shot-tool-icon">
      <svg viewBox="0 0 18 18" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round">
        <rect x="1.5" y="3" width="15" height="11" rx="1" strokeOpacity="0.55" />
        <path d="M4 11c2.5-3 6-4 10-3.5" strokeWidth="2" />
        <path d="M11.2 5.2 14 7.5l-2.6 2.3" strokeWidth="2" />
      </svg>
    </div>
  )
}
