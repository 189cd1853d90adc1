import fs from 'node:fs';

// The production server's process as the operating system sees it (Linux /proc), for tests and benchmarks that watch
// its memory from outside: the process listening on the port (`next start`, which scripts/start.ts spawns) and any
// process below it.

function readProc(pid: string, file: string): string {
  try {
    return fs.readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return ''; // gone meanwhile, or not ours to read
  }
}

/** The inodes of the sockets listening on this TCP port (IPv4 and IPv6), from /proc/net/tcp*. */
function listeningInodes(port: number): Set<string> {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const inodes = new Set<string>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFile(file).split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is field 1, st (0A = LISTEN) field 3, inode field 9
      if (f[1]?.endsWith(hex) && f[3] === '0A' && f[9]) inodes.add(f[9]);
    }
  }
  return inodes;
}

const readFile = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};

/**
 * The pids of the process listening on the port (Next's server renames itself "next-server", so its command line no
 * longer names the port) and of its descendants; empty when nothing listens there.
 */
export function serverPids(port: number | string): number[] {
  const inodes = listeningInodes(Number(port));
  const all = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const roots = all.filter((pid) => {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      return false;
    }
    return fds.some((fd) => {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        return m !== null && inodes.has(m[1]!);
      } catch {
        return false;
      }
    });
  });
  // ppid is the 4th field of /proc/<pid>/stat, after the command name in parentheses (which may hold spaces)
  const parentOf = (pid: string) => {
    const stat = readProc(pid, 'stat');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '';
  };
  const parent = new Map(all.map((pid) => [pid, parentOf(pid)]));
  const out = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent)
      if (!out.has(pid) && out.has(ppid)) {
        out.add(pid);
        grew = true;
      }
  }
  return [...out].map(Number);
}

/** Resident memory of these processes together, in bytes (VmRSS). */
export function rssBytes(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) kb += Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readProc(String(pid), 'status'))?.[1] ?? 0);
  return kb * 1024;
}
