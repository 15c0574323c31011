// The park's areas in the order park.yaml gives them, each with the scenarios the installed packs offer there. The map
// and the attract loop show the same list; an area no pack serves yet is closed.
import type { LocalizedText } from '@ruyi/pack-schema';

interface AreaLike {
  id: string;
  name: LocalizedText;
  description: LocalizedText;
}
interface PackLike {
  id: string;
  area: string;
  scenarios: readonly unknown[];
}

export interface AreaEntry<A, P extends PackLike> {
  area: A;
  /** The area's scenarios, pack by pack in the content's order, each with its pack. */
  scenarios: { pack: P; scenario: P['scenarios'][number] }[];
  open: boolean;
}

export function parkAreas<A extends AreaLike, P extends PackLike>(areas: readonly A[], packs: readonly P[]): AreaEntry<A, P>[] {
  return areas.map((area) => {
    const scenarios = packs.filter((p) => p.area === area.id).flatMap((pack) => pack.scenarios.map((scenario) => ({ pack, scenario })));
    return { area, scenarios, open: scenarios.length > 0 };
  });
}
