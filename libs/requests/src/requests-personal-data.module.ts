import { Module } from '@nestjs/common';
import { NeedExport } from './personal-data/need-export';
import { RequestsPersonalDataRepository } from './personal-data/requests-personal-data.repository';

/** Requests' personal data handlers, for both the api and the worker (which builds the exports). */
@Module({ providers: [NeedExport, RequestsPersonalDataRepository] })
export class RequestsPersonalDataModule {}
