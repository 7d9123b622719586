import { JOBS, QUEUE_NAMES } from './queue-names';

describe('the job map', () => {
  it('names each job once per queue, on a known queue', () => {
    const jobs = Object.values(JOBS);
    const names = jobs.map((job) => `${job.queue}/${job.name}`);
    expect(new Set(names).size).toBe(names.length);
    expect(jobs.filter((job) => !QUEUE_NAMES.includes(job.queue))).toEqual([]);
  });
});
