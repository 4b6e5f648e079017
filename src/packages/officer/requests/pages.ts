// Where the officers' requests screens live (app.config.ts registers them).
export const INBOX_PAGE = '/packages/officer/pages/inbox/index'
export const STATION_INBOX_PAGE = `${INBOX_PAGE}?scope=station`
export const requestPage = (requestId: string) => `/packages/officer/pages/request/index?id=${encodeURIComponent(requestId)}`
