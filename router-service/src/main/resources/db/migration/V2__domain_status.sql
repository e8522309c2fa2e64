-- MRDs whose domain the application path last reported unavailable, per partition: every partition
-- receives the report, so each keeps its own copy in step with its agents.
alter table partition_checkpoint add column unavailable_domains integer[] not null default '{}';
