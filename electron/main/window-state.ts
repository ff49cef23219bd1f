import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { nodeDurableFs } from './store/durable-fs'
import { writeSerialized } from './store/serial-writer'

const StateSchema = z.strictObject({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof StateSchema>

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }

export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/**
 * The remembered window bounds, if they are sane and still on a screen; otherwise the
 * defaults (a monitor unplugged since last time must not leave the window off-screen).
 */
export function restoreWindowState(raw: unknown, workAreas: Area[]): WindowState {
  const parsed = StateSchema.safeParse(raw)
  if (!parsed.success) return DEFAULT_WINDOW_STATE
  const s = parsed.data
  if (s.x === undefined || s.y === undefined) return { ...s, x: undefined, y: undefined }
  const visible = workAreas.some((a) => s.x! + 100 > a.x && s.x! < a.x + a.width - 100 && s.y! >= a.y - 10 && s.y! < a.y + a.height - 100)
  return visible ? s : { width: s.width, height: s.height, maximized: s.maximized }
}

export async function readWindowState(path: string, workAreas: Area[]): Promise<WindowState> {
  try {
    return restoreWindowState(JSON.parse(await readFile(path, 'utf8')), workAreas)
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}

export async function writeWindowState(path: string, state: WindowState): Promise<void> {
  try {
    await writeSerialized(nodeDurableFs, path, JSON.stringify(state))
  } catch (error) {
    console.warn('Could not remember the window size:', (error as Error).message)
  }
}
