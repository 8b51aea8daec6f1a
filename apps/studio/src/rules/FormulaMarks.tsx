import type { FormulaIssue } from '../formula/issues.js';

/** The formula again with the parts that have problems underlined, so the admin sees where they are. */
export function FormulaMarks({ text, issues }: { text: string; issues: readonly FormulaIssue[] }) {
  const spans = issues.flatMap((issue) => (issue.span === null ? [] : [issue.span])).sort((a, b) => a.start - b.start);
  if (spans.length === 0) return null;
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue; // overlapping: the outer one is already marked
    // a problem at the very end (something missing) marks the place after the text
    const end = Math.max(span.end, span.start + 1);
    parts.push({ text: text.slice(at, span.start), marked: false }, { text: text.slice(span.start, end).padEnd(end - span.start, ' '), marked: true });
    at = end;
  }
  parts.push({ text: text.slice(at), marked: false });
  return (
    <pre className="formula-marks" aria-hidden="true">
      {parts.map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : part.text))}
    </pre>
  );
}
