// A local stand-in for the Tencent Cloud and WeChat APIs that `npm run deploy` talks to, so its
// tests run offline against the real @cloudbase/manager-node. It keeps an environment's
// collections, indexes, rules, functions, triggers, files, message push and openapi permissions
// in memory, checks every TC3 signature against its one key pair, counts the calls that change
// something, and fails a chosen call on demand.
//   tcb API    → a local HTTP server (manager-node reads TCB_BASE_URL)
//   scf API, the storage metadata endpoint and COS → nock, with every other connection refused
//   WeChat API → the same local server under /wechat (the deploy's WECHAT_API_BASE)
import { createHash, createHmac } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import nock from 'nock'

export const FAKE_CREDENTIALS = {
  TENCENTCLOUD_SECRETID: 'AKIDfakeDeployTest0123456789abcdef',
  TENCENTCLOUD_SECRETKEY: 'fakeDeploySecretKey0123456789abcdef',
  WX_APPID: 'wx1234567890abcdef',
  WX_APPSECRET: 'fakeWeChatAppSecret0123456789abcdef',
}
export const FAKE_ACCESS_TOKEN = 'fake-access-token-79_0123456789abcdef'
const REGION = 'ap-shanghai'
const BUCKET = 'fengqiao-test-1300000000'

interface Index {
  Name: string
  Keys: Array<{ Name: string; Direction: string }>
  Unique: boolean
}
export interface FakeFunction {
  Runtime: string
  Handler: string
  MemorySize: number
  Timeout: number
  Description: string
  InstallDependency: string
  Variables: Array<{ Key: string; Value: string }>
  Triggers: Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
  zipBytes: number
}
export interface Call {
  service: string
  action: string
  params: Record<string, any>
}

type Handler = (params: Record<string, any>) => Record<string, unknown>
class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const READS = new Set(['DescribeEnvInfo', 'ListTables', 'DescribeTable', 'DescribeSafeRule', 'ListFunctions', 'GetFunction', 'HEAD', 'getcallbackconfig', 'stable_token', 'storage.getUploadMetadata'])

export class FakeTencentCloud {
  readonly envId: string
  readonly collections = new Map<string, { indexes: Index[]; aclTag: string; rule: string }>()
  readonly functions = new Map<string, FakeFunction>()
  readonly files = new Map<string, Buffer>()
  push = { enable: false, callbacks: [] as Array<Record<string, unknown>> }
  readonly openapi = new Map<string, string[]>()
  readonly calls: Call[] = []
  private failures: Array<{ action: string; when: (params: Record<string, any>) => boolean; times: number }> = []
  private server: http.Server | undefined
  url = ''

  constructor(envId = 'fengqiao-test-0a1b2c') {
    this.envId = envId
  }

  /** Calls that change something (reads and token requests are not counted). */
  writes(): Call[] {
    return this.calls.filter((c) => !READS.has(c.action))
  }

  /** The next `times` calls of `action` (matching `when`) answer an error. */
  failOn(action: string, when: (params: Record<string, any>) => boolean = () => true, times = 1) {
    this.failures.push({ action, when, times })
  }

  private failure(action: string, params: Record<string, any>) {
    const f = this.failures.find((x) => x.action === action && x.times > 0 && x.when(params))
    if (!f) return undefined
    f.times--
    return new ApiError('InternalError.System', `injected failure of ${action}`)
  }

