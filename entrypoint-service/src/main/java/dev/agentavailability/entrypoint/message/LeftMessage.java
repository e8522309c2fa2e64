package dev.agentavailability.entrypoint.message;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A message a customer left instead of a chat (table from Flyway's V3__left_messages.sql). */
@Entity
@Table(name = "left_messages")
public class LeftMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Column(name = "entry_point_id", nullable = false)
    public long entryPointId;

    @Column(name = "response_type", nullable = false)
    public int responseType;

    @Column(name = "off_hours", nullable = false)
    public boolean offHours;

    @Column(name = "customer_name", nullable = false, length = 200)
    public String customerName;

    @Column(name = "email", nullable = false, length = 320)
    public String email;

    @Column(name = "text", nullable = false, length = 4000)
    public String text;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public MessageView view() {
        return new MessageView(id, entryPointId, responseType, offHours, customerName, email, text, receivedAt);
    }
}
