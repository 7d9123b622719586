import { describeOperationCosts } from '../testing/operation-cost';
import * as operations from './call-messages-operations';

describeOperationCosts('the messages of a call to its accepted volunteers', operations);
