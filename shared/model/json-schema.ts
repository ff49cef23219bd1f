import { z } from 'zod'
import { DealFileSchema } from './deal-file'

/**
 * The deal file format as JSON Schema (2020-12), for other tools that write deal files
 * (docs/deal-file.schema.json is this, generated). Written from the input side: what a file
 * may hold before the app cleans it. Cross-references (a line's ends exist, a seat's seller is
 * in the roster) cannot be said in JSON Schema; docs/file-format.md states them.
 */
export function dealFileJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DealFileSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>
  return { ...schema, $id: 'https://deal-war-room.invalid/deal-file.schema.json', title: 'Deal War Room deal file', description: 'One deal and the sellers it names: the .warroom.json sharing format and the data folder\'s deals/<id>.json. See docs/file-format.md.' }
}
