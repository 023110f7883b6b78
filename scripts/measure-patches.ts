// `npm run measure:patches`: what the state costs on the wire, exactly. A scripted
// 16-ship fight (bots, through the same rules, schema and entity pools as the room)
// is stepped without sockets; the patches one client would receive are encoded and
// every byte is put down to what it carried. The figures are deterministic, and
// the budget test (tests/netcode/bandwidth-budget.test.ts) holds them to the budget.
import { measurePatchCost } from "./lib/patchCost.ts";

console.log(JSON.stringify(measurePatchCost({ ships: 16, shipsAtStart: 4, seconds: 30 }), null, 2));
