-- Chat entry points. The id is the entry point's natural id (the number in the public URL).
CREATE TABLE entry_points (
    id              BIGINT       PRIMARY KEY CHECK (id > 0),
    name            VARCHAR(200) NOT NULL,
    mrd_id          INTEGER      NOT NULL CHECK (mrd_id > 0),
    -- The skill groups of the entry point's queue, in the order given.
    skill_group_ids INTEGER[]    NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT TRUE
);
