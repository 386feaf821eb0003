// npm run check-content: validates scenes/set.json and every locale it lists. Prints one line per
// problem (file, JSON path, reason) and exits 1 if there is any. Optional argument: the app root.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { checkAllContent } from '../src/content/load';
import { formatProblem } from '../src/content/validate';

const root = resolve(process.argv[2] ?? '.');
const problems = await checkAllContent(async (file) => {
  try {
    return await readFile(resolve(root, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
});
if (problems.length === 0) {
  console.log('check-content: scenes/ is valid.');
} else {
  for (const problem of problems) console.error(formatProblem(problem));
  console.error(`check-content: ${problems.length} problem(s) found.`);
  process.exit(1);
}
