import { FUNDING_SOURCES, PRODUCT_CATEGORIES } from '@jejaring/db/enums';
import { checkTransaction, parseRupiahText, type RuleIssue } from '@jejaring/db/rules';
import { type FormEvent, useMemo, useState } from 'react';
import { useMutation } from 'urql';
import { useApi } from '../../api.ts';
import { useAgencies } from '../../data.ts';
import {
  GetBuyerOptionsDocument,
  type ProductCategory,
  RecordPurchaseDocument,
  SearchSellersDocument,
  type TransactionInput,
} from '../../graphql/generated/graphql.ts';
import { type MessageKey, useI18n } from '../../i18n/i18n.tsx';
import { apiMessages, browserRules, byField, Field, type FieldMessages } from './form.tsx';

interface Seller {
  id: string;
  name: string;
}

const required = (field: string): RuleIssue => ({
  code: 'REQUIRED',
  field,
  reason: { id: 'wajib diisi', en: 'required' },
});

/**
 * Record a purchase: the buyer is the agency or a unit of its network (an operator's own agency
 * when `agencyId` is given, else chosen), the seller found by name, NIB or NPWP.
 */
export function PurchaseForm({ agencyId: fixedAgency }: { agencyId: string | null }) {
  const i = useI18n();
  const rules = useMemo(() => browserRules(), []);
  const [agencyId, setAgencyId] = useState(fixedAgency ?? '');
  const [buyerId, setBuyerId] = useState(fixedAgency ?? '');
  const [search, setSearch] = useState('');
  const [seller, setSeller] = useState<Seller | null>(null);
  const [amount, setAmount] = useState('');
  const [occurredOn, setOccurredOn] = useState(rules.today);
  const [category, setCategory] = useState('');
  const [programId, setProgramId] = useState('');
  const [fundingSource, setFundingSource] = useState('');
  const [accountCode, setAccountCode] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<{ fields: FieldMessages; form: string | null }>({ fields: {}, form: null });
  const [recorded, setRecorded] = useState<number | null>(null);
  const agencies = useAgencies(fixedAgency !== null);
  const year = Number(occurredOn.slice(0, 4)) || Number(rules.today.slice(0, 4));
  const options = useApi(GetBuyerOptionsDocument, { agencyId, fiscalYear: year }, { pause: agencyId === '' });
  const sellers = useApi(SearchSellersDocument, { search: search.trim() }, { pause: search.trim().length < 3 });
  const [recording, record] = useMutation(RecordPurchaseDocument);

  const parsedAmount = parseRupiahText(amount, 'amount');
  const issues: RuleIssue[] = [];
  if (!buyerId) issues.push(required('buyerId'));
  if (!seller) issues.push(required('sellerId'));
  if (!category) issues.push(required('category'));
  if (parsedAmount.failure) issues.push(parsedAmount.failure);
  else if (parsedAmount.value === null) issues.push(required('amount'));
  issues.push(
    ...checkTransaction(
      {
        buyerId,
        sellerId: seller?.id ?? '',
        amount: parsedAmount.value ?? 1,
        occurredOn,
        accountCode: accountCode || null,
      },
      rules,
    ).filter((x) => x.code !== 'SAME_PARTY' || seller !== null),
  );
  const local = byField(issues, i.locale);
  const message = (field: string) => server.fields[field] ?? (submitted ? local[field] : undefined);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (issues.length > 0 || !seller || parsedAmount.value === null) return;
    const input: TransactionInput = {
      buyerId,
      sellerId: seller.id,
      amount: parsedAmount.value,
      occurredOn,
      category: category as ProductCategory,
      programId: programId || null,
      fundingSource: (fundingSource || null) as TransactionInput['fundingSource'],
      accountCode: accountCode || null,
    };
    const result = await record({ input });
    if (result.error) setServer(apiMessages(result.error, i.locale));
    else setRecorded(result.data?.recordTransaction.transaction.amount ?? null);
  }

  if (recorded !== null) {
    return (
      <section className="form-done" aria-live="polite">
        <h2>{i.t('entry.recorded', { amount: i.rpFull(recorded) })}</h2>
        <button
          type="button"
          className="button"
          onClick={() => {
            setRecorded(null);
            setSeller(null);
            setAmount('');
            setSubmitted(false);
          }}
        >
          {i.t('entry.another')}
        </button>
      </section>
    );
  }

  const agency = options.data?.node?.__typename === 'Agency' ? options.data.node : null;
  const label = (key: string) => i.t(`entry.${key}` as MessageKey);
  return (
    <form className="entry-form" onSubmit={submit} noValidate>
      {server.form ? (
        <p className="form-error" role="alert">
          {server.form}
        </p>
      ) : null}
      {fixedAgency === null ? (
        <Field name="agency" label={label('buyerAgency')}>
          {(props) => (
            <select
              {...props}
              value={agencyId}
              onChange={(e) => {
                setAgencyId(e.target.value);
                setBuyerId(e.target.value);
                setProgramId('');
              }}
            >
              <option value="">–</option>
              {agencies.data?.agencies.edges.map(({ node }) => (
                <option key={node.id} value={node.id}>
                  {node.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <Field name="buyerId" label={label('buyer')} message={message('buyerId')}>
        {(props) => (
          <select {...props} value={buyerId} onChange={(e) => setBuyerId(e.target.value)}>
            {agency ? <option value={agency.id}>{agency.name}</option> : <option value="">–</option>}
            {options.data?.networkUnits.nodes.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        name="sellerId"
        label={label('sellerSearch')}
        hint={seller ? i.t('entry.sellerChosen', { name: seller.name }) : undefined}
        message={message('sellerId')}
      >
        {(props) => <input {...props} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
      </Field>
      {search.trim().length >= 3 && sellers.state === 'ok' ? (
        <ul className="seller-results" aria-label={label('seller')}>
          {sellers.data?.parties.nodes.length === 0 ? <li>{label('sellerNone')}</li> : null}
          {sellers.data?.parties.nodes.map((s) => (
            <li key={s.id}>
              <span>
                {s.name} · {i.label('kind', s.kind)}
                {s.__typename === 'Enterprise' && s.nib ? ` · NIB ${s.nib}` : ''}
              </span>
              <button
                type="button"
                className="button button-small"
                aria-pressed={seller?.id === s.id}
                onClick={() => setSeller({ id: s.id, name: s.name })}
              >
                {label('sellerPick')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Field name="amount" label={label('amount')} hint={i.t('entry.rupiahHint')} message={message('amount')}>
        {(props) => <input {...props} inputMode="numeric" value={amount} onChange={(e) => setAmount(e.target.value)} />}
      </Field>
      <Field name="occurredOn" label={label('occurredOn')} message={message('occurredOn')}>
        {(props) => (
          <input
            {...props}
            type="date"
            max={rules.today}
            value={occurredOn}
            onChange={(e) => setOccurredOn(e.target.value)}
          />
        )}
      </Field>
      <Field name="category" label={label('category')} message={message('category')}>
        {(props) => (
          <select {...props} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">–</option>
            {PRODUCT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {i.label('cat', c)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="programId" label={label('program')} message={message('programId')}>
        {(props) => (
          <select {...props} value={programId} onChange={(e) => setProgramId(e.target.value)}>
            <option value="">–</option>
            {agency?.programs.nodes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code} · {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="fundingSource" label={label('fundingSource')} message={message('fundingSource')}>
        {(props) => (
          <select {...props} value={fundingSource} onChange={(e) => setFundingSource(e.target.value)}>
            <option value="">–</option>
            {FUNDING_SOURCES.map((f) => (
              <option key={f} value={f}>
                {i.label('fund', f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field name="accountCode" label={label('accountCode')} hint="5.1.02.01.01.0024" message={message('accountCode')}>
        {(props) => <input {...props} value={accountCode} onChange={(e) => setAccountCode(e.target.value)} />}
      </Field>
      <button type="submit" className="button" disabled={recording.fetching}>
        {label('record')}
      </button>
    </form>
  );
}
