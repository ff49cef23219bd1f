import { readDesign } from './layouts'
import { openTemplate } from './open-template'

/** Throws a TemplateError unless the file is a template a deck can go into (a master with layouts). */
export async function checkTemplate(bytes: Uint8Array): Promise<void> {
  const { zip, presentationPath } = await openTemplate(bytes)
  await readDesign(zip, presentationPath)
}
