/**
 * What a host name may look like where it is printed into a command or a config line, or learned as a name:
 * the host names of RFC 1123 §2.1 (RFC 952's letters, digits and hyphens; a label may start with a digit), in
 * labels of 1 to 63 characters that neither start nor end with a hyphen (RFC 1035 §2.3.4), 253 characters in
 * all. The WHATWG URL parser lets far more through a host (";", "{", "$", "'", "&" are no forbidden host code
 * points), so a URL's hostname is no proof of a name. Pure.
 */

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);

/** A DNS host name, without a trailing dot: "devbox.test", "my-app", "3com.example". */
export function isDnsName(name: string): boolean {
  return name.length > 0 && name.length <= 253 && name.split('.').every((label) => LABEL.test(label));
}

/** A plain dotted-quad IPv4 address ("192.168.1.20"), as URL.hostname writes one. */
export function isIpv4(host: string): boolean {
  return IPV4.test(host);
}

/**
 * The host as it may go into a snippet the user copies (a shell line, a config file, a hosts file entry):
 * itself when it is a DNS name or an IPv4 address, else null, and the caller prints a placeholder.
 */
export function printableHost(host: string): string | null {
  return isDnsName(host) || isIpv4(host) ? host : null;
}
