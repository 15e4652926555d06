import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BENCHMARKS_FILE = path.join(import.meta.dirname, 'BENCHMARKS.md');

/** Replaces (or appends) the `## heading` section of BENCHMARKS.md, leaving other sections alone. */
export function writeSection(heading: string, body: string): void {
  const current = fs.existsSync(BENCHMARKS_FILE)
    ? fs.readFileSync(BENCHMARKS_FILE, 'utf8')
    : '# Benchmarks\n\nFigures from `npm run bench` (each section names the command that reproduces it).\n';
  const section = `## ${heading}\n\n${body.trim()}\n`;
  const pattern = new RegExp(`## ${escape(heading)}\\n[\\s\\S]*?(?=\\n## |$)`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}`;
  fs.writeFileSync(BENCHMARKS_FILE, next.endsWith('\n') ? next : `${next}\n`);
}

/** One line describing where the figures were measured. */
export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
