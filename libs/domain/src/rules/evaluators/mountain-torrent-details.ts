import type { AlertDetails } from '../../alerts/alert-outcome';
import type { Contact, WarningArea } from '../rule-set';
import type { TorrentLevel, TorrentWindowVerdict } from './mountain-torrent-level';

/** What a 山洪 warning says of its area whatever the rain: who is at risk and whom to call. */
export interface WarningAreaDetails {
  readonly areaId: string;
  readonly areaName: string;
  readonly villages: readonly string[];
  readonly town: string;
  readonly district: string;
  readonly population: number;
  readonly aggregation: WarningArea['aggregation'];
  readonly contacts: { readonly town: readonly AlertDetails[]; readonly village: readonly AlertDetails[] };
}

/** Built once per area and shared by its warnings, so frozen. */
export function warningAreaDetails(area: WarningArea): WarningAreaDetails {
  return Object.freeze({
    areaId: area.id,
    areaName: area.name,
    villages: Object.freeze([...area.villages]),
    town: area.town,
    district: area.district,
    population: area.population,
    aggregation: area.aggregation,
    contacts: Object.freeze({ town: Object.freeze(area.contacts.town.map(contactDetails)), village: Object.freeze(area.contacts.village.map(contactDetails)) }),
  });
}

/**
 * Message parameters of a 山洪 warning: the area, and which window and gauge crossed which critical
 * rainfall. Plain JSON so messages, CAP documents and the API can word it.
 */
export function mountainTorrentDetails(area: WarningAreaDetails, level: TorrentLevel, deciding: TorrentWindowVerdict): AlertDetails {
  return {
    areaId: area.areaId,
    areaName: area.areaName,
    villages: area.villages,
    town: area.town,
    district: area.district,
    population: area.population,
    level,
    windowHours: deciding.threshold.windowHours,
    rainfall: deciding.rainfall,
    threshold: deciding.threshold[level],
    gaugeId: deciding.gaugeId,
    aggregation: area.aggregation,
    incomplete: deciding.silentGauges.length > 0,
    silentGauges: deciding.silentGauges,
    contacts: area.contacts,
  };
}

function contactDetails(contact: Contact): AlertDetails {
  return Object.freeze({ role: contact.role, name: contact.name, phone: contact.phone });
}
