import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '@prossimo/platform';
import { RideDetails } from '@prossimo/requests';
import { ridePickupAt } from '../engagements/engagement-rules';

/**
 * A ride's pickup time beside its appointment, for whoever sees the ride: the same time every
 * message gives as "ritiro", so the helper, the person and the family read the same two times.
 */
@Resolver(() => RideDetails)
export class RidePickupResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ResolveField(() => Date, {
    description:
      'When the helper picks the person up: the appointment less the ride buffer (MATCHING_RIDE_BUFFER_MINUTES), as the messages say it.',
  })
  pickupAt(@Parent() ride: RideDetails): Date {
    // The ride comes from the need's JSON details: the appointment may still be a string.
    return ridePickupAt(new Date(ride.appointmentAt), this.config.MATCHING_RIDE_BUFFER_MINUTES);
  }
}
