// The core words in bokmål, in the app's first load: the layout, sign-in, the error page, every error message
// (errors.*) and the pages that are not a feature of their own. A feature's words are not merged here: register
// its <feature>.{nb,nn,en}.json in words.ts, and they load with the pages that need them.
import core from './nb.json';

const nb = core;

export default nb;
