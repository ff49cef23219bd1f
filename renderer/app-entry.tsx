// zod 4 probes `new Function` unless told not to, which our CSP (no eval) reports: configure first.
import './zod-config'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@xyflow/react/dist/style.css'
import './styles/index.css'
import { initI18n } from './i18n'
import { App } from './app'

initI18n()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
