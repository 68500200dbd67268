import { GENDERS, PARTY_STATUSES, SIZE_CLASSES } from '@jejaring/db/enums';
import { checkEnterprise, type EnterpriseFields, parseRupiahText, type RuleIssue } from '@jejaring/db/rules';
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import {
  type EnterpriseInput,
  type EnterpriseWrittenFragment,
  type GetEnterpriseForEditQuery,
  RegisterEnterpriseDocument,
  UpdateEnterpriseDocument,
} from '../../graphql/generated/graphql.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { Link } from '../../router.tsx';
import { apiMessages, browserRules, byField, Field, type FieldMessages } from './form.tsx';

type Stored = Extract<NonNullable<GetEnterpriseForEditQuery['node']>, { __typename: 'Enterprise' }>;

const TEXT_FIELDS = ['name', 'regionCode', 'nib', 'npwp', 'kbliCode', 'ownerName', 'ownerNik'] as const;
const NUMBER_FIELDS = ['foundedYear', 'employees'] as const;
const MONEY_FIELDS = ['capital', 'annualRevenue'] as const;
type Values = Record<
  | (typeof TEXT_FIELDS)[number]
  | (typeof NUMBER_FIELDS)[number]
  | (typeof MONEY_FIELDS)[number]
  | 'ownerGender'
  | 'sizeClass'
  | 'status'
  | 'registeredOn',
  string
>;

function initialValues(stored: Stored | null): Values {
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  return {
    name: text(stored?.name),
    regionCode: text(stored?.regionCode),
    nib: text(stored?.nib),
    npwp: text(stored?.npwp),
    kbliCode: text(stored?.kbliCode),
    ownerName: text(stored?.ownerName),
    ownerNik: '', // never shown back (masked by the API): typed only to change it
    ownerGender: text(stored?.ownerGender),
    foundedYear: text(stored?.foundedYear),
    employees: text(stored?.employees),
    capital: text(stored?.capital),
    annualRevenue: text(stored?.annualRevenue),
    sizeClass: stored?.sizeBasis ? '' : text(stored?.sizeClass),
    status: text(stored?.status ?? 'ACTIVE'),
    registeredOn: text(stored?.registeredOn),
  };
}

/** The form's values as the API's input, with what the form itself can tell is wrong. */
function parse(values: Values): { input: EnterpriseInput; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const blank = (v: string) => (v.trim() === '' ? null : v.trim());
  const whole = (field: string, v: string) => {
    if (v.trim() === '') return null;
    if (/^[0-9]+$/.test(v.trim())) return Number(v.trim());
    issues.push({ code: 'NUMBER_FORMAT', field, reason: { id: 'tulis bilangan bulat', en: 'write a whole number' } });
    return null;
  };
  const money = (field: string, v: string) => {
    const parsed = parseRupiahText(v, field);
    if (parsed.failure) issues.push(parsed.failure);
    return parsed.value;
  };
  const input: EnterpriseInput = {
    name: values.name,
    regionCode: blank(values.regionCode),
    nib: blank(values.nib),
    npwp: blank(values.npwp),
    kbliCode: blank(values.kbliCode),
    ownerName: blank(values.ownerName),
    ownerNik: blank(values.ownerNik),
    ownerGender: blank(values.ownerGender),
    foundedYear: whole('foundedYear', values.foundedYear),
    employees: whole('employees', values.employees),
    capital: money('capital', values.capital),
    annualRevenue: money('annualRevenue', values.annualRevenue),
    sizeClass: (blank(values.sizeClass) as EnterpriseInput['sizeClass']) ?? null,
    status: (blank(values.status) as EnterpriseInput['status']) ?? null,
    registeredOn: blank(values.registeredOn),
  };
  const checked = checkEnterprise(input as EnterpriseFields, browserRules());
  return { input, issues: [...issues, ...checked.failures, ...checked.warnings] };
}

