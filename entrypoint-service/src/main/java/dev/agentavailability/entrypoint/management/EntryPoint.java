package dev.agentavailability.entrypoint.management;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A chat entry point as stored (table from Flyway's V1__entry_points.sql). The id is the natural id. */
@Entity
@Table(name = "entry_points")
public class EntryPoint extends PanacheEntityBase {

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

    public EntryPointView view() {
        return new EntryPointView(id, name, mrdId, EntryPointView.ids(skillGroupIds), active);
    }
}
