export { up } from '../count-words.ts';
