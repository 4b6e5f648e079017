// Every deployed cloud function's contract, by name: the typed client and the build read this.
import { accountContract } from './account/contract'
import { bookingContract } from './booking/contract'
import { jurisdictionContract } from './jurisdiction/contract'
import { noticesContract } from './notices/contract'

export const contracts = {
  account: accountContract,
  jurisdiction: jurisdictionContract,
  booking: bookingContract,
  notices: noticesContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
