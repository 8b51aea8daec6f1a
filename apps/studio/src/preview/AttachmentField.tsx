import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import type { Problem } from '@trellis/errors';
import { problemsOf } from '../api/client.js';
import { ProblemList } from '../common/ProblemList.js';
import { uploadAttachment } from './upload-with-progress.js';

interface Stored { readonly fileId: string; readonly fileName: string; readonly contentType?: string }

const isStored = (v: unknown): v is Stored => typeof v === 'object' && v !== null && typeof (v as { fileId?: unknown }).fileId === 'string';

/**
 * A file field as partners get it: the chosen file goes to the attachments API at once (with a
 * progress bar) and the field holds what the server gave back (its id, name and type); a list of
 * them when the field takes several files.
 */
export function AttachmentField({ formData, onChange, fieldPathId, schema, uiSchema, registry, disabled, readonly }: FieldProps) {
  const multiple = schema.type === 'array';
  // rjsf fills a list's `minItems` with empty entries: they are not files
  const stored = (multiple ? (Array.isArray(formData) ? formData as unknown[] : []) : [formData]).filter(isStored);
  const emit = (next: readonly Stored[]) => onChange(multiple ? next : next[0], fieldPathId.path);
  const { t } = useTranslation();
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const appId = (registry.formContext as { appId?: string } | undefined)?.appId;
  const id = fieldPathId.$id;
  const field = fieldPathId.path.map(String).join('.');
  const choose = (file: File | undefined) => {
    if (file === undefined) return;
    setProblems([]);
    setProgress({ name: file.name, fraction: 0 });
    uploadAttachment(file, { field, ...(appId === undefined ? {} : { app: appId }) }, (fraction) => setProgress({ name: file.name, fraction })).then(
      (a) => { setProgress(null); emit([...(multiple ? stored : []), { fileId: a.id, fileName: a.filename, contentType: a.mime }]); },
      (error: unknown) => { setProgress(null); setProblems(problemsOf(error)); },
    );
  };
  return (
    <div className="attachment-field" data-field={field}>
      <label htmlFor={id}>{schema.title ?? field}</label>
      {schema.description !== undefined && <p className="field-description">{schema.description}</p>}
      <input id={id} type="file" accept={(uiSchema?.['ui:options'] as { accept?: string } | undefined)?.accept} aria-label={multiple && stored.length > 0 ? t('preview.file.chooseAnother') : t('preview.file.choose')} disabled={disabled || readonly || progress !== null} onChange={(e) => { choose(e.target.files?.[0]); e.target.value = ''; }} />
      {progress !== null && (
        <div className="upload-progress">
          <span>{t('preview.file.uploading', { name: progress.name })}</span>
          <progress aria-label={t('preview.file.progress')} value={progress.fraction} max={1} />
        </div>
      )}
      {progress === null && stored.map((file, i) => (
        <p key={file.fileId} className="ok uploaded">
          {t('preview.file.uploaded', { name: file.fileName })}{' '}
          <button type="button" className="link" onClick={() => emit(stored.filter((_, j) => j !== i))}>{t('preview.file.remove')}</button>
        </p>
      ))}
      <ProblemList problems={problems} />
    </div>
  );
}
