import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { openDroppedFile } from './deal-sharing'
import './import.css'

const hasFiles = (e: DragEvent): boolean => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files')

/** Dropping a `.warroom.json` or a CRM `.csv` anywhere on the window imports it. */
export function FileDropZone() {
  const { t } = useTranslation('import')
  const [over, setOver] = useState(false)
  useEffect(() => {
    let depth = 0
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth++
      setOver(true)
    }
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setOver(false)
    }
    const onOver = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault() // allow the drop instead of navigating to the file
    }
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      depth = 0
      setOver(false)
      const file = e.dataTransfer?.files[0]
      if (file) void openDroppedFile(file)
    }
    window.addEventListener('dragenter', onEnter)
    window.addEventListener('dragleave', onLeave)
    window.addEventListener('dragover', onOver)
    window.addEventListener('drop', onDrop)
    return () => {
      window.removeEventListener('dragenter', onEnter)
      window.removeEventListener('dragleave', onLeave)
      window.removeEventListener('dragover', onOver)
      window.removeEventListener('drop', onDrop)
    }
  }, [])
  if (!over) return null
  return <div className="drop-overlay" aria-hidden="true">{t('dropHere')}</div>
}
