// WeChat's server API for what only WeChat sets on a CloudBase environment: where message push
// sends events (tcb/getcallbackconfig, tcb/setcallbackconfig) and each cloud function's
// cloud-call (openapi) permissions (tcb/uploadfuncconfig, type 1). The base URL is injectable so
// the tests answer from a local fake.
export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com'

export interface PushCallback {
  msgType: string
  event: string
  env: string
  functionName: string
  enable: boolean
}

export class WeChatApiError extends Error {
  constructor(
    readonly path: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`WeChat ${path} answered ${errcode}: ${errmsg}`)
  }
}

/** errcodes of /cgi-bin/stable_token that mean the appid or secret is wrong */
const BAD_CREDENTIALS = new Set([40001, 40013, 40125, 40164, 41002, 41004])

export class WeChatApi {
  private token: string | undefined

  constructor(
    private readonly base: string,
    private readonly appId: string,
    private readonly appSecret: string,
    /** called with the access token as soon as it exists, so it is masked in all output */
    private readonly onToken: (token: string) => void,
  ) {}

  private async post(pathname: string, body: unknown, query = ''): Promise<Record<string, unknown>> {
    const response = await fetch(`${this.base}${pathname}${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const text = await response.text()
    let json: Record<string, unknown>
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      throw new Error(`WeChat ${pathname} answered HTTP ${response.status} without JSON`)
    }
    const errcode = typeof json.errcode === 'number' ? json.errcode : 0
    if (errcode !== 0) throw new WeChatApiError(pathname, errcode, String(json.errmsg ?? ''))
    return json
  }

  /** The stable access token (POST keeps the app secret out of URLs and logs). */
  async accessToken(): Promise<string> {
    if (this.token) return this.token
    try {
      const json = await this.post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: this.appId, secret: this.appSecret })
      if (typeof json.access_token !== 'string') throw new Error('WeChat /cgi-bin/stable_token answered without access_token')
      this.token = json.access_token
      this.onToken(this.token)
      return this.token
    } catch (error) {
      if (error instanceof WeChatApiError && BAD_CREDENTIALS.has(error.errcode)) {
        throw new Error(`WeChat refused WX_APPID/WX_APPSECRET (${error.errcode}): check both in .env.local (mp.weixin.qq.com › 开发管理 › 开发设置), and that this machine's IP is on the API IP allow-list there`)
      }
      throw error
    }
  }

  private async call(pathname: string, body: unknown) {
    return this.post(pathname, body, `?access_token=${encodeURIComponent(await this.accessToken())}`)
  }

  async messagePush(): Promise<{ enable: boolean; callbacks: PushCallback[] }> {
    const json = await this.call('/tcb/getcallbackconfig', {})
    const config = ((json.data as Record<string, unknown> | undefined)?.function_config ?? {}) as { enable?: boolean; callbacks?: PushCallback[] }
    return { enable: config.enable === true, callbacks: config.callbacks ?? [] }
  }

  async setMessagePush(callbacks: PushCallback[]): Promise<void> {
    await this.call('/tcb/setcallbackconfig', { function_config: { enable: true, callbacks } })
  }

  async setOpenApiPermissions(env: string, functionName: string, openapi: string[]): Promise<void> {
    await this.call('/tcb/uploadfuncconfig', { type: 1, env, function_name: functionName, config: JSON.stringify({ permissions: { openapi } }) })
  }
}
