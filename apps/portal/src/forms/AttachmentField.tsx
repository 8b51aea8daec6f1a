import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProps } from '@rjsf/utils';
import { uploadFile } from '../api/upload.js';
import { isApiError } from '../api/problem.js';
import { useLocale } from '../i18n/i18n.js';

/** An uploaded file as records keep it (the definition's attachment shape). */
export interface AttachmentValue {
  readonly fileId: string;
  readonly fileName: string;
  readonly contentType?: string;
}

const isAttachment = (value: unknown): value is AttachmentValue =>
  typeof value === 'object' && value !== null && typeof (value as { fileId?: unknown }).fileId === 'string';

interface Uploading {
  readonly key: string;
  readonly name: string;
  readonly share: number;
}

/** What the form passes down to its fields. */
export interface PortalFormContext {
  readonly app: string;
  /** the entity whose record the form edits */
  readonly entity: string;
}

/**
 * One file or a list of files: each is uploaded at once to the attachments API with a progress
 * bar, and the field's value becomes the stored file's reference. The server sniffs the content
 * and refuses what it does not accept; its message is shown on the field.
 */
export function AttachmentField(props: FieldProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const inputId = useId();
  const [uploading, setUploading] = useState<Uploading[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const multiple = props.schema.type === 'array';
  // rjsf fills a list's `minItems` with empty entries: they are not files
  const files = (multiple ? (Array.isArray(props.formData) ? props.formData as unknown[] : []) : [props.formData]).filter(isAttachment);
  const label = props.schema.title ?? props.name;
  const context = props.registry.formContext as PortalFormContext;
  const accept = (props.uiSchema?.['ui:options'] as { accept?: string } | undefined)?.accept;
  const path = props.fieldPathId.path.join('.');
  const disabled = props.disabled === true || props.readonly === true;

  const emit = (next: AttachmentValue[]) =>
    props.onChange((multiple ? next : next[0]) as never, props.fieldPathId.path);

  async function add(list: FileList | null) {
    if (list === null || list.length === 0) return;
    setFailure(null);
    let next = files;
    for (const file of Array.from(multiple ? list : [list[0] as File])) {
      const key = `${file.name}-${Math.random()}`;
      setUploading((u) => [...u, { key, name: file.name, share: 0 }]);
      try {
        const stored = await uploadFile(file, { app: context.app, field: path }, (share) =>
          setUploading((u) => u.map((x) => (x.key === key ? { ...x, share } : x))));
        const value: AttachmentValue = { fileId: stored.id, fileName: stored.filename, contentType: stored.mime };
        next = multiple ? [...next, value] : [value];
        emit(next);
      } catch (error) {
        setFailure(isApiError(error) && error.problems[0] !== undefined ? error.problems[0].message[locale] : t('upload.failed', { name: file.name }));
      } finally {
        setUploading((u) => u.filter((x) => x.key !== key));
      }
    }
  }

  return (
    <div className="attachment-field">
      <label htmlFor={inputId} className="control-label">
        <span className={props.required === true ? 'is-required' : undefined}>{label}</span>
      </label>
      {files.length > 0 ? (
        <ul className="files" aria-label={t('upload.uploaded', { field: label })}>
          {files.map((f, i) => (
            <li key={f.fileId}>
              <a href={`/api/attachments/${encodeURIComponent(f.fileId)}`} target="_blank" rel="noreferrer">{f.fileName}</a>
              {disabled ? null : (
                <button type="button" className="link" onClick={() => emit(files.filter((_, j) => j !== i))}
                  aria-label={t('upload.remove', { name: f.fileName })}>{t('upload.removeShort')}</button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {uploading.map((u) => (
        <div key={u.key} className="progress">
          <span>{t('upload.uploading', { name: u.name })}</span>
          <progress max={1} value={u.share} aria-label={t('upload.progress', { name: u.name })} />
        </div>
      ))}
      {disabled ? null : (
        // the browser's own file button speaks the browser's language, not the page's: ours does
        <span className="file-pick">
          <input id={inputId} type="file" accept={accept} multiple={multiple} required={false}
            aria-required={props.required === true}
            aria-invalid={(props.rawErrors?.length ?? 0) > 0 || failure !== null}
            onChange={(e) => { void add(e.target.files); e.target.value = ''; }} />
          <span className="button" aria-hidden="true">{multiple ? t('upload.chooseMany') : t('upload.choose')}</span>
        </span>
      )}
      {failure !== null ? <p className="error" role="alert">{failure}</p> : null}
    </div>
  );
}
