/**
 * Commands that re-allow a blocked port in a browser. Chromium reads `--explicitly-allowed-ports` (a comma list, no
 * ranges: ChromeCommandLinePrefStore::ApplyExplicitlyAllowedPortSwitch splits on "," and parses each piece as a
 * number); Chrome, Edge and Brave on the desktop all do. Firefox reads a string pref.
 */
import { POSIX, type Command } from './terminal';

export const FIREFOX_OVERRIDE_PREF = 'network.security.ports.banned.override';

/**
 * Windows installs: Chrome for all users under Program Files, for one user under %LOCALAPPDATA% (the installer's
 * per-user mode), older 64-bit system installs under Program Files (x86) (chromedp/chromedp#613, #614;
 * microsoft/vscode-chrome-debug#50: secondary sources, no Google page lists the paths). Edge lives under
 * Program Files (x86) on every Windows.
 */
const WINDOWS_INSTALLS = [
  { caption: 'installSystem', powershell: '$env:ProgramFiles', cmd: '%ProgramFiles%', app: 'Google\\Chrome' },
  { caption: 'installUser', powershell: '$env:LOCALAPPDATA', cmd: '%LOCALAPPDATA%', app: 'Google\\Chrome' },
  {
    caption: 'installX86',
    powershell: '${env:ProgramFiles(x86)}',
    cmd: '%ProgramFiles(x86)%',
    app: 'Google\\Chrome',
  },
  {
    caption: 'edge',
    powershell: '${env:ProgramFiles(x86)}',
    cmd: '%ProgramFiles(x86)%',
    app: 'Microsoft\\Edge',
  },
] as const;

export function chromiumOverride(ports: readonly number[]): Command[] {
  const flag = `--explicitly-allowed-ports=${ports.join(',')}`;
  const windows = WINDOWS_INSTALLS.flatMap(({ caption, powershell, cmd, app }): Command[] => {
    const exe = app === 'Microsoft\\Edge' ? 'msedge.exe' : 'chrome.exe';
    return [
      // PowerShell runs a quoted path only through the call operator, and reads a bare a,b as an array: quote the flag.
      {
        caption,
        shells: ['powershell'],
        os: ['windows'],
        text: `& "${powershell}\\${app}\\Application\\${exe}" "${flag}"`,
      },
      { caption, shells: ['cmd'], os: ['windows'], text: `"${cmd}\\${app}\\Application\\${exe}" ${flag}` },
    ];
  });
  return [
    ...['Google Chrome', 'Microsoft Edge', 'Brave Browser'].map((app): Command => ({
      shells: POSIX,
      os: ['mac'],
      text: `open -na "${app}" --args ${flag}`,
    })),
    ...['google-chrome', 'chromium', 'microsoft-edge', 'brave-browser'].map((program): Command => ({
      shells: POSIX,
      os: ['linux'],
      text: `${program} ${flag}`,
    })),
    ...windows,
  ];
}
