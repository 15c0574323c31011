// The server's content security policy allows no eval. zod compiles fast parsers with `new Function` unless told not
// to, and probes for it on first use: the probe alone is a policy violation. Imported first by main.tsx, before any
// schema parses.
import { z } from 'zod';

z.config({ jitless: true });
