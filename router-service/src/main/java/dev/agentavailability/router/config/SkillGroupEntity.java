package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.SkillGroupConfig;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "skill_group")
public class SkillGroupEntity extends PanacheEntityBase {

    @Id
    public int id;
    public String name;
    @Column(name = "mrd_id")
    public int mrdId;
    @Column(name = "peripheral_number")
    public int peripheralNumber;
    @Column(name = "default_group")
    public boolean defaultGroup;

    static SkillGroupEntity of(SkillGroupConfig c) {
        SkillGroupEntity e = new SkillGroupEntity();
        e.id = c.id();
        e.name = c.name();
        e.mrdId = c.mrdId();
        e.peripheralNumber = c.peripheralNumber();
        e.defaultGroup = c.defaultGroup();
        return e;
    }
}
