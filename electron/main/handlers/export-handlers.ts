import { basename } from 'node:path'
import type { HandlerTable } from '@shared/ipc'
import { applyTemplate, checkTemplate, TEMPLATE_MAX_BYTES, TemplateError } from '@shared/deck/template'
import { mapSvg } from '@shared/image/map-svg'
import { AppFailure, guardWrite } from '../errors'
import { rasterizeSvg } from '../export/map-png'
import { writeSerialized } from '../store/serial-writer'
import { readCapped } from '../store/size-cap'
import type { HandlerContext } from './context'

type ExportHandlers = Pick<HandlerTable, 'template:pick' | 'template:clear' | 'template:apply' | 'image:save'>

/** A file that is no template, as the page gets it: the reason code for words in the user's language. */
function refused(error: unknown): never {
  if (error instanceof TemplateError) throw new AppFailure('invalid-file', error.message, undefined, error.code)
  throw error
}

/**
 * The company template (chosen, checked and remembered by main, which alone reads the file)
 * and the map's pictures (drawn here from the deal as the page shows it: the shared SVG, and
 * PNG by resvg, so no browser draws them).
 */
export function exportHandlers(ctx: HandlerContext): ExportHandlers {
  const { stores, options } = ctx

  const readTemplate = (path: string) => readCapped(ctx.fs, path, 'The template', TEMPLATE_MAX_BYTES)

  return {
    async 'template:pick'() {
      await ctx.ready()
      const path = await options.dialogs.openFile(['template'])
      if (!path) throw new AppFailure('cancelled', 'Choosing a template was cancelled.')
      await checkTemplate(await readTemplate(path)).catch(refused)
      const name = basename(path).slice(0, 200)
      await stores.workspace.update((w) => ({ ...w, deckTemplate: { path, name } }))
      return { name }
    },

    async 'template:clear'() {
      await ctx.ready()
      await stores.workspace.update((w) => {
        const { deckTemplate: _dropped, ...rest } = w
        return rest
      })
      return null
    },

    async 'template:apply'(deck) {
      await ctx.ready()
      const template = stores.workspace.current.deckTemplate
      if (!template) throw new AppFailure('not-found', 'No template is chosen for this workspace.')
      const bytes = await readTemplate(template.path)
      const out = await applyTemplate(deck, bytes).catch(refused)
      return out as Uint8Array<ArrayBuffer>
    },

    async 'image:save'({ deal, roster, language, today, format, suggestedName }) {
      const image = mapSvg({ deal, roster, language, today })
      if (format === 'svg') {
        const path = await saveTo(basename(suggestedName), 'svg', new TextEncoder().encode(image.svg))
        return { path, width: image.width, height: image.height }
      }
      const png = await rasterizeSvg(image.svg, image)
      if (format === 'copy') {
        if (!options.clipboard) throw new AppFailure('internal', 'Copying images is not available here.')
        await options.clipboard.writeImage(png.png)
        return { path: null, width: png.width, height: png.height }
      }
      const path = await saveTo(basename(suggestedName), 'png', png.png)
      return { path, width: png.width, height: png.height }
    },
  }

  async function saveTo(suggestedName: string, kind: 'png' | 'svg', data: Uint8Array): Promise<string> {
    const path = await options.dialogs.saveFile(suggestedName, kind)
    if (!path) throw new AppFailure('cancelled', 'Saving was cancelled.')
    await guardWrite('the file', () => writeSerialized(ctx.fs, path, data, { maxBytes: Infinity }))
    return path
  }
}
