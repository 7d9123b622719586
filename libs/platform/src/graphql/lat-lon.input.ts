import { Field, Float, InputType } from '@nestjs/graphql';
import { IsNumber, Max, Min } from 'class-validator';

/** A point as degrees of latitude and longitude, checked to lie on the globe. Extend it to name an input. */
@InputType({ isAbstract: true })
export abstract class LatLonInput {
  @Field(() => Float)
  @IsNumber()
  @Min(-90)
  @Max(90)
  lat!: number;

  @Field(() => Float)
  @IsNumber()
  @Min(-180)
  @Max(180)
  lon!: number;
}
