package dev.agentavailability.entrypoint.management;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentavailability.contract.entrypoint.AvailabilityScope;
import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import dev.agentavailability.entrypoint.management.ChatSettings;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A chat entry point as stored (tables from Flyway's V1__entry_points.sql and V2__entry_point_settings.sql). The id
 * is the natural id. The complex settings are JSON (jsonb) columns, read and written as text here.
 */
@Entity
@Table(name = "entry_points")
public class EntryPoint extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Id
    @Column(name = "id")
    public Long id;

    @Column(name = "name", nullable = false, length = 200)
    public String name;

    @Column(name = "mrd_id", nullable = false)
    public int mrdId;

    /** The skill groups of the entry point's queue. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "skill_group_ids", nullable = false, columnDefinition = "integer[]")
    public int[] skillGroupIds;

    @Column(name = "active", nullable = false)
    public boolean active = true;

    @Column(name = "max_queue_depth", nullable = false)
    public int maxQueueDepth;

    @Enumerated(EnumType.STRING)
    @Column(name = "availability_scope", nullable = false, length = 20)
    public AvailabilityScope availabilityScope = AvailabilityScope.SKILL_GROUP;

    @Column(name = "max_wait_seconds", nullable = false)
    public int maxWaitSeconds = EntryPointView.DEFAULT_MAX_WAIT_SECONDS;

    /** {@link BusinessHoursSettings} as JSON; null = always open. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "business_hours", columnDefinition = "jsonb")
    public String businessHours;

    @Column(name = "off_hours_message", nullable = false, length = 2000)
    public String offHoursMessage = EntryPointView.DEFAULT_OFF_HOURS_MESSAGE;

    /** A JSON array of origins. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_origins", nullable = false, columnDefinition = "jsonb")
    public String allowedOrigins = "[]";

    /** {@link ChatSettings} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "chat_settings", nullable = false, columnDefinition = "jsonb")
    public String chatSettings = "{}";

    public void apply(EntryPointRequest request) {
        name = request.name();
        mrdId = request.mrdId();
        skillGroupIds = request.distinctSkillGroupIds();
        active = request.activeOrDefault();
        maxQueueDepth = request.maxQueueDepthOrDefault();
        availabilityScope = request.scopeOrDefault();
        maxWaitSeconds = request.maxWaitSecondsOrDefault();
        businessHours = request.businessHours() == null ? null : write(request.businessHours());
        offHoursMessage = request.offHoursMessageOrDefault();
        allowedOrigins = write(request.allowedOriginsOrDefault());
        chatSettings = write(request.chatSettingsOrDefault());
    }

    public EntryPointView view() {
        return new EntryPointView(id, name, mrdId, EntryPointView.ids(skillGroupIds), active, maxQueueDepth,
                availabilityScope, maxWaitSeconds,
                businessHours == null ? null : read(businessHours, new TypeReference<BusinessHoursSettings>() { }),
                offHoursMessage, allowedOrigins == null ? List.of() : read(allowedOrigins, new TypeReference<List<String>>() { }),
                chatSettings == null ? ChatSettings.DEFAULTS : read(chatSettings, new TypeReference<ChatSettings>() { }),
                null);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write entry point settings as JSON", e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored entry point settings are not readable: " + json, e);
        }
    }
}
