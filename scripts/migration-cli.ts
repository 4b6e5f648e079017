// The command line every migration script shares: its flags, and the wx-server-sdk database it
// runs against (the local emulator with --service-url, else the CloudBase environment named by
// TCB_ENV with the TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY credentials). The migration
// itself stays in its own script, which exports it for the tests.

export interface MigrationArgs {
  /** A flag's value (`--duty-phone 0478-…`), or undefined when it is not given. */
  flag(name: string): string | undefined
  dryRun: boolean
}

/** Parses the arguments, connects, runs `migrate` with the database and prints its report as JSON; exits 1 on an error. */
export function runMigration<Db>(migrate: (db: Db, args: MigrationArgs) => Promise<unknown>): void {
  const argv = process.argv.slice(2)
  const args: MigrationArgs = {
    flag: (name) => {
      const i = argv.indexOf(name)
      return i >= 0 ? argv[i + 1] : undefined
    },
    dryRun: argv.includes('--dry-run'),
  }
  const run = async () => {
    const cloud = (await import('wx-server-sdk')).default
    const serviceUrl = args.flag('--service-url')
    if (serviceUrl) {
      process.env.TENCENTCLOUD = 'true'
      cloud.init({ env: args.flag('--env') ?? 'local', serviceUrl, secretId: 'local-emulator-secret-id', secretKey: 'local-emulator-secret-key' } as never)
    } else {
      const env = process.env.TCB_ENV
      if (!env) throw new Error('Set TCB_ENV (and TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY), or pass --service-url for the local emulator.')
      cloud.init({ env, secretId: process.env.TENCENTCLOUD_SECRETID, secretKey: process.env.TENCENTCLOUD_SECRETKEY } as never)
    }
    const report = await migrate(cloud.database() as unknown as Db, args)
    console.log(JSON.stringify(report, null, 2))
  }
  run().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
