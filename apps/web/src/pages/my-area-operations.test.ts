import { describeOperationCosts } from '../testing/operation-cost';
import * as operations from './my-area-operations';

describeOperationCosts('"La mia area"', operations);
