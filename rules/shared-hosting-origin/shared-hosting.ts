// Domains where anyone can get a site: the Public Suffix List's private section (read from tldts)
// plus code playgrounds that are not on the list.

import { parse } from 'tldts';

/**
 * Playgrounds whose pages run anyone's code on one shared origin (checked: not on the PSL in
 * tldts 7.6): CodePen renders pens on cdpn.io (and its editor on codepen.io); JSFiddle runs
 * results on fiddle.jshell.net and jsfiddle.net.
 */
export const SHARED_ORIGIN_PLAYGROUNDS = ['cdpn.io', 'codepen.io', 'jsfiddle.net', 'fiddle.jshell.net'];

/**
 * Playgrounds that give every project its own subdomain (not on the PSL in tldts 7.6):
 * StackBlitz (*.stackblitz.io, *.webcontainer.io), CodeSandbox (*.codesandbox.io), Glitch (*.glitch.me).
 * CodeSandbox's csb.app, Replit's repl.co / replit.dev and the hosting platforms are on the PSL.
 */
export const PER_PROJECT_PLAYGROUNDS = ['stackblitz.io', 'webcontainer.io', 'codesandbox.io', 'glitch.me'];

/** The label an attacker would pick; witnesses contain it (or `attacker`, where `-` is not accepted). */
export const ATTACKER_LABEL = 'attacker-cors-lint';
export const ATTACKER_FILLERS = [ATTACKER_LABEL, `${ATTACKER_LABEL}.`, `-${ATTACKER_LABEL}`, 'attacker', 'attacker.'];

export interface SharedHosting {
  /** The shared domain: a private public suffix (`vercel.app`) or a playground domain. */
  suffix: string;
  kind: 'private-suffix' | 'playground';
}

function under(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The shared domain this host is a subdomain of (or, for playgrounds, the shared origin it is). */
export function sharedHostingOf(host: string): SharedHosting | undefined {
  const h = host.toLowerCase();
  const shared = SHARED_ORIGIN_PLAYGROUNDS.find((d) => h === d);
  if (shared) return { suffix: shared, kind: 'playground' };
  const perProject = PER_PROJECT_PLAYGROUNDS.find((d) => under(h, d));
  if (perProject) return { suffix: perProject, kind: 'playground' };
  const info = parse(h, { allowPrivateDomains: true });
  if (info.isPrivate && info.publicSuffix) {
    // For wildcard rules (*.replit.dev) the suffix includes the host's own label; name the fixed part.
    const icann = parse(h).publicSuffix ?? '';
    const suffix = info.publicSuffix === h ? h.split('.').slice(1).join('.') || h : info.publicSuffix;
    return { suffix: suffix.length > icann.length ? suffix : info.publicSuffix, kind: 'private-suffix' };
  }
  return undefined;
}

/** True when `host` is a shared-hosting root itself (`vercel.app`, `cdpn.io`, `glitch.me`). */
export function isSharedRoot(host: string): SharedHosting | undefined {
  const h = host.toLowerCase();
  if (SHARED_ORIGIN_PLAYGROUNDS.includes(h) || PER_PROJECT_PLAYGROUNDS.includes(h)) return { suffix: h, kind: 'playground' };
  const info = parse(h, { allowPrivateDomains: true });
  if (info.isPrivate && info.publicSuffix === h) return { suffix: h, kind: 'private-suffix' };
  return undefined;
}

/** True when an attacker could deploy at `host`: it is shared hosting and carries the attacker's label or is a shared origin. */
export function attackerDeployable(host: string): SharedHosting | undefined {
  const shared = sharedHostingOf(host);
  if (!shared) return undefined;
  if (SHARED_ORIGIN_PLAYGROUNDS.includes(host)) return shared;
  return host.includes('attacker') ? shared : undefined;
}
