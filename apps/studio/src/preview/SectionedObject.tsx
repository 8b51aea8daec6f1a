import { Fragment } from 'react';
import { getDefaultRegistry } from '@rjsf/core';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';

const DefaultObject = getDefaultRegistry().templates.ObjectFieldTemplate;

/**
 * rjsf's own object template, with the form's section headings (uiSchema `ui:options.headings`,
 * field → title, set by rjsfProps) drawn before the fields that start a section.
 */
export function SectionedObject(props: ObjectFieldTemplateProps) {
  const options = props.uiSchema?.['ui:options'];
  const headings = props.fieldPathId.path.length === 0 && options !== undefined ? options.headings as Record<string, string> | undefined : undefined;
  if (headings === undefined || Object.keys(headings).length === 0) return <DefaultObject {...props} />;
  const properties = props.properties.map((p) => {
    const title = headings[p.name];
    return title === undefined ? p : { ...p, content: <Fragment key={p.name}><h3 className="form-section" data-section-start={p.name}>{title}</h3>{p.content}</Fragment> };
  });
  return <DefaultObject {...props} properties={properties} />;
}
