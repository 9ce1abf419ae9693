import { isIP } from 'node:net';

/** What an address is, for the webhook SSRF guard. Only `public` is reachable by default. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'metadata'
  | 'unspecified'
  | 'multicast'
  | 'reserved';

/** The eight 16-bit groups of an IPv6 address (`::`, embedded IPv4 and zone ids handled). */
function ipv6Groups(ip: string): number[] {
  let text = ip.split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const parse = (s: string) => (s ? s.split(':').map((h) => Number.parseInt(h, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? [] : new Array(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function ipv4Kind(ip: string): AddressKind {
  const [a = 0, b = 0, c = 0, d = 0] = ip.split('.').map(Number);
  if (a === 169 && b === 254 && c === 169 && d === 254) return 'metadata';
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a >= 224 && a <= 239) return 'multicast';
  // 192.0.0/24 (protocol assignments), 198.18/15 (benchmarks), 240/4 and broadcast.
  if ((a === 192 && b === 0 && c === 0) || (a === 198 && (b === 18 || b === 19)) || a >= 240)
    return 'reserved';
  return 'public';
}

/**
 * Classifies an IP literal (IPv4, IPv6, IPv4-mapped `::ffff:a.b.c.d` in either notation);
 * anything that is not an IP is `reserved`.
 */
export function addressKind(ip: string): AddressKind {
  const version = isIP(ip.split('%')[0] ?? '');
  if (version === 4) return ipv4Kind(ip);
  if (version !== 6) return 'reserved';
  const g = ipv6Groups(ip);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroesTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const v4 = `${g6 >> 8}.${g6 & 255}.${g7 >> 8}.${g7 & 255}`;
  // IPv4-mapped (::ffff:0:0/96) and the deprecated IPv4-compatible form (::/96): the IPv4 rules.
  if (zeroesTo(5) && g5 === 0xffff) return ipv4Kind(v4);
  if (zeroesTo(7) && g7 === 0) return 'unspecified';
  if (zeroesTo(7) && g7 === 1) return 'loopback';
  if (zeroesTo(6)) return ipv4Kind(v4) === 'public' ? 'reserved' : ipv4Kind(v4);
  if (
    g0 === 0xfd00 &&
    g1 === 0x0ec2 &&
    zeroesTo(0) &&
    !g2 &&
    !g3 &&
    !g4 &&
    !g5 &&
    !g6 &&
    g7 === 0x254
  )
    return 'metadata';
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local';
  if ((g0 & 0xfe00) === 0xfc00) return 'private';
  if ((g0 & 0xff00) === 0xff00) return 'multicast';
  // NAT64 (64:ff9b::/96) reaches IPv4 space the guard cannot see; documentation (2001:db8::/32).
  if ((g0 === 0x64 && g1 === 0xff9b) || (g0 === 0x2001 && g1 === 0x0db8)) return 'reserved';
  return 'public';
}

/** Why an address is refused, in words; undefined when it may be called. */
export function refusal(kind: AddressKind, allowLoopback: boolean): string | undefined {
  if (kind === 'public' || (kind === 'loopback' && allowLoopback)) return undefined;
  const words: Record<AddressKind, string> = {
    public: '',
    loopback: 'a loopback address (allowed only where loopback webhooks are turned on)',
    private: 'a private network address',
    'link-local': 'a link-local address',
    metadata: 'a cloud metadata address',
    unspecified: 'the unspecified address',
    multicast: 'a multicast address',
    reserved: 'a reserved address',
  };
  return words[kind];
}
