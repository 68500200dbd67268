/**
 * What each constraint of db/migrations means to a user: the field it is about and why a value was
 * refused, in Indonesian (id) and English (en). Read through describeDataError (errors.ts).
 */

const ENUM_ID = 'harus salah satu dari';

export const CONSTRAINTS: Record<string, { field: string; id: string; en: string }> = {
  region_code_format: {
    field: 'code',
    id: 'kode wilayah berbentuk 61, 61.12, 61.12.01 atau 61.12.01.2001',
    en: 'a region code looks like 61, 61.12, 61.12.01 or 61.12.01.2001',
  },
  tenant_id_format: {
    field: 'tenant_id',
    id: 'kabupaten/kota ditulis dengan kodenya, misalnya 61.12',
    en: 'a tenant is a regency code like 61.12',
  },
  party_ref_not_blank: { field: 'ref', id: 'ref wajib diisi', en: 'ref must not be blank' },
  party_kind_valid: {
    field: 'kind',
    id: `kind ${ENUM_ID} AGENCY, NETWORK_UNIT, ENTERPRISE, COOPERATIVE atau VENDOR`,
    en: 'kind must be AGENCY, NETWORK_UNIT, ENTERPRISE, COOPERATIVE or VENDOR',
  },
  party_name_not_blank: { field: 'name', id: 'nama wajib diisi', en: 'name must not be blank' },
  party_size_class_valid: {
    field: 'size_class',
    id: `size_class ${ENUM_ID} MICRO, SMALL, MEDIUM atau LARGE`,
    en: 'size_class must be MICRO, SMALL, MEDIUM or LARGE',
  },
  party_status_valid: {
    field: 'status',
    id: `status ${ENUM_ID} ACTIVE, DORMANT atau CLOSED`,
    en: 'status must be ACTIVE, DORMANT or CLOSED',
  },
  party_ref_unique: { field: 'ref', id: 'ref ini sudah dipakai pihak lain', en: 'another party already has this ref' },
  party_parent_fk: {
    field: 'parent_id',
    id: 'induknya bukan pihak di kabupaten/kota ini',
    en: 'the parent is not a party of this regency',
  },
  party_parent_only_network_unit: {
    field: 'parent_id',
    id: 'hanya unit jaringan yang boleh mempunyai induk',
    en: 'only a network unit can have a parent',
  },
  party_parent_not_self: {
    field: 'parent_id',
    id: 'suatu pihak tidak boleh menjadi induk dirinya sendiri',
    en: 'a party cannot be its own parent',
  },
  party_agency_is_government: {
    field: 'is_government',
    id: 'perangkat daerah selalu pembeli pemerintah',
    en: 'an agency is always a government buyer',
  },
  party_size_class_kind: {
    field: 'size_class',
    id: 'hanya usaha, koperasi dan penyedia yang mempunyai skala usaha',
    en: 'only enterprises, cooperatives and vendors have a size class',
  },
  party_npwp_format: { field: 'npwp', id: 'NPWP disimpan sebagai 16 angka', en: 'NPWP is stored as 16 digits' },
  party_npwp_unique: {
    field: 'npwp',
    id: 'NPWP ini sudah terdaftar atas pihak lain',
    en: 'another party is already registered with this NPWP',
  },
  voided_transaction_reason_not_blank: { field: 'reason', id: 'alasan wajib diisi', en: 'a reason is required' },
  party_region_code_fkey: { field: 'region_code', id: 'kode wilayah tidak dikenal', en: 'unknown region code' },
  party_tenant_id_fkey: { field: 'tenant_id', id: 'kabupaten/kota tidak dikenal', en: 'unknown tenant' },
  agency_code_format: {
    field: 'code',
    id: 'kode perangkat daerah berupa angka dan huruf dipisah titik, misalnya 1.01.2.22.0.00.01.0000',
    en: 'an agency code is digits and letters separated by dots, e.g. 1.01.2.22.0.00.01.0000',
  },
  agency_type_valid: {
    field: 'agency_type',
    id: `agency_type ${ENUM_ID} DINAS, BADAN, SEKRETARIAT, KECAMATAN, RSUD, INSPEKTORAT, SATPOL_PP atau OTHER`,
    en: 'agency_type must be DINAS, BADAN, SEKRETARIAT, KECAMATAN, RSUD, INSPEKTORAT, SATPOL_PP or OTHER',
  },
  agency_code_unique: {
    field: 'code',
    id: 'kode ini sudah dipakai perangkat daerah lain',
    en: 'another agency already has this code',
  },
  network_unit_type_valid: {
    field: 'unit_type',
    id: `unit_type ${ENUM_ID} SCHOOL, HEALTH_CENTER, VILLAGE_GOVERNMENT, TECHNICAL_UNIT, ASN_ASSOCIATION, BUMDES atau OTHER`,
    en: 'unit_type must be SCHOOL, HEALTH_CENTER, VILLAGE_GOVERNMENT, TECHNICAL_UNIT, ASN_ASSOCIATION, BUMDES or OTHER',
  },
  network_unit_members_non_negative: {
    field: 'members',
    id: 'members tidak boleh negatif',
    en: 'members must not be negative',
  },
  enterprise_nib_format: { field: 'nib', id: 'NIB harus tepat 13 angka', en: 'NIB must be exactly 13 digits' },
  enterprise_kbli_format: {
    field: 'kbli_code',
    id: 'kode KBLI harus tepat 5 angka',
    en: 'KBLI code must be exactly 5 digits',
  },
  enterprise_nik_format: { field: 'owner_nik', id: 'NIK harus tepat 16 angka', en: 'NIK must be exactly 16 digits' },
  enterprise_owner_gender_valid: {
    field: 'owner_gender',
    id: 'owner_gender harus F atau M',
    en: 'owner_gender must be F or M',
  },
  enterprise_founded_year_range: {
    field: 'founded_year',
    id: 'founded_year harus antara 1900 dan 2100',
    en: 'founded_year must be between 1900 and 2100',
  },
  enterprise_employees_non_negative: {
    field: 'employees',
    id: 'employees tidak boleh negatif',
    en: 'employees must not be negative',
  },
  enterprise_capital_non_negative: {
    field: 'capital',
    id: 'capital tidak boleh negatif',
    en: 'capital must not be negative',
  },
  enterprise_revenue_non_negative: {
    field: 'annual_revenue',
    id: 'annual_revenue tidak boleh negatif',
    en: 'annual_revenue must not be negative',
  },
  enterprise_size_basis_valid: {
    field: 'size_basis',
    id: 'size_basis harus CAPITAL atau REVENUE',
    en: 'size_basis must be CAPITAL or REVENUE',
  },
  enterprise_verification_valid: {
    field: 'verification',
    id: `verification ${ENUM_ID} DRAFT, VERIFIED atau REJECTED`,
    en: 'verification must be DRAFT, VERIFIED or REJECTED',
  },
  enterprise_nib_unique: {
    field: 'nib',
    id: 'NIB ini sudah terdaftar atas usaha lain',
    en: 'another enterprise is already registered with this NIB',
  },
  cooperative_type_valid: {
    field: 'coop_type',
    id: `coop_type ${ENUM_ID} PRODUCER, CONSUMER, SAVINGS_LOAN, MARKETING, SERVICES atau OTHER`,
    en: 'coop_type must be PRODUCER, CONSUMER, SAVINGS_LOAN, MARKETING, SERVICES or OTHER',
  },
  cooperative_members_non_negative: {
    field: 'members_count',
    id: 'members_count tidak boleh negatif',
    en: 'members_count must not be negative',
  },
  cooperative_verification_valid: {
    field: 'verification',
    id: `verification ${ENUM_ID} DRAFT, VERIFIED atau REJECTED`,
    en: 'verification must be DRAFT, VERIFIED or REJECTED',
  },
  cooperative_registration_unique: {
    field: 'registration_no',
    id: 'nomor badan hukum ini sudah dipakai koperasi lain',
    en: 'another cooperative already has this registration number',
  },
  membership_cooperative_fk: {
    field: 'cooperative_id',
    id: 'bukan koperasi di kabupaten/kota ini',
    en: 'not a cooperative of this regency',
  },
  membership_member_fk: {
    field: 'member_id',
    id: 'anggotanya bukan usaha di kabupaten/kota ini',
    en: 'the member is not an enterprise of this regency',
  },
  product_name_not_blank: { field: 'name', id: 'nama wajib diisi', en: 'name must not be blank' },
  product_category_valid: { field: 'category', id: 'kategori produk tidak dikenal', en: 'unknown product category' },
  product_unit_price_non_negative: {
    field: 'unit_price',
    id: 'unit_price tidak boleh negatif',
    en: 'unit_price must not be negative',
  },
  product_kbli_format: {
    field: 'kbli_code',
    id: 'kode KBLI harus tepat 5 angka',
    en: 'KBLI code must be exactly 5 digits',
  },
  product_ref_unique: {
    field: 'ref',
    id: 'ref ini sudah dipakai produk lain',
    en: 'another product already has this ref',
  },
  product_seller_fk: {
    field: 'seller_id',
    id: 'penjualnya bukan pihak di kabupaten/kota ini',
    en: 'the seller is not a party of this regency',
  },
  program_name_not_blank: { field: 'name', id: 'nama wajib diisi', en: 'name must not be blank' },
  program_fiscal_year_range: {
    field: 'fiscal_year',
    id: 'fiscal_year harus antara 2000 dan 2100',
    en: 'fiscal_year must be between 2000 and 2100',
  },
  program_budget_non_negative: { field: 'budget', id: 'budget tidak boleh negatif', en: 'budget must not be negative' },
  program_target_share_range: {
    field: 'local_target_share',
    id: 'local_target_share berupa pecahan antara 0 dan 1 (0.4, bukan 40)',
    en: 'local_target_share is a fraction between 0 and 1 (0.4, not 40)',
  },
  program_ref_unique: {
    field: 'ref',
    id: 'ref ini sudah dipakai program lain',
    en: 'another program already has this ref',
  },
  program_code_unique: {
    field: 'code',
    id: 'perangkat daerah ini sudah mempunyai program dengan kode ini pada tahun anggaran tersebut',
    en: 'this agency already has a program with this code in that fiscal year',
  },
  program_agency_fk: {
    field: 'agency_id',
    id: 'perangkat daerahnya bukan perangkat daerah di kabupaten/kota ini',
    en: 'the agency is not an agency of this regency',
  },
  transaction_category_valid: {
    field: 'category',
    id: 'kategori produk tidak dikenal',
    en: 'unknown product category',
  },
  transaction_account_code_format: {
    field: 'account_code',
    id: 'kode rekening berupa angka dipisah titik, misalnya 5.1.02.01.01.0024',
    en: 'an account code is digits separated by dots, e.g. 5.1.02.01.01.0024',
  },
  transaction_funding_source_valid: {
    field: 'funding_source',
    id: `funding_source ${ENUM_ID} APBD, APBN, DAK, DANA_DESA, BOS atau OWN`,
    en: 'funding_source must be APBD, APBN, DAK, DANA_DESA, BOS or OWN',
  },
  transaction_amount_non_negative: {
    field: 'amount',
    id: 'amount tidak boleh negatif',
    en: 'amount must not be negative',
  },
  transaction_quantity_non_negative: {
    field: 'quantity',
    id: 'quantity tidak boleh negatif',
    en: 'quantity must not be negative',
  },
  transaction_source_ref_unique: {
    field: 'source_ref',
    id: 'transaksi dengan rujukan sumber ini sudah tercatat',
    en: 'a transaction with this source reference is already recorded',
  },
  transaction_buyer_fk: {
    field: 'buyer_id',
    id: 'pembelinya bukan pihak di kabupaten/kota ini',
    en: 'the buyer is not a party of this regency',
  },
  transaction_seller_fk: {
    field: 'seller_id',
    id: 'penjualnya bukan pihak di kabupaten/kota ini',
    en: 'the seller is not a party of this regency',
  },
  transaction_program_fk: {
    field: 'program_id',
    id: 'programnya bukan program di kabupaten/kota ini',
    en: 'the program is not a program of this regency',
  },
  transaction_product_fk: {
    field: 'product_id',
    id: 'produknya bukan produk di kabupaten/kota ini',
    en: 'the product is not a product of this regency',
  },
  transaction_not_self: {
    field: 'seller_id',
    id: 'pembeli dan penjual harus pihak yang berbeda',
    en: 'buyer and seller must be different parties',
  },
  assistance_kind_valid: {
    field: 'kind',
    id: `kind ${ENUM_ID} TRAINING, CERTIFICATION, CAPITAL, MENTORING atau MARKET_ACCESS`,
    en: 'kind must be TRAINING, CERTIFICATION, CAPITAL, MENTORING or MARKET_ACCESS',
  },
  assistance_ref_unique: {
    field: 'ref',
    id: 'ref ini sudah dipakai catatan pendampingan lain',
    en: 'another assistance record already has this ref',
  },
  assistance_program_fk: {
    field: 'program_id',
    id: 'programnya bukan program di kabupaten/kota ini',
    en: 'the program is not a program of this regency',
  },
  assistance_enterprise_fk: {
    field: 'enterprise_id',
    id: 'bukan usaha di kabupaten/kota ini',
    en: 'not an enterprise of this regency',
  },
  snapshot_period_first_of_month: {
    field: 'period',
    id: 'periode potret berupa bulan (YYYY-MM)',
    en: 'a snapshot period is a month (YYYY-MM)',
  },
  snapshot_revenue_non_negative: {
    field: 'revenue',
    id: 'revenue tidak boleh negatif',
    en: 'revenue must not be negative',
  },
  snapshot_employees_non_negative: {
    field: 'employees',
    id: 'employees tidak boleh negatif',
    en: 'employees must not be negative',
  },
  snapshot_status_valid: {
    field: 'status',
    id: `status ${ENUM_ID} ACTIVE, DORMANT atau CLOSED`,
    en: 'status must be ACTIVE, DORMANT or CLOSED',
  },
  snapshot_enterprise_fk: {
    field: 'enterprise_id',
    id: 'bukan usaha di kabupaten/kota ini',
    en: 'not an enterprise of this regency',
  },
  enterprise_snapshot_pkey: {
    field: 'period',
    id: 'usaha ini sudah mempunyai potret untuk bulan ini',
    en: 'this enterprise already has a snapshot for this month',
  },
  policy_target_metric_valid: {
    field: 'metric',
    id: 'metric harus LOCAL_UMKM_SHARE atau UMK_SHARE',
    en: 'metric must be LOCAL_UMKM_SHARE or UMK_SHARE',
  },
  policy_target_share_range: {
    field: 'target_share',
    id: 'target_share berupa pecahan antara 0 dan 1 (0.4, bukan 40)',
    en: 'target_share is a fraction between 0 and 1 (0.4, not 40)',
  },
  policy_target_fiscal_year_range: {
    field: 'fiscal_year',
    id: 'fiscal_year harus antara 2000 dan 2100',
    en: 'fiscal_year must be between 2000 and 2100',
  },
  policy_target_ref_unique: {
    field: 'ref',
    id: 'ref ini sudah dipakai target kebijakan lain',
    en: 'another policy target already has this ref',
  },
  policy_target_agency_fk: {
    field: 'agency_id',
    id: 'perangkat daerahnya bukan perangkat daerah di kabupaten/kota ini',
    en: 'the agency is not an agency of this regency',
  },
  policy_target_scope_unique: {
    field: 'fiscal_year',
    id: 'sudah ada target untuk metrik, tahun dan perangkat daerah ini',
    en: 'there is already a target for this metric, year and agency',
  },
  collection_target_year_range: {
    field: 'year',
    id: 'year harus antara 2000 dan 2100',
    en: 'year must be between 2000 and 2100',
  },
  collection_target_enterprises_non_negative: {
    field: 'enterprises',
    id: 'enterprises tidak boleh negatif',
    en: 'enterprises must not be negative',
  },
  collection_target_cooperatives_non_negative: {
    field: 'cooperatives',
    id: 'cooperatives tidak boleh negatif',
    en: 'cooperatives must not be negative',
  },
  collection_target_region_code_fkey: {
    field: 'region_code',
    id: 'kode wilayah tidak dikenal',
    en: 'unknown region code',
  },
  collection_target_pkey: {
    field: 'year',
    id: 'sudah ada target pendataan untuk kecamatan dan tahun ini',
    en: 'there is already a collection target for this district and year',
  },
  app_user_username_format: {
    field: 'username',
    id: 'nama pengguna terdiri dari 3-64 huruf kecil, angka, titik, tanda hubung atau garis bawah',
    en: 'a username is 3-64 lower-case letters, digits, dots, dashes or underscores',
  },
  app_user_role_valid: {
    field: 'role',
    id: `role ${ENUM_ID} ADMIN, OPERATOR, ANALYST atau VIEWER`,
    en: 'role must be ADMIN, OPERATOR, ANALYST or VIEWER',
  },
  app_user_username_unique: { field: 'username', id: 'nama pengguna ini sudah dipakai', en: 'this username is taken' },
  app_user_operator_has_agency: {
    field: 'agency_id',
    id: 'operator harus tergabung dalam suatu perangkat daerah',
    en: 'an operator belongs to an agency',
  },
};
