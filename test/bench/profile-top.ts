import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

// Usage: npx tsx test/bench/profile-top.ts <file.cpuprofile> [top=15]
// Prints the functions with the most self time in a V8 CPU profile (node --cpu-prof).

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts <file.cpuprofile> [top]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  const n = byId.get(id);
  if (!n) return;
  const f = n.callFrame;
  const name = `${f.functionName || '(anonymous)'} ${f.url ? `${basename(f.url)}:${f.lineNumber + 1}` : ''}`;
  self.set(name, (self.get(name) ?? 0) + dt);
  total += dt;
});
console.log(`total ${(total / 1e6).toFixed(2)} s sampled`);
for (const [name, t] of [...self.entries()]
  .sort((a, b) => b[1] - a[1])
  .slice(0, Number(topArg ?? 15)))
  console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
