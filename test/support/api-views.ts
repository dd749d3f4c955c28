import type { Alert, AlertEvent, ArrivalReport, Channel, HealthStatus, MaintenanceWindow, Role, Station } from '@hydro/domain';

/**
 * The JSON the centre's API answers, as a client reads it: optional fields are simply absent.
 * Only what the tests look at is named.
 */

export interface ApiErrorView {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string | string[];
  readonly field?: string;
}

export interface ChannelView {
  readonly channel: Channel;
  readonly status: HealthStatus;
  readonly since?: number;
  readonly lastReceivedAt?: number;
  readonly neverReported: boolean;
  readonly missedReports?: number;
}

export interface StationView {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly district: string;
  readonly basin: string;
  readonly status: HealthStatus;
  readonly since?: number;
  readonly lastReceivedAt?: number;
  readonly lastObservedAt?: number;
  readonly silentForMs?: number;
  readonly neverReported: boolean;
  readonly channels: readonly ChannelView[];
  readonly degradedChannels: readonly Channel[];
  readonly findings: readonly string[];
  readonly batteryVolts?: number;
}

export interface StationListView {
  readonly count: number;
  readonly stations: readonly StationView[];
}

export interface StationDetailView {
  readonly station: Station;
  readonly health: { readonly stationId: string; readonly status: HealthStatus; readonly findings: readonly { kind: string; reason: string }[] };
  readonly openAlerts: readonly Alert[];
  readonly maintenance: readonly MaintenanceWindow[];
}

export interface ReadingPointView {
  readonly time: number;
  readonly value: number;
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly quality: 'good' | 'suspect' | 'mixed';
}

export interface ReadingSeriesView {
  readonly stationId: string;
  readonly element: string;
  readonly unit: string;
  readonly from: number;
  readonly to: number;
  readonly every: number | null;
  readonly points: readonly ReadingPointView[];
}

export interface AlertDetailView {
  readonly alert: Alert;
  readonly events: readonly AlertEvent[];
}

export interface IssuedTokenView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  /** The secret, shown in this answer only. */
  readonly token: string;
  readonly issuedAt: number;
  readonly issuedBy: string;
}

export interface ListedTokenView {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly issuedBy: string;
  readonly revokedAt?: number;
  readonly revokedBy?: string;
}

export interface AuditEntryView {
  readonly seq: number;
  readonly at: number;
  readonly actor: { readonly tokenId: string; readonly name: string; readonly role: Role };
  readonly action: string;
  readonly target: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type { Alert as AlertView, AlertEvent as AlertEventView, ArrivalReport as ArrivalReportView, MaintenanceWindow as MaintenanceWindowView };
