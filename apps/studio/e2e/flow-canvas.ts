import type { Page } from 'playwright-core';

/** The screen centre of a flow step's handle: `in`, `out`, `approved`, … */
export async function handleCentre(page: Page, nodeId: string, handle: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.react-flow__handle[data-nodeid="${nodeId}"][data-handleid="${handle}"]`).boundingBox();
  if (box === null) throw new Error(`handle ${nodeId}.${handle} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Draws a connection with the mouse, from a step's output port to another step's input. */
export async function connect(page: Page, source: string, port: string, target: string): Promise<void> {
  const from = await handleCentre(page, source, port);
  const to = await handleCentre(page, target, 'in');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** Clicks a connection (found by its label's step names) at a point of its path that nothing covers. */
export async function clickEdge(page: Page, source: string, target: string): Promise<void> {
  const point = await page.evaluate(([s, t]) => {
    const edge = [...document.querySelectorAll<SVGGElement>('.react-flow__edge')]
      .find((g) => g.getAttribute('aria-label')?.includes(String(s)) === true && g.getAttribute('aria-label')?.includes(String(t)) === true);
    const path = edge?.querySelector<SVGPathElement>('path.react-flow__edge-path');
    const m = path?.getScreenCTM();
    if (edge === undefined || path === undefined || path === null || m === undefined || m === null) return null;
    for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = path.getPointAtLength(path.getTotalLength() * f);
      const at = { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
      if (document.elementFromPoint(at.x, at.y)?.closest('.react-flow__edge') === edge) return at;
    }
    return null;
  }, [source, target]);
  if (point === null) throw new Error(`no edge from ${source} to ${target} can be clicked`);
  await page.mouse.click(point.x, point.y);
  await page.locator('.edge-panel').waitFor();
}
