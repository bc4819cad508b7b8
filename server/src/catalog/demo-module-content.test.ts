import { describe, expect, it } from 'vitest';
import { demoModuleContent } from './demo-module-content.js';

describe('demo module content', () => {
  const modules = Object.entries(demoModuleContent).flatMap(([slug, bodies]) =>
    bodies.map((body, i) => ({ name: `${slug} #${i + 1}`, body })),
  );

  it('covers every demo programme that has reading modules', () => {
    expect(Object.keys(demoModuleContent)).toHaveLength(13);
    expect(modules.length).toBeGreaterThanOrEqual(26);
  });

  it.each(modules)('$name has several paragraphs and a worked example or a figure', ({ body }) => {
    const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim() && !p.trim().startsWith('```'));
    expect(paragraphs.length).toBeGreaterThanOrEqual(3);
    // A heading for the example, then a drawn figure or a worked calculation (fenced) or numbered steps.
    expect(body).toMatch(/^### (Worked example|Figure|Rechenbeispiel|Abbildung|Ejemplo práctico)/m);
    expect(body).toMatch(/```[\s\S]+```|^1\. /m);
  });
});
