// Preloaded into every measured child (node --import): reports the process's peak resident
// memory (worker threads included) and its CPU time (user + system, every thread) on stderr as
// its last line, whatever the child is.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const use = process.resourceUsage();
  writeSync(2, `\n@@maxrss ${use.maxRSS} @@cpu ${use.userCPUTime + use.systemCPUTime}\n`);
});
