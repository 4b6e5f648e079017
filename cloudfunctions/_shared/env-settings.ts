// Settings in force in a function: the defaults, overridden by the JSON in one environment variable
// (config.json envVariables or the cloud console), parsed once per instance. A bad override fails
// loudly at the first call that needs it.

/** A getter for `withOverrides(JSON of process.env[variable])`, computed on first use. */
export function settingsFromEnv<T>(variable: string, withOverrides: (overrides: unknown) => T): () => T {
  let settings: T | undefined
  return () => {
    if (settings === undefined) {
      const raw = process.env[variable]
      settings = withOverrides(raw ? JSON.parse(raw) : undefined)
    }
    return settings
  }
}
