-- What customers leave when no agent can take their chat (the chat page's leave-a-message form); supervisors
-- read them on the board. Kept until someone deletes them: a message is a customer's request, not telemetry.
CREATE TABLE left_messages (
    id             BIGSERIAL     PRIMARY KEY,
    entry_point_id BIGINT        NOT NULL,
    -- The initialize answer the customer saw (1 = no agent available, 2 = queue full; 1 off hours too).
    response_type  INTEGER       NOT NULL CHECK (response_type IN (0, 1, 2)),
    off_hours      BOOLEAN       NOT NULL,
    customer_name  VARCHAR(200)  NOT NULL,
    email          VARCHAR(320)  NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    received_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX left_messages_received ON left_messages (received_at DESC);