/** Only what changed (and the name), so an edit never clears what the form could not show. */
function changedOnly(input: EnterpriseInput, before: EnterpriseInput): EnterpriseInput {
  const out: EnterpriseInput = { name: input.name };
  for (const [key, value] of Object.entries(input) as Array<[keyof EnterpriseInput, unknown]>) {
    if (key === 'ownerNik' && value === null) continue;
    if (value !== before[key]) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Register an enterprise, or edit one (`stored`), with inline validation by the shared rules. */
export function EnterpriseForm({ stored }: { stored: Stored | null }) {
  const i = useI18n();
  const initial = useMemo(() => initialValues(stored), [stored]);
  const [values, setValues] = useState<Values>(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ fields: FieldMessages; form: string | null }>({ fields: {}, form: null });
  const [done, setDone] = useState<EnterpriseWrittenFragment | null>(null);
  const [registering, register] = useMutation(RegisterEnterpriseDocument);
  const [updating, update] = useMutation(UpdateEnterpriseDocument);
  const { input, issues } = useMemo(() => parse(values), [values]);
  const failures = issues.filter((x) => x.code !== 'SIZE_CLASS_CONTRADICTS');
  const local = byField(failures, i.locale); // the size-class warning is shown as a note, not on the field
  const message = (field: string) =>
    server.fields[field] ?? (submitted || touched.has(field) ? local[field] : undefined);

  const set = (field: keyof Values) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setServer((s) => ({ ...s, fields: { ...s.fields, [field]: undefined as unknown as string } }));
  };
  const blur = (field: string) => () => setTouched((t) => new Set(t).add(field));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (failures.length > 0) return;
    const result = stored
      ? await update({ id: stored.id, input: changedOnly(input, parse(initial).input) })
      : await register({ input });
    if (result.error) {
      setServer(apiMessages(result.error, i.locale));
      return;
    }
    const written = stored
      ? (result.data as { updateEnterprise: EnterpriseWrittenFragment }).updateEnterprise
      : (result.data as { registerEnterprise: EnterpriseWrittenFragment }).registerEnterprise;
    setDone(written);
  }

  if (done) {
    return (
      <section className="form-done" aria-live="polite">
        <h2>{i.t(stored ? 'entry.updated' : 'entry.registered', { name: done.enterprise.name })}</h2>
        {done.warnings.map((w) => (
          <p key={w.code} className="form-warning" role="note">
            {w.reason[i.locale]}
          </p>
        ))}
        {done.likelyDuplicates.length > 0 ? (
          <ul className="duplicate-list">
            {done.likelyDuplicates.map((d) => (
              <li key={d.id}>
                <Link to={`/umkm/${d.id}`}>{d.name}</Link> {d.nib ? `(NIB ${d.nib})` : ''}
              </li>
            ))}
          </ul>
        ) : null}
        <Link to={`/umkm/${done.enterprise.id}`}>{i.t('entry.open')}</Link>
      </section>
    );
  }

  const text = (field: (typeof TEXT_FIELDS)[number] | 'registeredOn', hint?: MessageKey, type = 'text') => (
    <Field
      name={field}
      label={i.t(`entry.${field}` as MessageKey)}
      hint={hint ? i.t(hint) : undefined}
      message={message(field)}
    >
      {(props) => (
        <input
          {...props}
          type={type}
          value={values[field]}
          onChange={set(field)}
          onBlur={blur(field)}
          autoComplete="off"
        />
      )}
    </Field>
  );
  const numeric = (field: (typeof NUMBER_FIELDS)[number] | (typeof MONEY_FIELDS)[number], hint?: MessageKey) => (
    <Field
      name={field}
      label={i.t(`entry.${field}` as MessageKey)}
      hint={hint ? i.t(hint) : undefined}
      message={message(field)}
    >
      {(props) => (
        <input {...props} inputMode="numeric" value={values[field]} onChange={set(field)} onBlur={blur(field)} />
      )}
    </Field>
  );
  const select = (field: 'ownerGender' | 'sizeClass' | 'status', options: readonly string[], prefix: string) => (
    <Field name={field} label={i.t(`entry.${field}` as MessageKey)} message={message(field)}>
      {(props) => (
        <select {...props} value={values[field]} onChange={set(field)} onBlur={blur(field)}>
          {field === 'status' ? null : <option value="">–</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {i.label(prefix, o)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const sizeNote = issues.find((x) => x.code === 'SIZE_CLASS_CONTRADICTS');
  return (
    <form className="entry-form" onSubmit={submit} noValidate>
      {server.form ? (
        <p className="form-error" role="alert">
          {server.form}
        </p>
      ) : null}
      <fieldset>
        <legend>{i.t('entry.business')}</legend>
        {text('name')}
        {text('regionCode', 'entry.regionHint')}
        {text('nib', 'entry.nibHint')}
        {text('npwp', 'entry.npwpHint')}
        {text('kbliCode', 'entry.kbliHint')}
        {numeric('foundedYear')}
        {numeric('employees')}
        {select('status', PARTY_STATUSES, 'pstatus')}
        {text('registeredOn', undefined, 'date')}
      </fieldset>
      <fieldset>
        <legend>{i.t('entry.size')}</legend>
        {numeric('capital', 'entry.capitalHint')}
        {numeric('annualRevenue', 'entry.rupiahHint')}
        {select('sizeClass', SIZE_CLASSES, 'size')}
        {sizeNote ? (
          <p className="form-warning" role="note">
            {sizeNote.reason[i.locale]}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{i.t('entry.owner')}</legend>
        {text('ownerName')}
        {text('ownerNik', stored ? 'entry.nikKeep' : 'entry.nikHint')}
        {select('ownerGender', GENDERS, 'gender')}
      </fieldset>
      <button type="submit" className="button" disabled={registering.fetching || updating.fetching}>
        {i.t(stored ? 'entry.save' : 'entry.register')}
      </button>
    </form>
  );
}
