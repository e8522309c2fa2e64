-- ECE chat entry point semantics: queue depth, availability scope, business hours, CORS and chat settings.
ALTER TABLE entry_points
    ADD COLUMN max_queue_depth    INTEGER       NOT NULL DEFAULT 0 CHECK (max_queue_depth >= 0),
    -- SKILL_GROUP (ECE 12.0: only the entry point's skill groups count) or MRD (ECE 11.6: the whole MRD counts).
    ADD COLUMN availability_scope VARCHAR(20)   NOT NULL DEFAULT 'SKILL_GROUP'
        CHECK (availability_scope IN ('SKILL_GROUP', 'MRD')),
    ADD COLUMN max_wait_seconds   INTEGER       NOT NULL DEFAULT 300 CHECK (max_wait_seconds > 0),
    -- {"timeZone": "...", "weekly": {"MONDAY": ["09:00-17:00"]}, "holidays": ["2025-12-25"]}; NULL = always open.
    ADD COLUMN business_hours     JSONB,
    ADD COLUMN off_hours_message  VARCHAR(2000) NOT NULL
        DEFAULT 'Thank you for your inquiry. Our hours are 9am to 5pm',
    ADD COLUMN allowed_origins    JSONB         NOT NULL DEFAULT '[]'::jsonb,
    -- The chat settings the initialize answer echoes (ECE field names); '{}' = the defaults.
    ADD COLUMN chat_settings      JSONB         NOT NULL DEFAULT '{}'::jsonb;
