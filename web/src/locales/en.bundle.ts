// The core words in English (see nb.bundle.ts), a chunk of its own fetched when English is chosen; the features' words
// are registered in words.ts. `satisfies` makes the type check fail when a key of bokmål is missing.
import core from './en.json';
import type coreNb from './nb.json';

const en = core satisfies typeof coreNb;

export default en;
