/**
 * Why a literal origin can never equal what a browser sends in the Origin header.
 * A serialized origin is `scheme://host[:port]`: lowercase scheme and host, no default port,
 * no path, query, fragment, user-info or whitespace (HTML origin serialization / RFC 6454).
 */
export interface OriginFormProblem {
  id: 'whitespace' | 'several' | 'no-scheme' | 'wildcard-literal' | 'user-info' | 'trailing-slash' | 'path' | 'query' | 'fragment' | 'default-port' | 'uppercase';
  /** Human description of what is wrong. */
  problem: string;
  /** The origin the author most likely meant, when it can be derived. */
  suggestion?: string;
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443' };

export function looksLikeSeveralOrigins(text: string): boolean {
  const trimmed = text.trim();
  return /[\s,]/.test(trimmed) && (trimmed.match(/[a-z][a-z0-9+.-]*:\/\//gi)?.length ?? 0) >= 2;
}

export function originFormProblems(raw: string): OriginFormProblem[] {
  if (raw === '*' || raw === 'null') return [];
  if (looksLikeSeveralOrigins(raw)) {
    return [{ id: 'several', problem: 'holds several origins in one string; the Origin header carries exactly one' }];
  }
  const problems: OriginFormProblem[] = [];
  if (raw !== raw.trim() || /\s/.test(raw)) {
    problems.push({ id: 'whitespace', problem: 'contains whitespace', suggestion: raw.trim() });
  }
  const text = raw.trim();
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)(.*)$/.exec(text);
  if (!match) {
    const host = text.replace(/\/+$/, '');
    return [...problems, { id: 'no-scheme', problem: 'has no scheme (browsers send scheme://host)', suggestion: /^[\w.-]+(?::\d+)?$/.test(host) ? `https://${host}` : undefined }];
  }
  const [, scheme, authorityRaw, rest] = match as unknown as [string, string, string, string];
  let authority = authorityRaw;
  if (authority.includes('*')) {
    problems.push({ id: 'wildcard-literal', problem: "contains '*', which is compared literally here, not as a wildcard" });
  }
  if (authority.includes('@')) {
    problems.push({ id: 'user-info', problem: 'contains user-info (user@host), which an Origin never has' });
    authority = authority.slice(authority.lastIndexOf('@') + 1);
  }
  const pathPart = rest.replace(/[?#].*$/, '');
  if (pathPart === '/' || /^\/+$/.test(pathPart)) problems.push({ id: 'trailing-slash', problem: 'ends with a slash' });
  else if (pathPart) problems.push({ id: 'path', problem: `has a path (${pathPart})` });
  if (rest.includes('?')) problems.push({ id: 'query', problem: 'has a query string' });
  if (rest.includes('#')) problems.push({ id: 'fragment', problem: 'has a fragment' });
  const portMatch = /:(\d+)$/.exec(authority);
  const lowerScheme = scheme.toLowerCase();
  if (portMatch && DEFAULT_PORTS[lowerScheme] === portMatch[1]) {
    problems.push({ id: 'default-port', problem: `names the default port :${portMatch[1]}, which browsers omit` });
    authority = authority.slice(0, -portMatch[0].length);
  }
  if (scheme !== lowerScheme || authority !== authority.toLowerCase()) {
    problems.push({ id: 'uppercase', problem: 'has uppercase letters; browsers send the scheme and host in lowercase' });
  }
  if (problems.length && !problems.some((p) => p.id === 'wildcard-literal' || p.id === 'no-scheme')) {
    const suggestion = `${lowerScheme}://${authority.toLowerCase()}`;
    for (const p of problems) p.suggestion ??= suggestion;
  }
  return problems;
}

/** The host of an origin string, lowercase, or undefined when it does not parse as scheme://host. */
export function originHost(origin: string): { scheme: string; host: string; port?: string } | undefined {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]+\]|[^:/?#]+)(?::(\d+))?/i.exec(origin.trim());
  if (!m) return undefined;
  return { scheme: m[1]!.toLowerCase(), host: m[2]!.toLowerCase(), port: m[3] };
}

/** localhost, 127.0.0.0/8, [::1], *.localhost: plain http there cannot be intercepted on the network. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]' || host === '0.0.0.0';
}
