/** Toolbar glyphs as inline SVG: system fonts lack some symbols (🗑, ⧉) on Linux. */
const PATHS: Record<string, string> = {
  undo: 'M4 7h7a4 4 0 0 1 0 8H8v-2h3a2 2 0 0 0 0-4H4l3 3-1.4 1.4L.2 8 5.6 2.6 7 4z',
  redo: 'M16 7H9a4 4 0 0 0 0 8h3v-2H9a2 2 0 0 1 0-4h7l-3 3 1.4 1.4L19.8 8l-5.4-5.4L13 4z',
  add: 'M9 3h2v6h6v2h-6v6H9v-6H3V9h6z',
  duplicate: 'M6 2h10v10H6zm2 2v6h6V4zM2 6h2v10h10v2H2z',
  delete: 'M7 2h6v2h4v2H3V4h4zm-2 5h10l-1 11H6zm3 2v7h1.5V9zm2.5 0v7H12V9z',
  tidy: 'M8 1h4v4H8zM9 5h2v3h6v4h-2v-2h-4v2H9v-2H5v2H3V8h6zM1 12h6v4H1zm12 0h6v4h-6z',
  fit: 'M2 2h6v2H4v4H2zm10 0h6v6h-2V4h-4zM2 12h2v4h4v2H2zm14 0h2v6h-6v-2h4z',
  departments: 'M1 3h8v14H1zm2 2v10h4V5zm8-2h8v8h-8zm2 2v4h4V5zm-2 8h8v4h-8z',
  export: 'M10 1l5 5-1.4 1.4L11 4.8V13H9V4.8L6.4 7.4 5 6zM2 12h2v4h12v-4h2v6H2z',
  roster: 'M7 3a3.5 3.5 0 1 1 0 7 3.5 3.5 0 0 1 0-7zm0 2a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM1 17c0-3.3 2.7-5.5 6-5.5s6 2.2 6 5.5h-2c0-2-1.8-3.5-4-3.5s-4 1.5-4 3.5zm13.5-13a3 3 0 1 1 0 6 3 3 0 0 1 0-6zm0 2a1 1 0 1 0 0 2 1 1 0 0 0 0-2zM14 11.5c2.9 0 5 1.9 5 4.8V17h-2v-.7c0-1.7-1.2-2.8-3-2.8z',
  help: 'M10 1a9 9 0 1 1 0 18 9 9 0 0 1 0-18zm0 12.5a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zM10 4c-2 0-3.5 1.2-3.5 3h2c0-.8.6-1.2 1.5-1.2s1.5.5 1.5 1.2c0 1.3-2.5 1.4-2.5 4h2c0-1.8 2.5-2 2.5-4.2C13.5 5.2 12 4 10 4z',
}

export function ToolbarIcon({ name }: { name: string }) {
  const d = PATHS[name]
  if (!d) return null
  return (
    <svg className="toolbar-svg" width="18" height="18" viewBox="0 0 20 20" aria-hidden="true">
      <path d={d} fill="currentColor" fillRule="evenodd" />
    </svg>
  )
}
