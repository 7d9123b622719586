import { Injectable } from '@nestjs/common';
import { PersonalDataExportArea, PersonalDataExportPart, PersonalDataExportStep } from '@prossimo/platform';

type Row = Record<string, unknown>;

/**
 * "Download my data", community's part: the volunteer profile, availability, the person's offers,
 * their requests to join others' offers (message decrypted) and their answers to calls.
 */
@Injectable()
export class VolunteerExport extends PersonalDataExportArea {
  readonly area = 'community';
  readonly sections = ['volunteerProfile', 'availability', 'volunteerOffers', 'joinRequests', 'callAnswers'];
  readonly tables = ['volunteer_profiles', 'volunteer_offer_join_requests', 'calls_to_action'];

  async collect({ manager, userId, decrypt }: PersonalDataExportStep): Promise<PersonalDataExportPart> {
    const [volunteerProfile]: Row[] = await manager.query(
      `SELECT id, display_name AS "displayName", bio, skills, categories, languages, home_lat AS "homeLat",
              home_lon AS "homeLon", comune_istat AS "comuneIstat", travel_radius_km AS "travelRadiusKm",
              vehicle_seats AS "vehicleSeats", vehicle_wheelchair_accessible AS "vehicleWheelchairAccessible",
              weekly_hour_limit AS "weeklyHourLimit", created_at AS "createdAt"
         FROM volunteer_profiles WHERE user_id = $1`,
      [userId],
    );
    const availability = await manager.query(
      `SELECT w.kind, w.day_of_week AS "dayOfWeek", w.start_minute AS "startMinute", w.end_minute AS "endMinute",
              w.validity::text AS validity, w.during::text AS during
         FROM availability_windows w JOIN volunteer_profiles p ON p.id = w.volunteer_id WHERE p.user_id = $1`,
      [userId],
    );
    const volunteerOffers = await manager.query(
      `SELECT o.id, o.kind, o.category, o.title, o.description, o.comune_istat AS "comuneIstat", o.from_place AS "fromPlace",
              o.to_place AS "toPlace", o.departure_at AS "departureAt", o.status, o.created_at AS "createdAt"
         FROM volunteer_offers o JOIN volunteer_profiles p ON p.id = o.volunteer_id WHERE p.user_id = $1`,
      [userId],
    );
    const joinRequests: Row[] = await manager.query(
      `SELECT id, offer_id AS "offerId", seats, message_encrypted, status, created_at AS "createdAt"
         FROM volunteer_offer_join_requests WHERE requester_user_id = $1`,
      [userId],
    );
    const callAnswers = await manager.query(
      `SELECT a.call_id AS "callId", a.message, a.status, a.created_at AS "createdAt"
         FROM call_answers a JOIN volunteer_profiles p ON p.id = a.volunteer_id WHERE p.user_id = $1`,
      [userId],
    );
    return {
      sections: {
        volunteerProfile: volunteerProfile ?? null,
        availability,
        volunteerOffers,
        joinRequests: joinRequests.map(({ message_encrypted, ...row }) => ({
          ...row,
          message: decrypt(message_encrypted),
        })),
        callAnswers,
      },
    };
  }
}
