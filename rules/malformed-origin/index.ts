import type { CorsPolicy, OriginMatcher } from '../../src/model/types.js';
import { compilePattern, intendedOrigins, patternLabel, patternText, PatternEvaluator, render, specOf, templatesOf, WILD } from '../../src/regex/index.js';
import { patternWording } from '../../src/regex/index.js';
import { defineRule } from '../../src/rules/define-rule.js';
import { actorLabel, originSpan, provenanceNote } from '../../src/rules/library-effects.js';
import { originFormProblems, originHost, type OriginFormProblem } from '../../src/rules/origin-form.js';
import { fixOf, plainStringLiteral, type SourceReader } from '../../src/fix/source.js';
import type { Fix, OriginEntry, Span } from '../../src/model/types.js';

export default defineRule({
  meta: {
    id: 'malformed-origin',
    docs: {
      description: 'An allowed origin that no browser will ever send (trailing slash, path, missing scheme, default port, uppercase, `*` inside a literal, several origins in one string), or a string where a list is wanted.',
      cwe: [942],
      securitySeverity: 5.3,
    },
    defaultSeverity: 'error',
    fixable: 'safe-or-unsafe',
    messages: {
      neverMatches:
        "Origin '{{origin}}' {{problem}}, so it never equals the Origin a browser sends and {{library}} never allows it{{suggestion}}{{startup}}{{provenance}}",
      djangoCheck:
        "Origin '{{origin}}' {{problem}}: django-cors-headers compares only scheme and host at run time, but its system check {{check}} rejects the setting, so manage.py commands such as runserver and migrate stop with an error{{suggestion}}{{provenance}}",
      patternNeedsPath:
        "{{label}} {{pattern}} requires a path after the host ('{{example}}/'), but the Origin a browser sends never has one ('{{example}}'), so {{library}} never allows any origin through it{{provenance}}",
      substringOfEnv:
        "allowed origins are the string in environment variable {{env}}, not a list: {{library}} then tests {{test}}, a substring test, so any part of its value is accepted (with {{env}}=https://app.example.com, also https://app.example.co and https://app.example.c){{provenance}}",
      substring:
        "allowed origins is the string '{{haystack}}', not a list: {{library}} then tests {{test}}, a substring test that also admits {{witness}}{{provenance}}",
    },
  },
  check({ policies, report, source }) {
    for (const policy of policies) {
      for (const entry of policy.origins) {
        if (entry.kind === 'unknown' && entry.substringOfEnv) {
          const env = entry.substringOfEnv;
          report({
            messageId: 'substringOfEnv',
            data: { env, library: actorLabel(policy), test: substringTest(policy, `process.env.${env}`).replace(/'process\.env\.(\w+)'/g, 'process.env.$1'), provenance: '' },
            span: originSpan(policy, entry),
            policy,
            fingerprintText: `env:${env}`,
          });
          continue;
        }
        if (entry.kind === 'substring') {
          const witness = substringWitness(entry.haystack);
          if (!witness) continue;
          report({
            messageId: 'substring',
            data: { haystack: entry.haystack, library: actorLabel(policy), test: substringTest(policy, entry.haystack), witness, provenance: provenanceNote(entry) },
            span: originSpan(policy, entry),
            witness,
            policy,
            fingerprintText: entry.haystack,
            fix: listFix(policy, entry, source),
          });
          continue;
        }
        if (entry.kind === 'regex') {
          const example = pathOnlyPattern(entry);
          if (!example) continue;
          report({
            messageId: 'patternNeedsPath',
            data: { ...patternWording(policy.library, { ...specOf(entry), writtenAs: entry.writtenAs }), example, library: actorLabel(policy), provenance: provenanceNote(entry) },
            span: originSpan(policy, entry),
            policy,
            fingerprintText: entry.pattern,
          });
          continue;
        }
        if (entry.kind !== 'exact') continue;
        const problems = relevantProblems(policy, entry.origin, entry.sentVerbatim === true);
        if (!problems.length) continue;
        const suggestion = problems.find((p) => p.suggestion)?.suggestion;
        const pathOnly = problems.every((p) => DJANGO_PATH_PARTS.includes(p.id));
        const djangoCheck = policy.library === 'django-cors-headers' && pathOnly;
        report({
          messageId: djangoCheck ? 'djangoCheck' : 'neverMatches',
          data: {
            origin: entry.origin,
            problem: problems.map((p) => p.problem).join(' and '),
            library: actorLabel(policy),
            check: 'corsheaders.E014',
            suggestion: suggestion && suggestion !== entry.origin ? ` (did you mean '${suggestion}'?)` : '',
            startup: policy.library === 'django-cors-headers' && problems.some((p) => p.id === 'no-scheme')
              ? "; django-cors-headers' system check corsheaders.E013 also rejects it"
              : '',
            provenance: provenanceNote(entry),
          },
          span: originSpan(policy, entry),
          policy,
          fingerprintText: entry.origin,
          fix: suggestion && suggestion !== entry.origin ? originFix(entry, problems, suggestion, source) : undefined,
        });
      }
    }
  },
});

