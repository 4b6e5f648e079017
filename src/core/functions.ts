// Every deployed cloud function's contract, by name: the typed client and the build read this.
import { accountFunctionContract } from './privacy/contract'
import { bookingContract } from './booking/contract'
import { jurisdictionContract } from './jurisdiction/contract'
import { mediationContract } from './mediation/contract'
import { volunteersContract } from './volunteers/contract'
import { noticesContract } from './notices/contract'
import { securityContract } from './security/contract'
import { statsContract } from './stats/contract'
import { requestsContract } from './requests/contract'

export const contracts = {
  account: accountFunctionContract,
  jurisdiction: jurisdictionContract,
  booking: bookingContract,
  mediation: mediationContract,
  volunteers: volunteersContract,
  notices: noticesContract,
  security: securityContract,
  stats: statsContract,
  requests: requestsContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
