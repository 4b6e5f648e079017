// The mediation rules in force: src/core/mediation/config.ts's defaults, overridden by the JSON in
// the function's MEDIATION_CONFIG environment variable.
import { mediationConfigWith } from '../../src/core/mediation/config'
import { settingsFromEnv } from '../_shared/env-settings'

export const mediationSettings = settingsFromEnv('MEDIATION_CONFIG', mediationConfigWith)
