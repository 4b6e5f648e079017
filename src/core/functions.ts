// Every deployed cloud function's contract, by name: the typed client and the build read this.
import { accountContract } from './account/contract'
import { jurisdictionContract } from './jurisdiction/contract'

export const contracts = {
  account: accountContract,
  jurisdiction: jurisdictionContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
