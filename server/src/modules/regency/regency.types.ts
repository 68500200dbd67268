import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A regency or city (kabupaten/kota) this server holds: a tenant. A request chooses one with the Jejaring-Regency header (docs/api.md "Regencies").',
})
export class Regency {
  @Field(() => String, { description: 'The regency code, e.g. "61.12" (Kabupaten Kubu Raya): the tenant id.' })
  code!: string;

  @Field(() => String, { description: 'The official name, e.g. "Kabupaten Kubu Raya".' })
  name!: string;

  @Field(() => String, { description: 'The province code, e.g. "61" (Kalimantan Barat).' })
  provinceCode!: string;

  @Field(() => Boolean, { description: 'True when at least one purchase is recorded (the switcher lists these).' })
  hasData!: boolean;

  @Field(() => Boolean, { description: 'True while the synthetic demo dataset is loaded in it ("data contoh").' })
  demoData!: boolean;
}