/** Parts django-cors-headers ignores at run time (it compares scheme and netloc) but its checks reject. */
const DJANGO_PATH_PARTS: string[] = ['trailing-slash', 'path', 'query', 'fragment'];

function relevantProblems(policy: CorsPolicy, origin: string, sentVerbatim: boolean): OriginFormProblem[] {
  return originFormProblems(origin).filter((p) => {
    // A verbatim header listing several origins is multiple-origin-values' finding.
    if (p.id === 'several' && sentVerbatim) return false;
    // nginx compares map keys without `~` case-insensitively.
    if (p.id === 'uppercase' && policy.library === 'nginx' && !sentVerbatim) return false;
    // ingress-nginx tests the origins with ~* (case-insensitive).
    if (p.id === 'uppercase' && policy.library === 'ingress-nginx') return false;
    return true;
  });
}

/**
 * An origin a browser can send that is a substring of the allowed string and not one of the origins it
 * lists: an allowed origin with its top-level label cut short (`https://example.com` admits
 * `https://example.co`), or with its port cut short (`http://localhost:3000` admits `http://localhost:300`).
 * Each origin of a joined string ("https://a.com,https://b.com") is tried on its own, so the witness is
 * always a well-formed origin.
 */
function substringWitness(haystack: string): string | undefined {
  const listed = haystack.split(/[\s,;|]+/).filter(Boolean);
  for (const piece of listed) {
    const parsed = originHost(piece);
    if (!parsed) continue;
    const origin = `${parsed.scheme}://${parsed.host}`;
    if (parsed.port) {
      if (parsed.port.length >= 2) {
        const shorter = `${origin}:${parsed.port.slice(0, -1)}`;
        if (haystack.includes(shorter) && !listed.includes(shorter)) return shorter;
      }
      continue;
    }
    const labels = parsed.host.split('.');
    const tld = labels.at(-1)!;
    if (labels.length < 2 || !/^[a-z]+$/.test(tld)) continue;
    for (let cut = 1; tld.length - cut >= 2; cut++) {
      const shorter = `${parsed.scheme}://${[...labels.slice(0, -1), tld.slice(0, tld.length - cut)].join('.')}`;
      if (haystack.includes(shorter) && !listed.includes(shorter)) return shorter;
    }
    const hostPrefix = `${parsed.scheme}://${parsed.host.slice(0, -1)}`;
    if (!hostPrefix.endsWith('.') && haystack.includes(hostPrefix) && !listed.includes(hostPrefix)) return hostPrefix;
  }
  return undefined;
}

/** How the library tests membership in a string, in the language the configuration is written in. */
function substringTest(policy: CorsPolicy, haystack: string): string {
  const python = policy.stack === 'fastapi' || policy.stack === 'starlette' || policy.stack === 'flask' || policy.stack === 'django';
  return python ? `\`origin in '${haystack}'\`` : `\`'${haystack}'.indexOf(origin) !== -1\` (or \`.includes(origin)\`)`;
}

/**
 * A pattern that spells out a scheme and host and then demands a `/` (`^https://app\\.example\\.com/`):
 * it accepts none of the origins it names, since an Origin is scheme, host and port only. Returns the
 * origin the author meant (`https://app.example.com`), or undefined when the pattern accepts it.
 */
