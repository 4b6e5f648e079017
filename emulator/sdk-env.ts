// How to point the real wx-server-sdk at an emulator from a process that is NOT one of the
// emulator's function instances (a jest test, a script).
//
// Inside the function host nothing is needed: the host injects the SCF environment, so the
// production `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })` works unchanged.
//
// Outside it, pass `sdkInitOptions(emu)` to cloud.init. Side effect: sets
// process.env.TENCENTCLOUD = 'true'. Without it the node SDK probes
// http://metadata.tencentyun.com before every request (checkIsInternalAsync -> lookupAppId,
// a failed probe is never cached), which costs a timeout per call off-cloud.

export interface EmulatorEndpoint {
  serviceUrl: string
  envId: string
}

export interface SdkInitOptions {
  env: string
  serviceUrl: string
  secretId: string
  secretKey: string
  timeout: number
  keepalive: boolean
}

export function sdkInitOptions(emu: EmulatorEndpoint): SdkInitOptions {
  process.env.TENCENTCLOUD = 'true'
  return {
    env: emu.envId,
    serviceUrl: emu.serviceUrl,
    secretId: 'local-emulator-secret-id',
    secretKey: 'local-emulator-secret-key',
    timeout: 20000,
    // fresh connections: no idle keep-alive sockets left behind when the emulator stops
    keepalive: false,
  }
}
