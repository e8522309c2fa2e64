package dev.agentavailability.projection;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An agent's MRDs in MRD id order, immutable: two arrays, so that finding the agent's state in an MRD (for nearly
 * every event) is a short scan of ints, not a walk through map nodes and boxed keys. An agent logs into one to
 * three MRDs, so scanning beats searching. Read-only as a {@link SortedMap}; {@link #with} makes the next one.
 */
final class AgentMrds extends AbstractMap<Integer, AgentMrdState> implements SortedMap<Integer, AgentMrdState> {

    static final AgentMrds NONE = new AgentMrds(new int[0], new AgentMrdState[0]);

    private final int[] ids;
    private final AgentMrdState[] states;

    private AgentMrds(int[] ids, AgentMrdState[] states) {
        this.ids = ids;
        this.states = states;
    }

    /** The same map if it already is one of these, else a copy (a null key or value is refused). */
    static AgentMrds copyOf(Map<Integer, AgentMrdState> mrds) {
        if (mrds instanceof AgentMrds same) {
            return same;
        }
        SortedMap<Integer, AgentMrdState> sorted = new TreeMap<>(mrds);
        int[] ids = new int[sorted.size()];
        AgentMrdState[] states = new AgentMrdState[sorted.size()];
        int k = 0;
        for (Map.Entry<Integer, AgentMrdState> entry : sorted.entrySet()) {
            ids[k] = entry.getKey();
            states[k] = java.util.Objects.requireNonNull(entry.getValue(), "the state of MRD " + entry.getKey());
            k++;
        }
        return new AgentMrds(ids, states);
    }

    /** The state in this MRD, or null. */
    AgentMrdState in(int mrdId) {
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] == mrdId) {
                return states[k];
            }
        }
        return null;
    }

    /** With the state put in for its MRD (added in order, or in place of the one there). */
    AgentMrds with(AgentMrdState state) {
        int mrdId = state.mrdId();
        for (int k = 0; k < ids.length; k++) {
            if (ids[k] == mrdId) {
                AgentMrdState[] next = states.clone();
                next[k] = state;
                return new AgentMrds(ids, next);
            }
        }
        int at = 0;
        while (at < ids.length && ids[at] < mrdId) {
            at++;
        }
        int[] nextIds = new int[ids.length + 1];
        AgentMrdState[] nextStates = new AgentMrdState[ids.length + 1];
        System.arraycopy(ids, 0, nextIds, 0, at);
        System.arraycopy(states, 0, nextStates, 0, at);
        nextIds[at] = mrdId;
        nextStates[at] = state;
        System.arraycopy(ids, at, nextIds, at + 1, ids.length - at);
        System.arraycopy(states, at, nextStates, at + 1, ids.length - at);
        return new AgentMrds(nextIds, nextStates);
    }

    @Override
    public AgentMrdState get(Object key) {
        return key instanceof Integer mrdId ? in(mrdId) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        return ids.length;
    }

    @Override
    public Set<Map.Entry<Integer, AgentMrdState>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<Integer, AgentMrdState>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < ids.length;
                    }

                    @Override
                    public Map.Entry<Integer, AgentMrdState> next() {
                        if (next >= ids.length) {
                            throw new NoSuchElementException();
                        }
                        int k = next++;
                        return new AbstractMap.SimpleImmutableEntry<>(ids[k], states[k]);
                    }
                };
            }

            @Override
            public int size() {
                return ids.length;
            }
        };
    }

    @Override
    public Comparator<? super Integer> comparator() {
        return null; // natural order
    }

    @Override
    public Integer firstKey() {
        if (ids.length == 0) {
            throw new NoSuchElementException();
        }
        return ids[0];
    }

    @Override
    public Integer lastKey() {
        if (ids.length == 0) {
            throw new NoSuchElementException();
        }
        return ids[ids.length - 1];
    }

    // views of part of the map are rare (nothing here asks for them): read-only copies
    @Override
    public SortedMap<Integer, AgentMrdState> subMap(Integer fromKey, Integer toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).subMap(fromKey, toKey));
    }

    @Override
    public SortedMap<Integer, AgentMrdState> headMap(Integer toKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).headMap(toKey));
    }

    @Override
    public SortedMap<Integer, AgentMrdState> tailMap(Integer fromKey) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(this).tailMap(fromKey));
    }
}
