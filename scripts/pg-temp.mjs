// A throwaway PostgreSQL server for the collector's tests and benchmark: `initdb` into a
// temporary folder and `pg_ctl` on a free loopback port, from Debian's `postgresql` package.
// PostgreSQL refuses to run as root, so as root the server runs as the unprivileged `nobody`.
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const INSTALL_HINT = 'apt-get install -y postgresql'
const RUN_AS = 'nobody'

/** The folder with initdb and pg_ctl: PG_BIN, else the newest /usr/lib/postgresql/<n>/bin. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : []
  versions.sort((a, b) => Number(b) - Number(a))
  if (!versions.length) {
    throw new Error(
      `PostgreSQL server binaries not found in ${root}/<version>/bin: install them with \`${INSTALL_HINT}\``,
    )
  }
  return join(root, versions[0], 'bin')
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts a PostgreSQL server that trusts local connections; returns its admin URL and a stop
 * function that shuts it down and removes its folder.
 *
 * @example
 * const pg = await startTempPostgres()
 * process.env.DATABASE_URL = pg.url // postgres://postgres@127.0.0.1:54012/postgres
 * await pg.stop()
 */
export async function startTempPostgres({ log = () => {} } = {}) {
  const bin = findPostgresBin()
  const asRoot = process.getuid?.() === 0
  const dir = mkdtempSync(join(tmpdir(), 'touchpoint-pg-'))
  const data = join(dir, 'data')
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', RUN_AS]).toString().trim())
    const gid = Number(execFileSync('id', ['-g', RUN_AS]).toString().trim())
    chownSync(dir, uid, gid)
  }
  chmodSync(dir, 0o700)
  const run = (tool, args) => {
    const command = asRoot ? ['runuser', ['-u', RUN_AS, '--', join(bin, tool), ...args]] : [join(bin, tool), args]
    return execFileSync(command[0], command[1], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] }).toString()
  }
  const port = await freePort()
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c max_connections=200 -c shared_buffers=128MB`
    run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start'])
  } catch (err) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`could not start PostgreSQL from ${bin}: ${err.stderr?.toString() || err.message}`)
  }
  log(`PostgreSQL on 127.0.0.1:${port} (${data})`)
  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dir,
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
