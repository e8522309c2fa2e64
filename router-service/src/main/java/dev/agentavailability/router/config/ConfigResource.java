package dev.agentavailability.router.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.access.Roles;
import dev.agentavailability.contract.config.AgentConfig;
import dev.agentavailability.contract.config.ApplicationPathConfig;
import dev.agentavailability.contract.config.ConfigEvent;
import dev.agentavailability.contract.config.ConfigItem;
import dev.agentavailability.contract.config.ConfigKind;
import dev.agentavailability.contract.config.MrdConfig;
import dev.agentavailability.contract.config.SkillGroupConfig;
import dev.agentavailability.rest.Problem;
import dev.agentavailability.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Reference data: MRDs, skill groups, application paths and agents with their skill groups. Every
 * change becomes a config event; the answer comes once this instance has read it back.
 */
@RolesAllowed(Roles.ADMIN)
@Path("/config")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigResource {

    private static final Map<String, Kind> KINDS = Map.of(
            "mrds", new Kind(ConfigKind.MRD, MrdConfig.class),
            "skill-groups", new Kind(ConfigKind.SKILL_GROUP, SkillGroupConfig.class),
            "application-paths", new Kind(ConfigKind.APPLICATION_PATH, ApplicationPathConfig.class),
            "agents", new Kind(ConfigKind.AGENT, AgentConfig.class));

    // Lab files list items by kind, so the "kind" property of the topic's JSON is optional there; an id
    // may come from the path, and a missing number reads as 0, which validation then names.
    private static final ObjectMapper JSON = ContractJson.mapper().copy()
            .configure(MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL, true)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, false);
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .configure(MapperFeature.USE_BASE_TYPE_AS_DEFAULT_IMPL, true)
            .build();

    private record Kind(ConfigKind kind, Class<? extends ConfigItem> type) {
    }

    private final ConfigState state;
    private final ConfigPublisher publisher;
    private final Clock clock;
    private final SecurityIdentity identity;

    public ConfigResource(ConfigState state, ConfigPublisher publisher, SecurityIdentity identity) {
        this.identity = identity;
        this.state = state;
        this.publisher = publisher;
        this.clock = Clock.systemUTC();
    }

    /** Who makes this change, carried on its config events so that a replay can say who changed what. */
    private String changedBy() {
        return identity.getPrincipal().getName();
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    public LabConfig all() {
        return LabConfig.of(state.current());
    }

    /** Loads a lab file (YAML or JSON): every item in it is published as an upsert. */
    @POST
    @Path("/import")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml"})
    public Map<String, Object> importLabFile(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        ObjectMapper mapper = contentType != null && contentType.contains("yaml") ? YAML : JSON;
        LabConfig lab = read(mapper, body, LabConfig.class);
        List<ConfigItem> items = lab.items();
        refuseInvalid(ConfigValidation.check(items, state.current(), ""), "the lab file");
        Instant at = clock.instant();
        publisher.publish(items.stream().map(item -> ConfigEvent.upsert(item, at, changedBy())).toList());
        return Map.of("published", items.size());
    }

    @RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
    @GET
    @Path("/{kind}/{id}")
    public ConfigItem get(@PathParam("kind") String kind, @PathParam("id") int id) {
        Kind k = kind(kind);
        return state.current().all(k.kind()).stream().filter(i -> i.id() == id).findFirst()
                .orElseThrow(() -> notFound(k, id));
    }

    @PUT
    @Path("/{kind}/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConfigItem put(@PathParam("kind") String kind, @PathParam("id") int id, String body) {
        Kind k = kind(kind);
        ConfigItem item = read(JSON, body, k.type());
        if (item.id() != 0 && item.id() != id) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST,
                    "body id " + item.id() + " differs from path id " + id));
        }
        ConfigItem withId = withId(item, id);
        refuseInvalid(ConfigValidation.check(List.of(withId), state.current(), ""), withId.key());
        publisher.publish(List.of(ConfigEvent.upsert(withId, clock.instant(), changedBy())));
        return withId;
    }

    @DELETE
    @Path("/{kind}/{id}")
    public Response delete(@PathParam("kind") String kind, @PathParam("id") int id) {
        Kind k = kind(kind);
        get(kind, id);
        List<String> users = ConfigValidation.referencesTo(k.kind(), id, state.current());
        if (!users.isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT,
                    ConfigEvent.key(k.kind(), id) + " is still named by " + String.join(", ", users))
                    .with("referencedBy", users));
        }
        publisher.publish(List.of(ConfigEvent.delete(k.kind(), id, clock.instant(), changedBy())));
        return Response.noContent().build();
    }

    @ServerExceptionMapper
    public Response unavailable(ConfigPublisher.ConfigUnavailable e) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "config change not confirmed: " + e.getMessage())
                .toResponse();
    }

    private static ConfigItem withId(ConfigItem item, int id) {
        if (item instanceof MrdConfig c) {
            return new MrdConfig(id, c.name(), c.interruptible());
        }
        if (item instanceof SkillGroupConfig c) {
            return new SkillGroupConfig(id, c.name(), c.mrdId(), c.peripheralNumber(), c.defaultGroup());
        }
        if (item instanceof AgentConfig c) {
            return new AgentConfig(id, c.name(), c.peripheralNumber(), c.skillGroupIds());
        }
        ApplicationPathConfig c = (ApplicationPathConfig) item;
        return new ApplicationPathConfig(id, c.name(), c.mrdIds());
    }

    private static Kind kind(String segment) {
        Kind kind = KINDS.get(segment);
        if (kind == null) {
            throw new ProblemException(Problem.of(Response.Status.NOT_FOUND,
                    "no such kind of reference data '" + segment + "'; known: " + String.join(", ", KINDS.keySet().stream().sorted().toList())));
        }
        return kind;
    }

    private static ProblemException notFound(Kind kind, int id) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, ConfigEvent.key(kind.kind(), id) + " is not configured"));
    }

    private static <T> T read(ObjectMapper mapper, String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "request body is empty"));
        }
        try {
            T value = mapper.readValue(body, type);
            if (value == null) {
                // JSON null, or a YAML document that is only "null" or "~"
                throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, "the body is null; expected "
                        + (type == LabConfig.class ? "a lab file (mrds, skillGroups, applicationPaths, agents)"
                                : "an object")));
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, ContractJson.describe(e)));
        }
    }

    private static void refuseInvalid(List<ConfigValidation.Violation> violations, String what) {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.of(Response.Status.BAD_REQUEST, what + " is invalid: "
                    + String.join("; ", violations.stream().map(v -> v.field() + " " + v.message()).toList()))
                    .with("violations", violations.stream().map(ConfigValidation.Violation::asMap).toList()));
        }
    }
}
