// security.mediaCheckAsync, asynchronous as on WeChat: the call answers a trace id at once, and
// the verdict arrives later as a message-push event (`wxa_media_check`) sent to the cloud function
// the console's message-push setting names (here: the `messagePushFunction` option). The event has
// WeChat's shape (v2): { ToUserName, FromUserName, CreateTime, MsgType: 'event', Event:
// 'wxa_media_check', appid, trace_id, version: 2, result: { suggest, label }, detail: [...] }.
//
// By default each verdict is pushed right after the call is answered. Test hooks: `hold()` keeps
// checks pending until `resolve()` pushes them; rules (substrings of the media URL) make a check
// `risky` or `review`; `settled()` waits for pushes in flight.

export interface MediaRules {
  risky?: string[]
  review?: string[]
}

export interface PendingMediaCheck {
  traceId: string
  mediaUrl: string
  mediaType: number
  openid?: string
  requestedAt: string
}

type Suggest = 'pass' | 'review' | 'risky'

const LABEL: Record<Suggest, number> = { pass: 100, review: 20002, risky: 20002 }

export class MediaCheckService {
  private pending: PendingMediaCheck[] = []
  private rules: Required<MediaRules> = { risky: [], review: [] }
  private held = false
  private readonly inFlight = new Set<Promise<void>>()

  constructor(
    private readonly appId: string,
    /** the function message push delivers to; without one, verdicts are dropped (logged) */
    private readonly functionName: string | undefined,
    private readonly push: (fn: string, event: Record<string, unknown>) => Promise<unknown>,
    private readonly log: (line: string) => void,
  ) {}

  setRules(r: MediaRules): void {
    const clean = (a: unknown): string[] => (Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string' && x.length > 0) : [])
    this.rules = { risky: clean(r.risky), review: clean(r.review) }
  }

  /** While held, checks stay pending until resolve(); releasing does not push what is pending. */
  hold(held = true): void {
    this.held = held
  }

  list(): PendingMediaCheck[] {
    return this.pending.map((p) => ({ ...p }))
  }

  /** A call was answered with `traceId`: push its verdict now, or keep it while held. */
  requested(traceId: string, data: Record<string, unknown>, openid: string | undefined): void {
    const check: PendingMediaCheck = { traceId, mediaUrl: String(data.media_url ?? ''), mediaType: Number(data.media_type ?? 0), openid, requestedAt: new Date().toISOString() }
    if (this.held) {
      this.pending.push(check)
      return
    }
    // After the answer has gone out, as the platform's push always follows the call.
    const delivery = new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.deliver(check))
    this.track(delivery)
  }

  /** Pushes every pending verdict (rules decide each) and waits for all pushes in flight. */
  async resolve(): Promise<number> {
    const due = this.pending
    this.pending = []
    for (const check of due) this.track(this.deliver(check))
    await this.settled()
    return due.length
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight])
  }

  clear(): void {
    this.pending = []
    this.rules = { risky: [], review: [] }
    this.held = false
  }

  private track(p: Promise<void>): void {
    this.inFlight.add(p)
    void p.finally(() => this.inFlight.delete(p))
  }

  private suggest(mediaUrl: string): Suggest {
    if (this.rules.risky.some((w) => mediaUrl.includes(w))) return 'risky'
    if (this.rules.review.some((w) => mediaUrl.includes(w))) return 'review'
    return 'pass'
  }

  private async deliver(check: PendingMediaCheck): Promise<void> {
    if (!this.functionName) {
      this.log(`[media-check] no messagePushFunction configured: verdict for ${check.traceId} dropped`)
      return
    }
    const suggest = this.suggest(check.mediaUrl)
    const event = {
      ToUserName: 'gh_local00000000',
      FromUserName: check.openid ?? '',
      CreateTime: Math.floor(Date.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.appId,
      trace_id: check.traceId,
      version: 2,
      result: { suggest, label: LABEL[suggest] },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label: LABEL[suggest], prob: suggest === 'pass' ? 0 : 90 }],
    }
    try {
      await this.push(this.functionName, event)
    } catch (e) {
      this.log(`[media-check] push to ${this.functionName} failed: ${(e as Error).message}`)
    }
  }
}
