// Parsed input of each action, as the handlers receive it.
import type * as z from 'zod/mini'
import type { noticesContract } from '../../src/core/notices/contract'

type Actions = (typeof noticesContract)['actions']
export type Input<A extends keyof Actions> = z.output<Actions[A]['input']>
