import { describeOperationCosts } from '../testing/operation-cost';
import * as operations from './operations';

describeOperationCosts('the citizen pages’ operations', operations);
