// The urgent-alert subscription message: template and page, from the JSON in the function's
// NOTICES_CONFIG environment variable (config.json envVariables or the cloud console), parsed
// once per instance. The default template (src/core/notices/config.ts) is a placeholder.
import * as z from 'zod/mini'
import { DEFAULT_ALERT_TEMPLATE } from '../../src/core/notices/config'
import { settingsFromEnv } from '../_shared/env-settings'

const NoticesConfig = z.object({
  alertTemplate: z.object({
    templateId: z.string().check(z.minLength(1)),
    /** Our field → the template's keyword key: title (thing), category (thing), time (time). */
    fields: z.object({ title: z.string(), category: z.string(), time: z.string() }),
  }),
  detailPage: z.string(),
  miniprogramState: z.enum(['developer', 'trial', 'formal']),
})
export type NoticesConfig = z.infer<typeof NoticesConfig>

const DEFAULTS: NoticesConfig = {
  alertTemplate: DEFAULT_ALERT_TEMPLATE,
  detailPage: 'packages/notices/pages/detail/index',
  miniprogramState: 'formal',
}

export const noticesSettings = settingsFromEnv('NOTICES_CONFIG', (overrides) => NoticesConfig.parse({ ...DEFAULTS, ...(overrides ?? {}) }))
