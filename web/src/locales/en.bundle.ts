// The app's words in one language: every feature file merged (their top-level keys must not clash).
import main from './en.json';
import plans from './plans.en.json';
import progress from './progress.en.json';
import gates from './gates.en.json';
import inbox from './inbox.en.json';
import caseRoute from './caseroute.en.json';
import phases from './phases.en.json';
import surveys from './surveys.en.json';
import needs from './needs.en.json';
import recommendations from './recommendations.en.json';
import type mainNb from './nb.json';
import type plansNb from './plans.nb.json';
import type progressNb from './progress.nb.json';
import type gatesNb from './gates.nb.json';
import type inboxNb from './inbox.nb.json';
import type caseRouteNb from './caseroute.nb.json';
import type phasesNb from './phases.nb.json';
import type surveysNb from './surveys.nb.json';
import type needsNb from './needs.nb.json';
import type recommendationsNb from './recommendations.nb.json';

// Loaded only when English is chosen (a chunk of its own). `satisfies` makes the build fail when a key of bokmål is missing.
const en = {
  ...(main satisfies typeof mainNb),
  ...(plans satisfies typeof plansNb),
  ...(progress satisfies typeof progressNb),
  ...(gates satisfies typeof gatesNb),
  ...(inbox satisfies typeof inboxNb),
  ...(caseRoute satisfies typeof caseRouteNb),
  ...(phases satisfies typeof phasesNb),
  ...(surveys satisfies typeof surveysNb),
  ...(needs satisfies typeof needsNb),
  ...(recommendations satisfies typeof recommendationsNb),
};

export default en;
