/** IANA's three port ranges (RFC 6335). */

export type RangeClass = 'well-known' | 'registered' | 'dynamic';

export const MAX_PORT = 65535;
export const FIRST_REGISTERED = 1024;
export const FIRST_DYNAMIC = 49152;
/**
 * Linux hands out ephemeral ports from 32768 to 60999 by default (Documentation/networking/ip-sysctl,
 * ip_local_port_range: "The default values are 32768 and 60999 respectively"), below IANA's dynamic range.
 */
export const FIRST_LINUX_EPHEMERAL = 32768;

export function rangeClass(port: number): RangeClass {
  if (port < FIRST_REGISTERED) return 'well-known';
  if (port < FIRST_DYNAMIC) return 'registered';
  return 'dynamic';
}

/**
 * Binding below 1024 needs root (or a capability) on Linux by default; on macOS only for one address, not for
 * 0.0.0.0 (xnu bsd/netinet/in_pcb.c, in_pcbbind). A server should not count on either.
 */
export function isPrivileged(port: number): boolean {
  return port < FIRST_REGISTERED;
}
