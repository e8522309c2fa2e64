package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.AgentConfig;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "agent")
public class AgentEntity extends PanacheEntityBase {

    @Id
    public int id;
    public String name;
    @Column(name = "peripheral_number")
    public int peripheralNumber;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agent_skill_group", joinColumns = @JoinColumn(name = "agent_id"))
    @Column(name = "skill_group_id")
    public List<Integer> skillGroupIds = new ArrayList<>();

    static AgentEntity of(AgentConfig c) {
        AgentEntity e = new AgentEntity();
        e.id = c.id();
        e.name = c.name();
        e.peripheralNumber = c.peripheralNumber();
        e.skillGroupIds = new ArrayList<>(c.skillGroupIds());
        return e;
    }
}
