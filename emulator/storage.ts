// Cloud storage stand-in: files live under <dataDir>/storage/<cloudPath>.
// cloud.uploadFile = storage.getUploadMetadata (we answer with an upload URL on this server)
// followed by an HTTP PUT of the bytes; getTempFileURL answers URLs served by this server;
// deleteFile removes files. File IDs look like the cloud's: cloud://<env>.<bucket>/<path>.

import crypto from 'crypto'
import fs from 'fs'
import path from 'path'
import { invalidParam } from './errors'

export class StorageService {
  readonly root: string
  private readonly uploads = new Map<string, { cloudPath: string; expires: number }>()

  constructor(
    dataDir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'storage')
  }

  get bucket(): string {
    return `${this.envId}-local-1250000000`
  }

  fileId(cloudPath: string): string {
    return `cloud://${this.envId}.${this.bucket}/${cloudPath}`
  }

  /** Validate a cloud path and map it to a file under the storage root. */
  localPath(cloudPath: unknown): string {
    if (typeof cloudPath !== 'string' || !cloudPath || cloudPath.length > 1024) throw invalidParam('invalid cloudPath')
    const norm = path.posix.normalize(cloudPath.replace(/^\/+/, ''))
    if (norm.startsWith('..') || norm.includes('\0') || path.isAbsolute(norm) || norm === '.') throw invalidParam('invalid cloudPath')
    return path.join(this.root, ...norm.split('/'))
  }

  cloudPathOf(fileId: unknown): string {
    if (typeof fileId !== 'string') throw invalidParam('invalid fileID')
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId)
    if (!m) throw invalidParam(`invalid fileID: ${fileId.slice(0, 200)}`)
    return m[1]
  }

  getUploadMetadata(cloudPath: unknown): Record<string, unknown> {
    this.localPath(cloudPath)
    const now = Date.now()
    for (const [t, u] of this.uploads) if (u.expires < now) this.uploads.delete(t)
    const token = crypto.randomBytes(16).toString('hex')
    this.uploads.set(token, { cloudPath: cloudPath as string, expires: Date.now() + 15 * 60_000 })
    return {
      url: `${this.baseUrl()}/__storage/upload/${token}`,
      token,
      authorization: `local-${token}`,
      fileId: this.fileId(cloudPath as string),
      cosFileId: `local-cos-${token}`,
      download_url: this.downloadUrl(cloudPath as string),
    }
  }

  /** Store the body of an upload PUT; returns false for an unknown/expired token. */
  completeUpload(token: string, body: Buffer): boolean {
    const u = this.uploads.get(token)
    if (!u || u.expires < Date.now()) return false
    this.uploads.delete(token)
    const file = this.localPath(u.cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const tmp = `${file}.${token}.tmp`
    fs.writeFileSync(tmp, body)
    fs.renameSync(tmp, file)
    return true
  }

  downloadUrl(cloudPath: string): string {
    return `${this.baseUrl()}/__storage/${this.envId}/${cloudPath.split('/').map(encodeURIComponent).join('/')}`
  }

  getTempFileURL(list: unknown): Record<string, unknown>[] {
    if (!Array.isArray(list)) throw invalidParam('file_list must be an array')
    return list.map((item) => {
      const it = item as { fileid?: unknown; max_age?: unknown }
      const fileID = it?.fileid
      let cloudPath: string
      try {
        cloudPath = this.cloudPathOf(fileID)
      } catch {
        return { fileID, fileid: fileID, code: 'INVALID_PARAM', tempFileURL: '' }
      }
      const exists = fs.existsSync(this.localPath(cloudPath))
      const url = exists ? this.downloadUrl(cloudPath) : ''
      return { fileID, fileid: fileID, code: exists ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST', tempFileURL: url, download_url: url, maxAge: it.max_age ?? 86400 }
    })
  }

  deleteFiles(list: unknown): Record<string, unknown>[] {
    if (!Array.isArray(list)) throw invalidParam('fileid_list must be an array')
    return list.map((fileID) => {
      try {
        const file = this.localPath(this.cloudPathOf(fileID))
        if (!fs.existsSync(file)) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
        fs.rmSync(file)
        return { fileID, code: 'SUCCESS' }
      } catch {
        return { fileID, code: 'INVALID_PARAM' }
      }
    })
  }

  /** Resolve a download request path (/__storage/<env>/<path>) to a file, if it exists. */
  fileForRequest(rest: string): string | undefined {
    const [env, ...parts] = rest.split('/')
    if (env !== this.envId || parts.length === 0) return undefined
    try {
      const file = this.localPath(parts.map((p) => decodeURIComponent(p)).join('/'))
      return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined
    } catch {
      return undefined
    }
  }

  wipe(): void {
    fs.rmSync(this.root, { recursive: true, force: true })
    this.uploads.clear()
  }
}