  async start() {
    this.server = http.createServer((req, res) => void this.serveLocal(req, res))
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve))
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`
    nock.disableNetConnect()
    nock.enableNetConnect('127.0.0.1')
    const fake = this
    nock('https://scf.tencentcloudapi.com')
      .persist()
      .post('/')
      .reply(function (_uri, body) {
        // nock hands the parsed JSON; the signature covers the exact text manager-node sent, which is JSON.stringify of it.
        return [200, fake.answer('scf', 'scf.tencentcloudapi.com', this.req.headers as Record<string, string>, typeof body === 'string' ? body : JSON.stringify(body))]
      })
    nock(`https://${this.envId}.${REGION}.tcb-api.tencentcloudapi.com`)
      .persist()
      .post('/admin')
      .reply((_uri, body) => {
        const params = (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, any>
        this.calls.push({ service: 'tcb-admin', action: params.action, params })
        if (params.action !== 'storage.getUploadMetadata') return [200, { code: 'INVALID_ACTION', message: `the fake does not answer ${params.action}` }]
        return [200, { data: { url: `https://${BUCKET}.cos.${REGION}.tencentcos.cn/${params.path}`, token: 't', authorization: 'a', fileId: `cloud://${this.envId}.${BUCKET}/${params.path}`, cosFileId: 'cos-file-id' }, requestId: 'r' }]
      })
    const cos = nock(`https://${BUCKET}.cos.${REGION}.tencentcos.cn`).persist()
    cos.head(/.*/).reply((uri) => {
      const key = decodeURIComponent(uri.slice(1).split('?')[0])
      this.calls.push({ service: 'cos', action: 'HEAD', params: { key } })
      const file = this.files.get(key)
      if (!file) return [404, '']
      return [200, '', { etag: `"${createHash('md5').update(file).digest('hex')}"`, 'content-length': String(file.length), 'content-type': 'font/woff2' }]
    })
    cos.put(/.*/).reply((uri, body) => {
      const key = decodeURIComponent(uri.slice(1).split('?')[0])
      this.calls.push({ service: 'cos', action: 'PutObject', params: { key } })
      const failure = this.failure('PutObject', { key })
      if (failure) return [500, '<Error><Code>InternalError</Code></Error>']
      // nock hands a binary body over hex-encoded.
      const content = Buffer.isBuffer(body) ? body : Buffer.from(body as string, 'hex')
      this.files.set(key, content)
      return [200, '', { etag: `"${createHash('md5').update(content).digest('hex')}"` }]
    })
  }

  async stop() {
    // Takes nock's interceptors out of http and fetch: the next suite in this jest worker shares them.
    nock.cleanAll()
    nock.enableNetConnect()
    nock.restore()
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()))
  }

  private async serveLocal(req: http.IncomingMessage, res: http.ServerResponse) {
    let body = ''
    for await (const chunk of req) body += chunk
    const send = (json: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(json))
    }
    if (req.url?.startsWith('/wechat/')) return send(this.wechat(req.url.slice('/wechat'.length), body))
    send(this.answer('tcb', new URL(this.url).hostname, req.headers as Record<string, string>, body))
  }

  // ---- Tencent Cloud API 3.0 ----------------------------------------------------------------

  private verifySignature(service: string, hostname: string, headers: Record<string, string>, body: string) {
    const match = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=content-type;host, Signature=([0-9a-f]+)$/.exec(headers.authorization ?? '')
    if (!match) throw new ApiError('AuthFailure.InvalidAuthorization', 'The Authorization header is malformed')
    const [, secretId, date, signedService, signature] = match
    if (secretId !== FAKE_CREDENTIALS.TENCENTCLOUD_SECRETID) throw new ApiError('AuthFailure.SecretIdNotFound', 'The SecretId is not found')
    const timestamp = headers['x-tc-timestamp']
    const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${hostname}\n\ncontent-type;host\n${createHash('sha256').update(body).digest('hex')}`
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${signedService}/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`
    const kDate = createHmac('sha256', `TC3${FAKE_CREDENTIALS.TENCENTCLOUD_SECRETKEY}`).update(date).digest()
    const kService = createHmac('sha256', kDate).update(signedService).digest()
    const kSigning = createHmac('sha256', kService).update('tc3_request').digest()
    if (signedService !== service || createHmac('sha256', kSigning).update(toSign).digest('hex') !== signature) throw new ApiError('AuthFailure.SignatureFailure', 'The provided credentials could not be validated')
  }

  private answer(service: string, hostname: string, headers: Record<string, string>, body: string): { Response: Record<string, unknown> } {
    const action = headers['x-tc-action']
    const params = JSON.parse(body || '{}') as Record<string, any>
    this.calls.push({ service, action, params })
    try {
      this.verifySignature(service, hostname, headers, body)
      const failure = this.failure(action, params)
      if (failure) throw failure
      const handler = (service === 'tcb' ? this.tcb : this.scf)[action]
      if (!handler) throw new ApiError('InvalidAction', `the fake ${service} API does not answer ${action}`)
      return { Response: { ...handler(params), RequestId: `req-${this.calls.length}` } }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      return { Response: { Error: { Code: error.code, Message: error.message }, RequestId: `req-${this.calls.length}` } }
    }
  }

  private collection(name: string) {
    const c = this.collections.get(name)
    if (!c) throw new ApiError('ResourceNotFound', `Db or Table not exist: ${name}`)
    return c
  }

  private fn(name: string) {
    const f = this.functions.get(name)
    if (!f) throw new ApiError('ResourceNotFound.Function', `function ${name} does not exist`)
    return f
  }

  private readonly tcb: Record<string, Handler> = {
    DescribeEnvInfo: ({ EnvId }) => {
      if (EnvId !== this.envId) throw new ApiError('ResourceNotFound', `environment ${EnvId} does not exist`)
      return {
        EnvInfo: {
          EnvBaseInfo: {
            EnvId: this.envId,
            Alias: 'fengqiao',
            Status: 'NORMAL',
            Databases: [{ InstanceId: 'flexdb-fake', Region: REGION, Status: 'RUNNING' }],
            Storages: [{ Region: REGION, Bucket: BUCKET, CdnDomain: `${BUCKET}.tcb.qcloud.la`, AppId: '1300000000' }],
            Functions: [{ Namespace: this.envId, Region: REGION }],
            LogServices: [],
          },
        },
      }
    },
    ListTables: ({ MgoOffset = 0, MgoLimit = 100 }) => {
      const names = [...this.collections.keys()].sort()
      const page = names.slice(MgoOffset, MgoOffset + MgoLimit)
      return { Tables: page.length ? page.map((TableName) => ({ TableName, Count: 0, Size: 0, IndexCount: this.collections.get(TableName)!.indexes.length + 1, IndexSize: 0 })) : null, Pager: { Offset: MgoOffset, Limit: MgoLimit, Total: names.length } }
    },
    CreateTable: ({ TableName }) => {
      if (this.collections.has(TableName)) throw new ApiError('ResourceInUse', `table ${TableName} exists`)
      this.collections.set(TableName, { indexes: [], aclTag: 'ADMINONLY', rule: '' })
      return {}
    },
    DeleteTable: ({ TableName }) => {
      this.collection(TableName)
      this.collections.delete(TableName)
      return {}
    },
    DescribeTable: ({ TableName }) => {
      const c = this.collection(TableName)
      const indexes = [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }, ...c.indexes]
      return { IndexNum: indexes.length, Indexes: indexes.map((i) => ({ ...i, Size: 0, Accesses: { Ops: 0, Since: '' } })) }
    },
    UpdateTable: ({ TableName, CreateIndexes = [], DropIndexes = [] }) => {
      const c = this.collection(TableName)
      for (const drop of DropIndexes as Array<{ IndexName: string }>) {
        if (!c.indexes.some((i) => i.Name === drop.IndexName)) throw new ApiError('ResourceNotFound', `index ${drop.IndexName} does not exist`)
        c.indexes = c.indexes.filter((i) => i.Name !== drop.IndexName)
      }
      for (const create of CreateIndexes as Array<{ IndexName: string; MgoKeySchema: { MgoIndexKeys: Array<{ Name: string; Direction: string }>; MgoIsUnique: boolean } }>) {
        if (c.indexes.some((i) => i.Name === create.IndexName)) throw new ApiError('FailedOperation', `index ${create.IndexName} exists`)
        c.indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys.map((k) => ({ Name: k.Name, Direction: String(k.Direction) })), Unique: create.MgoKeySchema.MgoIsUnique === true })
      }
      return {}
    },
    DescribeSafeRule: ({ CollectionName }) => {
      const c = this.collection(CollectionName)
      return { AclTag: c.aclTag, Rule: c.rule }
    },
    ModifySafeRule: ({ CollectionName, AclTag, Rule }) => {
      const c = this.collection(CollectionName)
      JSON.parse(Rule)
      c.aclTag = AclTag
      c.rule = Rule
      return {}
    },
    ListFunctions: ({ EnvId }) => {
      if (EnvId !== this.envId) throw new ApiError('ResourceNotFound', `environment ${EnvId} does not exist`)
      return { Functions: [...this.functions.keys()].map((FunctionName) => ({ FunctionName, FunctionId: FunctionName, Runtime: this.functions.get(FunctionName)!.Runtime, Status: 'Active' })), TotalCount: this.functions.size }
    },
  }

  private readonly scf: Record<string, Handler> = {
    GetFunction: ({ FunctionName }) => {
      const f = this.fn(FunctionName)
      return { FunctionName, Namespace: this.envId, Status: 'Active', Runtime: f.Runtime, Handler: f.Handler, MemorySize: f.MemorySize, Timeout: f.Timeout, Description: f.Description, InstallDependency: f.InstallDependency, Environment: { Variables: f.Variables }, Triggers: f.Triggers }
    },
    CreateFunction: (p) => {
      if (this.functions.has(p.FunctionName)) throw new ApiError('ResourceInUse.FunctionName', `function ${p.FunctionName} exists`)
      this.functions.set(p.FunctionName, {
        Runtime: p.Runtime,
        Handler: p.Handler,
        MemorySize: p.MemorySize,
        Timeout: p.Timeout,
        Description: p.Description ?? '',
        InstallDependency: p.InstallDependency,
        Variables: p.Environment?.Variables ?? [],
        Triggers: [],
        zipBytes: zipSize(p.Code?.ZipFile),
      })
      return {}
    },
    UpdateFunctionCode: (p) => {
      const f = this.fn(p.FunctionName)
      f.zipBytes = zipSize(p.Code?.ZipFile)
      f.InstallDependency = p.InstallDependency
      return {}
    },
    UpdateFunctionConfiguration: (p) => {
      const f = this.fn(p.FunctionName)
      if (p.Description !== undefined) f.Description = p.Description
      if (p.MemorySize !== undefined) f.MemorySize = p.MemorySize
      if (p.Timeout !== undefined) f.Timeout = p.Timeout
      if (p.Environment) f.Variables = p.Environment.Variables
      return {}
    },
    BatchCreateTrigger: (p) => {
      const f = this.fn(p.FunctionName)
      const triggers = JSON.parse(p.Triggers) as Array<{ TriggerName: string; Type: string; TriggerDesc: string }>
      for (const t of triggers) if (f.Triggers.some((x) => x.TriggerName === t.TriggerName)) throw new ApiError('ResourceInUse.Trigger', `trigger ${t.TriggerName} exists`)
      // SCF answers a timer's description as JSON around the cron expression.
      for (const t of triggers) f.Triggers.push({ TriggerName: t.TriggerName, Type: t.Type, TriggerDesc: JSON.stringify({ cron: t.TriggerDesc }) })
      return {}
    },
    DeleteTrigger: (p) => {
      const f = this.fn(p.FunctionName)
      if (!f.Triggers.some((t) => t.TriggerName === p.TriggerName)) throw new ApiError('ResourceNotFound.Trigger', `trigger ${p.TriggerName} does not exist`)
      f.Triggers = f.Triggers.filter((t) => t.TriggerName !== p.TriggerName)
      return {}
    },
    DeleteFunction: (p) => {
      this.fn(p.FunctionName)
      this.functions.delete(p.FunctionName)
      return {}
    },
  }

  // ---- WeChat server API -------------------------------------------------------------------

  private wechat(pathAndQuery: string, body: string): Record<string, unknown> {
    const [pathname, query = ''] = pathAndQuery.split('?')
    const params = JSON.parse(body || '{}') as Record<string, any>
    const action = pathname.split('/').pop()!
    this.calls.push({ service: 'wechat', action, params })
    if (pathname === '/cgi-bin/stable_token') {
      if (params.appid !== FAKE_CREDENTIALS.WX_APPID) return { errcode: 40013, errmsg: 'invalid appid' }
      if (params.secret !== FAKE_CREDENTIALS.WX_APPSECRET) return { errcode: 40125, errmsg: 'invalid appsecret' }
      return { access_token: FAKE_ACCESS_TOKEN, expires_in: 7200 }
    }
    if (new URLSearchParams(query).get('access_token') !== FAKE_ACCESS_TOKEN) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid' }
    if (this.failure(action, params)) return { errcode: -1, errmsg: 'system error' }
    if (pathname === '/tcb/getcallbackconfig') return { errcode: 0, errmsg: 'ok', data: { function_config: this.push } }
    if (pathname === '/tcb/setcallbackconfig') {
      this.push = params.function_config
      return { errcode: 0, errmsg: 'ok' }
    }
    if (pathname === '/tcb/uploadfuncconfig') {
      if (params.type !== 1 || params.env !== this.envId || !this.functions.has(params.function_name)) return { errcode: 40101, errmsg: 'missing or invalid parameter' }
      this.openapi.set(params.function_name, (JSON.parse(params.config) as { permissions: { openapi: string[] } }).permissions.openapi)
      return { errcode: 0, errmsg: 'ok' }
    }
    return { errcode: 43002, errmsg: `the fake does not answer ${pathname}` }
  }
}

function zipSize(base64: unknown): number {
  if (typeof base64 !== 'string' || base64.length === 0) throw new ApiError('InvalidParameterValue.Code', 'Code.ZipFile is empty')
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.subarray(0, 2).toString() !== 'PK') throw new ApiError('InvalidParameterValue.ZipFile', 'Code.ZipFile is not a zip archive')
  return bytes.length
}
