// Every deployed cloud function's contract, by name: the typed client and the build read this.
import { accountContract } from './account/contract'
import { bookingContract } from './booking/contract'
import { jurisdictionContract } from './jurisdiction/contract'
import { mediationContract } from './mediation/contract'
import { volunteersContract } from './volunteers/contract'
import { noticesContract } from './notices/contract'
import { statsContract } from './stats/contract'

export const contracts = {
  account: accountContract,
  jurisdiction: jurisdictionContract,
  booking: bookingContract,
  mediation: mediationContract,
  volunteers: volunteersContract,
  notices: noticesContract,
  stats: statsContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
