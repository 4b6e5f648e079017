// The volunteer rules in force: defaults of src/core/volunteers/config.ts, overridden by the JSON in
// the function's VOLUNTEERS_CONFIG environment variable, parsed once per instance.
import { volunteerConfigWith, type VolunteerConfig } from '../../src/core/volunteers/config'

let settings: VolunteerConfig | null = null

export function volunteerSettings(): VolunteerConfig {
  if (!settings) {
    const raw = process.env.VOLUNTEERS_CONFIG
    settings = volunteerConfigWith(raw ? JSON.parse(raw) : undefined)
  }
  return settings
}
