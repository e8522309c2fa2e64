package dev.agentavailability.simulator;

import dev.agentavailability.contract.access.Credentials;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link TrafficPlan} against listener-service and entrypoint-service, one action at a time at the
 * settings' rate, until the duration or action count is reached or {@link #stop()} is called.
 *
 * <p>An action a service refuses (4xx) is counted and logged in one line, and the agent's view is fetched
 * again; a 5xx is counted as failed. A service that cannot be reached is tried again with a doubling
 * backoff, each failed attempt logged and counted; after the last attempt the action counts as failed and the
 * run goes on. A summary line is printed every {@link SimulatorSettings#summaryEvery()} and at the end.
 */
public final class TrafficRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** A run that fell further behind its schedule than this does not try to catch up in a burst. */
    private static final long MAX_LAG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final SimulatorSettings settings;
    private final PrintStream out;
    private final TrafficPlan plan;
    private final TrafficModel model;
    private final RunStats stats = new RunStats();
    private final HttpClient http;
    private final Credentials credentials;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Map<Integer, Long> refreshedAt = new HashMap<>();

    /** An HTTP answer. */
    record Answer(int status, String body) {

        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** The service could not be reached in any attempt. */
    private static final class Unreachable extends Exception {
        Unreachable() {
            super(null, null, false, false);
        }
    }

    /** {@link #stop()} was called, or the thread interrupted, while waiting. */
    private static final class Stopped extends Exception {
        Stopped() {
            super(null, null, false, false);
        }
    }

    public TrafficRun(SimulatorSettings settings, PrintStream out) {
        this(settings, out, null);
    }

    /** A run that logs in to the services with these credentials (null: anonymous, as only public calls allow). */
    public TrafficRun(SimulatorSettings settings, PrintStream out, Credentials credentials) {
        this.settings = settings;
        this.credentials = credentials;
        this.out = out;
        this.plan = new TrafficPlan(settings.seed(), settings.maxTaskLimit());
        this.model = new TrafficModel(settings.mrdId(), settings.agentIds(), settings.entryPointIds());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Runs on a daemon thread of its own ("traffic-simulator"). */
    public Thread startInBackground() {
        Thread thread = new Thread(this::run, "traffic-simulator");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Runs until the duration or the action count is reached, or until {@link #stop()}; returns the summary. */
    public RunSummary run() {
        try {
            log(settings.describe());
            loop();
        } catch (Stopped stopped) {
            // asked to stop while waiting: the summary below says where it stood
        } catch (RuntimeException unexpected) {
            log("stopped by an unexpected error: " + unexpected);
        } finally {
            log(stats.summary().line());
            finished.countDown();
        }
        return stats.summary();
    }

    /** Asks the run to end after the request in flight; returns at once. */
    public void stop() {
        stopRequested.countDown();
    }

    /** Asks the run to end and waits for it (and its last summary), at most this long. */
    public boolean stopAndAwait(Duration timeout) throws InterruptedException {
        stop();
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The counters so far. */
    public RunSummary summary() {
        return stats.summary();
    }

    /** The local view. Read it only once the run has ended: the run's thread owns it. */
    public TrafficModel model() {
        return model;
    }

    private void loop() throws Stopped {
        long start = System.nanoTime();
        long interval = Math.max(1, (long) (TimeUnit.SECONDS.toNanos(1) / settings.rate()));
        long summaryEvery = settings.summaryEvery().toNanos();
        long end = settings.duration() == null ? Long.MAX_VALUE : start + settings.duration().toNanos();
        for (SimAgent agent : model.agents()) {
            refresh(agent.icmAgentId());
        }
        long next = System.nanoTime();
        long nextSummary = start + summaryEvery;
        while (stopRequested.getCount() > 0) {
            if (settings.maxActions() > 0 && stats.actions() >= settings.maxActions()) {
                return;
            }
            long now = System.nanoTime();
            if (end != Long.MAX_VALUE && now - end >= 0) {
                return;
            }
            if (now - nextSummary >= 0) {
                log(stats.summary().line());
                while (now - nextSummary >= 0) {
                    // one line, however long a request kept the run away
                    nextSummary += summaryEvery;
                }
                continue;
            }
            if (next - now > 0) {
                long until = Math.min(next - now, nextSummary - now);
                if (end != Long.MAX_VALUE) {
                    until = Math.min(until, end - now);
                }
                pause(until);
                continue;
            }
            step();
            next += interval;
            if (System.nanoTime() - next > MAX_LAG_NANOS) {
                next = System.nanoTime();
            }
        }
    }

    private void step() throws Stopped {
        long now = System.nanoTime();
        for (SimAgent agent : model.agents()) {
            Long last = refreshedAt.get(agent.icmAgentId());
            if (agent.loggedIn() && (last == null || now - last >= settings.refreshEvery().toNanos())) {
                refresh(agent.icmAgentId());
            }
        }
        model.expire(Instant.now(), settings.chatMaxWait());
        Action action = plan.next(model);
        stats.sent(action);
        if (action instanceof Action.AgentAction agentAction) {
            agentAction(agentAction);
        } else if (action instanceof Action.OpenChatPage page) {
            openChatPage(page);
        } else if (action instanceof Action.Abandon abandon) {
            abandon(abandon);
        }
    }

    private void agentAction(Action.AgentAction action) throws Stopped {
        String path = "/agents/" + action.icmAgentId() + "/mrds/" + action.mrdId() + "/" + action.path();
        Answer answer = listener(action.kind(), "POST", path, action.body(), describe(action));
        if (answer == null) {
            return;
        }
        if (answer.ok()) {
            model.accepted(action);
        } else {
            // Whatever the listener holds now (an offer may have come in, someone else may act for the agent).
            refresh(action.icmAgentId());
        }
    }

    private void openChatPage(Action.OpenChatPage page) throws Stopped {
        long entryPoint = page.entryPointId();
        Answer answer = entrypoint(page.kind(), "GET", "/system/egain/chat/entrypoint/initialize/" + entryPoint,
                null, describe(page));
        if (answer == null || !answer.ok()) {
            return;
        }
        int responseType = readJson(answer.body()).at("/checkEligibility/responseType").asInt(-1);
        stats.answered(responseType);
        if (responseType != 0 || !page.startsChat()) {
            return;
        }
        Answer started = entrypoint("chat-start", "POST", "/system/egain/chat/entrypoint/" + entryPoint + "/chats",
                "{}", "chat start on entry point " + entryPoint);
        if (started != null && started.ok()) {
            String chatId = readJson(started.body()).path("chatId").asText("");
            stats.chatStarted();
            if (!chatId.isEmpty()) {
                model.chatStarted(WaitingChat.started(entryPoint, chatId, Instant.now()));
            }
        }
    }

    private void abandon(Action.Abandon abandon) throws Stopped {
        Answer answer = entrypoint(abandon.kind(), "POST", "/system/egain/chat/entrypoint/"
                + abandon.entryPointId() + "/chats/" + abandon.chatId() + "/abandon", "{}", describe(abandon));
        if (answer != null && (answer.ok() || answer.status() / 100 == 4)) {
            // Abandoned now, or no longer waiting (offered or timed out meanwhile): either way it waits no more.
            model.ended(abandon.chatId());
        }
    }

    /** Brings an agent's view in line with the listener's; 404 means the agent has no event yet, so logged out. */
    private void refresh(int icmAgentId) throws Stopped {
        Answer answer;
        try {
            answer = call("listener-service", settings.listenerUrl(), "GET", "/agents/" + icmAgentId, null,
                    "the state of agent " + icmAgentId);
        } catch (Unreachable unreachable) {
            return;
        }
        refreshedAt.put(icmAgentId, System.nanoTime());
        if (answer.status() == 404) {
            model.refreshed(SimAgent.loggedOut(icmAgentId));
        } else if (answer.ok()) {
            model.refreshed(agentFrom(readJson(answer.body()), icmAgentId, settings.mrdId()));
        }
    }

    /** The agent in one MRD from listener-service's {@code GET /agents/{id}} (an AgentState). */
    static SimAgent agentFrom(JsonNode agentState, int icmAgentId, int mrdId) {
        JsonNode mrds = agentState.path("mrds");
        JsonNode mrd = mrds.path(Integer.toString(mrdId));
        if (mrds.isArray()) {
            for (JsonNode candidate : mrds) {
                if (candidate.path("mrdId").asInt() == mrdId) {
                    mrd = candidate;
                }
            }
        }
        if (!mrd.path("loggedIn").asBoolean(false)) {
            return SimAgent.loggedOut(icmAgentId);
        }
        TreeMap<String, TaskStatus> tasks = new TreeMap<>();
        for (JsonNode task : mrd.path("tasks")) {
            JsonNode id = task.path("taskId");
            String taskId = id.isTextual() ? id.asText()
                    : id.path("groupHigh").asLong() + "-" + id.path("groupLow").asLong() + "-"
                            + id.path("sequence").asLong();
            try {
                tasks.put(taskId, TaskStatus.valueOf(task.path("status").asText()));
            } catch (IllegalArgumentException unknownStatus) {
                tasks.put(taskId, TaskStatus.ACTIVE);
            }
        }
        return new SimAgent(icmAgentId, true, mrd.path("routable").asBoolean(), mrd.path("ready").asBoolean(),
                mrd.path("taskLimit").asInt(), tasks);
    }

    private Answer listener(String kind, String method, String path, String body, String what) throws Stopped {
        return counted(kind, "listener-service", settings.listenerUrl(), method, path, body, what);
    }

    private Answer entrypoint(String kind, String method, String path, String body, String what) throws Stopped {
        return counted(kind, "entrypoint-service", settings.entrypointUrl(), method, path, body, what);
    }

    /** A request of an action: a 4xx counts as refused, a 5xx or no connection as failed; null unless answered. */
    private Answer counted(String kind, String service, String baseUrl, String method, String path, String body,
            String what) throws Stopped {
        Answer answer;
        try {
            answer = call(service, baseUrl, method, path, body, what);
        } catch (Unreachable unreachable) {
            stats.failed();
            return null;
        }
        if (answer.status() / 100 == 4) {
            stats.refused(kind);
            log("refused: " + what + ": " + answer.status() + " " + problem(answer.body()));
        } else if (!answer.ok()) {
            stats.failed();
            log("failed: " + what + ": " + service + " answered " + answer.status() + " " + problem(answer.body()));
            return null;
        }
        return answer;
    }

    /** One request, tried again with a doubling backoff while the service cannot be reached. */
    private Answer call(String service, String baseUrl, String method, String path, String body, String what)
            throws Unreachable, Stopped {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        if (credentials != null) {
            request.header("Authorization", credentials.authorization());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        Duration backoff = settings.firstBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Answer(response.statusCode(), response.body());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new Stopped();
            } catch (IOException e) {
                if (!isConnectFailure(e)) {
                    // Connected but no answer (timeout, connection reset): the request may have been done, so
                    // it is not sent again.
                    log(what + ": " + service + " at " + baseUrl + " did not answer: " + e);
                    throw new Unreachable();
                }
                stats.connectionFailure();
                if (attempt >= settings.attempts()) {
                    log(service + " at " + baseUrl + " is not reachable (" + e.getClass().getSimpleName()
                            + "); gave up on " + what + " after " + attempt + " attempts");
                    throw new Unreachable();
                }
                log(service + " at " + baseUrl + " is not reachable (" + e.getClass().getSimpleName() + "); attempt "
                        + attempt + " of " + settings.attempts() + " for " + what + ", next in "
                        + backoff.toMillis() + " ms");
                pause(backoff.toNanos());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean isConnectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e.getCause() instanceof ConnectException;
    }

    /** Waits, or throws when the run is asked to stop. */
    private void pause(long nanos) throws Stopped {
        try {
            if (stopRequested.await(nanos, TimeUnit.NANOSECONDS)) {
                throw new Stopped();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body == null ? "" : body);
        } catch (IOException notJson) {
            return JSON.missingNode();
        }
    }

    /** {@code E_ARM_STAT_AGENT_NOT_LOGGED_IN: detail}, or the detail, title or start of a body that is no problem. */
    static String problem(String body) {
        JsonNode problem = readJson(body);
        String detail = problem.path("detail").asText(problem.path("title").asText(""));
        String arm = problem.path("armStatus").asText("");
        String reason = problem.path("reason").asText("");
        String code = !arm.isEmpty() ? arm : reason;
        if (detail.isEmpty()) {
            String text = body == null ? "" : body.strip();
            detail = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        }
        return (code.isEmpty() ? "" : code + ": ") + detail.replaceAll("\\s*\\R\\s*", " ");
    }

    static String describe(Action action) {
        if (action instanceof Action.StartTask || action instanceof Action.WrapUp || action instanceof Action.EndTask) {
            Action.AgentAction a = (Action.AgentAction) action;
            return action.kind() + " of agent " + a.icmAgentId() + " in MRD " + a.mrdId() + " ("
                    + a.path().replaceAll("^tasks/([^/]+)/.*$", "task $1") + ")";
        }
        if (action instanceof Action.AgentAction a) {
            return action.kind() + " of agent " + a.icmAgentId() + " in MRD " + a.mrdId();
        }
        if (action instanceof Action.OpenChatPage page) {
            return "initialize of entry point " + page.entryPointId();
        }
        Action.Abandon abandon = (Action.Abandon) action;
        return "abandon of chat " + abandon.chatId() + " on entry point " + abandon.entryPointId();
    }

    private void log(String line) {
        out.println("simulator: " + line);
        out.flush();
    }
}
