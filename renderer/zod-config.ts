import { z } from 'zod'

// Imported before anything else touches zod: no JIT means no `new Function`, so the strict CSP holds.
z.config({ jitless: true })
