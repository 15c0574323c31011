// The visitor's motion setting in the app's unit tests (there are no media queries in Node): false unless a test sets
// it, and false again before each test file (reset.ts). The setup routes components/useReducedMotion.ts here.
export const motion = { reduced: false };
