package dev.agentavailability.router.config;

import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Writes config events into the reference-data tables, so people can read the config with SQL. */
@ApplicationScoped
public class ConfigTables {

    @Transactional
    public void apply(ConfigEvent event) {
        Class<? extends PanacheEntityBase> table = switch (event.kind()) {
            case MRD -> MrdEntity.class;
            case SKILL_GROUP -> SkillGroupEntity.class;
            case AGENT -> AgentEntity.class;
            case APPLICATION_PATH -> ApplicationPathEntity.class;
        };
        EntityManager em = Panache.getEntityManager();
        PanacheEntityBase existing = em.find(table, event.id());
        if (existing != null) {
            // Replaced whole, memberships included: a config event carries the complete item.
            em.remove(existing);
            em.flush();
        }
        if (event.op() == ConfigEvent.Op.UPSERT) {
            em.persist(row(event));
        }
    }

    private static PanacheEntityBase row(ConfigEvent event) {
        if (event.item() instanceof MrdConfig c) {
            return MrdEntity.of(c);
        }
        if (event.item() instanceof SkillGroupConfig c) {
            return SkillGroupEntity.of(c);
        }
        if (event.item() instanceof AgentConfig c) {
            return AgentEntity.of(c);
        }
        return ApplicationPathEntity.of((ApplicationPathConfig) event.item());
    }
}
