// `npm run bench`: the standard load scenarios, one after another, each against a
// fresh server process; prints each report (see scripts/loadtest.ts for the fields).
// BENCH_SECONDS sets the length of each (default 20).
import { cpus } from "node:os";
import { runLoad } from "./loadtest.ts";

const SCENARIOS = [
  { name: "1 room × 16 ships in combat", rooms: 1, clients: 16 },
  { name: "10 rooms × 8", rooms: 10, clients: 80 },
  { name: "50 rooms × 8", rooms: 50, clients: 400 },
];
const seconds = Number(process.env.BENCH_SECONDS ?? 20);

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, Node ${process.version}. Players and server share it.`);
for (const scenario of SCENARIOS) {
  const report = await runLoad({ rooms: scenario.rooms, clients: scenario.clients, seconds });
  console.log(`\n${scenario.name}\n${JSON.stringify(report, null, 2)}`);
}
process.exit(0);
