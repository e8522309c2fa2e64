package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.ApplicationPathConfig;
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
@Table(name = "application_path")
public class ApplicationPathEntity extends PanacheEntityBase {

    @Id
    public int id;
    public String name;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "application_path_mrd", joinColumns = @JoinColumn(name = "application_path_id"))
    @Column(name = "mrd_id")
    public List<Integer> mrdIds = new ArrayList<>();

    static ApplicationPathEntity of(ApplicationPathConfig c) {
        ApplicationPathEntity e = new ApplicationPathEntity();
        e.id = c.id();
        e.name = c.name();
        e.mrdIds = new ArrayList<>(c.mrdIds());
        return e;
    }
}
