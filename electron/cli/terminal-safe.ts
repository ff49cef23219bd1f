import type { CliIo } from './command'

/**
 * Every control character but tab and line feed, C1 included (U+009B is a one-character
 * CSI to many terminals), and DEL.
 */
// eslint-disable-next-line no-control-regex -- matching terminal controls is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g

/**
 * Text as a terminal may print it: each control character shown as `\u001b` instead of
 * acted on. The CLI prints file names, deal names and schema messages quoting what a file
 * holds, and a file a colleague sent could otherwise retitle the window, clear the screen or
 * hide the lines above. The same escape is valid inside a JSON string, so `--json` output
 * stays JSON.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** `io` with everything it prints made terminal-safe. */
export function terminalSafeIo(io: CliIo): CliIo {
  return { ...io, stdout: (s) => io.stdout(terminalSafe(s)), stderr: (s) => io.stderr(terminalSafe(s)) }
}
