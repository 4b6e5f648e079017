// security: receives WeChat's content-security verdicts on pictures (the console's message push
// for event `wxa_media_check` is set to this function) and lists held-back pictures for admins.
// A push carries no action: it is recognised by its Event and answered with `success`, as message
// push expects; everything else is a client call through the contract.
import { securityContract } from '../../src/core/security/contract'
import { dayjs } from '../../src/core/time'
import { checksIn, isMediaCheckEvent, recordMediaVerdict } from '../_shared/media-check'
import { createMain } from '../_shared/runtime'

const api = createMain(securityContract, {
  async mediaChecks(_ctx, input) {
    return (await checksIn(input.status, 50)).map((c) => ({ fileID: c.fileID, purpose: c.purpose, status: c.status, createdAt: c.createdAt.toISOString(), checkedAt: c.checkedAt?.toISOString() ?? null }))
  },
})

export async function main(event: unknown) {
  if (isMediaCheckEvent(event)) {
    await recordMediaVerdict(event, dayjs())
    return 'success'
  }
  return api(event)
}
