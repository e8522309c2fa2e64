package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.MrdConfig;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "mrd")
public class MrdEntity extends PanacheEntityBase {

    @Id
    public int id;
    public String name;
    public boolean interruptible;

    static MrdEntity of(MrdConfig c) {
        MrdEntity e = new MrdEntity();
        e.id = c.id();
        e.name = c.name();
        e.interruptible = c.interruptible();
        return e;
    }
}
