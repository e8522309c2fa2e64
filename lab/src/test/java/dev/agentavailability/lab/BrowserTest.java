package dev.agentavailability.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentavailability.contract.ContractJson;
import dev.agentavailability.contract.arm.IcmAgentState;
import dev.agentavailability.contract.availability.AgentAvailability;
import dev.agentavailability.contract.availability.AvailabilityCounts;
import dev.agentavailability.contract.availability.SkillGroupAvailability;
import dev.agentavailability.contract.topic.Topics;
import dev.agentavailability.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The supervisor board and the customer chat page in a real headless Chromium against a running lab: agent actions
 * on the listener change both pages without a reload, an agent at its task limit says so, a left message reaches
 * the board. Each test has its own agent, skill group and entry point, and saves screenshots under target/browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ALWAYS_OPEN = "{\"name\":\"%s\",\"mrdId\":5000,\"skillGroupIds\":[%d],"
            + "\"maxQueueDepth\":3}";

    private Lab lab;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        browser = Browser.start();
        lab = LabFixture.start(3);
        for (int i = 1; i <= 3; i++) {
            int skillGroup = 7100 + i;
            lab.send("PUT", lab.router().url() + "/config/skill-groups/" + skillGroup, "application/json",
                    "{\"name\":\"Browser_" + i + "\",\"mrdId\":5000,\"peripheralNumber\":" + (71000 + i) + "}");
            lab.send("PUT", lab.router().url() + "/config/agents/" + (7700 + i), "application/json",
                    "{\"name\":\"Browser.Agent_" + i + "\",\"peripheralNumber\":" + (17700 + i) + ",\"skillGroupIds\":["
                            + skillGroup + "]}");
            lab.send("PUT", lab.entrypoint().url() + "/entry-points/" + (9100 + i), "application/json",
                    ALWAYS_OPEN.formatted("Browser chat " + i, skillGroup));
        }
    }

    @AfterEach
    void closeTabs() {
        if (browser != null) {
            browser.closeTabs();
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void anAgentGoingReadyChangesTheBoardAndTheChatPageWithoutAReload() throws Exception {
        String board = openBoard();
        String chat = openTab(lab.entrypoint().url() + "/chat/?entryPoint=9101");
        awaitAnswer(chat, "1");
        assertThat(visible(By.id("start-chat"))).as("no chat button while nobody can take it").isFalse();
        assertThat(visible(By.id("leave-message"))).as("a message form instead").isTrue();
        markPage();
        show(board);
        markPage();
        awaitText(By.cssSelector("#entry-points tr[data-entry-point='9101'] .answer"), "1");

        agent(7701, "login", "{\"maxTaskLimit\":2,\"agentInfo\":\"7701\"}");
        agent(7701, "routable", "{\"maxTasks\":2}");
        agent(7701, "ready", "{\"makeRoutable\":true}");

        awaitText(By.cssSelector("#entry-points tr[data-entry-point='9101'] .answer"), "0");
        awaitText(agentCell(7701, 7101, "verdict"), "available");
        assertThat(marked()).as("the board was not reloaded").isTrue();
        scrollTo(By.cssSelector(row(7701, 7101)));
        browser.screenshot("board-agent-ready");

        show(chat);
        awaitAnswer(chat, "0");
        browser.waiting(WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.id("start-chat")));
        assertThat(visible(By.id("leave-message"))).isFalse();
        assertThat(marked()).as("the chat page was not reloaded").isTrue();
        browser.screenshot("chat-agent-ready");

        agent(7701, "not-ready", "{\"reasonCode\":5}");
        awaitAnswer(chat, "1");
        browser.waiting(WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("start-chat")));
        show(board);
        awaitText(agentCell(7701, 7101, "verdict"), "not ready");

        // a click on the agent: rttest's lines and its last events, rebuilt from the topics
        browser.driver().findElement(By.cssSelector(row(7701, 7101) + " button")).click();
        awaitText(By.cssSelector("#detail .rttest"), "7701");
        assertThat(browser.driver().findElement(By.cssSelector("#detail .events")).getText())
                .contains("MAKE_AGENT_READY_IND").contains("MAKE_AGENT_NOT_READY_REQ");
        browser.screenshot("board-agent-details");
        browser.driver().findElement(By.cssSelector("#detail .close")).click();

        // a click on the entry point: its explain
        browser.driver().findElement(By.cssSelector("#entry-points tr[data-entry-point='9101'] button")).click();
        awaitText(By.cssSelector("#detail .rules tr.decided"), "NO_AGENT_COULD_TAKE_IT");
        browser.screenshot("board-entry-point-explain");
        browser.driver().findElement(By.cssSelector("#detail .close")).click();
    }

    @Test
    void anAgentAtItsTaskLimitShowsAtTaskLimit() throws Exception {
        agent(7702, "login", "{\"maxTaskLimit\":1,\"agentInfo\":\"7702\"}");
        agent(7702, "routable", "{\"maxTasks\":1}");
        agent(7702, "ready", "{\"makeRoutable\":true}");
        String chat = openTab(lab.entrypoint().url() + "/chat/?entryPoint=9102");
        awaitAnswer(chat, "0");
        browser.driver().findElement(By.id("start-chat")).click();
        awaitText(By.id("chat-status"), "started");
        browser.screenshot("chat-started");

        openBoard();
        awaitText(agentCell(7702, 7102, "verdict"), "at task limit");
        assertThat(browser.driver().findElement(By.cssSelector(row(7702, 7102) + " .tasks")).getText())
                .isEqualTo("1 / 1");
        scrollTo(By.cssSelector(row(7702, 7102)));
        browser.screenshot("board-at-task-limit");
    }

    @Test
    void theLeaveAMessageFormStoresAMessageTheBoardShows() throws Exception {
        String chat = openTab(lab.entrypoint().url() + "/chat/?entryPoint=9103");
        awaitAnswer(chat, "1");
        browser.driver().findElement(By.id("name")).sendKeys("Ann Customer");
        browser.driver().findElement(By.id("email")).sendKeys("ann@example.com");
        browser.driver().findElement(By.id("text")).sendKeys("Please call me back about order 17.");
        browser.driver().findElement(By.cssSelector("#leave-message button[type=submit]")).click();
        awaitText(By.id("message-status"), "received");
        String id = browser.driver().findElement(By.id("message-status")).getAttribute("data-message-id");
        browser.screenshot("chat-message-left");

        openBoard();
        awaitText(By.cssSelector("#messages tr[data-message='" + id + "'] .message-text"), "order 17");
        browser.screenshot("board-messages");
    }

    /**
     * The board at a large contact center's size: 2,000 agents in 200 skill groups (each agent in two, so 4,000 agent
     * rows), then 200 of them changing at once. Asserts what a supervisor must see; the times and the layout shift
     * are measured and written to target/browser/board-scale.json (a figure, not a pass mark: no timing is asserted).
     */
    @Test
    void theBoardStaysUsableWithTwoThousandAgentsInTwoHundredSkillGroups() throws Exception {
        int agents = 2_000;
        int groups = 200;
        int first = 800_001;
        try (KafkaProducer<String, String> producer = KafkaClients.bootstrap(lab.bootstrapServers())
                .producer("browser-test-scale", Map.of(), new StringSerializer(), new StringSerializer())) {
            for (int g = 0; g < groups; g++) {
                SkillGroupAvailability record = new SkillGroupAvailability(SkillGroupAvailability.SCHEMA_VERSION,
                        810_000 + g, 5000, 0, new AvailabilityCounts(10, 10, 10, 10, 0, 0, 0, 20, 0), 1, Instant.now());
                producer.send(new ProducerRecord<>(Topics.SKILL_GROUP_AVAILABILITY, record.key(),
                        ContractJson.write(record)));
            }
            for (int i = 0; i < agents; i++) {
                producer.send(agentState(first + i, List.of(810_000 + i % groups, 810_000 + (i + 1) % groups), 0));
            }
            producer.flush();

            long started = System.nanoTime();
            openBoard();
            browser.waiting(Duration.ofSeconds(60)).until(d -> number("agentRows") >= 2L * agents);
            double loadedMs = (System.nanoTime() - started) / 1e6;
            double snapshotMs = number("snapshotMs");

            double shiftBefore = number("layoutShift");
            started = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                producer.send(agentState(first + i * 10, List.of(810_000 + i * 10 % groups,
                        810_000 + (i * 10 + 1) % groups), 2));
            }
            producer.flush();
            awaitText(agentCell(first + 1_990, 810_000 + 1_990 % groups, "verdict"), "at task limit");
            double changedMs = (System.nanoTime() - started) / 1e6;
            browser.screenshot("board-2000-agents");

            assertThat(browser.driver().findElements(By.cssSelector(".sg tr[data-agent]")).size())
                    .isGreaterThanOrEqualTo(2 * agents);
            assertThat(browser.driver().findElements(By.cssSelector(".sg[data-sg^='810']")).size()).isEqualTo(groups);
            String figures = String.format(java.util.Locale.ROOT, "{\"agents\": %d, \"skillGroups\": %d, "
                    + "\"agentRows\": %d, \"openToAllRowsMs\": %.0f, \"snapshotRenderMs\": %.1f, "
                    + "\"twoHundredChangesVisibleMs\": %.0f, \"lastChangeRenderMs\": %.1f, "
                    + "\"layoutShiftWhileLoading\": %.4f, \"layoutShiftOfTheChanges\": %.4f}%n",
                    agents, groups, (long) number("agentRows"), loadedMs, snapshotMs, changedMs,
                    number("lastChangeMs"), shiftBefore, number("layoutShift") - shiftBefore);
            java.nio.file.Files.writeString(Browser.SCREENSHOTS.resolve("board-scale.json"), figures);
            System.out.print("board at scale: " + figures);

            // leave the lab's board as it was for the other tests
            for (int i = 0; i < agents; i++) {
                producer.send(new ProducerRecord<>(Topics.AGENT_STATES, Integer.toString(first + i), null));
            }
            for (int g = 0; g < groups; g++) {
                producer.send(new ProducerRecord<>(Topics.SKILL_GROUP_AVAILABILITY,
                        SkillGroupAvailability.key(810_000 + g, 0), null));
            }
        }
    }

    private static ProducerRecord<String, String> agentState(int agent, List<Integer> skillGroups, int tasks) {
        boolean available = tasks < 2;
        AgentAvailability record = new AgentAvailability(AgentAvailability.SCHEMA_VERSION, agent, "Scale.Agent_" + agent,
                0, List.of(new AgentAvailability.Mrd(5000, IcmAgentState.NOT_ACTIVE, Instant.now(), true, true, true, 0,
                        false, tasks, 2, skillGroups, available ? "ICM_AVAILABLE" : "NOT_AVAILABLE", available,
                        available ? List.of() : List.of("AT_TASK_LIMIT"))), 1, Instant.now());
        return new ProducerRecord<>(Topics.AGENT_STATES, record.key(), ContractJson.write(record));
    }

    private double number(String stat) {
        Object value = ((JavascriptExecutor) browser.driver()).executeScript(
                "return window.boardStats ? window.boardStats['" + stat + "'] : 0;");
        return value == null ? 0 : ((Number) value).doubleValue();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private String openBoard() {
        String handle = openTab("about:blank");
        browser.logIn(lab.users().user("supervisor"));
        browser.driver().get(lab.entrypoint().url() + "/board");
        browser.waiting(WAIT).until(ExpectedConditions.attributeToBe(By.id("connection"), "data-state", "live"));
        return handle;
    }

    private String openTab(String url) {
        browser.driver().switchTo().newWindow(WindowType.TAB);
        browser.driver().get(url);
        return browser.driver().getWindowHandle();
    }

    private void show(String handle) {
        browser.driver().switchTo().window(handle);
    }

    private void awaitAnswer(String handle, String responseType) {
        show(handle);
        browser.waiting(WAIT).until(ExpectedConditions.attributeToBe(By.id("answer"), "data-response-type",
                responseType));
    }

    private void awaitText(By where, String text) {
        browser.waiting(WAIT).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private void scrollTo(By where) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.driver().findElement(where));
    }

    private boolean visible(By where) {
        List<WebElement> found = browser.driver().findElements(where);
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** A mark in the page's window object: still there later means the page was not reloaded. */
    private void markPage() {
        ((JavascriptExecutor) browser.driver()).executeScript("window.notReloaded = true;");
    }

    private boolean marked() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser.driver()).executeScript("return window.notReloaded;"));
    }

    private static String row(int agent, int skillGroup) {
        return ".sg[data-sg='" + skillGroup + "'] tr[data-agent='" + agent + "']";
    }

    private static By agentCell(int agent, int skillGroup, String cell) {
        return By.cssSelector(row(agent, skillGroup) + " ." + cell);
    }

    private void agent(int agent, String action, String body) throws Exception {
        lab.send("POST", lab.listener().url() + "/agents/" + agent + "/mrds/5000/" + action, "application/json", body);
    }
}
