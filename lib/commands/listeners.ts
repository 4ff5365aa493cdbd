/** Commands that show what listens on a port, and what else can hold a port on Windows. */
import { POSIX, type Command } from './terminal';

export function listenerCommands(port: number): Command[] {
  return [
    { shells: POSIX, os: ['mac'], text: `lsof -nP -iTCP:${port} -sTCP:LISTEN` },
    { shells: POSIX, os: ['linux'], text: `ss -ltnp 'sport = :${port}'` },
    // Locale-independent, unlike netstat's state column (LISTENING is translated on some Windows languages).
    {
      shells: ['powershell'],
      os: ['windows'],
      text: `Get-NetTCPConnection -LocalPort ${port} -State Listen`,
    },
    // findstr splits a search string at spaces unless it is given with /C: (`findstr /?`), so ":3000 " with its
    // space, which stops :30000 matching, needs /C:. Rows of any state match: the LISTENING one is the server.
    { shells: ['cmd'], os: ['windows'], text: `netstat -ano | findstr /C:":${port} "` },
  ];
}

/**
 * Hyper-V, WSL2 and Docker Desktop make Windows reserve port ranges that netstat and Get-NetTCPConnection do not
 * show; listening there fails with EACCES / WinError 10013 (microsoft/WSL#5514, docker/docs#15452: secondary
 * sources). This lists them; it runs in both Windows shells.
 */
export const WINDOWS_EXCLUDED_RANGES: Command = {
  shells: ['powershell', 'cmd'],
  os: ['windows'],
  text: 'netsh interface ipv4 show excludedportrange protocol=tcp',
};
