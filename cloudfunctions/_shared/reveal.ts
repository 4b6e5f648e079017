// The one way staff see a phone number in full: an explicit action per screen, logged in the
// audit log before the value is decrypted, so no reveal can happen without its entry.
import type { RevealedContact } from '../../src/core/privacy/contract'
import { audit } from './audit'
import { disclose, type Protected } from './personal-data'
import type { Ctx } from './runtime'

export async function revealPhone(ctx: Ctx, phone: Protected | null, record: { collection: string; recordId: string; field: string }): Promise<RevealedContact> {
  await audit(ctx, `reveal:${record.field}`, record.collection, record.recordId, ctx.now())
  return { phone: phone ? disclose('phone', phone) : null }
}
