import type { EntityManager } from 'typeorm';
import { syncKommuneNumbers } from '../../kommuner/kommune-number.queries';

/**
 * The demo kommuner's numbers over time (issue 17), from the shipped KLASS snapshot of SSB's classification 131.
 * The demo kommuner already carry their 2024 numbers and counties (checked against KLASS version 2024:
 * Kongsbergregionen spans Buskerud — 3303 Kongsberg, 3334 Flesberg, 3336 Rollag, 3338 Nore og Uvdal — and
 * Telemark — 4005 Notodden, 4024 Hjartdal, 4026 Tinn); this step records the numbers they had before, e.g.
 * Kongsberg 0604 (Buskerud, to 2019) → 3006 (Viken, 2020–2023) → 3303 (Buskerud, from 2024).
 */
export async function seedDemoKommuneNumbers(tx: EntityManager): Promise<void> {
  await syncKommuneNumbers(tx);
}
