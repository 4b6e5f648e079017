// The urgent-alert subscription template. The id is a placeholder until the station registers
// its template in the mini-program console; the function can override it (NOTICES_CONFIG), and
// the app asks residents for the same id.
export const DEFAULT_ALERT_TEMPLATE = {
  templateId: 'local-urgent-notice',
  /** Our field → the template's keyword key: title (thing), category (thing), time (time). */
  fields: { title: 'thing1', category: 'thing2', time: 'time3' },
} as const
