// zod/mini loads no locale, so without one every issue it reports reads "Invalid input". Issue
// messages reach people in two places: the envelope's `issues`, which forms show beside a field,
// and the jurisdiction/bureau import reports an admin reads. The modules that make those import
// this once for zod's English texts, the ones classic zod used. The client never does: it shows
// its own catalog strings, and the locale would add about 4 KB to its main package.
import * as z from 'zod/mini'

z.config(z.locales.en())
