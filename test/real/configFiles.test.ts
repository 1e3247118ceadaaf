// The INI round trip and rendering over the real acServer configs (see parseResults.test.ts here).
import { realFixtures } from '../support/fixtures';
import { describeIniRoundTrip } from '../domain/rotation/ini/roundTripSuite';
import { describeRenderServerCfg } from '../domain/rotation/ini/renderServerCfgSuite';

const { config } = realFixtures();

describeIniRoundTrip('the real configs', config);
describeRenderServerCfg('the real configs', config);
