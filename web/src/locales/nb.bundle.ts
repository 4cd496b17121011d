// The app's words in one language: every feature file merged (their top-level keys must not clash).
import main from './nb.json';
import plans from './plans.nb.json';
import progress from './progress.nb.json';
import gates from './gates.nb.json';
import inbox from './inbox.nb.json';
import caseRoute from './caseroute.nb.json';
import phases from './phases.nb.json';
import surveys from './surveys.nb.json';
import needs from './needs.nb.json';
import recommendations from './recommendations.nb.json';

const nb = {
  ...main,
  ...plans,
  ...progress,
  ...gates,
  ...inbox,
  ...caseRoute,
  ...phases,
  ...surveys,
  ...needs,
  ...recommendations,
};

export default nb;
