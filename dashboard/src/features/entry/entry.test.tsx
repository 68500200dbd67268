import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { renderWithApi } from '../../test/render.tsx';
import { EnterpriseForm } from './EnterpriseForm.tsx';
import { PurchaseForm } from './PurchaseForm.tsx';

/*
 * The data-entry forms: inline validation by the shared rules (db/src/rules) in Indonesian and
 * English, the API's refusals shown on their fields, and what is sent.
 */

const input = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const type = (label: RegExp, value: string) => {
  fireEvent.change(input(label), { target: { value } });
  fireEvent.blur(input(label));
};

const written = {
  registerEnterprise: {
    enterprise: {
      id: 'RW50ZXJwcmlzZTo5OQ',
      name: 'Keripik Pisang Ibu Sari',
      verification: 'DRAFT',
      sizeClass: 'MICRO',
    },
    warnings: [
      {
        code: 'LIKELY_DUPLICATE',
        field: 'input.name',
        reason: {
          id: 'nama sangat mirip dengan usaha yang sudah terdaftar di wilayah yang sama: "Keripik Pisang Bu Sari"',
          en: 'the name is very similar to enterprises already registered in the same region: "Keripik Pisang Bu Sari"',
        },
      },
    ],
    likelyDuplicates: [{ id: 'RW50ZXJwcmlzZToxMg', name: 'Keripik Pisang Bu Sari', nib: '9120000000012' }],
  },
};

describe('EnterpriseForm', () => {
  it('explains a broken NIB, NPWP and NIK in Indonesian as soon as a field is left, and sends nothing', async () => {
    const view = renderWithApi(<EnterpriseForm stored={null} />, {});
    type(/Nama usaha/, 'Keripik Pisang Ibu Sari');
    type(/^NIB/, '123');
    expect(await screen.findByText('NIB harus 13 digit; tertulis 3 digit')).toBeTruthy();
    type(/^NPWP/, '01.855.081.5-412.000'); // check digit 5 instead of 4
    expect(screen.getByText(/digit ke-9 NPWP \(digit pemeriksa\) tidak cocok/)).toBeTruthy();
    type(/NIK pemilik/, '6112013208850001'); // day 32
    expect(screen.getByText(/digit 7-12 NIK harus tanggal lahir/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' })));
    expect(view.calls.filter((c) => c.name === 'RegisterEnterprise')).toEqual([]);
  });

  it('warns at once when the size class contradicts the capital (PP 7/2021)', () => {
    renderWithApi(<EnterpriseForm stored={null} />, {});
    type(/Modal usaha/, 'Rp6.000.000.000');
    fireEvent.change(screen.getByLabelText(/Skala usaha/), { target: { value: 'SMALL' } });
    expect(screen.getByText(/termasuk Menengah, bukan Kecil/)).toBeTruthy();
  });

  it('shows that contradiction once, as a note: the class field is not marked wrong (it is a warning)', () => {
    renderWithApi(<EnterpriseForm stored={null} />, {});
    type(/Modal usaha/, 'Rp6.000.000.000');
    fireEvent.change(screen.getByLabelText(/Skala usaha/), { target: { value: 'SMALL' } });
    fireEvent.blur(screen.getByLabelText(/Skala usaha/));
    expect(screen.getAllByText(/termasuk Menengah, bukan Kecil/)).toHaveLength(1);
    expect(screen.getByLabelText(/Skala usaha/).getAttribute('aria-invalid')).toBe('false');
  });

  it('registers a valid enterprise and shows the likely duplicates the API found', async () => {
    const view = renderWithApi(<EnterpriseForm stored={null} />, { RegisterEnterprise: written });
    type(/Nama usaha/, 'Keripik Pisang Ibu Sari');
    type(/Kode wilayah/, '61.12.01.2003');
    type(/^NPWP/, '01.855.081.4-412.000');
    type(/Modal usaha/, 'Rp50.000.000');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Daftarkan' })));
    expect(view.calls.find((c) => c.name === 'RegisterEnterprise')?.variables).toMatchObject({
      input: {
        name: 'Keripik Pisang Ibu Sari',
        regionCode: '61.12.01.2003',
        npwp: '01.855.081.4-412.000',
        capital: 50_000_000,
      },
    });
    expect(await screen.findByText('Keripik Pisang Ibu Sari terdaftar sebagai draf.')).toBeTruthy();
    expect(screen.getByText(/sangat mirip dengan usaha yang sudah terdaftar/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Keripik Pisang Bu Sari' }).getAttribute('href')).toBe(
      '/umkm/RW50ZXJwcmlzZToxMg',
    );
  });

  it('shows the API refusal on its field, in English when English is chosen', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [
        new GraphQLError('input.regionCode: …', {
          extensions: {
            code: 'BAD_USER_INPUT',
            field: 'input.regionCode',
            failures: [
              {
                field: 'input.regionCode',
                code: 'REGION_UNKNOWN',
                reason: { id: 'kode wilayah 61.12.99 tidak dikenal', en: 'region code 61.12.99 does not exist' },
              },
            ],
          },
        }),
      ],
    });
    renderWithApi(<EnterpriseForm stored={null} />, { RegisterEnterprise: refusal }, { locale: 'en' });
    type(/Business name/, 'Bengkel Las Jaya');
    type(/Region code/, '61.12.99');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Register' })));
    const note = await screen.findByText('region code 61.12.99 does not exist');
    expect(note.getAttribute('role')).toBe('alert');
    expect(input(/Region code/).getAttribute('aria-invalid')).toBe('true');
  });

  it('edits only what changed, never sending the masked NIK back', async () => {
    const stored = {
      __typename: 'Enterprise' as const,
      id: 'RW50ZXJwcmlzZTo3',
      name: 'Tenun Ikat Bu Mar',
      regionCode: '61.12.01.2001',
      nib: '9120000099991',
      npwp: null,
      kbliCode: '13912',
      ownerName: null,
      ownerNik: '6112**********02',
      ownerGender: 'F',
      foundedYear: 2010,
      employees: 3,
      capital: 10_000_000,
      annualRevenue: null,
      sizeClass: 'MICRO' as const,
      sizeBasis: 'CAPITAL' as const,
      status: 'ACTIVE' as const,
      registeredOn: '2024-01-02',
    };
    const view = renderWithApi(<EnterpriseForm stored={stored} />, {
      UpdateEnterprise: { updateEnterprise: { ...written.registerEnterprise, warnings: [], likelyDuplicates: [] } },
    });
    expect(input(/Modal usaha/).value).toBe('10000000');
    type(/Modal usaha/, '2.000.000.000');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Simpan perubahan' })));
    expect(view.calls.find((c) => c.name === 'UpdateEnterprise')?.variables).toEqual({
      id: 'RW50ZXJwcmlzZTo3',
      input: { name: 'Tenun Ikat Bu Mar', capital: 2_000_000_000 },
    });
  });
});

