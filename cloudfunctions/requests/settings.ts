// The requests desk's settings in force: src/core/requests/config.ts's defaults, overridden by the
// JSON in the function's REQUESTS_CONFIG environment variable.
import { requestsConfigWith } from '../../src/core/requests/config'
import { settingsFromEnv } from '../_shared/env-settings'

export const requestsSettings = settingsFromEnv('REQUESTS_CONFIG', requestsConfigWith)
