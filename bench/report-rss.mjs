// Preloaded into every measured child (node --import): reports the process's peak resident
// memory (worker threads included) on stderr as its last line, whatever the child is.
import { writeSync } from 'node:fs';

process.on('exit', () => writeSync(2, `\n@@maxrss ${process.resourceUsage().maxRSS}\n`));
