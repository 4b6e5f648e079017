// The one way staff see a phone number in full: an explicit action per screen, logged in the
// audit log before the value is decrypted, so no reveal can happen without its entry.
import type { RevealedContact } from '../../src/core/privacy/contract'
import { audit, type AuditPlace } from './audit'
import { disclose, type Protected } from './personal-data'
import type { Ctx } from './runtime'

/** `place`: the record's station for the audit log (`{ record: doc.stationId }`); the caller's station when the record carries none. */
export async function revealPhone(ctx: Ctx, phone: Protected | null, record: { collection: string; recordId: string; field: string; place?: AuditPlace }): Promise<RevealedContact> {
  await audit(ctx, `reveal:${record.field}`, { collection: record.collection, recordId: record.recordId, place: record.place ?? 'actor' }, ctx.now())
  return { phone: phone ? disclose('phone', phone) : null }
}
