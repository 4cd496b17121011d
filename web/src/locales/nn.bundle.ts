// The app's words in one language: every feature file merged (their top-level keys must not clash).
import main from './nn.json';
import plans from './plans.nn.json';
import progress from './progress.nn.json';
import gates from './gates.nn.json';
import inbox from './inbox.nn.json';
import caseRoute from './caseroute.nn.json';
import phases from './phases.nn.json';
import surveys from './surveys.nn.json';
import needs from './needs.nn.json';
import recommendations from './recommendations.nn.json';
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

// Loaded only when nynorsk is chosen (a chunk of its own). `satisfies` makes the build fail when a key of bokmål is missing.
const nn = {
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

export default nn;
