// zod/mini loads no locale, so without one every issue it reports reads "Invalid input". Issue
// messages reach people in two places: the envelope's `issues`, which forms show beside a field,
// and the jurisdiction/bureau import reports an admin reads. The modules that make those import
// this once for zod's English texts, the ones classic zod used. The client never does: it shows
// its own catalog strings, and the locale would add 3.1 KB (minified) to its main package.
// `en` comes from 'zod/locales' by name: `z.locales.en()` would bundle every language's texts.
import * as z from 'zod/mini'
import { en } from 'zod/locales'

z.config(en())
