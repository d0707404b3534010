/**
 * Child of the extractor profile (`node --cpu-prof --import tsx bench/profile-extract-child.ts <corpus> [passes]`):
 * one warm-up extraction of the whole corpus (module loading, JIT), then `passes` more (default 3);
 * prints the profile-clock times of the start and end of those passes (`<fromUs> <toUs>`).
 */
import { timeExtractor } from './bench-extract.ts';
import { profileClockUs } from './summarize-cpu-profile.ts';

const [corpus, passes = '3'] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write('usage: profile-extract-child.ts <corpus> [passes]\n');
  process.exit(2);
}
await timeExtractor(corpus);
const from = profileClockUs();
for (let pass = 0; pass < Number(passes); pass++) await timeExtractor(corpus);
process.stdout.write(`${from} ${profileClockUs()}\n`);
