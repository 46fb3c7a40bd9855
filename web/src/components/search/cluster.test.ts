import { describe, expect, it } from 'vitest';
import { clusterPoints } from './cluster';

describe('clusterPoints', () => {
  const pts = [
    { id: 1, lat: 34.889, lng: 35.886, label: 'a' },
    { id: 2, lat: 34.89, lng: 35.887, label: 'b' },
    { id: 3, lat: 36.2, lng: 37.13, label: 'c' },
  ];
  it('merges nearby points at low zoom and splits them when zoomed in', () => {
    const far = clusterPoints(pts, 6);
    expect(far.map((c) => c.count).sort()).toEqual([1, 2]);
    const near = clusterPoints(pts, 18);
    expect(near).toHaveLength(3);
  });
  it('merges everything at zoom 0', () => {
    expect(clusterPoints(pts, 0)).toHaveLength(1);
  });
});
