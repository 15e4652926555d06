/**
 * `npm run demo` is `npm start` with these flags (`npm run demo -- --force` adds the second).
 * Apart from the demo's code, which a start without `--demo` never loads (main.ts).
 */
export interface DemoArguments {
  readonly force: boolean;
}

/** Whether this start is the demo's: `--demo`, with `--force` to go on where it would refuse. */
export function demoArguments(argv: readonly string[]): DemoArguments | null {
  return argv.includes('--demo') ? { force: argv.includes('--force') } : null;
}
