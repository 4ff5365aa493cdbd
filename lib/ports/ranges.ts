/** IANA's three port ranges (RFC 6335). */

export type RangeClass = 'well-known' | 'registered' | 'dynamic';

export const MAX_PORT = 65535;
export const FIRST_REGISTERED = 1024;
export const FIRST_DYNAMIC = 49152;

export function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_PORT;
}

export function rangeClass(port: number): RangeClass {
  if (port < FIRST_REGISTERED) return 'well-known';
  if (port < FIRST_DYNAMIC) return 'registered';
  return 'dynamic';
}

/** Binding below 1024 needs root (or a capability) on Linux, macOS and the BSDs. */
export function isPrivileged(port: number): boolean {
  return port < FIRST_REGISTERED;
}
