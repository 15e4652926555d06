import topology from 'world-atlas/countries-50m.json';
import { describe, expect, it } from 'vitest';
import { mapModel } from '../../../../client/src/features/analysis/map/map-model';
import { ISO_NUMERIC_BY_STATE, regionGeometry, regionProjection } from '../../../../client/src/features/analysis/map/region-geometry';
import { focusOptions } from '../../../../client/src/features/analysis/workbench/focus-options';
import { comparisonFixture, publicationFixture } from './analysis-fixtures';

describe('the map of the CBSS region', () => {
  const geometry = regionGeometry(topology);

  it('draws the eleven member states, Iceland included, and writes each code inside the frame', () => {
    const members = geometry.shapes.filter((shape) => shape.memberState !== null).map((shape) => shape.memberState);
    expect(members.sort()).toEqual(Object.keys(ISO_NUMERIC_BY_STATE).sort());
    for (const [state, [x, y]] of Object.entries(geometry.labels)) {
      expect(x, state).toBeGreaterThan(0);
      expect(x, state).toBeLessThan(geometry.width);
      expect(y, state).toBeGreaterThan(0);
      expect(y, state).toBeLessThan(geometry.height);
    }
    expect(Object.keys(geometry.labels)).toHaveLength(11);
  });

  it("frames the region from Iceland to Russia's north-west: Moscow and Arkhangelsk in; the Urals and the Crimea out", () => {
    const { projection, width, height } = regionProjection();
    const inFrame = (lonLat: [number, number]) => {
      const [x, y] = projection(lonLat)!;
      return x >= 0 && x <= width && y >= 0 && y <= height;
    };

    expect(inFrame([-21.9, 64.1])).toBe(true); // Reykjavík
    expect(inFrame([37.6, 55.8])).toBe(true); // Moscow
    expect(inFrame([40.5, 64.5])).toBe(true); // Arkhangelsk
    expect(inFrame([11.6, 47.6])).toBe(true); // the Bavarian Alps' foot
    expect(inFrame([60.6, 56.8])).toBe(false); // Yekaterinburg, beyond the Urals
    expect(inFrame([34.1, 45.0])).toBe(false); // Simferopol
    expect(inFrame([33.6, 46.2])).toBe(false); // the Crimea's northern edge
  });

  it("colours each state by its answer's colour, marks the unanswered and those without a counted reply", () => {
    const option = focusOptions(comparisonFixture).find((candidate) => candidate.key === 'action_plan')!;
    const model = mapModel(comparisonFixture, option, new Map([['IS', 'Iceland']]))!;

    const fills = Object.fromEntries(model.entries.map((entry) => [entry.memberState, entry.fill]));
    expect(fills.EE).toEqual({ kind: 'answer', colour: '#56B4E9', label: 'A plan is in preparation' });
    expect(fills.LV).toEqual({ kind: 'answer', colour: '#E69F00', label: 'Yes, a plan is in force' });
    expect(fills.PL).toEqual({ kind: 'no-reply' });
    expect(model.entries.find((entry) => entry.memberState === 'IS')!.name).toBe('Iceland');
    expect(model.legend).toEqual({
      kind: 'answers',
      entries: [
        { colour: '#E69F00', label: 'Yes, a plan is in force', count: 1 },
        { colour: '#56B4E9', label: 'A plan is in preparation', count: 1 },
        { colour: '#009E73', label: 'No', count: 0 },
      ],
    });
    expect(model.noReplyLabel).toBe('No counted reply');
  });

  it('colours numbers along a sequential scale, a legend stop for every whole number of a short range', () => {
    const option = focusOptions(comparisonFixture).find((candidate) => candidate.key === 'specialised_ngo_count')!;
    const model = mapModel(comparisonFixture, option, new Map())!;

    expect(model.legend.kind === 'numbers' && model.legend.stops.map((stop) => stop.value)).toEqual([0, 1, 2]);
    expect(model.entries.find((entry) => entry.memberState === 'LV')!.fill).toEqual({ kind: 'not-answered' });
    expect(model.hasNotAnswered).toBe(true);
  });

  it('has no map for a checkbox question, and in the publication variant names no anonymised state on it', () => {
    const ticks = focusOptions(comparisonFixture).find((candidate) => candidate.key === 'identification_authority')!;
    expect(mapModel(comparisonFixture, ticks, new Map())).toBeNull();

    const option = focusOptions(publicationFixture).find((candidate) => candidate.key === 'action_plan')!;
    const model = mapModel(publicationFixture, option, new Map())!;
    expect(model.entries.find((entry) => entry.memberState === 'LV')!.fill).toEqual({ kind: 'no-reply' });
    expect(model.noReplyLabel).toBe('Not shown: no counted reply, anonymised or not for publication');
  });
});
