// The booking rules in force: the defaults of src/core/booking/config.ts, overridden by the JSON
// in the function's BOOKING_CONFIG environment variable (config.json envVariables or the cloud
// console), parsed once per instance. A bad override fails loudly at the first call.
import { bookingConfigWith, type BookingConfig } from '../../src/core/booking/config'

let settings: BookingConfig | null = null

export function bookingSettings(): BookingConfig {
  if (!settings) {
    const raw = process.env.BOOKING_CONFIG
    settings = bookingConfigWith(raw ? JSON.parse(raw) : undefined)
  }
  return settings
}
