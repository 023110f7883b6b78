// What tells ships apart: a name and a hue of their own in each room, and a HUD
// that fades wherever a ship is under it.
import { describe, expect, it } from "vitest";
import { HUD_REGIONS, regionsUnder } from "../../game/arena/hudLayout.ts";
import { LAYOUTS } from "../../shared/arena.ts";
import { NAME_MAX_LENGTH, SHIP_HUES } from "../../shared/constants.ts";
import { freeHue, uniqueName } from "../../shared/identity.ts";

describe("names in a room", () => {
  it("stay as chosen when free, and gain (2), (3)... when taken, whatever the case", () => {
    const ships = [{ name: "Ada" }, { name: "ada (2)" }, { name: "Bob" }];
    expect(uniqueName("Cy", ships)).toBe("Cy");
    expect(uniqueName("Ada", ships)).toBe("Ada (3)");
    expect(uniqueName("BOB", ships)).toBe("BOB (2)");
  });

  it("stay within the name length when a suffix is added", () => {
    const long = "x".repeat(NAME_MAX_LENGTH);
    const name = uniqueName(long, [{ name: long }]);
    expect(name).toBe(`${"x".repeat(NAME_MAX_LENGTH - 4)} (2)`);
    expect(Array.from(name)).toHaveLength(NAME_MAX_LENGTH);
  });
});

describe("hues in a room", () => {
  it("give every ship of a full room its own, reusing those that leave", () => {
    const ships: Array<{ hue: number }> = [];
    for (let i = 0; i < SHIP_HUES; i++) ships.push({ hue: freeHue(ships) });
    expect(new Set(ships.map((ship) => ship.hue)).size).toBe(SHIP_HUES);
    ships.splice(5, 1);
    expect(freeHue(ships)).toBe(5);
  });
});

describe("the HUD", () => {
  it("fades a panel over a ship anywhere inside it, or close enough for its name tag", () => {
    for (const [name, rect] of Object.entries(HUD_REGIONS)) {
      for (let x = rect.x; x <= rect.x + rect.w; x += 20) {
        for (let y = rect.y; y <= rect.y + rect.h; y += 10)
          expect(regionsUnder([{ x, y }]).has(name as keyof typeof HUD_REGIONS), `${name} at ${x},${y}`).toBe(true);
      }
      // Just below a top panel, the ship's name tag reaches up into it.
      if (rect.y === 0) expect(regionsUnder([{ x: rect.x + rect.w / 2, y: rect.h + 25 }]).has(name as keyof typeof HUD_REGIONS)).toBe(true);
    }
  });

  it("leaves every panel as it is over the open arena, and fades those over the spawns in the corners", () => {
    expect(regionsUnder([{ x: 640, y: 360 }]).size).toBe(0);
    for (const layout of LAYOUTS) {
      for (const pickup of layout.pickups) expect(regionsUnder([pickup]).size, `${layout.name} pickup at ${pickup.x},${pickup.y}`).toBe(0);
    }
    // A ship on the bottom-left spawn is under the health panel: it fades rather than hides it.
    expect([...regionsUnder([{ x: 80, y: 640 }])]).toEqual(["bottomLeft"]);
  });
});
