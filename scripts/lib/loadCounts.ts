// The counts a load run is given on its command line (`--rooms R --clients C
// --seconds S`), as `npm run loadtest` and `npm run loadtest:floor` read them.

export interface LoadCounts {
  rooms: number;
  clients: number;
  seconds: number;
}

/** The counts from parseArgs' string values; on anything but whole numbers with C >= R, prints `usage` and exits 1. */
export function loadCounts(values: { rooms?: string; clients?: string; seconds?: string }, usage: string): LoadCounts {
  const counts = { rooms: Number(values.rooms), clients: Number(values.clients), seconds: Number(values.seconds) };
  if (!Object.values(counts).every((n) => Number.isInteger(n) && n > 0) || counts.clients < counts.rooms) {
    console.error(`usage: ${usage} (whole numbers, C >= R)`);
    process.exit(1);
  }
  return counts;
}