describe('PurchaseForm', () => {
  const answers = {
    ListAgencies: {
      agencies: {
        totalCount: 1,
        edges: [{ node: { id: 'QWdlbmN5OjI', code: '1.02', name: 'Dinas Kesehatan', shortName: 'Dinkes' } }],
      },
    },
    GetBuyerOptions: {
      node: { __typename: 'Agency', id: 'QWdlbmN5OjI', name: 'Dinas Kesehatan', programs: { nodes: [] } },
      networkUnits: { nodes: [{ id: 'TmV0d29ya1VuaXQ6OQ', name: 'Puskesmas Sungai Raya', unitType: 'HEALTH_CENTER' }] },
    },
    SearchSellers: {
      parties: {
        nodes: [
          {
            __typename: 'Enterprise',
            id: 'RW50ZXJwcmlzZToxMg',
            kind: 'ENTERPRISE',
            name: 'Kerajinan Anyaman Bu Sari 12',
            regionCode: '61.12.01.2001',
            npwp: null,
            nib: '9120000000012',
          },
        ],
      },
    },
    RecordPurchase: {
      recordTransaction: { transaction: { id: 'VHJhbnNhY3Rpb246MQ', amount: 1_500_000, occurredOn: '2026-03-10' } },
    },
  };

  it('records a purchase by a network unit from a seller found by name, amount typed the Indonesian way', async () => {
    const view = renderWithApi(<PurchaseForm agencyId={null} />, answers);
    fireEvent.change(screen.getByLabelText('SKPD'), { target: { value: 'QWdlbmN5OjI' } });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Puskesmas Sungai Raya' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText(/Pembeli/), { target: { value: 'TmV0d29ya1VuaXQ6OQ' } });
    fireEvent.change(screen.getByLabelText(/Cari penjual/), { target: { value: 'anyaman' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Pilih' }));
    expect(screen.getByText('Penjual: Kerajinan Anyaman Bu Sari 12')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Nilai belanja/), { target: { value: 'Rp1.500.000' } });
    fireEvent.change(screen.getByLabelText(/Tanggal bayar/), { target: { value: '2026-03-10' } });
    fireEvent.change(screen.getByLabelText(/Kategori/), { target: { value: 'SOUVENIRS' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Catat belanja' })));
    expect(view.calls.find((c) => c.name === 'RecordPurchase')?.variables).toEqual({
      input: {
        buyerId: 'TmV0d29ya1VuaXQ6OQ',
        sellerId: 'RW50ZXJwcmlzZToxMg',
        amount: 1_500_000,
        occurredOn: '2026-03-10',
        category: 'SOUVENIRS',
        programId: null,
        fundingSource: null,
        accountCode: null,
      },
    });
    expect(await screen.findByText('Belanja Rp1.500.000 tercatat.')).toBeTruthy();
  });

  it('refuses a zero amount, a date in the future and a missing seller before sending', async () => {
    const view = renderWithApi(<PurchaseForm agencyId="QWdlbmN5OjI" />, answers);
    fireEvent.change(screen.getByLabelText(/Nilai belanja/), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText(/Tanggal bayar/), { target: { value: '2999-01-01' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Catat belanja' })));
    expect(screen.getByText('jumlah harus lebih dari Rp0')).toBeTruthy();
    expect(screen.getByText(/tanggal 2999-01-01 belum terjadi/)).toBeTruthy();
    expect(screen.getAllByText('wajib diisi').length).toBeGreaterThanOrEqual(2); // seller, category
    expect(view.calls.filter((c) => c.name === 'RecordPurchase')).toEqual([]);
  });
});
