import { useEffect } from 'react'
import { api } from '../api'
import { runAction } from './actions'

/** The native menu sends action ids; run them like the toolbar would. */
export function useMenuActions(): void {
  useEffect(() => {
    if (typeof window.api?.onMenuAction !== 'function') return
    return api.onMenuAction((id) => {
      runAction(id)
    })
  }, [])
}
