// Rotation golden test on the real acServer configs (see parseResults.test.ts in this folder).
import { realFixtures } from '../support/fixtures';
import { describeRotationGolden } from '../app/rotation/rotationGoldenSuite';

describeRotationGolden('the real configs', realFixtures().config);
