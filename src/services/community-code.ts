// Community QR codes. The station prints, for each community, a mini-program code
// (wxacode.get: a handful of communities is far below its quota, and it keeps the query) for
// `pages/community/index?bind=<communityId>`. Opened from WeChat's scanner, the id arrives in the
// page's query; scanned inside the app (Taro.scanCode), in the result's `path`, or in a URL's query.
import { DocId } from '../core/ids'

const BIND = /(?:^|[?&])bind=([A-Za-z0-9_-]+)/

function idFrom(text: string | undefined): string | null {
  const id = text ? BIND.exec(text)?.[1] : undefined
  return id && DocId.safeParse(id).success ? id : null
}

/** The community a page was opened for, from its query parameters. */
export const communityIdFromQuery = (params: Partial<Record<string, string>>): string | null => idFrom(params.bind ? `bind=${params.bind}` : undefined)

/** The community a scanned code names: a mini-program code's path, or a URL with ?bind=. */
export const communityIdFromScan = (scan: { path?: string; result?: string }): string | null => idFrom(scan.path) ?? idFrom(scan.result)
