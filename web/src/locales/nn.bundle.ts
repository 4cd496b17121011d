// The core words in nynorsk (see nb.bundle.ts), a chunk of its own fetched when nynorsk is chosen; the features' words
// are registered in words.ts. `satisfies` makes the type check fail when a key of bokmål is missing.
import core from './nn.json';
import type coreNb from './nb.json';

const nn = core satisfies typeof coreNb;

export default nn;
