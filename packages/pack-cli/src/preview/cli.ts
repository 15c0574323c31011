// Runs the preview command on its own: `node --import tsx packages/pack-cli/src/preview/cli.ts <id> [options]`.
// `npm run pack -- preview` goes through src/main.ts; tests spawn this file so they depend on nothing else.
import { preview } from '../commands/preview.ts';

process.exitCode = await preview(process.argv.slice(2));
