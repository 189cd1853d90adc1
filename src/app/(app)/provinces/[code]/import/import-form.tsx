'use client';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState } from 'react';
import { useTranslations } from 'use-intl/react';
import { ImportReport, levelChangeOf, type ImportResponse } from './import-report';

type Phase =
  | { kind: 'idle' }
  | { kind: 'uploading'; percent: number }
  | { kind: 'processing' }
  | { kind: 'done'; status: number; body: ImportResponse };

/** Sends the file to the import API with XMLHttpRequest, whose upload events give a real progress bar. */
function send(
  url: string,
  file: File,
  onProgress: (percent: number) => void,
  onUploaded: () => void,
): Promise<{ status: number; body: ImportResponse }> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      let body: ImportResponse;
      try {
        body = JSON.parse(xhr.responseText) as ImportResponse;
      } catch {
        body = { ok: false, message: '' };
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: { ok: false, message: '' } });
    xhr.send(file);
  });
}

export function ImportForm({ provinceCode, maxBytes }: { provinceCode: string; maxBytes: number }) {
  const t = useTranslations('entry.import');
  const tl = useTranslations('entry.levelChange');
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const inputId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = phase.kind === 'uploading' || phase.kind === 'processing';
  const warned = phase.kind === 'done' && phase.status === 422;
  const levelChange = phase.kind === 'done' && warned ? levelChangeOf(phase.body) : null;
  /** the level change key sent with the last confirmation: answered with another one, the user is told why */
  const [sentKey, setSentKey] = useState<string | null>(null);
  const askedAgain = levelChange !== null && sentKey !== null && levelChange.key !== sentKey;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setLocalError(null);
    if (!file) {
      setLocalError(t('chooseFile'));
      fileInput.current?.focus();
      return;
    }
    if (file.size > maxBytes) {
      setLocalError(t('tooLarge', { mb: maxBytes / 1024 / 1024 }));
      return;
    }
    setPhase({ kind: 'uploading', percent: 0 });
    const key = warned && confirmed ? (levelChange?.key ?? null) : null;
    setSentKey(key);
    setConfirmed(false);
    const confirm =
      (warned && confirmed ? '&confirm=warnings' : '') + (key ? `&levelChange=${encodeURIComponent(key)}` : '');
    const result = await send(
      `/api/v1/reports/import?province=${provinceCode}${confirm}`,
      file,
      (percent) => setPhase({ kind: 'uploading', percent }),
      () => setPhase({ kind: 'processing' }),
    );
    setPhase({ kind: 'done', ...result });
    if (result.status === 200) router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" aria-busy={busy}>
      <div>
        <label htmlFor={inputId} className="block font-medium">
          {t('fileLabel')}
        </label>
        <input
          ref={fileInput}
          id={inputId}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setPhase({ kind: 'idle' });
            setConfirmed(false);
            setLocalError(null);
          }}
          className="mt-1 block text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-slate-50 file:px-3 file:py-1.5"
        />
        {localError && (
          <p role="alert" className="mt-1 text-sm font-semibold text-red-800">
            {localError}
          </p>
        )}
      </div>
      {warned && (
        <label className="flex items-start gap-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
            className="mt-1"
          />
          <span>{levelChange ? tl('confirmImport') : t('confirmWarnings')}</span>
        </label>
      )}
      <button
        type="submit"
        disabled={busy || (warned && !confirmed)}
        className="rounded bg-sky-800 px-5 py-2 font-semibold text-white hover:bg-sky-900 disabled:opacity-60"
      >
        {warned ? t('submitConfirmed') : t('submit')}
      </button>
      <div aria-live="polite">
        {phase.kind === 'uploading' && (
          <p className="text-sm">
            <label>
              {t('uploading', { percent: phase.percent })}
              <progress max={100} value={phase.percent} className="ml-2 align-middle" />
            </label>
          </p>
        )}
        {phase.kind === 'processing' && (
          <p className="text-sm">
            <label>
              {t('processing')}
              <progress className="ml-2 align-middle" />
            </label>
          </p>
        )}
      </div>
      {askedAgain && (
        <p role="alert" className="text-sm font-semibold text-red-800">
          {tl('changedMeanwhile')}
        </p>
      )}
      {phase.kind === 'done' && <ImportReport status={phase.status} body={phase.body} />}
    </form>
  );
}
