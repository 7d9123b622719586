import { Module } from '@nestjs/common';
import { NeedExport } from './need-export';

/** Requests' personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [NeedExport] })
export class RequestsPersonalDataModule {}
