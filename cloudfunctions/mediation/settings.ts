// The mediation rules in force: src/core/mediation/config.ts's defaults, overridden by the JSON in
// the function's MEDIATION_CONFIG environment variable, parsed once per instance.
import { mediationConfigWith, type MediationConfig } from '../../src/core/mediation/config'

let settings: MediationConfig | null = null

export function mediationSettings(): MediationConfig {
  if (!settings) {
    const raw = process.env.MEDIATION_CONFIG
    settings = mediationConfigWith(raw ? JSON.parse(raw) : undefined)
  }
  return settings
}
