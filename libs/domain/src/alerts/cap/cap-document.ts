import type { Alert } from '../alert';
import type { AlertEvent } from '../alert-event';
import type { JsonValue } from '../alert-outcome';
import { alertMessage } from '../messages/alert-message';
import { eventWord } from '../messages/alert-words';
import { DetailsReader } from '../messages/details-reader';
import { MESSAGE_LOCALES, type MessageLocale } from '../messages/message-locale';
import { capArea, type CapAreaSources } from './cap-area';
import { capDateTime } from './cap-date-time';
import { capInstruction } from './cap-instruction';
import { capMessageChain, capReferences } from './cap-message-chain';
import { CAP_LANGUAGES, CAP_NAMESPACE, CAP_SEVERITIES, capCategory, capResponseType, capUrgency } from './cap-vocabulary';
import { renderXml, type XmlElement, xmlText } from './xml-writer';

export interface CapOptions extends CapAreaSources {
  /** Who issues the alert, e.g. `hydro@wzsl.example`: CAP forbids spaces, commas, `<` and `&` in it. */
  readonly sender: string;
  /** One `<info>` per locale, in this order; Chinese then English by default. */
  readonly locales?: readonly MessageLocale[];
}

/** The sender would corrupt `references`, which are comma- and space-separated. */
export class CapSenderError extends RangeError {
  override readonly name = 'CapSenderError';
}

/**
 * The alert as it stands as an OASIS CAP 1.2 document, for provincial platforms and public warning
 * channels. `events` is the alert's history (events of other alerts are ignored): it decides the
 * message type (Alert, Update, Cancel), the identifier and the `references` to earlier messages.
 * Pure: the same alert, history and options give the same bytes.
 */
export function capDocument(alert: Alert, events: readonly AlertEvent[], options: CapOptions): string {
  if (!/^[^\s,<&]+$/.test(options.sender)) throw new CapSenderError(`CAP sender must be non-empty without spaces, commas, "<" or "&", got ${JSON.stringify(options.sender)}`);
  const chain = capMessageChain(alert, events);
  const current = chain[chain.length - 1]!;
  const earlier = chain.slice(0, -1);
  const children: XmlElement[] = [
    xmlText('identifier', current.identifier),
    xmlText('sender', options.sender),
    xmlText('sent', capDateTime(current.sent)),
    xmlText('status', 'Actual'),
    xmlText('msgType', current.msgType),
    xmlText('scope', 'Public'),
  ];
  if (earlier.length > 0) children.push(xmlText('references', capReferences(options.sender, earlier, capDateTime)));
  // Every message of one alert names it as its incident, so receivers can group them.
  children.push(xmlText('incidents', alert.id));
  const locales = options.locales ?? MESSAGE_LOCALES;
  for (const locale of new Set(locales)) children.push(info(alert, locale, current.sent, current.msgType === 'Cancel', options));
  return renderXml({ name: 'alert', attributes: { xmlns: CAP_NAMESPACE }, children });
}

function info(alert: Alert, locale: MessageLocale, sent: number, cancelled: boolean, options: CapOptions): XmlElement {
  const torrentLevel = alert.kind === 'mountain_torrent' ? new DetailsReader(alert.details).text('level') : undefined;
  const message = alertMessage(alert, locale, { names: options.names });
  return {
    name: 'info',
    children: [
      xmlText('language', CAP_LANGUAGES[locale]),
      xmlText('category', capCategory(alert.kind)),
      xmlText('event', eventWord(alert.kind, locale)),
      xmlText('responseType', capResponseType(alert.kind, torrentLevel, cancelled)),
      xmlText('urgency', capUrgency(alert.severity, torrentLevel, cancelled)),
      xmlText('severity', CAP_SEVERITIES[alert.severity]),
      xmlText('certainty', 'Observed'),
      { name: 'eventCode', children: [xmlText('valueName', 'alertKind'), xmlText('value', alert.kind)] },
      xmlText('effective', capDateTime(sent)),
      xmlText('onset', capDateTime(alert.raisedObservedAt)),
      xmlText('headline', message.title),
      xmlText('description', message.body),
      xmlText('instruction', capInstruction(alert.kind, torrentLevel, cancelled, locale)),
      parameter('severityLevel', alert.severity),
      ...Object.entries(alert.details).flatMap(([key, value]) => {
        const text = parameterText(value);
        return text === undefined ? [] : [parameter(key, text)];
      }),
      capArea(alert, locale, options),
    ],
  };
}

function parameter(valueName: string, value: string): XmlElement {
  return { name: 'parameter', children: [xmlText('valueName', valueName), xmlText('value', value)] };
}

/** Numbers, words and lists of them (villages, silent gauges) as text; objects (contacts, gauges) are in the description. */
function parameterText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = (value as readonly JsonValue[]).filter((item): item is string | number => typeof item === 'string' || typeof item === 'number');
    return items.length === 0 ? undefined : items.join(',');
  }
  return undefined;
}
