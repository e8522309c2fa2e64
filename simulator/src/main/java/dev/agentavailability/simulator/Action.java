package dev.agentavailability.simulator;

/**
 * One step of simulated traffic, as {@link TrafficPlan} decides it: an agent action on listener-service or a
 * customer's visit to an entry point. Plain data: {@link TrafficRun} sends it.
 */
public sealed interface Action {

    /** The kind as the summary counts it: login, routable, ready, not-ready, logout, task-start, ... */
    String kind();

    /** An agent action: {@code POST /agents/{icmAgentId}/mrds/{mrdId}/{path}} on listener-service. */
    sealed interface AgentAction extends Action {
        int icmAgentId();

        int mrdId();

        /** The path below {@code /agents/{id}/mrds/{mrd}/}. */
        String path();

        /** The JSON body. */
        String body();
    }

    /** MEDIA_LOGIN_REQ as ECE sends it (agentMode 0, isAvailable false); the agent's console id as agentInfo. */
    record Login(int icmAgentId, int mrdId, int maxTaskLimit) implements AgentAction {
        public String kind() {
            return "login";
        }

        public String path() {
            return "login";
        }

        public String body() {
            return "{\"maxTaskLimit\":" + maxTaskLimit + ",\"agentInfo\":\"" + icmAgentId + "\"}";
        }
    }

    /** MAKE_AGENT_ROUTABLE_IND, re-stating the task limit. */
    record Routable(int icmAgentId, int mrdId, int maxTasks) implements AgentAction {
        public String kind() {
            return "routable";
        }

        public String path() {
            return "routable";
        }

        public String body() {
            return "{\"maxTasks\":" + maxTasks + "}";
        }
    }

    /** MAKE_AGENT_READY_IND with MakeRoutable 1, as ECE sends it. */
    record Ready(int icmAgentId, int mrdId) implements AgentAction {
        public String kind() {
            return "ready";
        }

        public String path() {
            return "ready";
        }

        public String body() {
            return "{\"makeRoutable\":true}";
        }
    }

    /** MAKE_AGENT_NOT_READY_REQ with a reason code. */
    record NotReady(int icmAgentId, int mrdId, int reasonCode) implements AgentAction {
        public String kind() {
            return "not-ready";
        }

        public String path() {
            return "not-ready";
        }

        public String body() {
            return "{\"reasonCode\":" + reasonCode + "}";
        }
    }

    /** MEDIA_LOGOUT_IND. */
    record Logout(int icmAgentId, int mrdId) implements AgentAction {
        public String kind() {
            return "logout";
        }

        public String path() {
            return "logout";
        }

        public String body() {
            return "{}";
        }
    }

    /** START_TASK_IND: the agent accepts a task the router had offered it (OFFER_TASK_IND by the listener). */
    record StartTask(int icmAgentId, int mrdId, String taskId) implements AgentAction {
        public String kind() {
            return "task-start";
        }

        public String path() {
            return "tasks/" + taskId + "/start";
        }

        public String body() {
            return "{}";
        }
    }

    /** WRAPUP_TASK_IND: the chat is over, the agent writes its notes. */
    record WrapUp(int icmAgentId, int mrdId, String taskId) implements AgentAction {
        public String kind() {
            return "wrapup";
        }

        public String path() {
            return "tasks/" + taskId + "/wrapup";
        }

        public String body() {
            return "{}";
        }
    }

    /** END_TASK_IND with disposition 38 (normal end). */
    record EndTask(int icmAgentId, int mrdId, String taskId) implements AgentAction {
        public String kind() {
            return "task-end";
        }

        public String path() {
            return "tasks/" + taskId + "/end";
        }

        public String body() {
            return "{\"disposition\":38}";
        }
    }

    /**
     * A customer opens the chat page: initialize on entry-point-service; if it answers responseType 0 and
     * {@code startsChat}, the customer starts a chat.
     */
    record OpenChatPage(long entryPointId, boolean startsChat) implements Action {
        public String kind() {
            return "initialize";
        }
    }

    /** A waiting customer gives up: the chat is abandoned. */
    record Abandon(long entryPointId, String chatId) implements Action {
        public String kind() {
            return "abandon";
        }
    }
}
