import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, testApp, type Client, type TestContext } from '../../../test/helpers.js';
import { recordFixtures, relationTypeId, type RecordFixtures } from '../../../test/recordFixtures.js';

let ctx: TestContext;
let admin: Client;
let fx: RecordFixtures;
beforeAll(async () => {
  ctx = await testApp();
  admin = await signedIn(ctx, { roles: ['Admin'] });
  fx = await recordFixtures(ctx);
});
afterAll(() => ctx.close());

describe('vocabulary used by actors, incidents and relations cannot be deleted', () => {
  it('names actors, incidents and relations as the places a term is used', async () => {
    const actor = await admin.post('/api/actors', {
      type: 'Person',
      firstName: 'Sami',
      ethnographies: [fx.ethnographyId],
      originPlace: fx.locationId,
      profiles: [{ mode: 'normal', labels: [fx.labelId], sources: [fx.sourceId] }],
      comment: 'usage test',
    });
    expect(actor.statusCode).toBe(201);
    const incident = await admin.post('/api/incidents', {
      title: 'Usage incident',
      potentialViolations: [fx.potentialViolationId],
      comment: 'usage test',
    });
    expect(incident.statusCode).toBe(201);
    const bulletin = await admin.post('/api/bulletins', { title: 'Usage bulletin', comment: 'usage test' });
    const witness = await relationTypeId(ctx, 'actor-bulletin', 'Witness');
    const rel = await admin.post(`/api/actors/${actor.json().id}/relations`, {
      kind: 'bulletin',
      id: bulletin.json().id,
      types: [witness],
      probability: 2,
      comment: 'saw it',
    });
    expect(rel.statusCode).toBe(200);

    const cases: [string, RegExp][] = [
      [`/api/vocab/ethnographies/${fx.ethnographyId}/delete`, /actors \(ethnographies\)/],
      [`/api/vocab/potential-violations/${fx.potentialViolationId}/delete`, /incidents \(potential violations\)/],
      [`/api/labels/${fx.labelId}/delete`, /actor profiles \(labels\)/],
      [`/api/sources/${fx.sourceId}/delete`, /actor profiles \(sources\)/],
      [`/api/locations/${fx.locationId}/delete`, /actors \(origin place\)/],
      [`/api/relation-types/${witness}/delete`, /actor-bulletin relations/],
    ];
    for (const [url, message] of cases) {
      const res = await admin.post(url, {});
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.message, url).toMatch(message);
    }
  });
});
