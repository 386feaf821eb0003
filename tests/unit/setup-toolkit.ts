// The activities get the set's building kit from their host at run time (src/activities/toolkit.ts);
// the unit tests build activity views without the host, so they are given the same kit here.
import { provideToolkit } from '../../src/activities/toolkit';
import { TOOLKIT } from '../../src/app/activity-toolkit';

provideToolkit(TOOLKIT);
