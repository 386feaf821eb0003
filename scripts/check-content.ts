// npm run check-content: validates scenes/set.json, every locale it lists and scenes/lesson.json.
// Prints one line per problem (file, JSON path, reason; the first 25, then how many more) and exits
// 1 if there is any. Warnings (the shipped kiosk PIN) are printed but never fail the check.
// Optional argument: the app root.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { auditContent } from '../src/content/audit';
import { capProblems, formatProblem } from '../src/content/validate';

const root = resolve(process.argv[2] ?? '.');
const { problems, warnings } = await auditContent(async (file) => {
  try {
    return await readFile(resolve(root, file), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
});
for (const warning of warnings) console.warn(`WARNING ${formatProblem(warning)}`);
if (problems.length === 0) {
  console.log(`check-content: scenes/ is valid${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}.`);
} else {
  for (const problem of capProblems(problems)) console.error(formatProblem(problem));
  console.error(`check-content: ${problems.length} problem(s) found.`);
  process.exit(1);
}
