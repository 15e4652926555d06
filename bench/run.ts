/**
 * `npm run bench [-- name …]`: runs the named benchmarks (all by default) and records their
 * figures in bench/BENCHMARKS.md.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  startup: async () => (await import('./startup.js')).runStartupBench(),
  questionnaire: async () => (await import('./questionnaire.js')).runQuestionnaireBench(),
  responses: async () => (await import('./responses.js')).runResponsesBench(),
  ingest: async () => (await import('./ingest.js')).runIngestBench(),
  analysis: async () => (await import('./analysis.js')).runAnalysisBench(),
  'review-board': async () => (await import('./review-board.js')).runReviewBoardBench(),
  soak: async () => (await import('./soak.js')).runSoakBench(),
  client: async () => (await import('./client.js')).runClientBench(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(64);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHES)) {
  console.log(`\n# ${name}`);
  await BENCHES[name]!();
}
