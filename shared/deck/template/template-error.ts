/**
 * Why a file cannot be used as the company template. The code is what the page and the
 * CLI turn into a sentence in the reader's language (`export:template.error.<code>`).
 */
export type TemplateErrorCode =
  /** Larger than TEMPLATE_MAX_BYTES. */
  | 'too-large'
  /** Not a zip package at all (a PDF, a picture, a damaged download). */
  | 'not-zip'
  /** A zip, but not a PowerPoint presentation or template (a .docx, a .xlsx, any other zip). */
  | 'not-presentation'
  /** Would unpack to far more than any template (a zip bomb) or holds too many parts. */
  | 'unpacks-too-large'
  /** A presentation whose slide master or layouts are missing or unreadable. */
  | 'no-layouts'

export class TemplateError extends Error {
  constructor(readonly code: TemplateErrorCode, detail: string) {
    super(detail)
    this.name = 'TemplateError'
  }
}

/** The largest template file accepted: company templates with pictures run to a few MB. */
export const TEMPLATE_MAX_BYTES = 50 * 1024 * 1024
/** The most its parts may take unpacked (declared sizes), and the most parts it may hold. */
export const TEMPLATE_MAX_UNPACKED_BYTES = 200 * 1024 * 1024
export const TEMPLATE_MAX_PARTS = 5000
