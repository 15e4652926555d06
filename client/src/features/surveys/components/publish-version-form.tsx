import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { TextField } from '../../../components/form/field';
import { FormAlert } from '../../../components/form/form-alert';
import { isApiError } from '../../../lib/api-client';
import { usePublishVersion } from '../api/publish-version';
import { describeProblems, type DefinitionProblem } from './definition-problems';
import './version-admin.css';

interface PublishVersionFormProps {
  surveyId: string;
  surveyTitle: string;
  /** The number the next version will get, to say so before it is published. */
  nextVersion: number;
}

type Outcome =
  | { kind: 'published'; version: number }
  | { kind: 'refused'; problems: DefinitionProblem[] };

/**
 * An administrator publishes the next version from a SurveyJS JSON file: the server checks it
 * (names, conditions, choices, validators) and publishes it open for replies, or lists what is
 * wrong — each problem by the question it is about — and publishes nothing.
 */
export function PublishVersionForm({ surveyId, surveyTitle, nextVersion }: PublishVersionFormProps) {
  const publish = usePublishVersion(surveyId);
  const [fileError, setFileError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (publish.isPending) return;
    setOutcome(null);
    publish.reset();
    const file = fileRef.current?.files?.[0];
    const read = file ? await readDefinition(file) : { error: 'Choose the SurveyJS JSON file of the new version.' };
    if ('error' in read) {
      setFileError(read.error);
      fileRef.current?.focus();
      return;
    }
    setFileError(undefined);
    publish.mutate(read.definition, {
      onSuccess: ({ version }) => {
        if (fileRef.current) fileRef.current.value = '';
        setOutcome({ kind: 'published', version });
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'INVALID_DEFINITION') setOutcome({ kind: 'refused', problems: describeProblems(error.details, read.definition) });
      },
    });
  }

  const refusedOtherwise = publish.error !== null && !(isApiError(publish.error) && publish.error.code === 'INVALID_DEFINITION');
  return (
    <section className="publish-version" aria-labelledby={`publish-${surveyId}`}>
      <h3 id={`publish-${surveyId}`} className="publish-version__title">
        Publish a new version
        <span className="visually-hidden"> of {surveyTitle}</span>
      </h3>
      <p className="muted">
        The file is checked before anything is published. It becomes version {nextVersion}, open for replies at once; the versions
        before it and their replies stay as they are.
      </p>
      {outcome && <OutcomePanel outcome={outcome} panelRef={outcomeRef} />}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormAlert error={refusedOtherwise ? publish.error : null} title="The version was not published" />
        <TextField ref={fileRef} label="SurveyJS JSON file" name="definition" type="file" accept=".json,application/json" error={fileError} required />
        <div className="button-row">
          <button type="submit" className="button" disabled={publish.isPending}>
            {publish.isPending ? 'Checking and publishing…' : `Check and publish as version ${nextVersion}`}
          </button>
        </div>
      </form>
    </section>
  );
}

function OutcomePanel({ outcome, panelRef }: { outcome: Outcome; panelRef: RefObject<HTMLDivElement | null> }) {
  if (outcome.kind === 'published') {
    return (
      <div ref={panelRef} className="notice notice--success" role="status" tabIndex={-1}>
        Version {outcome.version} is published and open for replies.
      </div>
    );
  }
  const count = outcome.problems.length;
  return (
    <div ref={panelRef} className="form-alert" role="alert" tabIndex={-1}>
      <p className="form-alert__title">
        The version was not published: the check found {count === 1 ? 'a problem' : `${count} problems`}
      </p>
      <ul className="publish-version__problems">
        {outcome.problems.map((problem, index) => (
          <li key={index}>
            {problem.where && <strong>{problem.where}: </strong>}
            {problem.problem}
          </li>
        ))}
      </ul>
      <p>Correct the file and choose it again.</p>
    </div>
  );
}

async function readDefinition(file: File): Promise<{ definition: unknown } | { error: string }> {
  const text = await readText(file).catch(() => null);
  if (text === null) return { error: `${file.name} could not be read. Choose the file again.` };
  try {
    return { definition: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `${file.name} is not valid JSON (${error instanceof Error ? error.message : 'it could not be read'}). Choose the questionnaire's SurveyJS JSON file.` };
  }
}

/** FileReader rather than Blob.text(): the same in every browser the app supports. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}