function pathOnlyPattern(entry: Extract<OriginMatcher, { kind: 'regex' }>): string | undefined {
  const compiled = compilePattern(specOf(entry));
  if (!compiled.ok) return undefined;
  const { templates, lossy } = templatesOf(compiled.compiled.ast, compiled.compiled.flags);
  if (lossy || !templates.length) return undefined;
  // Every alternative must name a scheme and a literal host, then a literal '/'.
  const texts = templates.map((t) => render(t));
  if (!texts.every((t) => /^(?:https?|wss?):\/\/[a-z0-9.-]+(?::\d+)?\//i.test(t))) return undefined;
  const evaluator = new PatternEvaluator(compiled.compiled);
  const candidates = intendedOrigins(templates)
    .filter((i) => !i.isNull && i.scheme && !i.host.includes(WILD))
    .flatMap((i) => [`${i.scheme}://${i.host}`, `${i.scheme}://${i.host}:8080`]);
  if (!candidates.length) return undefined;
  const verdicts = evaluator.acceptsAll(candidates);
  if (verdicts.some((v) => v !== false)) return undefined;
  return candidates[0];
}

/** Problems whose correction is what the author evidently meant: the origin they wrote, serialized. */
const SAFE_CORRECTIONS: string[] = ['trailing-slash', 'default-port', 'uppercase', 'whitespace'];

/**
 * Rewrites the literal where it is written (the constant's definition when the origin comes from
 * one), keeping its quotes. Safe when only the serialization is wrong; a dropped path, query or
 * user-info, or a guessed scheme, changes which origin is trusted, so that is unsafe.
 */
function originFix(entry: OriginEntry & { origin: string }, problems: OriginFormProblem[], suggestion: string, source: SourceReader): Fix | undefined {
  const span = literalSpan(entry);
  const text = span && source(span.file);
  if (!span || !text) return undefined;
  const literal = plainStringLiteral(text, span, entry.origin);
  // nginx map keys and unquoted words are the origin itself.
  const range = literal ? { start: literal.contentStart, end: literal.contentEnd } : text.slice(span) === entry.origin && /^[\w:/.\-]+$/.test(entry.origin) ? text.range(span) : undefined;
  if (!range) return undefined;
  // A suggestion can itself have a problem left (whitespace trimmed, a slash still there): correct
  // until it is a serialized origin, so one fix is the whole fix.
  const seen = [...problems];
  let target = suggestion;
  for (let i = 0; i < 5; i++) {
    const left = originFormProblems(target);
    const next = left.find((p) => p.suggestion)?.suggestion;
    seen.push(...left);
    if (!next || next === target) break;
    target = next;
  }
  if (originFormProblems(target).length) return undefined;
  const safe = seen.every((p) => SAFE_CORRECTIONS.includes(p.id));
  return fixOf(safe ? 'safe' : 'unsafe', `Replace '${entry.origin}' with '${target}'`, [text.edit(range.start, range.end, target)]);
}

/** Where the literal is written: its definition when it comes from a constant, else where it is used. */
function literalSpan(entry: OriginEntry): Span | undefined {
  return entry.definedAt ?? entry.span;
}

/**
 * Starlette's `allow_origins="https://a.com"` becomes `["https://a.com"]` (a joined string, one item per
 * origin), in the same quotes. Not offered for an environment default: the variable's value would stay
 * a string, so the right change there is a `.split(",")` the author must choose.
 */
function listFix(policy: CorsPolicy, entry: OriginEntry & { haystack: string }, source: SourceReader): Fix | undefined {
  if (policy.library !== 'starlette' || entry.envDriven) return undefined;
  const span = literalSpan(entry);
  const text = span && source(span.file);
  if (!span || !text) return undefined;
  const literal = plainStringLiteral(text, span, entry.haystack);
  const range = text.range(span);
  if (!literal || !range) return undefined;
  const items = entry.haystack.split(/[\s,;|]+/).filter(Boolean);
  if (!items.length || !items.every((i) => originHost(i) && originFormProblems(i).length === 0)) return undefined;
  const list = `[${items.map((i) => `${literal.prefix}${literal.quote}${i}${literal.quote}`).join(', ')}]`;
  // A shared constant may be read as a string elsewhere too.
  const shared = entry.definedAt !== undefined && entry.span !== undefined && entry.definedAt !== entry.span;
  return fixOf(shared ? 'unsafe' : 'safe', `Make the origins a list: ${list}`, [text.edit(range.start, range.end, list)]);
}
