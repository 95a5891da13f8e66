/** A fenced code block of a rule README, with the verdict the line before it announces. */
export interface ReadmeExample {
  expect: 'finding' | 'clean';
  language: string;
  /** File name to write the block to (from the fence info, else from the language). */
  fileName: string;
  code: string;
  /** 1-based line of the opening fence in the README. */
  line: number;
  /**
   * More files of the same example (a frontend and a backend): blocks right after it whose fence
   * names a file, with no verdict of their own.
   */
  moreFiles?: Array<{ fileName: string; code: string }>;
}

const DEFAULT_FILE: Record<string, string> = {
  python: 'app.py',
  py: 'app.py',
  js: 'app.js',
  javascript: 'app.js',
  ts: 'app.ts',
  typescript: 'app.ts',
  nginx: 'nginx.conf',
};

/**
 * Blocks preceded (within the previous three non-empty lines) by a line with ❌ or ✅.
 * The fence info may name the file: ```python settings.py
 */
export function readmeExamples(markdown: string): ReadmeExample[] {
  const lines = markdown.split('\n');
  const examples: ReadmeExample[] = [];
  let previousEnd = -1;
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w+)(?:\s+(\S+))?\s*$/.exec(lines[i]!);
    if (!open) continue;
    const language = open[1]!.toLowerCase();
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const verdict = verdictAbove(lines, i);
    const previous = examples[examples.length - 1];
    if (!verdict && open[2] && previous && continues(lines, previousEnd, i)) {
      (previous.moreFiles ??= []).push({ fileName: open[2], code: `${lines.slice(i + 1, end).join('\n')}\n` });
    } else if (verdict && (DEFAULT_FILE[language] || open[2])) {
      examples.push({
        expect: verdict,
        language,
        fileName: open[2] ?? DEFAULT_FILE[language]!,
        code: `${lines.slice(i + 1, end).join('\n')}\n`,
        line: i + 1,
      });
    }
    i = end;
    previousEnd = end;
  }
  return examples;
}

/** Only prose (no verdict, no heading, no other block) between the end of one block and the next fence. */
function continues(lines: string[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (/^#|❌|✅/.test(lines[j]!) || lines[j]!.startsWith('```')) return false;
  return true;
}

function verdictAbove(lines: string[], fence: number): 'finding' | 'clean' | undefined {
  let seen = 0;
  for (let j = fence - 1; j >= 0 && seen < 3; j--) {
    const line = lines[j]!;
    if (!line.trim()) continue;
    if (line.startsWith('```')) return undefined;
    seen++;
    if (line.includes('❌')) return 'finding';
    if (line.includes('✅')) return 'clean';
  }
  return undefined;
}
