import { InputType } from '@nestjs/graphql';
import { LatitudeField, LongitudeField } from './input-fields';

/** A point as degrees of latitude and longitude, checked to lie on the globe. Extend it to name an input. */
@InputType({ isAbstract: true })
export abstract class LatLonInput {
  @LatitudeField()
  lat!: number;

  @LongitudeField()
  lon!: number;
}
