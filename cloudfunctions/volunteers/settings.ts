// The volunteer rules in force: defaults of src/core/volunteers/config.ts, overridden by the JSON in
// the function's VOLUNTEERS_CONFIG environment variable.
import { volunteerConfigWith } from '../../src/core/volunteers/config'
import { settingsFromEnv } from '../_shared/env-settings'

export const volunteerSettings = settingsFromEnv('VOLUNTEERS_CONFIG', volunteerConfigWith)
