// Cloud-shaped errors. The SDK turns a response `{ code, message, requestId }` into a thrown
// TcbError and wx-server-sdk maps `code` to a numeric errCode (TCB_ERR_CODE table in its bundle),
// so every failure the emulator reports must use the same string codes the real service uses.

export class CloudError extends Error {
  readonly code: string
  constructor(code: string, message: string) {
    super(message)
    this.code = code
  }
}

export const invalidParam = (message: string): CloudError => new CloudError('INVALID_PARAM', message)

export const collectionNotExist = (name: string): CloudError =>
  new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Please check your request, but if the problem persists, contact us.`,
  )

export const collectionExists = (name: string): CloudError =>
  new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}.`)

export const dbRequestFailed = (message: string): CloudError => new CloudError('DATABASE_REQUEST_FAILED', message)

export const transactionConflict = (message = 'database transaction conflict'): CloudError =>
  new CloudError('DATABASE_TRANSACTION_CONFLICT', `[FailedOperation.TransactionConflict] ${message}`)

/** The real service reports unique-index violations as a failed request carrying MongoDB's E11000 text. */
export const duplicateKey = (envId: string, coll: string, index: string, key: string): CloudError =>
  new CloudError(
    'DATABASE_REQUEST_FAILED',
    `[FailedOperation] E11000 duplicate key error collection: ${envId}.${coll} index: ${index} dup key: ${key}`,
  )

export interface ErrorBody {
  code: string
  message: string
  requestId: string
}

export function toErrorBody(err: unknown, requestId: string): ErrorBody {
  if (err instanceof CloudError) return { code: err.code, message: err.message, requestId }
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'SYS_ERR', message: `[InternalError] ${message}`, requestId }
}

/** Function-invocation failures, numbered like wx.cloud.callFunction reports them. */
export const FN_ERR = {
  NOT_FOUND: -501000,
  EXECUTE_FAIL: -504002,
  TIMEOUT: -504003,
} as const

export class FunctionError extends Error {
  readonly errCode: number
  readonly errMsg: string
  readonly code: string
  constructor(errCode: number, code: string, message: string) {
    super(message)
    this.errCode = errCode
    this.code = code
    this.errMsg = message
  }
}
