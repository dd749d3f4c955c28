import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvironmentDto, type Environment } from './environment.dto';

/** The environment was wrong: the message names every variable and what it must be. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Reads and validates the environment once at boot. Empty strings count as unset,
 * so `MQTT_USERNAME=` in a compose file means "none" rather than "".
 */
export function loadEnvironment(env: NodeJS.ProcessEnv): Environment {
  const known = Object.keys(new EnvironmentDto());
  const given: Record<string, string> = {};
  for (const key of [...known, 'MQTT_URL', 'INFLUX_URL', 'MQTT_USERNAME', 'MQTT_PASSWORD', 'MQTT_CA_FILE', 'MQTT_CERT_FILE', 'MQTT_KEY_FILE', 'INFLUX_TOKEN', 'INFLUX_USERNAME', 'INFLUX_PASSWORD', 'INFLUX_RETENTION_POLICY', 'INFLUX_RETENTION_DURATION', 'SIMULATE_START', 'SIMULATE_HOURS', 'HYDRO_ADMIN_TOKEN']) {
    const value = env[key];
    if (value !== undefined && (value !== '' || key === 'MQTT_SHARED_GROUP')) given[key] = value;
  }
  const dto = plainToInstance(EnvironmentDto, given);
  const errors = validateSync(dto);
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = SECRET.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
      return `  ${e.property}=${shown}: ${Object.values(e.constraints ?? {}).join('; ')}`;
    });
    throw new ConfigurationError(`invalid configuration in the environment:\n${lines.join('\n')}\nSee docs/configuration.md.`);
  }
  if (dto.MQTT_RECONNECT_MAX_MS < dto.MQTT_RECONNECT_MIN_MS) {
    throw new ConfigurationError('invalid configuration in the environment:\n  MQTT_RECONNECT_MAX_MS must be at least MQTT_RECONNECT_MIN_MS');
  }
  if (dto.INFLUX_RETRY_MAX_MS < dto.INFLUX_RETRY_MIN_MS) {
    throw new ConfigurationError('invalid configuration in the environment:\n  INFLUX_RETRY_MAX_MS must be at least INFLUX_RETRY_MIN_MS');
  }
  if ((dto.INFLUX_RETENTION_POLICY === undefined) !== (dto.INFLUX_RETENTION_DURATION === undefined)) {
    throw new ConfigurationError('invalid configuration in the environment:\n  INFLUX_RETENTION_POLICY and INFLUX_RETENTION_DURATION go together: set both or neither');
  }
  return dto;
}

const SECRET = /PASSWORD|TOKEN/;
