/**
 * Playgrounds whose pages run anyone's code on one shared origin (checked: not on the PSL in
 * tldts 7.6): CodePen renders pens on cdpn.io (and its editor on codepen.io); JSFiddle runs
 * results on fiddle.jshell.net and jsfiddle.net.
 */
export declare const SHARED_ORIGIN_PLAYGROUNDS: string[];
/**
 * Playgrounds that give every project its own subdomain (not on the PSL in tldts 7.6):
 * StackBlitz (*.stackblitz.io, *.webcontainer.io), CodeSandbox (*.codesandbox.io), Glitch (*.glitch.me).
 * CodeSandbox's csb.app, Replit's repl.co / replit.dev and the hosting platforms are on the PSL.
 */
export declare const PER_PROJECT_PLAYGROUNDS: string[];
/** The label an attacker would pick; witnesses contain it (or `attacker`, where `-` is not accepted). */
export declare const ATTACKER_LABEL = "attacker-cors-lint";
export declare const ATTACKER_FILLERS: string[];
export interface SharedHosting {
    /** The shared domain: a private public suffix (`vercel.app`) or a playground domain. */
    suffix: string;
    kind: 'private-suffix' | 'playground';
}
/** The shared domain this host is a subdomain of (or, for playgrounds, the shared origin it is). */
export declare function sharedHostingOf(host: string): SharedHosting | undefined;
/** True when `host` is a shared-hosting root itself (`vercel.app`, `cdpn.io`, `glitch.me`). */
export declare function isSharedRoot(host: string): SharedHosting | undefined;
/** True when an attacker could deploy at `host`: it is shared hosting and carries the attacker's label or is a shared origin. */
export declare function attackerDeployable(host: string): SharedHosting | undefined;
