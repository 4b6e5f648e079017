// Every deployed cloud function's contract, by name: the typed client and the build read this.
import { accountContract } from './account/contract'

export const contracts = {
  account: accountContract,
} as const

export type Contracts = typeof contracts
export type FunctionName = keyof Contracts
