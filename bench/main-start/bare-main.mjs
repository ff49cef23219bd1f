// The baseline: a main process that does nothing but create its window.
import { app, BrowserWindow } from 'electron'

app.requestSingleInstanceLock()
await app.whenReady()
new BrowserWindow()
