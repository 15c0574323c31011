// The server's security headers in a real browser: the API docs (Swagger UI) work under the content security policy
// with no violation (the shared fixture fails a test on any), and the admin page cannot be framed by another page.
import { expect, serverTest as plain, test } from './fixtures.ts';

test('the API docs at /api/docs/ render the API under the content security policy', async ({ page }) => {
  const answer = await page.goto('/api/docs/');
  expect(answer?.headers()['content-security-policy']).toContain("script-src 'self'");
  // Swagger UI's bundle is large and a loaded test machine is slow to parse it.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Ruyi kiosk-server', { timeout: 60_000 });
  // Operations are listed (the OpenAPI document was fetched and rendered), and one opens.
  const health = page.locator('.opblock-summary-path', { hasText: '/api/health' }).first();
  await expect(health).toBeVisible();
  await health.click();
  await expect(page.getByRole('button', { name: /try it out/i }).first()).toBeVisible();
});

plain('another page cannot show the admin page in a frame', async ({ page, baseURL }) => {
  const admin = await page.request.get('/admin');
  expect(admin.headers()['x-frame-options']).toBe('DENY');
  expect(admin.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  // A page of no origin of ours frames /admin: the browser refuses to render it and says why.
  const refusals: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /frame-ancestors|Refused to (display|frame)/.test(msg.text())) refusals.push(msg.text());
  });
  await page.setContent(`<iframe title="framed admin" src="${baseURL}/admin" width="800" height="600"></iframe>`);
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  expect(frame, 'the iframe').toBeDefined();
  expect(frame!.url()).not.toBe(`${baseURL}/admin`);
  await expect(page.frameLocator('iframe').locator('#root')).toHaveCount(0);
});
