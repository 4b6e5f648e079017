// The booking rules in force: the defaults of src/core/booking/config.ts, overridden by the JSON
// in the function's BOOKING_CONFIG environment variable.
import { bookingConfigWith } from '../../src/core/booking/config'
import { settingsFromEnv } from '../_shared/env-settings'

export const bookingSettings = settingsFromEnv('BOOKING_CONFIG', bookingConfigWith)
