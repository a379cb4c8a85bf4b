import { boundingBox, distanceMetres } from './geo';

describe('distanceMetres', () => {
  it('measures about 111 km for one degree of latitude', () => {
    expect(distanceMetres({ lat: 31, lng: 121 }, { lat: 32, lng: 121 })).toBeCloseTo(111_195, -2);
  });

  it('measures a short east-west step in Shanghai, where a degree of longitude is shorter', () => {
    // 0.0005° of longitude at 31.23° N is 0.0005 × 111,195 × cos(31.23°) ≈ 47.5 m.
    expect(distanceMetres({ lat: 31.23, lng: 121.47 }, { lat: 31.23, lng: 121.4705 })).toBeCloseTo(47.5, 0);
  });

  it('is zero for the same point', () => {
    expect(distanceMetres({ lat: 31.23, lng: 121.47 }, { lat: 31.23, lng: 121.47 })).toBe(0);
  });
});

describe('boundingBox', () => {
  it('contains the points at the radius in every direction', () => {
    const centre = { lat: 31.23, lng: 121.47 };
    const box = boundingBox(centre, 50);
    expect(distanceMetres(centre, { lat: box.maxLat, lng: centre.lng })).toBeCloseTo(50, 5);
    expect(distanceMetres(centre, { lat: centre.lat, lng: box.maxLng })).toBeGreaterThanOrEqual(49.99);
    expect(box.minLat).toBeLessThan(centre.lat);
    expect(box.minLng).toBeLessThan(centre.lng);
  });

  it('stays finite at a pole', () => {
    const box = boundingBox({ lat: 90, lng: 0 }, 50);
    expect(Number.isFinite(box.minLng) && Number.isFinite(box.maxLng)).toBe(true);
  });
});
