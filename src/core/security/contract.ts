// The security function: the receiver of WeChat's asynchronous content-security verdicts on
// pictures (message push, not a client action) and the admins' view of pictures held back.
import * as z from 'zod/mini'
import { defineFunction } from '../contract'

export const MediaCheckStatus = z.enum(['pending', 'pass', 'review', 'risky'])

export const MediaCheckView = z.object({
  fileID: z.string(),
  purpose: z.string(),
  status: MediaCheckStatus,
  createdAt: z.string(),
  checkedAt: z.nullable(z.string()),
})
export type MediaCheckView = z.infer<typeof MediaCheckView>

export const securityContract = defineFunction('security', {
  mediaChecks: {
    summary: 'Uploaded pictures in one content-security state (pending by default: not yet shown to anyone), newest first, 50 at most.',
    input: z.object({ status: z._default(MediaCheckStatus, 'pending') }),
    output: z.array(MediaCheckView),
    roles: ['station_leader', 'admin', 'bureau_leader', 'bureau_admin'],
    scope: 'station',
  },
})
